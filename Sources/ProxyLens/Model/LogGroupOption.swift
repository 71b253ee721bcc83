import Foundation

/// One `--log-group` value: `GROUP` for every input, or `PATH=GROUP` for the files at or under
/// PATH. Exports that do not name their log group (a page saved from `filter-log-events`, a
/// tail file) otherwise get one guessed from the file's path, and a guess can be wrong; several
/// exports in one run need one group each.
public struct LogGroupOption: Sendable, Equatable {
    /// The file or folder it applies to; nil: every input.
    public var path: String?
    public var group: String

    public init(path: String?, group: String) {
        self.path = path
        self.group = group
    }

    /// Reads one value. A CloudWatch log group name holds no `=`, so a value with one is
    /// `PATH=GROUP` when the text before an `=` is an existing file or folder (or `-`); else it is
    /// taken whole as a group for every input, and `note` says so (the PATH may be a typo).
    public static func parse(_ value: String, exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) })
        throws -> (option: LogGroupOption, note: String?) {
        guard !value.isEmpty else { throw ProxyLensError(.usage, "--log-group", "an empty value; give GROUP or PATH=GROUP") }
        var index = value.startIndex
        while let equals = value[index...].firstIndex(of: "=") {
            let path = String(value[..<equals])
            if !path.isEmpty, path == "-" || exists(path) {
                let group = String(value[value.index(after: equals)...])
                guard !group.isEmpty else { throw ProxyLensError(.usage, "--log-group", "'\(value)': no log group after '='; give PATH=GROUP") }
                return (LogGroupOption(path: path, group: group), nil)
            }
            index = value.index(after: equals)
        }
        var note: String?
        if let equals = value.firstIndex(of: "=") {
            // What follows is a possible group name: PATH=GROUP was meant, with a wrong PATH.
            let group = value[value.index(after: equals)...]
            if !group.isEmpty, group.utf8.allSatisfy({ groupNameBytes.contains($0) }) {
                throw ProxyLensError(.usage, "--log-group", "'\(value)': no file or folder '\(value[..<equals])'")
            }
            note = "--log-group '\(value)': no file or folder '\(value[..<equals])', so it is taken as one log group for every input (a CloudWatch log group name holds no '=')"
        }
        return (LogGroupOption(path: nil, group: value), note)
    }

    /// The bytes CloudWatch allows in a log group name: letters, digits, `_ - / . #`.
    static let groupNameBytes = Set(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-/.#".utf8))

    /// True when `file` is `path` or lies under it (both taken from the current folder when relative).
    public func covers(_ file: String) -> Bool {
        guard let path else { return true }
        if path == "-" || file == "-" { return path == file }
        let folder = Self.absolute(path), candidate = Self.absolute(file)
        return candidate == folder || folder == "/" || candidate.hasPrefix(folder + "/")
    }

    /// `path` from the root, without `.` components, repeated or trailing slashes.
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return "/" + full.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }

    /// The group for `file` among `options`: the most specific PATH that covers it, else the one
    /// given for every input; nil when none applies.
    public static func group(forFile file: String, in options: [LogGroupOption]) -> String? {
        let covering = options.filter { $0.path != nil && $0.covers(file) }
        if let best = covering.max(by: { absolute($0.path ?? "").count < absolute($1.path ?? "").count }) { return best.group }
        return options.last { $0.path == nil }?.group
    }

    /// Refuses two groups for one PATH, or two for every input: which one was meant is unknown.
    public static func checkDistinct(_ options: [LogGroupOption]) throws {
        var seen: [String: String] = [:]
        for option in options {
            let key = option.path.map(absolute) ?? "*"
            if let earlier = seen[key], earlier != option.group {
                throw ProxyLensError(.usage, "--log-group", "two groups for \(option.path.map { "'\($0)'" } ?? "every input"): '\(earlier)' and '\(option.group)'")
            }
            seen[key] = option.group
        }
    }
}
