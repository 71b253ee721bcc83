import CSupport
import Foundation

/// Inserts batches of events on a second thread while the first one parses the next batch.
/// The two threads never use the connection at the same time: the reader hands batches over
/// through a small bounded queue, with any other database work that must come between them
/// (a file's `source` row before its events, its counts after them) queued as `Job.work`, and
/// calls `drain()` before it touches the database itself. In a bulk load, written batches then
/// go to a third thread, which gathers from them what deriving needs.
final class BackgroundInserter: @unchecked Sendable {
    enum Job {
        case rows(EventBatch)
        /// Run on the inserting thread, in order with the batches.
        case work(() throws -> Void)
    }

    /// The inserting thread: batches and work run on it one at a time, in the order submitted.
    private let inserting = OrderedWorker<Void>(name: "proxylens-insert")
    /// A job handed to the inserting thread, held by this box alone, so that its batch moves
    /// there without a copy (see `run`).
    private final class PendingJob: @unchecked Sendable {
        var job: Job?
        init(_ job: consuming Job) { self.job = consume job }
    }
    /// Guards `failure` and `spare`, which the reading, inserting and gathering threads share.
    private let lock = NSLock()
    private var failure: Error?
    private let statements: EventStatements
    private let database: Database
    private static let maximumQueued = 4
    /// Written batches, emptied, for the reading thread to fill again.
    private var spare: [EventBatch] = []

    /// Rows written since `startSource`. Updated by the inserting thread: read by queued work,
    /// or after `drain()`.
    private(set) var eventsAdded = 0
    /// Rows dropped as duplicates since `startSource`, by rule; read like `eventsAdded`.
    private(set) var dropped = DuplicateCounts()
    /// Which kinds of event the database holds (`EventIdKinds`), kept up to date with each row
    /// written; read like `eventsAdded`.
    private(set) var idKinds: UInt8
    /// Prepared on the first row that needs reconciling across kinds (see `writeReconciling`).
    private var reconcileStatements: ReconcileStatements?
    /// The `source` row the rows being written come from.
    private var sourceId: Int64 = 0
    /// CPU seconds the inserting thread spent writing (for PROXYLENS_TIMING).
    private(set) var cpuSeconds = 0.0
    /// In a bulk load, what deriving needs, gathered from each line once it is written, by the
    /// gathering thread alone until `takeGathered()` has waited for it.
    private var gathered: LineGatherer?
    /// False once a statement wrote fewer rows than it was given: the rows' ids are then not
    /// known, and deriving scans `event` instead.
    private(set) var gatheredComplete = true
    /// Gathers behind this thread, on one of its own: this one is the busier of the two that
    /// read and write. Each of its jobs holds a written batch until it is gathered.
    private var gatherer: OrderedWorker<Void>?
    /// CPU seconds the gathering thread spent (for PROXYLENS_TIMING). Read after `takeGathered()`.
    private(set) var gatheringCPUSeconds = 0.0
    /// For the batch being written: each statement's rows (a range of `newRows`) and first id.
    private var writtenRuns: [(rows: Range<Int>, firstId: Int64)] = []

    /// Call before the first batch.
    func startGathering(into target: LineGatherer) {
        gathered = target
        gatherer = OrderedWorker(name: "proxylens-gather")
    }

    /// A written batch on its way to the gathering thread, held by this box alone, so that it
    /// can be emptied in place once gathered.
    private final class WrittenBatch: @unchecked Sendable {
        var batch: EventBatch?
        let rows: [Int32]
        let runs: [(rows: Range<Int>, firstId: Int64)]
        init(_ batch: consuming EventBatch, rows: [Int32], runs: [(rows: Range<Int>, firstId: Int64)]) {
            self.batch = consume batch
            self.rows = rows
            self.runs = runs
        }
    }

    /// The hash function of `event.msg_hash`.
    private let messageHash: MessageHash
    /// In a bulk load, the keys (stream, time, message hash) of the rows written, so that a row
    /// already written in this run is dropped; nil otherwise (the dedupe index drops it then).
    /// Its memory is bounded: keys past its table go to sorted runs on disk.
    private var seenKeys: SpillingKeySet?
    /// The stream of the last row keyed, and its hash.
    private var keyStream: [UInt8] = []
    private var keyStreamHash: UInt64 = 0
    /// For the batch being written, by row: its message hash and key; and which rows are new.
    private var hashes: [UInt64] = []
    /// For the batch being written, by row: its `dedupe_slot` (0 without an eventId).
    private var slots: [Int64] = []
    private var keys: [UInt64] = []
    /// Whether the batch being written holds a row whose copy of the other kind may be stored.
    private var batchNeedsReconciling = false
    private var newRows: [Int32] = []

