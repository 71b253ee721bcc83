import Foundation
import Testing
@testable import ProxyLens

/// The fixtures in samples/ (see samples/README.md) and what each must produce.
@Suite("samples/ fixtures")
struct SampleFixtureTests {
    static func json(_ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Fixture.samples(path))))
    }

    static func ndjson(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: Fixture.samples(path), encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test("every container file yields its events, streams and log group")
    func containers() throws {
        let manifest = try Self.json("containers/manifest.json") as? [String: Any]
        let files = manifest?["files"] as? [String: [String: Any]] ?? [:]
        #expect(files.count >= 20)
        for (name, expected) in files.sorted(by: { $0.key < $1.key }) {
            let database = try Database(path: ":memory:")
            var paths = [Fixture.samples("containers/" + name)]
            if name.hasPrefix("s3-export/") { paths.insert(Fixture.samples("containers/s3-export/describe-export-tasks.json"), at: 0) }
            let (_, issues) = try ingest(paths, into: database)
            #expect(issues.isEmpty, "\(name): \(issues.map(\.1.reason))")
            let events = try database.scalar("SELECT count(*) FROM event").int ?? -1
            #expect(events == (expected["events"] as? Int).map(Int64.init), "\(name): \(events) events")
            if let streams = expected["distinct_log_streams"] as? Int, streams > 0 {
                #expect(try database.scalar("SELECT count(DISTINCT log_stream) FROM event").int == Int64(streams), "\(name): streams")
            }
            if let group = expected["log_group"] as? String {
                let groups = try database.rows("SELECT DISTINCT log_group FROM event").map { $0[0].string ?? "NULL" }
                #expect(groups == [group], "\(name): log group \(groups)")
            }
        }
        let sets = manifest?["sets"] as? [[String: Any]] ?? []
        for set in sets {
            let database = try Database(path: ":memory:")
            var paths = (set["files"] as? [String] ?? []).map { Fixture.samples("containers/" + $0) }
            if paths.contains(where: { $0.contains("s3-export") }) { paths.insert(Fixture.samples("containers/s3-export/describe-export-tasks.json"), at: 0) }
            _ = try ingest(paths, into: database)
            #expect(try database.scalar("SELECT count(*) FROM event").int == (set["events_after_dedupe"] as? Int).map(Int64.init))
        }
    }

    @Test("every example line in samples/lines is read with its request id and proxy ids")
    func lines() throws {
        let folder = Fixture.samples("lines")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".ndjson") }.sorted()
        #expect(files.count >= 9)
        for file in files {
            for row in try Self.ndjson("lines/" + file) {
                let message = row["message"] as? String ?? ""
                let expect = row["expect"] as? [String: Any] ?? [:]
                let (parsed, format) = LineFormat.parse(message)
                if let id = expect["request_id"] as? String, !id.isEmpty {
                    #expect(parsed.requestId == id || parsed.kind == .appError, "\(file): \(format) got request id \(parsed.requestId ?? "nil"): \(message.prefix(80))")
                }
                if let client = expect["client_connection"] as? Int {
                    #expect(parsed.clientConnection == Int64(client), "\(file): \(message.prefix(80))")
                }
                if let db = expect["db_connection"] as? Int {
                    #expect(parsed.dbConnection == Int64(db), "\(file): \(message.prefix(80))")
                }
                if file == "rds-proxy.ndjson" {
                    #expect(parsed.kind == .proxy, "\(file): not read as a proxy line: \(message.prefix(80))")
                }
                if let report = expect["duration_ms"] as? Double, parsed.kind == .report {
                    #expect(ReportLine.number(ReportLine.fields(message)["Duration"]) == report)
                }
            }
        }
    }

    @Test("every driver and proxy error string signals its category")
    func driverErrors() throws {
        let rows = try Self.ndjson("errors/driver-errors.ndjson")
        #expect(rows.count >= 60)
        for row in rows {
            let message = row["message"] as? String ?? ""
            let category = row["category"] as? String ?? ""
            let signal = SignatureRule.match(message)?.signal
            let accepted: [ErrorSignal?]
            switch category {
            case "stale-connection": accepted = [.staleConnection]
            case "query-timeout": accepted = [.queryTimeout, .ambiguousTimeout]
            case "connection-timeout": accepted = [.connectionTimeout, .borrowTimeout, .ambiguousTimeout]
            case "transaction-state": accepted = [.transactionState]
            default: accepted = [nil, .outOfMemory, .connectionRejected]
            }
            #expect(accepted.contains(signal), "\(category) (\(row["driver"] as? String ?? "")) matched \(SignatureRule.match(message)?.name ?? "nothing"): \(message.prefix(120))")
        }
    }

    @Test("bad inputs: each is named with a reason, the valid events around the damage are kept")
    func badInputs() throws {
        let expected = try Self.json("bad/expected.json") as? [String: [String: Any]] ?? [:]
        let database = try Database(path: ":memory:")
        let (_, issues) = try ingest([Fixture.samples("bad")], into: database)
        var reasons: [String: [String]] = [:]
        for (path, issue) in issues { reasons[(path as NSString).lastPathComponent, default: []].append(issue.reason) }
        for (name, facts) in expected {
            let events = try database.scalar("SELECT count(*) FROM event e JOIN source s ON s.id = e.source_id WHERE s.path LIKE ?", [.text("%/" + name)]).int ?? 0
            if let kept = (facts["events_complete_before_cut"] as? Int) ?? (facts["events"] as? Int) {
                #expect(events == Int64(kept), "\(name): \(events) events kept")
            }
            if facts["error"] is String {
                #expect(reasons[name] != nil, "\(name): no problem reported")
            }
        }
        #expect(try database.scalar("SELECT count(*) FROM ingest_error").int == Int64(issues.count))
    }
}
