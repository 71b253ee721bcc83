import CSupport

/// Inflates a gzip (or zlib) stream as it is read, including several gzip members back to back,
/// which is what Firehose writes when it concatenates compressed records.
public final class GzipByteSource: ByteSource {
    private let upstream: ByteSource
    private let name: String
    private var stream = z_stream()
    private var input: UnsafeMutableRawBufferPointer
    private var upstreamDone = false
    private var finished = false
    private var memberEnded = false
    /// Inflated bytes produced so far.
    public private(set) var bytesOut: Int64 = 0

    public init(_ upstream: ByteSource, name: String) throws {
        self.upstream = upstream
        self.name = name
        input = RecycledBuffers.take(byteCount: 256 << 10)
        let status = proxylens_inflate_init(&stream)
        if status != Z_OK {
            RecycledBuffers.giveBack(input)
            throw ProxyLensError(.input, name, "cannot start gzip decoder (zlib status \(status))")
        }
    }

    deinit {
        inflateEnd(&stream)
        RecycledBuffers.giveBack(input)
    }

    /// True when `bytes` starts with the gzip magic number.
    public static func isGzip(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if finished {
            if let error = pendingError { pendingError = nil; throw error }
            return 0
        }
        guard let out = buffer.baseAddress, buffer.count > 0 else { return 0 }
        stream.next_out = out.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(min(buffer.count, Int(UInt32.max)))
        while stream.avail_out > 0 {
            if stream.avail_in == 0 && !upstreamDone {
                let n = try upstream.read(into: input)
                if n == 0 {
                    upstreamDone = true
                } else {
                    stream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                    stream.avail_in = uInt(n)
                }
            }
            if stream.avail_in == 0 && upstreamDone && memberEnded { finished = true; break }
            if memberEnded {
                // More bytes after a finished member: another gzip member follows.
                memberEnded = false
                inflateReset(&stream)
            }
            let before = stream.avail_out
            // At the end of the input, ask zlib for everything it still holds.
            let status = inflate(&stream, upstreamDone ? Z_SYNC_FLUSH : Z_NO_FLUSH)
            switch status {
            case Z_STREAM_END:
                memberEnded = true
            case Z_OK, Z_BUF_ERROR:
                if stream.avail_in == 0 && upstreamDone && stream.avail_out == before {
                    // The input ended inside a member and nothing more can be decoded.
                    finished = true
                    let produced = buffer.count - Int(stream.avail_out)
                    bytesOut += Int64(produced)
                    let error = ProxyLensError(.input, name, "truncated gzip stream after \(bytesOut) bytes of content")
                    if produced > 0 { pendingError = error; return produced }
                    throw error
                }
            default:
                finished = true
                let produced = buffer.count - Int(stream.avail_out)
                bytesOut += Int64(produced)
                let error = ProxyLensError(.input, name, "corrupt gzip data after \(bytesOut) bytes of content")
                if produced > 0 { pendingError = error; return produced }
                throw error
            }
        }
        let produced = buffer.count - Int(stream.avail_out)
        bytesOut += Int64(produced)
        return produced
    }

    private var pendingError: ProxyLensError?
}
