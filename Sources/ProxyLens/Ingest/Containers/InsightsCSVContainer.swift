/// The Logs Insights console's CSV download (`@timestamp,@message,…` header).
struct InsightsCSVContainer: ContainerReader {
    let name = "insights-csv"
    let examples = ["containers/insights/console-export.csv"]

    func recognises(_ sample: ContentSample) -> Bool { sample.textVote.csvHeader }

    func read(_ window: ByteWindow, _ context: ContainerContext, into sink: ContainerSink) throws -> String {
        var reader = InsightsCSVReader(json: CloudWatchJSONReader(defaultStream: context.streamFromPath, defaultGroup: context.options.logGroup))
        try reader.read(window, into: sink)
        return name
    }
}
