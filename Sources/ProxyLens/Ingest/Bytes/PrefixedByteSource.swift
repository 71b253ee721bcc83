/// Serves bytes already read (to look at a file's first bytes) and then the rest of the source.
final class PrefixedByteSource: ByteSource {
    private var prefix: [UInt8]
    private var position = 0
    private let upstream: ByteSource

    init(prefix: [UInt8], upstream: ByteSource) {
        self.prefix = prefix
        self.upstream = upstream
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if position < prefix.count {
            let n = min(buffer.count, prefix.count - position)
            prefix.withUnsafeBytes { source in
                buffer.baseAddress!.copyMemory(from: source.baseAddress! + position, byteCount: n)
            }
            position += n
            if position == prefix.count { prefix = [] ; position = Int.max }
            return n
        }
        return try upstream.read(into: buffer)
    }

    /// Reads up to `count` bytes from `source` (fewer only at its end).
    static func head(of source: ByteSource, count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        try bytes.withUnsafeMutableBytes { buffer in
            while filled < count {
                let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
                if n == 0 { break }
                filled += n
            }
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
