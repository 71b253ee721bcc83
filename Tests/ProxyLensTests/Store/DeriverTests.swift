import Foundation
import Testing
@testable import ProxyLens

@Suite("Deriving invocations and proxy sessions")
struct DeriverTests {
    /// Every row of each derived table, in a fixed order.
    static func derivedRows(_ database: Database) throws -> [[[SQLValue]]] {
        try ["SELECT * FROM invocation ORDER BY request_id", "SELECT * FROM instance ORDER BY instance",
             "SELECT * FROM proxy_session ORDER BY proxy, client_connection", "SELECT * FROM proxy_db_connection ORDER BY proxy, db_connection"]
            .map { try database.rows($0) }
    }

    /// An older database's message says to run `classify --db`: after an upgrade that marks the
    /// derived tables stale (migration 0009), labels must not be read from the old ones.
    @Test("classify makes derived tables left stale again before labelling")
    func classifyDerivesStaleTablesFirst() throws {
        let database = try Database(path: ":memory:")
        _ = try ingest([Fixture.samples("incident")], into: database)
        let invocations = try database.scalar("SELECT count(*) FROM invocation").int
        try database.execute("DELETE FROM invocation; UPDATE meta SET value = '1' WHERE key = 'derived_stale'")
        let summary = try Classifier(database: database).run()
        #expect(try database.scalar("SELECT count(*) FROM invocation").int == invocations)
        #expect(summary.failures == 52)
        #expect(try database.scalar("SELECT value FROM meta WHERE key = 'derived_stale'").string != "1")
    }

    @Test("lines gathered while bulk loading and a scan of event with no index derive the same rows")
    func gatheredAndScanned() throws {
        let database = try Database(path: ":memory:")
        // A fresh database: a bulk load, derived from the lines gathered as they were written.
        _ = try ingest([Fixture.samples("incident"), Fixture.samples("containers")], into: database)
        let rows = try Self.derivedRows(database)
        #expect(rows.allSatisfy { !$0.isEmpty })
        try database.execute("DROP INDEX IF EXISTS event_dedupe")
        try database.transaction { try Deriver(database: database).rebuild() }
        #expect(try Self.derivedRows(database) == rows)
    }

