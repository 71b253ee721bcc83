/// The root causes proxylens tells apart, from the seed article's failure model.
public enum Cause: String, CaseIterable, Codable, Sendable, Comparable {
    /// A warm instance reused a client connection the proxy had already closed.
    case staleConnection = "stale-connection"
    /// A statement ran past its timeout on a healthy connection.
    case queryTimeout = "query-timeout"
    /// Connect, login or borrow-from-pool timed out.
    case connectionTimeout = "connection-timeout"
    /// The function timed out mid-transaction on a pinned session and held a database connection.
    case lambdaTimeoutPinningLeak = "lambda-timeout-pinning-leak"
    /// Application errors, out-of-memory kills, timeouts with no transaction open.
    case unclassified

    /// Canonical order, used to break ties when ranking.
    public var rank: Int {
        switch self {
        case .staleConnection: return 0
        case .queryTimeout: return 1
        case .connectionTimeout: return 2
        case .lambdaTimeoutPinningLeak: return 3
        case .unclassified: return 4
        }
    }

    public static func < (lhs: Cause, rhs: Cause) -> Bool { lhs.rank < rhs.rank }

    /// One line a person reads in a report.
    public var summary: String {
        switch self {
        case .staleConnection: return "a warm instance reused a connection the proxy had already closed"
        case .queryTimeout: return "a statement ran past its timeout on a healthy connection"
        case .connectionTimeout: return "connecting, logging in or borrowing a pooled connection timed out"
        case .lambdaTimeoutPinningLeak: return "the function timed out mid-transaction on a pinned proxy session"
        case .unclassified: return "not a database connection problem (application error, OOM kill, timeout with no transaction open)"
        }
    }
}
