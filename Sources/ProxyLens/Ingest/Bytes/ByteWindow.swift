/// A sliding window over a byte source: parsers look at `bytes[position..<end]`, ask for more with
/// `fill`, and the window keeps only what has not been consumed yet, so memory stays bounded by the
/// largest single token rather than by the input.
final class ByteWindow {
    private(set) var storage: UnsafeMutableRawBufferPointer
    /// First byte not yet consumed.
    var position = 0
    /// One past the last valid byte.
    private(set) var end = 0
    private(set) var reachedEnd = false
    /// Absolute offset (in the decoded stream) of `storage[0]`.
    private(set) var baseOffset: Int64 = 0
    private let source: ByteSource
    /// The largest a single token (a message, a line) may grow before it is refused.
    let maximumWindow: Int

    init(_ source: ByteSource, initialCapacity: Int = 1 << 20, maximumWindow: Int = 80 << 20) {
        self.source = source
        self.maximumWindow = maximumWindow
        storage = RecycledBuffers.take(byteCount: initialCapacity)
    }

    deinit { RecycledBuffers.giveBack(storage) }

    var pointer: UnsafeMutablePointer<UInt8> { storage.baseAddress!.assumingMemoryBound(to: UInt8.self) }
    var available: Int { end - position }
    /// Absolute offset of `position`.
    var offset: Int64 { baseOffset + Int64(position) }

    /// Reads more bytes, keeping `position..<end` (moving it to the front if needed).
    /// Returns false at the end of the input. Throws when one token outgrows `maximumWindow`.
    @discardableResult
    func fill() throws -> Bool {
        if reachedEnd { return false }
        if position > 0 && (end == storage.count || position >= storage.count / 2) {
            let kept = end - position
            if kept > 0 { storage.baseAddress!.copyMemory(from: storage.baseAddress! + position, byteCount: kept) }
            baseOffset += Int64(position)
            position = 0
            end = kept
        }
        if end == storage.count {
            if storage.count >= maximumWindow { throw WindowOverflow() }
            let grown = RecycledBuffers.take(byteCount: min(storage.count * 2, maximumWindow))
            grown.baseAddress!.copyMemory(from: storage.baseAddress!, byteCount: end)
            RecycledBuffers.giveBack(storage)
            storage = grown
        }
        let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: storage[end...]))
        if n == 0 { reachedEnd = true; return false }
        end += n
        return true
    }

    /// Makes at least `count` bytes available from `position` when the input has them.
    func ensure(_ count: Int) throws -> Bool {
        while available < count {
            if try !fill() { return false }
        }
        return true
    }

    /// Thrown when a single token does not fit in `maximumWindow`.
    struct WindowOverflow: Error {}
}
