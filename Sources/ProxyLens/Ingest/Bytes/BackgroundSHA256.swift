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
    private let condition = NSCondition()
    private var chunks: [[UInt8]] = []
    private var spare: [[UInt8]] = []
    private var finished = false
    private var cancelled = false
    private var digest: String?
    private let hasher = SHA256()
    private static let maximumQueued = 8
    /// Bytes hashed in place before the thread takes over.
    private static let hashedInPlace = 64 << 10
    private var bytesSeen = 0
    private var threadStarted = false

    func update(_ bytes: UnsafeRawBufferPointer) {
        bytesSeen += bytes.count
        if !threadStarted {
            if bytesSeen <= Self.hashedInPlace {
                hasher.update(bytes)
                return
            }
            threadStarted = true
            // The thread keeps this object alive until the digest is made or the hash cancelled.
            let thread = Thread { self.loop() }
            thread.name = "proxylens-sha256"
            thread.start()
        }
        condition.lock()
        while chunks.count >= Self.maximumQueued { condition.wait() }
        var chunk = spare.popLast() ?? RecycledBuffers.takeArray()
        condition.unlock()
        chunk.removeAll(keepingCapacity: true)
        chunk.append(contentsOf: bytes)
        condition.lock()
        chunks.append(chunk)
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for every chunk to be hashed and returns the hex digest.
    func finalizeHex() -> String {
        guard threadStarted else {
            if digest == nil { digest = hasher.finalizeHex() }
            return digest ?? ""
        }
        condition.lock()
        defer { condition.unlock() }
        finished = true
        condition.broadcast()
        while digest == nil { condition.wait() }
        return digest ?? ""
    }

    /// Lets the thread end without a digest (the file was abandoned).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while chunks.isEmpty && !finished && !cancelled { condition.wait() }
            if cancelled || (chunks.isEmpty && finished) {
                if !cancelled { digest = hasher.finalizeHex() }
                var unused = spare + chunks
                (spare, chunks) = ([], [])
                condition.broadcast()
                condition.unlock()
                // For the next file's hash; popped, so that each is held once and kept as it is.
                while let chunk = unused.popLast() { RecycledBuffers.giveBack(chunk) }
                return
            }
            let chunk = chunks.removeFirst()
            condition.unlock()
            chunk.withUnsafeBytes { hasher.update($0) }
            condition.lock()
            spare.append(chunk)
            condition.broadcast()
            condition.unlock()
        }
    }
}
