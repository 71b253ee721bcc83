import CSupport

/// A set of 64-bit keys that are already hashes: open addressing with linear probing, no
/// per-insert hashing. Holds the dedupe keys of a bulk load (millions of inserts on the inserting
/// thread, where `Set<UInt64>` spent most of its time hashing what was already a hash).
struct KeySet {
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0
    /// 0 marks an empty slot, so the key 0 is remembered on the side.
    private var hasZero = false

    init(minimumCapacity: Int) {
        var size = 16
        while size * 3 / 4 < minimumCapacity { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// Starts loading the memory `insert(key)` will look at.
    func prefetch(_ key: UInt64) {
        slots.withUnsafeBufferPointer { table in
            proxylens_prefetch(table.baseAddress! + (Int(truncatingIfNeeded: key ^ (key >> 29)) & mask))
        }
    }

    /// Adds `key`; false when it was already there.
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

    private mutating func grow() {
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
