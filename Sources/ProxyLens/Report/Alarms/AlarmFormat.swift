import Foundation

/// An `alarms --format` value: the name of one of `AlarmRenderer.all`.
public struct AlarmFormat: RawRepresentable, Hashable, Sendable, CaseIterable {
    public let rawValue: String
    public init?(rawValue: String) {
        guard AlarmRenderer.all.contains(where: { $0.name == rawValue }) else { return nil }
        self.rawValue = rawValue
    }
    private init(known: String) { rawValue = known }
    public static var allCases: [AlarmFormat] { AlarmRenderer.all.map { AlarmFormat(known: $0.name) } }
    public static let cloudformation = AlarmFormat(known: "cloudformation"), terraform = AlarmFormat(known: "terraform"), cli = AlarmFormat(known: "cli")
    public var summary: String { AlarmRenderer.all.first { $0.name == rawValue }?.summary ?? "" }
    /// One document per alarm: `--output` names a folder.
    public var perAlarm: Bool { AlarmRenderer.all.first { $0.name == rawValue }?.perAlarm ?? false }
}
