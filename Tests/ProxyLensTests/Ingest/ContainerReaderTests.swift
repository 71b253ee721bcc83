import Foundation
import Testing
@testable import ProxyLens

/// Every container's real examples are recognised by its own entry of `ContainerReaders.all`
/// (no earlier entry shadows it) and ingest without a problem. A new container is covered here
/// by listing its samples in `examples`, with no new test code.
@Suite("Containers: each example read by its own entry")
struct ContainerReaderTests {
    static let cases: [(String, String)] = ContainerReaders.all.flatMap { reader in reader.examples.map { (reader.name, $0) } }

    /// The decoded first 64 KiB of a sample, as ingest samples it.
    static func sample(_ path: String) throws -> ContentSample {
        var source: ByteSource = try FileByteSource(path: path, hashing: false)
        let head = try PrefixedByteSource.head(of: source, count: 65_536)
        if head.withUnsafeBytes({ GzipByteSource.isGzip($0) }) {
            source = try GzipByteSource(PrefixedByteSource(prefix: head, upstream: source), name: path)
        } else {
            source = PrefixedByteSource(prefix: head, upstream: source)
        }
        let window = ByteWindow(source)
        while window.available < 65_536, try window.fill() {}
        return ContentSample(path: path, head: UnsafeBufferPointer(start: window.pointer + window.position, count: window.available))
    }

    @Test("every container has examples")
    func everyContainerHasExamples() {
        let without = ContainerReaders.all.filter { $0.examples.isEmpty }.map(\.name)
        // RDS Proxy text saved as is: no real sample of it has been found (proxy lines reach disk
        // through the other containers); it stays recognised for hand-saved logs.
        #expect(without == ["proxy-text"])
    }

    @Test("recognised by its own entry and read without a problem (or refused with its named one)", arguments: cases)
    func example(container: String, example: String) throws {
        let path = Fixture.samples(example)
        let chosen = try ContainerReaders.choose(try Self.sample(path)).get()
        #expect(chosen.name == container, "\(example) was taken by \(chosen.name)")
        let database = try Database(path: ":memory:")
        let (summary, issues) = try ingest([path], into: database)
        if chosen.yields == .nothing {
            // Refused: one problem that says what to export instead, and nothing stored.
            #expect(issues.count == 1 && issues[0].1.reason.contains("--output json"), "\(issues.map(\.1.reason))")
            #expect(try database.scalar("SELECT count(*) FROM event").int == 0)
            return
        }
        #expect(issues.filter { !$0.1.keptData }.isEmpty, "\(issues.map(\.1.reason))")
        #expect(summary.filesRead == 1)
        let stored = try database.scalar("SELECT count(*) FROM event").int ?? 0
        // What the entry says it yields is what the file gave.
        let points = try database.scalar("SELECT (SELECT count(*) FROM metric_point) + (SELECT count(*) FROM metric_unresolved)").int ?? 0
        let queries = try database.scalar("SELECT count(*) FROM metric_query").int ?? 0
        switch chosen.yields {
        case .events:
            #expect(stored > 0, "\(example) gave no events")
        case .configuration:
            #expect(stored == 0 && points == 0)
        case .metricPoints:
            #expect(stored == 0 && points > 0, "\(example) gave no metric points")
        case .metricQueries:
            #expect(stored == 0 && queries > 0, "\(example) gave no metric queries")
        case .nothing:
            break
        }
    }

    @Test("events one per line (jq -c '.events[]') give the same events as the page they came from")
    func eventLinesEqualPage() throws {
        let page = try readEventsFromFile(Fixture.samples("containers/filter-log-events/catalog-sync_2026-03-14T0900Z_0915Z_page1.json"))
        let lines = try readEventsFromFile(Fixture.samples("containers/event-lines/catalog-sync_jq-events.ndjson"))
        #expect(lines.events.count == page.events.count)
        #expect(zip(lines.events, page.events).allSatisfy { $0.logStream == $1.logStream && $0.timestamp == $1.timestamp && $0.message == $1.message })
    }

