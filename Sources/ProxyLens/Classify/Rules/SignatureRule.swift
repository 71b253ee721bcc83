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
    /// `needles` folded once, for tolerant matching.
    private let foldedNeedles: [String]

    init(_ name: String, driver: String, _ signal: ErrorSignal, all needles: [String], tolerant: Bool = false, examples: [String]) {
        self.name = name
        self.driver = driver
        self.signal = signal
        self.needles = needles
        self.tolerant = tolerant
        self.examples = examples
        foldedNeedles = tolerant ? needles.map(SignatureRule.fold) : []
    }

    public func matches(_ text: String, folded: String) -> Bool {
        if tolerant {
            return foldedNeedles.allSatisfy { folded.contains($0) }
        }
        return needles.allSatisfy { text.contains($0) }
    }

    /// Lower case, runs of white space collapsed to one space.
    public static func fold(_ text: String) -> String {
        // ASCII (nearly every error message) is folded byte by byte; the Character loop below
        // costs a hundred times more on a long stack trace.
        var copy = text
        return copy.withUTF8({ foldASCII($0) }) ?? foldCharacters(text)
    }

    /// `fold` by Characters: the definition, which `foldASCII` must agree with (a test checks).
    static func foldCharacters(_ text: String) -> String {
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

    /// `fold` of ASCII text (and two non-ASCII spaces); nil for any other text.
    static func foldASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var lastSpace = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte >= 0x80 {
                // U+00A0 and U+0085 (Python tracebacks indent with the first) are white space;
                // any other non-ASCII character takes the slow path.
                guard byte == 0xc2, i + 1 < bytes.count, bytes[i + 1] == 0xa0 || bytes[i + 1] == 0x85 else { return nil }
                if !lastSpace { out.append(0x20) }
                lastSpace = true
                i += 2
                continue
            }
            // White space as Character sees it in ASCII; "\r\n" is one Character, and collapses the same.
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0d) {
                if !lastSpace { out.append(0x20) }
                lastSpace = true
            } else {
                out.append(byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte)
                lastSpace = false
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The first rule matching `text`.
    public static func match(_ text: String) -> SignatureRule? {
        let folded = fold(text)
        return all.first { $0.matches(text, folded: folded) }
    }
}
