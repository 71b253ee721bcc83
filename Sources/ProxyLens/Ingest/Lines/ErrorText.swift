import CSupport
import Foundation

/// Pieces of application and error lines.
enum ErrorText {
    /// The message part of an application line: after `[LEVEL]\t<ts>\t<id>\t`, after
    /// `<ts>\t<id>\t<LEVEL>\t`, or the message of a JSON record (`message`, pino's and zap's
    /// `msg`, …: `StructuredLogFields.messageKeys`).
    static func body(ofAppLine line: String) -> String {
        if line.hasPrefix("{") {
            if let data = line.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
                if let text = StructuredLogFields.messageKeys.lazy.compactMap({ object[$0] as? String }).first { return text }
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