    /// Call before the first batch, or after `drain()`. `tableBytes`: the key set's memory, `folder`
    /// where its runs go (`SpillingKeySet`).
    func startDeduplicating(tableBytes: Int = SpillingKeySet.defaultTableBytes, spillingTo folder: String? = nil) {
        seenKeys = SpillingKeySet(tableBytes: tableBytes, folder: folder)
    }

    /// The in-memory dedupe key of a row: its stream (`streamHash`), time, message hash and,
    /// with an eventId, its slot; the same rows give the same key whether they are being written
    /// or were stored by an earlier run (`seed`).
    @inline(__always)
    private func dedupeKey(stream: UnsafeBufferPointer<UInt8>, messageHash: UInt64, ts: Int64, slot: Int64) -> UInt64 {
        var key = (messageHash &+ UInt64(bitPattern: ts) &* 0x9E37_79B9_7F4A_7C15) ^ streamHash(stream)
        if slot != 0 { key ^= UInt64(bitPattern: slot) &* 0xD6E8_FEB8_6659_FD93 }
        return key
    }

    /// `proxylens_xxh64` of a stream name, hashed again only when it differs from the last one's.
    @inline(__always)
    private func streamHash(_ stream: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let same = stream.count == keyStream.count
            && keyStream.withUnsafeBufferPointer { stream.count == 0 || memcmp($0.baseAddress!, stream.baseAddress!, stream.count) == 0 }
        if !same {
            // Streams interleave in filter-log-events output: the buffer is reused, not reallocated.
            keyStream.removeAll(keepingCapacity: true)
            keyStream.append(contentsOf: stream)
            keyStreamHash = proxylens_xxh64(stream.baseAddress, stream.count, 0)
        }
        return keyStreamHash
    }

    /// Adds the key of a row already stored (before the first batch); false when a stored row
    /// had it already: that row is a duplicate the table holds.
    func seed(stream: UnsafeBufferPointer<UInt8>, messageHash: UInt64, ts: Int64, slot: Int64) throws -> Bool {
        try seenKeys?.insert(dedupeKey(stream: stream, messageHash: messageHash, ts: ts, slot: slot)) ?? true
    }
    /// Call after `drain()`.
    func stopDeduplicating() { seenKeys = nil }

    /// Hands over what was gathered (after `drain()`), nil when it is incomplete.
    func takeGathered() -> LineGatherer? {
        gatherer?.waitUntilIdle()
        defer { gathered = nil }
        return gatheredComplete ? gathered : nil
    }

    init(database: Database, statements: EventStatements, messageHash: MessageHash, idKinds: UInt8) {
        self.database = database
        self.statements = statements
        self.messageHash = messageHash
        self.idKinds = idKinds
    }

    /// An empty batch to fill: a written one when there is one.
    func emptyBatch() -> EventBatch {
        lock.withLock { spare.popLast() } ?? EventBatch()
    }

    /// The rows written from now on come from source `id`. From queued work, or after `drain()`.
    func startSource(_ id: Int64) {
        sourceId = id
        eventsAdded = 0
        dropped = DuplicateCounts()
    }

    /// Takes the batch: the caller must hold no other copy of it (see `loop`).
    func submit(_ batch: consuming EventBatch) throws {
        try submit(job: .rows(consume batch))
    }

    /// Queues `work` to run after the batches submitted so far are written. It may touch the
    /// database, and anything else only the inserting thread touches until `drain()`.
    func submit(work: @escaping () throws -> Void) throws {
        try submit(job: .work(work))
    }

    private func submit(job: consuming Job) throws {
        if let failure = lock.withLock({ failure }) { throw failure }
        let pending = PendingJob(consume job)
        // At most `maximumQueued` jobs wait behind the one being run.
        inserting.submit(keepingResult: false, waitingBelow: Self.maximumQueued + 1) { self.run(pending) }
    }

