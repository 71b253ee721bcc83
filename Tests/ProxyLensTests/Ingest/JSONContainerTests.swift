import Foundation
import Testing
@testable import ProxyLens

@Suite("JSON containers")
struct JSONContainerTests {
    @Test("filter-log-events page: every field of every event, messages verbatim")
    func filterLogEventsPage() throws {
        let page = """
        {
            "events": [
                {
                    "logStreamName": "2024/05/09/[$LATEST]abc1024",
                    "timestamp": 1712568068991,
                    "message": "START RequestId: 4ce9340a-b765-490f-ad8a-02ab3415e2bf Version: $LATEST\\n",
                    "ingestionTime": 1712568070017,
                    "eventId": "00001544141707904000000130886135001961903807164184002560"
                },
                {
                    "logStreamName": "2024/05/09/[$LATEST]abc1024",
                    "timestamp": 1712568068999,
                    "message": "[INFO]\\t2024-05-09T10:01:08.999Z\\t4ce9340a-b765-490f-ad8a-02ab3415e2bf\\tcaf\\u00e9 \\ud83d\\ude00 \\"quoted\\" \\\\ done\\n",
                    "ingestionTime": 1712568070018,
                    "eventId": "00001544141707904000000130886135001961903807164184002561"
                }
            ],
            "searchedLogStreams": [],
            "nextToken": "Bxkq6kVGFtq2y_MoigeqscPOdhXVbhiVtLoAmXb5jCrI7fXLrRGQd"
        }
        """
        let sink = try readEvents(page)
        #expect(sink.events.count == 2)
        #expect(sink.events[0].logStream == "2024/05/09/[$LATEST]abc1024")
        #expect(sink.events[0].timestamp == 1_712_568_068_991)
        #expect(sink.events[0].ingestionTime == 1_712_568_070_017)
        #expect(sink.events[0].eventId == "00001544141707904000000130886135001961903807164184002560")
        #expect(sink.events[0].messageText == "START RequestId: 4ce9340a-b765-490f-ad8a-02ab3415e2bf Version: $LATEST\n")
        #expect(sink.events[1].messageText == "[INFO]\t2024-05-09T10:01:08.999Z\t4ce9340a-b765-490f-ad8a-02ab3415e2bf\tcafé 😀 \"quoted\" \\ done\n")
    }

    @Test("get-log-events: events carry no stream; it comes from the caller")
    func getLogEvents() throws {
        let page = """
        {"events": [{"timestamp": 1559763003171, "message": "START RequestId: 4ce9340a-b765-490f-ad8a-02ab3415e2bf Version: $LATEST\\n", "ingestionTime": 1559763003309}],
         "nextForwardToken": "f/34783877304859518393868359594929986069206639495374241795", "nextBackwardToken": "b/34783877303811383369537420289090800615709599058929582080"}
        """
        let sink = try readEvents(page, defaultStream: "2019/06/05/[$LATEST]abc")
        #expect(sink.events.map(\.logStream) == ["2019/06/05/[$LATEST]abc"])
        #expect(sink.events[0].eventId == nil)
        #expect(InputPaths.streamName(fromPath: "x/2026-03-14-[$LATEST]8f3c0d.json") == "2026/03/14/[$LATEST]8f3c0d")
    }

