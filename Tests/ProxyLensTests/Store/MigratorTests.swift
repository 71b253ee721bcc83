import Foundation
import Testing
@testable import ProxyLens

@Suite("Schema migrations")
struct MigratorTests {
    @Test("schema 10: a database of schema 9 keeps every invocation, its views work, and the request id stays unique by an index")
    func invocationRekeyed() throws {
        let folder = try Fixture.temporaryFolder()
        // The rows as this build derives them from samples/incident.
        let current = folder.appendingPathComponent("current.sqlite").path
        let database = try Database(path: current)
        _ = try ingest([Fixture.samples("incident")], into: database)
        _ = try Classifier(database: database).run()
        let columns = "request_id, function, instance, log_group, start_ts, end_ts, duration_ms, billed_ms, init_ms, memory_mb, max_memory_mb, status, error_type, error_message, error_event_id, cold_start, seq, idle_before_ms, last_activity, last_activity_ts, txn_open, events, txn_begin_event_id"
        let rows = try database.rows("SELECT \(columns) FROM invocation ORDER BY request_id")
        #expect(rows.count > 20)
        let aroundFailure = try database.scalar("SELECT count(*) FROM invocation_around_failure").int ?? 0
        #expect(aroundFailure > 0)

        // The same database as schema 9 made it: migrations 1 to 9 only, then the same rows.
        let old = folder.appendingPathComponent("schema9.sqlite").path
        let schema9 = try Database(path: old, migrate: false)
        try schema9.execute("CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)")
        for migration in try Migrator.bundled() where migration.version <= 9 {
            try schema9.execute(migration.sql)
            try schema9.statement("INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, 0)")
                .run([.integer(Int64(migration.version)), .text(migration.name)])
        }
        try schema9.execute("ATTACH DATABASE '\(current)' AS current")
        for table in ["event", "source", "invocation", "failure"] {
            try schema9.execute("DELETE FROM main.\(table)")
        }
        try schema9.execute("INSERT INTO main.event SELECT * FROM current.event; INSERT INTO main.source SELECT * FROM current.source")
        try schema9.execute("INSERT INTO main.invocation (\(columns)) SELECT \(columns) FROM current.invocation")
        try schema9.execute("INSERT INTO main.failure SELECT * FROM current.failure")
        try schema9.execute("DETACH DATABASE current")
        #expect(try schema9.scalar("SELECT sql FROM sqlite_master WHERE name = 'invocation'").string?.contains("request_id TEXT PRIMARY KEY") == true)

        let migrated = try Database(path: old)
        #expect(try Migrator(database: migrated).currentVersion() == 10)
        #expect(try migrated.rows("SELECT \(columns) FROM invocation ORDER BY request_id") == rows)
        #expect(try migrated.scalar("SELECT count(*) FROM invocation_around_failure").int == aroundFailure)
        #expect(try migrated.scalar("SELECT count(*) FROM invocation_iso").int == Int64(rows.count))
        let indexes = try migrated.rows("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'invocation' ORDER BY name").map { $0[0].string ?? "" }
        #expect(indexes == ["invocation_instance", "invocation_request_id", "invocation_status"])
        #expect(throws: (any Error).self) {
            try migrated.execute("INSERT INTO invocation (request_id, function, instance, status) SELECT request_id, function, instance, status FROM invocation LIMIT 1")
        }
    }
}
