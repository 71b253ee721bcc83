/// `aws cloudwatch get-metric-statistics` output (JSON): `Label` (the metric name) and
/// `Datapoints[]` (unordered) with `Timestamp`, any of `SampleCount`, `Average`, `Sum`, `Minimum`,
/// `Maximum`, `Unit`, or `ExtendedStatistics`. The response names no dimensions: the proxy or
/// function comes from the file name (`get-metric-statistics_<proxy>_<MetricName>.json`).
struct MetricStatisticsContainer: ContainerReader {
    let name = "metrics-get-metric-statistics"
    let yields = ContainerYield.metricPoints
    let examples = [
        "metrics/orders-pg-proxy/get-metric-statistics_orders-pg-proxy_ClientConnections.json",
        "metrics/functions/get-metric-statistics_orders-api_Throttles.json",
        "metrics/functions/get-metric-statistics_billing-worker_Duration.json",
    ]

    /// The CLI prints `Label` first (AWS CLI v2, in the output shape's order); older examples show `Datapoints` first.
    func recognises(_ sample: ContentSample) -> Bool { sample.firstKey == "Label" || sample.firstKey == "Datapoints" }

    func read(_ window: ByteWindow, _ context: ContainerContext, into sink: ContainerSink) throws -> String {
        try MetricExportReader(path: context.path).readStatistics(window, into: sink)
        return name
    }
}
