import CSupport

/// A Bloom filter whose bits for one key all lie in one 64-byte block, a cache line, so that a
/// lookup costs one cache miss (`SortedKeyRun` asks it before reading its file). Ten bits a key,
/// seven of them set per key: about 1 % of the keys not in it are taken to be.
final class BlockedBloomFilter {
    static let bitsPerKey = 10
    private static let bitsSetPerKey = 7
    /// Eight words of 64 bits a block.
    private let words: UnsafeMutablePointer<UInt64>
    private let blocks: Int

    init(capacity: Int) {
        blocks = max(1, (capacity * Self.bitsPerKey + 511) / 512)
        let memory = UnsafeMutableRawPointer.allocate(byteCount: blocks * 64, alignment: 64)
        words = memory.initializeMemory(as: UInt64.self, repeating: 0, count: blocks * 8)
    }

    deinit { UnsafeMutableRawPointer(words).deallocate() }

    /// The key's bits mixed again (SplitMix64's finalizer): the keys are hashes, but keys that
    /// are not quite (a run of small numbers) must not all fall in one block.
    @inline(__always)
    private static func mix(_ key: UInt64) -> UInt64 {
        var mixed = (key ^ (key >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// The block of a mixed key, by its high bits.
    @inline(__always)
    private func block(_ mixed: UInt64) -> UnsafeMutablePointer<UInt64> {
        words + Int(truncatingIfNeeded: mixed.multipliedFullWidth(by: UInt64(blocks)).high) * 8
    }

    /// Seven 9-bit positions in the block: the mixed key multiplied once more, so that they do
    /// not follow the bits that chose the block.
    @inline(__always)
    private static func positions(_ mixed: UInt64) -> UInt64 { (mixed &* 0x9E37_79B9_7F4A_7C15) ^ (mixed >> 32) }

    func insert(_ key: UInt64) {
        let mixed = Self.mix(key)
        let block = block(mixed)
        var positions = Self.positions(mixed)
        for _ in 0..<Self.bitsSetPerKey {
            let bit = Int(truncatingIfNeeded: positions & 511)
            block[bit >> 6] |= 1 << UInt64(bit & 63)
            positions >>= 9
        }
    }

    /// False when `key` was never inserted; true when it was, or, rarely, when it was not.
    @inline(__always)
    func mayContain(_ key: UInt64) -> Bool {
        let mixed = Self.mix(key)
        let block = block(mixed)
        var positions = Self.positions(mixed)
        for _ in 0..<Self.bitsSetPerKey {
            let bit = Int(truncatingIfNeeded: positions & 511)
            if block[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
            positions >>= 9
        }
        return true
    }

    /// Starts loading the block `mayContain(key)` will look at.
    @inline(__always)
    func prefetch(_ key: UInt64) { proxylens_prefetch(block(Self.mix(key))) }
}
