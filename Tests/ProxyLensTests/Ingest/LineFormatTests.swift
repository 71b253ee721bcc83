import Foundation
import Testing
@testable import ProxyLens

@Suite("Line formats")
struct LineFormatTests {
    @Test("every example line is parsed by its own format (no format shadows another)")
    func examplesMatchTheirOwnFormat() {
        for format in LineFormat.all {
            #expect(!format.examples.isEmpty, "\(format.name) has no examples")
            for example in format.examples {
                let (_, name) = LineFormat.parse(example)
                #expect(name == format.name, "example of \(format.name) parsed as \(name): \(example.prefix(80))")
            }
        }
    }

    @Test("a JSON record's level: its text, pino's and bunyan's numbers by their names, nothing else")
    func jsonLevels() {
        func level(_ line: String) -> String? { LineFormat.parse(line).0.level }
        #expect(level(#"{"level":"error","msg":"x"}"#) == "error")
        #expect(level(#"{"level": 50 ,"msg":"x"}"#) == "ERROR")
        #expect(level(#"{"level":60,"msg":"x"}"#) == "FATAL")
        #expect(level(#"{"level":30}"#) == "INFO")
        #expect(level(#"{"level":10,"msg":"x"}"#) == "TRACE")
        // Not a level: five digits, a number that is a value of its own, a key inside a value.
        #expect(level(#"{"level":50000,"msg":"x"}"#) == nil)
        #expect(level(#"{"level":5e1,"msg":"x"}"#) == nil)
        #expect(level(#"{"msg":"the "level" key","level":40}"#) == "WARN")
    }

    @Test("ingest's first-byte shortcut gives what trying every format in order gives, on every sample line")
    func firstByteShortcut() throws {
        var lines = LineFormat.all.flatMap(\.examples)
        for folder in ["lines", "errors"] {
            let directory = Fixture.samples(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasSuffix(".ndjson") {
                for record in try String(contentsOfFile: directory + "/" + name, encoding: .utf8).split(separator: "\n") {
                    let object = try JSONSerialization.jsonObject(with: Data(record.utf8)) as? [String: Any]
                    if let message = (object?["message"] ?? object?["text"]) as? String { lines.append(message) }
                }
            }
        }
        lines += ["", " START RequestId: x", "{}", "[", "2024-01-01T00:00:00.000Z", "\u{FEFF}START RequestId: x"]
        #expect(lines.count > 200)
        for line in lines {
            var copy = line
            let shortcut = copy.withUTF8 { LineFormat.fields(of: $0) }
            #expect(shortcut == LineFormat.parse(line).0, "\(line.prefix(80))")
        }
    }

    @Test("fields: request ids, levels, proxy ids and embedded times")
    func fields() {
        #expect(LineFormat.parse("START RequestId: 4ce9340a-b765-490f-ad8a-02ab3415e2bf Version: $LATEST\n").0
                == ParsedLine(kind: .start, requestId: "4ce9340a-b765-490f-ad8a-02ab3415e2bf"))
        let proxy = LineFormat.parse("2023-09-06T08:28:13.685Z [WARN] [proxyEndpoint=default] [clientConnection=51706963] The client session was pinned to the database connection [dbConnection=973587044] for the remainder of the session.").0
        #expect(proxy.kind == .proxy && proxy.level == "WARN" && proxy.clientConnection == 51_706_963 && proxy.dbConnection == 973_587_044)
        #expect(proxy.proxyTimestamp == Timestamp.parse("2023-09-06T08:28:13.685Z"))
        #expect(LineFormat.parse("[ERROR] QueryCanceled: canceling statement due to statement timeout\n\nTraceback").0.kind == .appError)
        #expect(LineFormat.parse("[ERROR]\t2025-12-07T13:52:05.745Z\t7c2b0717-34af-480a-877b-f699ec8c7b5e\trecommendations unavailable\n").0
                == ParsedLine(kind: .app, requestId: "7c2b0717-34af-480a-877b-f699ec8c7b5e", level: "ERROR"))
        #expect(LineFormat.parse("2025-12-07T13:31:14.862Z\tff3fc8b9-cd4d-4519-8db8-057bce0bf539\tinfo\tProcessing\n").0.kind == .app)
    }

    @Test("REPORT fields in any order, with and without Status")
    func report() {
        let fields = ReportLine.fields("REPORT RequestId: 83269395-0000\tDuration: 11.48 ms\tBilled Duration: 12 ms\tMemory Size: 128 MB\tMax Memory Used: 10 MB\tStatus: error\tError Type: Runtime.InvalidEntrypoint")
        #expect(fields["Status"] == "error" && fields["Error Type"] == "Runtime.InvalidEntrypoint")
        #expect(ReportLine.number(fields["Duration"]) == 11.48)
        let old = ReportLine.fields("REPORT RequestId: 4ce9340a\tDuration: 26.73 ms\tBilled Duration: 27 ms \tMemory Size: 128 MB\tMax Memory Used: 75 MB\t\n")
        #expect(ReportLine.number(old["Memory Size"]) == 128 && old["Status"] == nil)
    }

    @Test("timestamps in every form the CLI prints")
    func timestamps() {
        let ms = Timestamp.parse("2025-12-07T13:30:01.056Z")
        #expect(ms == 1_765_114_201_056)
        #expect(Timestamp.parse("2025-12-07T13:30:01.056000+00:00") == ms)
        #expect(Timestamp.parse("2025-12-07 13:30:01.056") == ms)
        #expect(Timestamp.parse("2025-12-07T16:30:01.056+03:00") == ms)
        #expect(Timestamp.iso(1_765_114_201_056) == "2025-12-07T13:30:01.056Z")
        #expect(Timestamp.parse("not a time") == nil)
    }
}
