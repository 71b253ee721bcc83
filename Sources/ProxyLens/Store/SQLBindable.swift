import CSupport

/// A Swift value a statement parameter can take, bound without boxing it in a `SQLValue`:
/// deriving binds hundreds of thousands of rows, and an array of `SQLValue` per row costs more
/// than the insert.
public protocol SQLBindable {
    func bind(to statement: Statement, at index: Int32)
}

extension String: SQLBindable {
    public func bind(to statement: Statement, at index: Int32) { statement.bind(self, at: index) }
}

extension Int64: SQLBindable {
    public func bind(to statement: Statement, at index: Int32) { sqlite3_bind_int64(statement.pointer, index, self) }
}

extension Int: SQLBindable {
    public func bind(to statement: Statement, at index: Int32) { sqlite3_bind_int64(statement.pointer, index, Int64(self)) }
}

extension Double: SQLBindable {
    public func bind(to statement: Statement, at index: Int32) { sqlite3_bind_double(statement.pointer, index, self) }
}

/// SQLite has no boolean: 1 and 0, as the schema's flag columns hold them.
extension Bool: SQLBindable {
    public func bind(to statement: Statement, at index: Int32) { sqlite3_bind_int64(statement.pointer, index, self ? 1 : 0) }
}

extension SQLValue: SQLBindable {
    public func bind(to statement: Statement, at index: Int32) { statement.bind(self, at: index) }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    public func bind(to statement: Statement, at index: Int32) {
        if let value = self { value.bind(to: statement, at: index) } else { sqlite3_bind_null(statement.pointer, index) }
    }
}

extension Statement {
    /// Binds `values` to parameters 1, 2, … in the order given: a row written as the list of its
    /// values, never as hand-numbered parameters that drift from the column list.
    public func bindRow<each Value: SQLBindable>(_ values: repeat each Value) {
        var index: Int32 = 0
        for value in repeat each values {
            index += 1
            value.bind(to: self, at: index)
        }
    }
}
