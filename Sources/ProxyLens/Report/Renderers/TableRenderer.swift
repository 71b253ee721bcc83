import Foundation

/// Text for a terminal: laid out for its width (100 when piped), numbers right-aligned, ids cut
/// from the left, prose wrapped at word boundaries, nothing cut without `…` (`--wide`: whole
/// values); cause colours on a terminal; log text stripped of control characters.
struct TableRenderer: ReportRendering {
    let name = "table"
    let summary = "Text for the terminal's width (100 when piped; --wide: whole values), cause colours on a terminal, log text stripped of control characters."

    func render(_ report: Report, _ options: RenderOptions) -> String {
        ReportRenderer.table(report, options)
    }
}

extension ReportRenderer {
    /// ANSI colour per cause (on a terminal only).
    static let causeColors: [String: String] = [
        "stale-connection": "33", "query-timeout": "35", "connection-timeout": "31", "lambda-timeout-pinning-leak": "36", "unclassified": "90",
    ]

    /// Per proxy and function: the headline numbers, a sparkline per metric, the findings.
    static func metricsTable(_ metrics: Report.MetricsSection, _ options: RenderOptions, clock: ClockStyle) -> String {
        let width = options.wide ? nil : options.width
        let spark = options.wide ? 60 : max(10, min(40, options.width - 62))
        var out = ""
        func table(_ series: [Report.MetricSeriesRow]) -> String {
            TextLayout.table([.init("metric", fit: .cutEnd, min: 12), .init("stat", fit: .cutEnd, min: 4), .init("peak", right: true),
                              .init("at"), .init("series", fit: .cutEnd, min: 10)],
                             series.map { [$0.metric, $0.stat, number($0.peak), clock($0.peakTs), sparkline($0.values, width: spark)] }, width: width)
        }
        for proxy in metrics.proxies {
            var head = "proxy \(Terminal.clean(proxy.proxy))"
            if let pinned = proxy.peakPinnedPercent { head += ": peak pinned \(number(pinned)) %" }
            if let clients = proxy.peakClientConnections { head += ", peak client connections \(number(clients))" + (proxy.maxConnections.map { " of \($0) allowed" } ?? "") }
            if let borrow = proxy.peakBorrowLatencyUs { head += ", peak borrow latency \(number(borrow / 1000)) ms" }
            out += TextLayout.paragraph(head, width: options.width, first: "  ", indent: "    ") + table(proxy.series)
        }
        for function in metrics.functions {
            var head = "function \(Terminal.clean(function.function))"
            if let concurrency = function.peakConcurrency { head += ": peak concurrency \(number(concurrency))" }
            if let throttles = function.throttles { head += ", \(number(throttles)) throttles" }
            out += TextLayout.paragraph(head, width: options.width, first: "  ", indent: "    ") + table(function.series)
        }
        for finding in metrics.findings { out += findingText(finding, options) }
        return out
    }

    /// Per proxy: a sparkline per series (client, pinned, database connections, borrow
    /// timeouts) with its peak and when; the series' notes (what was merged, how unclosed
    /// sessions were ended) under them.
    static func pressureTable(_ report: Report, _ options: RenderOptions, clock: ClockStyle) -> String {
        guard let bins = report.series.bins, !report.pressure.isEmpty else { return "" }
        let width = options.wide ? nil : options.width
        // Room for the other columns (about 40) and no more characters than bins.
        let spark = options.wide ? bins.count : max(10, min(bins.count, options.width - 44))
        var out = ""
        for proxy in orderedProxies(report) {
            let rows = report.pressure.filter { $0.proxy == proxy }
            var head = "proxy \(Terminal.clean(proxy))"
            if let idle = report.series.idleTimeouts.first(where: { $0.proxy == proxy }) {
                head += " (IdleClientTimeout \(idle.seconds) s\(idle.fromConfiguration ? "" : ", AWS's default"))"
            }
            out += TextLayout.paragraph(head, width: options.width, first: "  ", indent: "    ")
            let series: [(String, KeyPath<Report.PressureRow, Int>)] = [
                ("client sessions", \.clientSessions), ("pinned sessions", \.pinnedSessions),
                ("db connections", \.dbConnections), ("borrow timeouts", \.borrowTimeouts),
            ]
            out += TextLayout.table([.init("series", fit: .cutEnd, min: 10), .init("peak", right: true), .init("at"), .init("per bin", fit: .cutEnd, min: 10)],
                                    series.map { name, key in
                let values = rows.map { Double($0[keyPath: key]) }
                let peak = rows.max { $0[keyPath: key] < $1[keyPath: key] }
                let at = peak.map { $0[keyPath: key] > 0 ? clock($0.start) : "-" } ?? "-"
                return [name, String(peak?[keyPath: key] ?? 0), at, sparkline(values, width: spark, floor: 0)]
            }, width: width)
        }
        for note in report.series.notes { out += TextLayout.paragraph(Terminal.clean(note), width: options.wide ? Int.max / 4 : options.width, first: "  · ", indent: "    ") }
        return out
    }

    /// Proxies with the most failures first, then the others by name.
    static func orderedProxies(_ report: Report) -> [String] {
        var seen = Set<String>()
        let all = report.proxies.map(\.proxy) + report.pressure.map(\.proxy).sorted()
        return all.filter { name in seen.insert(name).inserted && report.pressure.contains { $0.proxy == name } }
    }

    static func findingText(_ finding: Report.Finding, _ options: RenderOptions) -> String {
        let width = options.wide ? Int.max / 4 : options.width
        return TextLayout.paragraph("\(Terminal.clean(finding.subject)): \(Terminal.clean(finding.found)).", width: width, first: "  ", indent: "    ")
            + TextLayout.paragraph(Terminal.clean(finding.change), width: width, first: "    → ", indent: "      ")
    }

