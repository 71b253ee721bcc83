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
    /// wins over an end marker). Runs on every application line at ingest, so it works on bytes:
    /// every marker holds an anchor ("tran", "comm" or "roll") a fixed number of bytes from its
    /// start, so the line is searched for anchors (most lines have none) and only the markers that
    /// would put that anchor there are compared, at that word start.
    public static func effect(bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var result = 0
        var from = 0
        markerText.withUnsafeBufferPointer { text in
            while true {
                let found = proxylens_next_transaction_anchor(base, bytes.count, from)
                guard found >= 0 else { return }
                let anchor = Int(found)
                let word = (bytes[anchor + 1] | 0x20) == UInt8(ascii: "r") ? 0 : (bytes[anchor] | 0x20) == UInt8(ascii: "c") ? 1 : 2
                for marker in markersByAnchor[word] where marker.effect == 1 || result == 0 {
                    let start = anchor - marker.anchorOffset
                    guard start >= 0, start == 0 || !isLetter(bytes[start - 1]),
                          matches(bytes, at: start, UnsafeBufferPointer(rebasing: text[marker.start..<(marker.start + marker.count)])) else { continue }
                    result = marker.effect
                    if result == 1 { return }
                }
                from = anchor + 1
            }
        }
        return result
    }

    /// The anchors, in the order `effect` numbers them: "tran" (0), "comm" (1), "roll" (2).
    static let anchors = ["tran", "comm", "roll"]

    /// A marker's place in `markerText`, its effect, and where its first anchor begins.
    struct Marker {
        let start: Int
        let count: Int
        let effect: Int
        let anchorOffset: Int
    }

    /// All markers, lower case, one after another.
    private static let markerText: [UInt8] = (begin + end).flatMap { Array($0.utf8) }
    /// For each anchor, the markers whose first anchor it is.
    static let markersByAnchor: [[Marker]] = {
        var start = 0
        var byAnchor: [[Marker]] = anchors.map { _ in [] }
        for (marker, effect) in begin.map({ ($0, 1) }) + end.map({ ($0, -1) }) {
            let bytes = Array(marker.utf8)
            let firstAnchor = (0..<max(0, bytes.count - 3)).lazy.compactMap { offset in
                anchors.firstIndex { Array($0.utf8) == Array(bytes[offset..<(offset + 4)]) }.map { (offset, $0) }
            }.first
            guard let (offset, anchor) = firstAnchor else { preconditionFailure("transaction marker without an anchor: \(marker)") }
            byAnchor[anchor].append(Marker(start: start, count: bytes.count, effect: effect, anchorOffset: offset))
            start += bytes.count
        }
        return byAnchor
    }()

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
