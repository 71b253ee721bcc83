import Foundation
import Testing
@testable import ProxyLens
#if canImport(Glibc)
import Glibc
#endif

/// Inputs that are not what they seem (issue #18, items 1 and 2): links to folders, empty
/// folders, devices, FIFOs, a missing path, the database's own files, a file that changes while
/// it is read, an endless standard input; and Ctrl-C while a read blocks or a lock is awaited.
/// Each runs the real `proxylens` as a child process.
@Suite("Reliability: inputs and signals", .serialized, .enabled(if: cliAvailable, "needs the proxylens executable next to the tests"))
struct InputSafetyTests {
    /// A folder with one good page of `events` events; returns (folder, page path).
    static func goodFolder(events: Int = 50) throws -> (URL, String) {
        let folder = try Fixture.temporaryFolder()
        let page = try Fixture.write(HostileInputTests.page(events), to: "inventory-api_1.json", in: folder)
        return (folder, page)
    }

    static func events(_ db: String) throws -> Int64 { try HostileInputTests.count(db) }

    @Test("a symbolic link to a folder is followed: the same files and events as the folder itself")
    func symlinkedFolder() throws {
        let scratch = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let link = scratch.appendingPathComponent("LINKDIR").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: Fixture.samples("incident"))
        let viaLink = try Child.run(["ingest", "--db", scratch.appendingPathComponent("link.sqlite").path, link])
        let direct = try Child.run(["ingest", "--db", scratch.appendingPathComponent("direct.sqlite").path, Fixture.samples("incident")])
        #expect(viaLink.status == direct.status, "\(viaLink.stderr)")
        let a = try TableCounts(scratch.appendingPathComponent("link.sqlite").path)
        let b = try TableCounts(scratch.appendingPathComponent("direct.sqlite").path)
        #expect(a.event > 2000 && a.event == b.event && a.source == b.source, "\(a) vs \(b)")
        // The CI gate of the issue: a link to the incident folder must fail the threshold.
        let gate = try Child.run(["analyze", "--db", scratch.appendingPathComponent("gate.sqlite").path, link, "--fail-on", "connection-timeout"])
        #expect(gate.status == 1, "\(gate.stderr)")
        #expect(!gate.stdout.contains("No failures found"))
    }

    @Test("an empty folder is 'no input files', exit 1, for ingest and analyze")
    func emptyFolder() throws {
        let scratch = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let empty = scratch.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        for command in ["ingest", "analyze"] {
            let result = try Child.run([command, "--db", scratch.appendingPathComponent("\(command).sqlite").path, empty.path])
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("no input files"), "\(command): \(result.stderr)")
            #expect(!result.stdout.contains("No failures found"))
        }
    }

    @Test("devices, a FIFO and a link to /dev/urandom are named and refused at once; the good file beside them is read")
    func notRegularFiles() throws {
        let (folder, page) = try Self.goodFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("blocked.fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let random = folder.appendingPathComponent("random.json").path
        try FileManager.default.createSymbolicLink(atPath: random, withDestinationPath: "/dev/urandom")
        let db = folder.appendingPathComponent("devices.sqlite").path
        let result = try Child.run(["ingest", "--db", db, "/dev/zero", folder.path], timeout: 20)
        #expect(!result.timedOut && result.seconds < 10, "took \(result.seconds) s")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("/dev/zero: not a regular file (a character device)"), "\(result.stderr)")
        #expect(result.stderr.contains("\(fifo): not a regular file (a FIFO)"), "\(result.stderr)")
        #expect(result.stderr.contains("\(random): not a regular file (a character device)"), "\(result.stderr)")
        #expect(try Self.events(db) == 50, "the good file \(page) is read")
        #expect(try HostileInputTests.errors(db).count == 3)
    }

    @Test("standard input from /dev/zero is refused as binary at once, not read for ever")
    func stdinZero() throws {
        let (folder, _) = try Self.goodFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Child.run(["ingest", "--db", folder.appendingPathComponent("zero.sqlite").path, "-"], timeout: 20, stdin: "/dev/zero")
        #expect(!result.timedOut && result.seconds < 10, "took \(result.seconds) s")
        #expect(result.status == 1)
        #expect(result.stderr.contains("-: binary data"), "\(result.stderr)")
    }

    @Test("standard input longer than --stdin-limit stops there, keeping the events before")
    func stdinLimit() throws {
        let (folder, _) = try Self.goodFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // About 3 MB of `aws logs tail` lines.
        let lines = (0..<10_000).map { "2026-03-14T09:00:00 app line \($0) " + String(repeating: "x", count: 250) + "\n" }
        let path = try Fixture.write(lines.joined(), to: "tail.log", in: folder)
        let db = folder.appendingPathComponent("limit.sqlite").path
        let result = try Child.run(["ingest", "--db", db, "--stdin-limit", "1M", "-"], timeout: 30, stdin: path)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("more than 1 MiB (--stdin-limit)"), "\(result.stderr)")
        let kept = try Self.events(db)
        #expect(kept > 1000 && kept < 10_000, "\(kept) events kept")
    }

    @Test("a missing path, a dangling link and a link loop are named and counted; the rest is read")
    func missingPaths() throws {
        let (folder, page) = try Self.goodFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dangling = folder.appendingPathComponent("gone.json").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: folder.appendingPathComponent("nothing-here").path)
        let loop = folder.appendingPathComponent("loop").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: folder.path)
        let missing = folder.appendingPathComponent("no-such-folder").path
        let db = folder.appendingPathComponent("missing.sqlite").path
        let result = try Child.run(["ingest", "--db", db, missing, folder.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("\(missing): no such file or folder"))
        #expect(result.stderr.contains("\(dangling): a symbolic link to nothing"))
        #expect(result.stderr.contains("\(loop): a symbolic link back to a folder above it"))
        #expect(result.stdout.contains("3 problems"), "\(result.stdout)")
        #expect(try Self.events(db) == 50, "\(page) read")
        let long = folder.path + "/" + String(repeating: "n", count: 300)
        let tooLong = try Child.run(["ingest", "--db", db, long])
        #expect(tooLong.status == 1 && tooLong.stderr.contains("path too long"), "\(tooLong.stderr)")
    }

    @Test("the database and its journal inside the folder ingested are never inputs")
    func databaseNotAnInput() throws {
        let (folder, _) = try Self.goodFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // As `cd exports && proxylens ingest .` (the database, by default, in the folder read).
        let db = folder.appendingPathComponent("proxylens.sqlite").path
        for _ in 0..<2 {
            let result = try Child.run(["ingest", "--db", db, folder.path + "/."])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("binary data"), "\(result.stderr)")
        }
        #expect(try HostileInputTests.count(db, "SELECT count(*) FROM source WHERE path LIKE '%sqlite%'") == 0)
    }

    @Test("a file that grows while it is read is reported and not marked complete; the next run reads it again")
    func changedWhileRead() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Fixture.write(HostileInputTests.page(300_000), to: "inventory-api_big.json", in: folder)
        let db = folder.appendingPathComponent("changed.sqlite").path
        let child = try Child(["ingest", "--db", db, path])
        // Once the child has the file open, append to it.
        var appended = false
        let deadline = Date().addingTimeInterval(20)
        while !appended && Date() < deadline {
            let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(child.pid)/fd")) ?? []
            if fds.contains(where: { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(child.pid)/fd/\($0)")) == path }) {
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                try handle.seekToEnd()
                try handle.write(contentsOf: Data("\n\n".utf8))
                try handle.close()
                appended = true
            }
            usleep(1_000)
        }
        let result = child.wait(timeout: 60)
        try #require(appended, "the file was never seen open")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("the file changed while it was read"), "\(result.stderr)")
        #expect(try HostileInputTests.count(db, "SELECT count(*) FROM source WHERE complete = 1") == 0)
        let again = try Child.run(["ingest", "--db", db, path])
        #expect(again.status == 0 && again.stdout.contains("ingested 1 file"), "\(again.stdout) \(again.stderr)")
    }

    @Test("Ctrl-C while standard input blocks: stops within a second, keeps the whole file read before, says so")
    func interruptBlockingRead() throws {
        let (folder, page) = try Self.goodFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("stdin.fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        // Held open for writing (and never written), so the child's read blocks.
        let writer = open(fifo, O_RDWR)
        defer { close(writer) }
        let db = folder.appendingPathComponent("blocked.sqlite").path
        let child = try Child(["ingest", "--db", db, page, "-"], stdin: fifo)
        usleep(1_500_000)
        let sent = Date()
        child.signal(SIGINT)
        let result = child.wait(timeout: 20)
        let took = Date().timeIntervalSince(sent)
        #expect(took < 1.0, "took \(took) s to stop")
        #expect(result.status == 2 && result.signal == nil, "\(result.stderr)")
        #expect(result.stderr.contains("interrupted; everything committed so far is kept"), "\(result.stderr)")
        #expect(try Self.events(db) == 50, "the whole file before the blocking read is committed")
        #expect(try integrityCheck(db) == "ok")
    }

    @Test("Ctrl-C while waiting for another process's lock stops within a second")
    func interruptLockWait() throws {
        let (folder, page) = try Self.goodFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("locked.sqlite").path
        let holder = try Database(path: db)
        try holder.execute("BEGIN EXCLUSIVE")
        defer { try? holder.execute("ROLLBACK") }
        let child = try Child(["ingest", "--db", db, page])
        usleep(1_500_000)
        let sent = Date()
        child.signal(SIGINT)
        let result = child.wait(timeout: 40)
        #expect(Date().timeIntervalSince(sent) < 1.0, "took \(Date().timeIntervalSince(sent)) s")
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("interrupted"), "\(result.stderr)")
    }
}
