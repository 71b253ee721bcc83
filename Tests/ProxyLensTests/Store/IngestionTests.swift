import CSupport
import Foundation
import Testing
@testable import ProxyLens

@Suite("Ingestion into the store")
struct IngestionTests {
    static let page = """
    {
        "events": [
            {"logStreamName": "2026/03/14/[$LATEST]aaaa", "timestamp": 1773478800000, "message": "START RequestId: 11111111-1111-4111-8111-111111111111 Version: $LATEST\\n", "ingestionTime": 1773478800100, "eventId": "1"},
            {"logStreamName": "2026/03/14/[$LATEST]aaaa", "timestamp": 1773478800010, "message": "[WARNING]\\t2026-03-14T09:00:00.010Z\\t11111111-1111-4111-8111-111111111111\\tLAMBDA_WARNING: Unhandled exception.\\n", "ingestionTime": 1773478800100, "eventId": "2"},
            {"logStreamName": "2026/03/14/[$LATEST]aaaa", "timestamp": 1773478800010, "message": "[ERROR] OperationalError: SSL SYSCALL error: EOF detected\\n\\nTraceback (most recent call last):\\n", "ingestionTime": 1773478800100, "eventId": "3"},
            {"logStreamName": "2026/03/14/[$LATEST]aaaa", "timestamp": 1773478800012, "message": "END RequestId: 11111111-1111-4111-8111-111111111111\\n", "ingestionTime": 1773478800100, "eventId": "4"},
            {"logStreamName": "2026/03/14/[$LATEST]aaaa", "timestamp": 1773478800012, "message": "REPORT RequestId: 11111111-1111-4111-8111-111111111111\\tDuration: 12.00 ms\\tBilled Duration: 12 ms\\tMemory Size: 512 MB\\tMax Memory Used: 100 MB\\n", "ingestionTime": 1773478800100, "eventId": "5"}
        ],
        "searchedLogStreams": []
    }
    """

    @Test("re-ingesting, or ingesting an overlapping copy, adds nothing")
    func dedupe() throws {
        let folder = try Fixture.temporaryFolder()
        let first = try Fixture.write(Self.page, to: "inventory-api/inventory-api_1.json", in: folder)
        let copy = try Fixture.write(Self.page.replacingOccurrences(of: "\"searchedLogStreams\": []", with: "\"nextToken\": \"x\""),
                                     to: "inventory-api/inventory-api_2.json", in: folder)
        let database = try Database(path: ":memory:")
        let (once, _) = try ingest([first], into: database)
        #expect(once.eventsAdded == 5)
        let (again, _) = try ingest([first, copy], into: database)
        #expect(again.eventsAdded == 0)
        #expect(try database.scalar("SELECT count(*) FROM event").int == 5)
    }

    @Test("an unhandled Python error with no request id fails the invocation running in its stream")
    func pythonErrorAttribution() throws {
        let folder = try Fixture.temporaryFolder()
        let path = try Fixture.write(Self.page, to: "inventory-api/inventory-api_1.json", in: folder)
        let database = try Database(path: ":memory:")
        _ = try ingest([path], into: database)
        let row = try database.rows("SELECT function, status, error_message FROM invocation")
        #expect(row.count == 1)
        #expect(row[0][0].string == "inventory-api")
        #expect(row[0][1].string == "error")
        #expect(row[0][2].string?.hasPrefix("[ERROR] OperationalError: SSL SYSCALL error") == true)
    }

