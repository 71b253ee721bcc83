import CSupport

/// Copies what a partition database holds (another `ingest` run's, attached read-only under
/// `schema`) into this database, keeping ingest's rules: a file whose sha256 is already here
/// adds nothing (its rows are not copied: they are here already, as a re-ingest would skip it);
/// the other `source` rows get new ids, which the rows pointing at them follow; events go in
/// whole and are deduplicated once, at `finish`, by the same pass that builds the dedupe index
/// after a bulk load (`EventWriter.buildDedupeIndex`); configuration rows replace earlier ones
/// as a later file does; metric points are unique as ingest keeps them. Derived tables and
/// labels are not copied: they are rebuilt from the merged events.
///
/// Both databases must be at this build's schema and use the same message hash (`MergeInput`
/// prepares a copy of any that is not).
struct PartitionMerger {
    let database: Database
    let schema: String
    /// The start of the `ingest_error` reasons deriving writes (with no source): they are made
    /// again when the merged tables are derived, so the partitions' are not copied.
    let derivingNotePrefix: String

    /// What one partition added.
    struct Copied {
        var sources = 0
        var sourcesAlreadyPresent = 0
        var eventsRead = 0
        var eventsCopied = 0
        var metricPoints = 0
        var problems = 0
    }

    /// Before the first partition: the dedupe index goes (it is built again by `finish`, which
    /// first drops every copy), and the map of source ids is made.
    static func begin(_ database: Database) throws {
        try database.execute("""
            DROP INDEX IF EXISTS event_dedupe;
            CREATE TEMP TABLE IF NOT EXISTS merge_source (old INTEGER PRIMARY KEY, new INTEGER NOT NULL, duplicate INTEGER NOT NULL);
            """)
    }

    /// Copies the attached partition's rows. Run in a transaction.
    func copy() throws -> Copied {
        var copied = Copied()
        try database.execute("DELETE FROM temp.merge_source")
        let sources = try database.prepare("SELECT id, sha256 FROM \(schema).source ORDER BY id")
        let existing = try database.statement("SELECT id FROM main.source WHERE sha256 = ?")
        let sourceColumns = try columns(of: "source").filter { $0 != "id" }.joined(separator: ", ")
        let insertSource = try database.statement("INSERT INTO main.source (\(sourceColumns)) SELECT \(sourceColumns) FROM \(schema).source WHERE id = ?")
        let map = try database.statement("INSERT INTO temp.merge_source (old, new, duplicate) VALUES (?, ?, ?)")
        while try sources.step() {
            let old = sources.int(0) ?? 0
            existing.reset()
            existing.bind(sources.text(1), at: 1)
            if try existing.step(), let id = existing.int(0) {
                try map.run([.integer(old), .integer(id), .integer(1)])
                copied.sourcesAlreadyPresent += 1
            } else {
                try insertSource.run([.integer(old)])
                try map.run([.integer(old), .integer(database.lastInsertRowID), .integer(0)])
                copied.sources += 1
            }
        }
        copied.eventsRead = Int(try database.scalar("SELECT count(*) FROM \(schema).event").int ?? 0)
        copied.eventsCopied = try copy("event", where: "m.duplicate = 0")
        copied.problems = try copy("ingest_error", where: """
            m.duplicate = 0 OR (x.source_id IS NULL AND substr(x.reason, 1, \(derivingNotePrefix.count)) <> '\(derivingNotePrefix.replacingOccurrences(of: "'", with: "''"))'
                AND NOT EXISTS (SELECT 1 FROM main.ingest_error y WHERE y.source_id IS NULL AND y.path = x.path AND y.reason = x.reason))
            """)
        _ = try copy("proxy_config", verb: "INSERT OR REPLACE")
        _ = try copy("proxy_target_group", verb: "INSERT OR REPLACE")
        _ = try copy("export_task", verb: "INSERT OR REPLACE")
        // A function's configuration and its reserved concurrency come from two files, which
        // may be in two partitions: each value a partition has replaces the one here.
        let functionColumns = try columns(of: "function_config").filter { $0 != "function" }
        _ = try copy("function_config", upsert: "ON CONFLICT(function) DO UPDATE SET "
                     + functionColumns.map { "\($0) = coalesce(excluded.\($0), \($0))" }.joined(separator: ", "))
        copied.metricPoints = try copy("metric_point", verb: "INSERT OR IGNORE")
        _ = try copy("metric_query", where: "m.duplicate = 0")
        _ = try copy("metric_unresolved", verb: "INSERT OR IGNORE")
        let kinds = try EventIdKinds.stored(in: database) | UInt8(clamping: try database.scalar(
            "SELECT value FROM \(schema).meta WHERE key = 'event_id_kinds'").int ?? 0)
        try EventIdKinds.save(kinds, in: database)
        return copied
    }

