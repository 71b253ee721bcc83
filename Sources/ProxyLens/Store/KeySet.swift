import CSupport

/// A set of 64-bit keys that are already hashes: open addressing with linear probing, no
/// per-insert hashing. The in-memory table of a bulk load's dedupe keys (`SpillingKeySet`):
/// millions of inserts on the inserting thread, where `Set<UInt64>` spent most of its time
/// hashing what was already a hash. It grows ×2 at 75 % load up to `maximumSlots`, and is full
/// past that: its owner then empties it (`removeAllSorted`).
struct KeySet {
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0
    /// 0 marks an empty slot, so the key 0 is remembered on the side.
    private var hasZero = false
    /// The table never grows past this many slots (a power of two).
    let maximumSlots: Int

    init(minimumCapacity: Int, maximumSlots: Int = Int.max) {
        var limit = 16
        while limit < maximumSlots && limit <= Int.max / 4 { limit <<= 1 }
        if limit > maximumSlots { limit >>= 1 }
        self.maximumSlots = max(16, limit)
        var size = 16
        while size * 3 / 4 < minimumCapacity && size < self.maximumSlots { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// One more key would take the table past 75 % load at its largest size.
    var isFull: Bool { slots.count >= maximumSlots && (count + 1) * 4 > slots.count * 3 }

    /// Starts loading the memory `insert(key)` will look at.
    @inline(__always)
    func prefetch(_ key: UInt64) {
        slots.withUnsafeBufferPointer { table in
            proxylens_prefetch(table.baseAddress! + (Int(truncatingIfNeeded: key ^ (key >> 29)) & mask))
        }
    }

    /// Adds `key`; false when it was already there. Call only while not `isFull`.
    @inline(__always)
    mutating func insert(_ key: UInt64) -> Bool {
        if key == 0 {
            if hasZero { return false }
            hasZero = true
            count += 1
            return true
        }
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let inserted = slots.withUnsafeMutableBufferPointer { table -> Bool in
            var index = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while true {
                let slot = table[index]
                if slot == 0 { table[index] = key; return true }
                if slot == key { return false }
                index = (index + 1) & mask
            }
        }
        if inserted { count += 1 }
        return inserted
    }

    /// Where a nonzero `key` is (`found`), or the empty slot it would take: `insert(_:at:)`
    /// puts it there if nothing was inserted meanwhile. Call only while not `isFull`.
    @inline(__always)
    mutating func find(_ key: UInt64) -> (slot: Int, found: Bool) {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        return slots.withUnsafeBufferPointer { table in
            var index = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while true {
                let slot = table[index]
                if slot == 0 { return (index, false) }
                if slot == key { return (index, true) }
                index = (index + 1) & mask
            }
        }
    }

    /// Puts a key `find` did not find into the slot it returned.
    @inline(__always)
    mutating func insert(_ key: UInt64, at slot: Int) {
        slots[slot] = key
        count += 1
    }

    /// Hands `body` every nonzero key, sorted, then empties the table (keeping its size and the
    /// key 0). The keys are sorted where they lie, so this takes no memory of its own; if `body`
    /// throws, the table is left unusable and must be dropped.
    mutating func removeAllSorted(_ body: (UnsafeBufferPointer<UInt64>) throws -> Void) rethrows {
        try slots.withUnsafeMutableBufferPointer { table in
            var filled = 0
            for index in table.indices where table[index] != 0 {
                table[filled] = table[index]
                filled += 1
            }
            let keys = UnsafeMutableBufferPointer(rebasing: table[..<filled])
            Self.sortInPlace(keys)
            try body(UnsafeBufferPointer(keys))
            table.update(repeating: 0)
        }
        count = hasZero ? 1 : 0
    }

    /// Sorts hashes by their top byte where they lie (one American-flag pass: the keys are
    /// uniform, so the 256 buckets are even), then each bucket, which fits in cache. `sort()`
    /// on the whole would allocate half the table again for its merges.
    static func sortInPlace(_ keys: UnsafeMutableBufferPointer<UInt64>) {
        var ends = [Int](repeating: 0, count: 256)
        for key in keys { ends[Int(key >> 56)] += 1 }
        var total = 0
        for bucket in 0..<256 {
            total += ends[bucket]
            ends[bucket] = total
        }
        var next = [Int](repeating: 0, count: 256)
        for bucket in 1..<256 { next[bucket] = ends[bucket - 1] }
        let starts = next
        for bucket in 0..<256 {
            // Each key is swapped straight into the next free place of its own bucket.
            while next[bucket] < ends[bucket] {
                var key = keys[next[bucket]]
                var home = Int(key >> 56)
                while home != bucket {
                    swap(&key, &keys[next[home]])
                    next[home] += 1
                    home = Int(key >> 56)
                }
                keys[next[bucket]] = key
                next[bucket] += 1
            }
        }
        for bucket in 0..<256 where ends[bucket] - starts[bucket] > 1 {
            var bucketKeys = UnsafeMutableBufferPointer(rebasing: keys[starts[bucket]..<ends[bucket]])
            bucketKeys.sort()
        }
    }

    private mutating func grow() {
        precondition(slots.count < maximumSlots, "KeySet: insert into a full table")
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        let zero = hasZero
        count = 0
        hasZero = false
        for key in old where key != 0 { _ = insert(key) }
        if zero { hasZero = true; count += 1 }
    }
}
