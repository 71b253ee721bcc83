import Foundation

/// The report in one sentence, for the top of the page: how many failed, of which causes most,
/// the cause chain when there is one, and the proxy whose pinned sessions peaked highest.
enum ReportVerdict {
    static func line(_ report: Report) -> String {
        guard report.failures > 0, let top = report.causes.first else {
            return report.invocations == 0 ? report.noFailuresSentence : "No failures found in \(report.invocations) invocations."
        }
        let leaders = report.causes.filter { $0.failures == top.failures }.map { "\($0.cause) (\($0.failures))" }
        var text = "\(report.failures) of \(report.invocations) invocations failed (\(ReportRenderer.percent(report.failureRate))), "
            + "most of them \(leaders.joined(separator: " and "))"
        if let chain = report.chains.first {
            text += "; on \(chain.proxy), \(chain.connectionTimeouts) connection timeouts follow from \(chain.leaks) pinning leaks"
        }
        if let peak = report.pressure.max(by: { ($0.pinnedSessions, $1.start) < ($1.pinnedSessions, $0.start) }), peak.pinnedSessions > 0 {
            text += "; pinned sessions peaked at \(peak.pinnedSessions) on \(peak.proxy) at \(Timestamp.iso(peak.start))"
        }
        return text + "."
    }
}
