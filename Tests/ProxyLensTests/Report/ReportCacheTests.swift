import Foundation
import Testing
@testable import ProxyLens

/// `analyze` keeps the report it built in `meta`; a re-run over unchanged data shows that one.
@Suite("Kept report")
struct ReportCacheTests {
    @Test("a kept report renders exactly as the one it was built from, in every format")
    func roundTrip() throws {
        let database = try ReportTests.samplesDatabase()
        let built = try ReportBuilder(database: database).build(ReportOptions(windowSeconds: 300))
        let cache = ReportCache(database: database)
        let key = try cache.key(for: ReportOptions(windowSeconds: 300))
        try cache.store(built, key: key)
        let kept = try #require(try cache.load(key: key))
        #expect(try cache.load(key: key + "x") == nil)
        let thresholds = try FailThreshold.parse("stale-connection")
        for format in ReportFormat.allCases {
            let options = RenderOptions(thresholds: thresholds, generatedAt: CIFormatTests.generatedAt)
            #expect(ReportRenderer.render(kept, format: format, options: options) == ReportRenderer.render(built, format: format, options: options),
                    "\(format) differs")
        }
    }

    @Test("the key changes with the labels, the sources and every option, not with nothing")
    func keyChanges() throws {
        let database = try ReportTests.samplesDatabase()
        let cache = ReportCache(database: database)
        let base = try cache.key(for: ReportOptions())
        #expect(try cache.key(for: ReportOptions()) == base)
        let variants = [ReportOptions(windowSeconds: 60), ReportOptions(top: 3), ReportOptions(filter: FailureFilter(function: "inventory-api")),
                        ReportOptions(filter: FailureFilter(since: 1)), ReportOptions(filter: FailureFilter(until: 1))]
        for options in variants { #expect(try cache.key(for: options) != base) }
        try database.execute("INSERT INTO source (path, container, sha256, bytes, events, ingested_at) VALUES ('new', 'tail', 'y', 0, 0, 1)")
        let afterSource = try cache.key(for: ReportOptions())
        #expect(afterSource != base)
        // Labels made again from other derived tables.
        try database.execute("UPDATE meta SET value = value || '+1' WHERE key = 'classified_inputs'")
        let afterLabels = try cache.key(for: ReportOptions())
        #expect(afterLabels != afterSource)
        try database.execute("DELETE FROM failure WHERE rowid = (SELECT max(rowid) FROM failure)")
        #expect(try cache.key(for: ReportOptions()) != afterLabels)
    }

    @Test("analyze again: the same report from the kept one; after new input, a new one")
    func analyzeAgain() throws {
        let folder = try Fixture.temporaryFolder()
        let first = try CLI.run(["analyze", Fixture.samples("incident")], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let database = try Database(path: folder.appendingPathComponent("proxylens.sqlite").path, readOnly: true, migrate: false)
        #expect(try database.scalar("SELECT count(*) FROM meta WHERE key IN ('report_cache', 'report_cache_key')").int == 2)
        let again = try CLI.run(["analyze", Fixture.samples("incident")], in: folder)
        #expect(again.stdout == first.stdout)
        // It is the kept one that is shown: a change made to it shows.
        do {
            let writable = try Database(path: folder.appendingPathComponent("proxylens.sqlite").path)
            try writable.execute(#"UPDATE meta SET value = replace(value, '"invocations":', '"invocations":9999') WHERE key = 'report_cache'"#)
        }
        let tampered = try CLI.run(["analyze", Fixture.samples("incident")], in: folder)
        #expect(tampered.stdout != first.stdout)
        // The kept report is a Report, not its text: every format renders it.
        let json = try CLI.run(["analyze", "--format", "json", Fixture.samples("incident")], in: folder)
        #expect(json.stdout.contains(#""invocations":9999"#))
        // A new input with one new failure-free event: the report counts one more input.
        let extra = try Fixture.write(#"{"events":[{"logStreamName":"2026/03/14/[$LATEST]0000","timestamp":1773479100000,"message":"hello\n"}],"searchedLogStreams":[]}"#,
                                      to: "extra.json", in: folder)
        let after = try CLI.run(["analyze", Fixture.samples("incident"), extra], in: folder)
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout != first.stdout)
    }

    @Test("report keeps what it built too, when it can write: analyze after ingest, classify and report shows that one")
    func reportKeeps() throws {
        let folder = try Fixture.temporaryFolder()
        #expect(try CLI.run(["ingest", Fixture.samples("incident")], in: folder).status == 0)
        #expect(try CLI.run(["classify"], in: folder).status == 0)
        let report = try CLI.run(["report"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        let database = try Database(path: folder.appendingPathComponent("proxylens.sqlite").path)
        #expect(try database.scalar("SELECT count(*) FROM meta WHERE key IN ('report_cache', 'report_cache_key')").int == 2)
        try database.execute(#"UPDATE meta SET value = replace(value, '"invocations":', '"invocations":9999') WHERE key = 'report_cache'"#)
        let analyze = try CLI.run(["analyze", "--format", "json", Fixture.samples("incident")], in: folder)
        #expect(analyze.stdout.contains(#""invocations":9999"#))
    }
}
