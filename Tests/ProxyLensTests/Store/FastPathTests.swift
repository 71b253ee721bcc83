import Foundation
import Testing
@testable import ProxyLens

/// The bulk path (fresh database: in-memory dedupe, no dedupe index until a later run, inserts on a
/// second thread), adding to stored events in memory (the stored rows keyed and gathered first) and
/// the incremental path (dedupe through the unique index) must store the same rows.
@Suite("Fast path vs reference path")
struct FastPathTests {
    static func snapshot(_ database: Database) throws -> [String: [[SQLValue]]] {
        [
            "event": try database.rows("""
                SELECT log_group, log_stream, ts, ingestion_ts, event_id, message, msg_hash, kind, request_id, level, proxy_ts,
                       client_connection, db_connection, txn_effect FROM event WHERE log_stream != 'reference-path-seed'
                ORDER BY log_stream, ts, msg_hash
                """),
            // Row ids differ between the two databases (the seed event); everything else must not.
            "invocation": try database.rows("""
                SELECT request_id, function, instance, log_group, start_ts, end_ts, duration_ms, billed_ms, init_ms, memory_mb,
                       max_memory_mb, status, error_type, error_message, cold_start, seq, idle_before_ms, last_activity,
                       last_activity_ts, txn_open, events
                FROM invocation ORDER BY request_id
                """),
            "proxy_session": try database.rows("""
                SELECT proxy, log_group, client_connection, endpoint, opened_ts, client_address, auth_user, pinned_ts, pin_reason,
                       pin_digest, db_connection, closed_ts, close_reason, close_kind
                FROM proxy_session ORDER BY proxy, client_connection
                """),
            "failure": try database.rows("""
                SELECT request_id, cause, rule, confidence, detail, fingerprint, caused_by,
                       (SELECT group_concat(value) FROM json_each(evidence) WHERE value NOT LIKE 'event:%') AS proxy_evidence
                FROM failure ORDER BY request_id
                """),
        ]
    }

