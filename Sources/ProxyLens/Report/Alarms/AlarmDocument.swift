import Foundation

/// One file of `alarms` output: the text, and the name it gets in an `--output` folder.
public struct AlarmDocument: Sendable {
    public var fileName: String
    public var text: String
}
