/// The `--metric-data-queries` JSON of `get-metric-data` (an array of `MetricDataQuery`: `Id`,
/// `MetricStat` {`Metric` {`Namespace`, `MetricName`, `Dimensions`}, `Period`, `Stat`, `Unit`} or
/// `Expression`, `Label`, `ReturnData`), or a `--cli-input-json` document holding them as
/// `MetricDataQueries`: what names the results of a response (matched on `Id`).
struct MetricQueriesContainer: ContainerReader {
    let name = "metrics-queries"
    let yields = ContainerYield.metricQueries
    let examples = [
        "metrics/orders-pg-proxy/metric-data-queries_orders-pg-proxy.json",
        "metrics/ledger-sql-proxy/metric-data-queries_ledger-sql-proxy.json",
    ]

    func recognises(_ sample: ContentSample) -> Bool {
        if sample.firstKey == "MetricDataQueries" { return true }
        // `[` then `{` then the key "Id", white space allowed between.
        var significant: [UInt8] = []
        for byte in sample.bytes.prefix(256) where byte > 0x20 {
            significant.append(byte)
            if significant.count == 6 { break }
        }
        return significant == Array("[{\"Id\"".utf8)
    }

    func read(_ window: ByteWindow, _ context: ContainerContext, into sink: ContainerSink) throws -> String {
        try MetricExportReader(path: context.path).readQueries(window, into: sink)
        return name
    }
}
