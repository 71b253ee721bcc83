import Foundation
import Testing
@testable import ProxyLens
#if canImport(Glibc)
import Glibc
#endif

/// Runs that race each other (issue #18, item 3): two ingests of the same files into a new
/// database, and `classify` while an `ingest` adds data.
@Suite("Reliability: races", .serialized, .tags(.slow), .enabled(if: cliAvailable, "needs the proxylens executable next to the tests"))
struct RaceTests {
    @Test("two ingests of the same files into a new database, started together, store every event once")
    func sameFilesTwice() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        let generated = try GeneratedCorpus.write(to: input, files: 8, invocations: 300, seed: 3)
        for round in 0..<3 {
            let db = folder.appendingPathComponent("twice-\(round).sqlite").path
            let first = try Child(["ingest", "--db", db, input.path])
            let second = try Child(["ingest", "--db", db, input.path])
            let a = first.wait(timeout: 120), b = second.wait(timeout: 120)
            #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
            let counts = try TableCounts(db)
            #expect(counts.event == Int64(generated.events), "round \(round): \(counts)")
            #expect(counts.source == Int64(generated.files), "round \(round): \(counts)")
            #expect(counts.invocation == Int64(generated.invocations), "round \(round): \(counts)")
            #expect(try HostileInputTests.count(db, "SELECT count(*) FROM event WHERE source_id NOT IN (SELECT id FROM source)") == 0)
            #expect(try integrityCheck(db) == "ok")
        }
    }

    @Test("classify during an ingest never leaves labels that claim to be current: the next analyze labels every failure")
    func classifyDuringIngest() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
        try GeneratedCorpus.write(to: a, function: "alpha-api", files: 2, invocations: 200, seed: 4)
        try GeneratedCorpus.write(to: b, function: "beta-api", files: 16, invocations: 400, seed: 5)
        let db = folder.appendingPathComponent("race.sqlite").path
        let base = try Child.run(["analyze", "--db", db, a.path, "--format", "json"])
        try #require(base.status == 0, "\(base.stderr)")
        for _ in 0..<2 {
            let ingest = try Child(["ingest", "--db", db, b.path])
            // classify again and again while the ingest runs.
            var classified = 0
            while kill(ingest.pid, 0) == 0 && classified < 200 {
                let run = try Child.run(["classify", "--db", db], timeout: 60)
                if run.status == 0 { classified += 1 }
                var status: Int32 = 0
                if waitpid(ingest.pid, &status, WNOHANG) == ingest.pid { break }
            }
            _ = ingest.wait(timeout: 120)
            let analyze = try Child.run(["analyze", "--db", db, a.path, b.path, "--format", "json"])
            #expect(analyze.status == 0, "\(analyze.stderr)")
            let failed = try HostileInputTests.count(db, "SELECT count(*) FROM invocation WHERE status IN ('error', 'timeout')")
            let labelled = try HostileInputTests.count(db, "SELECT count(*) FROM failure")
            #expect(failed > 0 && labelled == failed, "\(labelled) labels for \(failed) failed invocations; \(analyze.stderr)")
            try? FileManager.default.removeItem(atPath: db)
            _ = try Child.run(["analyze", "--db", db, a.path, "--format", "json"])
        }
    }
}
