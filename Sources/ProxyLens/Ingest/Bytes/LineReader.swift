/// Splits a byte window into lines (without the `\n`, and without a `\r` before it), counting them.
struct LineReader {
    let window: ByteWindow
    private(set) var lineNumber = 0
    /// Set when the last line returned had no `\n` because the input ended.
    private(set) var endedWithoutNewline = false

    init(_ window: ByteWindow) { self.window = window }

    struct LineTooLong: Error { var line: Int }

    /// The next line's bytes, or nil at the end. The buffer is only valid until the next call.
    mutating func next() throws -> UnsafeBufferPointer<UInt8>? {
        var scanned = 0
        while true {
            let base = window.pointer + window.position
            let count = window.available
            if let hit = memchr(base + scanned, 0x0a, count - scanned) {
                let length = hit.assumingMemoryBound(to: UInt8.self) - base
                window.position += length + 1
                lineNumber += 1
                var end = length
                if end > 0 && base[end - 1] == 0x0d { end -= 1 }
                return UnsafeBufferPointer(start: base, count: end)
            }
            scanned = count
            let grew: Bool
            do { grew = try window.fill() } catch is ByteWindow.WindowOverflow {
                throw LineTooLong(line: lineNumber + 1)
            }
            if !grew {
                if window.available == 0 { return nil }
                let base = window.pointer + window.position
                let length = window.available
                window.position += length
                lineNumber += 1
                endedWithoutNewline = true
                return UnsafeBufferPointer(start: base, count: length)
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
