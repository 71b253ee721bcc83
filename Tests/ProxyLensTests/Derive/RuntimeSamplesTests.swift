import Foundation
import Testing
@testable import ProxyLens

/// `samples/runtimes/`: every runtime family in both log formats, shaped from the runtimes' own
/// sources. Each file is ingested and classified; every invocation must come out with the status
/// `truth.json` gives, and every failed one with the database error it logged as its text.
@Suite("Runtimes: every family's failure shapes")
struct RuntimeSamplesTests {
    struct Truth: Decodable {
        struct File: Decodable {
            var log_group: String
            var invocations: [Invocation]
        }
        struct Invocation: Decodable {
            var request_id: String
            var stream: String
            var status: String
            var error_text_contains: String?
            var scenario: String
        }
        var files: [String: File]
    }

    static let truth: Truth = {
        let data = (try? Data(contentsOf: URL(fileURLWithPath: Fixture.samples("runtimes/truth.json")))) ?? Data()
        return (try? JSONDecoder().decode(Truth.self, from: data)) ?? Truth(files: [:])
    }()

    static let files: [String] = truth.files.keys.sorted()

    @Test("the answer key lists every runtime family in both formats")
    func coverage() {
        let families = Set(Self.files.map { $0.split(separator: "-").first.map(String.init) ?? "" })
        #expect(families == ["python", "nodejs", "java", "dotnet", "ruby", "go", "rust"])
        #expect(Self.files.count == 14)
    }

    @Test("each invocation's status, and each failure's database error text", arguments: files)
    func runtime(file: String) throws {
        let expected = try #require(Self.truth.files[file])
        let database = try Database(path: ":memory:")
        _ = try ingest([Fixture.samples("runtimes/\(file)")], into: database, options: IngestOptions(logGroup: expected.log_group))
        _ = try Classifier(database: database).run()
        for invocation in expected.invocations {
            let rows = try database.rows("SELECT status, instance FROM invocation WHERE request_id = ?", [.text(invocation.request_id)])
            #expect(rows.count == 1, "\(file) \(invocation.scenario): \(rows.count) invocations")
            guard let row = rows.first else { continue }
            #expect(row[0].string == invocation.status, "\(file) \(invocation.scenario): status \(row[0].string ?? "nil")")
            #expect(row[1].string == invocation.stream, "\(file) \(invocation.scenario)")
            guard invocation.status != "success", let text = invocation.error_text_contains else { continue }
            let message = try database.scalar("SELECT message FROM failure WHERE request_id = ?", [.text(invocation.request_id)]).string ?? ""
            #expect(message.contains(text), "\(file) \(invocation.scenario): failure text \(message.prefix(300))")
        }
        let extra = try database.scalar("SELECT count(*) FROM invocation").int ?? 0
        #expect(extra == Int64(expected.invocations.count), "\(file): \(extra) invocations for \(expected.invocations.count)")
    }
}
