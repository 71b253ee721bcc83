import Foundation
import Testing
@testable import ProxyLens
#if canImport(Glibc)
import Glibc
#endif

/// Crash safety (issue #6, item 2): `kill -9` at any moment of an ingest leaves a database that
/// passes `PRAGMA integrity_check`, and running the same ingest again completes it with exactly
/// the rows of an uninterrupted run. Ctrl-C stops cleanly and says how to resume.
@Suite("Reliability: crash safety", .serialized, .tags(.slow), .enabled(if: cliAvailable, "needs the proxylens executable next to the tests"))
struct CrashSafetyTests {
    /// About 5 MB of filter-log-events pages: 14 Lambda pages of 250 invocations and 14 proxy pages.
    static func corpus(in scratch: URL) throws -> (folder: String, counts: GeneratedCorpus.Counts) {
        let folder = scratch.appendingPathComponent("exports")
        let counts = try GeneratedCorpus.write(to: folder, files: 14, invocations: 250)
        return (folder.path, counts)
    }

    static func failuresByCause(_ db: String) throws -> [String] {
        let classify = try Child.run(["classify", "--db", db])
        #expect(classify.status == 0, "\(classify.stderr)")
        return try Database(path: db, readOnly: true, migrate: false)
            .rows("SELECT cause || '=' || count(*) FROM failure GROUP BY cause ORDER BY cause").map { $0[0].string ?? "" }
    }

    @Test("kill -9 at several points of an ingest: the database is intact and the same ingest run again completes it")
    func killAndResume() throws {
        let scratch = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (input, generated) = try Self.corpus(in: scratch)
        // The uninterrupted run everything is compared with.
        let reference = scratch.appendingPathComponent("reference.sqlite").path
        let full = try Child.run(["ingest", "--db", reference, input])
        try #require(full.status == 0, "\(full.stderr)")
        let expected = try TableCounts(reference)
        #expect(expected.event == Int64(generated.events))
        #expect(expected.invocation == Int64(generated.invocations))
        #expect(expected.proxySession == Int64(generated.invocations))
        let expectedFailures = try Self.failuresByCause(reference)
        #expect(!expectedFailures.isEmpty)

        // Kill points spread over the run, from the first file on (the same run is not always as
        // fast as the reference, so none is very near its end).
        var killed = 0
        for (i, fraction) in [0.03, 0.1, 0.2, 0.35, 0.5, 0.7].enumerated() {
            let db = scratch.appendingPathComponent("killed-\(i).sqlite").path
            let child = try Child(["ingest", "--db", db, input])
            usleep(UInt32(full.seconds * fraction * 1_000_000))
            child.signal(SIGKILL)
            let stopped = child.wait()
            if stopped.signal == SIGKILL { killed += 1 }
            #expect(try integrityCheck(db) == "ok", "after kill -9 at \(Int(fraction * 100))% of the run")
            let resumed = try Child.run(["ingest", "--db", db, input])
            #expect(resumed.status == 0, "resume after kill at \(Int(fraction * 100))%: \(resumed.stderr)")
            #expect(try TableCounts(db) == expected, "after kill -9 at \(Int(fraction * 100))% and a second run")
            if i == 2 { #expect(try Self.failuresByCause(db) == expectedFailures) }
        }
        // The test means something only if most runs were really cut short.
        #expect(killed >= 4, "only \(killed) of 6 runs were still going when killed")
    }

    /// Runs the same ingest again on `db` and expects the rows of an uninterrupted run.
    static func expectResumedToCompletion(_ db: String, input: String, generated: GeneratedCorpus.Counts) throws {
        let resumed = try Child.run(["ingest", "--db", db, input])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let counts = try TableCounts(db)
        #expect(counts.event == Int64(generated.events))
        #expect(counts.invocation == Int64(generated.invocations))
        #expect(counts.proxySession == Int64(generated.invocations))
        #expect(counts.source == Int64(generated.files))
    }

    @Test("killed again while resuming, then resumed: still the rows of an uninterrupted run")
    func killTwice() throws {
        let scratch = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (input, generated) = try Self.corpus(in: scratch)
        // Delays as shares of an uninterrupted run: a fixed delay is outrun by a fast ingest.
        let full = try Child.run(["ingest", "--db", scratch.appendingPathComponent("full.sqlite").path, input])
        try #require(full.status == 0, "\(full.stderr)")
        let db = scratch.appendingPathComponent("twice.sqlite").path
        var killed = 0
        for fraction in [0.3, 0.3] {
            let child = try Child(["ingest", "--db", db, input])
            usleep(UInt32(full.seconds * fraction * 1_000_000))
            child.signal(SIGKILL)
            if child.wait().signal == SIGKILL { killed += 1 }
            #expect(try integrityCheck(db) == "ok")
        }
        #expect(killed >= 1, "neither run was still going when killed")
        try Self.expectResumedToCompletion(db, input: input, generated: generated)
    }

    @Test("Ctrl-C stops an ingest cleanly, says how to resume, and the same command then finishes it")
    func interrupt() throws {
        let scratch = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (input, generated) = try Self.corpus(in: scratch)
        // The signal goes in early in a run, earlier again if the run was already past reading
        // (ingest is fast, and the derive step at its end does not stop halfway).
        let full = try Child.run(["ingest", "--db", scratch.appendingPathComponent("full.sqlite").path, input])
        try #require(full.status == 0, "\(full.stderr)")
        var db = ""
        var stopped = ChildResult(status: nil, signal: nil, stdout: "", stderr: "", maxRSSKiB: 0, seconds: 0, timedOut: false)
        var sent = Date()
        for (attempt, fraction) in [0.3, 0.15, 0.05, 0.01].enumerated() {
            db = scratch.appendingPathComponent("interrupted-\(attempt).sqlite").path
            let child = try Child(["ingest", "--db", db, input])
            usleep(UInt32(full.seconds * fraction * 1_000_000))
            sent = Date()
            child.signal(SIGINT)
            stopped = child.wait(timeout: 60)
            if stopped.status != 0 { break }
        }
        #expect(stopped.signal == nil, "ended by signal \(stopped.signal ?? 0) instead of stopping cleanly")
        #expect(stopped.status == 2, "exit status \(stopped.status.map(String.init) ?? "-"); \(stopped.stderr)")
        #expect(stopped.stderr.contains("interrupted"), "\(stopped.stderr)")
        #expect(stopped.stderr.contains("run the same command again"), "\(stopped.stderr)")
        #expect(Date().timeIntervalSince(sent) < 5, "took \(Date().timeIntervalSince(sent)) s to stop")
        #expect(try integrityCheck(db) == "ok")
        try Self.expectResumedToCompletion(db, input: input, generated: generated)
    }
}
