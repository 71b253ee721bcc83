import Foundation

/// One CloudWatch metric an alarm reads (a `MetricStat`): namespace, name and dimensions as AWS
/// documents them, the period and the statistic.
public struct AlarmMetric: Sendable {
    /// The metric's id in a metric-math alarm (starts with a lower-case letter).
    public var id: String
    public var namespace: String
    public var metricName: String
    /// (Name, Value) in the order AWS lists the dimension set.
    public var dimensions: [(name: String, value: String)]
    public var periodSeconds: Int
    public var stat: String
}
