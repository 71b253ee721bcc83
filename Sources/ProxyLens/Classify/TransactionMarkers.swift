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

    /// +1 when the line begins a transaction, -1 when it ends one, 0 otherwise (a begin marker
    /// wins over an end marker). Runs on every application line at ingest, so it works on bytes,
    /// gives up early on lines that mention no transaction (most of them), and otherwise looks
    /// only at word starts, once.
    public static func effect(bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress, proxylens_mentions_transaction(base, bytes.count) == 1 else { return 0 }
        var result = 0
        markerText.withUnsafeBufferPointer { text in
            markerBounds.withUnsafeBufferPointer { markers in
                var i = 0
                scan: while i < bytes.count {
                    let before = i == 0 ? UInt8(ascii: " ") : bytes[i - 1]
                    if !isLetter(before), startsMarker[Int(bytes[i] | 0x20)] {
                        for marker in markers where marker.effect == 1 || result == 0 {
                            guard matches(bytes, at: i, UnsafeBufferPointer(rebasing: text[marker.start..<(marker.start + marker.count)])) else { continue }
                            result = marker.effect
                            if result == 1 { break scan }
                        }
                    }
                    i += 1
                }
            }
        }
        return result
    }

    /// All markers, lower case, one after another, with (start, count, effect) for each.
    private static let markerText: [UInt8] = (begin + end).flatMap { Array($0.utf8) }
    private static let markerBounds: [(start: Int, count: Int, effect: Int)] = {
        var start = 0
        return (begin.map { ($0, 1) } + end.map { ($0, -1) }).map { marker, effect in
            defer { start += marker.utf8.count }
            return (start, marker.utf8.count, effect)
        }
    }()
    /// The first letters of the markers, in either case.
    private static let startsMarker: [Bool] = (0..<256).map { byte in (begin + end).contains { $0.utf8.first == UInt8(byte) } }

    public static func effect(of line: String) -> Int {
        var copy = line
        return copy.withUTF8 { effect(bytes: $0) }
    }

    @inline(__always)
    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// `needle` (lower case) at `start` of `text` in any case.
    @inline(__always)
    private static func matches(_ text: UnsafeBufferPointer<UInt8>, at start: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard start + needle.count <= text.count else { return false }
        for k in 0..<needle.count where !matches(text[start + k], needle[k]) { return false }
        return true
    }

    /// True when `byte` is `lower` (a lower-case ASCII letter or another ASCII byte) in either case.
    @inline(__always)
    private static func matches(_ byte: UInt8, _ lower: UInt8) -> Bool {
        byte == lower || (lower >= 0x61 && lower <= 0x7a && byte | 0x20 == lower)
    }
}
