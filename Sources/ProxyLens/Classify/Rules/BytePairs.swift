/// The set of adjacent byte pairs in a text, as a 65,536-bit map: a cheap "cannot contain"
/// test before a substring search. With hundreds of catalogue entries read against every
/// failure's error text (and every line of its invocation), searching for each entry's needles
/// was the largest part of classifying; nearly every entry is ruled out by one missing pair.
struct BytePairs {
    private var bits = [UInt64](repeating: 0, count: 1_024)

    init(_ text: [UInt8]) {
        self = text.withUnsafeBufferPointer { BytePairs($0) }
    }

    init(_ text: UnsafeBufferPointer<UInt8>) {
        guard text.count > 1 else { return }
        bits.withUnsafeMutableBufferPointer { bits in
            for index in 1..<text.count {
                let pair = Int(text[index - 1]) << 8 | Int(text[index])
                bits[pair >> 6] |= 1 << UInt64(pair & 63)
            }
        }
    }

    /// False when `needle` cannot occur in the text: a pair at its start, end or a third of the
    /// way along is missing (no allocation: words are tested this way by the hundred).
    func mayContain(_ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count > 1 else { return true }
        func has(_ position: Int) -> Bool {
            let pair = Int(needle[position]) << 8 | Int(needle[position + 1])
            return bits[pair >> 6] & (1 << UInt64(pair & 63)) != 0
        }
        let last = needle.count - 2
        return has(0) && has(last) && has(last / 3) && has(2 * last / 3)
    }
}
