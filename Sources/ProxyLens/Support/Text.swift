import CSupport
import Foundation

/// Substring search on UTF-8 bytes. Log text is arbitrary: Foundation's `contains` and
/// `range(of:)` (swift-corelibs-foundation bridging through NSString) were found by fuzzing to
/// trap on some inputs, and byte search is also much faster on the hot paths.
extension String {
    func contains(_ other: String) -> Bool {
        utf8Range(of: other) != nil || other.isEmpty
    }

    func utf8Range(of needle: String) -> Range<String.Index>? {
        var haystack = self
        var pattern = needle
        let offset: Int? = haystack.withUTF8 { h in
            pattern.withUTF8 { n in
                guard let hb = h.baseAddress, let nb = n.baseAddress, n.count > 0, h.count >= n.count,
                      let hit = proxylens_memmem(hb, h.count, nb, n.count) else { return nil }
                return UnsafeRawPointer(hit) - UnsafeRawPointer(hb)
            }
        }
        guard let offset else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }
}

extension Substring {
    func contains(_ other: String) -> Bool { String(self).contains(other) }
}

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, done here on the UTF-8 bytes at both
    /// ends: the set's only ASCII members are tab, the line breaks (10–13) and space, and trimming
    /// stops at the first other ASCII byte. Foundation round-trips through NSString and UTF-16,
    /// microseconds a call, which derive and classify make tens of thousands of times; it is
    /// asked only when a non-ASCII character stands at an end.
    func trimmingWhitespaceAndNewlines() -> String {
        let bytes = utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0d) }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        if bytes[first] >= 0x80 || bytes[last] >= 0x80 { return trimmingCharacters(in: .whitespacesAndNewlines) }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}

extension String {
    /// 8-4-4-4-12 hex digits: an export task's id, a Lambda request id.
    var isUUID: Bool {
        let parts = split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
