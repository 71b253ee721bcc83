import Foundation
import Glibc

/// A temporary file that work too large for memory is written to and read back from by offset.
/// It is unlinked as soon as it is made, so it leaves nothing behind however the process ends
/// (kill -9 included), and the space is the system's again when it is closed. Made where SQLite
/// makes its own temporary files (`SQLITE_TMPDIR`, then `TMPDIR`, then `/var/tmp`, `/usr/tmp`,
/// `/tmp`), so one setting moves both.
final class SpillFile {
    private let descriptor: Int32
    /// The folder it was made in (named by a failure).
    private let directory: String
    /// Bytes written so far: the offset the next `append` writes at.
    private(set) var size: Int64 = 0

    /// `directory`: where to make it, when not where SQLite makes its own.
    init(purpose: String, directory: String? = nil) throws {
        let directory = directory ?? Self.directory()
        self.directory = directory
        var template = Array("\(directory)/proxylens-\(purpose)-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw ProxyLensError(.database, directory, "cannot make a temporary file for \(purpose): \(String(cString: strerror(errno)))")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Writes `bytes` at the end; returns the offset they start at.
    @discardableResult
    func append(_ bytes: UnsafeRawBufferPointer) throws -> Int64 {
        let start = size
        try whole(bytes.count, "write") { done in
            pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(start + Int64(done)))
        }
        size += Int64(bytes.count)
        return start
    }

    /// Reads `count` bytes from `offset`, which an `append` returned.
    func read(at offset: Int64, count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        try bytes.withUnsafeMutableBytes { try read(at: offset, into: $0) }
        return bytes
    }

    /// Fills `buffer` from `offset`, with no allocation (for reads many times over).
    func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws {
        try whole(buffer.count, "read") { done in
            pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + Int64(done)))
        }
    }

    /// Calls `transfer` (a pwrite or pread of what is left, from the bytes done so far) until
    /// `count` bytes are done: either may move fewer bytes than asked, or be interrupted.
    private func whole(_ count: Int, _ verb: String, _ transfer: (_ done: Int) -> Int) throws {
        var done = 0
        while done < count {
            let result = transfer(done)
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { throw failure(verb) }
            done += result
        }
    }

    private func failure(_ verb: String) -> ProxyLensError {
        let reason = errno == 0 ? "the file ended early" : String(cString: strerror(errno))
        return ProxyLensError(.database, directory, "cannot \(verb) a temporary file: \(reason)")
    }

    /// The folder a spill file is made in when none is given.
    static func directory() -> String {
        let environment = ProcessInfo.processInfo.environment
        for candidate in [environment["SQLITE_TMPDIR"], environment["TMPDIR"], "/var/tmp", "/usr/tmp", "/tmp"] {
            if let candidate, !candidate.isEmpty, access(candidate, W_OK | X_OK) == 0 { return candidate }
        }
        return "."
    }
}
