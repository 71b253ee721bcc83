import CSupport
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