    @Test("subscription payloads, concatenated as Firehose writes them; CONTROL_MESSAGE dropped")
    func subscriptionPayloads() throws {
        let control = #"{"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"","subscriptionFilters":[],"logEvents":[{"id":"","timestamp":1600110003794,"message":"CWL CONTROL MESSAGE: Checking health of destination Firehose."}]}"#
        let data = #"{"messageType":"DATA_MESSAGE","owner":"488791064862","logGroup":"/aws/lambda/MacroTestStaging-GetIndex-CVNDL3UC91ZY","logStream":"2019/09/18/[$LATEST]6fe172b8612d4dabb533236b7604ce9f","subscriptionFilters":["MacroTestStaging-GetIndexSubscriptionFilter-XB706MM4T62R"],"logEvents":[{"id":"34984627795234560162090212479493949047881338152976580610","timestamp":1568764966542,"message":"2019-09-18T00:02:46.542Z f2704689-7aa3-4af3-ac88-857c01c4bd45 Task timed out after 5.01 seconds\n\n"}]}"#
        let sink = try readEvents(control + data + data.replacingOccurrences(of: "80610", with: "80611"))
        #expect(sink.events.count == 2)
        #expect(sink.events.allSatisfy { $0.logGroup == "/aws/lambda/MacroTestStaging-GetIndex-CVNDL3UC91ZY" })
        #expect(sink.events[0].eventId == "34984627795234560162090212479493949047881338152976580610")
        #expect(sink.events[0].messageText.hasSuffix("seconds\n\n"))
    }

    @Test("Logs Insights get-query-results and the console JSON export")
    func insights() throws {
        let results = """
        {"results": [[{"field": "@timestamp", "value": "2024-05-19 06:10:35.743"},
                      {"field": "@message", "value": "Test BENCHMARK 3"},
                      {"field": "@logStream", "value": "TestStream"},
                      {"field": "@log", "value": "123456789012:/aws/lambda/bench"},
                      {"field": "@ptr", "value": "ClQKGAoUODc3MzYy"}]],
         "statistics": {"recordsMatched": 3.0, "recordsScanned": 3.0, "bytesScanned": 141.0}, "status": "Complete"}
        """
        let sink = try readEvents(results)
        #expect(sink.events.count == 1)
        #expect(sink.events[0].timestamp == Timestamp.parse("2024-05-19T06:10:35.743Z"))
        #expect(sink.events[0].logGroup == "/aws/lambda/bench")
        #expect(sink.events[0].logStream == "TestStream")
        let console = #"[{"@timestamp": "2023-10-20 16:28:17.840", "@message": "2023-10-20T16:28:17.840Z 4299ee26-8d1d-4ea9-bd43-77b85ed96cfe Task timed out after 31.01 seconds\n\n", "lambda": "azul-indexer"}]"#
        let exported = try readEvents(console, defaultStream: "from-file")
        #expect(exported.events.count == 1)
        #expect(exported.events[0].logStream == "from-file")
        #expect(exported.events[0].messageText.contains("Task timed out after 31.01 seconds"))
    }

    @Test("a page cut inside a string keeps the events before the cut and says where")
    func truncatedPage() throws {
        let page = #"{"events": [{"logStreamName": "s", "timestamp": 1, "message": "one", "eventId": "1"}, {"logStreamName": "s", "timestamp": 2, "message": "tw"#
        let sink = CollectingSink()
        let window = ByteWindow(MemoryByteSource(page))
        var reader = CloudWatchJSONReader(defaultStream: nil, defaultGroup: nil)
        #expect(throws: JSONReader.SyntaxError.self) { try reader.read(window, into: sink) }
        #expect(sink.events.map(\.messageText) == ["one"])
    }

    @Test("200,000-deep nesting is refused quickly, not recursed into")
    func deepNesting() throws {
        let text = "{\"events\": " + String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000) + "}"
        let sink = CollectingSink()
        var reader = CloudWatchJSONReader(defaultStream: nil, defaultGroup: nil)
        do {
            try reader.read(ByteWindow(MemoryByteSource(text)), into: sink)
            Issue.record("expected an error")
        } catch let error as JSONReader.SyntaxError {
            #expect(error.reason.contains("nested deeper"))
        }
    }

    @Test("a 20 MB message inside a valid page is kept whole")
    func hugeMessage() throws {
        let big = String(repeating: "x", count: 20 << 20)
        let sink = try readEvents(#"{"events":[{"logStreamName":"s","timestamp":5,"message":""# + big + #""}]}"#)
        #expect(sink.events.count == 1)
        #expect(sink.events[0].message.count == 20 << 20)
    }
}
