import Foundation
import Testing
@testable import ProxyLens

/// The pressure series (queries/pressure_intervals.sql swept by PressureSweep) against a direct
/// count, bin by bin, of what it promises: the most open at once within each bin, sessions never
/// closed ended at IdleClientTimeout.
@Suite("Pressure series")
struct PressureSweepTests {
    struct Interval {
        let proxy: String
        let start: Int64
        let end: Int64
    }

    @Test("client, pinned and database peaks per bin equal a direct sweep, with unclosed sessions ended at IdleClientTimeout and connections opened before the logs")
    func peaksPerBin() throws {
        let database = try Database(path: ":memory:")
        // proxy-a's IdleClientTimeout from its configuration; proxy-b has none: AWS's 1800 s.
        try database.statement("INSERT INTO proxy_config (proxy, idle_client_timeout_s) VALUES ('proxy-a', 600)").run([])
        let idle: [String: Int64] = ["proxy-a": 600_000, "proxy-b": 1_800_000]
        var generator = SystemRandomNumberGenerator()
        var rawSessions: [(proxy: String, opened: Int64?, pinned: Int64?, closed: Int64?)] = []
        var rawConnections: [(proxy: String, opened: Int64?, closed: Int64?)] = []
        for number in 0..<400 {
            let proxy = number % 3 == 0 ? "proxy-b" : "proxy-a"
            let start = Int64.random(in: 1_000_000...20_000_000, using: &generator)
            let closed: Int64? = number % 7 == 0 ? nil : start + Int64.random(in: 0...900_000, using: &generator)
            let pinned: Int64? = number % 4 == 0 ? start + 1_000 : nil
            let opened: Int64? = number % 50 == 0 ? nil : start
            rawSessions.append((proxy, opened, pinned, closed))
            try database.statement("INSERT INTO proxy_session (proxy, client_connection, opened_ts, pinned_ts, closed_ts) VALUES (?, ?, ?, ?, ?)")
                .run([.text(proxy), .integer(Int64(number)), opened.map(SQLValue.integer) ?? .null, pinned.map(SQLValue.integer) ?? .null,
                      closed.map(SQLValue.integer) ?? .null])
            if number % 5 == 0 {
                let dbOpened: Int64? = number % 3 == 1 ? nil : start
                rawConnections.append((proxy, dbOpened, closed))
                try database.statement("INSERT INTO proxy_db_connection (proxy, db_connection, opened_ts, closed_ts) VALUES (?, ?, ?, ?)")
                    .run([.text(proxy), .integer(Int64(number)), dbOpened.map(SQLValue.integer) ?? .null, closed.map(SQLValue.integer) ?? .null])
            }
        }
        // Borrow timeouts: failures whose error is the proxy's.
        for (index, ts) in [2_000_000, 2_000_500, 9_000_000].enumerated() {
            try database.statement("""
                INSERT INTO failure (request_id, function, instance, ts, cause, confidence, rule, signal, evidence, proxy)
                VALUES (?, 'f', 'i', ?, 'connection-timeout', 0.9, 'signature:rds-proxy-borrow-timeout', 'borrow-timeout', '[]', 'proxy-a')
                """).run([.text("r\(index)"), .integer(Int64(ts))])
        }
        let window: Int64 = 60_000
        let firstBin: Int64 = 1_000_000 / window, lastBin: Int64 = 22_000_000 / window
        let bins = SeriesBins(widthMs: window, firstBin: firstBin, lastBin: lastBin, automatic: false)
        let rows: [[SQLValue]] = try ReportBuilder(database: database).pressure([
            "window_ms": .integer(window), "first_bin": .integer(firstBin), "last_bin": .integer(lastBin),
            "default_idle_ms": .integer(1_800_000), "since": .null, "until": .null, "function": .null,
        ], bins: bins).map {
            [.integer($0.start), .text($0.proxy), .integer(Int64($0.clientSessions)), .integer(Int64($0.pinnedSessions)),
             .integer(Int64($0.dbConnections)), .integer(Int64($0.borrowTimeouts))]
        }

        let last = (rawSessions.flatMap { [$0.closed, $0.pinned, $0.opened] } + rawConnections.flatMap { [$0.closed, $0.opened] }).compactMap { $0 }.max()!
        let first = (rawSessions.compactMap(\.opened) + rawConnections.compactMap { $0.opened ?? $0.closed }).min()!
        var client: [Interval] = [], pinned: [Interval] = [], db: [Interval] = []
        for s in rawSessions where s.opened != nil || s.pinned != nil {
            let lastSeen = max(s.pinned ?? s.opened!, s.opened ?? s.pinned!)
            let end = max(s.pinned ?? s.opened!, s.closed ?? min(last, lastSeen + idle[s.proxy]!))
            if let opened = s.opened { client.append(Interval(proxy: s.proxy, start: opened, end: end)) }
            if let pin = s.pinned { pinned.append(Interval(proxy: s.proxy, start: pin, end: end)) }
        }
        for c in rawConnections {
            let start = c.opened ?? first
            db.append(Interval(proxy: c.proxy, start: start, end: max(c.closed ?? last, start)))
        }
        // The most open at once in [b0, b1): on entry (open just before b0), or after any change inside.
        func peak(_ intervals: [Interval], _ proxy: String, _ b0: Int64, _ b1: Int64, changes: [Int64]) -> Int64 {
            let mine = intervals.filter { $0.proxy == proxy && $0.start < $0.end }
            var best = mine.filter { $0.start < b0 && $0.end >= b0 }.count
            for t in changes where t >= b0 && t < b1 { best = max(best, mine.filter { $0.start <= t && t < $0.end }.count) }
            return Int64(best)
        }
        var expected: [[SQLValue]] = []
        for bin in firstBin...lastBin {
            for proxy in ["proxy-a", "proxy-b"] {
                let all = (client + pinned + db).filter { $0.proxy == proxy }
                let changes = Array(Set(all.flatMap { [$0.start, $0.end] }))
                let b0 = bin * window, b1 = b0 + window
                let borrows = proxy == "proxy-a" ? Int64([2_000_000, 2_000_500, 9_000_000].filter { $0 >= b0 && $0 < b1 }.count) : 0
                expected.append([.integer(b0), .text(proxy), .integer(peak(client, proxy, b0, b1, changes: changes)),
                                 .integer(peak(pinned, proxy, b0, b1, changes: changes)), .integer(peak(db, proxy, b0, b1, changes: changes)), .integer(borrows)])
            }
        }
        #expect(rows.count == expected.count)
        #expect(rows == expected)
        // Unclosed sessions really were ended early: without the timeout proxy-b would stay open to the end.
        #expect(rawSessions.contains { $0.closed == nil })
    }

