import Foundation
import Testing
@testable import ProxyLens

/// Each correlation rule, on the small realistic incident in samples/incident (Lambda side and
/// proxy side): the rule fires, with the evidence it promises.
@Suite("Correlation rules")
struct CorrelationTests {
    static func classified(withConfiguration: Bool = true) throws -> Database {
        let database = try Database(path: ":memory:")
        let root = Fixture.samples("incident")
        var paths = try FileManager.default.contentsOfDirectory(atPath: root).sorted().map { root + "/" + $0 }
        if !withConfiguration { paths.removeAll { $0.hasSuffix("/config") } }
        _ = try ingest(paths, into: database)
        _ = try Classifier(database: database).run()
        return database
    }

    static func rows(_ database: Database, rule: String) throws -> [(cause: String, evidence: String, causedBy: String?)] {
        try database.rows("SELECT cause, evidence, caused_by FROM failure WHERE rule LIKE ?", [.text("%" + rule + "%")])
            .map { ($0[0].string ?? "", $0[1].string ?? "", $0[2].string) }
    }

    @Test("stale connection: warm instance, idle past IdleClientTimeout, the proxy closed the client first")
    func stale() throws {
        let found = try Self.rows(try Self.classified(), rule: "+proxy-closed-client")
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.cause == "stale-connection" && $0.evidence.contains("proxy-session:") })
    }

    @Test("pinning leak, close seen: a pinned database connection closed mid-request right after the timeout")
    func leakWithClose() throws {
        let found = try Self.rows(try Self.classified(), rule: "timeout-open-transaction-closed-mid-request")
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.cause == "lambda-timeout-pinning-leak" && $0.evidence.contains("proxy-db-connection:") })
    }

    @Test("pinning leak, close never reached the proxy: transaction open on a pinned proxy")
    func leakWithoutClose() throws {
        let found = try Self.rows(try Self.classified(), rule: "timeout-open-transaction-pinned-no-close")
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.cause == "lambda-timeout-pinning-leak" })
    }

    @Test("a timeout in a downstream call with no transaction open is not a leak")
    func plainTimeout() throws {
        let found = try Self.rows(try Self.classified(), rule: "timeout-no-open-transaction")
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.cause == "unclassified" })
    }

    @Test("borrow timeouts during pool exhaustion link to the leaks holding the pool")
    func causeChains() throws {
        let database = try Self.classified()
        let found = try Self.rows(database, rule: "+pool-held-by-pinned-sessions")
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.cause == "connection-timeout" && $0.causedBy != nil })
        let links = try database.scalar("""
            SELECT count(*) FROM failure_link l JOIN failure leak ON leak.request_id = l.caused_by
            WHERE leak.cause = 'lambda-timeout-pinning-leak'
            """).int ?? 0
        #expect(links > 0)
        #expect(try database.scalar("SELECT count(*) FROM failure_link").int == links)
    }

    @Test("out-of-memory kills are unclassified")
    func outOfMemory() throws {
        let found = try Self.rows(try Self.classified(), rule: "lambda-out-of-memory")
        #expect(!found.isEmpty && found.allSatisfy { $0.cause == "unclassified" })
    }

    @Test("works without configuration files (AWS defaults), and re-running replaces the labels")
    func withoutConfiguration() throws {
        let database = try Self.classified(withConfiguration: false)
        let truth = try String(contentsOfFile: Fixture.samples("incident-truth/truth.ndjson"), encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        var predicted: [String: String] = [:]
        for row in try database.rows("SELECT request_id, cause FROM failure") { predicted[row[0].string ?? ""] = row[1].string }
        let correct = truth.filter { predicted[$0["request_id"] as? String ?? ""] == $0["cause"] as? String }.count
        #expect(Double(correct) / Double(truth.count) >= 0.9)
        let before = try database.scalar("SELECT count(*) FROM failure").int
        _ = try Classifier(database: database).run()
        #expect(try database.scalar("SELECT count(*) FROM failure").int == before)
    }
}
