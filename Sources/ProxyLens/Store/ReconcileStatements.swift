import CSupport

/// The lookups that reconcile an event with its copy of the other kind (with or without an
/// eventId) through the dedupe index, for `BackgroundInserter.writeReconciling`. Each binds the
/// group (stream, time, message hash) last given to `bindGroup`.
final class ReconcileStatements {
    private let withId: Statement
    private let withoutId: Statement
    /// Overwrites stored event ?19 with the event bound as `EventStatements` binds a row.
    let takeOver: Statement
    private var stream: [UInt8] = []
    private var ts: Int64 = 0
    private var hash: Int64 = 0

    init(database: Database) throws {
        withId = try database.statement("SELECT 1 FROM event WHERE log_stream = ? AND ts = ? AND msg_hash = ? AND dedupe_slot <> 0 LIMIT 1")
        withoutId = try database.statement("SELECT id FROM event WHERE log_stream = ? AND ts = ? AND msg_hash = ? AND dedupe_slot = 0")
        takeOver = try database.statement("""
            UPDATE OR IGNORE event SET log_group = ?1, log_stream = ?2, ts = ?3, ingestion_ts = ?4, event_id = ?5, message = ?6,
                source_line = ?7, source_offset = ?8, msg_hash = ?9, kind = ?10, request_id = ?11, level = ?12, proxy_ts = ?13,
                client_connection = ?14, db_connection = ?15, txn_effect = ?16, source_id = ?17, dedupe_slot = ?18
            WHERE id = ?19
            """)
    }

    func bindGroup(_ row: EventBatch.Row, hash: UInt64, in base: UnsafePointer<UInt8>) {
        stream = Array(UnsafeBufferPointer(start: base + Int(row.logStream.start), count: max(0, Int(row.logStream.count))))
        ts = row.timestamp
        self.hash = Int64(bitPattern: hash)
    }

    private func prepare(_ statement: Statement) {
        statement.reset()
        stream.withUnsafeBufferPointer { bytes in
            sqlite3_bind_text(statement.pointer, 1, UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self),
                              Int32(bytes.count), proxylens_sqlite_transient())
        }
        sqlite3_bind_int64(statement.pointer, 2, ts)
        sqlite3_bind_int64(statement.pointer, 3, hash)
    }

    /// Whether the group holds an event with an id.
    func groupHasEventWithId() throws -> Bool {
        prepare(withId)
        return try withId.step()
    }

    /// The `event.id` of the group's event without an id, if it has one.
    func eventWithoutId() throws -> Int64? {
        prepare(withoutId)
        return try withoutId.step() ? withoutId.int(0) : nil
    }

}
