import CSupport
import Foundation

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
