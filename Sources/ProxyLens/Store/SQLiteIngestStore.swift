import Foundation

/// The store side of an ingest run (`IngestStore`): events through an `EventWriter`, and each
/// file's `source` row, problems and configuration, in transactions that always hold whole files.
final class SQLiteIngestStore: IngestStore {
    let database: Database
    let writer: EventWriter
    /// (path, bytes, mtime) of every source at the start of a bulk load, for skipping unchanged
    /// files without asking the database, which the inserting thread may be using.
    private var knownFiles: Set<FileIdentity> = []
    private var inTransaction = false
    /// Events written since the last commit (counted by each file's completion work).
    private var eventsSinceCommit = 0
    /// Events a transaction holds before the file that passes it is committed.
    static let eventsPerCommit = 400_000
    /// `PRAGMA data_version` when the run began: another connection's commit changes it.
    let dataVersionAtStart: Int64?

    /// `gatherer` receives every line a bulk load writes (see `LineGatherer`); `keyTableBytes`
    /// bounds the memory of its dedupe keys, the rest going to `keySpillFolder` (`SpillingKeySet`).
    init(database: Database, gatherer: LineGatherer? = nil, keyTableBytes: Int = SpillingKeySet.defaultTableBytes,
         keySpillFolder: String? = nil) throws {
        self.database = database
        // Whether this is a bulk load is decided holding the write lock: two runs started
        // together on a new database must not both see it empty (each would then keep its own
        // in-memory dedupe and store every event twice). `synchronous` cannot change inside a
        // transaction, so it is set for a bulk load first and put back if this is not one; a
        // database that holds events never becomes empty again, so that answer is final.
        // A database that holds events now holds them under the lock too; adding to it keeps
        // every commit durable, even when it dedupes in memory as a bulk load does.
        let heldEvents = try database.scalar("SELECT EXISTS (SELECT 1 FROM event)").int == 1
        try database.execute(heldEvents ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = OFF")
        try database.execute("BEGIN IMMEDIATE")
        inTransaction = true
        do {
            // Read under the lock: if another connection commits anything from here on, what
            // this run gathered is not the whole of `event`.
            dataVersionAtStart = try database.scalar("PRAGMA data_version").int
            writer = try EventWriter(database: database, gatherer: gatherer, mayAppendInMemory: heldEvents,
                                     keyTableBytes: keyTableBytes, keySpillFolder: keySpillFolder)
        } catch {
            try? database.execute("ROLLBACK")
            try? database.execute("PRAGMA synchronous = FULL")
            throw error
        }
        wasBulk = writer.isBulk
        savedIdKinds = writer.idKinds
        if writer.isBulk {
            // A bulk load fills a database that held no events: nothing in it is worth an fsync at
            // every commit, and a crash of the machine (not of the process: the journal covers
            // that) is mended by running the same command again (one that adds to stored events
            // in memory kept `synchronous = FULL`, above). A small page cache: a bulk load
            // only appends, so cached pages are not read again, and the memory is better spent
            // on what deriving gathers meanwhile. The transaction stays open: the lock is held
            // until the first files commit, with their events.
            try database.execute("PRAGMA cache_size = -8192")
            let statement = try database.statement("SELECT path, bytes, mtime, id, complete, log_group_origin FROM source")
            var worthReading: [(FileIdentity, Int64)] = []
            while try statement.step() {
                let file = FileIdentity(path: statement.text(0) ?? "", bytes: statement.int(1) ?? 0, mtime: statement.int(2))
                knownFiles.insert(file)
                // What `knownSource` tells of a file beyond its being known: read now, as the
                // inserting thread will be using the database.
                if statement.int(4) == 0 || ["option", "path"].contains(statement.text(5) ?? ""), let id = statement.int(3) {
                    worthReading.append((file, id))
                }
            }
            for (file, id) in worthReading { knownBefore[file] = try storedSource(id: id) }
        } else {
            try database.execute("ROLLBACK")
            inTransaction = false
            try database.execute("PRAGMA synchronous = FULL")
        }
    }

    var isBulk: Bool { writer.isBulk }
    /// Duplicates dropped from each file as it was written (by the file's store work, which may
    /// run on the writing thread: read after `endRun`).
    private var duplicatesOfFiles = DuplicateCounts()
    /// `meta.event_id_kinds` as last written by this run (by the file's store work).
    private var savedIdKinds: UInt8 = 0
    /// Events counted as added by their files and removed at the end of the run, when a bulk load
    /// reconciled the two kinds; read after `endRun`.
    var eventsRemovedAfterCounting: Int { writer.removedRowsOfThisRun }
    /// Events dropped as duplicates in this run, by rule; read after `endRun`.
    var duplicates: DuplicateCounts {
        var total = duplicatesOfFiles
        total.add(writer.droppedAfterward)
        return total
    }
    /// Whether the run began as a bulk load (it stays one until `endRun`).
    private(set) var wasBulk = false
    var eventsAddedBySource: Int { writer.eventsAddedBySource }
    var insertingCPUSeconds: Double { writer.insertingCPUSeconds }
    var gatheringCPUSeconds: Double { writer.gatheringCPUSeconds }

    func knownSource(_ file: FileIdentity) throws -> KnownSource? {
        // A bulk load's files are looked up in memory: the inserting thread may be using the
        // database. A file is known from the moment it is first read, as its row would be (and
        // its problems were said in this run).
        if writer.isBulk { return knownFiles.insert(file).inserted ? nil : knownBefore[file] ?? KnownSource() }
        try writer.finish()
        let id = try database.scalar("SELECT id FROM source WHERE path = ? AND bytes = ? AND mtime IS ? ORDER BY id DESC LIMIT 1",
                                     [.text(file.path), .integer(file.bytes), file.mtime.map(SQLValue.integer) ?? .null]).int
        return try id.map(storedSource)
    }

    /// Files of a database a bulk load adds to that `knownSource` has more to tell of.
    private var knownBefore: [FileIdentity: KnownSource] = [:]

    private func storedSource(id: Int64) throws -> KnownSource {
        let row = try database.rows("SELECT complete, log_group, log_group_origin FROM source WHERE id = ?", [.integer(id)])[0]
        var known = KnownSource(id: id, complete: row[0].int != 0, logGroup: row[1].string, logGroupOrigin: row[2].string)
        if !known.complete {
            // The first problem's line and reason, and how many there were, in one read.
            let first = try database.rows("""
                SELECT line, reason, (SELECT count(*) FROM ingest_error WHERE source_id = ?1) FROM ingest_error WHERE source_id = ?1 ORDER BY id LIMIT 1
                """, [.integer(id)]).first
            known.firstProblem = first.map { (line: $0[0].int.map(Int.init), reason: $0[1].string ?? "") }
            known.problemCount = Int(first?[2].int ?? 0)
        }
        return known
    }

    func changeLogGroup(ofSource id: Int64, from old: String, to group: String) throws {
        try beginIfNeeded()
        try database.statement("UPDATE event SET log_group = ? WHERE source_id = ? AND log_group IS ?").run([.text(group), .integer(id), .text(old)])
        try database.statement("UPDATE source SET log_group = ?, log_group_origin = 'option' WHERE id = ?").run([.text(group), .integer(id)])
        groupsChanged = true
        try markDerivedStale()
    }

    func beginSource(_ source: NewSource, queued: Bool) throws -> SourceRow {
        let row = SourceRow()
        try writer.begin(queued: queued) { [self] in
            try beginIfNeeded()
            try database.statement("""
                INSERT INTO source (path, container, sha256, bytes, mtime, events, compressed, export_task_id, ingested_at)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)
                """).run([.text(source.path), .text("unknown"), .text("pending-\(UUID().uuidString)"), .integer(source.bytes),
                          source.mtime.map(SQLValue.integer) ?? .null, .integer(source.compressed ? 1 : 0),
                          source.exportTaskId.map(SQLValue.text) ?? .null, .integer(Self.now())])
            row.id = database.lastInsertRowID
            return row.id
        }
        return row
    }

    func accept(_ event: inout RawEvent, parsed: ParsedLine, transactionEffect: Int64, group: String?) throws {
        try writer.accept(&event, parsed: parsed, transactionEffect: transactionEffect, group: group)
    }

    func afterWritten(queued: Bool, _ work: @escaping () throws -> Void) throws {
        try writer.afterWritten(queued: queued, work)
    }

    func completeSource(_ row: SourceRow, _ outcome: SourceOutcome, problems: [IngestIssue], onIssue: (IngestIssue) -> Void) throws -> Bool {
        eventsSinceCommit += outcome.eventsRead
        let duplicate = try database.scalar("SELECT id FROM source WHERE sha256 = ?", [.text(outcome.sha256)]).int
        if let duplicate, duplicate != row.id {
            // The same bytes under another name: nothing new can come of it.
            try database.statement("DELETE FROM source WHERE id = ?").run([.integer(row.id)])
            return false
        }
        let added = writer.eventsAddedBySource
        let dropped = writer.droppedBySource
        duplicatesOfFiles.add(dropped)
        try database.statement("""
            UPDATE source SET container = ?, sha256 = ?, events = ?, events_added = ?, log_group = ?, log_group_origin = ?, complete = ?,
                dropped_same_event_id = ?, dropped_same_text = ?, dropped_reconciled = ?
            WHERE id = ?
            """).run([.text(outcome.container), .text(outcome.sha256), .integer(Int64(outcome.eventsRead)),
                      .integer(Int64(added)), outcome.logGroup.map(SQLValue.text) ?? .null,
                      outcome.logGroupOrigin.map(SQLValue.text) ?? .null,
                      .integer(problems.contains { !$0.keptData } ? 0 : 1),
                      .integer(Int64(dropped.sameEventId)), .integer(Int64(dropped.sameText)), .integer(Int64(dropped.reconciled)),
                      .integer(row.id)])
        // Kept with the file's rows, so that a later run knows whether to reconcile kinds.
        if writer.idKinds != savedIdKinds {
            savedIdKinds = writer.idKinds
            try EventIdKinds.save(savedIdKinds, in: database)
        }
        // A row taken over by its copy with an eventId may have changed (its log group, its message).
        if added > 0 || dropped.reconciled > 0 || outcome.isConfiguration { try markDerivedStale() }
        for problem in problems {
            onIssue(problem)
            try recordIssue(problem, path: outcome.path, sourceId: row.id)
        }
        if eventsSinceCommit > Self.eventsPerCommit { try commitIfOpen() }
        return true
    }

    func discardSource(_ row: SourceRow) throws {
        try beginIfNeeded()
        try database.statement("DELETE FROM event WHERE source_id = ?").run([.integer(row.id)])
        try database.statement("DELETE FROM source WHERE id = ?").run([.integer(row.id)])
    }

    func recordIssue(_ issue: IngestIssue, path: String, sourceId: Int64?) throws {
        try beginIfNeeded()
        try database.statement("INSERT INTO ingest_error (source_id, path, line, offset, reason, excerpt, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .run([sourceId.map(SQLValue.integer) ?? .null, .text(path), issue.line.map { .integer(Int64($0)) } ?? .null,
                  issue.offset.map(SQLValue.integer) ?? .null, .text(issue.reason), issue.excerpt.map(SQLValue.text) ?? .null,
                  .integer(Self.now())])
    }

