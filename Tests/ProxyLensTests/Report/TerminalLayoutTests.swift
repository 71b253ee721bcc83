import Foundation
import Testing
@testable import ProxyLens

/// The terminal table at the widths people use: golden files, and no line over the width.
@Suite("Terminal layout", .serialized)
struct TerminalLayoutTests {
    static let folder = Fixture.root.appendingPathComponent("Tests/ProxyLensTests/Report/golden/terminal")

    /// Compares with (or, with UPDATE_GOLDEN=1, writes) `golden/terminal/<name>.txt`.
    static func golden(_ text: String, _ name: String) throws {
        let url = folder.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(name) differs from golden/terminal/\(name).txt (UPDATE_GOLDEN=1 make test to accept)")
    }

    static func expectFits(_ text: String, _ width: Int, _ name: String) {
        for line in text.split(separator: "\n") where DisplayWidth.of(String(line)) > width {
            Issue.record("\(name): a line of \(DisplayWidth.of(String(line))) columns: \(line)")
        }
    }

    @Test("analyze and failures at 80, 120 and 200 columns and piped (100): golden, no line over the width")
    func widths() throws {
        let folder = try Fixture.temporaryFolder()
        for (width, name) in [(80, "80"), (120, "120"), (200, "200"), (100, "piped")] {
            let environment = name == "piped" ? [:] : ["COLUMNS": String(width)]
            let analyze = try CLI.run(["analyze", Fixture.samples("incident")], in: folder, environment: environment)
            #expect(analyze.status == 0, "\(analyze.stderr)")
            Self.expectFits(analyze.stdout, width, "analyze \(name)")
            try Self.golden(analyze.stdout, "analyze-\(name)")
            let failures = try CLI.run(["failures", "--format", "table"], in: folder, environment: environment)
            #expect(failures.status == 0, "\(failures.stderr)")
            Self.expectFits(failures.stdout, width, "failures \(name)")
            try Self.golden(failures.stdout, "failures-\(name)")
        }
        // --wide: whole values, whatever the width.
        let wide = try CLI.run(["failures", "--format", "table", "--wide"], in: folder, environment: ["COLUMNS": "80"])
        #expect(wide.stdout.contains("d0a2c267-526f-4fb7-ab0d-c406c165ffee"))
        #expect(!wide.stdout.contains("…"))
        let picked = try CLI.run(["failures", "--format", "csv", "--columns", "request_id,cause"], in: folder)
        #expect(picked.stdout.hasPrefix("request_id,cause\r\nd0a2c267-526f-4fb7-ab0d-c406c165ffee,stale-connection\r\n"))
        let bad = try CLI.run(["failures", "--columns", "nope"], in: folder)
        #expect(bad.status == 2 && bad.stderr.contains("nope"))
        let always = try CLI.run(["report", "--color", "always"], in: folder)
        #expect(always.stdout.contains("\u{1b}["))
        let never = try CLI.run(["report", "--color", "never"], in: folder)
        #expect(!never.stdout.contains("\u{1b}["))
    }

