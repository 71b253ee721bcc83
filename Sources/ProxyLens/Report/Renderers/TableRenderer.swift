import Foundation

/// Aligned text for a terminal; colour only on a terminal, log text stripped of control characters.
struct TableRenderer: ReportRendering {
    let name = "table"
    let summary = "Aligned text for a terminal; colour only on a terminal, log text stripped of control characters."

    func render(_ report: Report, _ options: RenderOptions) -> String {
        ReportRenderer.table(report, options)
    }
}

extension ReportRenderer {
    /// Per proxy and function: the headline numbers, a sparkline per metric, the findings.
    static func metricsTable(_ metrics: Report.MetricsSection) -> String {
        var out = ""
        func rows(_ series: [Report.MetricSeriesRow]) -> [[String]] {
            series.map { [$0.metric, $0.stat, number($0.peak), iso($0.peakTs), sparkline($0.values)] }
        }
        for proxy in metrics.proxies {
            var head = "  proxy \(Terminal.clean(proxy.proxy))"
            if let pinned = proxy.peakPinnedPercent { head += ": peak pinned \(number(pinned)) %" }
            if let clients = proxy.peakClientConnections { head += ", peak client connections \(number(clients))" + (proxy.maxConnections.map { " of \($0) allowed" } ?? "") }
            if let borrow = proxy.peakBorrowLatencyUs { head += ", peak borrow latency \(number(borrow / 1000)) ms" }
            out += head + "\n" + TextTable.render(["metric", "stat", "peak", "at", "series"], rows(proxy.series), maxCell: 44)
        }
        for function in metrics.functions {
            var head = "  function \(Terminal.clean(function.function))"
            if let concurrency = function.peakConcurrency { head += ": peak concurrency \(number(concurrency))" }
            if let throttles = function.throttles { head += ", \(number(throttles)) throttles" }
            out += head + "\n" + TextTable.render(["metric", "stat", "peak", "at", "series"], rows(function.series), maxCell: 44)
        }
        for finding in metrics.findings { out += "  \(Terminal.clean(finding.subject)): \(Terminal.clean(finding.found)).\n    → \(finding.change)\n" }
        return out
    }

    public static func table(_ report: Report, color: Bool, top: Int) -> String {
        table(report, RenderOptions(color: color, top: top))
    }

    static func table(_ report: Report, _ options: RenderOptions) -> String {
        let color = options.color, top = options.top
        func bold(_ s: String) -> String { color ? "\u{1b}[1m\(s)\u{1b}[0m" : s }
        var out = bold("proxylens report") + " — \(Terminal.clean(report.database)), \(report.inputs) inputs\n"
        out += "\(iso(report.firstTs)) … \(iso(report.lastTs))   \(report.invocations) invocations, \(report.failures) failures (\(percent(report.failureRate)))\n\n"
        if report.failures == 0 {
            return out + "No failures found.\n\n" + stamp(options) + "\n"
        }
        out += bold("Causes") + "\n"
        out += TextTable.render(["cause", "failures", "share", "instances", "first", "last", "conf"], report.causes.map {
            [$0.cause, String($0.failures), percent($0.share), String($0.instances), iso($0.first), iso($0.last), String(format: "%.2f", $0.meanConfidence)]
        })
        out += "\n" + bold("Timeline (\(report.windowSeconds / 60 > 0 ? "\(report.windowSeconds / 60)m" : "\(report.windowSeconds)s") windows)") + "\n"
        out += TextTable.render(["window", "failures", "top causes"], report.windows.map { [iso($0.start), String($0.failures), causesText($0.causes)] })
        out += "\n" + bold("Instances (top \(top))") + "\n"
        out += TextTable.render(["function", "instance", "failures", "causes"], report.instances.prefix(top).map {
            [Terminal.clean($0.function), Terminal.clean($0.instance), String($0.failures), causesText($0.causes)]
        }, maxCell: 48)
        if !report.chains.isEmpty {
            out += "\n" + bold("Cause chains") + "\n"
            for chain in report.chains {
                out += "  \(chain.connectionTimeouts) connection timeouts on \(Terminal.clean(chain.proxy)) follow from \(chain.leaks) pinning leaks (\(iso(chain.first)) … \(iso(chain.last)))\n"
            }
        }
        if !report.pinning.isEmpty {
            out += "\n" + bold("Pinning") + "\n"
            out += TextTable.render(["proxy", "sessions", "reason", "remedy"], report.pinning.prefix(top).map {
                [Terminal.clean($0.proxy), String($0.sessions), Terminal.clean($0.reason + ($0.digest.map { " Digest: \($0)" } ?? "")), $0.remedy]
            }, maxCell: 44)
        }
        if !report.findings.isEmpty {
            out += "\n" + bold("Configuration") + "\n"
            for finding in report.findings { out += "  \(Terminal.clean(finding.subject)): \(Terminal.clean(finding.found)).\n    → \(finding.change)\n" }
        }
        if let metrics = report.metrics { out += "\n" + bold("Metrics") + "\n" + metricsTable(metrics) }
        out += "\n" + bold("What to change") + "\n"
        for recommendation in report.recommendations {
            out += "  \(recommendation.cause): \(recommendation.advice)\n"
            for line in recommendation.evidence { out += "    · \(String(Terminal.clean(line).prefix(160)))\n" }
        }
        return out + "\n" + stamp(options) + "\n"
    }
}
