import Foundation

/// GitHub Actions workflow commands: one annotation per cause with failures, shown on the run's
/// summary page and its log: `::error` where a `--fail-on` gate is crossed, `::warning` for a
/// database cause with failures and no gate crossed, `::notice` for the rest and for the totals.
/// Written as the runner reads them (docs.github.com "Workflow commands for GitHub Actions";
/// escaping as actions/toolkit `packages/core/src/command.ts` `escapeData`/`escapeProperty`):
/// `::level title=…::message`, with `%`, CR and LF escaped in both parts and `:` and `,` in
/// properties, so no text from the logs can end the command or start another one.
struct GitHubAnnotationsRenderer: ReportRendering {
    let name = "github"
    let summary = "GitHub Actions annotations (::error where a --fail-on gate is crossed, ::warning for other database causes, ::notice for the totals), for a workflow step's output."

    func render(_ report: Report, _ options: RenderOptions) -> String {
        var out = ""
        func annotate(_ level: String, title: String, _ lines: [String]) {
            out += "::\(level) title=\(Self.property(title))::\(Self.data(lines.joined(separator: "\n")))\n"
        }
        for row in report.causes {
            guard let cause = Cause(rawValue: row.cause) else { continue }
            let gate = options.thresholds.first { $0.cause == cause }
            let crossed = gate.map { row.failures > $0.limit } ?? false
            let level = crossed ? "error" : cause == .unclassified ? "notice" : "warning"
            var lines = ["\(row.failures) \(cause.rawValue) failures (\(ReportRenderer.percent(row.share)) of failures) on \(row.instances) instances, "
                         + "\(ReportRenderer.iso(row.first)) … \(ReportRenderer.iso(row.last)): \(cause.summary)."]
            if let gate {
                lines.append(crossed ? "--fail-on \(cause.rawValue)\(gate.limit == 0 ? "" : "=\(gate.limit)"): crossed (more than \(gate.limit))."
                                     : "--fail-on \(cause.rawValue)\(gate.limit == 0 ? "" : "=\(gate.limit)"): passed.")
            }
            // The instances with most failures of this cause (the report ranks them by all causes).
            let counted = report.instances.compactMap { instance -> (name: String, failures: Int)? in
                guard let n = instance.causes.first(where: { $0.cause == row.cause })?.failures, n > 0 else { return nil }
                let guessed = report.isGuessed(instance.function, kind: "function") ? " (guessed)" : ""
                return ("\(instance.function)\(guessed) \(instance.instance)", n)
            }
            let top = counted.enumerated().sorted { ($1.element.failures, $0.offset) < ($0.element.failures, $1.offset) }.prefix(3)
            if !top.isEmpty { lines.append("Most on: " + top.map { "\($0.element.name): \($0.element.failures)" }.joined(separator: "; ") + ".") }
            if let advice = report.recommendations.first(where: { $0.cause == row.cause })?.advice { lines.append("Change: \(advice)") }
            annotate(level, title: "proxylens: \(cause.rawValue)", lines)
        }
        let total = "\(report.failures) failed of \(report.invocations) invocations (\(ReportRenderer.percent(report.failureRate)))"
            + " in \(ReportRenderer.iso(report.firstTs)) … \(ReportRenderer.iso(report.lastTs))"
        // Nothing to judge is a warning: a job that ingested the wrong folder must not read as clean.
        annotate(report.invocations == 0 ? "warning" : "notice", title: "proxylens",
                 [report.invocations == 0 ? report.noFailuresSentence : total + "."] + [report.guessedNote].compactMap { $0 } + [ReportRenderer.stamp(options) + "."])
        return out
    }

    /// A message: the runner turns `%25`, `%0D`, `%0A` back into `%`, CR and LF. Other control
    /// characters and bidi overrides from the logs are removed, as on a terminal.
    static func data(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { Terminal.clean(String($0)) }.joined(separator: "\n")
            .replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property value: as a message, and `:` and `,`, which end a property.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
