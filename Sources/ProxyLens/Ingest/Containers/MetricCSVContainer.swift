/// The CloudWatch console's CSV download of a metrics graph: rows named in the first column (`Id`,
/// `StatusCode`, `Messages`, `Full label`, `Label`), then one row per period
/// (`2026/02/14 15:00:00,2.08…`). Each series is named by its `Full label`
/// (`us-east-1:AWS/RDS ProxyName:orders-pg-proxy DatabaseConnectionsCurrentlyBorrowed Sum 60`).
struct MetricCSVContainer: ContainerReader {
    let name = "metrics-console-csv"
    let yields = ContainerYield.metricPoints
    /// The real download (EC2, one series) and the RDS Proxy graph written in its layout.
    let examples = ["containers/metrics-console-csv/AegisCloud-ML_cpu_real.csv", "metrics/orders-pg-proxy/console-graph_orders-pg-proxy.csv"]

    /// Told by its first two rows' names: `Id` with at least one series, then another row the
    /// download writes before its data (`StatusCode` in the real one). No log export begins so.
    func recognises(_ sample: ContentSample) -> Bool {
        guard sample.firstKey == nil, sample.firstByte == UInt8(ascii: "I") || sample.firstByte == 0xef else { return false }
        // The first two lines (a graph of many series has a long Full label row, not these).
        let lines = sample.bytes.split(separator: 0x0a, maxSplits: 2, omittingEmptySubsequences: false).prefix(2)
        let records = lines.compactMap { MetricConsoleCSVReader.csvRecords(String(decoding: $0, as: UTF8.self)).first }
        guard records.count == 2, let id = records.first, id.fields.first == "Id", id.fields.count >= 2,
              let next = records.last?.fields.first else { return false }
        return MetricConsoleCSVReader.preambleRows.dropFirst().contains(next)
    }

    func read(_ window: ByteWindow, _ context: ContainerContext, into sink: ContainerSink) throws -> String {
        try MetricConsoleCSVReader(path: context.path).read(window, into: sink)
        return name
    }
}