    /// Waits until every submitted batch is in the database; rethrows an insert failure.
    func drain() throws {
        inserting.waitUntilIdle()
        try lock.withLock {
            if let failure {
                self.failure = nil
                throw failure
            }
        }
    }

    func stop() {
        gatherer?.stop()
        inserting.stop()
    }

    /// On the inserting thread: one job.
    private func run(_ pending: PendingJob) {
        // After a failure nothing more is written: the reader will roll back.
        let skipping = lock.withLock { failure != nil }
        var error: Error?
        var written: EventBatch?
        let started = ThreadClock.cpuSeconds()
        // Taken from the box, so the batch's buffers are held once: emptying them then keeps
        // their memory instead of copying it to a fresh allocation the reader must fault in.
        switch pending.job.take()! {
        case .rows(var batch):
            if !skipping { do { try write(batch) } catch let caught { error = caught } }
            // `gathered` itself belongs to the gathering thread from the first batch on.
            if let gatherer, gatheredComplete, error == nil, !skipping {
                let box = WrittenBatch(consume batch, rows: newRows, runs: writtenRuns)
                gatherer.submit(keepingResult: false, waitingBelow: Self.maximumQueued) { self.gather(box) }
            } else {
                batch.removeAll()
                written = batch
            }
        case .work(let work):
            if !skipping { do { try work() } catch let caught { error = caught } }
        }
        cpuSeconds += ThreadClock.cpuSeconds() - started
        lock.withLock {
            if let written, spare.count < Self.maximumQueued + 2 { spare.append(written) }
            if let error { failure = error }
        }
    }

