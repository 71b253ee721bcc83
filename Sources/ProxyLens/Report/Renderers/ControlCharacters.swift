import Foundation

// Every escaping of text that comes from the data (log lines, stream, function and proxy
// names, file names), one type per destination, all in this file: a renderer or the CLI calls
// the one for where its text goes and escapes nothing itself.

/// Characters that steer how text is shown rather than being text.
enum ControlCharacters {
    /// C0, DEL and C1.
    @inline(__always)
    static func isControl(_ value: UInt32) -> Bool { value < 0x20 || (value >= 0x7f && value < 0xa0) }

    /// Every bidirectional formatting character: ALM, LRM, RLM, the embeddings and overrides
    /// (U+202A–U+202E) and the isolates (U+2066–U+2069); and the two Unicode line breaks.
    @inline(__always)
    static func isLayoutControl(_ value: UInt32) -> Bool {
        value == 0x061c || value == 0x200e || value == 0x200f || (value >= 0x202a && value <= 0x202e)
            || (value >= 0x2066 && value <= 0x2069) || value == 0x2028 || value == 0x2029
    }
}
