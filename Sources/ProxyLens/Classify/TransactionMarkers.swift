import CSupport

/// Application log lines that say a database transaction began or ended. A timeout while the
/// invocation's own log shows a transaction begun and not finished is what tells a pinning leak
/// from a timeout in a downstream call. Matched case-insensitively as substrings.
public enum TransactionMarkers {
    public static let begin: [String] = [
        "begin transaction",        // db: begin transaction (reserve stock for ord_…)
        "beginning transaction",    // Beginning transaction for batch 213799 (IsolationLevel=ReadCommitted)
        "begintransaction",         // connection.BeginTransaction()
        "start transaction",
        "starting transaction",
        "transaction started",
        "transaction begun",
        "opened transaction",
        "begin tran",
    ]
    public static let end: [String] = [
        "commit",                   // db: commit / Committed transaction / COMMIT
        "rollback",
        "rolled back",
        "transaction complete",
        "transaction finished",
        "end transaction",
    ]

    /// Byte stems at least one of which every marker contains (in either case); lines without
    /// any of them are skipped without building a String.
    static let stems: [StaticString] = ["rans", "RANS", "Rans", "egin tran", "EGIN TRAN", "ommit", "OMMIT", "ollback", "OLLBACK", "olled back", "OLLED BACK"]

    /// The same as `effect(of:)`, on raw message bytes, cheap for lines that mention no transaction.
    public static func effect(bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress, bytes.count >= 4 else { return 0 }
        let hit = stems.contains { proxylens_memmem(base, bytes.count, $0.utf8Start, $0.utf8CodeUnitCount) != nil }
        return hit ? effect(of: String(decoding: bytes, as: UTF8.self)) : 0
    }

    /// +1 when the line begins a transaction, -1 when it ends one, 0 otherwise.
    public static func effect(of line: String) -> Int {
        let lower = line.lowercased()
        if begin.contains(where: { containsWord(lower, $0) }) { return 1 }
        if end.contains(where: { containsWord(lower, $0) }) { return -1 }
        return 0
    }

    /// `needle` starting at a word boundary (so "commit" is not found in "ReadCommitted").
    static func containsWord(_ text: String, _ needle: String) -> Bool {
        let bytes = Array(text.utf8), pattern = Array(needle.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return false }
        var i = 0
        while i + pattern.count <= bytes.count {
            if bytes[i] == pattern[0], bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
                let before = i == 0 ? UInt8(ascii: " ") : bytes[i - 1]
                let isLetter = (before | 0x20) >= UInt8(ascii: "a") && (before | 0x20) <= UInt8(ascii: "z")
                if !isLetter { return true }
            }
            i += 1
        }
        return false
    }
}
