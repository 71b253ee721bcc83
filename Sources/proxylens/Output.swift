import Foundation
import ProxyLens
#if canImport(Glibc)
import Glibc
#endif

/// Standard output with every write checked: a full disk, `/dev/full`, a closed or broken pipe
/// is an error with a message and status 2, never a crash or a silently short file.
final class Output {
    nonisolated(unsafe) static let standard = Output()
    private var buffer: [UInt8] = []

    /// Buffers `text`, writing out each 64 KiB.
    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// `text` and a line break.
    func line(_ text: String) throws { try write(text + "\n") }

    /// Writes out what is buffered.
    func flush() throws {
        defer { buffer.removeAll(keepingCapacity: true) }
        var written = 0
        try buffer.withUnsafeBytes { bytes in
            while written < bytes.count {
                let n = Glibc.write(1, bytes.baseAddress! + written, bytes.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ProxyLensError(.usage, "standard output", "cannot write: \(String(cString: strerror(errno)))")
                }
                written += n
            }
        }
    }
}
