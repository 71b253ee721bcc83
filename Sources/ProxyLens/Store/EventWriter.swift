import CSupport

/// Writes log events into `event`, parsing each message's line kind on the way and skipping
/// events already in the database (overlapping pages, the same events from two exports).
final class EventWriter: EventSink {
    private let database: Database
    var onIssue: (IngestIssue) -> Void = { _ in }
    private(set) var eventsRead = 0
    private(set) var eventsWithoutGroup = 0
    /// Groups for events whose container names none: (Lambda lines, proxy lines).
    var fallbackGroups: (lambda: String?, proxy: String?) = (nil, nil)
    private var groupsSeen: Set<String?> = []
    private var lastGroupSeen: String?
    /// The one log group this source's events belong to, if only one.
    var singleGroup: String? { groupsSeen.count == 1 ? groupsSeen.first ?? nil : nil }
    private var cleaned: [UInt8] = []
    /// Bulk mode (the database had no events when the run began): duplicates within the run are
    /// caught by the inserting thread's set of 64-bit keys, and the dedupe index is left to the
    /// next run that adds events (building it costs about as much as reading a tenth of the input).
    private(set) var isBulk = false
    /// Rows handed over in bulk mode: at most as many keys are held.
    private var bulkRows = 0
    /// Past this many keys the index is built early and the set dropped, to keep memory bounded.
    static let maximumKeysInMemory = 4_000_000

    private var batch = EventBatch()
    private let inserter: BackgroundInserter

    deinit { inserter.stop() }

    init(database: Database) throws {
        self.database = database
        inserter = BackgroundInserter(database: database, statements: try EventStatements(database: database),
                                      messageHash: try MessageHash.used(by: database))
        let indexed = try database.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'event_dedupe'").int == 1
        let empty = try database.scalar("SELECT NOT EXISTS (SELECT 1 FROM event)").int == 1
        if empty {
            if indexed { try database.execute("DROP INDEX event_dedupe") }
            isBulk = true
            inserter.startDeduplicating()
            inserter.startGathering()
        } else if !indexed {
            // The database was bulk-loaded, which leaves the index to the first run that adds to
            // it: built on the first event, so that a run that only skips files never pays for it.
            needsDedupeIndex = true
        }
    }

    private var needsDedupeIndex = false

    /// As in migrations/0001_create_ingest_schema.sql.
    static let createDedupeIndex = "CREATE UNIQUE INDEX IF NOT EXISTS event_dedupe ON event(log_stream, ts, msg_hash)"

    /// Builds the dedupe index, first removing any duplicates a killed bulk run may have left.
    static func buildDedupeIndex(_ database: Database) throws {
        try database.execute("""
            DELETE FROM event WHERE id IN (
                SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY log_stream, ts, msg_hash ORDER BY id) AS n FROM event) WHERE n > 1);
            """ + createDedupeIndex)
    }

    /// Ends bulk mode. A bulk load does not build the dedupe index (see `needsDedupeIndex`),
    /// unless it holds so many keys that it goes on with the index instead (`buildingIndex`).
    /// Call after `finish()`.
    func endBulk(buildingIndex: Bool) throws {
        guard isBulk else { return }
        isBulk = false
        inserter.stopDeduplicating()
        if buildingIndex { try database.execute(Self.createDedupeIndex) }
    }

    /// Starts counting for a new source, whose events go to `source` row `sourceId`. When
    /// `queued`, the row is inserted by `insertSource` on the inserting thread, before the
    /// source's events; else here, after every event accepted so far is written.
    func begin(queued: Bool, insertSource: @escaping () throws -> Int64) throws {
        eventsRead = 0
        eventsWithoutGroup = 0
        groupsSeen = []
        try afterWritten(queued: queued) { [inserter] in inserter.startSource(try insertSource()) }
    }

    /// Runs `work` once every event accepted so far is in the database: when `queued`, on the
    /// inserting thread behind them (so the reading thread need not wait); else here, after
    /// waiting for them. `work` may use the database and `eventsAddedBySource`.
    func afterWritten(queued: Bool, _ work: @escaping () throws -> Void) throws {
        if queued {
            try flushBatch()
            try inserter.submit(work: work)
        } else {
            try finish()
            try work()
        }
    }

    /// Events of the current source that were new to the database. Read only by `afterWritten`
    /// work, or after `finish()`.
    var eventsAddedBySource: Int { inserter.eventsAdded }

    func note(_ issue: IngestIssue) { onIssue(issue) }

    /// What deriving needs, gathered while writing a bulk load: nil unless every line of
    /// `event` went through this writer and was written. Call after `finish()`.
    func takeDerivationInput() -> DerivationInput? { inserter.takeGathered() }

    /// CPU seconds the inserting thread has spent so far.
    var insertingCPUSeconds: Double { inserter.cpuSeconds }
    /// CPU seconds the gathering thread spent; read after `takeDerivationInput()`.
    var gatheringCPUSeconds: Double { inserter.gatheringCPUSeconds }