    @Test("samples/: bulk and incremental ingest give identical events, invocations, sessions and labels")
    func identicalDatabases() throws {
        let inputs = [Fixture.samples("incident"), Fixture.samples("containers")]
        let bulk = try Database(path: ":memory:")
        _ = try ingest(inputs, into: bulk)
        _ = try Classifier(database: bulk).run()

        // A database that already holds an event adds to it in memory; with the dedupe index
        // built, through the index.
        let folder = try Fixture.temporaryFolder()
        let seed = try Fixture.write(#"{"events":[{"logStreamName":"reference-path-seed","timestamp":1,"message":"seed"}]}"#, to: "seed.json", in: folder)
        for throughIndex in [false, true] {
            let incremental = try Database(path: ":memory:")
            _ = try ingest([seed], into: incremental)
            if throughIndex { try incremental.execute(EventWriter.createDedupeIndex) }
            _ = try ingest(inputs, into: incremental)
            _ = try Classifier(database: incremental).run()
            #expect(try incremental.scalar("SELECT count(*) FROM meta WHERE key = ?", [.text(EventWriter.inMemoryWriterKey)]).int == 0)

            let a = try Self.snapshot(bulk), b = try Self.snapshot(incremental)
            #expect((a["event"]?.count ?? 0) > 2900)
            for table in a.keys.sorted() {
                #expect(a[table] == b[table], "\(table) differs between the bulk and the incremental path (through the index: \(throughIndex))")
            }
        }
    }

    @Test("adding to stored events: a run that only skips files reads none of them; a second writer while one dedupes in memory goes through the index")
    func addingInMemory() throws {
        let folder = try Fixture.temporaryFolder()
        let first = try Fixture.write(#"{"events":[{"logStreamName":"s","timestamp":1,"message":"one","eventId":"1"}]}"#, to: "first.json", in: folder)
        let second = try Fixture.write(#"{"events":[{"logStreamName":"s","timestamp":1,"message":"one","eventId":"1"},{"logStreamName":"s","timestamp":2,"message":"two","eventId":"2"}]}"#,
                                       to: "second.json", in: folder)
        let database = try Database(path: ":memory:")
        _ = try ingest([first], into: database)
        let (added, _) = try ingest([second], into: database)
        // The stored event's key was in the set: only the new one is stored, no index built.
        #expect(added.eventsAdded == 1)
        #expect(try database.scalar("SELECT count(*) FROM event").int == 2)
        #expect(try database.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'event_dedupe'").int == 0)
        // Another run's mark (one killed while deduping in memory): this run goes through the index.
        try database.statement("INSERT INTO meta (key, value) VALUES (?, 'other')").run([.text(EventWriter.inMemoryWriterKey)])
        let third = try Fixture.write(#"{"events":[{"logStreamName":"s","timestamp":2,"message":"two","eventId":"2"},{"logStreamName":"s","timestamp":3,"message":"three","eventId":"3"}]}"#,
                                      to: "third.json", in: folder)
        let (viaIndex, _) = try ingest([third], into: database)
        #expect(viaIndex.eventsAdded == 1)
        #expect(try database.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'event_dedupe'").int == 1)
        #expect(try database.scalar("SELECT count(*) FROM event").int == 3)
    }

    @Test("a run that only skips files, with the derived tables stale (a kill after the events were in), derives from every stored event")
    func skipOnlyRunDerivesEverything() throws {
        let database = try Database(path: ":memory:")
        let inputs = [Fixture.samples("incident")]
        _ = try ingest(inputs, into: database)
        let invocations = try database.scalar("SELECT count(*) FROM invocation").int ?? 0
        #expect(invocations > 20)
        try database.execute("UPDATE meta SET value = '1' WHERE key = 'derived_stale'")
        let (again, _) = try ingest(inputs, into: database)
        #expect(again.eventsAdded == 0 && again.derivedRebuilt)
        #expect(try database.scalar("SELECT count(*) FROM invocation").int == invocations)
    }
}

/// The same comparison on the kind of input the benchmark measures: a corpus from the benchmark's
/// own generator (`bench/gen_corpus.py`, seed 1, 6 MB instead of 850: five functions in three log
/// formats, two proxies, a gzipped file, failures of every kind). One generator process: its pool
/// of workers could hang when started from the test process.
@Suite("Fast path vs reference path on a benchmark corpus")
struct BenchmarkCorpusTests {
    @Test("bench/gen_corpus.py output: bulk (its dedupe keys in memory or spilled) and incremental ingest give identical events, invocations, sessions and labels")
    func identicalDatabases() throws {
        let folder = try Fixture.temporaryFolder()
        let corpus = folder.appendingPathComponent("corpus").path
        let generator = try CLI.run(program: "/usr/bin/env", ["python3", Fixture.root.appendingPathComponent("bench/gen_corpus.py").path,
                                                              "--out", corpus, "--mb", "6", "--seed", "1", "--gzip-fraction", "0.5", "--jobs", "1"])
        try #require(generator.status == 0, "bench/gen_corpus.py failed (it needs python3): \(generator.stderr)")

        let bulk = try Database(path: ":memory:")
        let (bulkSummary, _) = try ingest([corpus], into: bulk)
        _ = try Classifier(database: bulk).run()
        let seed = try Fixture.write(#"{"events":[{"logStreamName":"reference-path-seed","timestamp":1,"message":"seed"}]}"#,
                                     to: "seed.json", in: try Fixture.temporaryFolder())
        #expect(bulkSummary.filesRead >= 8 && bulkSummary.eventsAdded > 14_000)
        #expect(try bulk.scalar("SELECT count(*) FROM source WHERE compressed = 1").int ?? 0 >= 1)
        #expect(try bulk.scalar("SELECT count(DISTINCT cause) FROM failure").int ?? 0 >= 4)
        #expect(try bulk.scalar("SELECT count(*) FROM proxy_session").int ?? 0 > 100)
        // Added to a stored event in memory, and through the dedupe index.
        for throughIndex in [false, true] {
            let incremental = try Database(path: ":memory:")
            _ = try ingest([seed], into: incremental)
            if throughIndex { try incremental.execute(EventWriter.createDedupeIndex) }
            _ = try ingest([corpus], into: incremental)
            _ = try Classifier(database: incremental).run()
            let a = try FastPathTests.snapshot(bulk), b = try FastPathTests.snapshot(incremental)
            for table in a.keys.sorted() {
                #expect(a[table] == b[table], "\(table) differs between the bulk and the incremental path (through the index: \(throughIndex))")
            }
            #expect(try bulk.rows("SELECT * FROM instance ORDER BY instance") == incremental.rows("SELECT * FROM instance ORDER BY instance"))
            // Event ids are one apart (the seed event), so the rows are compared without them.
            let connections = "SELECT proxy, log_group, db_connection, opened_ts, closed_ts, close_reason, mid_request, released_ts FROM proxy_db_connection ORDER BY proxy, db_connection"
            #expect(try bulk.rows(connections) == incremental.rows(connections))
        }
        // A bulk load whose dedupe keys spill to a dozen runs on disk (a 16 KiB table: 1,536 keys).
        var spilling = IngestOptions()
        spilling.dedupeTableBytes = 16 << 10
        let spilled = try Database(path: ":memory:")
        let (spilledSummary, _) = try ingest([corpus], into: spilled, options: spilling)
        _ = try Classifier(database: spilled).run()
        #expect(spilledSummary.eventsAdded == bulkSummary.eventsAdded && spilledSummary.duplicates == bulkSummary.duplicates)
        let (a, b) = (try FastPathTests.snapshot(bulk), try FastPathTests.snapshot(spilled))
        for table in a.keys.sorted() { #expect(a[table] == b[table], "\(table) differs when the dedupe keys spill") }
        #expect(try bulk.rows("SELECT * FROM proxy_db_connection ORDER BY proxy, db_connection") == spilled.rows("SELECT * FROM proxy_db_connection ORDER BY proxy, db_connection"))
    }
}

/// In a bulk load each file's bookkeeping (its `source` row, its problems, its counts) is
/// queued behind its events on the inserting thread; otherwise the reading thread waits and
/// does it. Both must record the same.
@Suite("Queued vs waited file bookkeeping")
struct FileBookkeepingTests {
    static func sources(_ database: Database) throws -> [[SQLValue]] {
        try database.rows("""
            SELECT path, container, sha256, bytes, events, events_added, log_group, log_group_origin, complete,
                   (SELECT group_concat(coalesce(line, '-') || ' ' || coalesce(offset, '-') || ' ' || reason, ' | ')
                    FROM ingest_error e WHERE e.source_id = s.id)
            FROM source s WHERE path NOT LIKE '%seed.json' ORDER BY path
            """) + database.rows("SELECT path, line, reason FROM ingest_error WHERE source_id IS NULL ORDER BY path")
    }

    @Test("a renamed copy, a path given twice, a cut-off page and invalid UTF-8: the same sources, problems and counts")
    func sameBookkeeping() throws {
        let folder = try Fixture.temporaryFolder()
        let page = Fixture.samples("containers/filter-log-events/catalog-sync_2026-03-14T0900Z_0915Z_page1.json")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: page))
        let copy = folder.appendingPathComponent("renamed-copy.json").path
        try bytes.write(to: URL(fileURLWithPath: copy))
        let cut = folder.appendingPathComponent("cut-off.json").path
        try bytes.prefix(bytes.count * 2 / 3).write(to: URL(fileURLWithPath: cut))
        // A message with invalid UTF-8 (0xC3 0x28), kept with U+FFFD and noted.
        let invalid = folder.appendingPathComponent("invalid-utf8.json").path
        try Data(#"{"events":[{"logStreamName":"s","timestamp":5,"message":"bad "#.utf8 + [0xC3, 0x28] + #""}]}"#.utf8)
            .write(to: URL(fileURLWithPath: invalid))
        let inputs = [page, cut, copy, invalid, page, Fixture.samples("incident"), folder.appendingPathComponent("missing.json").path]
            .filter { FileManager.default.fileExists(atPath: $0) } + [folder.path]

        let bulk = try Database(path: ":memory:")
        let (bulkSummary, bulkIssues) = try ingest(inputs, into: bulk)
        let seed = try Fixture.write(#"{"events":[{"logStreamName":"reference-path-seed","timestamp":1,"message":"seed"}]}"#,
                                     to: "seed.json", in: try Fixture.temporaryFolder())
        let waited = try Database(path: ":memory:")
        _ = try ingest([seed], into: waited)
        let (waitedSummary, waitedIssues) = try ingest(inputs, into: waited)

        #expect(bulkSummary.filesRead == waitedSummary.filesRead)
        #expect(bulkSummary.filesSkipped == waitedSummary.filesSkipped && bulkSummary.sameContentSkipped == waitedSummary.sameContentSkipped)
        #expect(bulkSummary.filesSkipped + bulkSummary.sameContentSkipped >= 3, "the second listing, the renamed copy and the folder's copies are skipped")
        #expect(bulkSummary.filesWithProblems == waitedSummary.filesWithProblems && bulkSummary.filesWithProblems >= 1)
        #expect(bulkSummary.problems == waitedSummary.problems && bulkSummary.notes == waitedSummary.notes && bulkSummary.notes >= 1)
        #expect(bulkSummary.eventsAdded == waitedSummary.eventsAdded && bulkSummary.eventsAdded > 2900)
        #expect(bulkIssues.map { "\($0.0) \($0.1.reason)" } == waitedIssues.map { "\($0.0) \($0.1.reason)" })
        let (bulkSources, waitedSources) = (try Self.sources(bulk), try Self.sources(waited))
        #expect(bulkSources == waitedSources)
        for (a, b) in zip(bulkSources, waitedSources) where a != b { Issue.record("\(a)\n≠ \(b)") }
        #expect(try FastPathTests.snapshot(bulk)["event"] == FastPathTests.snapshot(waited)["event"])
    }
}

/// The one-pass reader of `events[]` objects (event_object.c) and the general JSON reader must
/// yield the same events, field for field, on everything the one-pass reader accepts.
@Suite("One-pass event reader vs general JSON reader")
struct OnePassReaderTests {
    static func events(_ bytes: [UInt8], onePass: Bool) throws -> (events: [RawEvent], issues: [IngestIssue], onePass: Int) {
        let sink = CollectingSink()
        var reader = CloudWatchJSONReader(defaultStream: "stream-from-name", defaultGroup: nil)
        reader.usesOnePassReader = onePass
        let window = ByteWindow(MemoryByteSource(bytes))
        try reader.read(window, into: sink)
        return (sink.events, sink.issues, reader.eventsReadInOnePass)
    }

    static func same(_ a: [RawEvent], _ b: [RawEvent]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.logGroup == y.logGroup && x.logStream == y.logStream && x.timestamp == y.timestamp
                && x.ingestionTime == y.ingestionTime && x.eventIdBytes == y.eventIdBytes && x.message == y.message
                && x.offset == y.offset
        }
    }

    @Test("every JSON page in samples/ reads the same both ways, and the one-pass reader takes nearly all events")
    func samplePages() throws {
        var files: [String] = []
        for folder in [Fixture.samples("containers/filter-log-events"), Fixture.samples("containers/get-log-events"),
                       Fixture.samples("incident")] {
            let walker = FileManager.default.enumerator(atPath: folder)
            while let name = walker?.nextObject() as? String {
                if name.hasSuffix(".json") { files.append(folder + "/" + name) }
            }
        }
        #expect(files.count >= 3)
        var total = 0, onePass = 0
        for file in files {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            guard case .success(let reader) = ContainerReaders.choose(bytes.withUnsafeBufferPointer({ ContentSample(path: file, head: $0) })),
                  reader is LogEventsJSONContainer else { continue }
            let fast = try Self.events(bytes, onePass: true)
            let general = try Self.events(bytes, onePass: false)
            #expect(Self.same(fast.events, general.events), "\(file)")
            #expect(fast.issues == general.issues, "\(file)")
            total += fast.events.count
            onePass += fast.onePass
        }
        #expect(total > 500)
        #expect(onePass * 10 >= total * 9, "one-pass reader took \(onePass) of \(total) events")
    }

    @Test("escapes, surrogates, odd values and odd keys: the same events whichever reader takes them")
    func edgeCases() throws {
        let objects = [
            #"{"logStreamName": "s", "timestamp": 1712568068991, "message": "tab\there \"q\" back\\slash \/ \b\f\r\n", "ingestionTime": 1712568070017, "eventId": "0001"}"#,
            #"{"logStreamName":"s","timestamp":1712568068991,"message":"caf\u00e9 \ud83d\ude00 lone \ud83d then \udc00 end"}"#,
            #"{"timestamp": 1712568068991, "message": "no stream, no id"}"#,
            #"{"logStreamName": "s", "timestamp": "2024-04-08T09:21:08.991Z", "message": "timestamp as text"}"#,
            #"{"logStreamName": "s", "timestamp": 1712568068991.5, "message": "fraction"}"#,
            #"{"logStreamName": "s", "timestamp": 1712568068991, "message": "extra key", "extra": {"a": [1, 2]}}"#,
            #"{"logStreamName": "s", "timestamp": 1712568068991, "eventId": 123, "message": "numeric id"}"#,
            #"{"logStreamName": "s\u0041", "timestamp": 1712568068991, "message": "escaped stream"}"#,
            #"{"logStreamName": "s", "message": "no timestamp"}"#,
            #"{"logStreamName": "s", "timestamp": 1712568068991, "message": "dup", "message": "second"}"#,
            #"{"logStreamName": "s", "timestamp": 1712568068991, "message": "ünïcödé raw"}"#,
            #"{"logStreamName": "s", "timestamp": 1712568068991, "message": null}"#,
            #"{}"#,
        ]
        let page = "{\"events\": [\n" + objects.joined(separator: ",\n") + "\n]}"
        let fast = try Self.events(Array(page.utf8), onePass: true)
        let general = try Self.events(Array(page.utf8), onePass: false)
        #expect(Self.same(fast.events, general.events))
        #expect(fast.issues == general.issues)
        #expect(fast.events.count == objects.count - 2)
        #expect(fast.onePass >= 4)
        #expect(fast.events[0].messageText == "tab\there \"q\" back\\slash / \u{8}\u{c}\r\n")
        #expect(fast.events[1].messageText == "café 😀 lone \u{FFFD} then \u{FFFD} end")
    }
}

/// The reading thread fills batches the inserting thread has written: each must come back with
/// the memory it had, or every batch costs a fresh allocation the reader faults in page by page.
@Suite("Batch recycling")
struct BatchRecyclingTests {
    @Test("a written batch comes back to the reader with its own buffers, emptied, gathered for deriving or not",
          arguments: [false, true])
    func writtenBatchKeepsItsMemory(gathering: Bool) throws {
        let database = try Database(path: ":memory:")
        let inserter = BackgroundInserter(database: database, statements: try EventStatements(database: database), messageHash: .xxh64, idKinds: 0)
        defer { inserter.stop() }
        if gathering { inserter.startGathering(into: DerivationGatherer()) }
        try database.execute("INSERT INTO source (id, path, container, sha256, bytes, events, ingested_at) VALUES (1, 'p', 'c', 'h', 0, 0, 0)")
        try inserter.submit(work: { inserter.startSource(1) })
        var batch = inserter.emptyBatch()
        let message = batch.append(Array("START RequestId: 8f5a1c2e-0000-4000-8000-000000000001 Version: $LATEST".utf8))
        batch.rows.append(EventBatch.Row(
            timestamp: 1, ingestionTime: 0, line: 0, offset: 0, proxyTimestamp: 0, clientConnection: 0, dbConnection: 0,
            transactionEffect: 0, logGroup: batch.group("/aws/lambda/f"), logStream: batch.stream("s"), eventId: .null,
            message: message, requestId: .null, level: .null, kind: .start, present: 0))
        let buffers = (batch.bytes.withUnsafeBufferPointer { $0.baseAddress }, batch.rows.withUnsafeBufferPointer { $0.baseAddress })
        try inserter.submit(consume batch)
        try inserter.drain()
        #expect(try database.scalar("SELECT count(*) FROM event").int == 1)
        // Waits for the gathering thread, which hands the batch back once it has gathered it.
        let gathered = inserter.takeGathered()
        #expect(((gathered as? DerivationGatherer)?.input.lambda.streamCount ?? 0) == (gathering ? 1 : 0))

        let again = inserter.emptyBatch()
        #expect(again.isEmpty && again.bytes.isEmpty)
        #expect(again.bytes.withUnsafeBufferPointer { $0.baseAddress } == buffers.0, "the byte arena is the one written")
        #expect(again.rows.withUnsafeBufferPointer { $0.baseAddress } == buffers.1, "the rows are the ones written")
    }
}

/// Each file's read buffers go back to `RecycledBuffers` for the next file, for the same reason.
@Suite("Read buffers kept between files")
struct RecycledBufferTests {
    @Test("a window's storage given back is the next window's, for a size no other test uses")
    func windowStorageComesBack() throws {
        // An odd size, so that tests running meanwhile never take this buffer.
        let size = 3 * 4096 + 48
        var first: UnsafeMutableRawPointer?
        do {
            let window = ByteWindow(MemoryByteSource("{\"events\":[]}"), initialCapacity: size)
            #expect(try window.fill() && window.available == 13)
            first = window.storage.baseAddress
        }
        let second = ByteWindow(MemoryByteSource("x"), initialCapacity: size)
        #expect(second.storage.baseAddress == first)
        #expect(second.storage.count == size)
        #expect(try second.fill() && second.pointer[0] == UInt8(ascii: "x") && second.available == 1)
    }
}
