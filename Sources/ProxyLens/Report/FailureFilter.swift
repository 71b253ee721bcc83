/// Filters for failure listings and reports.
public struct FailureFilter: Sendable {
    public var cause: Cause?
    public var function: String?
    public var since: Int64?
    public var until: Int64?

    public init(cause: Cause? = nil, function: String? = nil, since: Int64? = nil, until: Int64? = nil) {
        self.cause = cause
        self.function = function
        self.since = since
        self.until = until
    }

    /// A WHERE clause over `failure` (aliased `f`) and its arguments.
    func whereClause() -> (String, [SQLValue]) {
        var parts = ["1 = 1"]
        var arguments: [SQLValue] = []
        if let cause { parts.append("f.cause = ?"); arguments.append(.text(cause.rawValue)) }
        if let function { parts.append("f.function = ?"); arguments.append(.text(function)) }
        if let since { parts.append("f.ts >= ?"); arguments.append(.integer(since)) }
        if let until { parts.append("f.ts < ?"); arguments.append(.integer(until)) }
        return (parts.joined(separator: " AND "), arguments)
    }
}
