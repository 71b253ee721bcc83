/// `aws cloudwatch get-metric-data` output (JSON): `MetricDataResults[]` with `Id`, `Label`,
/// `Timestamps` (ISO-8601 with offset, newest first by default), `Values`, `StatusCode`; a page
/// (`--no-paginate`, `--max-items`) with `NextToken`; `Messages`. Pages may be concatenated. The
/// response does not name the metric: the `--metric-data-queries` file does (`MetricQueriesContainer`).
struct MetricDataContainer: ContainerReader {
    let name = "metrics-get-metric-data"
    let yields = ContainerYield.metricPoints
    let examples = [
        "metrics/orders-pg-proxy/get-metric-data_orders-pg-proxy.json",
        "metrics/orders-pg-proxy/get-metric-data_orders-pg-proxy_page1.json",
        "metrics/ledger-sql-proxy/get-metric-data_ledger-sql-proxy.json",
        "metrics/functions/get-metric-data_labelled.json",
    ]

    func recognises(_ sample: ContentSample) -> Bool { sample.firstKey == "MetricDataResults" }

    func read(_ window: ByteWindow, _ context: ContainerContext, into sink: ContainerSink) throws -> String {
        try MetricExportReader(path: context.path).readMetricData(window, into: sink)
        return name
    }
}
