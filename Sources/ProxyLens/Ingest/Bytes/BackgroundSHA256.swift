import CSupport
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SHA-256 on a thread of its own once a file is past its first 64 KiB: hashing costs as much
/// as a tenth of reading a file, and the reading thread is the busiest one during ingest. The
/// first 64 KiB are hashed in place, so small files (folders of thousands of them) start no
/// thread. Chunks are copied to the thread through a short queue (bounded, so memory stays a few
/// megabytes).
final class BackgroundSHA256: @unchecked Sendable {
    /// The hashing thread, started once the file is past `hashedInPlace`.
    private var worker: OrderedWorker<Void>?
    /// Guards `spare` and `cancelled`, which the reading and hashing threads share.
    private let lock = NSLock()
    /// Hashed chunks, for the reading thread to fill again.
    private var spare: [[UInt8]] = []
    private var cancelled = false
    private var digest: String?
    private let hasher = SHA256()
    private static let maximumQueued = 8
    /// Bytes hashed in place before the thread takes over.
    private static let hashedInPlace = 64 << 10
    private var bytesSeen = 0

    /// A chunk on its way to the hashing thread, held by this box alone, so that it is never
    /// copied when it is filled again.
    private final class Chunk: @unchecked Sendable {
        var bytes: [UInt8]?
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    func update(_ bytes: UnsafeRawBufferPointer) {
        bytesSeen += bytes.count
        if worker == nil {
            if bytesSeen <= Self.hashedInPlace {
                hasher.update(bytes)
                return
            }
            worker = OrderedWorker(name: "proxylens-sha256")
        }
        var chunk = lock.withLock { spare.popLast() } ?? RecycledBuffers.takeArray()
        chunk.removeAll(keepingCapacity: true)
        chunk.append(contentsOf: bytes)
        let box = Chunk(chunk)
        chunk = []
        worker?.submit(keepingResult: false, waitingBelow: Self.maximumQueued + 1) { self.hash(box) }
    }

    /// On the hashing thread: one chunk, then back to `spare` (or, once cancelled, to the
    /// recycled buffers).
    private func hash(_ box: Chunk) {
        let chunk = box.bytes.take()!
        if lock.withLock({ cancelled }) {
            RecycledBuffers.giveBack(chunk)
            return
        }
        chunk.withUnsafeBytes { hasher.update($0) }
        // Moved, so the reading thread that takes it next holds it alone.
        lock.lock()
        spare.append(consume chunk)
        lock.unlock()
    }

    /// Waits for every chunk to be hashed and returns the hex digest.
    func finalizeHex() -> String {
        if let digest { return digest }
        if let worker {
            worker.waitUntilIdle()
            worker.stop()
            self.worker = nil
            giveBackSpare()
        }
        let made = hasher.finalizeHex()
        digest = made
        return made
    }

    /// Lets the thread end without a digest (the file was abandoned).
    func cancel() {
        lock.withLock { cancelled = true }
        worker?.stop()
        worker = nil
        giveBackSpare()
    }

    /// For the next file's hash; popped, so that each is held once and kept as it is.
    private func giveBackSpare() {
        var unused = lock.withLock { () -> [[UInt8]] in
            defer { spare = [] }
            return spare
        }
        while let chunk = unused.popLast() { RecycledBuffers.giveBack(chunk) }
    }
}
