import CSupport
import Foundation

/// Writes log events, with the fields ingest parsed from them, into `event`, skipping
/// events already in the database (overlapping pages, the same events from two exports).
final class EventWriter {
    private let database: Database
    /// Bulk mode (the database had no events when the run began): duplicates within the run are
    /// caught by the inserting thread's set of 64-bit keys, and the dedupe index is left to the
    /// next run that adds events (building it costs about as much as reading a tenth of the input).
    /// The set's memory is fixed whatever the number of events (`SpillingKeySet`), so a bulk load
    /// of any size stays one.
    private(set) var isBulk = false

    private var batch = EventBatch()
    private let inserter: BackgroundInserter

    deinit { inserter.stop() }

    /// `gatherer`, when given, receives every line a bulk load writes (see `LineGatherer`).
    /// `mayAppendInMemory`: the database held events before this run took the write lock (its
    /// commits are durable), so adding to it may dedupe in memory (`appendsInMemory`).
    /// `keyTableBytes`: the in-memory part of the dedupe key set, `keySpillFolder` where the rest
    /// goes (`SpillingKeySet`).
    init(database: Database, gatherer: LineGatherer? = nil, mayAppendInMemory: Bool = false,
         keyTableBytes: Int = SpillingKeySet.defaultTableBytes, keySpillFolder: String? = nil) throws {
        self.database = database
        inserter = BackgroundInserter(database: database, statements: try EventStatements(database: database),
                                      messageHash: try MessageHash.used(by: database), idKinds: try EventIdKinds.stored(in: database))
        let indexed = try database.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'event_dedupe'").int == 1
        let empty = try database.scalar("SELECT NOT EXISTS (SELECT 1 FROM event)").int == 1
        // Another run deduping in memory is writing (or was killed while writing): its keys are
        // not this run's, so this one dedupes through the index, which then holds its rows too.
        let otherInMemory = try database.scalar("SELECT EXISTS (SELECT 1 FROM meta WHERE key = ?)", [.text(Self.inMemoryWriterKey)]).int == 1
        if empty {
            if indexed { try database.execute("DROP INDEX event_dedupe") }
            isBulk = true
            inserter.startDeduplicating(tableBytes: keyTableBytes, spillingTo: keySpillFolder)
            if let gatherer { inserter.startGathering(into: gatherer) }
            try markInMemoryWriter()
        } else if mayAppendInMemory, !indexed, !otherInMemory {
            // Adding to a database a bulk load left without its index (Lambda logs one day, the
            // proxy's the next): the stored rows' keys go into the set and their lines to the
            // gatherer first, then this run writes as a bulk load does. Building the index and
            // deduping through it row by row took twice a fresh load; this costs one scan.
            // The scan waits for the first event, so that a run that only skips files never pays for it.
            // However many rows are stored: the key set spills what does not fit in its table.
            isBulk = true
            appendsInMemory = true
            inserter.startDeduplicating(tableBytes: keyTableBytes, spillingTo: keySpillFolder)
            if let gatherer { inserter.startGathering(into: gatherer) }
            storedRowsGatherer = gatherer
            needsSeeding = true
            try markInMemoryWriter()
        } else if !indexed {
            // The database was bulk-loaded (or made before schema 8), which leaves the index to the
            // first run that adds to it: built on the first event, so that a run that only skips
            // files never pays for it.
            needsDedupeIndex = true
        }
    }

    /// This run added to stored events, deduping in memory (see `init`).
    private(set) var appendsInMemory = false
    /// The stored rows are still to be keyed and gathered (before this run's first event).
    private var needsSeeding = false
    private var storedRowsGatherer: LineGatherer?
    /// `meta` key held while a run dedupes in memory: a run that starts meanwhile must not.
    static let inMemoryWriterKey = "ingest_dedupes_in_memory"
    private let inMemoryWriterToken = UUID().uuidString