    /// After the last partition: duplicate events dropped (each charged to the source it came
    /// from, as ingest charges it) and the dedupe index built; export tasks' log groups given
    /// to exports read in another partition; metric points named by queries from another
    /// partition; the derived tables marked stale. Run in a transaction.
    static func finish(_ database: Database) throws -> DuplicateCounts {
        var dropped = DuplicateCounts()
        // Partitions seldom overlap, so the unique index is first built straight away: one sort
        // that finds whether any two events share a key. Only when it does (or when events from
        // before schema 8 still need their slot) are the copies looked for, which is a second
        // sort of every event (200 MB corpus, 0.48 M events in 7 partitions: 1.85 s with it every
        // time, against ~0.6 s for the index alone).
        let unslotted = try database.scalar("SELECT EXISTS (SELECT 1 FROM event WHERE event_id IS NOT NULL AND dedupe_slot = 0)").int == 1
        var indexed = false
        if !unslotted {
            do {
                try database.execute(EventWriter.createDedupeIndex)
                indexed = true
            } catch {
                guard let handle = database.handle, sqlite3_extended_errcode(handle) & 0xff == SQLITE_CONSTRAINT else { throw error }
            }
        }
        if indexed {
            let reconciled = try EventWriter.reconcileKinds(database)
            try EventWriter.charge(reconciled, in: database)
            for counts in reconciled.values { dropped.add(counts) }
        } else {
            for counts in try EventWriter.buildDedupeIndex(database).values { dropped.add(counts) }
        }
        try SQLiteIngestStore.applyExportTasks(in: database)
        _ = try MetricStore(database: database).resolve(acrossFolders: true)
        try database.execute(try SQLFolder.statements.sql("derive_mark_stale"))
        try database.execute("DROP TABLE IF EXISTS temp.merge_source")
        return dropped
    }

    /// Copies every row of `table` that `condition` keeps (`x` is the partition's row, `m` its
    /// source's map entry), `source_id` mapped to this database's ids, in the partition's order.
    /// Returns the rows written.
    private func copy(_ table: String, verb: String = "INSERT", where condition: String = "true", upsert: String = "") throws -> Int {
        let names = try columns(of: table).filter { $0 != "id" }
        let values = names.map { $0 == "source_id" ? "m.new" : "x.\($0)" }.joined(separator: ", ")
        let join = names.contains("source_id") ? "LEFT JOIN temp.merge_source m ON m.old = x.source_id" : ""
        // `WHERE` is always there: SQLite needs it between a join and an upsert's ON CONFLICT.
        try database.execute("""
            \(verb) INTO main.\(table) (\(names.joined(separator: ", ")))
            SELECT \(values) FROM \(schema).\(table) x \(join) WHERE \(condition) ORDER BY x.rowid \(upsert)
            """)
        return database.changes
    }

    /// The columns of `table` in this database (the partition's are the same: same schema).
    private func columns(of table: String) throws -> [String] {
        try database.rows("SELECT name FROM pragma_table_info(?, 'main') ORDER BY cid", [.text(table)]).compactMap { $0.first?.string }
    }
}
