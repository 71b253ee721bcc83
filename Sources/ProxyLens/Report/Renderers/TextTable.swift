import Foundation

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
