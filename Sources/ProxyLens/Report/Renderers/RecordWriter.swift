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
        var out = ""
        let stream = RecordStream(columns, format: format) { out += $0 }
        // Writing to a string cannot fail.
        for row in rows { try? stream.row(row) }
        try? stream.finish()
        return out
    }
}

/// Rows written as they come, in bounded memory whatever their number: each row is handed to
/// `write` at once, except that a table holds its first `tableSample` rows to size its columns.
public final class RecordStream {
    private let columns: [String]
    private let format: RecordFormat
    private let write: (String) throws -> Void
    private var rows = 0
    private var held: [[String]] = []
    private var widths: [Int]?
    /// Rows a table is sized from; later rows keep those widths.
    static let tableSample = 1_000

    public init(_ columns: [String], format: RecordFormat, write: @escaping (String) throws -> Void) {
        self.columns = columns
        self.format = format
        self.write = write
    }

    public func row(_ values: [SQLValue]) throws {
        defer { rows += 1 }
        switch format {
        case .ndjson:
            try write(JSONText.object(columns, values) + "\n")
        case .json:
            try write((rows == 0 ? "[" : ",\n ") + JSONText.object(columns, values))
        case .csv:
            if rows == 0 { try write(columns.map(CSVText.field).joined(separator: ",") + "\r\n") }
            try write(values.map(CSVText.value).joined(separator: ",") + "\r\n")
        case .table:
            let cells = values.map { TextTable.cut(Terminal.clean($0.string ?? ""), TextTable.defaultMaxCell) }
            if let widths {
                try write(TextTable.line(cells, widths: widths))
            } else {
                held.append(cells)
                if held.count >= Self.tableSample { try writeHeldTable() }
            }
        }
    }

    /// Ends the output (the closing bracket, the header of an empty CSV, a short table).
    public func finish() throws {
        switch format {
        case .ndjson: break
        case .json: try write(rows == 0 ? "[]\n" : "]\n")
        case .csv: if rows == 0 { try write(columns.map(CSVText.field).joined(separator: ",") + "\r\n") }
        case .table: if widths == nil { try writeHeldTable() }
        }
    }

    private func writeHeldTable() throws {
        let widths = TextTable.widths(columns, held)
        self.widths = widths
        try write(TextTable.line(columns, widths: widths) + TextTable.line(widths.map { String(repeating: "-", count: $0) }, widths: widths))
        for cells in held { try write(TextTable.line(cells, widths: widths)) }
        held = []
    }
}

/// An aligned plain-text table; long cells are cut with an ellipsis to keep rows readable.
public enum TextTable {
    public static let defaultMaxCell = 60

    public static func render(_ columns: [String], _ rows: [[String]], maxCell: Int = TextTable.defaultMaxCell) -> String {
        let cut = rows.map { $0.map { TextLayout.cutEnd($0, maxCell) } }
        // Numbers right-aligned: a column whose every value is a number.
        let numeric = columns.indices.map { i in !cut.isEmpty && cut.allSatisfy { i < $0.count && Double($0[i]) != nil } }
        return TextLayout.table(columns.enumerated().map { TextLayout.Column($1, right: numeric[$0]) }, cut, width: nil)
    }

    static func cut(_ cell: String, _ maxCell: Int) -> String {
        cell.count > maxCell ? String(cell.prefix(maxCell - 1)) + "…" : cell
    }

    static func widths(_ columns: [String], _ rows: [[String]]) -> [Int] {
        var widths = columns.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        return widths
    }

    /// One row, each cell but the last padded to its column's width, and a line break.
    static func line(_ cells: [String], widths: [Int]) -> String {
        cells.enumerated().map { i, cell in
            i == cells.count - 1 || i >= widths.count ? cell : cell + String(repeating: " ", count: max(0, widths[i] - cell.count))
        }.joined(separator: "  ") + "\n"
    }
}