    @Test("a Java runtime's unhandled-error JSON (no prefix, no request id) fails the running invocation")
    func javaUnhandledError() throws {
        let events = [
            ("START RequestId: 22222222-2222-4222-8222-222222222222 Version: $LATEST\\n", 0),
            ("2026-03-14 09:00:00 22222222-2222-4222-8222-222222222222 INFO  LedgerHandler - posting batch 7\\n", 5),
            (#"{\"errorMessage\":\"Connection reset\",\"errorType\":\"com.microsoft.sqlserver.jdbc.SQLServerException\",\"stackTrace\":[]}"# + "\\n", 9),
            ("END RequestId: 22222222-2222-4222-8222-222222222222\\n", 11),
            ("REPORT RequestId: 22222222-2222-4222-8222-222222222222\\tDuration: 11.00 ms\\tBilled Duration: 12 ms\\tMemory Size: 512 MB\\tMax Memory Used: 100 MB\\n", 11),
        ]
        let body = events.enumerated().map { index, event in
            "{\"logStreamName\": \"2026/03/14/[$LATEST]bbbb\", \"timestamp\": \(1_773_478_800_000 + event.1), \"message\": \"\(event.0)\", \"eventId\": \"\(index)\"}"
        }.joined(separator: ",\n")
        let folder = try Fixture.temporaryFolder()
        let path = try Fixture.write("{\"events\": [\(body)]}", to: "ledger-java/ledger-java_1.json", in: folder)
        let database = try Database(path: ":memory:")
        let (_, issues) = try ingest([path], into: database)
        #expect(issues.isEmpty, "\(issues.map(\.1.reason))")
        #expect(try database.scalar("SELECT status FROM invocation").string == "error")
        _ = try Classifier(database: database).run()
        #expect(try database.scalar("SELECT cause FROM failure").string == "stale-connection")
    }

    @Test("bad files: each gets an ingest_error row naming it, and the good ones are still read")
    func badInputs() throws {
        let folder = try Fixture.temporaryFolder()
        let good = try Fixture.write(Self.page, to: "inventory-api/good.json", in: folder)
        let cut = try Fixture.write(String(Self.page.prefix(700)), to: "inventory-api/cut.json", in: folder)
        let binary = folder.appendingPathComponent("random.bin")
        try Data((0..<4096).map { _ in UInt8.random(in: 0...255) } + [0]).write(to: binary)
        let empty = try Fixture.write("", to: "empty.json", in: folder)
        let prose = try Fixture.write("Dear team, the logs are attached.\n", to: "notes with spaces – café.txt", in: folder)
        let database = try Database(path: ":memory:")
        let (summary, issues) = try ingest([folder.path], into: database)
        let failing = Set(issues.map { ($0.0 as NSString).lastPathComponent })
        #expect(failing == ["cut.json", "random.bin", "empty.json", (prose as NSString).lastPathComponent])
        #expect(try database.scalar("SELECT count(*) FROM ingest_error").int == 4)
        #expect(try database.scalar("SELECT count(*) FROM event WHERE message LIKE 'START%'").int == 1)
        #expect(summary.problems == 4)
        _ = (good, cut, empty)
    }

    /// A new user's audit: a CI job re-running `analyze` on a kept database exited 0 with "4
    /// already ingested" after the first run had kept only part of a cut file and nothing of an
    /// empty one; no format said so again.
    @Test("a file only partly read is said again, and counted as a problem, on every later run that skips it")
    func partlyReadFilesSaidAgain() throws {
        let folder = try Fixture.temporaryFolder()
        _ = try Fixture.write(Self.page, to: "inventory-api/good.json", in: folder)
        _ = try Fixture.write(String(Self.page.prefix(700)), to: "inventory-api/cut.json", in: folder)
        _ = try Fixture.write("", to: "inventory-api/empty.json", in: folder)
        let database = try Database(path: ":memory:")
        let (first, _) = try ingest([folder.path], into: database)
        #expect(first.problems == 2)
        for _ in 0..<2 {
            let (again, issues) = try ingest([folder.path], into: database)
            #expect(again.filesSkipped == 3)
            #expect(again.problems == 2)
            #expect(again.filesWithProblems == 2)
            #expect(Set(issues.map { ($0.0 as NSString).lastPathComponent }) == ["cut.json", "empty.json"])
            #expect(issues.allSatisfy { $0.1.reason.hasPrefix("already ingested, but only in part: ") && !$0.1.keptData })
            #expect(issues.first { $0.0.hasSuffix("cut.json") }?.1.line != nil)
        }
        #expect(try database.scalar("SELECT count(*) FROM ingest_error").int == 2)
    }

    /// A new user's audit: the report said a function's name was guessed and to set it with
    /// `--log-group PATH=GROUP`; doing so on the same database changed nothing (the file was
    /// skipped), and a typo given with --log-group could never be corrected.
    @Test("a --log-group corrected on a later run is given to the skipped file's events, and the invocations follow")
    func logGroupCorrectedOnALaterRun() throws {
        let folder = try Fixture.temporaryFolder()
        let page = try Fixture.write(Self.page, to: "exports/page.json", in: folder)
        let database = try Database(path: ":memory:")
        let typo = try LogGroupOption.parse("\(page)=/aws/lambda/invetory-api").option
        _ = try ingest([page], into: database, options: IngestOptions(logGroups: [typo]))
        #expect(try database.scalar("SELECT DISTINCT function FROM invocation").string == "invetory-api")
        let right = try LogGroupOption.parse("\(page)=/aws/lambda/inventory-api").option
        let (again, issues) = try ingest([page], into: database, options: IngestOptions(logGroups: [right]))
        #expect(again.filesSkipped == 1 && again.problems == 0 && again.notes == 1)
        #expect(issues.first?.1.reason.contains("log group is now /aws/lambda/inventory-api (--log-group), was /aws/lambda/invetory-api") == true)
        #expect(try database.rows("SELECT DISTINCT log_group FROM event").map { $0[0].string } == ["/aws/lambda/inventory-api"])
        #expect(try database.rows("SELECT DISTINCT function FROM invocation").map { $0[0].string } == ["inventory-api"])
        // The same option again changes nothing more.
        let (third, thirdIssues) = try ingest([page], into: database, options: IngestOptions(logGroups: [right]))
        #expect(third.notes == 0 && thirdIssues.isEmpty)
    }

    /// A new user's audit: a fresh run said "1 already ingested" for CloudWatch's write-test
    /// object, the same for a copy under another name, and counted files that gave nothing as
    /// ingested, so the summary's numbers did not add up.
    @Test("the summary counts each file as what it was: read, a copy, CloudWatch's write-test object, or nothing read")
    func summaryCounts() throws {
        let folder = try Fixture.temporaryFolder()
        _ = try Fixture.write(Self.page, to: "export/inventory-api/a.json", in: folder)
        _ = try Fixture.write(Self.page, to: "export/inventory-api/copy-of-a.json", in: folder)
        _ = try Fixture.write("Permission Check Successful", to: "export/aws-logs-write-test", in: folder)
        _ = try Fixture.write("Dear team, the logs are attached.\n", to: "export/notes.txt", in: folder)
        let database = try Database(path: ":memory:")
        let (summary, _) = try ingest([folder.appendingPathComponent("export").path], into: database)
        #expect(summary.filesRead == 1)
        #expect(summary.sameContentSkipped == 1 && summary.probesSkipped == 1 && summary.filesSkipped == 0)
        #expect(summary.problems == 1 && summary.filesWithProblems == 1)
        #expect(summary.eventsRead == 10 && summary.eventsAdded == 5)
    }

    @Test("a newer database is refused with a clear message; an older one is migrated")
    func schemaVersions() throws {
        let folder = try Fixture.temporaryFolder()
        let path = folder.appendingPathComponent("x.sqlite").path
        do {
            let database = try Database(path: path)
            try database.execute("INSERT INTO schema_migration (version, name, applied_at) VALUES (9999, 'future', 0)")
        }
        #expect(throws: ProxyLensError.self) { _ = try Database(path: path) }
        let older = folder.appendingPathComponent("old.sqlite").path
        do {
            // A database made by the first release: only migration 0001 applied.
            let database = try Database(path: older, migrate: false)
            let first = try Migrator.bundled()[0]
            try database.execute(first.sql)
            try database.execute("CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL); INSERT INTO schema_migration VALUES (1, '\(first.name)', 0);")
        }
        let migrated = try Database(path: older)
        #expect(try migrated.scalar("SELECT max(version) FROM schema_migration").int == Int64(Migrator.latestVersion))
    }

    @Test("a new database file gets 8 KiB pages; one made with 4 KiB pages keeps them and its data")
    func pageSizes() throws {
        let folder = try Fixture.temporaryFolder()
        let fresh = folder.appendingPathComponent("new.sqlite").path
        do {
            let database = try Database(path: fresh)
            _ = try ingest([Fixture.samples("incident")], into: database)
        }
        #expect(try Database(path: fresh).scalar("PRAGMA page_size").int == 8192)
        let older = folder.appendingPathComponent("4k.sqlite").path
        do {
            // A proxylens database of the first release, made with 4 KiB pages (a file with
            // tables of another program's is not proxylens's to change: see RecoveryTests).
            let database = try Database(path: older, migrate: false)
            let first = try Migrator.bundled()[0]
            try database.execute("PRAGMA page_size = 4096;" + first.sql)
            try database.execute("CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL); INSERT INTO schema_migration VALUES (1, '\(first.name)', 0);")
            try database.execute("CREATE TABLE keep (x); INSERT INTO keep VALUES (1);")
        }
        let reopened = try Database(path: older)
        _ = try ingest([Fixture.samples("incident")], into: reopened)
        #expect(try reopened.scalar("PRAGMA page_size").int == 4096)
        #expect(try reopened.scalar("SELECT count(*) FROM keep").int == 1)
        #expect(try reopened.scalar("SELECT count(*) FROM invocation").int == Database(path: fresh).scalar("SELECT count(*) FROM invocation").int)
    }

    @Test("XXH64 gives the reference implementation's values (python xxhash 3.x, seed 0)")
    func xxh64Vectors() {
        func xxh64(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBufferPointer { proxylens_xxh64($0.baseAddress, $0.count, 0) } }
        #expect(xxh64([]) == 0xef46db3751d8e999)
        #expect(xxh64(Array("a".utf8)) == 0xd24ec4f1a98c6e5b)
        #expect(xxh64(Array("abc".utf8)) == 0x44bc2cf5ad770999)
        #expect(xxh64(Array("0123456789abcdef0123456789abcdef!".utf8)) == 0x8afff4daac4e677e)
        #expect(xxh64(Array(repeating: Array(0...255), count: 3).flatMap { $0 }) == 0x8e03c838c596036f)
    }

    @Test("a new database hashes messages with XXH64; one that held events before schema 5 keeps FNV-1a, so its duplicates are still found")
    func messageHashByDatabase() throws {
        let page = Fixture.samples("containers/filter-log-events/catalog-sync_2026-03-14T0900Z_0915Z_page1.json")
        let fresh = try Database(path: ":memory:")
        let (first, _) = try ingest([page], into: fresh)
        #expect(first.eventsAdded == 7)
        #expect(try fresh.scalar("SELECT value FROM meta WHERE key = 'msg_hash'").string == "xxh64")
        let (ts, stream, message, storedHash) = try {
            let row = try fresh.rows("SELECT ts, log_stream, message, msg_hash FROM event ORDER BY id LIMIT 1")[0]
            return (row[0].int ?? 0, row[1].string ?? "", row[2].string ?? "", row[3].int ?? 0)
        }()
        let bytes = Array(message.utf8)
        #expect(storedHash == Int64(bitPattern: bytes.withUnsafeBufferPointer { MessageHash.xxh64.of($0) }))

        // A database from before schema 5 that already holds that event, hashed with FNV-1a.
        let path = try Fixture.temporaryFolder().appendingPathComponent("schema4.sqlite").path
        do {
            let database = try Database(path: path, migrate: false)
            try database.execute("CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)")
            for migration in try Migrator.bundled() where migration.version <= 4 {
                try database.execute(migration.sql)
                try database.execute("INSERT INTO schema_migration VALUES (\(migration.version), '\(migration.name)', 0)")
            }
            let fnv = bytes.withUnsafeBufferPointer { MessageHash.fnv1a64.of($0) }
            try database.execute("INSERT INTO source (id, path, container, sha256, bytes, events, ingested_at) VALUES (1, 'old', 'filter-log-events', 'x', 0, 1, 0)")
            try database.statement("INSERT INTO event (source_id, log_stream, ts, message, msg_hash, kind) VALUES (1, ?, ?, ?, ?, 'app')")
                .run([.text(stream), .integer(ts), .text(message), .integer(Int64(bitPattern: fnv))])
        }
        let upgraded = try Database(path: path)
        #expect(try upgraded.scalar("SELECT value FROM meta WHERE key = 'msg_hash'").string == "fnv1a-64")
        let (second, _) = try ingest([page], into: upgraded)
        #expect(second.eventsAdded == 6, "the event already there is found again")
        #expect(try upgraded.scalar("SELECT count(*) FROM event").int == 7)
    }

    @Test("each file's sha256 is the digest of its bytes on disk, hashed in place or on the hashing thread")
    func sha256OfEveryFile() throws {
        let database = try Database(path: ":memory:")
        _ = try ingest([Fixture.samples("incident")], into: database)
        let rows = try database.rows("SELECT path, sha256, bytes FROM source")
        // Files past the first 64 KiB go through the hashing thread; smaller ones are hashed in place.
        #expect(rows.contains { ($0[2].int ?? 0) > 64 << 10 } && rows.contains { ($0[2].int ?? 0) <= 64 << 10 })
        for row in rows {
            let path = row[0].string ?? ""
            let reference = try CLI.run(program: "/usr/bin/sha256sum", [path]).stdout.prefix(64)
            #expect(row[1].string == String(reference), "\(path)")
        }
    }
}
