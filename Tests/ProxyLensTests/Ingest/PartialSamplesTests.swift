import Foundation
import Testing
@testable import ProxyLens

/// samples/partial (issue 21): the incident's inventory-api events as people really hold them,
/// each against its truth in samples/partial-truth, with the proxy's log and configuration.
@Suite("samples/partial against their truth")
struct PartialSamplesTests {
    static let names = ["filtered", "insights", "tail-fragment", "forwarder", "duplicate-burst"]

    /// The proxy's log and configuration first, then the sample, whose files name no log group.
    static func analyzed(_ paths: [String]) throws -> Database {
        let database = try Database(path: ":memory:")
        _ = try ingest([Fixture.samples("incident/cloudwatch/rds-proxy"), Fixture.samples("incident/config")], into: database)
        _ = try ingest(paths, into: database, options: IngestOptions(logGroup: "/aws/lambda/inventory-api"))
        _ = try Classifier(database: database).run()
        return database
    }

    static func failures(_ database: Database) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try database.rows("SELECT request_id, cause FROM failure").map { ($0[0].string ?? "", $0[1].string ?? "") })
    }

    /// The sample's truth: the failures with their causes, and the invocations it shows begun and
    /// not ended with nothing that says they failed (`"status": "incomplete"`).
    static func truth(_ name: String) throws -> (failures: [String: String], incomplete: Set<String>) {
        let text = try String(contentsOf: Fixture.root.appendingPathComponent("samples/partial-truth/\(name).ndjson"), encoding: .utf8)
        var causes: [String: String] = [:]
        var incomplete = Set<String>()
        for line in text.split(separator: "\n") {
            let row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let id = row["request_id"] as? String ?? ""
            if row["status"] as? String == "incomplete" { incomplete.insert(id) } else { causes[id] = row["cause"] as? String }
        }
        return (causes, incomplete)
    }

    /// The failures of invocations whose failure was seen (status error or timeout), by cause.
    static func confirmedFailures(_ database: Database) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try database.rows("""
            SELECT f.request_id, f.cause FROM failure f JOIN invocation i USING (request_id) WHERE i.status IN ('error', 'timeout')
            """).map { ($0[0].string ?? "", $0[1].string ?? "") })
    }

    /// Each invocation the truth says was not seen to end is stored as incomplete, and when it
    /// logged an error it is listed as a candidate marked so, never as a plain failure.
    static func expectIncomplete(_ ids: Set<String>, in database: Database, _ name: String) throws {
        for id in ids {
            #expect(try database.scalar("SELECT status FROM invocation WHERE request_id = '\(id)'").string == "incomplete", "\(name) \(id)")
            if let rule = try database.scalar("SELECT rule FROM failure WHERE request_id = '\(id)'").string {
                #expect(rule.hasSuffix("+incomplete"), "\(name) \(id): \(rule)")
            }
        }
    }

    @Test("the duplicate burst: three events of one text and millisecond with their own ids, the overlap and the tail text dropped, its failures as the truth says")
    func duplicateBurst() throws {
        let database = try Database(path: ":memory:")
        _ = try ingest([Fixture.samples("incident/cloudwatch/rds-proxy"), Fixture.samples("incident/config")], into: database)
        let (summary, _) = try ingest([Fixture.samples("partial/duplicate-burst")], into: database, options: IngestOptions(logGroup: "/aws/lambda/inventory-api"))
        _ = try Classifier(database: database).run()
        let burst = try database.rows("SELECT event_id FROM event WHERE message LIKE '%retrying query after OperationalError%'")
        #expect(burst.count == 3)
        #expect(Set(burst.map { $0[0].string ?? "" }).count == 3)
        // Page 2 repeats the failed invocation's lines from page 1; the tail text holds every line again.
        #expect(summary.duplicates.sameEventId > 0)
        #expect(summary.duplicates.reconciled > 0)
        #expect(try database.scalar("SELECT count(*) FROM event WHERE event_id IS NULL AND log_group = '/aws/lambda/inventory-api'").int == 0)
        #expect(try Self.failures(database) == Self.truth("duplicate-burst").failures)
    }

    @Test("each of the other samples classifies to its truth", arguments: ["filtered", "insights", "tail-fragment", "forwarder"])
    func truth(name: String) throws {
        let database = try Self.analyzed([Fixture.samples("partial/\(name)")])
        let truth = try Self.truth(name)
        #expect(!truth.failures.isEmpty || !truth.incomplete.isEmpty)
        #expect(try Self.confirmedFailures(database) == truth.failures)
        // Nothing else is listed as a failure but the candidates the truth says were not seen to end.
        #expect(Set(try Self.failures(database).keys).subtracting(truth.failures.keys).isSubset(of: truth.incomplete))
        try Self.expectIncomplete(truth.incomplete, in: database, name)
    }

    @Test("no invocation whose end was not seen is reported as success", arguments: names)
    func noSuccessWithoutEnd(name: String) throws {
        let database = try Self.analyzed([Fixture.samples("partial/\(name)")])
        let endless = try database.scalar("""
            SELECT count(*) FROM invocation i WHERE i.status = 'success' AND NOT EXISTS (
                SELECT 1 FROM event e WHERE e.request_id = i.request_id AND e.kind IN ('end', 'report', 'platform_report'))
            """).int
        #expect(endless == 0)
        #expect(try database.scalar("SELECT count(*) FROM invocation").int ?? 0 > 0)
    }

    @Test("the report on the filtered export says how many invocations are incomplete")
    func filteredReportCountsIncomplete() throws {
        let folder = try Fixture.temporaryFolder()
        let db = folder.appendingPathComponent("p.sqlite").path
        _ = try CLI.run(["ingest", "--db", db, Fixture.samples("incident/cloudwatch/rds-proxy"), Fixture.samples("incident/config")])
        _ = try CLI.run(["ingest", "--db", db, "--log-group", "/aws/lambda/inventory-api", Fixture.samples("partial/filtered")])
        _ = try CLI.run(["classify", "--db", db])
        let result = try CLI.run(["report", "--db", db, "--format", "json"])
        let incomplete = try Database(path: db).scalar("SELECT count(*) FROM invocation WHERE status = 'incomplete'").int ?? 0
        #expect(incomplete > 0)
        #expect(result.stdout.contains("\(incomplete) invocations have no END/REPORT/platform.report"), "\(result.stdout)")
    }

    @Test("the same incident exported whole, filtered to errors and timeouts, and as Insights results gives the same failures with the same causes")
    func threeExports() throws {
        let whole = try Self.failures(try Self.analyzed([Fixture.samples("incident/cloudwatch/lambda/inventory-api")]))
        #expect(whole.count == 18)
        for (name, folder) in [("filtered", "partial/filtered"), ("insights", "partial/insights")] {
            let database = try Self.analyzed([Fixture.samples(folder)])
            let confirmed = try Self.confirmedFailures(database)
            // Every failure the export holds a line of, with the whole export's cause.
            let held = try Set(database.rows("SELECT DISTINCT request_id FROM event WHERE request_id IS NOT NULL").map { $0[0].string ?? "" })
            #expect(confirmed == whole.filter { held.contains($0.key) }, "\(name)")
            // The one failure the filter kept no line of (an application error with none of its words).
            #expect(whole.count - confirmed.count == 1, "\(name)")
            // And the invocations it saw log an error but not end: candidates, marked so, lower confidence.
            let candidates = try database.rows("""
                SELECT f.rule, f.confidence FROM failure f JOIN invocation i USING (request_id) WHERE i.status = 'incomplete'
                """)
            #expect(!candidates.isEmpty && candidates.allSatisfy { ($0[0].string ?? "").hasSuffix("+incomplete") && ($0[1].double ?? 1) < 0.75 }, "\(name)")
        }
    }
}
