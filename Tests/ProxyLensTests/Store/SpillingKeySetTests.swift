import Foundation
import Testing
@testable import ProxyLens

/// The bulk load's dedupe keys in bounded memory: whatever spills to disk, the set must answer
/// as an unbounded one would, or events are lost (a new one taken for a duplicate) or stored twice.
@Suite("Dedupe keys in bounded memory")
struct SpillingKeySetTests {
    /// Hash-like keys (SplitMix64 of a counter) drawn from `distinct` values, so that most come
    /// back long after their first insert, from runs written since; 0 and small keys among them.
    static func keys(count: Int, distinct: UInt64, seed: UInt64) -> [UInt64] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return (0..<count).map { _ in
            let value = next() % distinct
            // One value in a hundred is kept small (0 among them) rather than hashed.
            if value % 100 == 7 { return value / 1000 }
            var z = value &* 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 29)) &* 0xBF58_476D_1CE4_E5B9
            return z ^ (z >> 32)
        }
    }

    @Test("a few hundred thousand keys, many repeated across many runs: the same answers as Set<UInt64>",
          arguments: [(tableBytes: 64 << 10, distinct: UInt64(150_000)), (tableBytes: 128, distinct: UInt64(4_000))])
    func sameAnswersAsASet(tableBytes: Int, distinct: UInt64) throws {
        let keys = Self.keys(count: tableBytes > 128 ? 300_000 : 12_000, distinct: distinct, seed: UInt64(tableBytes))
        #expect(keys.contains(0))
        var spilling = SpillingKeySet(tableBytes: tableBytes)
        var reference = Set<UInt64>()
        var wrong = 0
        for (index, key) in keys.enumerated() {
            if index % 7 == 0 { spilling.prefetch(key) }
            if try spilling.insert(key) != reference.insert(key).inserted { wrong += 1 }
        }
        #expect(wrong == 0)
        #expect(spilling.count == reference.count)
        #expect(spilling.runCount >= 10, "the table spilled \(spilling.runCount) times")
        // Every key is now a duplicate, the zero key too.
        for key in keys.prefix(20_000) where try spilling.insert(key) { wrong += 1 }
        #expect(wrong == 0)
    }

    @Test("while everything fits, nothing is written to disk")
    func noRunsWhileItFits() throws {
        var spilling = SpillingKeySet()
        for key in Self.keys(count: 100_000, distinct: 50_000, seed: 1) { _ = try spilling.insert(key) }
        #expect(spilling.runCount == 0)
    }

    @Test("a run that cannot be written throws, says where and why, and every later insert throws too")
    func failedSpillThrows() throws {
        var spilling = SpillingKeySet(tableBytes: 128, folder: "/nonexistent-proxylens-folder")
        var thrown: ProxyLensError?
        do {
            for key in Self.keys(count: 100, distinct: 1_000, seed: 2) { _ = try spilling.insert(key) }
        } catch let error as ProxyLensError {
            thrown = error
        }
        let error = try #require(thrown)
        #expect(error.subject == "/nonexistent-proxylens-folder")
        #expect(error.reason.contains("No such file or directory") && error.reason.contains("TMPDIR"), "\(error.reason)")
        #expect(throws: ProxyLensError.self) { _ = try spilling.insert(12345) }
    }

    @Test("the table's sort gives ascending keys, whatever their top bytes")
    func sortsInPlace() {
        var keys = Self.keys(count: 5_000, distinct: 1 << 40, seed: 3) + [0, 1, 2, UInt64.max, UInt64.max - 1, 1 << 63]
        keys += Array(repeating: 42, count: 3)
        let expected = keys.sorted()
        keys.withUnsafeMutableBufferPointer { KeySet.sortInPlace($0) }
        #expect(keys == expected)
    }
}
