import Foundation

/// For $GITHUB_STEP_SUMMARY; never over 1 MiB (it says so when it cuts).
struct MarkdownRenderer: ReportRendering {
    let name = "markdown"
    let summary = "For $GITHUB_STEP_SUMMARY; never over 1 MiB (it says so when it cuts)."

    func render(_ report: Report, _ options: RenderOptions) -> String {
        ReportRenderer.markdown(report, options)
    }
}

extension ReportRenderer {
    /// GitHub's step summary takes at most 1 MiB.
    static let markdownLimit = 1_000_000

    public static func markdown(_ report: Report, top: Int) -> String {
        markdown(report, RenderOptions(top: top))
    }

    /// Text shown literally on GitHub: a code span whose fence is longer than any run of
    /// backticks inside (CommonMark), so `<`, `&` and `\` need no escaping. In a table cell,
    /// where GitHub splits on `|` before reading code spans, `|` is written `\|` (GitHub shows `|`).
    static func codeSpan(_ text: String, inTable: Bool = false) -> String { MarkdownText.code(text, inTable: inTable) }

    /// Each --fail-on gate first: pass or fail, the count against the limit.
    static func markdownGates(_ report: Report, _ thresholds: [FailThreshold]) -> String {
        guard !thresholds.isEmpty else { return "" }
        var out = "| gate | result | failures | allowed |\n|---|---|---:|---:|\n"
        for gate in thresholds {
            let n = report.count(of: gate.cause.rawValue)
            let option = "--fail-on \(gate.cause.rawValue)" + (gate.limit > 0 ? "=\(gate.limit)" : "")
            out += "| \(codeSpan(option, inTable: true)) | \(gate.crossed(by: report) ? "❌ **fail**" : "✅ pass") | \(n) | \(gate.limit) |\n"
        }
        return out + "\n"
    }

    /// Per proxy a sparkline per series with its peak; the notes on what was merged.
    static func markdownPressure(_ report: Report) -> String {
        guard let bins = report.series.bins, !report.pressure.isEmpty else { return "" }
        var out = "\n### Pressure (\(SeriesBins.duration(bins.widthMs)) bins, most open at once per bin)\n\n"
        let series: [(String, KeyPath<Report.PressureRow, Int>)] = [
            ("client sessions", \.clientSessions), ("pinned sessions", \.pinnedSessions), ("db connections", \.dbConnections), ("borrow timeouts", \.borrowTimeouts),
        ]
        for proxy in orderedProxies(report) {
            let rows = report.pressure.filter { $0.proxy == proxy }
            var head = "**proxy** \(MarkdownText.code(proxy, inTable: false))"
            if let idle = report.series.idleTimeouts.first(where: { $0.proxy == proxy }) {
                head += " (IdleClientTimeout \(idle.seconds) s\(idle.fromConfiguration ? "" : ", AWS's default"))"
            }
            out += head + "\n\n| series | peak | at | per bin |\n|---|---:|---|---|\n"
            for (name, key) in series {
                let peak = rows.max { $0[keyPath: key] < $1[keyPath: key] }
                let value = peak?[keyPath: key] ?? 0
                out += "| \(name) | \(value) | \(value > 0 ? iso(peak?.start) : "-") | \(sparkline(rows.map { Double($0[keyPath: key]) }, width: bins.count, floor: 0)) |\n"
            }
            out += "\n"
        }
        for note in report.series.notes { out += "- \(MarkdownText.escape(note))\n" }
        return out
    }

