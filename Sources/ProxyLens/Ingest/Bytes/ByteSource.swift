import CSupport
import Foundation
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
    private var hasher: BackgroundSHA256?
    /// Bytes read so far (the raw, possibly compressed, bytes).
    public private(set) var bytesRead: Int64 = 0

    /// Size and modification time (ms) when opened.
    public private(set) var size: Int64 = 0
    public private(set) var mtime: Int64?
    /// Reading more than this many bytes is an error (standard input has no size to trust).
    public var limit: Int64?

    /// Opens a regular file. Devices, FIFOs and sockets are refused by name: the file is opened
    /// with `O_NONBLOCK` (a FIFO with no writer would block in `open`) and checked with `fstat`
    /// before anything is read, then made blocking again.
    public init(path: String, hashing: Bool = true) throws {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            throw ProxyLensError(.input, path, "cannot open: \(String(cString: strerror(errno)))")
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ProxyLensError(.input, path, "cannot read file attributes: \(reason)")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw ProxyLensError(.input, path, "not a regular file (\(Self.kind(info.st_mode))); not read")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        descriptor = fd
        ownsDescriptor = true
        name = path
        hasher = hashing ? BackgroundSHA256() : nil
        (size, mtime) = Self.sizeAndTime(info)
    }

    /// What a file that is not a regular one is.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFDIR: return "a folder"
        default: return "not a regular file"
        }
    }

    static func sizeAndTime(_ info: stat) -> (Int64, Int64?) {
        // As Foundation's modificationDate gave it (the value `source.mtime` holds), so that files
        // ingested before are still recognised.
        (Int64(info.st_size), Int64((Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9) * 1000))
    }

    /// Size and modification time now (to see whether the file changed while it was read).
    public func currentSizeAndTime() -> (Int64, Int64?)? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return Self.sizeAndTime(info)
    }

    public init(descriptor: Int32, name: String, hashing: Bool = true) {
        self.descriptor = descriptor
        ownsDescriptor = false
        self.name = name
        hasher = hashing ? BackgroundSHA256() : nil
    }

    deinit {
        hasher?.cancel()
        if ownsDescriptor { close(descriptor) }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if n < 0 {
                // A blocking read (a pipe with nothing in it) ends here on Ctrl-C.
                if errno == EINTR { try Interruption.check(); continue }
                throw ProxyLensError(.input, name, "read failed: \(String(cString: strerror(errno)))")
            }
            if n > 0 {
                hasher?.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
                bytesRead += Int64(n)
                if let limit, bytesRead > limit {
                    throw ProxyLensError(.input, name, "more than \(limit >> 20) MiB (--stdin-limit); the rest is not read")
                }
            }
            return n
        }
    }

    /// Reads whatever is left (so the digest covers the whole file) and returns the hex SHA-256.
    public func finishDigest() throws -> String {
        let scratch = RecycledBuffers.take(byteCount: 1 << 20)
        defer { RecycledBuffers.giveBack(scratch) }
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

/// SHA-256 on a thread of its own once a file is past its first 64 KiB: hashing costs as much
/// as a tenth of reading a file, and the reading thread is the busiest one during ingest. The
/// first 64 KiB are hashed in place, so small files (folders of thousands of them) start no
/// thread. Chunks are copied to the thread through a short queue (bounded, so memory stays a few
/// megabytes).
final class BackgroundSHA256: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [[UInt8]] = []
    private var spare: [[UInt8]] = []
    private var finished = false
    private var cancelled = false
    private var digest: String?
    private let hasher = SHA256()
    private static let maximumQueued = 8
    /// Bytes hashed in place before the thread takes over.
    private static let hashedInPlace = 64 << 10
    private var bytesSeen = 0
    private var threadStarted = false

    func update(_ bytes: UnsafeRawBufferPointer) {
        bytesSeen += bytes.count
        if !threadStarted {
            if bytesSeen <= Self.hashedInPlace {
                hasher.update(bytes)
                return
            }
            threadStarted = true
            // The thread keeps this object alive until the digest is made or the hash cancelled.
            let thread = Thread { self.loop() }
            thread.name = "proxylens-sha256"
            thread.start()
        }
        condition.lock()
        while chunks.count >= Self.maximumQueued { condition.wait() }
        var chunk = spare.popLast() ?? RecycledBuffers.takeArray()
        condition.unlock()
        chunk.removeAll(keepingCapacity: true)
        chunk.append(contentsOf: bytes)
        condition.lock()
        chunks.append(chunk)
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for every chunk to be hashed and returns the hex digest.
    func finalizeHex() -> String {
        guard threadStarted else {
            if digest == nil { digest = hasher.finalizeHex() }
            return digest ?? ""
        }
        condition.lock()
        defer { condition.unlock() }
        finished = true
        condition.broadcast()
        while digest == nil { condition.wait() }
        return digest ?? ""
    }

    /// Lets the thread end without a digest (the file was abandoned).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while chunks.isEmpty && !finished && !cancelled { condition.wait() }
            if cancelled || (chunks.isEmpty && finished) {
                if !cancelled { digest = hasher.finalizeHex() }
                var unused = spare + chunks
                (spare, chunks) = ([], [])
                condition.broadcast()
                condition.unlock()
                // For the next file's hash; popped, so that each is held once and kept as it is.
                while let chunk = unused.popLast() { RecycledBuffers.giveBack(chunk) }
                return
            }
            let chunk = chunks.removeFirst()
            condition.unlock()
            chunk.withUnsafeBytes { hasher.update($0) }
            condition.lock()
            spare.append(chunk)
            condition.broadcast()
            condition.unlock()
        }
    }
}
