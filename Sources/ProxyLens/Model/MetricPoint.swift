import Foundation

/// One value of a series at one time (epoch milliseconds UTC, the period's start).
public struct MetricPoint: Hashable, Sendable {
    public var ts: Int64
    public var value: Double
    public init(ts: Int64, value: Double) {
        self.ts = ts
        self.value = value
    }
}
