import Foundation

/// Output formats for rows of records.
public enum RecordFormat: String, CaseIterable, Sendable {
    case table, json, ndjson, csv
}

/// Renders rows (column names + values) as a table, JSON array, NDJSON or CSV.
public enum RecordWriter {
    /// `failures` as a table fitted to `width` (nil: whole values): ids cut from the left, text
    /// at the end, numbers right-aligned; a time column shows the time of day alone, with the
    /// date in its heading, when every row is on one date.
    public static func table(_ columns: [String], _ rows: [[SQLValue]], width: Int?) -> String {
        var names = columns
        var cells = rows.map { $0.map { Terminal.clean($0.string ?? "") } }
        // Evidence shows its log lines, not their JSON.
        if let evidence = columns.firstIndex(of: "evidence") {
            for r in cells.indices {
                let items = (try? JSONSerialization.jsonObject(with: Data(rows[r][evidence].string?.utf8 ?? "[]".utf8)) as? [[String: Any]]) ?? []
                cells[r][evidence] = Terminal.clean(items.compactMap { $0["text"] as? String }.joined(separator: " | "))
            }
        }
        if let time = columns.firstIndex(of: "time"), width != nil, let first = cells.first?[time], first.count == 24,
           cells.allSatisfy({ $0[time].prefix(10) == first.prefix(10) }) {
            names[time] = String(first.prefix(10))
            for r in cells.indices { cells[r][time] = String(cells[r][time].dropFirst(11).dropLast()) }
        }
        let layout = names.enumerated().map { i, name -> TextLayout.Column in
            switch columns[i] {
            case "request_id", "example": return .init(name, fit: .cutStart, min: 13)
            case "instance": return .init(name, fit: .id, min: 16)
            case "cause": return .init(name, fit: .cutEnd, min: 16)
            case "function", "functions": return .init(name, fit: .cutEnd, min: 10)
            case "error": return .init(name, fit: .cutEnd, min: 21)
            case "confidence", "failures": return .init(name, right: true)
            case "time", "first", "last": return .init(name)
            default: return .init(name, fit: .cutEnd, min: 16)
            }
        }
        return TextLayout.table(layout, cells, width: width)
    }

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
        let cut = rows.map { $0.map { TextLayout.cutEnd($0, maxCell) } }
        // Numbers right-aligned: a column whose every value is a number.
        let numeric = columns.indices.map { i in !cut.isEmpty && cut.allSatisfy { i < $0.count && Double($0[i]) != nil } }
        return TextLayout.table(columns.enumerated().map { TextLayout.Column($1, right: numeric[$0]) }, cut, width: nil)
    }
}
