import Foundation
import Testing
@testable import ProxyLens
#if canImport(Glibc)
import Glibc
#endif

/// After a crash, on someone else's file, at the edges (issue #18, items 7 to 9): a hot
/// journal, a foreign SQLite file, the Markdown cut, timestamps outside years 0–9999, and `sql`
/// (streaming, several statements, an empty query, --param).
@Suite("Reliability: recovery and sql", .serialized, .enabled(if: cliAvailable, "needs the proxylens executable next to the tests"))
struct RecoveryTests {
    @Test("a hot journal left by a crashed writer is rolled back by report, sql and failures")
    func hotJournal() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("hot.sqlite").path
        let setup = try Child.run(["analyze", "--db", db, Fixture.samples("incident")], stdout: "/dev/null")
        try #require(setup.status == 0, "\(setup.stderr)")
        let before = try HostileInputTests.count(db, "SELECT count(*) FROM meta")
        // A writer that dies mid-transaction, its cache spilled to the file: a hot journal.
        let crash = try CLI.run(program: "/usr/bin/env", ["python3", "-c", """
            import sqlite3, os, sys
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute('PRAGMA cache_size=2')
            c.execute('BEGIN')
            for i in range(3000): c.execute('INSERT INTO meta (key, value) VALUES (?, ?)', ('k%d' % i, 'x' * 500))
            os._exit(0)
            """, db])
        #expect(crash.status == 0, "\(crash.stderr)")
        let journal = (try? FileManager.default.attributesOfItem(atPath: db + "-journal")[.size] as? Int) ?? 0
        try #require(journal > 0, "no hot journal was left")
        let report = try Child.run(["report", "--db", db, "--format", "json"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("\"schema\""), "\(report.stderr)")
        #expect(!report.stderr.contains("readonly"), "\(report.stderr)")
        let sql = try Child.run(["sql", "--db", db, "SELECT count(*) FROM meta"])
        #expect(sql.status == 0 && sql.stdout.contains("\(before)"), "\(sql.stdout) \(sql.stderr)")
        #expect(try integrityCheck(db) == "ok")
    }

    @Test("a foreign SQLite file is refused and never modified")
    func foreignFile() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("app.db").path
        do {
            let other = try Database(path: db, migrate: false)
            try other.execute("CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customer VALUES (1, 'x');")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        for command in [["ingest", "--db", db, Fixture.samples("incident")], ["analyze", "--db", db, Fixture.samples("incident")],
                        ["classify", "--db", db], ["report", "--db", db], ["sql", "--db", db, "SELECT 1"]] {
            let result = try Child.run(command)
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("not a proxylens database"), "\(command): \(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before, "the file was changed")
        #expect(!FileManager.default.fileExists(atPath: db + "-journal"))
    }

    @Test("the Markdown cut at 1 MiB falls on a character boundary, keeping the report before it")
    func markdownCutOnCharacter() throws {
        // Three reports one byte apart: wherever the limit falls in the three-byte characters,
        // the text before the cut is kept.
        for invocations in [10, 100, 1000] {
            var report = Report(database: "x", inputs: 0, invocations: invocations, failures: 3, windowSeconds: 60)
            report.causes = [.init(cause: "query-timeout", failures: 3, share: 1, instances: 1, first: 0, last: 0, meanConfidence: 1)]
            report.instances = (0..<20_000).map {
                .init(function: "関数" + String(repeating: "日本語", count: 10), instance: "実例\($0)", failures: 1, causes: [.init(cause: "query-timeout", failures: 1)])
            }
            let text = ReportRenderer.markdown(report, top: 20_000)
            #expect(text.utf8.count <= 1_000_000)
            #expect(text.hasPrefix("## proxylens report"))
            #expect(text.utf8.count > 900_000, "only \(text.utf8.count) bytes kept")
            #expect(text.contains("Cut at 1 MiB"))
        }
    }

    @Test("timestamps outside years 0–9999 are skipped and named; the events beside them are kept")
    func farTimestamps() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = [1_773_478_800_000, 253_402_300_800_000, -62_167_219_200_001, 9_223_372_036_854_775_000].enumerated().map {
            GeneratedCorpus.eventJSON(stream: "2026/03/14/[$LATEST]aaaa", ts: Int64($1), message: "event \($0)", id: $0)
        }
        let page = try Fixture.write("{\"events\": [\n" + events.joined(separator: ",\n") + "\n]}\n", to: "inventory-api_1.json", in: folder)
        let db = folder.appendingPathComponent("far.sqlite").path
        let result = try Child.run(["ingest", "--db", db, page])
        #expect(result.status == 1 && result.signal == nil, "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "is outside the years 0–9999; event skipped").count == 4, "\(result.stderr)")
        #expect(try HostileInputTests.count(db) == 1)
        // Run again, the file is skipped, and what its first reading skipped is said again
        // (status 1, as ingest's): the report is still written.
        let report = try Child.run(["analyze", "--db", db, page, "--format", "json"])
        #expect(report.status == 1 && !report.stdout.contains("T31:") && report.stdout.contains("\"invocations\""), "\(report.stderr)")
        #expect(report.stderr.contains("already ingested, but only in part: "), "\(report.stderr)")
    }

