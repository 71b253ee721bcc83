import Foundation
import Testing
@testable import ProxyLens

/// `samples/leaks/`: Lambda timeouts on a pinned RDS Proxy session, each with its transaction
/// start in one ORM's own words (SQLAlchemy, Sequelize, Spring, ActiveRecord, EF Core), one with
/// no application marker found from the proxy's side, and a timeout in a downstream HTTP call.
/// Each failure must get `truth.json`'s cause, and its evidence must name the line that decided it.
@Suite("Leaks: ORM transaction starts and the proxy's side")
struct LeakFixtureTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var function: String
        var request_id: String
        var cause: String
        var proxy_side: String
        var decided_by: String?
        var testDescription: String { function }
    }

    static let cases: [Case] = {
        let data = (try? Data(contentsOf: URL(fileURLWithPath: Fixture.samples("leaks/truth.json")))) ?? Data()
        return (try? JSONDecoder().decode([Case].self, from: data)) ?? []
    }()

    static func classified() throws -> Database {
        let database = try Database(path: ":memory:")
        let (_, issues) = try ingest([Fixture.samples("leaks/cloudwatch"), Fixture.samples("leaks/config")], into: database)
        #expect(issues.isEmpty, "\(issues.prefix(3))")
        _ = try Classifier(database: database).run()
        return database
    }

    @Test("the answer key: five ORMs' transaction starts, one leak without a marker, one downstream call")
    func coverage() {
        #expect(Self.cases.count == 7)
        #expect(Self.cases.filter { $0.cause == "lambda-timeout-pinning-leak" && $0.proxy_side != "reclaimed-idle" }.count == 5)
        #expect(Self.cases.contains { $0.proxy_side == "reclaimed-idle" })
        #expect(Self.cases.contains { $0.cause == "unclassified" })
    }

    @Test("each timeout's cause, and the evidence names the line that decided it", arguments: cases)
    func leak(_ expected: Case) throws {
        let database = try Self.classified()
        let rows = try database.rows("SELECT cause, rule, evidence FROM failure WHERE request_id = ?", [.text(expected.request_id)])
        try #require(rows.count == 1)
        let cause = rows[0][0].string ?? "", rule = rows[0][1].string ?? "", evidence = rows[0][2].string ?? "[]"
        #expect(cause == expected.cause, "\(expected.function): \(rule)")
        let items = (try JSONSerialization.jsonObject(with: Data(evidence.utf8)) as? [String]) ?? []
        let events = items.compactMap { $0.hasPrefix("event:") ? Int64($0.dropFirst(6)) : nil }
        let messages = try events.map { try database.scalar("SELECT message FROM event WHERE id = ?", [.integer($0)]).string ?? "" }
        if let decidedBy = expected.decided_by {
            #expect(messages.contains { $0.contains(decidedBy) }, "\(expected.function): evidence \(messages)")
        }
        switch expected.proxy_side {
        case "reclaimed-idle":
            // No application line says anything about a transaction: the proxy's side decided.
            #expect(try database.scalar("SELECT txn_open FROM invocation WHERE request_id = ?", [.text(expected.request_id)]).int == 0)
            #expect(rule == "timeout-pinned-reclaimed-idle-mid-request")
            #expect(items.contains { $0.hasPrefix("proxy-session:") } && items.contains { $0.hasPrefix("proxy-db-connection:") })
            #expect(messages.contains { $0.contains("idle for longer than the idle client timeout") })
        case "idle":
            #expect(rule == "timeout-no-open-transaction")
        default:
            // The ORM's own line opened the transaction; the proxy side only adds to it.
            #expect(rule.hasPrefix("timeout-open-transaction"), "\(expected.function): \(rule)")
            let marker = TransactionMarkers.entry(for: expected.decided_by ?? "")
            #expect(marker?.effect == 1, "\(expected.function): no marker entry for \(expected.decided_by ?? "")")
        }
    }

    @Test("five different marker entries decided the five ORM leaks")
    func fiveEntries() {
        let entries = Set(Self.cases.compactMap { $0.proxy_side == "reclaimed-idle" ? nil : $0.decided_by }.compactMap { TransactionMarkers.entry(for: $0)?.text })
        #expect(entries.count == 5, "\(entries)")
    }
}