    func exportTaskGroup(_ taskId: String) throws -> String? {
        try database.scalar("SELECT log_group FROM export_task WHERE task_id = ?", [.text(taskId)]).string
    }

    func saveConfiguration(_ document: ConfigurationDocument, sourceId: Int64) throws {
        try beginIfNeeded()
        try ConfigurationStore(database: database).save(document, sourceId: sourceId)
        if !document.exportTasks.isEmpty { try Self.applyExportTasks(in: database) }
    }

    func saveMetricResults(_ results: [MetricResult], sourceId: Int64, folder: String) throws -> (pointsAdded: Int, unnamed: [MetricResult]) {
        try beginIfNeeded()
        return try MetricStore(database: database).save(results, sourceId: sourceId, folder: folder)
    }

    func saveMetricQueries(_ queries: [MetricQuery], sourceId: Int64, folder: String) throws -> Int {
        try beginIfNeeded()
        return try MetricStore(database: database).save(queries, sourceId: sourceId, folder: folder)
    }

    func resolveMetricsAcrossFolders() throws -> Int {
        guard try database.scalar("SELECT EXISTS (SELECT 1 FROM metric_unresolved)").int == 1 else { return 0 }
        try beginIfNeeded()
        return try MetricStore(database: database).resolve(acrossFolders: true)
    }

