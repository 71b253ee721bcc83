import Foundation

/// One output format of `alarms`. A new format is one file with a type conforming to this and
/// one entry in `AlarmRenderer.all`; `AlarmTests` then writes the public corpus's alarms with it.
protocol AlarmRendering: Sendable {
    /// The `--format` value.
    var name: String { get }
    /// One line for `--help` and README.
    var summary: String { get }
    /// Whether it writes one document per alarm (then `--output` is a folder) or one in all.
    var perAlarm: Bool { get }
    func render(_ plan: AlarmPlan, json: Bool) -> [AlarmDocument]
}
