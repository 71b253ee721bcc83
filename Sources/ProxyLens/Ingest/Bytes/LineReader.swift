/// Splits a byte window into lines (without the `\n`, and without a `\r` before it), counting them.
struct LineReader {
    let window: ByteWindow
    private(set) var lineNumber = 0
    /// Set when the last line returned had no `\n` because the input ended.
    private(set) var endedWithoutNewline = false

    init(_ window: ByteWindow) { self.window = window }

    /// A line longer than the window: `skipped` when the reader went past it to the next line
    /// (the lines after it can be read), false when no line end came within `skipLimit`.
    struct LineTooLong: Error {
        var line: Int
        var skipped = false

        /// What a line reader's container says of it: the problem to note when the reader went
        /// past the line (and reads on), else the error that ends the file.
        func noted(_ window: ByteWindow) throws -> IngestIssue {
            let limit = "a line longer than \(window.maximumWindow >> 20) MiB"
            guard skipped else {
                throw ProxyLensError(.input, "", line: line, "\(limit) (gzip bomb or binary data?), and no line end in the \(LineReader.skipLimit >> 20) MiB after it; the rest of the file is skipped")
            }
            return IngestIssue(line: line, reason: "\(limit) (binary data, or files joined?), skipped; the lines after it are read")
        }
    }

    /// How far past the window a line end is looked for: no CloudWatch event is near the window's
    /// size, so such a line is damage (binary data, a cut and joined file), and the lines after
    /// it are still worth reading; a gzip bomb with no line end is not read to its end.
    static let skipLimit: Int64 = 256 << 20

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
                let line = lineNumber + 1
                let skipped = try skipPastLineEnd()
                if skipped { lineNumber += 1 }
                throw LineTooLong(line: line, skipped: skipped)
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

    /// Drops the bytes up to and including the next `\n`; false when none comes within
    /// `skipLimit` (or the input ends first, which is a line end too: true).
    private func skipPastLineEnd() throws -> Bool {
        var dropped: Int64 = 0
        while dropped < Self.skipLimit {
            let base = window.pointer + window.position
            let count = window.available
            if let hit = memchr(base, 0x0a, count) {
                window.position += (hit.assumingMemoryBound(to: UInt8.self) - base) + 1
                return true
            }
            window.position += count
            dropped += Int64(count)
            if try !window.fill() { return true }
        }
        return false
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