    @Test("automatic bins number 60 to 120 whatever the span; a requested width over 1000 bins is merged and says so")
    func binSizes() {
        let start: Int64 = 1_773_479_112_634
        for span: Int64 in [90_000, 20 * 60_000, 3 * 3_600_000, 26 * 3_600_000, 9 * 86_400_000, 365 * 86_400_000, 5 * 365 * 86_400_000] {
            let bins = SeriesBins.choose(first: start, last: start + span, requestedSeconds: nil)
            #expect((60...121).contains(bins.count), "span \(span) ms: \(bins.count) bins of \(bins.widthMs) ms")
            #expect(bins.start <= start && bins.end > start + span)
            #expect(bins.note.contains("sized for the span"))
        }
        let asked = SeriesBins.choose(first: start, last: start + 365 * 86_400_000, requestedSeconds: 60)
        #expect(asked.count <= SeriesBins.maximum)
        #expect(asked.widthMs % 60_000 == 0 && asked.widthMs > 60_000)
        #expect(asked.note.contains("--series-window 1m would give") && asked.note.contains("each bin merges"))
        let exact = SeriesBins.choose(first: start, last: start + 3_600_000, requestedSeconds: 60)
        #expect(exact.widthMs == 60_000 && exact.requestedMs == nil && !exact.automatic)
    }
}
