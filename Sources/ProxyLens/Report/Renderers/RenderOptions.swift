import Foundation

/// What a renderer may take into account besides the report.
public struct RenderOptions: Sendable {
    public var thresholds: [FailThreshold] = []
    public var color = false
    public var top = 10
    /// When the report was generated (epoch ms): `ReportStamp.now()` unless fixed.
    public var generatedAt: Int64
    /// The terminal's width in columns (the table format; 100 when piped).
    public var width = 100
    /// Whole values in the table format: no cutting, no fitting to the width.
    public var wide = false
    public var version = ProxyLensVersion.current
    public init(thresholds: [FailThreshold] = [], color: Bool = false, top: Int = 10, generatedAt: Int64? = nil, width: Int = 100, wide: Bool = false) {
        self.thresholds = thresholds
        self.color = color
        self.top = top
        self.generatedAt = generatedAt ?? ReportStamp.now()
        self.width = max(40, width)
        self.wide = wide
    }
}
