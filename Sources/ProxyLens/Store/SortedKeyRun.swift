/// Dedupe keys `SpillingKeySet` moved out of memory when its table was full: sorted, distinct,
/// in a `SpillFile` (unlinked as soon as it is made, where SQLite makes its temporary files).
/// Memory keeps what finds one: a Bloom filter (1.25 bytes a key), so that most keys not in the
/// run cost one cache miss, and the first key of each 4 KiB block of the file, so that the
/// others cost one read of one block.
final class SortedKeyRun {
    static let keysPerBlock = 512
    private let file: SpillFile
    /// Keys in the run.
    let count: Int
    private let firstKeys: [UInt64]
    private let filter: BlockedBloomFilter
    /// The block last read.
    private var block = [UInt64](repeating: 0, count: SortedKeyRun.keysPerBlock)

    /// Writes `keys` (sorted, distinct, none of them 0) to a new file, in `directory` if given.
    init(writing keys: UnsafeBufferPointer<UInt64>, in directory: String? = nil) throws {
        do {
            file = try SpillFile(purpose: "dedupe-keys", directory: directory)
            try file.append(UnsafeRawBufferPointer(keys))
        } catch let error as ProxyLensError {
            // A full disk must stop the run: a key not kept would let its duplicates in.
            throw ProxyLensError(error.kind, error.subject, error.reason + """
                 (the dedupe keys that do not fit in memory go there, beside SQLite's own temporary \
                files: set SQLITE_TMPDIR or TMPDIR to a folder with room)
                """)
        }
        count = keys.count
        filter = BlockedBloomFilter(capacity: keys.count)
        for key in keys { filter.insert(key) }
        firstKeys = stride(from: 0, to: keys.count, by: Self.keysPerBlock).map { keys[$0] }
    }

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
        try block.withUnsafeMutableBytes { try file.read(at: Int64(first * 8), into: UnsafeMutableRawBufferPointer(rebasing: $0[..<(keys * 8)])) }
        return block.withUnsafeBufferPointer { block in
            var low = 0, high = keys
            while low < high {
                let middle = (low + high) / 2
                if block[middle] < key { low = middle + 1 } else { high = middle }
            }
            return low < keys && block[low] == key
        }
    }
}
