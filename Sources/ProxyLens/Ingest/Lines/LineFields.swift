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

/// Lambda JSON-format platform records.
enum PlatformRecord {
    static func record(_ message: String) -> [String: Any]? {
        guard let data = message.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["record"] as? [String: Any]
    }

    /// The values a `platform.report` record sets. One record per invocation: the few fields are
    /// read by key instead of building a tree. A field it lacks leaves the invocation's value.
    static func reportValues(bytes: UnsafeBufferPointer<UInt8>) -> ReportValues {
        var values = ReportValues()
        if let durationMs = number(bytes, "\"durationMs\"") { values.durationMs = durationMs }
        if let billedMs = number(bytes, "\"billedDurationMs\"") { values.billedMs = Int64(billedMs) }
        if let memoryMB = number(bytes, "\"memorySizeMB\"") { values.memoryMB = Int64(memoryMB) }
        if let maxMemoryMB = number(bytes, "\"maxMemoryUsedMB\"") { values.maxMemoryMB = Int64(maxMemoryMB) }
        if let initMs = number(bytes, "\"initDurationMs\"") { values.initMs = initMs }
        if let status = LineFormat.jsonStringField(bytes, "\"status\"") { values.status = status.lowercased() }
        if let type = LineFormat.jsonStringField(bytes, "\"errorType\"") { values.errorType = type }
        return values
    }

    /// The number after `"key":` in a one-line JSON record.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ key: StaticString) -> Double? {
        guard let base = bytes.baseAddress,
              let hit = proxylens_memmem(base, bytes.count, key.utf8Start, key.utf8CodeUnitCount) else { return nil }
        var i = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base + key.utf8CodeUnitCount
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == UInt8(ascii: ":") { i += 1 }
        var end = i
        while end < bytes.count, (bytes[end] >= 48 && bytes[end] <= 57) || bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: "e") || bytes[end] == UInt8(ascii: "E") || bytes[end] == UInt8(ascii: "+") { end += 1 }
        guard end > i else { return nil }
        return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self))
    }
}

/// Pieces of application and error lines.
enum ErrorText {
    /// The message part of an application line: after `[LEVEL]\t<ts>\t<id>\t`, after
    /// `<ts>\t<id>\t<LEVEL>\t`, or the `message` of a JSON record.
    static func body(ofAppLine line: String) -> String {
        if line.hasPrefix("{") {
            if let data = line.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
                if let text = object["message"] as? String { return text }
                if let inner = object["message"] as? [String: Any] {
                    let type = inner["errorType"] as? String ?? ""
                    let text = inner["errorMessage"] as? String ?? ""
                    return type.isEmpty ? text : "\(type): \(text)"
                }
            }
            return line
        }
        // After the third tab, found on the bytes: splitting Characters costs more than the rest
        // on a long stack trace. A tab followed by a non-ASCII byte might be one Character with a
        // combining mark, which `split` would not see as a tab: those lines take the slow way.
        var tabs = 0
        for index in line.utf8.indices where line.utf8[index] == 0x09 {
            let next = line.utf8.index(after: index)
            if next < line.utf8.endIndex, line.utf8[next] >= 0x80 {
                let parts = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
                return (parts.count == 4 ? String(parts[3]) : line).trimmingWhitespaceAndNewlines()
            }
            tabs += 1
            if tabs == 3 { return String(line[next...]).trimmingWhitespaceAndNewlines() }
        }
        return line.trimmingWhitespaceAndNewlines()
    }

    /// `[ERROR] QueryCanceled: …` → QueryCanceled; `…\tfail\tMicrosoft.Data.SqlClient.SqlException (0x…): …` → SqlException.
    static func exceptionType(_ message: String) -> String? {
        if message.hasPrefix("{"), let type = jsonErrorType(message) { return type }
        var text = message
        if text.hasPrefix("[ERROR] ") { text = String(text.dropFirst(8)) } else { text = body(ofAppLine: text) }
        if text.hasPrefix("Invoke Error") {
            if let range = text.utf8Range(of: "\"errorType\":\"") {
                return String(text[range.upperBound...].prefix { $0 != "\"" })
            }
        }
        let head = text.prefix { $0 != ":" && $0 != "\n" && $0 != " " && $0 != "(" }
        guard !head.isEmpty, head.count < 120 else { return nil }
        return String(head.split(separator: ".").last ?? head)
    }

    static func jsonErrorType(_ message: String) -> String? {
        guard let range = message.utf8Range(of: "\"errorType\":\"") else { return nil }
        return String(message[range.upperBound...].prefix { $0 != "\"" })
    }
}

/// Pieces of RDS Proxy messages.
enum ProxyMessage {
    /// The text after the timestamp, level and `[tag=value]` prefixes.
    static func body(_ message: String) -> String {
        var rest = Substring(message)
        if let space = rest.firstIndex(of: " "), TextExportReaderDate.isDate(rest.prefix(19)) {
            rest = rest[rest.index(after: space)...]
        }
        while rest.hasPrefix("[") , let close = rest.firstIndex(of: "]") {
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        }
        return String(rest)
    }

    /// `Proxy authentication with … succeeded for user "X" …` → X
    static func authUser(_ body: String) -> String? {
        guard body.hasPrefix("Proxy authentication"), let range = body.utf8Range(of: "for user \"") else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The text after `Reason: `, with a trailing `Digest: "…".` split off.
    static func reasonAndDigest(_ body: String) -> (reason: String?, digest: String?) {
        guard let range = body.utf8Range(of: "Reason: ") else { return (nil, nil) }
        var reason = String(body[range.upperBound...]).trimmingWhitespaceAndNewlines()
        var digest: String?
        if let digestRange = reason.utf8Range(of: " Digest: \"") {
            var text = reason[digestRange.upperBound...]
            if text.hasSuffix("\".") { text = text.dropLast(2) } else if text.hasSuffix("\"") { text = text.dropLast() }
            digest = String(text)
            reason = String(reason[..<digestRange.lowerBound])
        }
        return (reason, digest)
    }

    /// The address's IP: its first piece between colons (`ip:port`), as
    /// `address.split(separator: ":").first` would give, without making the pieces.
    static func clientIP(fromAddress address: String) -> String {
        let utf8 = address.utf8
        guard let start = utf8.firstIndex(where: { $0 != UInt8(ascii: ":") }) else { return "" }
        let end = utf8[start...].firstIndex(of: UInt8(ascii: ":")) ?? utf8.endIndex
        return String(address[start..<end])
    }

    static func closeKind(_ reason: String) -> String {
        let lower = reason.lowercased()
        if lower.contains("idle") { return "idle-timeout" }
        if lower.contains("client requested") { return "client-requested" }
        if lower.contains("tcp channel") { return "tcp-closed" }
        return "other"
    }
}

enum TextExportReaderDate {
    static func isDate(_ text: Substring) -> Bool {
        var copy = String(text)
        return copy.withUTF8 { TextExportReader.startsWithDate($0) }
    }
}

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
