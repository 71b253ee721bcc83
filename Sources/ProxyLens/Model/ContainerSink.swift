/// Where a container reader sends what it finds: log events, configuration documents, and
/// metric exports (series with their points, and the queries that name get-metric-data results).
public protocol ContainerSink: EventSink {
    func configuration(_ document: ConfigurationDocument) throws
    func metricResults(_ results: [MetricResult]) throws
    func metricQueries(_ queries: [MetricQuery]) throws
}
