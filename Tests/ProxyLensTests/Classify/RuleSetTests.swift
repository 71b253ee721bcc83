import Foundation
import Testing
@testable import ProxyLens

/// Labels are fresh when a fingerprint of the rules says so, not a count: the bug of issue 17
/// was that editing a rule's pattern or a confidence kept the old labels as "up to date".
@Suite("Label freshness follows the rules")
struct RuleSetTests {
    static func labelled() throws -> Database {
        let database = try Database(path: ":memory:")
        _ = try ingest([Fixture.samples("incident")], into: database)
        _ = try Classifier(database: database).run()
        return database
    }

    static func causes(_ database: Database) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try database.rows("SELECT cause, count(*) FROM failure GROUP BY cause") { counts[row[0].string ?? ""] = Int(row[1].int ?? 0) }
        return counts
    }

    @Test("changing one signature's pattern makes the labels stale, and re-labelling uses the new pattern")
    func patternChange() throws {
        let database = try Self.labelled()
        #expect(try Classifier(database: database).isCurrent())
        let matchedBefore = try database.scalar("SELECT count(*) FROM failure WHERE rule LIKE 'signature:sqlclient-execution-timeout%'").int ?? 0
        #expect(matchedBefore > 0)
        var edited = RuleSet.current
        let index = try #require(edited.signatures.firstIndex { $0.name == "sqlclient-execution-timeout" })
        let old = edited.signatures[index]
        // Same name, count and order; only the needle differs.
        edited.signatures[index] = SignatureRule(old.name, driver: old.driver, old.signal, all: ["Execution Timeout Expired (never printed)"],
                                                 examples: old.examples)
        let classifier = Classifier(database: database, rules: edited)
        #expect(try !classifier.isCurrent())
        _ = try classifier.run()
        #expect(try classifier.isCurrent())
        // The SqlClient query timeouts of the sample are no longer read by that signature (the
        // driver catalogue below it still reads them).
        #expect(try database.scalar("SELECT count(*) FROM failure WHERE rule LIKE 'signature:sqlclient-execution-timeout%'").int == 0)
        // And this build's rules see the labels as someone else's.
        #expect(try !Classifier(database: database).isCurrent())
    }

    @Test("changing one confidence makes the labels stale")
    func confidenceChange() throws {
        let database = try Self.labelled()
        var edited = RuleSet.current
        let index = try #require(edited.confidences.firstIndex { $0.0 == "queryTimeout" })
        edited.confidences[index].1 += 0.01
        #expect(edited.fingerprint != RuleSet.current.fingerprint)
        #expect(try !Classifier(database: database, rules: edited).isCurrent())
    }

    @Test("the fingerprint is stable for the same rules")
    func stable() {
        #expect(RuleSet.current.fingerprint == RuleSet(signatures: SignatureRule.all).fingerprint)
    }
}
