import Foundation

/// Report output formats.
public enum ReportFormat: String, CaseIterable, Sendable {
    case table, json, markdown, csv, junit, html
}

/// `--fail-on CAUSE[=N]`: crossed when more than N failures of CAUSE (N = 0: any).
public struct FailThreshold: Sendable, Equatable {
    public var cause: Cause
    public var limit: Int

    public init(cause: Cause, limit: Int) { self.cause = cause; self.limit = limit }

    public static func parse(_ text: String) throws -> [FailThreshold] {
        try text.split(separator: ",").map { part in
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let cause = Cause(rawValue: pieces[0]) else {
                throw ProxyLensError(.usage, "--fail-on", "unknown cause '\(pieces[0])' (one of \(Cause.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            var limit = 0
            if pieces.count == 2 {
                guard let n = Int(pieces[1]), n >= 0 else { throw ProxyLensError(.usage, "--fail-on", "'\(pieces[1])' is not a count") }
                limit = n
            }
            return FailThreshold(cause: cause, limit: limit)
        }
    }

    public func crossed(by report: Report) -> Bool { report.count(of: cause.rawValue) > limit }
}

public enum ReportRenderer {
    public static func render(_ report: Report, format: ReportFormat, thresholds: [FailThreshold] = [], color: Bool = false, top: Int = 10) -> String {
        switch format {
        case .json: return json(report, thresholds: thresholds)
        case .table: return table(report, color: color, top: top)
        case .markdown: return markdown(report, top: top)
        case .csv: return csv(report)
        case .junit: return junit(report, thresholds: thresholds)
        case .html: return HTMLReport.render(report, top: top)
        }
    }

    static func iso(_ ms: Int64?) -> String { ms.map(Timestamp.iso) ?? "-" }
    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
    static func causesText(_ causes: [Report.CauseCount], limit: Int = 3) -> String {
        causes.prefix(limit).map { "\($0.cause) \($0.failures)" }.joined(separator: ", ")
    }

    // MARK: JSON

    public static func json(_ report: Report, thresholds: [FailThreshold] = []) -> String {
        func counts(_ causes: [Report.CauseCount]) -> String {
            "[" + causes.map { "{\"cause\":\(JSONText.string($0.cause)),\"failures\":\($0.failures)}" }.joined(separator: ",") + "]"
        }
        func time(_ ms: Int64?) -> String { ms.map { JSONText.string(Timestamp.iso($0)) } ?? "null" }
        var parts: [String] = []
        parts.append("\"schema\":\"proxylens.report/1\"")
        parts.append("\"database\":\(JSONText.string(report.database))")
        parts.append("\"inputs\":\(report.inputs)")
        parts.append("\"first\":\(time(report.firstTs)),\"last\":\(time(report.lastTs))")
        parts.append("\"invocations\":\(report.invocations),\"failures\":\(report.failures),\"failure_rate\":\(String(format: "%.5f", report.failureRate))")
        parts.append("\"window_seconds\":\(report.windowSeconds)")
        parts.append("\"causes\":[" + report.causes.map {
            "{\"cause\":\(JSONText.string($0.cause)),\"failures\":\($0.failures),\"share\":\($0.share),\"instances\":\($0.instances),\"first\":\(time($0.first)),\"last\":\(time($0.last)),\"mean_confidence\":\($0.meanConfidence)}"
        }.joined(separator: ",") + "]")
        parts.append("\"windows\":[" + report.windows.map {
            "{\"start\":\(time($0.start)),\"end\":\(time($0.end)),\"failures\":\($0.failures),\"causes\":\(counts($0.causes))}"
        }.joined(separator: ",") + "]")
        parts.append("\"instances\":[" + report.instances.map {
            "{\"function\":\(JSONText.string($0.function)),\"instance\":\(JSONText.string($0.instance)),\"failures\":\($0.failures),\"causes\":\(counts($0.causes))}"
        }.joined(separator: ",") + "]")
        parts.append("\"chains\":[" + report.chains.map {
            "{\"proxy\":\(JSONText.string($0.proxy)),\"connection_timeouts\":\($0.connectionTimeouts),\"leaks\":\($0.leaks),\"first\":\(time($0.first)),\"last\":\(time($0.last))}"
        }.joined(separator: ",") + "]")
        parts.append("\"pinning\":[" + report.pinning.map {
            "{\"proxy\":\(JSONText.string($0.proxy)),\"reason\":\(JSONText.string($0.reason)),\"digest\":\($0.digest.map(JSONText.string) ?? "null"),\"sessions\":\($0.sessions),\"remedy\":\(JSONText.string($0.remedy))}"
        }.joined(separator: ",") + "]")
        parts.append("\"pressure\":[" + report.pressure.map {
            "{\"start\":\(time($0.start)),\"proxy\":\(JSONText.string($0.proxy)),\"client_sessions\":\($0.clientSessions),\"pinned_sessions\":\($0.pinnedSessions),\"db_connections\":\($0.dbConnections)}"
        }.joined(separator: ",") + "]")
        parts.append("\"findings\":[" + report.findings.map {
            "{\"subject\":\(JSONText.string($0.subject)),\"found\":\(JSONText.string($0.found)),\"change\":\(JSONText.string($0.change))}"
        }.joined(separator: ",") + "]")
        parts.append("\"recommendations\":[" + report.recommendations.map {
            "{\"cause\":\(JSONText.string($0.cause)),\"advice\":\(JSONText.string($0.advice)),\"evidence\":[" + $0.evidence.map(JSONText.string).joined(separator: ",") + "]}"
        }.joined(separator: ",") + "]")
        parts.append("\"unclassified\":[" + report.unclassified.map {
            "{\"fingerprint\":\(JSONText.string($0.fingerprint)),\"failures\":\($0.failures),\"example\":\(JSONText.string($0.example))}"
        }.joined(separator: ",") + "]")
        parts.append("\"thresholds\":[" + thresholds.map {
            "{\"cause\":\(JSONText.string($0.cause.rawValue)),\"limit\":\($0.limit),\"failures\":\(report.count(of: $0.cause.rawValue)),\"crossed\":\($0.crossed(by: report))}"
        }.joined(separator: ",") + "]")
        return "{" + parts.joined(separator: ",\n") + "}\n"
    }

    // MARK: Table

    public static func table(_ report: Report, color: Bool, top: Int) -> String {
        func bold(_ s: String) -> String { color ? "\u{1b}[1m\(s)\u{1b}[0m" : s }
        var out = bold("proxylens report") + " — \(Terminal.clean(report.database)), \(report.inputs) inputs\n"
        out += "\(iso(report.firstTs)) … \(iso(report.lastTs))   \(report.invocations) invocations, \(report.failures) failures (\(percent(report.failureRate)))\n\n"
        if report.failures == 0 {
            return out + "No failures found.\n"
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
        out += "\n" + bold("What to change") + "\n"
        for recommendation in report.recommendations {
            out += "  \(recommendation.cause): \(recommendation.advice)\n"
            for line in recommendation.evidence { out += "    · \(String(Terminal.clean(line).prefix(160)))\n" }
        }
        return out
    }

    // MARK: Markdown

    /// GitHub's step summary takes at most 1 MiB.
    static let markdownLimit = 1_000_000

    public static func markdown(_ report: Report, top: Int) -> String {
        func cell(_ s: String) -> String {
            Terminal.clean(s).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        var out = "## proxylens report\n\n"
        out += "\(iso(report.firstTs)) … \(iso(report.lastTs)) · **\(report.invocations)** invocations · **\(report.failures)** failures (\(percent(report.failureRate))) · \(report.inputs) inputs\n\n"
        if report.failures == 0 { return out + "No failures found.\n" }
        out += "| cause | failures | share | instances | first | last | confidence |\n|---|---:|---:|---:|---|---|---:|\n"
        for c in report.causes {
            out += "| \(c.cause) | \(c.failures) | \(percent(c.share)) | \(c.instances) | \(iso(c.first)) | \(iso(c.last)) | \(String(format: "%.2f", c.meanConfidence)) |\n"
        }
        if !report.chains.isEmpty {
            out += "\n"
            for chain in report.chains { out += "- \(chain.connectionTimeouts) connection timeouts on `\(cell(chain.proxy))` follow from \(chain.leaks) pinning leaks\n" }
        }
        out += "\n### Timeline\n\n| window | failures | top causes |\n|---|---:|---|\n"
        var body = ""
        for w in report.windows { body += "| \(iso(w.start)) | \(w.failures) | \(causesText(w.causes)) |\n" }
        out += body
        out += "\n### Instances\n\n| function | instance | failures | causes |\n|---|---|---:|---|\n"
        for i in report.instances.prefix(top) { out += "| \(cell(i.function)) | `\(cell(i.instance))` | \(i.failures) | \(causesText(i.causes)) |\n" }
        if report.instances.count > top { out += "\n_\(report.instances.count - top) more instances not shown (use --top)._\n" }
        if !report.pinning.isEmpty {
            out += "\n### Pinning\n\n| proxy | sessions | reason | remedy |\n|---|---:|---|---|\n"
            for p in report.pinning.prefix(top) { out += "| \(cell(p.proxy)) | \(p.sessions) | \(cell(p.reason + (p.digest.map { " Digest: \($0)" } ?? ""))) | \(cell(p.remedy)) |\n" }
        }
        if !report.findings.isEmpty {
            out += "\n### Configuration\n\n"
            for f in report.findings { out += "- **\(cell(f.subject))**: \(cell(f.found)). \(cell(f.change))\n" }
        }
        out += "\n### What to change\n\n"
        for r in report.recommendations {
            out += "- **\(r.cause)**: \(r.advice)\n"
            for e in r.evidence { out += "  - `\(cell(String(e.prefix(200))).replacingOccurrences(of: "`", with: "'"))`\n" }
        }
        if out.utf8.count > markdownLimit {
            let cutNote = "\n\n_Cut at 1 MiB (GitHub's step summary limit); run `proxylens report --format markdown --top N` for less._\n"
            var cut = String(out.utf8.prefix(markdownLimit - cutNote.utf8.count)) ?? ""
            if let lastNewline = cut.lastIndex(of: "\n") { cut = String(cut[...lastNewline]) }
            out = cut + cutNote
        }
        return out
    }

    // MARK: CSV

    /// One row per window and cause (the timeline), the shape spreadsheets chart.
    public static func csv(_ report: Report) -> String {
        var out = "window_start,window_end,cause,failures\r\n"
        for w in report.windows {
            for c in w.causes { out += "\(iso(w.start)),\(iso(w.end)),\(c.cause),\(c.failures)\r\n" }
        }
        return out
    }

    // MARK: JUnit

    public static func junit(_ report: Report, thresholds: [FailThreshold]) -> String {
        func x(_ s: String) -> String { HTMLText.escape(Terminal.clean(s)) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        var suites = ""
        var totalTests = 0
        var totalFailures = 0
        for cause in Cause.allCases {
            let threshold = thresholds.first { $0.cause == cause }
            let total = report.count(of: cause.rawValue)
            var cases = ""
            var tests = 0
            var failures = 0
            for instance in report.instances {
                let n = instance.causes.first { $0.cause == cause.rawValue }?.failures ?? 0
                guard n > 0 || threshold != nil else { continue }
                tests += 1
                cases += "    <testcase classname=\"\(x(cause.rawValue)).instance\" name=\"\(x(instance.function)) \(x(instance.instance))\">"
                if let threshold, n > threshold.limit, total > threshold.limit {
                    failures += 1
                    cases += "<failure message=\"\(n) \(x(cause.rawValue)) failures on this instance (threshold: more than \(threshold.limit) in total)\">"
                    cases += x("\(instance.function) \(instance.instance): \(causesText(instance.causes, limit: 5))") + "</failure>"
                }
                cases += "</testcase>\n"
            }
            for window in report.windows {
                let n = window.causes.first { $0.cause == cause.rawValue }?.failures ?? 0
                guard n > 0 else { continue }
                tests += 1
                cases += "    <testcase classname=\"\(x(cause.rawValue)).window\" name=\"\(iso(window.start))\">"
                if let threshold, total > threshold.limit {
                    failures += 1
                    cases += "<failure message=\"\(n) \(x(cause.rawValue)) failures in this window\">" + x("\(iso(window.start)) … \(iso(window.end)): \(causesText(window.causes, limit: 5))") + "</failure>"
                }
                cases += "</testcase>\n"
            }
            if tests == 0 {
                tests = 1
                cases = "    <testcase classname=\"\(x(cause.rawValue))\" name=\"no \(x(cause.rawValue)) failures\"/>\n"
            }
            totalTests += tests
            totalFailures += failures
            suites += "  <testsuite name=\"proxylens.\(x(cause.rawValue))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n\(cases)  </testsuite>\n"
        }
        out += "<testsuites name=\"proxylens\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\">\n" + suites + "</testsuites>\n"
        return out
    }
}

/// Escaping for HTML and XML text and attributes.
public enum HTMLText {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if ch.value < 0x20 && ch != "\n" && ch != "\t" { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
