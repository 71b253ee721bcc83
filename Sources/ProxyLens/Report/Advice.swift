/// What the seed article says to change, by cause and by pin reason.
public enum Advice {
    public static func forCause(_ cause: String) -> String {
        switch Cause(rawValue: cause) {
        case .staleConnection:
            return "Use the hybrid connection pattern: keep the connection in global scope but validate it (SELECT 1) before use and reconnect when it fails; set IdleClientTimeout to 300-600 s to match the Lambda warm pool."
        case .queryTimeout:
            return "The connection is still valid: retry or fail the request without reconnecting. Set query timeouts below the Lambda timeout (e.g. 25 s for 30 s), optimise the slow statements, and size ConnectionBorrowTimeout for real query times."
        case .connectionTimeout:
            return "Connect, login or borrow timed out. If the pool was held by pinned or leaked sessions, fix those first; size the proxy pool (MaxConnectionsPercent) for worst-case pinned concurrency and reduce reserved concurrency to match available connections."
        case .lambdaTimeoutPinningLeak:
            return "Enforce query timeouts shorter than the Lambda timeout and close the connection before Lambda kills the function; keep the Lambda timeout well under ConnectionBorrowTimeout; avoid pinning (SET statements, prepared statements, temp tables) so a dead session does not hold a database connection."
        case .unclassified:
            return "Not a database connection problem by the evidence: group them by fingerprint (proxylens failures --group) and fix the application errors, memory limits or downstream timeouts they show."
        case nil:
            return ""
        }
    }

    public static func pinningRemedy(reason: String, digest: String?) -> String {
        let lower = reason.lowercased() + " " + (digest ?? "").lowercased()
        if lower.contains("16384 byte") || lower.contains("byte limit") {
            return "Statements over 16 KB always pin: split large IN lists or batch inserts into smaller statements."
        }
        if lower.contains("parse message") || lower.contains("prepared statement") {
            return "Prepared statements pin: use the driver's unnamed/simple protocol (e.g. disable server-side prepares) or parameterised queries without explicit PREPARE."
        }
        if lower.contains("session settings") || lower.contains(" set ") || lower.hasPrefix("set") {
            return "SET statements pin: move them (e.g. \(digest.map { "\"\($0)\"" } ?? "SET ANSI_NULLS, QUOTED_IDENTIFIER")) into the proxy's initialization query (InitQuery), or use SessionPinningFilters EXCLUDE_VARIABLE_SETS."
        }
        if lower.contains("temporary") || lower.contains("temp table") {
            return "Temporary tables pin: prefer CTEs or table variables."
        }
        if lower.contains("cursor") { return "Cursors pin: avoid server-side cursors." }
        if lower.contains("lock") { return "Advisory or table locks pin: release them within the invocation or avoid them." }
        return "Find the statement that triggers it (enable DebugLogging briefly) and avoid it, or complete the related work within one invocation."
    }
}
