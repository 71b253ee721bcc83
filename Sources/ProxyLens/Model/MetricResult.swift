import Foundation

/// What a metric export holds for one series: its points, and either what the series is or, for
/// a `get-metric-data` result whose queries file is elsewhere, the query `Id` and `Label` to
/// resolve it by later.
public struct MetricResult: Sendable {
    public var series: MetricSeries?
    /// `Id` of the `get-metric-data` query (nil for the other exports).
    public var queryId: String?
    public var label: String
    public var points: [MetricPoint]
    /// 1-based line of the result in its file.
    public var line: Int?
    /// What the label names (`KnownMetric.series(fromLabel:)`), used for a get-metric-data
    /// result when no queries file names its Id.
    public var labelSeries: MetricSeries?

    public init(series: MetricSeries?, queryId: String?, label: String, points: [MetricPoint], line: Int? = nil, labelSeries: MetricSeries? = nil) {
        self.series = series
        self.labelSeries = labelSeries
        self.queryId = queryId
        self.label = label
        self.points = points
        self.line = line
    }
}
