import CSupport
import Foundation

/// Numbers distinct byte strings 0, 1, 2, … in the order they are first seen, keeping each one
/// once in a single buffer. The derive scan meets millions of stream names and request ids but
/// far fewer distinct ones; this looks them up straight from SQLite's bytes, with no String and
/// no allocation per line.
struct ByteInterner {
    private var storage: [UInt8] = []
    /// String `i` is `storage[ends[i - 1]..<ends[i]]` (from 0 for the first).
    private var ends: [UInt32] = []
    /// Open addressing over string numbers; -1 marks an empty slot. Kept at most half full.
    private var slots = [Int32](repeating: -1, count: 16)
    /// Consecutive lines usually repeat the last stream or request id: checked before hashing.
    private var last: Int32 = -1

    var count: Int { ends.count }

    /// The number of `bytes`, adding them if they are new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if last >= 0, equals(last, bytes) { return last }
        let mask = slots.count - 1
        var slot = Self.hash(bytes) & mask
        while slots[slot] >= 0 {
            if equals(slots[slot], bytes) {
                last = slots[slot]
                return last
            }
            slot = (slot + 1) & mask
        }
        let number = Int32(ends.count)
        storage.append(contentsOf: bytes)
        ends.append(UInt32(storage.count))
        slots[slot] = number
        if ends.count * 2 > slots.count { grow() }
        last = number
        return number
    }

    /// The bytes of string `number`.
    func bytes(_ number: Int32) -> ArraySlice<UInt8> {
        let index = Int(number)
        return storage[(index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])]
    }

    func string(_ number: Int32) -> String {
        String(decoding: bytes(number), as: UTF8.self)
    }

    private func equals(_ number: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let index = Int(number)
        let start = index == 0 ? 0 : Int(ends[index - 1])
        guard Int(ends[index]) - start == bytes.count else { return false }
        guard let base = bytes.baseAddress, bytes.count > 0 else { return true }
        return storage.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, base, bytes.count) == 0 }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        storage.withUnsafeBufferPointer { storage in
            var start = 0
            for (number, end) in ends.enumerated() {
                var slot = Self.hash(UnsafeBufferPointer(rebasing: storage[start..<Int(end)])) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(number)
                start = Int(end)
            }
        }
    }

    /// XXH64: while a bulk load is gathered, lines of many streams interleave, so most stream
    /// names are hashed (FNV-1a, a byte at a time, was a third of the gathering thread's time).
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        Int(truncatingIfNeeded: proxylens_xxh64(bytes.baseAddress, bytes.count, 0))
    }
}
