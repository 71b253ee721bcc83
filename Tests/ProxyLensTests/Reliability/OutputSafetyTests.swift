import Foundation
import Testing
@testable import ProxyLens
#if canImport(Glibc)
import Glibc
#endif

/// Output (issue #18, items 4 to 6): hostile names and log text through every report format and
/// standard error; every command and format writing to a full disk; exit codes of selections
/// that select nothing.
@Suite("Reliability: output", .serialized, .enabled(if: cliAvailable, "needs the proxylens executable next to the tests"))
struct OutputSafetyTests {
    /// Names and texts an attacker who can name a function, a log stream or write a log line
    /// would try: Markdown that closes a code span, images, links, mentions, HTML, spreadsheet
    /// formulas, terminal escapes (OSC 52 clipboard, CSI, C1), a forged line, bidi controls,
    /// characters XML forbids.
    static let catalogue: [String] = [
        "`![a](http://evil.example/a.png)`",
        "``` ![b](http://evil.example/b.png)",
        "[c](http://evil.example/c) and <http://evil.example/autolink>",
        "<img src=http://evil.example/d.png>",
        "<script>alert(1)</script>",
        "@octocat please look",
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)",
        "\tTAB first",
        "\u{1b}]52;c;ZXZpbA==\u{07}clipboard",
        "\u{1b}[2J\u{1b}[31mred",
        "line\nproxylens: forged summary line",
        "bidi \u{202E}evil\u{202C} \u{200E}\u{200F}\u{061C}\u{2066}x\u{2069}\u{202A}\u{202B}\u{202D}",
        "xml \u{FFFE}\u{FFFF}\u{1}\u{0B}",
        "c1 \u{85}\u{9B}31m",
        "| pipe | cell |",
        "***bold*** _em_ ~~strike~~ &lt;entity&amp;",
    ]

    static let forbiddenInTerminal: [Unicode.Scalar] = ["\u{1b}", "\u{07}", "\u{85}", "\u{9B}", "\u{202E}", "\u{202C}", "\u{200E}",
                                                         "\u{200F}", "\u{061C}", "\u{2066}", "\u{2069}", "\u{202A}", "\u{202B}", "\u{202D}", "\u{01}", "\u{0B}"]

    /// A database with one failing invocation per catalogue entry: the entry is in the
    /// function's name (its log group), the log stream and the error message.
    static func hostileDatabase(in folder: URL) throws -> String {
        let db = folder.appendingPathComponent("hostile.sqlite").path
        for (i, text) in catalogue.enumerated() {
            let id = GeneratedCorpus.uuid(9, i, 1)
            let t: Int64 = 1_773_478_800_000 + Int64(i) * 60_000
            let stream = "2026/03/14/[$LATEST]\(text)"
            let lines = [
                (t, "START RequestId: \(id) Version: $LATEST\n"),
                (t + 5, "[ERROR] RuntimeError: \(text)\nTraceback (most recent call last):\n  File \"/var/task/app.py\", line 1, in handler\n"),
                (t + 9, "END RequestId: \(id)\n"),
                (t + 9, "REPORT RequestId: \(id)\tDuration: 9.00 ms\tBilled Duration: 9 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\t\n"),
            ]
            let events = lines.enumerated().map { GeneratedCorpus.eventJSON(stream: stream, ts: $1.0, message: $1.1, id: $0) }
            let page = try Fixture.write("{\"events\": [\n" + events.joined(separator: ",\n") + "\n]}\n", to: "page-\(i).json", in: folder)
            let result = try Child.run(["ingest", "--db", db, "--log-group", "/aws/lambda/fn-\(text)", page])
            #expect(result.status == 0, "\(i): \(result.stderr)")
            #expect(!result.stderr.unicodeScalars.contains("\u{1b}"), "stderr of ingest \(i) holds an escape")
        }
        return db
    }

    static func python(_ script: String, _ arguments: [String]) throws -> CommandResult {
        try CLI.run(program: "/usr/bin/env", ["python3", "-c", script] + arguments)
    }

    @Test("the hostile catalogue through table, Markdown, CSV, JUnit, HTML, JSON and stderr")
    func hostileCatalogue() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.hostileDatabase(in: folder)
        let analyzed = try Child.run(["classify", "--db", db])
        #expect(analyzed.status == 0, "\(analyzed.stderr)")
        func report(_ format: String) throws -> String {
            let path = folder.appendingPathComponent("report.\(format)").path
            let result = try Child.run(["report", "--db", db, "--format", format, "--top", "50", "--output", path])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        // Table: no control or bidi character at all, one line per line.
        let table = try report("table")
        #expect(table.contains("fn-"), "the functions are in the table")
        for scalar in Self.forbiddenInTerminal { #expect(!table.unicodeScalars.contains(scalar), "table holds U+\(String(scalar.value, radix: 16))") }
        #expect(!table.split(separator: "\n").contains { $0.hasPrefix("proxylens: forged") })
        let failuresTable = try Child.run(["failures", "--db", db, "--format", "table"])
        for scalar in Self.forbiddenInTerminal { #expect(!failuresTable.stdout.unicodeScalars.contains(scalar)) }

        // Markdown, rendered by a CommonMark renderer: no image, link or raw HTML from the data.
        let markdown = try report("markdown")
        let rendered = try Self.python("""
            import sys
            from markdown_it import MarkdownIt
            print(MarkdownIt("commonmark").enable("table").enable("strikethrough").render(open(sys.argv[1]).read()))
            """, [folder.appendingPathComponent("report.markdown").path])
        try #require(rendered.status == 0, "markdown-it-py is needed (.ci/run installs it): \(rendered.stderr)")
        #expect(rendered.stdout.contains("fn-"), "the functions are in the rendered Markdown")
        for tag in ["<img", "<a ", "<script", "<strong>bold", "<em>em", "<del>"] {
            #expect(!rendered.stdout.contains(tag), "rendered Markdown holds \(tag)")
        }
        #expect(markdown.contains("| fn-") || markdown.contains("`fn-"), "function names are in cells")

        // CSV of failures: parsed, no cell from the data begins with a formula character.
        let csvPath = folder.appendingPathComponent("failures.csv").path
        let csv = try Child.run(["failures", "--db", db, "--format", "csv"], stdout: csvPath)
        #expect(csv.status == 0)
        let cells = try Self.python("""
            import csv, sys, json
            rows = list(csv.reader(open(sys.argv[1], newline='')))
            bad = [c for r in rows[1:] for c in r if c[:1] in ('=', '+', '-', '@', '\\t', '\\r')]
            print(json.dumps({"rows": len(rows) - 1, "bad": bad}))
            """, [csvPath])
        #expect(cells.stdout.contains("\"rows\": \(Self.catalogue.count)"), "\(cells.stdout) \(cells.stderr)")
        #expect(cells.stdout.contains("\"bad\": []"), "\(cells.stdout)")

        // JUnit parses as XML.
        _ = try report("junit")
        let xml = try Self.python("import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1]); print('parsed')",
                                  [folder.appendingPathComponent("report.junit").path])
        #expect(xml.stdout.contains("parsed"), "\(xml.stderr)")

        // HTML: the data is text, never markup.
        let html = try report("html")
        #expect(!html.contains("<script>alert") && !html.contains("<img src=http"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let json = try report("json")
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)

        // Standard error: a file name with an OSC 52 write and a forged line is shown escaped.
        let evilName = "evil\u{1b}]52;c;ZXZpbA==\u{07}\nproxylens: forged.json"
        let evil = folder.appendingPathComponent(evilName).path
        try Data([0, 1, 2, 3, 0xff]).write(to: URL(fileURLWithPath: evil))
        let stderrRun = try Child.run(["ingest", "--db", folder.appendingPathComponent("stderr.sqlite").path, evil])
        #expect(stderrRun.status == 1)
        #expect(!stderrRun.stderr.unicodeScalars.contains("\u{1b}") && !stderrRun.stderr.unicodeScalars.contains("\u{07}"))
        #expect(!stderrRun.stderr.split(separator: "\n").contains { $0.hasPrefix("proxylens: forged") }, "\(stderrRun.stderr)")
        #expect(stderrRun.stderr.contains("\\x1b]52;c;ZXZpbA==\\x07\\nproxylens: forged.json: binary data"), "\(stderrRun.stderr)")
    }

    @Test("stream names with control characters are stored cleaned, and noted")
    func streamNamesCleaned() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let event = GeneratedCorpus.eventJSON(stream: "s\u{0}\u{1b}[31m\nx", ts: 1_773_478_800_000, message: "hello", id: 1)
        let page = try Fixture.write("{\"events\": [\n\(event)\n]}\n", to: "inventory-api_1.json", in: folder)
        let db = folder.appendingPathComponent("streams.sqlite").path
        let result = try Child.run(["ingest", "--db", db, page])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("control characters in a log stream name"), "\(result.stderr)")
        #expect(try Database(path: db, readOnly: true, migrate: false).scalar("SELECT log_stream FROM event").string == "s\u{FFFD}\u{FFFD}[31m\u{FFFD}x")
    }

    @Test("every command and format writing to /dev/full exits 2 with a message")
    func fullDisk() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("full.sqlite").path
        let setup = try Child.run(["analyze", "--db", db, Fixture.samples("incident")], stdout: "/dev/null")
        try #require(setup.status == 0, "\(setup.stderr)")
        var commands: [[String]] = ReportFormat.allCases.map { ["report", "--db", db, "--format", $0.rawValue] }
        commands += RecordFormat.allCases.map { ["failures", "--db", db, "--format", $0.rawValue] }
        commands += RecordFormat.allCases.map { ["sql", "--db", db, "--format", $0.rawValue, "SELECT * FROM failure"] }
        commands += [["classify", "--db", db], ["schema"], ["ingest", "--db", db, Fixture.samples("incident")],
                     ["analyze", "--db", db, Fixture.samples("incident"), "--format", "json"]]
        for command in commands {
            let result = try Child.run(command, stdout: "/dev/full")
            #expect(result.signal == nil, "\(command): killed by signal \(result.signal ?? 0)")
            #expect(result.status == 2, "\(command): exit \(result.status.map(String.init) ?? "-"): \(result.stderr)")
            #expect(result.stderr.contains("standard output: cannot write: No space left on device"), "\(command): \(result.stderr)")
        }
        #expect(try integrityCheck(db) == "ok")
    }

    @Test("a --function or --since/--until that selects nothing exits 2 and lists what exists; analyze exits 1 for skipped inputs")
    func emptySelections() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("select.sqlite").path
        let bad = try Child.run(["analyze", "--db", db, Fixture.samples("bad")], stdout: "/dev/null")
        #expect(bad.status == 1, "analyze of samples/bad: \(bad.stderr)")
        _ = try Child.run(["analyze", "--db", db, Fixture.samples("incident")], stdout: "/dev/null")
        let typo = try Child.run(["report", "--db", db, "--function", "typo", "--fail-on", "connection-timeout"])
        #expect(typo.status == 2, "\(typo.stderr)")
        #expect(typo.stderr.contains("no invocations of 'typo'; functions: "), "\(typo.stderr)")
        #expect(typo.stderr.contains("inventory-api"), "\(typo.stderr)")
        let failures = try Child.run(["failures", "--db", db, "--function", "typo"])
        #expect(failures.status == 2 && failures.stderr.contains("functions: "), "\(failures.stderr)")
        let window = try Child.run(["report", "--db", db, "--since", "2030-01-01"])
        #expect(window.status == 2, "\(window.stderr)")
        #expect(window.stderr.contains("the invocations span 2026-03-14T"), "\(window.stderr)")
        for time in ["2026-02-30", "2026-03-14T00:00:00+99:99"] {
            let invalid = try Child.run(["report", "--db", db, "--since", time])
            #expect(invalid.status == 2 && invalid.stderr.contains("expected an ISO-8601 time"), "\(time): \(invalid.stderr)")
        }
    }
}
