/// What a driver or proxy error string says happened, before correlation decides the cause.
public enum ErrorSignal: String, Sendable, CaseIterable {
    /// The connection was dead or reset when it was used.
    case staleConnection = "stale"
    /// A statement ran past its timeout.
    case queryTimeout = "query-timeout"
    /// Connecting, logging in, or borrowing from a pool timed out.
    case connectionTimeout = "connection-timeout"
    /// The proxy could not lend a database connection in time (its pool was exhausted).
    case borrowTimeout = "borrow-timeout"
    /// A timeout whose phase (connect or query) the text alone does not tell.
    case ambiguousTimeout = "ambiguous-timeout"
    /// A transaction left broken by an earlier failure on the same connection.
    case transactionState = "transaction-state"
    /// The proxy or server refused the connection outright (connection or rate limits, connect
    /// failures): a connect-phase failure, reported with connection timeouts at lower confidence.
    case connectionRejected = "connection-rejected"
    /// Memory exhausted: the runtime was killed.
    case outOfMemory = "out-of-memory"
}

/// One driver or proxy error signature: real example lines, the substrings that identify it, and
/// what it signals. Rules are tried in the order of `SignatureRule.all`; a test checks that every
/// example is matched by its own rule, so no rule shadows another.
public struct SignatureRule: Sendable {
    public let name: String
    public let driver: String
    public let signal: ErrorSignal
    /// Every needle must occur (case-sensitive unless `tolerant`).
    public let needles: [String]
    /// For [U] strings: match case-insensitively with white space collapsed.
    public let tolerant: Bool
    public let examples: [String]

    init(_ name: String, driver: String, _ signal: ErrorSignal, all needles: [String], tolerant: Bool = false, examples: [String]) {
        self.name = name
        self.driver = driver
        self.signal = signal
        self.needles = needles
        self.tolerant = tolerant
        self.examples = examples
    }

    public func matches(_ text: String, folded: String) -> Bool {
        if tolerant {
            return needles.allSatisfy { folded.contains(SignatureRule.fold($0)) }
        }
        return needles.allSatisfy { text.contains($0) }
    }

    /// Lower case, runs of white space collapsed to one space.
    public static func fold(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var lastSpace = false
        for ch in text.lowercased() {
            if ch.isWhitespace {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.append(ch)
                lastSpace = false
            }
        }
        return out
    }

    /// The first rule matching `text`.
    public static func match(_ text: String) -> SignatureRule? {
        let folded = fold(text)
        return all.first { $0.matches(text, folded: folded) }
    }
}
