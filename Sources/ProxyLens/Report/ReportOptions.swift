import Foundation

/// Options for building a report.
public struct ReportOptions: Sendable {
    public var windowSeconds = 300
    public var filter = FailureFilter()
    public var top = 10
    /// The width of the pressure series' bins (`--series-window`); nil: sized by the span.
    public var seriesWindowSeconds: Int?
    public init(windowSeconds: Int = 300, filter: FailureFilter = FailureFilter(), top: Int = 10, seriesWindowSeconds: Int? = nil) {
        self.windowSeconds = windowSeconds
        self.filter = filter
        self.top = top
        self.seriesWindowSeconds = seriesWindowSeconds
    }
}
