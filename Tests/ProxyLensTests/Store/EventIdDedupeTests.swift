import Foundation
import Testing
@testable import ProxyLens

/// Dedupe by eventId where the container has one (issue 21): distinct ids are distinct events
/// even with the same text in the same millisecond; copies without an id (tail text) are
/// reconciled with the copies that have one, whichever came first; the same on the bulk path
/// (a new database) and through the index (a database that already held events).
@Suite("Dedupe by eventId")
struct EventIdDedupeTests {
    static let stream = "2026/03/14/[$LATEST]5e0f1c2d3b4a59687766554433221100"
    static let id = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"
    /// Three retries logged in one millisecond: the same text, three CloudWatch events.
    static let burst = "2026-03-14T10:00:00.250Z\t\(id)\tWARN\tretrying query after: server closed the connection unexpectedly\n"
    static let ids = ["37000000000000000000000000000000000000000000000000000001",
                      "37000000000000000000000000000000000000000000000000000002",
                      "37000000000000000000000000000000000000000000000000000003"]

    /// A filter-log-events page: START, the burst with three ids, END.
    static func page(ids: [String] = ids) -> String {
        func event(_ ts: Int, _ message: String, _ id: String) -> String {
            let escaped = message.replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n")
            return #"{"logStreamName":"\#(stream)","timestamp":\#(ts),"message":"\#(escaped)","ingestionTime":\#(ts + 400),"eventId":"\#(id)"}"#
        }
        let events = [event(1_773_482_400_100, "START RequestId: \(id) Version: $LATEST\n", "36999999999999999999999999999999999999999999999999999999")]
            + ids.map { event(1_773_482_400_250, burst, $0) }
            + [event(1_773_482_400_300, "END RequestId: \(id)\n", "37000000000000000000000000000000000000000000000000000009")]
        return #"{"events":["# + events.joined(separator: ",") + #"],"searchedLogStreams":[]}"#
    }

    /// The same events as `aws logs tail --format detailed` prints them: no ids, so the burst's
    /// three lines are one event by stream, time and message.
    static let tail = """
        2026-03-14T10:00:00.100000+00:00 \(stream) START RequestId: \(id) Version: $LATEST
        2026-03-14T10:00:00.250000+00:00 \(stream) \(burst)2026-03-14T10:00:00.250000+00:00 \(stream) \(burst)2026-03-14T10:00:00.250000+00:00 \(stream) \(burst)2026-03-14T10:00:00.300000+00:00 \(stream) END RequestId: \(id)

        """

    /// A database on the path asked for: empty (bulk) or already holding an unrelated event (index).
    static func database(bulk: Bool) throws -> Database {
        let database = try Database(path: ":memory:")
        if !bulk {
            let seed = try Fixture.write(#"{"events":[{"logStreamName":"seed","timestamp":1,"message":"seed"}]}"#, to: "seed.json", in: try Fixture.temporaryFolder())
            _ = try ingest([seed], into: database)
        }
        return database
    }

    func burstRows(_ database: Database) throws -> [[SQLValue]] {
        try database.rows("SELECT event_id, ingestion_ts FROM event WHERE log_stream = ? AND ts = 1773482400250 ORDER BY event_id", [.text(Self.stream)])
    }

    @Test("three events with the same text in one millisecond and three eventIds are three; a second copy of the page adds none", arguments: [true, false])
    func distinctIds(bulk: Bool) throws {
        let folder = try Fixture.temporaryFolder()
        let first = try Fixture.write(Self.page(), to: "a/page-1.json", in: folder)
        let copy = try Fixture.write(Self.page() + "\n", to: "b/page-1-again.json", in: folder)
        let database = try Self.database(bulk: bulk)
        let (summary, _) = try ingest([first, copy], into: database, options: IngestOptions(logGroup: "/aws/lambda/orders-api"))
        #expect(try burstRows(database).map { $0[0].string } == Self.ids.map(Optional.some))
        #expect(summary.eventsAdded == 5)
        #expect(summary.duplicates == DuplicateCounts(sameEventId: 5))
        #expect(try database.rows("SELECT dropped_same_event_id, events - events_added FROM source WHERE path LIKE '%again.json'") == [[.integer(5), .integer(5)]])
    }

    @Test("the same text in one millisecond without ids (tail text) is one event", arguments: [true, false])
    func sameTextWithoutIds(bulk: Bool) throws {
        let path = try Fixture.write(Self.tail, to: "orders-api.log", in: try Fixture.temporaryFolder())
        let database = try Self.database(bulk: bulk)
        let (summary, _) = try ingest([path], into: database, options: IngestOptions(logGroup: "/aws/lambda/orders-api"))
        #expect(try burstRows(database).count == 1)
        #expect(summary.duplicates == DuplicateCounts(sameText: 2))
    }

    @Test("tail text and the page with ids, in either order, in one run or two, on either path: the page's five events, each once, with their ids",
          arguments: [true, false], [true, false])
    func reconciled(bulk: Bool, tailFirst: Bool) throws {
        let folder = try Fixture.temporaryFolder()
        let tail = try Fixture.write(Self.tail, to: "tail/orders-api.log", in: folder)
        let page = try Fixture.write(Self.page(), to: "page/orders-api.json", in: folder)
        let order = tailFirst ? [tail, page] : [page, tail]
        let options = IngestOptions(logGroup: "/aws/lambda/orders-api")
        for split in [false, true] {
            let database = try Self.database(bulk: bulk)
            var duplicates = DuplicateCounts()
            if split {
                for path in order { duplicates.add(try ingest([path], into: database, options: options).0.duplicates) }
            } else {
                duplicates = try ingest(order, into: database, options: options).0.duplicates
            }
            let rows = try database.rows("SELECT event_id, ingestion_ts FROM event WHERE log_stream = ? ORDER BY ts, event_id", [.text(Self.stream)])
            #expect(rows.count == 5, "bulk \(bulk), tail first \(tailFirst), two runs \(split)")
            #expect(rows.allSatisfy { $0[0] != .null && $0[1] != .null }, "every event kept with its id and ingestion time")
            #expect(duplicates.reconciled >= 3 && duplicates.sameEventId == 0)
            // Every file's rows are counted once: the sum of what files added is what is stored.
            #expect(try database.scalar("SELECT (SELECT sum(events_added) FROM source) = (SELECT count(*) FROM event)").int == 1)
            #expect(try database.scalar("SELECT status FROM invocation WHERE request_id = ?", [.text(Self.id)]).string == "success")
        }
    }

    @Test("the ingest summary says how many duplicates were dropped, by which rule")
    func summaryLine() throws {
        let folder = try Fixture.temporaryFolder()
        let tail = try Fixture.write(Self.tail, to: "tail/orders-api.log", in: folder)
        let page = try Fixture.write(Self.page(), to: "page/orders-api.json", in: folder)
        let copy = try Fixture.write(Self.page() + "\n", to: "copy/orders-api.json", in: folder)
        let db = folder.appendingPathComponent("p.sqlite").path
        let result = try CLI.run(["ingest", "--db", db, "--log-group", "/aws/lambda/orders-api", tail, page, copy])
        #expect(result.status == 0)
        #expect(result.stdout.contains("10 duplicates dropped: 5 same eventId, 2 same stream+time+message, 3 reconciled across containers"), "\(result.stdout)")
    }
}