    @Test("two log groups naming one proxy give one session: first stored endpoint, earliest connect, last stored user, last close")
    func groupsNamingOneProxy() throws {
        let folder = try Fixture.temporaryFolder()
        let config = try Fixture.write("""
            {"DBProxies": [{"DBProxyName": "ledger-sql-proxy", "EngineFamily": "SQLSERVER", "Auth": [{"UserName": "ledger_app"}]}]}
            """, to: "describe-db-proxies.json", in: folder)
        // `aws logs tail` captures, grouped by file name: the first group is the proxy's name, the
        // second is matched to the proxy by its authentication line.
        let named = try Fixture.write("""
            2025-12-07T13:31:13.000000+00:00 s1 2025-12-07T13:31:12.002Z [INFO] [proxyEndpoint=default] [clientConnection=1] A new client connected from 10.0.0.1:1000.
            2025-12-07T13:31:13.100000+00:00 s1 2025-12-07T13:31:12.004Z [INFO] [proxyEndpoint=default] [clientConnection=1] Proxy authentication with SQL Server succeeded for user "admin" with TLS on.
            2025-12-07T13:31:13.200000+00:00 s1 2025-12-07T13:31:12.005Z [INFO] [proxyEndpoint=default] [clientConnection=1] The client connection closed. Reason: The client requested to close the connection.

            """, to: "ledger-sql-proxy_1.log", in: folder)
        let capture = try Fixture.write("""
            2025-12-07T13:31:14.000000+00:00 s2 2025-12-07T13:31:12.001Z [INFO] [proxyEndpoint=reader] [clientConnection=1] A new client connected from 10.0.0.2:2000.
            2025-12-07T13:31:14.100000+00:00 s2 2025-12-07T13:31:12.003Z [INFO] [proxyEndpoint=reader] [clientConnection=1] Proxy authentication with SQL Server succeeded for user "ledger_app" with TLS on.
            2025-12-07T13:31:14.200000+00:00 s2 2025-12-07T13:31:12.005Z [INFO] [proxyEndpoint=reader] [clientConnection=1] The client connection closed. Reason: The connection was idle for too long.

            """, to: "capture-b_1.log", in: folder)
        let database = try Database(path: ":memory:")
        _ = try ingest([config, named, capture], into: database)
        let rows = try database.rows("""
            SELECT proxy, log_group, endpoint, opened_ts, client_address, auth_user, closed_ts, close_reason, first_event_id, close_event_id
            FROM proxy_session
            """)
        #expect(rows.count == 1)
        #expect(rows.first?.map(\.description) == [
            "ledger-sql-proxy", "/aws/rds/proxy/ledger-sql-proxy", "default", "1765114272001", "10.0.0.2:2000", "ledger_app",
            "1765114272005", "The connection was idle for too long.", "1", "6",
        ])
    }

    /// `instance` is written from totals counted while the invocations are written; by
    /// definition it is the SELECT of `derive_instances_from_invocations.sql` over `invocation`.
    static func instancesAgreeWithTheirDefinition(_ database: Database) throws {
        let written = try database.rows("SELECT function, instance, log_group, first_ts, last_ts, invocations, cold_starts, failures FROM instance ORDER BY rowid")
        let file = try SQLFolder.statements.sql("derive_instances_from_invocations")
        let defined = try database.rows(String(file[file.range(of: "SELECT")!.lowerBound...]))
        #expect(!written.isEmpty)
        #expect(written == defined)
        for (a, b) in zip(written, defined) where a != b { Issue.record("\(a)\n≠ \(b)") }
    }

    @Test("instance rows counted while writing invocations equal their SQL definition, in the same order")
    func instanceTotals() throws {
        let database = try Database(path: ":memory:")
        _ = try ingest([Fixture.samples("incident"), Fixture.samples("containers")], into: database)
        #expect(try database.scalar("SELECT sum(failures) FROM instance").int ?? 0 > 0)
        try Self.instancesAgreeWithTheirDefinition(database)
    }

    @Test("a request id in two streams: the later row replaces the earlier, and instance still counts what invocation holds")
    func requestIdInTwoStreams() throws {
        let folder = try Fixture.temporaryFolder()
        let page = try Fixture.write("""
            {"events": [
            {"logStreamName": "2026/03/14/[$LATEST]aaaa", "timestamp": 1000, "message": "START RequestId: 0d6f3a52-1111-4c1e-9e55-3f0e2b7c9a01 Version: $LATEST\n", "ingestionTime": 1100, "eventId": "1"},
            {"logStreamName": "2026/03/14/[$LATEST]aaaa", "timestamp": 1500, "message": "REPORT RequestId: 0d6f3a52-1111-4c1e-9e55-3f0e2b7c9a01\tDuration: 500.00 ms\tBilled Duration: 500 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\t\n", "ingestionTime": 1600, "eventId": "2"},
            {"logStreamName": "2026/03/14/[$LATEST]aaaa", "timestamp": 2000, "message": "START RequestId: 0d6f3a52-2222-4c1e-9e55-3f0e2b7c9a02 Version: $LATEST\n", "ingestionTime": 2100, "eventId": "3"},
            {"logStreamName": "2026/03/14/[$LATEST]aaaa", "timestamp": 2400, "message": "REPORT RequestId: 0d6f3a52-2222-4c1e-9e55-3f0e2b7c9a02\tDuration: 400.00 ms\tBilled Duration: 400 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\tStatus: timeout\n", "ingestionTime": 2500, "eventId": "4"},
            {"logStreamName": "2026/03/14/[$LATEST]bbbb", "timestamp": 3000, "message": "START RequestId: 0d6f3a52-1111-4c1e-9e55-3f0e2b7c9a01 Version: $LATEST\n", "ingestionTime": 3100, "eventId": "5"},
            {"logStreamName": "2026/03/14/[$LATEST]bbbb", "timestamp": 3300, "message": "REPORT RequestId: 0d6f3a52-1111-4c1e-9e55-3f0e2b7c9a01\tDuration: 300.00 ms\tBilled Duration: 300 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\t\n", "ingestionTime": 3400, "eventId": "6"}
            ]}
            """, to: "orders-api_page1.json", in: folder)
        let database = try Database(path: ":memory:")
        _ = try ingest([page], into: database, options: IngestOptions(logGroup: "/aws/lambda/orders-api"))
        #expect(try database.scalar("SELECT count(*) FROM invocation").int == 2)
        #expect(try database.scalar("SELECT instance FROM invocation WHERE request_id LIKE '%9a01'").string == "2026/03/14/[$LATEST]bbbb")
        let counts = try database.rows("SELECT instance, invocations, failures FROM instance ORDER BY instance").map { $0.map(\.description) }
        #expect(counts == [["2026/03/14/[$LATEST]aaaa", "1", "1"], ["2026/03/14/[$LATEST]bbbb", "1", "0"]])
        try Self.instancesAgreeWithTheirDefinition(database)
    }

    @Test("a client address's IP is its first piece between colons, as splitting on ':' gives")
    func clientIP() {
        for address in ["10.0.1.23:51234", "10.0.1.23", "", ":", "::1:5432", ":5432", "[fe80::1]:5432", "host:1:2", "é:1"] {
            #expect(ProxyMessage.clientIP(fromAddress: address) == String(address.split(separator: ":").first ?? ""), "\(address)")
        }
    }
}
