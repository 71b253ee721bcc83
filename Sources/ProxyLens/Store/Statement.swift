import CSupport
import Foundation

/// A prepared statement; bind by position (1-based), step, read columns.
public final class Statement {
    let pointer: OpaquePointer
    unowned let database: Database
    public let sql: String

    init(database: Database, sql: String) throws {
        var statement: OpaquePointer?
        if sqlite3_prepare_v2(database.handle, sql, -1, &statement, nil) != SQLITE_OK || statement == nil {
            throw database.error("cannot prepare statement")
        }
        pointer = statement!
        self.database = database
        self.sql = sql
    }

    init(database: Database, prepared: OpaquePointer, sql: String) {
        pointer = prepared
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(pointer) }

    /// Names of the statement's parameters (`:name`), in order.
    public var parameterNames: [String] {
        (1...max(1, sqlite3_bind_parameter_count(pointer))).compactMap { index in
            sqlite3_bind_parameter_name(pointer, index).map { String(cString: $0) }
        }
    }

    public func reset() {
        sqlite3_reset(pointer)
        sqlite3_clear_bindings(pointer)
    }

    /// For a statement whose every parameter is bound again before the next step: clearing
    /// them first would only free what the new bindings free anyway.
    func resetForRebinding() {
        sqlite3_reset(pointer)
    }

    /// The index of a named parameter (`:name`), 0 when the statement has none by that name.
    public func parameterIndex(_ name: String) -> Int32 { sqlite3_bind_parameter_index(pointer, name) }

    public var columnCount: Int { Int(sqlite3_column_count(pointer)) }
    public func columnName(_ index: Int) -> String { String(cString: sqlite3_column_name(pointer, Int32(index))) }
    public var isReadOnly: Bool { sqlite3_stmt_readonly(pointer) != 0 }

    public func bind(_ values: [SQLValue]) throws {
        for (i, value) in values.enumerated() { bind(value, at: Int32(i + 1)) }
    }

    public func bind(_ value: SQLValue, at index: Int32) {
        switch value {
        case .null: sqlite3_bind_null(pointer, index)
        case .integer(let v): sqlite3_bind_int64(pointer, index, v)
        case .real(let v): sqlite3_bind_double(pointer, index, v)
        case .text(let s): bind(s, at: index)
        case .blob(let b): b.withUnsafeBytes { _ = sqlite3_bind_blob(pointer, index, $0.baseAddress, Int32($0.count), proxylens_sqlite_transient()) }
        }
    }

    public func bind(_ value: Int64?, at index: Int32) {
        if let value { sqlite3_bind_int64(pointer, index, value) } else { sqlite3_bind_null(pointer, index) }
    }

    public func bind(_ value: Double?, at index: Int32) {
        if let value { sqlite3_bind_double(pointer, index, value) } else { sqlite3_bind_null(pointer, index) }
    }

    public func bind(_ value: String?, at index: Int32) {
        guard let value else { sqlite3_bind_null(pointer, index); return }
        var copy = value
        copy.withUTF8 { utf8 in
            _ = sqlite3_bind_text(pointer, index, UnsafeRawPointer(utf8.baseAddress!).assumingMemoryBound(to: CChar.self),
                                  Int32(utf8.count), proxylens_sqlite_transient())
        }
    }

    /// Steps once; true when a row is available.
    @discardableResult
    public func step() throws -> Bool {
        let status = sqlite3_step(pointer)
        if status == SQLITE_ROW { return true }
        if status == SQLITE_DONE { return false }
        throw database.error("statement failed")
    }

    /// Steps to completion, discarding rows.
    public func run(_ values: [SQLValue] = []) throws {
        reset()
        try bind(values)
        while try step() {}
    }

    public func value(_ index: Int) -> SQLValue {
        let i = Int32(index)
        switch sqlite3_column_type(pointer, i) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(pointer, i))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(pointer, i))
        case SQLITE_TEXT: return .text(text(index) ?? "")
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(pointer, i))
            guard count > 0, let base = sqlite3_column_blob(pointer, i) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: base, count: count)))
        default: return .null
        }
    }

    public func int(_ index: Int) -> Int64? {
        sqlite3_column_type(pointer, Int32(index)) == SQLITE_NULL ? nil : sqlite3_column_int64(pointer, Int32(index))
    }

    public func double(_ index: Int) -> Double? {
        sqlite3_column_type(pointer, Int32(index)) == SQLITE_NULL ? nil : sqlite3_column_double(pointer, Int32(index))
    }

    /// The column's UTF-8 bytes without copying; valid until the next step or reset.
    public func textBytes(_ index: Int) -> UnsafeBufferPointer<UInt8>? {
        guard let raw = sqlite3_column_text(pointer, Int32(index)) else { return nil }
        return UnsafeBufferPointer(start: raw, count: Int(sqlite3_column_bytes(pointer, Int32(index))))
    }

    public func text(_ index: Int) -> String? {
        guard let raw = sqlite3_column_text(pointer, Int32(index)) else { return nil }
        let count = Int(sqlite3_column_bytes(pointer, Int32(index)))
        return String(decoding: UnsafeBufferPointer(start: raw, count: count), as: UTF8.self)
    }
}
