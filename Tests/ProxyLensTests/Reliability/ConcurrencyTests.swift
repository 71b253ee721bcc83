import Foundation
import Testing
@testable import ProxyLens
#if canImport(Glibc)
import Glibc
#endif

/// Concurrency (issue #6, item 3): two ingests into one database wait for each other instead of
/// failing; `report`, `sql` and `failures` read while an ingest writes; a database locked for too
/// long gives a clear error.
@Suite("Reliability: concurrency", .serialized, .tags(.slow), .enabled(if: cliAvailable, "needs the proxylens executable next to the tests"))
struct ConcurrencyTests {
    @Test("two ingests of different folders started together into one database both succeed, with every row")
    func twoIngests() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a")
        let b = folder.appendingPathComponent("b")
        let countsA = try GeneratedCorpus.write(to: a, function: "alpha-api", files: 8, invocations: 300, seed: 1)
        let countsB = try GeneratedCorpus.write(to: b, function: "beta-worker", files: 8, invocations: 300, seed: 2)
        let db = folder.appendingPathComponent("shared.sqlite").path
        let first = try Child(["ingest", "--db", db, a.path])
        let second = try Child(["ingest", "--db", db, b.path])
        let resultA = first.wait(timeout: 120)
        let resultB = second.wait(timeout: 120)
        #expect(resultA.status == 0, "first ingest: \(resultA.stderr)")
        #expect(resultB.status == 0, "second ingest: \(resultB.stderr)")
        let counts = try TableCounts(db)
        #expect(counts.event == Int64(countsA.events + countsB.events))
        #expect(counts.invocation == Int64(countsA.invocations + countsB.invocations))
        #expect(counts.proxySession == Int64(countsA.invocations + countsB.invocations))
        #expect(counts.source == Int64(countsA.files + countsB.files))
        #expect(try integrityCheck(db) == "ok")
    }

    @Test("sql, failures and report answer while an ingest writes to the same database")
    func readWhileWriting() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("first")
        let more = folder.appendingPathComponent("more")
        try GeneratedCorpus.write(to: first, function: "alpha-api", files: 2, invocations: 200, seed: 3)
        try GeneratedCorpus.write(to: more, function: "beta-worker", files: 16, invocations: 300, seed: 4)
        let db = folder.appendingPathComponent("busy.sqlite").path
        #expect(try Child.run(["ingest", "--db", db, first.path]).status == 0)
        #expect(try Child.run(["classify", "--db", db]).status == 0)

        let writer = try Child(["ingest", "--db", db, more.path])
        var rounds = 0
        var failures: [String] = []
        while kill(writer.pid, 0) == 0, rounds < 50 {
            for command in [["sql", "--db", db, "SELECT count(*) AS n FROM event"],
                            ["failures", "--db", db, "--format", "csv"],
                            ["report", "--db", db, "--format", "json"]] {
                let reader = try Child.run(command, timeout: 60)
                if reader.status != 0 || reader.stdout.isEmpty {
                    failures.append("\(command[0]): exit \(reader.status.map(String.init) ?? "signal"): \(reader.stderr.prefix(300))")
                }
            }
            rounds += 1
            // Stop once the writer has ended (a zombie until waited for).
            var status: Int32 = 0
            if waitpid(writer.pid, &status, WNOHANG) == writer.pid {
                #expect(status == 0, "the ingest failed while being read")
                break
            }
        }
        _ = writer.wait(timeout: 120)
        #expect(failures.isEmpty, "\(failures)")
        #expect(rounds >= 1, "the ingest ended before a reader ran")
    }

    @Test("an ingest that cannot get the database for 30 s says the database is locked, and exits with status 2")
    func lockedTooLong() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try GeneratedCorpus.write(to: folder.appendingPathComponent("in"), files: 1, invocations: 10)
        let db = folder.appendingPathComponent("locked.sqlite").path
        #expect(try Child.run(["ingest", "--db", db, folder.appendingPathComponent("in").path]).status == 0)
        // Another process (this test) holds the write lock for longer than the busy timeout.
        let holder = try Database(path: db, migrate: false)
        try holder.execute("BEGIN EXCLUSIVE")
        defer { try? holder.execute("ROLLBACK") }
        let started = Date()
        try GeneratedCorpus.write(to: folder.appendingPathComponent("in2"), function: "other", files: 1, invocations: 10, seed: 9)
        let blocked = try Child.run(["ingest", "--db", db, folder.appendingPathComponent("in2").path], timeout: 90)
        let waited = Date().timeIntervalSince(started)
        #expect(!blocked.timedOut)
        #expect(blocked.status == 2, "exit \(blocked.status.map(String.init) ?? "signal"): \(blocked.stderr)")
        #expect(blocked.stderr.contains("locked"), "\(blocked.stderr)")
        #expect(waited >= 25, "gave up after \(waited) s instead of waiting for the lock")
    }
}
