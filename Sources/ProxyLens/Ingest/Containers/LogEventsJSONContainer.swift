/// Every JSON container CloudWatch Logs writes log events in, told apart by their keys while
/// reading (`CloudWatchJSONReader`): `filter-log-events` and `get-log-events` pages, subscription
/// payloads (one per file or concatenated as Firehose writes them), Logs Insights
/// `get-query-results` and the console's JSON array.
struct LogEventsJSONContainer: ContainerReader {
    let name = "log-events-json"
    let examples = [
        "containers/filter-log-events/catalog-sync_2026-03-14T0900Z_0915Z_page1.json",
        "containers/filter-log-events/catalog-pg-proxy_max-items-5.json",
        "containers/get-log-events/2026-03-14-[$LATEST]786b078e2b47ad9280de8f84f1e24165.json",
        "containers/subscription/1773479802492-cbaf6c6c-619a-4480-b308-3876423049e6.json.gz",
        "containers/insights/get-query-results.json",
        "containers/insights/console-export.json",
    ]

    /// First keys of the root objects, as the AWS CLI and the subscription payload print them.
    static let firstKeys: Set<Substring> = [
        "events", "nextToken", "NextToken", "searchedLogStreams", "nextForwardToken", "nextBackwardToken",
        "messageType", "owner", "logGroup", "logStream", "subscriptionFilters", "logEvents",
        "results", "statistics", "status",
    ]

    func recognises(_ sample: ContentSample) -> Bool {
        // A JSON array (not a text line such as saw's `[2026-03-14T10:12:03+01:00] (stream) …`).
        if sample.firstByte == UInt8(ascii: "[") {
            let next = sample.bytes.dropFirst().first { $0 != 0x20 && $0 != 0x0a && $0 != 0x0d && $0 != 0x09 }
            return next == nil || next == UInt8(ascii: "{") || next == UInt8(ascii: "]") || next == UInt8(ascii: "[")
        }
        if let key = sample.firstKey, Self.firstKeys.contains(key) { return true }
        // Any root object of the sample: another document may come first.
        return sample.firstKey != nil && sample.rootFirstKeys.contains(where: Self.firstKeys.contains)
    }

    func read(_ window: ByteWindow, _ context: ContainerContext, into sink: ContainerSink) throws -> String {
        var reader = CloudWatchJSONReader(defaultStream: context.streamFromPath, defaultGroup: context.options.logGroup)
        defer { if let note = reader.nonStringNote { sink.note(note) } }
        try reader.read(window, into: sink)
        return reader.containerName
    }
}
