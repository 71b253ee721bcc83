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

    static func apply(_ message: String, to invocation: Deriver.Invocation) {
        var copy = message
        copy.withUTF8 { apply(bytes: $0, to: invocation) }
    }

    /// The same fields, read from bytes without Foundation: this runs once per invocation.
    static func apply(bytes: UnsafeBufferPointer<UInt8>, to invocation: Deriver.Invocation) {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x09, bytes[end] != 0x0a { end += 1 }
            if let colon = (start..<end).first(where: { bytes[$0] == UInt8(ascii: ":") }) {
                let key = trimmed(bytes, start, colon)
                let value = trimmed(bytes, colon + 1, end)
                switch key.count {
                case 8 where key.elementsEqual("Duration".utf8): invocation.durationMs = number(bytes, value)
                case 15 where key.elementsEqual("Billed Duration".utf8): invocation.billedMs = number(bytes, value).map { Int64($0) }
                case 11 where key.elementsEqual("Memory Size".utf8): invocation.memoryMB = number(bytes, value).map { Int64($0) }
                case 15 where key.elementsEqual("Max Memory Used".utf8): invocation.maxMemoryMB = number(bytes, value).map { Int64($0) }
                case 13 where key.elementsEqual("Init Duration".utf8): invocation.initMs = number(bytes, value) ?? invocation.initMs
                case 6 where key.elementsEqual("Status".utf8):
                    invocation.reportStatus = String(decoding: UnsafeBufferPointer(rebasing: value), as: UTF8.self).lowercased()
                case 10 where key.elementsEqual("Error Type".utf8):
                    invocation.errorType = String(decoding: UnsafeBufferPointer(rebasing: value), as: UTF8.self)
                default: break
                }
            }
            start = end + 1
        }
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

    static func applyReport(_ message: String, to invocation: Deriver.Invocation) {
        guard let record = record(message) else { return }
        let metrics = record["metrics"] as? [String: Any] ?? [:]
        invocation.durationMs = (metrics["durationMs"] as? NSNumber)?.doubleValue
        invocation.billedMs = (metrics["billedDurationMs"] as? NSNumber)?.int64Value
        invocation.memoryMB = (metrics["memorySizeMB"] as? NSNumber)?.int64Value
        invocation.maxMemoryMB = (metrics["maxMemoryUsedMB"] as? NSNumber)?.int64Value
        invocation.initMs = (metrics["initDurationMs"] as? NSNumber)?.doubleValue ?? invocation.initMs
        if let status = record["status"] as? String { invocation.reportStatus = status.lowercased() }
        if let type = record["errorType"] as? String { invocation.errorType = type }
    }

    static func applyRuntimeDone(_ message: String, to invocation: Deriver.Invocation) {
        guard let record = record(message) else { return }
        if let status = record["status"] as? String, status != "success" { invocation.reportStatus = status.lowercased() }
        if let type = record["errorType"] as? String { invocation.errorType = invocation.errorType ?? type }
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
        let parts = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
        if parts.count == 4 { return String(parts[3]).trimmingCharacters(in: .whitespacesAndNewlines) }
        return line.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `[ERROR] QueryCanceled: …` → QueryCanceled; `…\tfail\tMicrosoft.Data.SqlClient.SqlException (0x…): …` → SqlException.
    static func exceptionType(_ message: String) -> String? {
        var text = message
        if text.hasPrefix("[ERROR] ") { text = String(text.dropFirst(8)) } else { text = body(ofAppLine: text) }
        if text.hasPrefix("Invoke Error") {
            if let range = text.range(of: "\"errorType\":\"") {
                return String(text[range.upperBound...].prefix { $0 != "\"" })
            }
        }
        let head = text.prefix { $0 != ":" && $0 != "\n" && $0 != " " && $0 != "(" }
        guard !head.isEmpty, head.count < 120 else { return nil }
        return String(head.split(separator: ".").last ?? head)
    }

    static func jsonErrorType(_ message: String) -> String? {
        guard let range = message.range(of: "\"errorType\":\"") else { return nil }
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

    static func tag(_ message: String, _ name: String) -> String? {
        guard let range = message.range(of: "[\(name)=") else { return nil }
        return String(message[range.upperBound...].prefix { $0 != "]" })
    }

    /// `A new client connected from 10.0.10.240:56779.` → `10.0.10.240:56779`
    static func clientAddress(_ body: String) -> String? {
        guard body.hasPrefix("A new client connected from ") else { return nil }
        var address = body.dropFirst("A new client connected from ".count)
        if address.hasSuffix(".") { address = address.dropLast() }
        return String(address)
    }

    /// `Proxy authentication with … succeeded for user "X" …` → X
    static func authUser(_ body: String) -> String? {
        guard body.hasPrefix("Proxy authentication"), let range = body.range(of: "for user \"") else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The text after `Reason: `, with a trailing `Digest: "…".` split off.
    static func reasonAndDigest(_ body: String) -> (reason: String?, digest: String?) {
        guard let range = body.range(of: "Reason: ") else { return (nil, nil) }
        var reason = String(body[range.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        var digest: String?
        if let digestRange = reason.range(of: " Digest: \"") {
            var text = reason[digestRange.upperBound...]
            if text.hasSuffix("\".") { text = text.dropLast(2) } else if text.hasSuffix("\"") { text = text.dropLast() }
            digest = String(text)
            reason = String(reason[..<digestRange.lowerBound])
        }
        return (reason, digest)
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
