import Foundation

/// One self-contained HTML page: inline CSS, inline SVG charts on one time axis, no scripts, no
/// fonts, no network. Every piece of log text goes through `HTMLText.escape`.
struct HTMLRenderer: ReportRendering {
    let name = "html"
    let summary = "One self-contained page (no scripts, fonts or network): a one-line verdict, the failure timeline and each proxy's pressure on one time axis, breakdowns, instances linked to their failures."

    func render(_ report: Report, _ options: RenderOptions) -> String { Self.render(report, options) }

    static let colors: [String: String] = [
        "stale-connection": "#d95f02", "query-timeout": "#7570b3", "connection-timeout": "#e7298a",
        "lambda-timeout-pinning-leak": "#1b9e77", "unclassified": "#999999",
    ]

    static func render(_ report: Report, _ options: RenderOptions) -> String {
        let top = options.top
        let e = HTMLText.escape
        let iso = ReportRenderer.iso
        var html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <title>proxylens report</title>
        <style>
        body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
        h1{font-size:1.5rem;margin-bottom:.3rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
        table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
        td.n,th.n{text-align:right}code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
        pre{background:#f6f8fa;padding:.5rem;white-space:pre-wrap;word-break:break-all;margin:.25rem 0}
        .sw{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
        .legend span{margin-right:1rem}.muted{color:#666}
        .verdict{font-size:1.05rem;background:#fff8e6;border-left:4px solid #e6a700;padding:.5rem .75rem;margin:.5rem 0}
        svg text{font:11px system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;fill:#555}
        svg text.title{font-size:12px;font-weight:600;fill:#222}svg text.date{fill:#888}svg text.unit{font-weight:600}
        svg line.grid{stroke:#e6e6e6;stroke-width:1}svg line.base{stroke:#999;stroke-width:1}
        tr:target{background:#fff3c4}h3:target{background:#fff3c4}
        </style></head><body>
        <h1>proxylens report</h1>
        <p class="verdict" id="verdict">\(e(ReportVerdict.line(report)))</p>
        <p>\(e(iso(report.firstTs))) … \(e(iso(report.lastTs))) (UTC) · <b>\(report.invocations)</b> invocations · <b>\(report.failures)</b> failures (\(ReportRenderer.percent(report.failureRate))) · \(report.inputs) inputs · <span class="muted">\(e(report.database))</span></p>
        <p class="muted" id="stamp">\(e(ReportRenderer.stamp(options)))</p>

        """
        if let note = report.guessedNote { html += "<p class=\"guessed\" id=\"guessed\">\(e(note))</p>\n" }
        if report.failures == 0 {
            return html + "<p><b>\(e(report.noFailuresSentence))</b></p></body></html>\n"
        }
        html += "<h2>Timeline and pool pressure</h2>\n" + charts(report) + legend()
        if !report.series.notes.isEmpty {
            html += "<ul class=\"muted\" id=\"series-notes\">\n" + report.series.notes.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        }
        if let metrics = report.metrics { html += metricsHTML(report, metrics) }
        html += "<h2>Causes</h2>\n<table><tr><th>cause</th><th class=n>failures</th><th class=n>share</th><th class=n>instances</th><th>first</th><th>last</th><th class=n>confidence</th></tr>\n"
        for c in report.causes {
            html += "<tr><td><span class=sw style=\"background:\(colors[c.cause] ?? "#000")\"></span>\(e(c.cause))</td><td class=n>\(c.failures)</td><td class=n>\(ReportRenderer.percent(c.share))</td><td class=n>\(c.instances)</td><td>\(iso(c.first))</td><td>\(iso(c.last))</td><td class=n>\(String(format: "%.2f", c.meanConfidence))</td></tr>\n"
        }
        html += "</table>\n"
        for chain in report.chains {
            html += "<p><b>\(chain.connectionTimeouts)</b> connection timeouts on <code>\(e(chain.proxy))</code> follow from <b>\(chain.leaks)</b> pinning leaks.</p>\n"
        }
        html += breakdowns(report)
        html += "<h2>Instances</h2>\n<table><tr><th>function</th><th>instance</th><th class=n>failures</th><th>causes</th></tr>\n"
        let listed = Array(report.instances.prefix(top))
        for (index, i) in listed.enumerated() {
            html += "<tr><td>\(e(i.function))\(report.isGuessed(i.function, kind: "function") ? " <span class=muted title=\"guessed from the file name; set it with --log-group PATH=GROUP\">(guessed)</span>" : "")</td><td><a href=\"#instance-\(index + 1)\"><code>\(e(i.instance))</code></a></td><td class=n>\(i.failures)</td><td>\(e(ReportRenderer.causesText(i.causes, limit: 5)))</td></tr>\n"
        }
        html += "</table>\n"
        if report.instances.count > top {
            html += "<p class=muted>\(report.instances.count - top) more instances not shown (--top N for more).</p>\n"
        }
        if !report.pinning.isEmpty {
            html += "<h2>Pinning</h2>\n<table><tr><th>proxy</th><th class=n>sessions</th><th>reason</th><th>remedy</th></tr>\n"
            for p in report.pinning.prefix(top) {
                html += "<tr><td>\(e(p.proxy))\(report.isGuessed(p.proxy, kind: "proxy") ? " <span class=muted>(guessed)</span>" : "")</td><td class=n>\(p.sessions)</td><td>\(e(p.reason))\(p.digest.map { "<br><code>\(e($0))</code>" } ?? "")</td><td>\(e(p.remedy))</td></tr>\n"
            }
            html += "</table>\n"
        }
        if !report.findings.isEmpty {
            html += "<h2>Configuration</h2>\n<ul>\n"
            for f in report.findings { html += "<li><b>\(e(f.subject))</b>: \(e(f.found)). \(e(f.change))</li>\n" }
            html += "</ul>\n"
        }
        html += "<h2>What to change</h2>\n"
        for r in report.recommendations {
            html += "<h3><span class=sw style=\"background:\(colors[r.cause] ?? "#000")\"></span>\(e(r.cause))</h3>\n<p>\(e(r.advice))</p>\n"
            for line in r.evidence { html += "<pre>\(e(line))</pre>\n" }
        }
        if !report.unclassified.isEmpty {
            html += "<h2>Unclassified, by fingerprint</h2>\n<table><tr><th class=n>failures</th><th>fingerprint</th><th>example</th></tr>\n"
            for f in report.unclassified { html += "<tr><td class=n>\(f.failures)</td><td><code>\(e(f.fingerprint))</code></td><td><code>\(e(f.example))</code></td></tr>\n" }
            html += "</table>\n"
        }
        html += instanceFailures(report, listed)
        return html + "<p class=\"muted\">\(e(ReportRenderer.stamp(options)))</p>\n</body></html>\n"
    }

    /// Failures by function (with its invocations) and by proxy (with its pressure peaks).
    static func breakdowns(_ report: Report) -> String {
        let e = HTMLText.escape
        var html = "<h2>By function</h2>\n<table><tr><th>function</th><th class=n>invocations</th><th class=n>failures</th><th class=n>rate</th><th>causes</th></tr>\n"
        for row in report.functions {
            let rate = row.invocations == 0 ? 0 : Double(row.failures) / Double(row.invocations)
            html += "<tr><td>\(e(row.function))</td><td class=n>\(row.invocations)</td><td class=n>\(row.failures)</td><td class=n>\(ReportRenderer.percent(rate))</td><td>\(e(ReportRenderer.causesText(row.causes, limit: 5)))</td></tr>\n"
        }
        html += "</table>\n"
        let proxies = ReportRenderer.orderedProxies(report) + report.proxies.map(\.proxy).filter { name in !report.pressure.contains { $0.proxy == name } }
        guard !proxies.isEmpty else { return html }
        html += "<h2>By proxy</h2>\n<table><tr><th>proxy</th><th class=n>failures</th><th>causes</th><th class=n>peak client sessions</th><th class=n>peak pinned</th><th class=n>peak db connections</th><th class=n>borrow timeouts</th><th class=n>IdleClientTimeout</th></tr>\n"
        for proxy in proxies {
            let rows = report.pressure.filter { $0.proxy == proxy }
            let failures = report.proxies.first { $0.proxy == proxy }
            let idle = report.series.idleTimeouts.first { $0.proxy == proxy }
            let idleText = idle.map { "\($0.seconds) s" + ($0.fromConfiguration ? "" : " (AWS default)") } ?? "-"
            html += "<tr><td><code>\(e(proxy))</code></td><td class=n>\(failures?.failures ?? 0)</td><td>\(e(ReportRenderer.causesText(failures?.causes ?? [], limit: 5)))</td>"
                + "<td class=n>\(rows.map(\.clientSessions).max() ?? 0)</td><td class=n>\(rows.map(\.pinnedSessions).max() ?? 0)</td><td class=n>\(rows.map(\.dbConnections).max() ?? 0)</td>"
                + "<td class=n>\(rows.reduce(0) { $0 + $1.borrowTimeouts })</td><td class=n>\(e(idleText))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// Each listed instance's failures, the targets of the instance table's links.
    static func instanceFailures(_ report: Report, _ listed: [Report.InstanceRow]) -> String {
        let e = HTMLText.escape
        guard !listed.isEmpty else { return "" }
        var html = "<h2>Failures of these instances</h2>\n"
        for (index, instance) in listed.enumerated() {
            html += "<h3 id=\"instance-\(index + 1)\">\(e(instance.function)) <code>\(e(instance.instance))</code></h3>\n"
            html += "<table><tr><th>time (UTC)</th><th>cause</th><th class=n>confidence</th><th>request id</th><th>error</th></tr>\n"
            for failure in report.instanceFailures where failure.instance == instance.instance {
                html += "<tr><td>\(Timestamp.iso(failure.ts))</td><td><span class=sw style=\"background:\(colors[failure.cause] ?? "#000")\"></span>\(e(failure.cause))</td><td class=n>\(String(format: "%.2f", failure.confidence))</td><td><code>\(e(failure.requestId))</code></td><td><code>\(e(failure.error))</code></td></tr>\n"
            }
            html += "</table>\n"
        }
        return html
    }

    /// The failure timeline and, per proxy, its pressure series in one SVG, so they share one
    /// time axis: the same x for the same time in every panel, gridlines through all of them,
    /// dates and UTC under the last.
    static func charts(_ report: Report) -> String {
        // A report without series (built by hand, or cached by an older build) still gets its
        // timeline, in the --window windows.
        let windowMs = Int64(report.windowSeconds) * 1000
        let fallback = report.windows.isEmpty ? nil : SeriesBins(
            widthMs: windowMs, firstBin: report.windows[0].start / windowMs, lastBin: report.windows[report.windows.count - 1].start / windowMs, automatic: false)
        guard let bins = report.series.bins ?? fallback else { return "" }
        let failureBins = report.series.bins == nil ? report.windows : report.series.failures
        let e = HTMLText.escape
        let axis = HTMLTimeAxis(start: bins.start, end: bins.end)
        let f = axis.f
        let binName = SeriesBins.duration(bins.widthMs)
        let proxies = ReportRenderer.orderedProxies(report)
        let failureHeight = 170.0, proxyHeight = 130.0, gap = 40.0, top0 = 22.0
        let height = top0 + failureHeight + Double(proxies.count) * (gap + proxyHeight) + 44
        let slot = axis.plotWidth / Double(max(1, bins.count))
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(HTMLTimeAxis.width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"failures and proxy pressure over time, UTC\">\n"
        // Failures per bin, stacked by cause.
        var top = top0, bottom = top0 + failureHeight
        let peakFailures = Double(failureBins.map(\.failures).max() ?? 0)
        let (failureTicks, failureTop) = HTMLTimeAxis.yTicks(peakFailures)
        svg += "<g id=\"chart-failures\">\n<text x=\"\(f(HTMLTimeAxis.left))\" y=\"\(f(top - 8))\" class=\"title\">Failures per \(binName) bin, by cause</text>\n"
        svg += axis.yAxis(failureTicks, scaleTop: failureTop, top: top, bottom: bottom) + axis.grid(top: top, bottom: bottom)
        for bin in failureBins {
            var y = bottom
            for cause in bin.causes {
                let h = Double(cause.failures) / failureTop * failureHeight
                y -= h
                svg += "<rect x=\"\(f(axis.x(bin.start) + 0.5))\" y=\"\(f(y))\" width=\"\(f(max(1, slot - 1)))\" height=\"\(f(h))\" fill=\"\(colors[cause.cause] ?? "#000")\"><title>\(e("\(Timestamp.iso(bin.start)) \(cause.cause): \(cause.failures)"))</title></rect>\n"
            }
        }
        svg += "<line class=\"base\" x1=\"\(f(HTMLTimeAxis.left))\" y1=\"\(f(bottom))\" x2=\"\(f(HTMLTimeAxis.width - HTMLTimeAxis.right))\" y2=\"\(f(bottom))\"/>\n</g>\n"
        // Per proxy: client sessions, pinned sessions, database connections as steps, borrow timeouts as bars.
        let lines: [(String, String, KeyPath<Report.PressureRow, Int>)] = [
            ("client sessions", "#1f77b4", \.clientSessions), ("pinned sessions", "#d62728", \.pinnedSessions), ("database connections", "#2ca02c", \.dbConnections),
        ]
        for (index, proxy) in proxies.enumerated() {
            let rows = report.pressure.filter { $0.proxy == proxy }
            top = bottom + gap
            bottom = top + proxyHeight
            let peak = Double(rows.map { max($0.clientSessions, $0.pinnedSessions, $0.dbConnections, $0.borrowTimeouts) }.max() ?? 0)
            let (ticks, scaleTop) = HTMLTimeAxis.yTicks(peak)
            func y(_ value: Int) -> Double { bottom - Double(value) / scaleTop * proxyHeight }
            svg += "<g id=\"chart-pressure-\(index + 1)\" class=\"pressure\">\n<text x=\"\(f(HTMLTimeAxis.left))\" y=\"\(f(top - 8))\" class=\"title\">\(e(proxy)): most open at once per \(binName) bin</text>\n"
            var legendX = HTMLTimeAxis.width - HTMLTimeAxis.right
            let legendItems = lines.map { ($0.0, $0.1) } + [("borrow timeouts", "#ff7f0e")]
            for (name, color) in legendItems.reversed() {
                legendX -= Double(name.count) * 6.2 + 24
                svg += "<rect x=\"\(f(legendX))\" y=\"\(f(top - 17))\" width=\"10\" height=\"10\" fill=\"\(color)\"/><text x=\"\(f(legendX + 14))\" y=\"\(f(top - 8))\" class=\"tick\">\(name)</text>\n"
            }
            svg += axis.yAxis(ticks, scaleTop: scaleTop, top: top, bottom: bottom) + axis.grid(top: top, bottom: bottom)
            for row in rows where row.borrowTimeouts > 0 {
                svg += "<rect x=\"\(f(axis.x(row.start) + 0.5))\" y=\"\(f(y(row.borrowTimeouts)))\" width=\"\(f(max(1, slot - 1)))\" height=\"\(f(bottom - y(row.borrowTimeouts)))\" fill=\"#ff7f0e\" opacity=\"0.8\"><title>\(e("\(Timestamp.iso(row.start)) borrow timeouts: \(row.borrowTimeouts)"))</title></rect>\n"
            }
            for (name, color, key) in lines {
                let points = rows.map { row in "\(f(axis.x(row.start))),\(f(y(row[keyPath: key]))) \(f(axis.x(row.end))),\(f(y(row[keyPath: key])))" }.joined(separator: " ")
                let peakRow = rows.max { ($0[keyPath: key], $1.start) < ($1[keyPath: key], $0.start) }
                let peakText = peakRow.map { "peak \($0[keyPath: key]) at \(Timestamp.iso($0.start))" } ?? ""
                svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.6\" points=\"\(points)\"><title>\(e("\(proxy) \(name): \(peakText)"))</title></polyline>\n"
            }
            svg += "<line class=\"base\" x1=\"\(f(HTMLTimeAxis.left))\" y1=\"\(f(bottom))\" x2=\"\(f(HTMLTimeAxis.width - HTMLTimeAxis.right))\" y2=\"\(f(bottom))\"/>\n</g>\n"
        }
        svg += axis.labels(y: bottom + 16)
        return svg + "</svg>\n"
    }

    /// The metric series under the charts, on the same time axis: one small SVG per proxy and
    /// function, a line per metric scaled to its own peak.
    static func metricsHTML(_ report: Report, _ metrics: Report.MetricsSection) -> String {
        let e = HTMLText.escape
        let height = 100.0, top = 8.0, bottom = 76.0
        guard let bins = report.series.bins else { return "" }
        let axis = HTMLTimeAxis(start: bins.start, end: bins.end)
        let f = axis.f
        let palette = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"]
        var html = "<h3>CloudWatch metrics (same time axis, each line scaled to its own peak)</h3>\n"
        let subjects = metrics.proxies.map { ("proxy", $0.proxy, $0.series) } + metrics.functions.map { ("function", $0.function, $0.series) }
        for (kind, name, series) in subjects {
            html += "<p><b>\(kind) \(e(name))</b></p>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(HTMLTimeAxis.width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"\(e(kind + " " + name)) metrics\">\n"
            html += axis.grid(top: top, bottom: bottom)
            var legend = "<p class=legend>"
            for (index, s) in series.enumerated() {
                let color = palette[index % palette.count]
                let peak = max(s.peak, 1e-9)
                let points = zip(s.times, s.values).filter { $0.0 >= bins.start && $0.0 <= bins.end }
                    .map { "\(f(axis.x($0.0))),\(f(bottom - $0.1 / peak * (bottom - top)))" }.joined(separator: " ")
                html += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\" points=\"\(points)\"><title>\(e("\(s.metric) \(s.stat), peak \(ReportRenderer.number(s.peak)) at \(Timestamp.iso(s.peakTs))"))</title></polyline>\n"
                legend += "<span><span class=sw style=\"background:\(color)\"></span>\(e(s.metric)) (peak \(e(ReportRenderer.number(s.peak))))</span>"
            }
            html += "<line class=\"base\" x1=\"\(f(HTMLTimeAxis.left))\" y1=\"\(f(bottom))\" x2=\"\(f(HTMLTimeAxis.width - HTMLTimeAxis.right))\" y2=\"\(f(bottom))\"/>\n"
            html += axis.labels(y: bottom + 12) + "</svg>\n" + legend + "</p>\n"
        }
        if !metrics.findings.isEmpty {
            html += "<ul>\n"
            for f in metrics.findings { html += "<li><b>\(e(f.subject))</b>: \(e(f.found)). \(e(f.change))</li>\n" }
            html += "</ul>\n"
        }
        return html
    }

    static func legend() -> String {
        "<p class=legend>" + Cause.allCases.map { "<span><span class=sw style=\"background:\(colors[$0.rawValue] ?? "#000")\"></span>\($0.rawValue)</span>" }.joined() + "</p>\n"
    }
}
