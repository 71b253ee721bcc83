/// One way log events (or AWS configuration) reach disk. A new container is one file with a
/// type conforming to this protocol and one entry in `ContainerReaders.all`; its `examples`
/// (files under `samples/`) are then checked by `ContainerReaderTests` to be recognised by this
/// entry and read without a problem.
protocol ContainerReader: Sendable {
    /// Stored in `source.container` unless `read` names a more precise one.
    var name: String { get }
    /// Real example files, relative to `samples/`, that this entry must recognise first.
    var examples: [String] { get }
    /// What reading it stores (log events unless said otherwise).
    var yields: ContainerYield { get }
    /// Whether a file with this content sample and path is this container.
    func recognises(_ sample: ContentSample) -> Bool
    /// Reads the content into `sink`; returns the container's name as read (`name` or a variant).
    func read(_ window: ByteWindow, _ context: ContainerContext, into sink: ContainerSink) throws -> String
}

/// What a container's files give: log events, configuration, metric points (or results that
/// wait for their queries file), the queries that name get-metric-data results, or nothing (a
/// format recognised only to be refused with a problem that says what to export instead).
enum ContainerYield: Sendable {
    case events, configuration, metricPoints, metricQueries, nothing
}

extension ContainerReader {
    var yields: ContainerYield { .events }
}

/// What a reader is told about the file it reads.
struct ContainerContext {
    var path: String
    var options: IngestOptions
    /// `<prefix>/<taskId>/<stream…>/000000.gz` of a CreateExportTask object.
    var exportLayout: (taskId: String, stream: String)?
    /// How the sampled lines fit the text layouts.
    var vote: TextLayoutVote

    /// The stream for events whose container names none: `--log-stream`, else the file name.
    var streamFromPath: String { options.logStream ?? InputPaths.streamName(fromPath: path) }
}

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
