import CSupport
import Foundation

/// The INSERT statements for `event`, for one row and for `rowsPerStatement` rows.
struct EventStatements {
    static let columns = 18
    static let rowsPerStatement = 16
    let one: Statement
    let many: Statement

    init(database: Database) throws {
        let row = "(" + Array(repeating: "?", count: Self.columns).joined(separator: ", ") + ")"
        func insert(rows: Int) throws -> Statement {
            try database.statement("""
                INSERT OR IGNORE INTO event (log_group, log_stream, ts, ingestion_ts, event_id, message, source_line,
                    source_offset, msg_hash, kind, request_id, level, proxy_ts, client_connection, db_connection, txn_effect, source_id,
                    dedupe_slot)
                VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))
                """)
        }
        one = try insert(rows: 1)
        many = try insert(rows: Self.rowsPerStatement)
    }
}
