import Foundation
import Testing
@testable import ProxyLens

/// `samples/containers/same-events/`: the events of a `samples/runtimes` response written out as
/// every container that names each event's stream holds them (`make_same_events.py`, with each
/// container's own converter). Each container must give the invocations and failures the
/// response itself gives.
@Suite("Containers: the same events through every container")
struct SameEventsTests {
    static let sets = ["python-text", "go-text"]

    /// What one ingest gives: each invocation (request id, stream, status, error type, error
    /// text) and each failure (request id, cause), in request id order.
    struct Outcome: Equatable, CustomStringConvertible {
        var invocations: [[String]]
        var failures: [[String]]
        var description: String { "invocations \(invocations)\nfailures \(failures)" }
    }

    static func outcome(_ paths: [String], group: String) throws -> (Outcome, [String]) {
        let database = try Database(path: ":memory:")
        let (_, issues) = try ingest(paths, into: database, options: IngestOptions(logGroup: group))
        _ = try Classifier(database: database).run()
        let invocations = try database.rows("""
            SELECT request_id, instance, status, coalesce(error_type, ''), coalesce(error_message, '') FROM invocation ORDER BY request_id
            """).map { row in row.map { ($0.string ?? "").trimmingWhitespaceAndNewlines() } }
        let failures = try database.rows("SELECT request_id, cause, coalesce(message, '') FROM failure ORDER BY request_id")
            .map { row in row.map { ($0.string ?? "").trimmingWhitespaceAndNewlines() } }
        return (Outcome(invocations: invocations, failures: failures), issues.filter { !$0.1.keptData }.map(\.1.reason))
    }

    /// Each input of a set: one file, or the files of one container that holds a stream per file.
    static func inputs(of set: String) throws -> [(String, [String])] {
        let folder = Fixture.samples("containers/same-events/\(set)")
        let manager = FileManager.default
        var inputs: [(String, [String])] = []
        for name in try manager.contentsOfDirectory(atPath: folder).sorted() {
            let path = folder + "/" + name
            var isFolder: ObjCBool = false
            _ = manager.fileExists(atPath: path, isDirectory: &isFolder)
            guard isFolder.boolValue else { inputs.append((name, [path])); continue }
            let files = InputPaths.expand([path]).files
            // A stream per file (get-log-events); the response as a whole, each on its own.
            let perStream = files.filter { InputPaths.fileName($0).hasPrefix("2026-") }
            let whole = files.filter { !InputPaths.fileName($0).hasPrefix("2026-") }
            if !perStream.isEmpty { inputs.append((name + "/<stream>", perStream)) }
            for file in whole {
                if name == "subscription" || name == "s3-export" || name == "get-log-events" {
                    if !inputs.contains(where: { $0.0 == name }) { inputs.append((name, files)) }
                } else {
                    inputs.append((name + "/" + InputPaths.fileName(file), [file]))
                }
            }
        }
        return inputs
    }

    @Test("every container gives the invocations and failures of the response they came from", arguments: sets)
    func sameEvents(set: String) throws {
        let group = "/aws/lambda/rt-\(set)"
        let (expected, _) = try Self.outcome([Fixture.samples("runtimes/\(set).json")], group: group)
        #expect(expected.invocations.count >= 5 && !expected.failures.isEmpty)
        let inputs = try Self.inputs(of: set)
        #expect(inputs.count >= 16, "\(inputs.map(\.0))")
        for (name, paths) in inputs {
            let (got, problems) = try Self.outcome(paths, group: group)
            #expect(problems.isEmpty, "\(set) \(name): \(problems)")
            #expect(got == expected, "\(set) \(name):\n\(got)\nexpected:\n\(expected)")
        }
    }
}
