/// The CloudWatch console's CSV download of a graph: a header whose first column is the time and
/// whose other columns are the graphed series' labels, then one row per period. A label names
/// its series when it holds the metric name, the proxy or function and the statistic (the dynamic
/// label `${PROP('Dim.ProxyName')} ${PROP('MetricName')} ${PROP('Stat')}`).
struct MetricCSVContainer: ContainerReader {
    let name = "metrics-console-csv"
    let yields = ContainerYield.metricPoints
    let examples = ["metrics/orders-pg-proxy/console-graph_orders-pg-proxy.csv"]

    /// Header names the console's first column may have.
    static let timeColumns: Set<String> = ["time", "timestamp", "date", "label", "datetime"]

    func recognises(_ sample: ContentSample) -> Bool {
        guard sample.firstKey == nil, sample.firstByte != UInt8(ascii: "{"), sample.firstByte != UInt8(ascii: "[") else { return false }
        let lines = sample.bytes.prefix(8192).split(separator: 0x0a, maxSplits: 2, omittingEmptySubsequences: true)
        guard lines.count >= 2 else { return false }
        let header = MetricExportReader.csvRecords(String(decoding: lines[0], as: UTF8.self)).first?.fields ?? []
        guard header.count >= 2, Self.timeColumns.contains(header[0].trimmingCharacters(in: .whitespaces).lowercased()) else { return false }
        let row = MetricExportReader.csvRecords(String(decoding: lines[1], as: UTF8.self)).first?.fields ?? []
        return row.first.flatMap(Timestamp.parse) != nil
    }

    func read(_ window: ByteWindow, _ context: ContainerContext, into sink: ContainerSink) throws -> String {
        try MetricExportReader(path: context.path).readCSV(window, into: sink)
        return name
    }
}
