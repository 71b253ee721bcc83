import Foundation
import Testing
@testable import ProxyLens

/// The bulk path (fresh database: in-memory dedupe, index built once at the end, inserts on a
/// second thread) and the incremental path (dedupe through the unique index) must store the
/// same rows.
@Suite("Fast path vs reference path")
struct FastPathTests {
    static func snapshot(_ database: Database) throws -> [String: [[SQLValue]]] {
        [
            "event": try database.rows("""
                SELECT log_group, log_stream, ts, ingestion_ts, event_id, message, msg_hash, kind, request_id, level, proxy_ts,
                       client_connection, db_connection, txn_effect FROM event WHERE log_stream != 'reference-path-seed'
                ORDER BY log_stream, ts, msg_hash
                """),
            // Row ids differ between the two databases (the seed event); everything else must not.
            "invocation": try database.rows("""
                SELECT request_id, function, instance, log_group, start_ts, end_ts, duration_ms, billed_ms, init_ms, memory_mb,
                       max_memory_mb, status, error_type, error_message, cold_start, seq, idle_before_ms, last_activity,
                       last_activity_ts, txn_open, events
                FROM invocation ORDER BY request_id
                """),
            "proxy_session": try database.rows("""
                SELECT proxy, log_group, client_connection, endpoint, opened_ts, client_address, auth_user, pinned_ts, pin_reason,
                       pin_digest, db_connection, closed_ts, close_reason, close_kind
                FROM proxy_session ORDER BY proxy, client_connection
                """),
            "failure": try database.rows("""
                SELECT request_id, cause, rule, confidence, detail, fingerprint, caused_by,
                       (SELECT group_concat(value) FROM json_each(evidence) WHERE value NOT LIKE 'event:%') AS proxy_evidence
                FROM failure ORDER BY request_id
                """),
        ]
    }

    @Test("samples/: bulk and incremental ingest give identical events, invocations, sessions and labels")
    func identicalDatabases() throws {
        let inputs = [Fixture.samples("incident"), Fixture.samples("containers")]
        let bulk = try Database(path: ":memory:")
        _ = try ingest(inputs, into: bulk)
        _ = try Classifier(database: bulk).run()

        // A database that already holds an event takes the incremental path for everything after.
        let folder = try Fixture.temporaryFolder()
        let seed = try Fixture.write(#"{"events":[{"logStreamName":"reference-path-seed","timestamp":1,"message":"seed"}]}"#, to: "seed.json", in: folder)
        let incremental = try Database(path: ":memory:")
        _ = try ingest([seed], into: incremental)
        _ = try ingest(inputs, into: incremental)
        _ = try Classifier(database: incremental).run()

        let a = try Self.snapshot(bulk), b = try Self.snapshot(incremental)
        #expect((a["event"]?.count ?? 0) > 2900)
        for table in a.keys.sorted() {
            #expect(a[table] == b[table], "\(table) differs between the bulk and the incremental path")
        }
    }
}
