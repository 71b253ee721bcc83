import Foundation

/// Output formats for rows of records.
public enum RecordFormat: String, CaseIterable, Sendable {
    case table, json, ndjson, csv
}

/// Renders rows (column names + values) as a table, JSON array, NDJSON or CSV.
public enum RecordWriter {
    public static func render(_ columns: [String], _ rows: [[SQLValue]], format: RecordFormat) -> String {
        switch format {
        case .ndjson:
            return rows.map { JSONText.object(columns, $0) + "\n" }.joined()
        case .json:
            return "[" + rows.map { JSONText.object(columns, $0) }.joined(separator: ",\n ") + "]\n"
        case .csv:
            return ([columns.map(CSVText.field)] + rows.map { $0.map { CSVText.field($0.string ?? "") } })
                .map { $0.joined(separator: ",") + "\r\n" }.joined()
        case .table:
            return TextTable.render(columns, rows.map { $0.map { Terminal.clean($0.string ?? "") } })
        }
    }
}

/// JSON text without Foundation's escaping of `/`, keeping integer types.
public enum JSONText {
    public static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"  // safe to embed in HTML
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

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

public enum CSVText {
    public static func field(_ text: String) -> String {
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || text.hasPrefix(" ") || text.hasSuffix(" ") {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}

/// Makes log text safe for a terminal: no escape sequences or other control characters.
public enum Terminal {
    public static func clean(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var skippingEscape = false
        for scalar in text.unicodeScalars {
            if skippingEscape {
                if scalar.value >= 0x40 && scalar.value <= 0x7e && scalar != "[" { skippingEscape = false }
                continue
            }
            if scalar.value == 0x1b { skippingEscape = true; continue }
            if scalar == "\t" || scalar == "\n" || scalar == "\r" { out.append(" "); continue }
            if scalar.value < 0x20 || (scalar.value >= 0x7f && scalar.value < 0xa0) { continue }
            if scalar.value == 0x202e || scalar.value == 0x202d || scalar.value == 0x2066 || scalar.value == 0x2067 || scalar.value == 0x2068 || scalar.value == 0x2069 { continue }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}

/// An aligned plain-text table; long cells are cut with an ellipsis to keep rows readable.
public enum TextTable {
    public static func render(_ columns: [String], _ rows: [[String]], maxCell: Int = 60) -> String {
        let cut = rows.map { $0.map { $0.count > maxCell ? String($0.prefix(maxCell - 1)) + "…" : $0 } }
        var widths = columns.map(\.count)
        for row in cut { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[i] - cell.count))
            }.joined(separator: "  ")
        }
        var out = line(columns) + "\n"
        out += line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in cut { out += line(row) + "\n" }
        return out
    }
}
