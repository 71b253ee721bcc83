/// The one error type users see. Every message names the input it is about.
public struct ProxyLensError: Error, CustomStringConvertible, Sendable {
    /// What kind of problem this is; it decides the exit status.
    public enum Kind: Sendable {
        /// A file or line could not be read or parsed.
        case input
        /// The database could not be opened, migrated or written.
        case database
        /// The command line asked for something that cannot be done.
        case usage
    }

    public var kind: Kind
    /// The file, database or option the problem is about.
    public var subject: String
    /// 1-based line, when the problem is inside a text input.
    public var line: Int?
    public var reason: String

    public init(_ kind: Kind, _ subject: String, line: Int? = nil, _ reason: String) {
        self.kind = kind
        self.subject = subject
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { return "\(subject):\(line): \(reason)" }
        return "\(subject): \(reason)"
    }
}
