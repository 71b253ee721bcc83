/// One way a library or an application logs that a database transaction began or ended: the
/// words, how they must stand in the line, which library writes them (and in which of its source
/// files), and real lines. `TransactionMarkers.all` holds them in order; a test checks that every
/// example is matched by its own entry and by no earlier one.
public struct TransactionMarker: Sendable {
    /// How the text must stand in a line.
    public enum Match: Sendable {
        /// Lower-case words, found in any ASCII case at a word start (anywhere in the line).
        case words
        /// A statement a query logger printed: exactly this case, at a word start, and nothing
        /// after it on its line but white space or a `;` (`TRANSACTION (0.2ms)  BEGIN`, `BEGIN; args=None`).
        /// Prose says "begin" too ("begin processing", "-----BEGIN CERTIFICATE-----"); a
        /// logged statement stands alone.
        case statement
    }

    public let text: String
    /// +1: a transaction began; -1: it ended (committed or rolled back).
    public let effect: Int
    public let match: Match
    /// Who writes it: the ORM, driver or framework, or "application" for words apps write themselves.
    public let library: String
    /// Where the library writes it (repository and file), so the wording can be checked.
    public let source: String
    public let examples: [String]

    public init(_ text: String, effect: Int, match: Match = .words, library: String, source: String, examples: [String]) {
        self.text = text
        self.effect = effect
        self.match = match
        self.library = library
        self.source = source
        self.examples = examples
    }

    /// Whether the line holds this marker, tried the plain way: at every word start. The ingest
    /// path (`TransactionMarkers.effect(bytes:)`) finds the same answer from anchors; this one
    /// is the reference the tests hold it to, and names the entry that decided a line.
    public func matches(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        let needle = Array(text.utf8)
        guard needle.count <= bytes.count else { return false }
        for start in 0...(bytes.count - needle.count) where start == 0 || !Self.isLetter(bytes[start - 1]) {
            let same = needle.indices.allSatisfy { k in
                switch match {
                case .words: bytes[start + k] == needle[k] || (Self.isLetter(needle[k]) && bytes[start + k] | 0x20 == needle[k])
                case .statement: bytes[start + k] == needle[k]
                }
            }
            guard same else { continue }
            if match == .words || Self.statementEnds(bytes, at: start + needle.count) { return true }
        }
        return false
    }

    /// True when only spaces or tabs follow `index` up to the end of the line (or of the
    /// message) or a `;`.
    static func statementEnds(_ bytes: some Collection<UInt8>, at index: Int) -> Bool {
        for byte in bytes.dropFirst(index) {
            if byte == UInt8(ascii: ";") || byte == 0x0A || byte == 0x0D { return true }
            if byte != 0x20 && byte != 0x09 { return false }
        }
        return true
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
}