    @Test("an S3 export object that begins with an application line is read as an S3 export, its stream from the path")
    func s3ObjectStartingWithAnApplicationLine() throws {
        let folder = try Fixture.temporaryFolder()
        let id = "0b9b4a7e-5d1c-4f35-9a0e-2c4f0e6f9d11"
        let text = """
            2025-12-07T13:30:37.104Z [INFO]\t2025-12-07T13:30:37.104Z\t\(id)\tquery orders for tenant 42

            2025-12-07T13:30:37.100Z START RequestId: \(id) Version: $LATEST

            2025-12-07T13:30:37.190Z [ERROR]\t2025-12-07T13:30:37.190Z\t\(id)\tOperationalError: server closed the connection unexpectedly

            2025-12-07T13:30:37.200Z END RequestId: \(id)

            2025-12-07T13:30:37.200Z REPORT RequestId: \(id)\tDuration: 96.00 ms\tBilled Duration: 97 ms\tMemory Size: 512 MB\tMax Memory Used: 80 MB\tStatus: error\tError Type: Runtime.Unknown

            """
        let path = try Fixture.write(text, to: "exportedlogs/orders-api/\(UUID().uuidString.lowercased())/2025/12/07/[$LATEST]0123456789abcdef0123456789abcdef/000000", in: folder)
        let database = try Database(path: ":memory:")
        let (_, issues) = try ingest([path], into: database)
        #expect(issues.filter { !$0.1.keptData }.isEmpty)
        #expect(try database.scalar("SELECT container FROM source").string == "s3-export")
        #expect(try database.scalar("SELECT count(*) FROM event WHERE kind = 'proxy'").int == 0)
        #expect(try database.scalar("SELECT DISTINCT log_stream FROM event").string == "2025/12/07/[$LATEST]0123456789abcdef0123456789abcdef")
        #expect(try database.scalar("SELECT status FROM invocation").string == "error")
    }

    @Test("a file read as a text layout whose lines mostly do not fit it is named, not silently stored")
    func misfitIsNamed() throws {
        let folder = try Fixture.temporaryFolder()
        // Mostly `aws logs tail --format short` lines with a few S3-export-shaped ones.
        var lines = (0..<3).map { "2026-03-14T09:00:0\($0).123Z START RequestId: x\($0)" }
        lines += (0..<2).map { "2026-03-14T09:00:0\($0) some short line \($0)" }
        lines += (0..<5).map { "2026-03-14 09:00:0\($0),123 INFO not a CloudWatch layout \($0)" }
        let path = try Fixture.write(lines.joined(separator: "\n") + "\n", to: "odd.log", in: folder)
        let database = try Database(path: ":memory:")
        let (_, issues) = try ingest([path], into: database)
        #expect(issues.contains { $0.1.reason.contains("sampled lines that begin an event do not fit") }, "\(issues.map(\.1.reason))")
    }

    @Test("a file that matches no kind well enough is a named problem: nothing is stored as something else", arguments: [
        // `saw get` and `cw tail` without their prefix options print the messages alone: no time, no stream.
        "START RequestId: a79567b5-00b1-4985-b3cc-08c071a93f70 Version: $LATEST\n[INFO]\t2026-03-14T09:12:03.104Z\ta79567b5-00b1-4985-b3cc-08c071a93f70\tsyncing\nEND RequestId: a79567b5-00b1-4985-b3cc-08c071a93f70\n",
        // An application's own log file (log4j's default layout).
        "2026-03-14 09:12:03,104 INFO  [main] c.e.Sync - syncing catalog batch 4411\n2026-03-14 09:12:03,611 ERROR [main] c.e.Sync - batch failed\n",
        // Plain prose.
        "Notes from the incident call\n- the proxy was pinned\n- retry later\n",
    ])
    func noKindFits(text: String) throws {
        let folder = try Fixture.temporaryFolder()
        let path = try Fixture.write(text, to: "saved-output.log", in: folder)
        let chosen = ContainerReaders.choose(try Self.sample(path))
        #expect(throws: (any Error).self) { try chosen.get() }
        let database = try Database(path: ":memory:")
        let (summary, issues) = try ingest([path], into: database)
        #expect(issues.count == 1 && issues[0].1.reason.contains("not a recognised CloudWatch Logs export") && !issues[0].1.keptData, "\(issues.map(\.1.reason))")
        #expect(summary.filesWithProblems == 1)
        #expect(try database.scalar("SELECT count(*) FROM event").int == 0)
        #expect(try database.scalar("SELECT count(*) FROM ingest_error").int == 1)
    }

    @Test("each new text layout's lines fit it alone: no layout takes another's file", arguments: ContainerReaders.all.compactMap { $0 as? TextLayoutContainer }.flatMap { reader in reader.examples.map { (reader.layout, $0) } })
    func layoutsApart(layout: TextExportReader.Layout, example: String) throws {
        let vote = try Self.sample(Fixture.samples(example)).textVote
        #expect(vote.winner == layout || (layout == .s3Export && vote.winner != nil))
        // No other layout is fitted by as many lines.
        for other in TextExportReader.Layout.allCases where other != layout && other != .proxyText && layout != .proxyText && layout != .s3Export {
            #expect(vote.fits[other] ?? 0 < vote.fits[layout] ?? 0, "\(example): \(other) fits \(vote.fits[other] ?? 0)")
        }
    }
}
