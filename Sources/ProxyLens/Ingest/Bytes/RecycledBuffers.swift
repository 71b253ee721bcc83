import Foundation

/// Read buffers kept from one file for the next. Each file needs a window, an inflater's input
/// and the chunks handed to its SHA-256 thread; allocated afresh, each is a new mapping (see
/// MemoryTuning) whose every 4 KiB page faults on first touch: about 2 MB of faults a file,
/// on the reading thread. A few of each size are kept, so memory stays a few megabytes.
enum RecycledBuffers {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var raw: [Int: [UnsafeMutableRawBufferPointer]] = [:]
    nonisolated(unsafe) private static var arrays: [[UInt8]] = []
    /// Buffers kept per size, and byte arrays kept in all.
    static let maximumKept = 4
    static let maximumArrays = 12
    /// Larger buffers are not kept: they are a rare file's, and would hold their memory.
    static let largestKept = 4 << 20
    /// The alignment of every buffer handed out.
    static let alignment = 16

    /// A buffer of exactly `byteCount` bytes, contents undefined.
    static func take(byteCount: Int) -> UnsafeMutableRawBufferPointer {
        lock.lock()
        let kept = raw[byteCount]?.popLast()
        lock.unlock()
        return kept ?? UnsafeMutableRawBufferPointer.allocate(byteCount: byteCount, alignment: alignment)
    }

    /// Gives back a buffer from `take` (or allocated with `alignment`); it must not be used after.
    static func giveBack(_ buffer: UnsafeMutableRawBufferPointer) {
        if buffer.count <= largestKept {
            lock.lock()
            if raw[buffer.count, default: []].count < maximumKept {
                raw[buffer.count, default: []].append(buffer)
                lock.unlock()
                return
            }
            lock.unlock()
        }
        buffer.deallocate()
    }

    /// An empty byte array, with the capacity one given back had.
    static func takeArray() -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return arrays.popLast() ?? []
    }

    /// Keeps `array`'s memory (emptied) for `takeArray`. The caller must hold no other copy:
    /// emptying a shared array would allocate a new one.
    static func giveBack(_ array: consuming [UInt8]) {
        guard array.capacity <= largestKept else { return }
        var array = consume array
        array.removeAll(keepingCapacity: true)
        lock.lock()
        defer { lock.unlock() }
        if arrays.count < maximumArrays { arrays.append(array) }
    }
}
