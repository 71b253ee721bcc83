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

    static func truth(_ name: String) throws -> [String: String] {
        let text = try String(contentsOf: Fixture.root.appendingPathComponent("samples/partial-truth/\(name).ndjson"), encoding: .utf8)
        var causes: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            causes[row["request_id"] as? String ?? ""] = row["cause"] as? String
        }
        return causes
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
        #expect(try Self.failures(database) == Self.truth("duplicate-burst"))
    }

    @Test("each of the other samples classifies to its truth", arguments: ["filtered", "insights", "tail-fragment", "forwarder"])
    func truth(name: String) throws {
        let database = try Self.analyzed([Fixture.samples("partial/\(name)")])
        let found = try Self.failures(database)
        let truth = try Self.truth(name)
        #expect(!truth.isEmpty)
        // Not yet (see samples/partial/README.md): a Python function's unhandled error names no request
        // id, and with no START/END around it (filtered, Insights) it is given to no invocation; the
        // short tail text has no stream; the forwarded stream alone takes one failure for a pinning leak.
        withKnownIssue {
            #expect(found == truth)
        }
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

    @Test("the same incident exported whole, filtered to errors and as Insights results gives the same failures with the same causes")
    func threeExports() throws {
        let whole = try Self.failures(try Self.analyzed([Fixture.samples("incident/cloudwatch/lambda/inventory-api")]))
        let filtered = try Self.failures(try Self.analyzed([Fixture.samples("partial/filtered")]))
        let insights = try Self.failures(try Self.analyzed([Fixture.samples("partial/insights")]))
        #expect(whole.count == 18)
        // Not yet: see `truth(name:)`. The whole export is right; the other two lose the Python
        // failures whose error line names no request id.
        withKnownIssue {
            #expect(filtered == whole)
            #expect(insights == whole)
        }
    }
}
