import Foundation
import Testing
@testable import ProxyLens

/// The public corpus with metric samples for its proxies: the metrics appear as evidence on the
/// failures whose minute they cover, the causes stay what the logs say, and the report has its
/// metrics section.
@Suite("Metrics: evidence on the labelled corpus", .enabled(if: Fixture.corpusAvailable))
struct MetricEvidenceTests {
    static func corpusWithMetrics() throws -> Database {
        let database = try Database(path: ":memory:")
        let (_, issues) = try ingest([Fixture.corpus + "/logs", Fixture.corpus + "/config", Fixture.samples("metrics/orders-pg-proxy"), Fixture.samples("metrics/ledger-sql-proxy"),
                                      Fixture.samples("metrics/functions")], into: database)
        #expect(issues.allSatisfy { $0.1.keptData }, "\(issues.filter { !$0.1.keptData }.map { "\($0.0): \($0.1.reason)" })")
        _ = try Classifier(database: database).run()
        return database
    }

    @Test("borrow timeouts while the pool was full, leaks while pinning rose, query timeouts in a latency spike")
    func evidence() throws {
        let database = try Self.corpusWithMetrics()
        // Every borrow timeout of the ledger proxy in a minute its pool was fully borrowed says so.
        let borrow = try database.rows("""
            SELECT request_id, evidence, rule, confidence FROM failure WHERE signal = 'borrow-timeout' AND proxy = 'ledger-sql-proxy'
            """)
        #expect(!borrow.isEmpty)
        let withPool = borrow.filter { ($0[1].string ?? "").contains("metric:DatabaseConnectionsCurrentlyBorrowed=24 of MaxDatabaseConnectionsAllowed=24 on ledger-sql-proxy") }
        #expect(withPool.count == borrow.count, "\(borrow.count - withPool.count) borrow timeouts without the pool-full metric")
        #expect(withPool.allSatisfy { ($0[2].string ?? "").hasSuffix("+pool-full-metric") && ($0[3].double ?? 0) >= 0.98 })
        // Query timeouts in the slow windows name the latency spike; the others do not.
        let spikes = try database.rows("SELECT ts, evidence FROM failure WHERE cause = 'query-timeout' AND evidence LIKE '%QueryDatabaseResponseLatency%'")
        #expect(spikes.count >= 20)
        let slowWindows: [(Int64, Int64)] = [("2025-12-07T13:45:00Z", "2025-12-07T13:49:00Z"), ("2025-12-07T13:55:00Z", "2025-12-07T14:00:00Z")]
            .map { (Timestamp.parse($0.0) ?? 0, Timestamp.parse($0.1) ?? 0) }
        #expect(spikes.allSatisfy { row in slowWindows.contains { (row[0].int ?? 0) >= $0.0 && (row[0].int ?? 0) < $0.1 } })
        let leaks = try database.scalar("SELECT count(*) FROM failure WHERE cause = 'lambda-timeout-pinning-leak' AND evidence LIKE '%DatabaseConnectionsCurrentlySessionPinned=%'").int ?? 0
        #expect(leaks > 0)
        // Metrics add evidence; they do not change what the logs say a failure was.
        var predicted: [String: String] = [:]
        for row in try database.rows("SELECT request_id, cause FROM failure") { predicted[row[0].string ?? ""] = row[1].string }
        let truth = try String(contentsOfFile: Fixture.corpus + "/truth/truth.ndjson", encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let correct = truth.filter { predicted[$0["request_id"] as? String ?? ""] == $0["cause"] as? String }.count
        #expect(Double(correct) / Double(truth.count) >= 0.97)

        // The report's metrics section, per proxy and function.
        let report = try ReportBuilder(database: database).build(ReportOptions(windowSeconds: 300))
        let json = try JSONSerialization.jsonObject(with: Data(ReportRenderer.json(report).utf8)) as? [String: Any]
        let metrics = json?["metrics"] as? [String: Any]
        let proxies = metrics?["proxies"] as? [[String: Any]] ?? []
        #expect(Set(proxies.compactMap { $0["proxy"] as? String }) == ["ledger-sql-proxy", "orders-pg-proxy"])
        let ledger = proxies.first { $0["proxy"] as? String == "ledger-sql-proxy" }
        #expect(ledger?["max_connections"] as? Int == 24)
        #expect((ledger?["peak_pinned_percent"] as? Double ?? 0) > 50)
        let functions = metrics?["functions"] as? [[String: Any]] ?? []
        #expect(Set(functions.compactMap { $0["function"] as? String }) == ["billing-worker", "ledger-writer", "orders-api"])
        let findings = metrics?["findings"] as? [[String: Any]] ?? []
        #expect(findings.contains { ($0["found"] as? String ?? "").contains("pinned") && ($0["subject"] as? String) == "proxy ledger-sql-proxy" })
    }
}
