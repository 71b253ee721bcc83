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

    /// +1 when the line begins a transaction, -1 when it ends one, 0 otherwise. Runs on every
    /// application line at ingest, so it works on bytes and gives up after one pass over lines
    /// that mention no transaction (most of them).
    public static func effect(bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard mentionsTransaction(bytes) else { return 0 }
        if beginBytes.contains(where: { containsWord(bytes, $0) }) { return 1 }
        if endBytes.contains(where: { containsWord(bytes, $0) }) { return -1 }
        return 0
    }

    public static func effect(of line: String) -> Int {
        var copy = line
        return copy.withUTF8 { effect(bytes: $0) }
    }

    private static let beginBytes = begin.map { Array($0.utf8) }
    private static let endBytes = end.map { Array($0.utf8) }

    /// True when `byte` is `lower` (a lower-case ASCII letter or another ASCII byte) in either case.
    @inline(__always)
    private static func matches(_ byte: UInt8, _ lower: UInt8) -> Bool {
        byte == lower || (lower >= 0x61 && lower <= 0x7a && byte | 0x20 == lower)
    }

    /// Every marker contains "tran", "commit" or "roll" (in any case).
    static func mentionsTransaction(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 4 else { return false }
        var i = 0
        let last = bytes.count - 4
        while i <= last {
            switch bytes[i] | 0x20 {
            case UInt8(ascii: "t"):
                if matches(bytes[i + 1], 0x72), matches(bytes[i + 2], 0x61), matches(bytes[i + 3], 0x6e) { return true }
            case UInt8(ascii: "c"):
                if i + 5 < bytes.count, matches(bytes[i + 1], 0x6f), matches(bytes[i + 2], 0x6d), matches(bytes[i + 3], 0x6d),
                   matches(bytes[i + 4], 0x69), matches(bytes[i + 5], 0x74) { return true }
            case UInt8(ascii: "r"):
                if matches(bytes[i + 1], 0x6f), matches(bytes[i + 2], 0x6c), matches(bytes[i + 3], 0x6c) { return true }
            default:
                break
            }
            i += 1
        }
        return false
    }

    /// `needle` (lower case) in `text` in any case, starting at a word boundary (so "commit" is
    /// not found in "ReadCommitted").
    static func containsWord(_ text: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, text.count >= needle.count else { return false }
        var i = 0
        while i + needle.count <= text.count {
            if matches(text[i], needle[0]) {
                var k = 1
                while k < needle.count, matches(text[i + k], needle[k]) { k += 1 }
                if k == needle.count {
                    let before = i == 0 ? UInt8(ascii: " ") : text[i - 1]
                    let isLetter = (before | 0x20) >= UInt8(ascii: "a") && (before | 0x20) <= UInt8(ascii: "z")
                    if !isLetter { return true }
                }
            }
            i += 1
        }
        return false
    }
}
