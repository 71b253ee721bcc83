import Foundation

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
        var out = ""
        let stream = RecordStream(columns, format: format) { out += $0 }
        // Writing to a string cannot fail.
        for row in rows { try? stream.row(row) }
        try? stream.finish()
        return out
    }
}
