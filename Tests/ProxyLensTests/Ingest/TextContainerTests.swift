import Foundation
import Testing
@testable import ProxyLens

@Suite("Text containers")
struct TextContainerTests {
    @Test("S3 export: ISO prefix, multi-line messages, Lambda's own trailing newline, out of order")
    func s3Export() throws {
        let text = """
        2025-12-07T13:31:14.851Z START RequestId: ff3fc8b9-cd4d-4519-8db8-057bce0bf539 Version: $LATEST

        2025-12-07T13:31:14.862Z 2025-12-07T13:31:14.862Z\tff3fc8b9-cd4d-4519-8db8-057bce0bf539\tfail\tMicrosoft.Data.SqlClient.SqlException (0x80131904): A transport-level error
         ---> System.ComponentModel.Win32Exception (10054): An existing connection was forcibly closed by the remote host.

        Error Number:10054,State:0,Class:20

        2025-12-07T13:31:14.854Z 2025-12-07T13:31:14.854Z\tff3fc8b9-cd4d-4519-8db8-057bce0bf539\tinfo\tProcessing ledger batch 236789

        """
        let sink = try readEvents(text, layout: .s3Export, defaultStream: "2025/12/07/[$LATEST]eebb")
        #expect(sink.events.count == 3)
        #expect(sink.events[0].messageText == "START RequestId: ff3fc8b9-cd4d-4519-8db8-057bce0bf539 Version: $LATEST\n")
        #expect(sink.events[1].messageText.hasSuffix("forcibly closed by the remote host.\n\nError Number:10054,State:0,Class:20\n"))
        #expect(sink.events[2].timestamp < sink.events[1].timestamp)
        #expect(sink.events[1].line == 3)
        #expect(InputPaths.exportTaskLayout("b/exportedlogs/lw/099f90c1-e3bd-47ad-b187-e68eb5ec8e1e/2025/12/07/[$LATEST]97f8/000000.gz")?.stream == "2025/12/07/[$LATEST]97f8")
    }

    @Test("aws logs tail --format detailed: colour removed, stream per line, continuation lines")
    func tailDetailed() throws {
        let text = "\u{1b}[32m2024-04-08T09:17:23.827000+00:00\u{1b}[0m \u{1b}[36m2024/04/08/[$LATEST]abc\u{1b}[0m START RequestId: 4ce9340a-b765-490f-ad8a-02ab3415e2bf Version: $LATEST\n"
            + "2024-04-08T09:17:24.001000+00:00 2024/04/08/[$LATEST]abc [ERROR] OperationalError: server closed the connection unexpectedly\n"
            + "\tThis probably means the server terminated abnormally\n"
        let sink = try readEvents(text, layout: .tailDetailed)
        #expect(sink.events.count == 2)
        #expect(sink.events[0].logStream == "2024/04/08/[$LATEST]abc")
        #expect(sink.events[0].timestamp == Timestamp.parse("2024-04-08T09:17:23.827Z"))
        #expect(sink.events[1].messageText == "[ERROR] OperationalError: server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally")
    }

    @Test("aws logs tail --format short: second resolution, no stream")
    func tailShort() throws {
        let sink = try readEvents("2024-04-08T09:17:23 END RequestId: 4ce9340a-b765-490f-ad8a-02ab3415e2bf\n", layout: .tailShort, defaultStream: "file")
        #expect(sink.events.map(\.logStream) == ["file"])
        #expect(sink.events[0].timestamp == Timestamp.parse("2024-04-08T09:17:23Z"))
    }

    @Test("container detection looks at content, not names")
    func detection() {
        func kind(_ text: String, path: String = "export.txt") -> String {
            var copy = text
            let sample = copy.withUTF8 { ContentSample(path: path, head: $0) }
            switch ContainerReaders.choose(sample) {
            case .success(let reader): return reader.name
            case .failure: return "unknown"
            }
        }
        #expect(kind("{\n    \"events\": [") == "log-events-json")
        #expect(kind("{\"messageType\":\"DATA_MESSAGE\"") == "log-events-json")
        #expect(kind("{\"DBProxies\": []}") == "configuration")
        #expect(kind("{}") == "configuration")
        #expect(kind("{\"logStreamName\": \"s\", \"timestamp\": 1, \"message\": \"m\"}\n") == "event-lines")
        #expect(kind("@timestamp,@message,@logStream,@log\n") == "insights-csv")
        #expect(kind("2024-04-08T09:17:23.827000+00:00 stream START") == "tail-detailed")
        #expect(kind("2024-04-08T09:17:23 START") == "tail-short")
        #expect(kind("2025-12-07T13:31:14.851Z START RequestId: x") == "s3-export")
        #expect(kind("2025-12-07T13:31:14.851Z [INFO] [dbConnection=1] x") == "proxy-text")
        #expect(kind("\u{0}\u{1}\u{2}binary") == "unknown")
        #expect(kind("Dear team, the logs are attached.") == "unknown")
    }

    @Test("gzip: read transparently; a truncated stream keeps what came before")
    func gzip() throws {
        let text = String(repeating: "2025-12-07T13:31:14.851Z START RequestId: ff3fc8b9-cd4d-4519-8db8-057bce0bf539 Version: $LATEST\n\n", count: 2000)
        let compressed = try Fixture.gzip(Data(text.utf8))
        let whole = try GzipByteSource(MemoryByteSource(Array(compressed)), name: "x.gz")
        let sink = CollectingSink()
        try TextExportReader(layout: .s3Export, logGroup: nil, defaultStream: "s").read(ByteWindow(whole), into: sink)
        #expect(sink.events.count == 2000)
        let cut = try GzipByteSource(MemoryByteSource(Array(compressed.prefix(compressed.count / 2))), name: "x.gz")
        let partial = CollectingSink()
        #expect(throws: ProxyLensError.self) {
            try TextExportReader(layout: .s3Export, logGroup: nil, defaultStream: "s").read(ByteWindow(cut), into: partial)
        }
        #expect(partial.events.count > 0 && partial.events.count < 2000)
    }
}
