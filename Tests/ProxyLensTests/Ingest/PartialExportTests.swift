import Foundation
import Testing
@testable import ProxyLens

/// What people really have (issue 21): forwarder payloads, console copies, legacy lines,
/// structured messages, files holding more than one document. Each is read right or named.
@Suite("Partial and odd exports")
struct PartialExportTests {
    static let id = "3f6b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
    static let stream = "2026/03/14/[$LATEST]0123456789abcdef0123456789abcdef"

    static func page(_ messages: [String]) -> String {
        let events = messages.enumerated().map { index, message in
            #"{"logStreamName":"\#(stream)","timestamp":\#(1773482400000 + index * 10),"message":\#(message),"ingestionTime":\#(1773482400500 + index * 10),"eventId":"3700000000000000000000000000000000000000000000000000000\#(index)"}"#
        }
        return #"{"events":["# + events.joined(separator: ",") + #"],"searchedLogStreams":[]}"#
    }

    @Test("a forwarder that escaped newlines and tabs twice: one invocation, its REPORT read, one note")
    func forwarderEscaped() throws {
        let folder = try Fixture.temporaryFolder()
        // In the JSON text, \\\\n is the two characters backslash and n inside the message.
        let text = Self.page([
            #""START RequestId: \#(Self.id) Version: $LATEST\\n""#,
            #""[ERROR]\\t2026-03-14T10:00:00.010Z\\t\#(Self.id)\\tOperationalError: server closed the connection unexpectedly\\n""#,
            #""END RequestId: \#(Self.id)\\n""#,
            #""REPORT RequestId: \#(Self.id)\\tDuration: 12.00 ms\\tBilled Duration: 13 ms\\tMemory Size: 512 MB\\tMax Memory Used: 80 MB\\tStatus: error\\tError Type: Runtime.Unknown\\n""#,
        ])
        let path = try Fixture.write(text, to: "forwarded.json", in: folder)
        let database = try Database(path: ":memory:")
        let (_, issues) = try ingest([path], into: database, options: IngestOptions(logGroup: "/aws/lambda/orders-api"))
        let rows = try database.rows("SELECT request_id, duration_ms, status FROM invocation")
        #expect(rows.count == 1)
        #expect(rows.first?[0].string == Self.id)
        #expect(rows.first?[1].double == 12.0)
        #expect(rows.first?[2].string == "error")
        #expect(issues.contains { $0.1.keptData && $0.1.reason.contains("escaped them twice") })
    }

    @Test("escaped twice is told by the end of the message alone, whatever it begins with; a JSON record is not")
    func forwarderEscapedByItsEnd() {
        func escaped(_ text: String) -> Bool { LineParsingSink.isForwarderEscaped(Array(text.utf8)) }
        // Written as text by a forwarder: a runtime's tagged line, a JSON log record, a platform line.
        #expect(escaped(#"[INFO]\t2026-03-14T10:00:00.010Z\t\#(Self.id)\tcalling https://pricing.internal/v2\n"#))
        #expect(escaped(#"{\"level\":\"ERROR\",\"message\":\"server closed the connection\"}\n"#))
        #expect(escaped(#"END RequestId: \#(Self.id)\n"#))
        // Not escaped: a JSON record with escaped newlines inside its strings ends in `}`; a line
        // with a real newline or tab is as Lambda wrote it.
        #expect(!escaped(#"{"errorMessage":"a\nb","stackTrace":["x\n"]}"#))
        #expect(!escaped("END RequestId: \(Self.id)\n"))
        #expect(!escaped("[ERROR]\tOperationalError: x\\n"))
    }

    @Test("a REPORT line copied from the console with spaces for tabs keeps its numbers")
    func spaceSeparatedReport() {
        var line = "REPORT RequestId: \(Self.id)  Duration: 26.73 ms  Billed Duration: 27 ms  Memory Size: 128 MB  Max Memory Used: 75 MB  Init Duration: 180.12 ms"
        let values = line.withUTF8 { ReportLine.values(bytes: $0) }
        #expect(values.durationMs == .some(26.73))
        #expect(values.billedMs == .some(27))
        #expect(values.memoryMB == .some(128))
        #expect(values.maxMemoryMB == .some(75))
        #expect(values.initMs == .some(180.12))
    }

    @Test("Node.js 8.10's line has no level: the message is not read as one")
    func legacyNodeLine() {
        let (parsed, format) = LineFormat.parse("2019-02-11T14:35:51.112Z\t\(Self.id)\tTypeError: Cannot read property 'query' of undefined\n")
        #expect(format == "tab-separated-app")
        #expect(parsed.requestId == Self.id)
        #expect(parsed.level == nil)
    }

    @Test("a message that is a JSON object is stored as its JSON text, with a note")
    func structuredMessage() throws {
        let folder = try Fixture.temporaryFolder()
        let text = Self.page([#"{"level":"ERROR","msg":"query failed","err":{"code":"ECONNRESET"},"n":[1,2.5,true,null]}"#])
        let path = try Fixture.write(text, to: "structured.json", in: folder)
        let database = try Database(path: ":memory:")
        let (_, issues) = try ingest([path], into: database)
        let message = try database.scalar("SELECT message FROM event").string
        #expect(message == #"{"level":"ERROR","msg":"query failed","err":{"code":"ECONNRESET"},"n":[1,2.5,true,null]}"#)
        #expect(issues.contains { $0.1.keptData && $0.1.reason.contains("JSON object or array") })
    }

    @Test("another JSON document before a page (AWS's get-logs.sh): the page is read, the other document named")
    func mixedDocuments() throws {
        let folder = try Fixture.temporaryFolder()
        let invoke = #"{"StatusCode": 200, "ExecutedVersion": "$LATEST"}"#
        let text = invoke + "\n" + Self.page([#""START RequestId: \#(Self.id) Version: $LATEST\n""#, #""END RequestId: \#(Self.id)\n""#])
        let path = try Fixture.write(text, to: "get-logs-output.json", in: folder)
        let database = try Database(path: ":memory:")
        let (summary, issues) = try ingest([path], into: database)
        #expect(try database.scalar("SELECT count(*) FROM event").int == 2)
        #expect(issues.contains { !$0.1.keptData && $0.1.reason.contains("first key \"StatusCode\"") })
        #expect(summary.problems == 1)
    }
}
