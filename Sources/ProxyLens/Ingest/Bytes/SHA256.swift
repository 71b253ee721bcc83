import CSupport
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Incremental SHA-256 over libcrypto.
public final class SHA256 {
    private var context: OpaquePointer?

    public init() { context = proxylens_sha256_new() }

    deinit {
        if context != nil { _ = finalizeHex() }
    }

    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let context, let base = bytes.baseAddress else { return }
        proxylens_sha256_update(context, base, bytes.count)
    }

    public func finalizeHex() -> String {
        guard let context else { return "" }
        var digest = [UInt8](repeating: 0, count: 32)
        proxylens_sha256_final(context, &digest)
        self.context = nil
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
