/// The dedupe keys of a bulk load (64-bit hashes) in a fixed amount of memory, with the answers
/// of an unbounded set: a `KeySet` table of at most `tableBytes`, and when it is full its keys
/// sorted into a `SortedKeyRun` on disk and the table emptied, as an LSM tree does. A key is new
/// when neither the table nor any run holds it. While everything fits in the table (most ingests:
/// up to about 3 M keys at the default size) this costs what the table alone does; past that each run
/// adds a Bloom filter lookup per key, and 1.25 bytes of memory per key it holds.
struct SpillingKeySet {
    /// 4 M slots: about 3 M keys before the first run is written.
    static let defaultTableBytes = 32 << 20
    private var table: KeySet
    private var runs: [SortedKeyRun] = []
    /// Where runs are written; nil for where SQLite makes its temporary files (`SpillFile`).
    private let folder: String?
    /// A failed spill leaves the table sorted, no longer a hash table: every later call throws.
    private var failure: Error?

    /// `tableBytes` bounds the table's slots (8 bytes each); growing to its last size briefly
    /// holds 1.5 times that.
    init(tableBytes: Int = SpillingKeySet.defaultTableBytes, folder: String? = nil) {
        table = KeySet(minimumCapacity: 1 << 16, maximumSlots: max(16, tableBytes / 8))
        self.folder = folder
    }

    /// Keys held, in memory and on disk.
    var count: Int { runs.reduce(table.count) { $0 + $1.count } }
    /// Sorted runs written so far.
    var runCount: Int { runs.count }

    /// Starts loading the memory `insert(key)` will look at first: the table's slot and each
    /// run's Bloom filter block.
    @inline(__always)
    func prefetch(_ key: UInt64) {
        table.prefetch(key)
        for run in runs { run.prefetch(key) }
    }

    /// Adds `key`; false when it was already there. Throws when a run cannot be written or read.
    @inline(__always)
    mutating func insert(_ key: UInt64) throws -> Bool {
        if let failure { throw failure }
        // The key 0 stays in the table (see `KeySet`): no run holds it.
        if runs.isEmpty || key == 0 {
            guard table.insert(key) else { return false }
        } else {
            let (slot, found) = table.find(key)
            if found { return false }
            for run in runs where try run.contains(key) { return false }
            table.insert(key, at: slot)
        }
        if table.isFull { try spill() }
        return true
    }

    private mutating func spill() throws {
        let folder = folder
        var written: SortedKeyRun?
        do {
            try table.removeAllSorted { written = try SortedKeyRun(writing: $0, in: folder) }
        } catch {
            failure = error
            throw error
        }
        if let written { runs.append(written) }
    }
}