    func unresolvedMetricPoints(sourceId: Int64) throws -> Int {
        Int(try database.scalar("SELECT count(*) FROM metric_unresolved WHERE source_id = ?", [.integer(sourceId)]).int ?? 0)
    }

    func commit() throws { try commitIfOpen() }
    func finish() throws { try writer.finish() }

    func abandon() {
        writer.abandon()
        if inTransaction { try? database.execute("ROLLBACK"); inTransaction = false }
    }

    /// Ends the run's writing: every event written, bulk mode over, everything committed, and the
    /// page cache back to its usual size. Returns what the gatherer gathered (nil if incomplete).
    func endRun() throws -> LineGatherer? {
        try writer.finish()
        let bulk = writer.isBulk
        try writer.endBulk()
        try commitIfOpen()
        let gathered = writer.takeGathered()
        if bulk { try database.execute("PRAGMA cache_size = -32768") }
        // Lines gathered while adding to stored events may hold a log group changed since: the
        // derived tables are then made from the events as stored.
        return groupsChanged ? nil : gathered
    }

    /// Set once `changeLogGroup` has changed stored events.
    private var groupsChanged = false

    /// After deriving: a bulk load's commits are durable again.
    func restoreDurability() throws {
        try database.execute("PRAGMA synchronous = FULL")
    }

    private func beginIfNeeded() throws {
        if !inTransaction {
            try database.execute("BEGIN IMMEDIATE")
            inTransaction = true
        }
    }

    private func commitIfOpen() throws {
        if inTransaction {
            try database.execute("COMMIT")
            inTransaction = false
            eventsSinceCommit = 0
        }
    }

    private func markDerivedStale() throws {
        try database.execute(try SQLFolder.statements.sql("derive_mark_stale"))
    }

    /// Gives events read before their task's description was seen the task's log group (also
    /// `merge`'s: the description and the export may come from different partitions).
    static func applyExportTasks(in database: Database) throws {
        try database.execute("""
            UPDATE event SET log_group = (SELECT t.log_group FROM source s JOIN export_task t ON t.task_id = s.export_task_id WHERE s.id = event.source_id)
            WHERE source_id IN (SELECT s.id FROM source s JOIN export_task t ON t.task_id = s.export_task_id
                                WHERE s.log_group_origin = 'path' AND t.log_group IS NOT NULL);
            UPDATE source SET log_group = (SELECT log_group FROM export_task WHERE task_id = source.export_task_id), log_group_origin = 'export-task'
            WHERE log_group_origin = 'path' AND export_task_id IN (SELECT task_id FROM export_task WHERE log_group IS NOT NULL);
            """)
    }

    private static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}
