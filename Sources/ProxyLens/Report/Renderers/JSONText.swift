import Foundation

/// JSON text without Foundation's escaping of `/`, keeping integer types.
public enum JSONText {
    /// Embeddable: the HTML page carries JSON in a `<script>`.
    public static func string(_ text: String) -> String { JSONQuoting.quoted(text, embeddable: true) }

    public static func value(_ value: SQLValue) -> String {
        switch value {
        case .null: return "null"
        case .integer(let v): return String(v)
        case .real(let v): return v.isFinite ? String(v) : "null"
        case .text(let s): return string(s)
        case .blob(let b): return string(String(decoding: b, as: UTF8.self))
        }
    }

    public static func object(_ columns: [String], _ values: [SQLValue]) -> String {
        "{" + zip(columns, values).map { string($0) + ":" + (($0 == "evidence" || $0 == "caused_by") ? rawArray($1) : value($1)) }.joined(separator: ",") + "}"
    }

    /// Columns holding JSON arrays are emitted as arrays, not strings.
    static func rawArray(_ value: SQLValue) -> String {
        guard case .text(let text) = value, text.hasPrefix("[") else { return JSONText.value(value) }
        return text
    }
}
