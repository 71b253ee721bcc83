/// Collects events in memory; used by tests and small inputs.
public final class CollectingSink: ContainerSink {
    public private(set) var events: [RawEvent] = []
    public private(set) var issues: [IngestIssue] = []
    public private(set) var configurations: [ConfigurationDocument] = []
    public private(set) var metricResults: [MetricResult] = []
    public private(set) var metricQueries: [MetricQuery] = []
    public init() {}
    public func configuration(_ document: ConfigurationDocument) throws { configurations.append(document) }
    public func metricResults(_ results: [MetricResult]) throws { metricResults += results }
    public func metricQueries(_ queries: [MetricQuery]) throws { metricQueries += queries }
    public func accept(_ event: inout RawEvent) throws { events.append(event) }
    public func note(_ issue: IngestIssue) { issues.append(issue) }
}
