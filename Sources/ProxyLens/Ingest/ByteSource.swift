import CSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Something that yields bytes in order: a file, standard input, or an inflater over either.
public protocol ByteSource: AnyObject {
    /// Fills up to `buffer.count` bytes and returns how many; 0 means the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Reads a file descriptor with large `read(2)` calls and hashes what it reads.
public final class FileByteSource: ByteSource {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let name: String
    private var hasher: SHA256?
    /// Bytes read so far (the raw, possibly compressed, bytes).
    public private(set) var bytesRead: Int64 = 0

    public init(path: String, hashing: Bool = true) throws {
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            throw ProxyLensError(.input, path, "cannot open: \(String(cString: strerror(errno)))")
        }
        descriptor = fd
        ownsDescriptor = true
        name = path
        hasher = hashing ? SHA256() : nil
    }

    public init(descriptor: Int32, name: String, hashing: Bool = true) {
        self.descriptor = descriptor
        ownsDescriptor = false
        self.name = name
        hasher = hashing ? SHA256() : nil
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw ProxyLensError(.input, name, "read failed: \(String(cString: strerror(errno)))")
            }
            if n > 0 {
                hasher?.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
                bytesRead += Int64(n)
            }
            return n
        }
    }

    /// Reads whatever is left (so the digest covers the whole file) and returns the hex SHA-256.
    public func finishDigest() throws -> String {
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
        defer { scratch.deallocate() }
        while try read(into: scratch) > 0 {}
        return hasher?.finalizeHex() ?? ""
    }
}

/// A byte source over memory, for tests and for data already in hand.
public final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public convenience init(_ text: String) { self.init(Array(text.utf8)) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, bytes.count - position)
        if n <= 0 { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + position, byteCount: n)
        }
        position += n
        return n
    }
}

/// Incremental SHA-256 over libcrypto.
public final class SHA256 {
    private var context: OpaquePointer?

    public init() { context = proxylens_sha256_new() }

    deinit {
        if context != nil { _ = finalizeHex() }
    }

    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let context, let base = bytes.baseAddress else { return }
        proxylens_sha256_update(context, base, bytes.count)
    }

    public func finalizeHex() -> String {
        guard let context else { return "" }
        var digest = [UInt8](repeating: 0, count: 32)
        proxylens_sha256_final(context, &digest)
        self.context = nil
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