    static func markdown(_ report: Report, _ options: RenderOptions) -> String {
        let top = options.top
        // Names and log text as code spans; prose that carries data escaped (MarkdownText).
        func name(_ s: String) -> String { MarkdownText.code(s, inTable: true) }
        func prose(_ s: String) -> String { MarkdownText.escape(s) }
        var out = "## proxylens report\n\n"
        out += markdownGates(report, options.thresholds)
        out += "\(iso(report.firstTs)) … \(iso(report.lastTs)) · **\(report.invocations)** invocations · **\(report.failures)** failures (\(percent(report.failureRate))) · \(report.inputs) inputs\n\n"
        if report.guessedNote != nil {
            // Names and the option as code spans, so GitHub shows them as typed.
            let shown = report.guessedNames.filter { $0.kind != "log_group" }
            let names = (shown.isEmpty ? report.guessedNames : shown).map { prose($0.kind.replacingOccurrences(of: "_", with: " ")) + " " + MarkdownText.code($0.name, inTable: false) }
            out += "Guessed from file names, not named by the exports: " + names.joined(separator: ", ")
                + "; set them with " + MarkdownText.code("--log-group PATH=GROUP", inTable: false) + " (JSON `guessed_names` lists the files).\n\n"
        }
        let footer = "\n_\(stamp(options))_\n"
        if report.failures == 0 { return out + (report.invocations == 0 ? prose(report.noFailuresSentence) : "No failures found.") + "\n" + footer }
        out += "| cause | failures | share | instances | first | last | confidence |\n|---|---:|---:|---:|---|---|---:|\n"
        for c in report.causes {
            out += "| \(c.cause) | \(c.failures) | \(percent(c.share)) | \(c.instances) | \(iso(c.first)) | \(iso(c.last)) | \(String(format: "%.2f", c.meanConfidence)) |\n"
        }
        if !report.chains.isEmpty {
            out += "\n"
            for chain in report.chains { out += "- \(chain.connectionTimeouts) connection timeouts on \(MarkdownText.code(chain.proxy, inTable: false)) follow from \(chain.leaks) pinning leaks\n" }
        }
        out += "\n### Timeline\n\n| window | failures | top causes |\n|---|---:|---|\n"
        var body = ""
        for w in report.windows { body += "| \(iso(w.start)) | \(w.failures) | \(topCausesText(w.causes)) |\n" }
        out += body
        out += markdownPressure(report)
        out += "\n### Instances\n\n| function | instance | failures | causes |\n|---|---|---:|---|\n"
        for i in report.instances.prefix(top) { out += "| \(name(i.function))\(report.isGuessed(i.function, kind: "function") ? " (guessed)" : "") | \(name(i.instance)) | \(i.failures) | \(causesText(i.causes, limit: nil)) |\n" }
        if report.instances.count > top { out += "\n_\(report.instances.count - top) more instances not shown (use --top)._\n" }
        if !report.pinning.isEmpty {
            out += "\n### Pinning\n\n| proxy | sessions | reason | remedy |\n|---|---:|---|---|\n"
            for p in report.pinning.prefix(top) { out += "| \(name(p.proxy))\(report.isGuessed(p.proxy, kind: "proxy") ? " (guessed)" : "") | \(p.sessions) | \(prose(p.reason))\(p.digest.map { " Digest: " + name($0) } ?? "") | \(prose(p.remedy)) |\n" }
        }
        if !report.findings.isEmpty {
            out += "\n### Configuration\n\n"
            for f in report.findings { out += "- **\(prose(f.subject))**: \(prose(f.found)). \(prose(f.change))\n" }
        }
        if let metrics = report.metrics {
            out += "\n### Metrics\n\n"
            let subjects = metrics.proxies.map { ("proxy", $0.proxy, $0.series) } + metrics.functions.map { ("function", $0.function, $0.series) }
            for (kind, name, series) in subjects {
                out += "**\(kind)** \(MarkdownText.code(name, inTable: false))\n\n| metric | stat | peak | at | series |\n|---|---|---:|---|---|\n"
                for s in series { out += "| \(s.metric) | \(s.stat) | \(number(s.peak)) | \(iso(s.peakTs)) | \(sparkline(s.values)) |\n" }
                out += "\n"
            }
            for f in metrics.findings { out += "- **\(prose(f.subject))**: \(prose(f.found)). \(prose(f.change))\n" }
        }
        out += "\n### What to change\n\n"
        for r in report.recommendations {
            out += "- **\(r.cause)**: \(prose(r.advice))\n"
            for e in r.evidence { out += "  - \(MarkdownText.code(String(e.prefix(200)), inTable: false))\n" }
        }
        out += footer
        if out.utf8.count > markdownLimit {
            let cutNote = "\n\n_Cut at 1 MiB (GitHub's step summary limit); run `proxylens report --format markdown --top N` for less._\n"
            // Cut at the last line break that fits: always a character boundary, and no line
            // (a table row, a code span) is left open.
            let room = markdownLimit - cutNote.utf8.count
            let bytes = Array(out.utf8.prefix(room))
            let end = bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            out = String(decoding: bytes[..<end], as: UTF8.self) + cutNote
        }
        return out
    }
}
