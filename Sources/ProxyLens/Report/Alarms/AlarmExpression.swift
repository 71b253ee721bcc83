import Foundation

/// A metric-math expression over an alarm's metrics; its value is what the alarm compares.
public struct AlarmExpression: Sendable {
    public var id: String
    public var expression: String
    public var label: String
}
