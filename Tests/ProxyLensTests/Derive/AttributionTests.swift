import Foundation
import Testing
@testable import ProxyLens

/// Lines belong to invocations by stream order (issue 13): a line that names no request id
/// belongs to the invocation running in its stream, and where the export has no streams to
/// order by, the lines that cannot be given to one invocation are counted and said.
@Suite("Attribution by stream order")
struct AttributionTests {
    static let a = "6a1c2f0e-0d4b-4c61-9d0e-2b9f3c7d1a01"
    static let b = "7b2d3f1a-1e5c-4d72-8e1f-3c0a4d8e2b02"

    @Test("a Go log line with no request id fails the invocation running in its stream, with its text")
    func untaggedLineInItsStream() throws {
        let folder = try Fixture.temporaryFolder()
        // `aws logs tail --format detailed`: one stream, Go's log package (no request id).
        let stream = "2026/03/14/[$LATEST]0123456789abcdef0123456789abcdef"
        let text = """
            2026-03-14T10:00:00.000000+00:00 \(stream) START RequestId: \(Self.a) Version: $LATEST
            2026-03-14T10:00:00.010000+00:00 \(stream) 2026/03/14 10:00:00 loading order 42
            2026-03-14T10:00:00.020000+00:00 \(stream) [mysql] 2026/03/14 10:00:00 packets.go:37: unexpected EOF
            2026-03-14T10:00:00.021000+00:00 \(stream) 2026/03/14 10:00:00 {"errorMessage":"load order 42: invalid connection","errorType":"wrapError"}
            2026-03-14T10:00:00.030000+00:00 \(stream) END RequestId: \(Self.a)
            2026-03-14T10:00:00.030000+00:00 \(stream) REPORT RequestId: \(Self.a)\tDuration: 30.00 ms\tBilled Duration: 31 ms\tMemory Size: 512 MB\tMax Memory Used: 80 MB\tStatus: error\tError Type: Runtime.Unknown

            """
        let path = try Fixture.write(text, to: "orders-api_tail.log", in: folder)
        let database = try Database(path: ":memory:")
        let (summary, _) = try ingest([path], into: database, options: IngestOptions(logGroup: "/aws/lambda/orders-api"))
        #expect(summary.unattributed.total == 0)
        _ = try Classifier(database: database).run()
        let row = try database.rows("SELECT cause, message FROM failure WHERE request_id = ?", [.text(Self.a)]).first
        #expect(row?[0].string == "stale-connection")
        #expect(row?[1].string?.contains("invalid connection") == true)
    }

    @Test("without stream names, a line logged while two invocations run is counted, not given to either")
    func interleavedWithoutStreams() throws {
        let folder = try Fixture.temporaryFolder()
        // `aws logs tail --format short` prints no stream: two environments' lines interleave.
        let text = """
            2026-03-14T10:00:00 START RequestId: \(Self.a) Version: $LATEST
            2026-03-14T10:00:01 START RequestId: \(Self.b) Version: $LATEST
            2026-03-14T10:00:02 2026/03/14 10:00:02 query failed: driver: bad connection
            2026-03-14T10:00:03 END RequestId: \(Self.a)
            2026-03-14T10:00:03 REPORT RequestId: \(Self.a)\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 512 MB\tMax Memory Used: 80 MB\t
            2026-03-14T10:00:04 END RequestId: \(Self.b)
            2026-03-14T10:00:04 REPORT RequestId: \(Self.b)\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 512 MB\tMax Memory Used: 80 MB\tStatus: error\tError Type: Runtime.Unknown

            """
        let path = try Fixture.write(text, to: "orders-api_short.log", in: folder)
        let database = try Database(path: ":memory:")
        let (summary, _) = try ingest([path], into: database, options: IngestOptions(logGroup: "/aws/lambda/orders-api"))
        #expect(summary.unattributed.interleaved == 1)
        #expect(summary.unattributed.reasons.first?.contains("no stream names") == true)
        #expect(try database.scalar("SELECT status FROM invocation WHERE request_id = ?", [.text(Self.a)]).string == "success")
        #expect(try database.scalar("SELECT status FROM invocation WHERE request_id = ?", [.text(Self.b)]).string == "error")
        // The ingest summary a user reads says it.
        let result = try CLI.run(["ingest", "--db", folder.appendingPathComponent("x.sqlite").path, "--log-group", "/aws/lambda/orders-api", path])
        #expect(result.stderr.contains("1 line could not be given to an invocation") || result.stdout.contains("1 line could not be given to an invocation"),
                "\(result.stdout)\(result.stderr)")
    }

    @Test("an export filtered to errors: no START/END, invocations from the request ids, each incomplete and labelled as such")
    func errorOnlyExport() throws {
        let folder = try Fixture.temporaryFolder()
        let text = """
            {"events":[
            {"logStreamName":"2026/03/14/[$LATEST]0123456789abcdef0123456789abcdef","timestamp":1773482400000,"message":"[ERROR]\\t2026-03-14T10:00:00.000Z\\t\(Self.a)\\tOperationalError: server closed the connection unexpectedly\\n\\tThis probably means the server terminated abnormally\\n\\tbefore or while processing the request.\\n","ingestionTime":1773482400100,"eventId":"37000000000000000000000000000000000000000000000000000001"},
            {"logStreamName":"2026/03/14/[$LATEST]0123456789abcdef0123456789abcdef","timestamp":1773482460000,"message":"[ERROR]\\t2026-03-14T10:01:00.000Z\\t\(Self.b)\\tQueryCanceled: canceling statement due to statement timeout\\n","ingestionTime":1773482460100,"eventId":"37000000000000000000000000000000000000000000000000000002"}
            ],"searchedLogStreams":[]}
            """
        let path = try Fixture.write(text, to: "orders-api_errors.json", in: folder)
        let database = try Database(path: ":memory:")
        _ = try ingest([path], into: database, options: IngestOptions(logGroup: "/aws/lambda/orders-api"))
        #expect(try database.scalar("SELECT count(*) FROM invocation WHERE status = 'incomplete'").int == 2)
        #expect(try database.scalar("SELECT count(*) FROM invocation WHERE status = 'success'").int == 0)
        _ = try Classifier(database: database).run()
        let causes = try database.rows("SELECT request_id, cause, rule FROM failure ORDER BY request_id").map { ($0[0].string ?? "", $0[1].string ?? "", $0[2].string ?? "") }
        #expect(causes.map(\.1) == ["stale-connection", "query-timeout"])
        #expect(causes.allSatisfy { $0.2.contains("+incomplete") })
        let findings = try ReportBuilder(database: database).build(ReportOptions()).findings
        #expect(findings.contains { $0.found.contains("2 invocations have no END/REPORT") })
    }
}
