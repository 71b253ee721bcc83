/// Every container, tried in the order of `all`; the first that recognises a file reads it.
enum ContainerReaders {
    /// - Configuration documents and the Lambda subscription event first: each is told by its
    ///   first JSON key alone, which the AWS CLI prints in a fixed order.
    /// - Log-event JSON (pages, subscription payloads, Insights JSON) before events one per line:
    ///   a page's first key is a page key; an event object's first key is an event key.
    /// - The Insights CSV before text layouts: its header line has no timestamp.
    /// - The AWS CLI's YAML (first line `events:` or `- events:`) and table (a rule of dashes and
    ///   the operation's title) before text layouts: told by their first lines alone.
    /// - Text layouts last, decided by a vote over the sampled lines (`TextLayoutVote`): each
    ///   entry takes a file only when its layout wins the vote, so their order among themselves
    ///   does not matter, except for the S3 export first, since its path layout decides whatever
    ///   its first lines look like.
    /// - Metric exports next, told by their first JSON key (`MetricDataResults`; `Label` or
    ///   `Datapoints`), or, for a queries file, an array whose first object's first key is `Id`
    ///   (before the log-event JSON, which takes any array); the console's metric CSV by its
    ///   first rows' names (`Id`, then `StatusCode`…), before the Insights CSV and text layouts.
    static let all: [any ContainerReader] = [
        ConfigurationContainer(),
        MetricDataContainer(),
        MetricStatisticsContainer(),
        MetricQueriesContainer(),
        MetricCSVContainer(),
        LambdaSubscriptionEventContainer(),
        LogEventsJSONContainer(),
        EventLinesContainer(),
        InsightsCSVContainer(),
        AWSCLIYAMLContainer(),
        AWSCLITableContainer(),
        TextLayoutContainer(layout: .s3Export),
        TextLayoutContainer(layout: .tailDetailed),
        TextLayoutContainer(layout: .proxyText),
        TextLayoutContainer(layout: .tailShort),
        AWSCLITextContainer(),
        TextLayoutContainer(layout: .awslogs),
        TextLayoutContainer(layout: .saw),
        TextLayoutContainer(layout: .cwTail),
        TextLayoutContainer(layout: .samLogs),
    ]

    /// The first container that recognises the sample, or why none does.
    static func choose(_ sample: ContentSample) -> Result<any ContainerReader, ProxyLensError> {
        if let problem = sample.problem { return .failure(ProxyLensError(.input, sample.path, problem)) }
        for reader in all where reader.recognises(sample) { return .success(reader) }
        if let key = sample.firstKey {
            return .failure(ProxyLensError(.input, sample.path, "a JSON document proxylens does not know (first key \"\(key.prefix(40))\")"))
        }
        if sample.firstByte == UInt8(ascii: "{") {
            return .failure(ProxyLensError(.input, sample.path, "an empty JSON object"))
        }
        let first = sample.bytes.prefix { $0 != 0x0a }
        return .failure(ProxyLensError(.input, sample.path, sample.textVote.noLayout + (first.isEmpty ? "" : "; it begins: \(Excerpt.of(first, limit: 80))")))
    }
}
