import Foundation
import Testing
@testable import ProxyLens

/// One corpus ingested three ways (in one run, in two runs into one database, into two partition
/// databases then merged) must give the same events, derived tables, labels and report.
@Suite("Merge", .serialized)
struct MergeTests {
    /// `samples/incident` split by folder: the Lambda side and the proxy side with the
    /// configuration. The export task's description is on the other side from the S3 export it
    /// names (merge must still give those events the task's log group).
    static let lambdaSide = ["cloudwatch/lambda", "firehose", "s3/ops-log-archive-eu-west-1-730335218964"].map { Fixture.samples("incident/" + $0) }
    static let proxySide = ["cloudwatch/rds-proxy", "config", "proxy-journal.log", "s3/describe-export-tasks.json"].map { Fixture.samples("incident/" + $0) }

    @Test("bulk, incremental and merged partitions of samples/incident agree")
    func splitByFolder() throws {
        let folder = try Fixture.temporaryFolder()
        let same = try Self.threeWays(Self.lambdaSide, Self.proxySide, in: folder)
        #expect(same.summary.sourcesAlreadyPresent == 0)
        #expect(same.summary.classified.failures > 40)
    }

    /// Overlap twice over: one file in both partitions (same bytes: skipped as ingest skips it),
    /// and the same events in two files (a gzip copy: dropped by the dedupe key). The second
    /// partition hashes messages with FNV-1a, as databases made before schema 5 do: merge must
    /// hash them again for its events to meet their copies.
    @Test("partitions that overlap, one with another message hash, merge to what one ingest gives")
    func overlapping() throws {
        let folder = try Fixture.temporaryFolder()
        let shared = Fixture.samples("incident/cloudwatch/rds-proxy/inventory-pg-proxy/inventory-pg-proxy_2026-03-14T0905Z_0915Z.json")
        let original = Fixture.samples("incident/cloudwatch/lambda/inventory-api/inventory-api_2026-03-14T0915Z_0925Z.json")
        let copy = folder.appendingPathComponent("copies/inventory-api_2026-03-14T0915Z_0925Z.json.gz").path
        try FileManager.default.createDirectory(atPath: folder.appendingPathComponent("copies").path, withIntermediateDirectories: true)
        try Fixture.gzip(try Data(contentsOf: URL(fileURLWithPath: original))).write(to: URL(fileURLWithPath: copy))
        let same = try Self.threeWays(Self.lambdaSide + [shared], Self.proxySide + [copy], in: folder, secondHash: .fnv1a64)
        #expect(same.summary.sourcesAlreadyPresent == 1)
        #expect(same.summary.inputsPrepared == 1)
        #expect(same.summary.duplicates.total > 0)
        let events = try Database(path: same.merged, readOnly: true)
        #expect(try events.scalar("SELECT count(*) FROM source WHERE path = ?", [.text(copy)]).int == 1)
    }