    func accept(_ event: inout RawEvent) throws {
        if needsDedupeIndex {
            // Nothing has been handed to the inserting thread yet in this run.
            needsDedupeIndex = false
            try Self.buildDedupeIndex(database)
        }
        eventsRead += 1
        if !Self.isCleanText(event.message) {
            cleaned = Self.cleanText(event.message)
            onIssue(IngestIssue(line: event.line, offset: event.offset,
                                reason: "invalid UTF-8 or NUL bytes in a message; kept with U+FFFD in their place",
                                excerpt: Excerpt.of(event.message), keptData: true))
            swap(&cleaned, &event.message)
        }
        let groupMissing = event.logGroup == nil
        if groupMissing { eventsWithoutGroup += 1 }
        // The message's hash, and whether it is new, are left to the inserting thread.
        event.message.withUnsafeBufferPointer { message in
            let parsed = LineFormat.fields(of: message)
            let transactionEffect = parsed.kind == .app ? Int64(TransactionMarkers.effect(bytes: message)) : 0
            let group = groupMissing ? (parsed.kind == .proxy ? fallbackGroups.proxy : fallbackGroups.lambda) : event.logGroup
            // Counted for every event read, new or not, as the index path does.
            if groupsSeen.count < 2, group != lastGroupSeen || groupsSeen.isEmpty {
                lastGroupSeen = group
                groupsSeen.insert(group)
            }
            var present: UInt8 = 0
            if event.ingestionTime != nil { present |= EventBatch.Present.ingestionTime }
            if event.line != nil { present |= EventBatch.Present.line }
            if event.offset != nil { present |= EventBatch.Present.offset }
            if parsed.proxyTimestamp != nil { present |= EventBatch.Present.proxyTimestamp }
            if parsed.clientConnection != nil { present |= EventBatch.Present.clientConnection }
            if parsed.dbConnection != nil { present |= EventBatch.Present.dbConnection }
            let row = EventBatch.Row(
                timestamp: event.timestamp, ingestionTime: event.ingestionTime ?? 0,
                line: Int64(event.line ?? 0), offset: event.offset ?? 0,
                proxyTimestamp: parsed.proxyTimestamp ?? 0, clientConnection: parsed.clientConnection ?? 0,
                dbConnection: parsed.dbConnection ?? 0,
                transactionEffect: transactionEffect,
                logGroup: batch.group(group), logStream: batch.stream(event.logStream),
                eventId: event.eventIdBytes.isEmpty ? .null : batch.append(event.eventIdBytes),
                message: batch.append(message), requestId: batch.append(parsed.requestId), level: batch.append(parsed.level),
                kind: parsed.kind, present: present)
            batch.rows.append(row)
        }
        if batch.isFull { try flushBatch() }
        if isBulk {
            bulkRows += 1
            if bulkRows > Self.maximumKeysInMemory {
                try finish()
                try endBulk(buildingIndex: true)
            }
        }
    }

    private func flushBatch() throws {
        guard !batch.isEmpty else { return }
        var full = inserter.emptyBatch()
        swap(&full, &batch)
        // Handed over with no copy left here, so the inserting thread can empty it in place.
        try inserter.submit(consume full)
    }

    /// Waits until every event accepted so far is in the database (and all queued work done).
    func finish() throws {
        try flushBatch()
        try inserter.drain()
    }

    /// After a failure: waits for the inserting thread to stop touching the database.
    func abandon() {
        try? inserter.drain()
    }

    /// True when the bytes are valid UTF-8 with no NUL.
    static func isCleanText(_ bytes: [UInt8]) -> Bool {
        if bytes.withUnsafeBufferPointer({ proxylens_is_clean_ascii($0.baseAddress, $0.count) }) == 1 { return true }
        var ascii = true
        for byte in bytes {
            if byte == 0 { return false }
            if byte >= 0x80 { ascii = false }
        }
        return ascii || isValidUTF8(bytes)
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    static func cleanText(_ bytes: [UInt8]) -> [UInt8] {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.utf8.contains(0) { text = text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") }
        return Array(text.utf8)
    }
}

/// The 64-bit hash of a message that `event.msg_hash` holds and dedupe compares: of the message
/// without trailing white space, so that `aws logs tail` (which strips it) and the other exports
/// of the same event agree. Which function a database uses is in `meta` (`msg_hash`): databases
/// that held events before schema 5 keep FNV-1a, which reads a byte at a time; the others use
/// XXH64, which reads eight (FNV-1a was about 6 % of the reading thread's time).
enum MessageHash: String {
    case fnv1a64 = "fnv1a-64"
    case xxh64 = "xxh64"

    /// The function `database` uses.
    static func used(by database: Database) throws -> MessageHash {
        let name = try database.scalar("SELECT value FROM meta WHERE key = 'msg_hash'").string
        return name.flatMap(MessageHash.init(rawValue:)) ?? .fnv1a64
    }

    func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0a || bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0d { end -= 1 }
        switch self {
        case .fnv1a64: return Self.fnv(UnsafeBufferPointer(rebasing: bytes[..<end]))
        case .xxh64: return proxylens_xxh64(bytes.baseAddress, end, 0)
        }
    }

    /// 64-bit FNV-1a.
    static func fnv<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}
