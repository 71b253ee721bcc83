/// Rows in an array, found by key: a dictionary of small indexes stays compact where one holding
/// whole rows, at its load factor, would not.
struct KeyedRows<Key: Hashable, Row> {
    private var index: [Key: Int32] = [:]
    private(set) var keys: [Key] = []
    private var rows: [Row] = []

    var count: Int { rows.count }

    /// The position of the row for `key`, adding `row` there first when there is none.
    mutating func position(of key: Key, orAdd row: @autoclosure () -> Row) -> Int {
        if let existing = index[key] { return Int(existing) }
        index[key] = Int32(rows.count)
        keys.append(key)
        rows.append(row())
        return rows.count - 1
    }

    subscript(position: Int) -> Row {
        get { rows[position] }
        _modify { yield &rows[position] }
    }
}
