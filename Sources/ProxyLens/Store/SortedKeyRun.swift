import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Dedupe keys `SpillingKeySet` moved out of memory when its table was full: sorted, distinct,
/// in a temporary file unlinked as soon as it is made (nothing is left behind, even by a
/// killed run). Memory keeps what finds one: a Bloom filter (1.25 bytes a key), so that most
/// keys not in the run cost one cache miss, and the first key of each 4 KiB block of the file,
/// so that the others cost one `pread` of one block.
final class SortedKeyRun {
    static let keysPerBlock = 512
    private let file: Int32
    /// Where the file is, for what a failure says.
    private let folder: String
    /// Keys in the run.
    let count: Int
    private let firstKeys: [UInt64]
    private let filter: BlockedBloomFilter
    /// The block last read.
    private var block = [UInt64](repeating: 0, count: SortedKeyRun.keysPerBlock)

    /// Writes `keys` (sorted, distinct, none of them 0) to a new file in `folder`.
    init(writing keys: UnsafeBufferPointer<UInt64>, in folder: String) throws {
        var template = Array((folder + "/proxylens-dedupe-keys-XXXXXX").utf8CString)
        let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard file >= 0 else { throw Self.failure(folder, "cannot create a temporary file", errno) }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        self.file = file
        self.folder = folder
        count = keys.count
        var written = 0
        let bytes = UnsafeRawBufferPointer(keys)
        while written < bytes.count {
            let n = write(file, bytes.baseAddress! + written, min(bytes.count - written, 1 << 30))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let error = n < 0 ? errno : ENOSPC
                close(file)
                throw Self.failure(folder, "cannot write a temporary file", error)
            }
            written += n
        }
        filter = BlockedBloomFilter(capacity: keys.count)
        for key in keys { filter.insert(key) }
        firstKeys = stride(from: 0, to: keys.count, by: Self.keysPerBlock).map { keys[$0] }
    }

    deinit { close(file) }

    /// Memory held, in bytes (the file's pages are the kernel's to keep or drop).
    var bytesInMemory: Int { filter.bytes + firstKeys.count * 8 + Self.keysPerBlock * 8 }

    /// Starts loading the memory `contains(key)` looks at first.
    @inline(__always)
    func prefetch(_ key: UInt64) { filter.prefetch(key) }

    func contains(_ key: UInt64) throws -> Bool {
        guard filter.mayContain(key) else { return false }
        // The last block whose first key is at most `key`.
        var low = 0, high = firstKeys.count
        while low < high {
            let middle = (low + high) / 2
            if firstKeys[middle] <= key { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return false }
        let first = (low - 1) * Self.keysPerBlock
        let keys = min(Self.keysPerBlock, count - first)
        try block.withUnsafeMutableBytes { buffer in
            var done = 0
            while done < keys * 8 {
                let n = pread(file, buffer.baseAddress! + done, keys * 8 - done, off_t(first * 8 + done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw Self.failure(folder, "cannot read back a temporary file", n < 0 ? errno : EIO) }
                done += n
            }
        }
        return block.withUnsafeBufferPointer { block in
            var low = 0, high = keys
            while low < high {
                let middle = (low + high) / 2
                if block[middle] < key { low = middle + 1 } else { high = middle }
            }
            return low < keys && block[low] == key
        }
    }

    private static func failure(_ subject: String, _ what: String, _ error: Int32) -> ProxyLensError {
        ProxyLensError(.database, subject, """
            \(what) for the dedupe keys that do not fit in memory: \(String(cString: strerror(error))) \
            (they go where SQLite puts its own temporary files: set SQLITE_TMPDIR or TMPDIR to a folder with room)
            """)
    }

    /// Where SQLite puts its temporary files (os_unix.c, unixTempFileDir): the first of
    /// SQLITE_TMPDIR, TMPDIR, /var/tmp, /usr/tmp, /tmp and the working directory that is a
    /// folder this process may write to.
    static func temporaryFolder() -> String {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["SQLITE_TMPDIR"], environment["TMPDIR"], "/var/tmp", "/usr/tmp", "/tmp"].compactMap { $0 }
        for folder in candidates where !folder.isEmpty {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
               access(folder, W_OK | X_OK) == 0 {
                return folder
            }
        }
        return "."
    }
}
