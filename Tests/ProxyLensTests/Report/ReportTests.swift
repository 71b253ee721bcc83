import Foundation
import Testing
@testable import ProxyLens

@Suite("Report")
struct ReportTests {
    static func samplesDatabase() throws -> Database {
        let database = try Database(path: ":memory:")
        _ = try ingest([Fixture.samples("incident")], into: database)
        _ = try Classifier(database: database).run()
        return database
    }

    @Test("the sample incident is labelled as its truth says")
    func samplesAccuracy() throws {
        let database = try Self.samplesDatabase()
        let truth = try String(contentsOfFile: Fixture.samples("incident-truth/truth.ndjson"), encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        var predicted: [String: String] = [:]
        for row in try database.rows("SELECT request_id, cause FROM failure") { predicted[row[0].string ?? ""] = row[1].string }
        let correct = truth.filter { predicted[$0["request_id"] as? String ?? ""] == $0["cause"] as? String }.count
        #expect(Double(correct) / Double(truth.count) >= 0.97)
        #expect(predicted.count == truth.count)
    }

    @Test("JSON: windows in time order, causes ranked, counts add up")
    func jsonShape() throws {
        let database = try Self.samplesDatabase()
        let report = try ReportBuilder(database: database).build(ReportOptions(windowSeconds: 300))
        let json = try JSONSerialization.jsonObject(with: Data(ReportRenderer.json(report).utf8)) as? [String: Any]
        #expect(json?["window_seconds"] as? Int == 300)
        let causes = json?["causes"] as? [[String: Any]] ?? []
        let failures = json?["failures"] as? Int ?? -1
        #expect(causes.reduce(0) { $0 + ($1["failures"] as? Int ?? 0) } == failures)
        let counts = causes.map { $0["failures"] as? Int ?? 0 }
        #expect(counts == counts.sorted(by: >))
        let windows = json?["windows"] as? [[String: Any]] ?? []
        let starts = windows.map { $0["start"] as? String ?? "" }
        #expect(starts == starts.sorted())
        #expect(windows.reduce(0) { $0 + ($1["failures"] as? Int ?? 0) } == failures)
        for window in windows {
            let c = (window["causes"] as? [[String: Any]] ?? []).map { $0["failures"] as? Int ?? 0 }
            #expect(c == c.sorted(by: >))
        }
        #expect((json?["instances"] as? [[String: Any]])?.isEmpty == false)
    }

    /// Every format of `ReportRenderer.all`: a new format gets its golden file by
    /// `UPDATE_GOLDEN=1 make test`, with no new test code.
    @Test("golden outputs on samples/ for every format")
    func golden() throws {
        let database = try Self.samplesDatabase()
        let report = try ReportBuilder(database: database).build(ReportOptions(windowSeconds: 300))
        let thresholds = try FailThreshold.parse("lambda-timeout-pinning-leak,connection-timeout=20")
        let folder = Fixture.root.appendingPathComponent("Tests/ProxyLensTests/Report/golden")
        for format in ReportFormat.allCases {
            // Guessed names quote their input paths: relative to the checkout, so the golden
            // files hold wherever the repository is.
            let text = ReportRenderer.render(report, format: format, options: RenderOptions(thresholds: thresholds, generatedAt: CIFormatTests.generatedAt))
                .replacingOccurrences(of: Fixture.root.path + "/", with: "")
            let url = folder.appendingPathComponent("samples-incident.\(format.rawValue).txt")
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
                continue
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(text == expected, "\(format.rawValue) output differs from \(url.lastPathComponent) (UPDATE_GOLDEN=1 make test to accept)")
        }
    }

    /// The Instances section's row of `instance` in `text`, its lines joined (the table wraps
    /// the causes column) and no-break spaces read as spaces.
    static func instanceRow(_ text: String, _ instance: String) -> String {
        let section = text.components(separatedBy: "Instances").dropFirst().first ?? ""
        let lines = section.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(where: { $0.contains(instance) }) else { return "" }
        // Continuation lines of a wrapped row begin with spaces.
        let rest = lines[(start + 1)...].prefix { $0.hasPrefix(" ") }
        return ([lines[start]] + rest).joined(separator: " ").replacingOccurrences(of: "\u{a0}", with: " ")
            .split(separator: " ").joined(separator: " ")
    }

    /// The sample's busiest instance has four causes (3, 2, 2 and unclassified 2): the table
    /// shows three and says what it left out, --wide and Markdown show all four.
    @Test("an instance's causes: all with --wide and in Markdown, a cut said in the table")
    func instanceCauses() throws {
        let database = try Self.samplesDatabase()
        let report = try ReportBuilder(database: database).build(ReportOptions(windowSeconds: 300))
        let busiest = try #require(report.instances.first)
        #expect(busiest.causes.count == 4 && busiest.failures == 9)
        let all = busiest.causes.map { "\($0.cause) \($0.failures)" }.joined(separator: ", ")
        #expect(all == "connection-timeout 3, query-timeout 2, lambda-timeout-pinning-leak 2, unclassified 2")
        let wide = ReportRenderer.render(report, format: .table, options: RenderOptions(width: 100, wide: true))
        #expect(Self.instanceRow(wide, busiest.instance).hasSuffix(" 9 " + all), "\(Self.instanceRow(wide, busiest.instance))")
        let fitted = ReportRenderer.render(report, format: .table, options: RenderOptions(width: 100))
        let row = Self.instanceRow(fitted, String(busiest.instance.suffix(32).prefix(8)))
        #expect(row.hasSuffix(" 9 connection-timeout 3, query-timeout 2, lambda-timeout-pinning-leak 2, … +1 more (2)"), "\(row)")
        let markdown = ReportRenderer.render(report, format: .markdown)
        #expect(markdown.contains("`\(busiest.instance)` | 9 | \(all) |"))
        // Every row of every format: each instance's shown counts and what is said left out add up.
        for text in [wide, fitted, markdown] {
            for instance in report.instances.prefix(10) {
                let key = text == fitted ? String(instance.instance.suffix(32).prefix(8)) : instance.instance
                let row = Self.instanceRow(text, key).replacingOccurrences(of: "|", with: " ").replacingOccurrences(of: "`", with: " ")
                let after = try #require(row.range(of: key)).upperBound
                // After the id: its failures, then the causes' counts and a cut's "+N more (F)".
                let numbers = row[after...].split(whereSeparator: { !$0.isNumber && $0 != "+" }).filter { !$0.hasPrefix("+") }.compactMap { Int($0) }
                #expect(numbers.first == instance.failures && numbers.dropFirst().reduce(0, +) == instance.failures, "\(row)")
            }
        }
    }

    @Test("log text is escaped in HTML and stripped of control sequences in the terminal")
    func safeOutput() throws {
        let hostile = "<script>alert(1)</script>\u{1b}]0;pwned\u{07}\u{1b}[31mred"
        #expect(HTMLText.escape(hostile).contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!HTMLText.escape(hostile).contains("<script>"))
        #expect(!Terminal.clean(hostile).contains("\u{1b}"))
        #expect(CSVText.field("a,\"b\"\nc") == "\"a,\"\"b\"\"\nc\"")
        var report = Report(database: ":memory:", inputs: 1, firstTs: 0, lastTs: 1, invocations: 1, failures: 1, windowSeconds: 300)
        report.causes = [.init(cause: "unclassified", failures: 1, share: 1, instances: 1, first: 0, last: 0, meanConfidence: 0.5)]
        report.windows = [.init(start: 0, end: 300_000, failures: 1, causes: [.init(cause: "unclassified", failures: 1)])]
        report.recommendations = [.init(cause: "unclassified", advice: "x", evidence: [hostile])]
        let html = ReportRenderer.render(report, format: .html)
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;"))
        #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(html.contains("<svg"))
        #expect(!ReportRenderer.render(report, format: .table).contains("\u{1b}"))
        #expect(!ReportRenderer.render(report, format: .markdown).contains("\u{1b}"))
    }

    /// `--since`, `--until` and `--function` select every section, not only the failures: a cause
    /// chain, a pinned session, a proxy's pressure or a finding outside the selection is not the
    /// selection's (a new user's audit found the chains of 09:17-09:21 under `--since 09:22`).
    @Test("--since and --function select the chains, pinning, pressure and findings too")
    func selectionAppliesToEverySection() throws {
        let database = try Self.samplesDatabase()
        let whole = try ReportBuilder(database: database).build(ReportOptions())
        #expect(whole.chains.contains { $0.proxy == "journal-sql-proxy" })
        #expect(Set(whole.pressure.map(\.proxy)) == ["inventory-pg-proxy", "journal-sql-proxy"])

        let since = try #require(Timestamp.parse("2026-03-14T09:22:00Z"))
        let late = try ReportBuilder(database: database).build(ReportOptions(filter: FailureFilter(since: since)))
        #expect(late.chains.allSatisfy { $0.first >= since })
        let pinnedSince = try database.scalar("SELECT count(*) FROM proxy_session WHERE pinned_ts >= ?", [.integer(since)]).int ?? -1
        #expect(late.pinning.reduce(0) { $0 + $1.sessions } == Int(pinnedSince))
        #expect(late.pinning.reduce(0) { $0 + $1.sessions } < whole.pinning.reduce(0) { $0 + $1.sessions })

        let inventory = try ReportBuilder(database: database).build(ReportOptions(filter: FailureFilter(function: "inventory-api")))
        #expect(inventory.chains.allSatisfy { $0.proxy == "inventory-pg-proxy" })
        #expect(inventory.pinning.allSatisfy { $0.proxy == "inventory-pg-proxy" })
        #expect(Set(inventory.pressure.map(\.proxy)) == ["inventory-pg-proxy"])
        #expect(inventory.findings.allSatisfy { !$0.subject.contains("journal") && !$0.subject.contains("payments") })
        let journal = try ReportBuilder(database: database).build(ReportOptions(filter: FailureFilter(function: "journal-writer")))
        #expect(journal.chains.contains { $0.proxy == "journal-sql-proxy" })
    }

    @Test("every format says when inputs were read only in part: what they held is in no count")
    func partlyReadInputsSaid() throws {
        let folder = try Fixture.temporaryFolder()
        _ = try Fixture.write(IngestionTests.page, to: "inventory-api/good.json", in: folder)
        _ = try Fixture.write(String(IngestionTests.page.prefix(700)), to: "inventory-api/cut.json", in: folder)
        let database = try Database(path: ":memory:")
        _ = try ingest([folder.path], into: database)
        _ = try Classifier(database: database).run()
        let report = try ReportBuilder(database: database).build(ReportOptions())
        let said = "1 input file was read only in part or not at all when ingested (1 problem recorded)"
        #expect(report.findings.contains { $0.subject == "the export" && $0.found == said })
        for format in [ReportFormat.table, .markdown, .html, .json] {
            #expect(ReportRenderer.render(report, format: format).contains("read only in part"), "\(format)")
        }
        let whole = try Self.samplesDatabase()
        #expect(try ReportBuilder(database: whole).build(ReportOptions()).findings.allSatisfy { !$0.found.contains("read only in part") })
    }

    @Test("no failures is said explicitly; with no invocation at all, that nothing was judged")
    func noFailures() throws {
        // One invocation that succeeded.
        let page = IngestionTests.page.split(separator: "\n").filter { !$0.contains("\"eventId\": \"2\"") && !$0.contains("\"eventId\": \"3\"") }
            .joined(separator: "\n")
        let folder = try Fixture.temporaryFolder()
        let database = try Database(path: ":memory:")
        _ = try ingest([try Fixture.write(page, to: "inventory-api/page.json", in: folder)], into: database)
        _ = try Classifier(database: database).run()
        let clean = try ReportBuilder(database: database).build(ReportOptions())
        #expect(clean.invocations == 1 && clean.failures == 0)
        for format in [ReportFormat.table, .markdown, .html] {
            #expect(ReportRenderer.render(clean, format: format).contains("No failures found."))
        }
        // Proxy logs alone, or the Lambda log groups left out: nothing was judged, which no
        // format may read as "No failures found." (a new user's audit).
        let empty = try Database(path: ":memory:")
        _ = try Classifier(database: empty).run()
        let nothing = try ReportBuilder(database: empty).build(ReportOptions())
        for format in [ReportFormat.table, .markdown, .html, ReportFormat(rawValue: "github")!] {
            let text = ReportRenderer.render(nothing, format: format)
            #expect(text.contains("No Lambda invocations in the database") && !text.contains("No failures found"), "\(format)")
        }
        #expect(ReportRenderer.render(nothing, format: ReportFormat(rawValue: "github")!).hasPrefix("::warning"))
    }

    @Test("--fail-on: a cause alone means any, =N means more than N")
    func thresholds() throws {
        var report = Report(database: "x", inputs: 0, invocations: 10, failures: 3, windowSeconds: 300)
        report.causes = [.init(cause: "query-timeout", failures: 3, share: 1, instances: 1, first: 0, last: 0, meanConfidence: 1)]
        #expect(try FailThreshold.parse("query-timeout")[0].crossed(by: report))
        #expect(try FailThreshold.parse("query-timeout=2")[0].crossed(by: report))
        #expect(!(try FailThreshold.parse("query-timeout=3")[0].crossed(by: report)))
        #expect(!(try FailThreshold.parse("stale-connection")[0].crossed(by: report)))
        #expect(throws: ProxyLensError.self) { try FailThreshold.parse("bogus") }
    }

    @Test("markdown is never over 1 MiB and says when it was cut")
    func markdownLimit() throws {
        var report = Report(database: "x", inputs: 0, invocations: 10, failures: 3, windowSeconds: 60)
        report.causes = [.init(cause: "query-timeout", failures: 3, share: 1, instances: 1, first: 0, last: 0, meanConfidence: 1)]
        report.windows = (0..<40_000).map { .init(start: Int64($0) * 60_000, end: Int64($0 + 1) * 60_000, failures: 1, causes: [.init(cause: "query-timeout", failures: 1)]) }
        let text = ReportRenderer.markdown(report, top: 10)
        #expect(text.utf8.count <= 1_048_576)
        #expect(text.contains("Cut at 1 MiB"))
    }
}
