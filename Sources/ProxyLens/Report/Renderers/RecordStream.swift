import Foundation

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
