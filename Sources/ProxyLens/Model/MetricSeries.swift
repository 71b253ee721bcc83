import Foundation

/// What identifies one CloudWatch metric series: namespace, metric name, dimensions, statistic,
/// period and unit (the `metric_point` columns besides time, value and source).
public struct MetricSeries: Hashable, Sendable {
    public var namespace: String
    public var metric: String
    public var dimensions: [String: String]
    public var stat: String
    public var periodSeconds: Int
    /// CloudWatch's unit name (`Count`, `Microseconds`, …); `None` when the export names none.
    public var unit: String

    public init(namespace: String, metric: String, dimensions: [String: String], stat: String, periodSeconds: Int, unit: String) {
        self.namespace = namespace
        self.metric = metric
        self.dimensions = dimensions
        self.stat = stat
        self.periodSeconds = periodSeconds
        self.unit = unit
    }

    /// The dimensions as canonical JSON: keys sorted, no white space (`{"ProxyName":"p"}`).
    public var dimensionsJSON: String { Self.canonicalJSON(dimensions) }

    public static func canonicalJSON(_ dimensions: [String: String]) -> String {
        let fields = dimensions.keys.sorted().map { key in JSONQuoting.quoted(key) + ":" + JSONQuoting.quoted(dimensions[key] ?? "") }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