    @Test("sql refuses several statements and an empty query with a message, and runs queries/*.sql as shipped with --param")
    func sqlStatements() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("sql.sqlite").path
        _ = try Child.run(["analyze", "--db", db, Fixture.samples("incident")], stdout: "/dev/null")
        let two = try Child.run(["sql", "--db", db, "SELECT 1; SELECT 2"])
        #expect(two.status == 2 && two.stderr.contains("holds 2 statements"), "\(two.stderr)")
        for empty in ["", "  ", "-- only a comment\n"] {
            let result = try Child.run(["sql", "--db", db, "--", empty])
            #expect(result.status == 2 && result.stderr.contains("the query is empty"), "'\(empty)': \(result.stderr)")
        }
        let trailing = try Child.run(["sql", "--db", db, "SELECT 41 + 1 AS answer; -- a comment after"])
        #expect(trailing.status == 0 && trailing.stdout.contains("42"), "\(trailing.stderr)")
        let causes = try String(contentsOfFile: Fixture.root.appendingPathComponent("queries/causes.sql").path, encoding: .utf8)
        let shipped = try Child.run(["sql", "--db", db, "--format", "csv", "--param", "since=NULL", "--param", "until=NULL",
                                     "--param", "function=NULL", "--", causes])
        #expect(shipped.status == 0, "\(shipped.stderr)")
        #expect(shipped.stdout.hasPrefix("cause,failures,share"), "\(shipped.stdout)")
        #expect(shipped.stdout.contains("connection-timeout,12,"), "\(shipped.stdout)")
        let filtered = try Child.run(["sql", "--db", db, "--param", "function=inventory-api", "--param", "since=0", "--param", "until=NULL", "--", causes])
        #expect(filtered.status == 0, "\(filtered.stderr)")
        let unknown = try Child.run(["sql", "--db", db, "--param", "nope=1", "--", causes])
        #expect(unknown.status == 2 && unknown.stderr.contains("no parameter :nope"), "\(unknown.stderr)")
        let note = try Child.run(["sql", "--db", db, "--", causes])
        #expect(note.status == 0 && note.stderr.contains(":since"), "\(note.stderr)")
    }

    @Test("sql streams: every row of a 2,000,000-row table in under 100 MB", .tags(.slow))
    func sqlStreams() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("big.sqlite").path
        let rows = 2_000_000
        do {
            let database = try Database(path: db)
            try database.execute("""
                INSERT INTO source (id, path, container, sha256, bytes, events, compressed, ingested_at) VALUES (1, 'x', 'x', 'x', 0, 0, 0, 0);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(rows))
                INSERT INTO event (source_id, log_group, log_stream, ts, msg_hash, message, kind)
                SELECT 1, '/aws/lambda/big', 'stream-' || (i % 100), 1773478800000 + i, i, printf('message %d %s', i, hex(randomblob(40))), 'app' FROM n;
                """)
        }
        let out = folder.appendingPathComponent("out.csv").path
        let result = try Child.run(["sql", "--db", db, "--format", "csv", "SELECT * FROM event"], timeout: 300, stdout: out)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.maxRSSKiB < (100 << 10) * memoryLimitFactor, "peak RSS \(result.maxRSSKiB >> 10) MiB")
        let lines = try CLI.run(program: "/usr/bin/env", ["wc", "-l", out]).stdout
        #expect(lines.hasPrefix("\(rows + 1) "), "\(lines)")
        print("figure: sql of \(rows) rows, peak RSS \(result.maxRSSKiB >> 10) MiB, \(String(format: "%.1f", result.seconds)) s")
    }
}