    /// Committed with the run's first events (the write lock is held until then), removed when
    /// the run stops deduping in memory.
    private func markInMemoryWriter() throws {
        try database.statement("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .run([.text(Self.inMemoryWriterKey), .text(inMemoryWriterToken)])
    }

    /// The stored rows' keys into the set, their lines to `gatherer`, in `event.id` order; a
    /// stored row whose key an earlier row has (left by a run killed before it reconciled) is
    /// removed, as building the index would.
    private func seedFromStoredRows(gatherer: LineGatherer?) throws {
        var duplicates: [Int64: DuplicateCounts] = [:]
        var duplicateIds: [Int64] = []
        try StoredLines(database: database).forEach { line in
            if try inserter.seed(stream: line.stream, messageHash: UInt64(bitPattern: line.messageHash), ts: line.ts, slot: line.dedupeSlot) {
                if let gatherer { line.gather(into: gatherer) }
            } else {
                duplicateIds.append(line.id)
                if line.dedupeSlot == 0 { duplicates[line.sourceId, default: DuplicateCounts()].sameText += 1 }
                else { duplicates[line.sourceId, default: DuplicateCounts()].sameEventId += 1 }
            }
        }
        guard !duplicateIds.isEmpty else { return }
        let delete = try database.statement("DELETE FROM event WHERE id = ?")
        for id in duplicateIds { try delete.run([.integer(id)]) }
        try Self.charge(duplicates, in: database)
        for counts in duplicates.values { droppedAfterward.add(counts) }
        try database.execute(try SQLFolder.statements.sql("derive_mark_stale"))
    }

    private var needsDedupeIndex = false

    /// The dedupe key (migration 0008): stream, time, message hash and the eventId's slot.
    static let createDedupeIndex = "CREATE UNIQUE INDEX IF NOT EXISTS event_dedupe ON event(log_stream, ts, msg_hash, dedupe_slot)"

    /// Builds the dedupe index. First gives events stored with an id before schema 8 their slot,
    /// removes any duplicates a killed bulk run may have left, and reconciles the two kinds
    /// (`reconcileKinds`). Returns the events dropped, by source, as `reconcileKinds` does.
    @discardableResult
    static func buildDedupeIndex(_ database: Database) throws -> [Int64: DuplicateCounts] {
        try slotUnslotted(database)
        var dropped: [Int64: DuplicateCounts] = [:]
        let duplicates = try database.statement("""
            DELETE FROM event WHERE id IN (
                SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY log_stream, ts, msg_hash, dedupe_slot ORDER BY id) AS n FROM event) WHERE n > 1)
            RETURNING source_id, dedupe_slot
            """)
        while try duplicates.step() {
            let source = duplicates.int(0) ?? 0
            if duplicates.int(1) ?? 0 == 0 { dropped[source, default: DuplicateCounts()].sameText += 1 } else { dropped[source, default: DuplicateCounts()].sameEventId += 1 }
        }
        for (source, counts) in try reconcileKinds(database) { dropped[source, default: DuplicateCounts()].add(counts) }
        try database.execute(createDedupeIndex)
        try charge(dropped, in: database)
        return dropped
    }

    /// Gives events stored with an id before schema 8 their `dedupe_slot`.
    static func slotUnslotted(_ database: Database) throws {
        let unslotted = try database.statement("SELECT id, event_id FROM event WHERE event_id IS NOT NULL AND dedupe_slot = 0")
        let setSlot = try database.statement("UPDATE event SET dedupe_slot = ? WHERE id = ?")
        var slotted: [(Int64, Int64)] = []
        while try unslotted.step() {
            slotted.append((unslotted.int(0) ?? 0, EventIdKinds.slot(ofEventId: unslotted.text(1) ?? "")))
        }
        for (id, slot) in slotted { try setSlot.run([.integer(slot), .integer(id)]) }
    }

    /// When the database holds events of both kinds: removes each event without an id whose
    /// (stream, time, message) group holds an event with one, the same event read through a
    /// container that has no ids. One sorted pass over `event`, so only after a bulk load that
    /// read both kinds (the index does this event by event otherwise). Returns the rows removed,
    /// by the source they came from.
    static func reconcileKinds(_ database: Database) throws -> [Int64: DuplicateCounts] {
        guard try EventIdKinds.stored(in: database) == EventIdKinds.withId | EventIdKinds.withoutId else { return [:] }
        let delete = try database.statement("""
            DELETE FROM event WHERE id IN (
                SELECT id FROM (SELECT id, dedupe_slot, max(dedupe_slot) OVER (PARTITION BY log_stream, ts, msg_hash) AS top FROM event)
                WHERE dedupe_slot = 0 AND top > 0)
            RETURNING source_id
            """)
        var dropped: [Int64: DuplicateCounts] = [:]
        while try delete.step() { dropped[delete.int(0) ?? 0, default: DuplicateCounts()].reconciled += 1 }
        return dropped
    }

    /// Takes rows removed after their files were counted off those files' `source` rows.
    static func charge(_ dropped: [Int64: DuplicateCounts], in database: Database) throws {
        let update = try database.statement("""
            UPDATE source SET events_added = events_added - ?, dropped_same_event_id = dropped_same_event_id + ?,
                dropped_same_text = dropped_same_text + ?, dropped_reconciled = dropped_reconciled + ? WHERE id = ?
            """)
        for (source, counts) in dropped {
            try update.run([.integer(Int64(counts.total)), .integer(Int64(counts.sameEventId)), .integer(Int64(counts.sameText)),
                            .integer(Int64(counts.reconciled)), .integer(source)])
        }
    }

    /// Rows removed after their files were counted (`reconcileKinds` at the end of a bulk load,
    /// `buildDedupeIndex`), in this run. Read after `finish()`.
    private(set) var droppedAfterward = DuplicateCounts()
    /// Of those, rows this run had added (and counted as added).
    private(set) var removedRowsOfThisRun = 0
    /// True once rows that were gathered have been removed: deriving must then scan `event`.
    private var removedGatheredRows = false

    /// Ends bulk mode. A bulk load does not build the dedupe index (see `needsDedupeIndex`).
    /// A bulk load that read events of both kinds reconciles them here. Call after `finish()`.
    func endBulk() throws {
        guard isBulk else { return }
        isBulk = false
        inserter.stopDeduplicating()
        try database.statement("DELETE FROM meta WHERE key = ? AND value = ?").run([.text(Self.inMemoryWriterKey), .text(inMemoryWriterToken)])
        try EventIdKinds.save(inserter.idKinds, in: database)
        let reconciled = try Self.reconcileKinds(database)
        if !reconciled.isEmpty {
            try Self.charge(reconciled, in: database)
            for counts in reconciled.values {
                droppedAfterward.add(counts)
                removedRowsOfThisRun += counts.total
            }
            removedGatheredRows = true
        }
    }

    /// Which kinds of event the database holds now. Read like `eventsAddedBySource`.
    var idKinds: UInt8 { inserter.idKinds }

    /// Starts counting for a new source, whose events go to `source` row `sourceId`. When
    /// `queued`, the row is inserted by `insertSource` on the inserting thread, before the
    /// source's events; else here, after every event accepted so far is written.
    func begin(queued: Bool, insertSource: @escaping () throws -> Int64) throws {
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
    /// Events of the current source dropped as duplicates, by rule; read like `eventsAddedBySource`.
    var droppedBySource: DuplicateCounts { inserter.dropped }

    /// What `gatherer` (given to `init`) gathered while writing a bulk load: nil unless every
    /// line of `event` went through this writer and was written. Call after `finish()`.
    func takeGathered() -> LineGatherer? {
        let gathered = inserter.takeGathered()
        // Stored rows never read (a run that only skipped files): what was gathered is not `event`.
        return removedGatheredRows || needsSeeding ? nil : gathered
    }

    /// CPU seconds the inserting thread has spent so far.
    var insertingCPUSeconds: Double { inserter.cpuSeconds }
    /// CPU seconds the gathering thread spent; read after `takeGathered()`.
    var gatheringCPUSeconds: Double { inserter.gatheringCPUSeconds }

    /// One event, with what the line parser found in it and the log group it belongs to.
    func accept(_ event: inout RawEvent, parsed: ParsedLine, transactionEffect: Int64, group: String?) throws {
        if needsSeeding {
            needsSeeding = false
            // Work queued for the inserting thread (the first file's source row) runs first:
            // the stored rows are read here, on this thread, with the inserting one idle.
            try finish()
            try Self.slotUnslotted(database)
            try seedFromStoredRows(gatherer: storedRowsGatherer)
            storedRowsGatherer = nil
        }
        if needsDedupeIndex {
            // Nothing has been handed to the inserting thread yet in this run.
            needsDedupeIndex = false
            for counts in try Self.buildDedupeIndex(database).values { droppedAfterward.add(counts) }
        }
        // The message's hash, and whether it is new, are left to the inserting thread.
        event.message.withUnsafeBufferPointer { message in
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
}