    public static func table(_ report: Report, color: Bool, top: Int) -> String {
        table(report, RenderOptions(color: color, top: top))
    }

    static func table(_ report: Report, _ options: RenderOptions) -> String {
        let color = options.color, top = options.top
        let width: Int? = options.wide ? nil : options.width
        let proseWidth = options.wide ? Int.max / 4 : options.width
        func bold(_ s: String) -> String { color ? "\u{1b}[1m\(s)\u{1b}[0m" : s }
        func paint(_ cause: String) -> String {
            guard color, let code = causeColors[cause] else { return cause }
            return "\u{1b}[\(code)m\(cause)\u{1b}[0m"
        }
        func prose(_ text: String, first: String = "", indent: String = "") -> String {
            TextLayout.paragraph(text, width: proseWidth, first: first, indent: indent)
        }
        let clock = ClockStyle(first: report.firstTs, last: report.lastTs, wide: options.wide)
        var out = prose("\(bold("proxylens report")) — \(Terminal.clean(report.database)), \(report.inputs) inputs")
        out += prose("\(iso(report.firstTs)) … \(iso(report.lastTs)), \(report.invocations) invocations, \(report.failures) failures (\(percent(report.failureRate)))")
        // Names from file paths are marked `*` where shown, and said here with how to set them.
        if let note = report.guessedNote { out += prose("* " + Terminal.clean(note), indent: "  ") }
        out += "\n"
        if report.failures == 0 {
            return out + prose(report.noFailuresSentence) + "\n" + stamp(options) + "\n"
        }
        out += bold("Causes") + " (times \(clock.context(report.firstTs)))\n"
        out += TextLayout.table([.init("cause", fit: .wrap, min: 14), .init("failures", right: true), .init("share", right: true),
                                 .init("instances", right: true), .init("first"), .init("last"), .init("conf", right: true)],
                                report.causes.map {
            [$0.cause, String($0.failures), percent($0.share), String($0.instances), clock($0.first), clock($0.last), String(format: "%.2f", $0.meanConfidence)]
        }, width: width, style: { row, column, text in
            guard color, column == 0, let code = causeColors[report.causes[row].cause] else { return text }
            return "\u{1b}[\(code)m\(text)\u{1b}[0m"
        })
        let windowName = report.windowSeconds % 60 == 0 ? "\(report.windowSeconds / 60)m" : "\(report.windowSeconds)s"
        out += "\n" + bold("Timeline (\(windowName) windows)") + "\n"
        out += TextLayout.table([.init("window"), .init("failures", right: true), .init("top causes", fit: .wrap, min: 20)],
                                report.windows.map { [clock($0.start), String($0.failures), topCausesText($0.causes, joiner: "\u{a0}")] }, width: width)
        let pressure = pressureTable(report, options, clock: clock)
        if !pressure.isEmpty {
            let binName = report.series.bins.map { SeriesBins.duration($0.widthMs) } ?? ""
            out += "\n" + bold("Pressure (\(binName) bins, most open at once per bin)") + "\n" + pressure
        }
        out += "\n" + bold(report.instances.count > top ? "Instances (top \(top) of \(report.instances.count); --top N for more)" : "Instances") + "\n"
        out += TextLayout.table([.init("function", fit: .cutEnd, min: 10), .init("instance", fit: .id, min: 16),
                                 .init("failures", right: true), .init("causes", fit: .wrap, min: 16)],
                                report.instances.prefix(top).map {
            [Terminal.clean($0.function) + (report.isGuessed($0.function, kind: "function") ? "*" : ""), Terminal.clean($0.instance), String($0.failures),
             // Three causes, and what is left out said; --wide: every one.
             causesText($0.causes, limit: options.wide ? nil : 3, joiner: "\u{a0}")]
        }, width: width)
        if !report.chains.isEmpty {
            out += "\n" + bold("Cause chains") + "\n"
            for chain in report.chains {
                out += prose("\(chain.connectionTimeouts) connection timeouts on \(Terminal.clean(chain.proxy)) follow from \(chain.leaks) pinning leaks (\(clock(chain.first)) … \(clock(chain.last)))", first: "  ", indent: "    ")
            }
        }
        if !report.pinning.isEmpty {
            out += "\n" + bold("Pinning") + "\n"
            out += TextLayout.table([.init("proxy", fit: .cutEnd, min: 10), .init("sessions", right: true), .init("reason", fit: .wrap, min: 16),
                                     .init("remedy", fit: .wrap, min: 20)],
                                    report.pinning.prefix(top).map {
                [Terminal.clean($0.proxy) + (report.isGuessed($0.proxy, kind: "proxy") ? "*" : ""), String($0.sessions), Terminal.clean($0.reason + ($0.digest.map { " Digest: \($0)" } ?? "")), Terminal.clean($0.remedy)]
            }, width: width)
        }
        if !report.findings.isEmpty {
            out += "\n" + bold("Configuration") + "\n"
            for finding in report.findings { out += findingText(finding, options) }
        }
        if let metrics = report.metrics { out += "\n" + bold("Metrics") + "\n" + metricsTable(metrics, options, clock: clock) }
        out += "\n" + bold("What to change") + "\n"
        for recommendation in report.recommendations {
            out += prose("\(paint(recommendation.cause)): \(Terminal.clean(recommendation.advice))", first: "  ", indent: "    ")
            for line in recommendation.evidence { out += prose(Terminal.clean(line), first: "    · ", indent: "      ") }
        }
        return out + "\n" + stamp(options) + "\n"
    }
}
