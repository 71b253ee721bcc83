import Foundation

/// A `--format` value: the name of one of `ReportRenderer.all`.
public struct ReportFormat: RawRepresentable, Hashable, Sendable, CaseIterable {
    public let rawValue: String
    public init?(rawValue: String) {
        guard ReportRenderer.all.contains(where: { $0.name == rawValue }) else { return nil }
        self.rawValue = rawValue
    }
    private init(known: String) { rawValue = known }
    public static var allCases: [ReportFormat] { ReportRenderer.all.map { ReportFormat(known: $0.name) } }
    public static let table = ReportFormat(known: "table"), json = ReportFormat(known: "json"), markdown = ReportFormat(known: "markdown")
    public static let csv = ReportFormat(known: "csv"), junit = ReportFormat(known: "junit"), html = ReportFormat(known: "html")
    /// The format's one-line description.
    public var summary: String { ReportRenderer.all.first { $0.name == rawValue }?.summary ?? "" }
}