    @Test("a database that is not proxylens's, or is newer, is refused by name and nothing is written")
    func refusesForeignAndNewer() throws {
        let folder = try Fixture.temporaryFolder()
        let good = folder.appendingPathComponent("good.sqlite").path
        _ = try ingest([Fixture.samples("incident/config")], into: try Database(path: good))
        let foreign = folder.appendingPathComponent("foreign.sqlite").path
        try Database(path: foreign, migrate: false).execute("CREATE TABLE orders (id INTEGER)")
        let newer = folder.appendingPathComponent("newer.sqlite").path
        try FileManager.default.copyItem(atPath: good, toPath: newer)
        try Database(path: newer).execute("INSERT INTO schema_migration (version, name, applied_at) VALUES (999, 'future', 0)")
        let output = folder.appendingPathComponent("out.sqlite").path
        for (input, words) in [(foreign, "not a proxylens database"), (newer, "newer proxylens"), (folder.appendingPathComponent("none.sqlite").path, "no such database")] {
            let run = try CLI.run(["merge", good, input, "--db", output])
            #expect(run.status == 2)
            #expect(run.stderr.contains(input) && run.stderr.contains(words), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.contains(".merge-") })
        }
        #expect(try Database(path: foreign, migrate: false).scalar("SELECT count(*) FROM sqlite_master").int == 1)
        let ok = try CLI.run(["merge", good, "--db", output])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.hasPrefix("merged 1 database: 7 new files"))
        let again = try CLI.run(["merge", output, "--db", output])
        #expect(again.status == 2 && again.stderr.contains("is the output"))
    }

    struct Outcome {
        var merged: String
        var summary: MergeSummary
    }

    /// Ingests `first` and `second` in one run, in two runs into one database, and into one
    /// partition database each that are then merged; expects the three to agree.
    static func threeWays(_ first: [String], _ second: [String], in folder: URL, secondHash: MessageHash = .xxh64) throws -> Outcome {
        let bulk = folder.appendingPathComponent("bulk.sqlite").path
        do {
            let database = try Database(path: bulk)
            _ = try ingest(first + second.filter { !first.contains($0) }, into: database)
            _ = try Classifier(database: database).run()
        }
        let incremental = folder.appendingPathComponent("incremental.sqlite").path
        do {
            let database = try Database(path: incremental)
            _ = try ingest(first, into: database)
            _ = try ingest(second, into: database)
            _ = try Classifier(database: database).run()
        }
        let partitionA = folder.appendingPathComponent("a.sqlite").path
        _ = try ingest(first, into: try Database(path: partitionA))
        let partitionB = folder.appendingPathComponent("b.sqlite").path
        do {
            let database = try Database(path: partitionB)
            try database.execute("UPDATE meta SET value = '\(secondHash.rawValue)' WHERE key = 'msg_hash'")
            _ = try ingest(second, into: database)
        }
        let merged = folder.appendingPathComponent("merged.sqlite").path
        let summary = try Merging(outputPath: merged).run(inputs: [partitionA, partitionB])

        let expected = try contents(of: bulk)
        #expect(expected.count > 1000)
        for (name, path) in [("incremental", incremental), ("merged", merged)] {
            let got = try contents(of: path)
            #expect(got.count == expected.count, "\(name): \(got.count) lines, bulk \(expected.count)")
            for (line, (a, b)) in zip(expected, got).enumerated() where a != b {
                Issue.record("\(name) differs from bulk at line \(line):\n  bulk: \(a)\n  \(name): \(b)")
                break
            }
        }
        return Outcome(merged: merged, summary: summary)
    }

    /// Everything the three ways must agree on, as lines: the events, problems, configuration,
    /// derived tables, labels and the JSON report. Event ids differ with the order rows were
    /// written in, so a column that points at an event shows the event (stream, time, id,
    /// message) instead; the report's database path and generation time are fixed.
    static func contents(of path: String) throws -> [String] {
        let database = try Database(path: path, readOnly: true)
        let event = { (column: String) in "(SELECT log_stream || '|' || ts || '|' || coalesce(event_id, '-') || '|' || message FROM event WHERE id = \(column))" }
        let queries = try [
            "SELECT log_group, log_stream, ts, event_id, message, kind, request_id, level, proxy_ts, client_connection, db_connection, txn_effect FROM event",
            "SELECT path, container, log_group, log_group_origin, sha256, events FROM source",
            "SELECT path, line, reason FROM ingest_error",
            try everyColumnButSource("proxy_config"), try everyColumnButSource("proxy_target_group"),
            try everyColumnButSource("function_config"), try everyColumnButSource("export_task"), try everyColumnButSource("metric_point"),
            "SELECT request_id, function, instance, log_group, start_ts, end_ts, duration_ms, billed_ms, init_ms, memory_mb, max_memory_mb, status, error_type, error_message, \(event("error_event_id")), cold_start, seq, idle_before_ms, last_activity, last_activity_ts, txn_open, events FROM invocation",
            "SELECT * FROM instance",
            "SELECT proxy, log_group, client_connection, endpoint, opened_ts, client_address, client_ip, auth_user, pinned_ts, pin_reason, pin_digest, db_connection, closed_ts, close_reason, close_kind, \(event("first_event_id")), \(event("close_event_id")) FROM proxy_session",
            "SELECT proxy, log_group, db_connection, opened_ts, closed_ts, close_reason, mid_request, released_ts, \(event("close_event_id")) FROM proxy_db_connection",
            "SELECT request_id, \(event("event_id")) FROM invocation_error_line",
            "SELECT request_id, function, instance, ts, cause, confidence, rule, signal, evidence, detail, fingerprint, message, proxy, caused_by FROM failure",
            "SELECT * FROM failure_link",
        ]
        // Source ids follow the order files were written in.
        func everyColumnButSource(_ table: String) throws -> String {
            let columns = try database.rows("SELECT name FROM pragma_table_info(?) WHERE name <> 'source_id'", [.text(table)]).compactMap { $0.first?.string }
            return "SELECT \(columns.joined(separator: ", ")) FROM \(table)"
        }
        var lines: [String] = []
        for query in queries {
            let name = query.split(separator: " ").last.map(String.init) ?? query
            var rows = try database.rows(query).map { row in
                name + ": " + row.map { value in
                    // Evidence names events by id: shown as the events themselves.
                    guard let text = value.string, text.hasPrefix("["), text.contains("\"event:") else { return value.description }
                    return try! Self.evidence(text, in: database)
                }.joined(separator: " | ")
            }
            rows.sort()
            lines += rows
        }
        var report = try ReportBuilder(database: database).build(ReportOptions(windowSeconds: 300))
        report.database = "incident.sqlite"
        lines += ReportRenderer.render(report, format: .json, options: RenderOptions(generatedAt: 1_773_480_000_000)).split(separator: "\n").map { "report: " + $0 }
        return lines
    }

    static func evidence(_ json: String, in database: Database) throws -> String {
        let items = try JSONDecoder().decode([String].self, from: Data(json.utf8))
        return try items.map { item in
            guard item.hasPrefix("event:"), let id = Int64(item.dropFirst(6)) else { return item }
            return "event:" + (try database.scalar("SELECT log_stream || '|' || ts || '|' || coalesce(event_id, '-') || '|' || message FROM event WHERE id = ?", [.integer(id)]).string ?? "?")
        }.joined(separator: ", ")
    }
}
