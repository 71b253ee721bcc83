import CSupport

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
