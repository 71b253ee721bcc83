import Foundation

/// One self-contained HTML page: inline CSS, an inline SVG timeline, no scripts, no fonts, no
/// network. Every piece of log text goes through `HTMLText.escape`.
struct HTMLRenderer: ReportRendering {
    let name = "html"
    let summary = "One self-contained file (no scripts, fonts or network) with an SVG timeline stacked by cause."

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
        h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
        table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
        td.n,th.n{text-align:right}code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
        pre{background:#f6f8fa;padding:.5rem;white-space:pre-wrap;word-break:break-all;margin:.25rem 0}
        .sw{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
        .legend span{margin-right:1rem}.muted{color:#666}
        </style></head><body>
        <h1>proxylens report</h1>
        <p>\(e(iso(report.firstTs))) … \(e(iso(report.lastTs))) · <b>\(report.invocations)</b> invocations · <b>\(report.failures)</b> failures (\(ReportRenderer.percent(report.failureRate))) · \(report.inputs) inputs · <span class="muted">\(e(report.database))</span></p>
        <p class="muted" id="stamp">\(e(ReportRenderer.stamp(options)))</p>

        """
        if let note = report.guessedNote { html += "<p class=\"guessed\" id=\"guessed\">\(e(note))</p>\n" }
        if report.failures == 0 {
            return html + "<p><b>No failures found.</b></p></body></html>\n"
        }
        html += "<h2>Timeline</h2>\n" + timeline(report) + legend()
        if let metrics = report.metrics { html += metricsHTML(report, metrics) }
        html += "<h2>Causes</h2>\n<table><tr><th>cause</th><th class=n>failures</th><th class=n>share</th><th class=n>instances</th><th>first</th><th>last</th><th class=n>confidence</th></tr>\n"
        for c in report.causes {
            html += "<tr><td><span class=sw style=\"background:\(colors[c.cause] ?? "#000")\"></span>\(e(c.cause))</td><td class=n>\(c.failures)</td><td class=n>\(ReportRenderer.percent(c.share))</td><td class=n>\(c.instances)</td><td>\(iso(c.first))</td><td>\(iso(c.last))</td><td class=n>\(String(format: "%.2f", c.meanConfidence))</td></tr>\n"
        }
        html += "</table>\n"
        for chain in report.chains {
            html += "<p><b>\(chain.connectionTimeouts)</b> connection timeouts on <code>\(e(chain.proxy))</code> follow from <b>\(chain.leaks)</b> pinning leaks.</p>\n"
        }
        html += "<h2>Instances</h2>\n<table><tr><th>function</th><th>instance</th><th class=n>failures</th><th>causes</th></tr>\n"
        for i in report.instances.prefix(top) {
            html += "<tr><td>\(e(i.function))\(report.isGuessed(i.function, kind: "function") ? " <span class=muted title=\"guessed from the file name; set it with --log-group PATH=GROUP\">(guessed)</span>" : "")</td><td><code>\(e(i.instance))</code></td><td class=n>\(i.failures)</td><td>\(e(ReportRenderer.causesText(i.causes, limit: 5)))</td></tr>\n"
        }
        html += "</table>\n"
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
        return html + "</body></html>\n"
    }

    /// Failures per window as stacked bars, one colour per cause.
    static func timeline(_ report: Report) -> String {
        let width = 1000.0, height = 220.0, left = 40.0, bottom = 30.0
        let maxFailures = max(1, report.windows.map(\.failures).max() ?? 1)
        guard let first = report.windows.first?.start, let last = report.windows.last?.start else { return "" }
        let windowMs = Double(report.windowSeconds * 1000)
        let slots = max(1.0, (Double(last - first) / windowMs).rounded() + 1)
        let barWidth = (width - left) / slots
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"failures per window by cause\">\n"
        svg += "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width)\" y2=\"\(height - bottom)\" stroke=\"#999\"/>\n"
        svg += "<text x=\"0\" y=\"12\" font-size=\"11\" fill=\"#666\">\(maxFailures)</text>\n"
        for window in report.windows {
            let x = left + Double(window.start - first) / windowMs * barWidth
            var y = height - bottom
            for cause in window.causes {
                let h = Double(cause.failures) / Double(maxFailures) * (height - bottom - 10)
                y -= h
                svg += "<rect x=\"\(String(format: "%.1f", x + 1))\" y=\"\(String(format: "%.1f", y))\" width=\"\(String(format: "%.1f", max(1, barWidth - 2)))\" height=\"\(String(format: "%.1f", h))\" fill=\"\(colors[cause.cause] ?? "#000")\"><title>\(HTMLText.escape("\(Timestamp.iso(window.start)) \(cause.cause): \(cause.failures)"))</title></rect>\n"
            }
        }
        let labelEvery = max(1, Int(slots / 8))
        for (index, window) in report.windows.enumerated() where index % labelEvery == 0 {
            let x = left + Double(window.start - first) / windowMs * barWidth
            let label = String(Timestamp.iso(window.start).dropFirst(11).prefix(5))
            svg += "<text x=\"\(String(format: "%.1f", x))\" y=\"\(height - 10)\" font-size=\"11\" fill=\"#666\">\(label)</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// The metric series under the timeline, on its time axis: one small SVG per proxy and
    /// function, a line per metric scaled to its own peak.
    static func metricsHTML(_ report: Report, _ metrics: Report.MetricsSection) -> String {
        let e = HTMLText.escape
        let width = 1000.0, height = 90.0, left = 40.0
        guard let first = report.windows.first?.start, let last = report.windows.last?.start else { return "" }
        let windowMs = Double(report.windowSeconds * 1000)
        let slots = max(1.0, (Double(last - first) / windowMs).rounded() + 1)
        let slotWidth = (width - left) / slots
        func x(_ ts: Int64) -> Double { left + Double(ts - first) / windowMs * slotWidth }
        let palette = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"]
        var html = "<h3>Metrics (same time axis)</h3>\n"
        let subjects = metrics.proxies.map { ("proxy", $0.proxy, $0.series) } + metrics.functions.map { ("function", $0.function, $0.series) }
        for (kind, name, series) in subjects {
            html += "<p><b>\(kind) \(e(name))</b></p>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"\(e(kind + " " + name)) metrics\">\n"
            var legend = "<p class=legend>"
            for (index, s) in series.enumerated() {
                let color = palette[index % palette.count]
                let peak = max(s.peak, 1e-9)
                let points = zip(s.times, s.values).filter { x($0.0) >= left && x($0.0) <= width }
                    .map { String(format: "%.1f,%.1f", x($0.0), height - 5 - $0.1 / peak * (height - 10)) }.joined(separator: " ")
                html += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\" points=\"\(points)\"><title>\(e("\(s.metric) \(s.stat), peak \(ReportRenderer.number(s.peak)) at \(Timestamp.iso(s.peakTs))"))</title></polyline>\n"
                legend += "<span><span class=sw style=\"background:\(color)\"></span>\(e(s.metric)) (peak \(e(ReportRenderer.number(s.peak))))</span>"
            }
            html += "</svg>\n" + legend + "</p>\n"
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
