import CSupport
import Foundation

/// Byte-level pieces of RDS Proxy messages, for the derive pass over every proxy line.
enum ProxyBytes {
    /// The text after the timestamp, level and `[tag=value]` prefixes.
    static func body(_ message: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>> {
        var i = message.startIndex
        if TextExportReader.startsWithDate(message), let space = message.firstIndex(of: 0x20) { i = space + 1 }
        while i < message.endIndex, message[i] == UInt8(ascii: "[") {
            guard let close = message[i...].firstIndex(of: UInt8(ascii: "]")) else { break }
            i = close + 1
            while i < message.endIndex, message[i] == 0x20 { i += 1 }
        }
        return message[i...]
    }

    static func hasPrefix(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count >= count, let base = bytes.base.baseAddress else { return false }
        return memcmp(base + bytes.startIndex, prefix.utf8Start, count) == 0
    }

    static func find(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ needle: StaticString) -> Int? {
        guard let base = bytes.base.baseAddress, !bytes.isEmpty,
              let hit = proxylens_memmem(base + bytes.startIndex, bytes.count, needle.utf8Start, needle.utf8CodeUnitCount) else { return nil }
        return UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
    }

    static func contains(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ needle: StaticString) -> Bool {
        find(bytes, needle) != nil
    }

    /// The text after `Reason: `, trimmed.
    static func reason(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        guard let at = find(bytes, "Reason: ") else { return nil }
        var end = bytes.endIndex
        while end > at + 8, bytes.base[end - 1] == 0x0a || bytes.base[end - 1] == 0x20 || bytes.base[end - 1] == 0x0d { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes.base[(at + 8)..<end]), as: UTF8.self)
    }

    /// The text between `after` and the next quote.
    static func quoted(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, after: StaticString) -> String? {
        guard let at = find(bytes, after) else { return nil }
        let start = at + after.utf8CodeUnitCount
        guard start <= bytes.endIndex else { return nil }
        let end = bytes.base[start..<bytes.endIndex].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.endIndex
        return String(decoding: UnsafeBufferPointer(rebasing: bytes.base[start..<end]), as: UTF8.self)
    }

    /// `[name=value]` anywhere in the message.
    static func tag(_ message: UnsafeBufferPointer<UInt8>, _ open: StaticString) -> String? {
        guard let at = find(message[...], open) else { return nil }
        let start = at + open.utf8CodeUnitCount
        let end = message[start...].firstIndex(of: UInt8(ascii: "]")) ?? message.endIndex
        return String(decoding: UnsafeBufferPointer(rebasing: message[start..<end]), as: UTF8.self)
    }
}
