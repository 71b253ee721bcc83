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
}
