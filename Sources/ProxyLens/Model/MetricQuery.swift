import Foundation

/// One entry of a `--metric-data-queries` file: a metric (`MetricStat`) or an expression.
public struct MetricQuery: Sendable, Equatable {
    public var id: String
    /// The metric a `MetricStat` query reads (nil for an expression).
    public var series: MetricSeries?
    public var expression: String?
    public var label: String?
    public var periodSeconds: Int?

    public init(id: String, series: MetricSeries?, expression: String?, label: String?, periodSeconds: Int?) {
        self.id = id
        self.series = series
        self.expression = expression
        self.label = label
        self.periodSeconds = periodSeconds
    }
}
