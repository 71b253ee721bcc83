import CSupport
import Foundation

/// `REPORT RequestId: …\tDuration: 26.73 ms\tBilled Duration: 27 ms\t…`: `key: value` pairs
/// split on tabs; field order is not guaranteed across eras.
enum ReportLine {
    static func fields(_ message: String) -> [String: String] {
        var result: [String: String] = [:]
        for part in message.split(separator: "\t") {
            guard let colon = part.firstIndex(of: ":") else { continue }
            let key = part[..<colon].trimmingCharacters(in: .whitespaces)
            let value = part[part.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            result[key] = value
        }
        return result
    }

    /// "26.73 ms" → 26.73; "128 MB" → 128.
    static func number(_ text: String?) -> Double? {
        guard let text else { return nil }
        return Double(text.split(separator: " ").first ?? "")
    }

    /// The values a REPORT line sets, read from bytes without Foundation: this runs once per
    /// invocation. Of a key that appears twice, the later value counts.
    static func values(bytes: UnsafeBufferPointer<UInt8>) -> ReportValues {
        // A REPORT line copied from the console has spaces where the platform wrote tabs.
        if bytes.firstIndex(of: 0x09) == nil {
            let tabbed = tabsBeforeKeys(bytes)
            if tabbed.contains(0x09) { return tabbed.withUnsafeBufferPointer { ReportLine.values(bytes: $0) } }
        }
        var values = ReportValues()
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x09, bytes[end] != 0x0a { end += 1 }
            if let colon = (start..<end).first(where: { bytes[$0] == UInt8(ascii: ":") }) {
                let key = trimmed(bytes, start, colon)
                let value = trimmed(bytes, colon + 1, end)
                switch key.count {
                case 8 where key.elementsEqual("Duration".utf8): values.durationMs = .some(number(bytes, value))
                case 15 where key.elementsEqual("Billed Duration".utf8): values.billedMs = .some(number(bytes, value).map { Int64($0) })
                case 11 where key.elementsEqual("Memory Size".utf8): values.memoryMB = .some(number(bytes, value).map { Int64($0) })
                case 15 where key.elementsEqual("Max Memory Used".utf8): values.maxMemoryMB = .some(number(bytes, value).map { Int64($0) })
                case 13 where key.elementsEqual("Init Duration".utf8):
                    // An unreadable init duration keeps the one already seen.
                    if let initMs = number(bytes, value) { values.initMs = initMs }
                case 6 where key.elementsEqual("Status".utf8):
                    values.status = String(decoding: UnsafeBufferPointer(rebasing: value), as: UTF8.self).lowercased()
                case 10 where key.elementsEqual("Error Type".utf8):
                    values.errorType = String(decoding: UnsafeBufferPointer(rebasing: value), as: UTF8.self)
                default: break
                }
            }
            start = end + 1
        }
        return values
    }

    /// The REPORT keys, longest first so that `Duration:` is not found inside `Billed Duration:`.
    static let keys = ["Billed Restore Duration:", "Max Memory Used:", "Restore Duration:", "Billed Duration:", "Init Duration:",
                       "Memory Size:", "XRAY TraceId:", "Error Type:", "SegmentId:", "Duration:", "Sampled:", "Status:"]

    /// The line with the white space before each key replaced by a tab.
    static func tabsBeforeKeys(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = Array(bytes)
        var taken = [Bool](repeating: false, count: out.count)
        for key in keys {
            let needle = Array(key.utf8)
            var i = 1
            while i + needle.count <= out.count {
                if !taken[i], out[i - 1] == 0x20, Array(out[i..<(i + needle.count)]) == needle {
                    for j in i..<(i + needle.count) { taken[j] = true }
                    // The space before the key becomes the tab; the value's reader trims the rest.
                    out[i - 1] = 0x09
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Slice<UnsafeBufferPointer<UInt8>> {
        var a = from, b = to
        while a < b, bytes[a] == 0x20 { a += 1 }
        while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x0d { b -= 1 }
        return bytes[a..<b]
    }

    /// "26.73 ms" → 26.73
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ value: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        var integer: Double = 0, fraction: Double = 0, scale: Double = 1
        var seenDigit = false, inFraction = false
        for byte in value {
            if byte >= 48 && byte <= 57 {
                seenDigit = true
                if inFraction { scale /= 10; fraction += Double(byte - 48) * scale } else { integer = integer * 10 + Double(byte - 48) }
            } else if byte == UInt8(ascii: "."), !inFraction {
                inFraction = true
            } else {
                break
            }
        }
        return seenDigit ? integer + fraction : nil
    }
}
