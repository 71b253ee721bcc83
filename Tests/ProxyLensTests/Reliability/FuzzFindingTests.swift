import Foundation
import Testing
@testable import ProxyLens

/// What the fuzzers found, as a user meets it: each test runs the CLI (with a time limit, so a
/// hang fails instead of blocking the suite) on the reproducer from fuzz/crashes. A test is
/// disabled while its bug is open; fuzz/README.md lists the findings.
@Suite("Reliability: fuzz findings", .serialized, .enabled(if: cliAvailable, "needs the proxylens executable next to the tests"))
struct FuzzFindingTests {
    static func ingest(_ text: String, name: String = "inventory-api_1.json", timeout: Double = 20) throws -> (ChildResult, String, URL) {
        let folder = try Fixture.temporaryFolder()
        let path = try Fixture.write(text, to: name, in: folder)
        let db = folder.appendingPathComponent("findings.sqlite").path
        return (try Child.run(["ingest", "--db", db, path], timeout: timeout), db, folder)
    }

    @Test("F2: an object that is not key-value pairs is an ingest_error, not an endless loop",
          arguments: [#"[{"a"}]"#, #"[{"@timestamp":"2026-03-14 09:00:00.000", 1 "@message":"x"}]"#, #"{"results":[[{"field"}]]}"#])
    func malformedObjects(_ text: String) throws {
        let (result, db, folder) = try Self.ingest(text)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(!result.timedOut, "ingest of \(text) still running after 20 s")
        #expect(result.status == 1)
        #expect(try Database(path: db, readOnly: true, migrate: false).scalar("SELECT count(*) FROM ingest_error").int == 1)
    }

    @Test("F3: a timestamp too large for 64 bits is an ingest_error, not a crash")
    func hugeTimestamp() throws {
        let (result, db, folder) = try Self.ingest(#"{"events":[{"timestamp":1e300,"message":"START RequestId: 1 Version: 1"},{"timestamp":1773478800000,"message":"ok"}]}"#)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.signal == nil, "killed by signal \(result.signal ?? 0)")
        #expect(result.status == 1)
        #expect(try Database(path: db, readOnly: true, migrate: false).scalar("SELECT count(*) FROM event WHERE ts = 1773478800000").int == 1)
    }

    @Test("F5: one proxy line with a far-off timestamp does not make report run for minutes")
    func farOffProxyTime() throws {
        let reproducer = FuzzCorpusReplayTests.fuzzFolder.appendingPathComponent("crashes/FuzzContainer-F5-report-slow-far-proxy-timestamp.json")
        let (result, db, folder) = try Self.ingest(try String(contentsOf: reproducer, encoding: .utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0)
        #expect(try Child.run(["classify", "--db", db]).status == 0)
        let report = try Child.run(["report", "--db", db, "--format", "json"], timeout: 20)
        #expect(!report.timedOut, "report still running after 20 s")
        #expect(report.status == 0)
    }

    @Test("F7: a path with a double slash before a one-character non-ASCII file name is read, not a crash")
    func doubleSlashPath() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Fixture.write("2026-03-14T09:00:00 START RequestId: a Version: 1\n", to: "in/日", in: folder)
        let db = folder.appendingPathComponent("f7.sqlite").path
        let result = try Child.run(["ingest", "--db", db, folder.appendingPathComponent("in").path + "//日"])
        #expect(result.signal == nil, "killed by signal \(result.signal ?? 0)")
        #expect(result.status == 0, "\(result.stderr.prefix(300))")
    }

    @Test("F8: an absurd --window is a usage error, not a crash")
    func hugeWindow() throws {
        let (result, db, folder) = try Self.ingest(HostileInputTests.page(3))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0)
        #expect(try Child.run(["classify", "--db", db]).status == 0)
        let report = try Child.run(["report", "--db", db, "--window", "7777786603810360d"])
        #expect(report.signal == nil, "killed by signal \(report.signal ?? 0)")
        #expect(report.status == 2)
    }

    @Test("F4: a string just over the limit is refused whether it arrives whole or a byte at a time")
    func stringCapDoesNotDependOnReads() throws {
        // A page whose message is 4,097 bytes, read through a 4,096-byte cap.
        let page = Array(#"{"events":[{"logStreamName":"s","timestamp":1,"message":""#.utf8) + Array(repeating: UInt8(ascii: "a"), count: 4_097) + Array(#""}]}"#.utf8)
        let whole = FuzzEntry.readJSON(page, chunk: nil)
        let pieces = FuzzEntry.readJSON(page, chunk: 1)
        #expect(whole.error != nil && whole.error?.contains("longer than") == true, "\(whole)")
        #expect(whole == pieces)
    }
}
