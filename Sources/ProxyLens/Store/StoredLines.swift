/// `event` read once in storage order, with no index, as deriving reads it: the values a
/// `LineGatherer` takes, plus the dedupe columns. Messages are read only where
/// `LineRole.readsMessage` says so. Shared by the derive scan and by an ingest that adds to a
/// database already holding events (which gathers those lines before its own, and keys them for
/// its in-memory dedupe), so both read exactly the same values.
struct StoredLines {
    let database: Database

    /// One stored line; the buffers are valid only during the call.
    struct Line {
        var id: Int64
        var role: LineRole
        var request: UnsafeBufferPointer<UInt8>?
        var stream: UnsafeBufferPointer<UInt8>
        var ts: Int64
        var transactionEffect: Int64
        var group: UnsafeBufferPointer<UInt8>?
        var proxyTs: Int64?
        var client: Int64?
        var db: Int64?
        var message: UnsafeBufferPointer<UInt8>?
        var messageHash: Int64
        var dedupeSlot: Int64
        var sourceId: Int64

        func gather(into gatherer: LineGatherer) {
            gatherer.add(role: role, request: request, stream: stream, ts: ts, eventId: id, transactionEffect: transactionEffect,
                         group: group, proxyTs: proxyTs, client: client, db: db, message: message)
        }
    }

    func forEach(_ body: (Line) throws -> Void) throws {
        let scan = try database.prepare("""
            SELECT kind, request_id, log_stream, ts, id, txn_effect, log_group, proxy_ts, client_connection, db_connection,
                   \(LineRole.scanMessageSQL), msg_hash, dedupe_slot, source_id
            FROM event
            """)
        while try scan.step() {
            try body(Line(id: scan.int(4) ?? 0, role: scan.textBytes(0).map(LineRole.init(kind:)) ?? .unrelated, request: scan.textBytes(1),
                          stream: scan.textBytes(2) ?? UnsafeBufferPointer(start: nil, count: 0), ts: scan.int(3) ?? 0,
                          transactionEffect: scan.int(5) ?? 0, group: scan.textBytes(6), proxyTs: scan.int(7), client: scan.int(8),
                          db: scan.int(9), message: scan.textBytes(10), messageHash: scan.int(11) ?? 0, dedupeSlot: scan.int(12) ?? 0,
                          sourceId: scan.int(13) ?? 0))
        }
    }
}