    /// Hashes each row's message (and eventId) and, in a bulk load, keeps only the rows this run
    /// has not written yet (`newRows`). Done here rather than on the reading thread, the busier one.
    /// A bulk load keys an event without an id on (stream, time, message) and one with an id on
    /// that and its id, so that each kind is deduplicated by its own rule with one set lookup;
    /// copies of one kind of the other are removed once, after the load (`EventWriter.endBulk`).
    private func selectNewRows(_ rows: UnsafeBufferPointer<EventBatch.Row>, in base: UnsafePointer<UInt8>) throws {
        func bytes(_ piece: EventBatch.Text) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: base + Int(piece.start), count: piece.isNull ? 0 : Int(piece.count))
        }
        hashes.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
        newRows.removeAll(keepingCapacity: true)
        batchNeedsReconciling = false
        var kinds = idKinds
        for row in rows {
            hashes.append(messageHash.of(bytes(row.message)))
            if row.eventId.isNull {
                slots.append(0)
                if kinds & EventIdKinds.withId != 0 { batchNeedsReconciling = true }
                kinds |= EventIdKinds.withoutId
            } else {
                slots.append(EventIdKinds.slot(ofEventId: bytes(row.eventId)))
                if kinds & EventIdKinds.withoutId != 0 { batchNeedsReconciling = true }
                kinds |= EventIdKinds.withId
            }
        }
        guard seenKeys != nil else {
            newRows.append(contentsOf: 0..<Int32(rows.count))
            return
        }
        // In a bulk load every kind goes through the key set; reconciling waits for its end.
        batchNeedsReconciling = false
        idKinds = kinds
        keys.removeAll(keepingCapacity: true)
        for (index, row) in rows.enumerated() {
            let key = dedupeKey(stream: bytes(row.logStream), messageHash: hashes[index], ts: row.timestamp, slot: slots[index])
            keys.append(key)
            // Each key's slot is far away in memory: all of them are fetched before the first is looked at.
            seenKeys?.prefetch(key)
        }
        for index in rows.indices {
            if try seenKeys?.insert(keys[index]) == true {
                newRows.append(Int32(index))
            } else if slots[index] != 0 {
                dropped.sameEventId += 1
            } else {
                dropped.sameText += 1
            }
        }
    }

    /// Rows go in `rowsPerStatement` at a time, the rest one by one: a statement of many rows
    /// spends less per row on resetting and stepping.
    private func write(_ batch: EventBatch) throws {
        try batch.bytes.withUnsafeBufferPointer { arena in
            let base = arena.baseAddress ?? UnsafePointer(bitPattern: 1)!
            try batch.rows.withUnsafeBufferPointer { rows in
                try selectNewRows(rows, in: base)
                writtenRuns.removeAll(keepingCapacity: true)
                if batchNeedsReconciling {
                    try writeReconciling(rows, in: base)
                    return
                }
                // Without an index hit nothing is dropped here; with the index, what it refused
                // is a copy of the batch's own kind (a batch of both kinds is reconciled above).
                let withIds = rows.first.map { !$0.eventId.isNull } ?? false
                let addedBefore = eventsAdded
                defer {
                    let added = eventsAdded - addedBefore
                    let refused = newRows.count - added
                    if withIds { dropped.sameEventId += refused } else { dropped.sameText += refused }
                    if added > 0 { idKinds |= withIds ? EventIdKinds.withId : EventIdKinds.withoutId }
                }
                let selected = newRows
                var next = 0
                while selected.count - next >= EventStatements.rowsPerStatement {
                    let statement = statements.many
                    sqlite3_reset(statement.pointer)
                    for k in 0..<EventStatements.rowsPerStatement {
                        let row = Int(selected[next + k])
                        bind(rows[row], hash: hashes[row], slot: slots[row], in: base, to: statement, from: Int32(k * EventStatements.columns))
                    }
                    try statement.step()
                    eventsAdded += database.changes
                    noteWritten(next..<(next + EventStatements.rowsPerStatement))
                    next += EventStatements.rowsPerStatement
                }
                while next < selected.count {
                    let statement = statements.one
                    sqlite3_reset(statement.pointer)
                    let row = Int(selected[next])
                    bind(rows[row], hash: hashes[row], slot: slots[row], in: base, to: statement, from: 0)
                    try statement.step()
                    eventsAdded += database.changes
                    noteWritten(next..<(next + 1))
                    next += 1
                }
            }
        }
    }

    /// Writes a batch row by row, with the index in place and events of both kinds in the
    /// database: an event without an id whose group (stream, time, message) holds an event with
    /// one is dropped; an event with an id whose group holds one without takes that row over
    /// (the row gets the id), so that the same events read through both kinds of container are
    /// stored once whichever came first, while distinct ids in one group stay distinct rows.
    private func writeReconciling(_ rows: UnsafeBufferPointer<EventBatch.Row>, in base: UnsafePointer<UInt8>) throws {
        if reconcileStatements == nil { reconcileStatements = try ReconcileStatements(database: database) }
        let lookups = reconcileStatements!
        for (position, index) in newRows.enumerated() {
            let row = rows[Int(index)]
            let slot = slots[Int(index)]
            lookups.bindGroup(row, hash: hashes[Int(index)], in: base)
            if slot == 0 {
                if idKinds & EventIdKinds.withId != 0, try lookups.groupHasEventWithId() {
                    dropped.reconciled += 1
                    continue
                }
            } else if idKinds & EventIdKinds.withoutId != 0, let stored = try lookups.eventWithoutId() {
                // The stored row becomes this copy, which says more (its id, ingestion time, the
                // message as CloudWatch holds it), as a bulk load keeps it (`EventWriter.reconcileKinds`);
                // it stays counted by the file that added it. If the id is already in the group (it
                // cannot be, while the index holds) the update is refused: the same event.
                let takeOver = lookups.takeOver
                sqlite3_reset(takeOver.pointer)
                bind(row, hash: hashes[Int(index)], slot: slot, in: base, to: takeOver, from: 0)
                sqlite3_bind_int64(takeOver.pointer, 19, stored)
                try takeOver.step()
                if database.changes == 1 { dropped.reconciled += 1 } else { dropped.sameEventId += 1 }
                continue
            }
            let statement = statements.one
            sqlite3_reset(statement.pointer)
            bind(row, hash: hashes[Int(index)], slot: slot, in: base, to: statement, from: 0)
            try statement.step()
            if database.changes == 1 {
                eventsAdded += 1
                idKinds |= slot == 0 ? EventIdKinds.withoutId : EventIdKinds.withId
                noteWritten(position..<(position + 1))
            } else if slot == 0 {
                dropped.sameText += 1
            } else {
                dropped.sameEventId += 1
            }
        }
    }

    /// Notes the ids of the rows (`newRows[written]`) one statement just wrote, for the
    /// gathering thread. A statement's rows get consecutive ids ending at the last insert id,
    /// when every one of them was written; when not, nothing more is gathered.
    private func noteWritten(_ written: Range<Int>) {
        guard gatherer != nil, gatheredComplete else { return }
        guard database.changes == written.count else {
            gatheredComplete = false
            return
        }
        writtenRuns.append((written, database.lastInsertRowID - Int64(written.count - 1)))
    }

    /// On the gathering thread: adds a written batch's rows to `gathered`, then gives the batch,
    /// emptied, back to the reading thread.
    private func gather(_ written: WrittenBatch) {
        let started = ThreadClock.cpuSeconds()
        written.batch!.bytes.withUnsafeBufferPointer { arena in
            let base = arena.baseAddress ?? UnsafePointer(bitPattern: 1)!
            written.batch!.rows.withUnsafeBufferPointer { rows in
                for run in written.runs {
                    gather(rows, written.rows[run.rows], firstId: run.firstId, in: base)
                }
            }
        }
        var batch = written.batch.take()!
        batch.removeAll()
        gatheringCPUSeconds += ThreadClock.cpuSeconds() - started
        lock.withLock {
            if spare.count < Self.maximumQueued + 2 { spare.append(batch) }
        }
    }

    private func gather(_ rows: UnsafeBufferPointer<EventBatch.Row>, _ written: ArraySlice<Int32>, firstId: Int64,
                        in base: UnsafePointer<UInt8>) {
        func text(_ piece: EventBatch.Text) -> UnsafeBufferPointer<UInt8>? {
            piece.isNull ? nil : UnsafeBufferPointer(start: base + Int(piece.start), count: Int(piece.count))
        }
        for (offset, index) in written.enumerated() {
            let row = rows[Int(index)]
            let role = row.kind.role
            gathered?.add(role: role, request: text(row.requestId), stream: text(row.logStream) ?? UnsafeBufferPointer(start: nil, count: 0),
                          ts: row.timestamp, eventId: firstId + Int64(offset),
                          transactionEffect: row.transactionEffect, group: text(row.logGroup),
                          proxyTs: row.present & EventBatch.Present.proxyTimestamp != 0 ? row.proxyTimestamp : nil,
                          client: row.present & EventBatch.Present.clientConnection != 0 ? row.clientConnection : nil,
                          db: row.present & EventBatch.Present.dbConnection != 0 ? row.dbConnection : nil,
                          message: role.readsMessage(level: text(row.level)) ? text(row.message) : nil)
        }
    }

    /// Binds one row's values to parameters `first + 1 ... first + EventStatements.columns`.
    @inline(__always)
    private func bind(_ row: EventBatch.Row, hash: UInt64, slot: Int64, in base: UnsafePointer<UInt8>, to statement: Statement, from first: Int32) {
        let pointer = statement.pointer
        statement.bind(row.logGroup, in: base, at: first + 1)
        statement.bind(row.logStream, in: base, at: first + 2)
        sqlite3_bind_int64(pointer, first + 3, row.timestamp)
        statement.bind(row.ingestionTime, present: row.present & EventBatch.Present.ingestionTime != 0, at: first + 4)
        statement.bind(row.eventId, in: base, at: first + 5)
        statement.bind(row.message, in: base, at: first + 6)
        statement.bind(row.line, present: row.present & EventBatch.Present.line != 0, at: first + 7)
        statement.bind(row.offset, present: row.present & EventBatch.Present.offset != 0, at: first + 8)
        sqlite3_bind_int64(pointer, first + 9, Int64(bitPattern: hash))
        statement.bind(row.kind, at: first + 10)
        statement.bind(row.requestId, in: base, at: first + 11)
        statement.bind(row.level, in: base, at: first + 12)
        statement.bind(row.proxyTimestamp, present: row.present & EventBatch.Present.proxyTimestamp != 0, at: first + 13)
        statement.bind(row.clientConnection, present: row.present & EventBatch.Present.clientConnection != 0, at: first + 14)
        statement.bind(row.dbConnection, present: row.present & EventBatch.Present.dbConnection != 0, at: first + 15)
        sqlite3_bind_int64(pointer, first + 16, row.transactionEffect)
        sqlite3_bind_int64(pointer, first + 17, sourceId)
        sqlite3_bind_int64(pointer, first + 18, slot)
    }
}
