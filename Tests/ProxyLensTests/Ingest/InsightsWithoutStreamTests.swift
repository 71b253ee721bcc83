import Foundation
import Testing
@testable import ProxyLens

/// Logs Insights results come newest first, and a query need not ask for `@logStream`: the
/// events of several execution environments then arrive as one stream. Invocations are still
/// found by their request ids; a line that names none is given the invocation that alone ran
/// when it was logged, and when several ran at once it is given none and a named note says how
/// many such lines there were (never silently given the wrong invocation).
@Suite("Containers: Logs Insights results newest first, with and without @logStream")
struct InsightsWithoutStreamTests {
    static func events(of set: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixture.samples("runtimes/\(set).json")))
        return ((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["events"] as? [[String: Any]]) ?? []
    }

    /// `get-query-results` JSON of the events, newest first.
    static func insights(of set: String, withStream: Bool, in folder: URL, events given: [[String: Any]]? = nil) throws -> String {
        let events = try given ?? Self.events(of: set)
        let rows: [[[String: String]]] = events.sorted { ($0["timestamp"] as? Int64 ?? 0) > ($1["timestamp"] as? Int64 ?? 0) }.map { event in
            let iso = Timestamp.iso(event["timestamp"] as? Int64 ?? 0)
            var row = [["field": "@timestamp", "value": String(iso.dropLast()).replacingOccurrences(of: "T", with: " ")],
                       ["field": "@message", "value": event["message"] as? String ?? ""]]
            if withStream { row.append(["field": "@logStream", "value": event["logStreamName"] as? String ?? ""]) }
            row.append(["field": "@log", "value": "730335218964:/aws/lambda/rt-\(set)"])
            return row
        }
        let json = try JSONSerialization.data(withJSONObject: ["results": rows, "status": "Complete"], options: [.prettyPrinted])
        return try Fixture.write(String(decoding: json, as: UTF8.self), to: "\(set)-insights\(withStream ? "" : "-no-logstream").json", in: folder)
    }

    /// (request id, status, error type) of each invocation and (request id, cause) of each failure.
    static func outcome(_ paths: [String], group: String) throws -> (rows: [[String]], failures: [[String]], notes: [String]) {
        let database = try Database(path: ":memory:")
        let ingestion = Ingestion(database: database, options: IngestOptions(logGroup: group))
        var notes: [String] = []
        ingestion.onIssue = { notes.append($1.reason) }
        _ = try ingestion.run(paths: paths)
        _ = try Classifier(database: database).run()
        let rows = try database.rows("SELECT request_id, status, coalesce(error_type, '') FROM invocation ORDER BY request_id").map { $0.map { $0.string ?? "" } }
        let failures = try database.rows("SELECT request_id, cause FROM failure ORDER BY request_id").map { $0.map { $0.string ?? "" } }
        let stored = try database.rows("SELECT reason FROM ingest_error").map { $0[0].string ?? "" }
        #expect(stored.filter { $0.hasPrefix(Deriver.notePrefix) } == notes.filter { $0.hasPrefix(Deriver.notePrefix) })
        return (rows, failures, notes)
    }

    @Test("newest first with @logStream: the same invocations and failures as the page", arguments: ["python-text", "go-text"])
    func newestFirst(set: String) throws {
        let folder = try Fixture.temporaryFolder()
        let group = "/aws/lambda/rt-\(set)"
        let expected = try Self.outcome([Fixture.samples("runtimes/\(set).json")], group: group)
        let got = try Self.outcome([try Self.insights(of: set, withStream: true, in: folder)], group: group)
        #expect(got.rows == expected.rows)
        #expect(got.failures == expected.failures)
        #expect(got.notes.isEmpty, "\(got.notes)")
    }

    @Test("newest first without @logStream: invocations and failures found by request id")
    func withoutLogStream() throws {
        let folder = try Fixture.temporaryFolder()
        // Two environments of one function whose invocations never overlap: one file, no stream.
        for set in ["python-text", "go-text"] {
            let group = "/aws/lambda/rt-\(set)"
            let expected = try Self.outcome([Fixture.samples("runtimes/\(set).json")], group: group)
            let got = try Self.outcome([try Self.insights(of: set, withStream: false, in: folder)], group: group)
            #expect(got.rows == expected.rows, "\(set)")
            #expect(got.failures == expected.failures, "\(set)")
            #expect(got.notes.isEmpty, "\(got.notes)")
        }
    }

    @Test("without @logStream, invocations of two environments at once: statuses by request id, the lines that name none given to none and named")
    func overlappingWithoutLogStream() throws {
        let folder = try Fixture.temporaryFolder()
        let set = "go-text"
        let group = "/aws/lambda/rt-\(set)"
        // The second environment's lines a minute earlier: its init and invocation fall inside
        // the first environment's timed-out invocation. Go application lines name no request id.
        let second = "2026/03/14/[$LATEST]955bd0cb402d680a993cc729adb300b7"
        let events = try Self.events(of: set).map { event -> [String: Any] in
            guard event["logStreamName"] as? String == second else { return event }
            var moved = event
            moved["timestamp"] = (event["timestamp"] as? Int64 ?? 0) - 60_000
            return moved
        }
        let page = try JSONSerialization.data(withJSONObject: ["events": events, "searchedLogStreams": []], options: [.prettyPrinted])
        let withStreams = try Fixture.write(String(decoding: page, as: UTF8.self), to: "go-text-overlapping.json", in: folder)
        let expected = try Self.outcome([withStreams], group: group)
        #expect(expected.notes.isEmpty, "\(expected.notes)")
        let got = try Self.outcome([try Self.insights(of: set, withStream: false, in: folder, events: events)], group: group)
        // Every invocation with its status and error type: the platform's lines name their request id.
        #expect(got.rows == expected.rows)
        #expect(got.failures.map { $0[0] } == expected.failures.map { $0[0] })
        // The lines that name none are given to no invocation, and one note says how many.
        let noStream = events.filter { !((($0["message"] as? String) ?? "").contains("RequestId: ")) }.count
        let notes = got.notes.filter { $0.hasPrefix(Deriver.notePrefix) }
        #expect(notes.count == 1 && notes[0].contains("\(noStream) lines of log stream") && notes[0].contains("@logStream"), "\(got.notes)")
    }
}
