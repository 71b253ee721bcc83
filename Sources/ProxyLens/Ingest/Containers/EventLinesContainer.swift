/// Log events one JSON object per line (NDJSON), as `aws logs filter-log-events … | jq -c
/// '.events[]'` writes them: `{"logStreamName":…,"timestamp":…,"message":…,"ingestionTime":…,
/// "eventId":…}` in any key order. Events without a stream get the file's (`--log-stream` or
/// the file name).
struct EventLinesContainer: ContainerReader {
    let name = "event-lines"
    let examples = ["containers/event-lines/catalog-sync_jq-events.ndjson"]

    /// Keys of a CloudWatch log event object (`FilteredLogEvent`, `OutputLogEvent`).
    static let eventKeys: Set<Substring> = ["logStreamName", "timestamp", "message", "ingestionTime", "eventId"]

    func recognises(_ sample: ContentSample) -> Bool {
        guard let key = sample.firstKey else { return false }
        return Self.eventKeys.contains(key)
    }

    func read(_ window: ByteWindow, _ context: ContainerContext, into sink: ContainerSink) throws -> String {
        var reader = CloudWatchJSONReader(defaultStream: context.streamFromPath, defaultGroup: context.options.logGroup)
        defer { if let note = reader.nonStringNote { sink.note(note) } }
        try reader.readEventPerObject(window, into: sink)
        return name
    }
}
