import Foundation

/// Text for CSV cells (RFC 4180), safe to open in a spreadsheet.
public enum CSVText {
    /// Quoted when needed; a text cell starting with `=`, `+`, `-`, `@`, tab or carriage
    /// return is prefixed with `'` (OWASP's rule against formula injection).
    public static func field(_ text: String) -> String {
        var text = text
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || text.hasPrefix(" ") || text.hasSuffix(" ") {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    /// A database value: numbers as they are (a negative number is a number), text as `field`.
    public static func value(_ value: SQLValue) -> String {
        switch value {
        case .integer, .real: return value.string ?? ""
        default: return field(value.string ?? "")
        }
    }
}