    @Test("evidence as objects in NDJSON; failures --explain tells one failure's story")
    func evidenceAndExplain() throws {
        let folder = try Fixture.temporaryFolder()
        _ = try CLI.run(["analyze", Fixture.samples("incident")], in: folder)
        let records = try CLI.run(["failures"], in: folder)
        var kinds = Set<String>()
        for line in records.stdout.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            for item in object?["evidence"] as? [[String: Any]] ?? [] {
                #expect(Set(item.keys) == ["kind", "text", "event_id", "time", "stream"])
                #expect((item["text"] as? String)?.isEmpty == false)
                kinds.insert(item["kind"] as? String ?? "")
            }
        }
        #expect(kinds.isSuperset(of: ["log", "proxy-session"]), "\(kinds)")
        let story = try CLI.run(["failures", "--explain", "c406c165ffee"], in: folder, environment: ["COLUMNS": "100"])
        #expect(story.status == 0, "\(story.stderr)")
        for part in ["failure d0a2c267-526f-4fb7-ab0d-c406c165ffee", "rule signature:libpq-server-closed", "Why: the rule's evidence",
                     "[log] 2026-03-14T09:06:12.703Z [ERROR] OperationalError", "Its invocation's lines", "START RequestId: d0a2c267", "Proxy lines"] {
            #expect(story.stdout.contains(part), "--explain lacks \(part)")
        }
        Self.expectFits(story.stdout, 100, "--explain")
        #expect(try CLI.run(["failures", "--explain", "no-such-id"], in: folder).status == 2)
    }

    @Test("CJK text: two columns a character, tables aligned, golden")
    func cjk() throws {
        var report = Report(database: "事故.sqlite", inputs: 2, firstTs: 1_773_479_112_634, lastTs: 1_773_480_267_122, invocations: 20, failures: 3, windowSeconds: 300)
        report.causes = [.init(cause: "query-timeout", failures: 2, share: 0.6667, instances: 1, first: 1_773_479_235_018, last: 1_773_479_535_018, meanConfidence: 0.9),
                         .init(cause: "unclassified", failures: 1, share: 0.3333, instances: 1, first: 1_773_479_300_000, last: 1_773_479_300_000, meanConfidence: 0.5)]
        report.windows = [.init(start: 1_773_479_100_000, end: 1_773_479_400_000, failures: 2, causes: [.init(cause: "query-timeout", failures: 1), .init(cause: "unclassified", failures: 1)]),
                          .init(start: 1_773_479_400_000, end: 1_773_479_700_000, failures: 1, causes: [.init(cause: "query-timeout", failures: 1)])]
        report.instances = [.init(function: "注文処理-api", instance: "2026/03/14/[$LATEST]29a883b2bef9dbf563aea7889b4968b9", failures: 2, causes: [.init(cause: "query-timeout", failures: 2)]),
                            .init(function: "在庫", instance: "2026/03/14/[$LATEST]ab6854beee760c99132e088af3fc5804", failures: 1, causes: [.init(cause: "unclassified", failures: 1)])]
        report.recommendations = [.init(cause: "query-timeout", advice: "クエリのタイムアウトを Lambda のタイムアウトより短くしてください。接続はまだ有効です。",
                                        evidence: ["2026-03-14T09:07:15.018Z 注文処理-api 2026/03/14/[$LATEST]29a883b2bef9dbf563aea7889b4968b9: エラー: ステートメントのタイムアウトによりステートメントを取り消しています"])]
        var text = ""
        for width in [80, 120] {
            let rendered = ReportRenderer.render(report, format: .table, options: RenderOptions(generatedAt: CIFormatTests.generatedAt, width: width))
            Self.expectFits(rendered, width, "CJK \(width)")
            text += rendered
        }
        #expect(DisplayWidth.of("注文処理-api") == 12)
        #expect(DisplayWidth.of("ｱ") == 1 && DisplayWidth.of("Ａ") == 2 && DisplayWidth.of("é") == 1 && DisplayWidth.of("e\u{301}") == 1)
        // The numbers after a CJK name line up with those after a Latin one.
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("注文処理-api") || $0.hasPrefix("在庫 ") }.prefix(2).map(String.init)
        #expect(rows.count == 2 && Set(rows.map { DisplayWidth.of(String($0.prefix { $0 != "…" })) }).count == 1, "\(rows)")
        try Self.golden(text, "cjk")
    }

    @Test("wrapping at word boundaries; cutting with …; ids keep their hash")
    func layoutPieces() {
        #expect(TextLayout.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
        #expect(TextLayout.wrap("lambda-timeout-pinning-leak", width: 16) == ["lambda-timeout-", "pinning-leak"])
        #expect(TextLayout.cutEnd("abcdef", 4) == "abc…")
        #expect(TextLayout.cutStart("abcdef", 4) == "…def")
        #expect(TextLayout.shortID("2026/03/14/[$LATEST]29a883b2bef9dbf563aea7889b4968b9") == "…[$LATEST]29a883b2…")
        let table = TextLayout.table([.init("n", right: true), .init("text", fit: .wrap, min: 5)], [["7", "one two three"], ["12", "x"]], width: 12)
        #expect(table == " n  text\n--  --------\n 7  one two\n    three\n12  x\n")
    }
}
