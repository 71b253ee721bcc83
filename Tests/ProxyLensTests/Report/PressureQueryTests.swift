import Foundation
import Testing
@testable import ProxyLens

/// queries/pressure.sql against a direct count, window by window, of what its comment promises.
@Suite("Pressure query")
struct PressureQueryTests {
    struct Interval {
        let proxy: String
        let start: Int64?
        let pinned: Int64?
        let end: Int64?
    }

    @Test("client, pinned and database counts per window equal a direct count, with open sessions and connections opened before the logs")
    func countsPerWindow() throws {
        let database = try Database(path: ":memory:")
        var generator = SystemRandomNumberGenerator()
        var sessions: [Interval] = []
        var connections: [Interval] = []
        for number in 0..<400 {
            let proxy = number % 3 == 0 ? "proxy-b" : "proxy-a"
            let start = Int64.random(in: 1_000_000...4_000_000, using: &generator)
            let end: Int64? = number % 17 == 0 ? nil : start + Int64.random(in: 0...900_000, using: &generator)
            let pinned: Int64? = number % 4 == 0 ? start + 1_000 : nil
            sessions.append(Interval(proxy: proxy, start: number % 50 == 0 ? nil : start, pinned: pinned, end: end))
            try database.statement("INSERT INTO proxy_session (proxy, client_connection, opened_ts, pinned_ts, closed_ts) VALUES (?, ?, ?, ?, ?)")
                .run([.text(proxy), .integer(Int64(number)), sessions.last!.start.map(SQLValue.integer) ?? .null,
                      pinned.map(SQLValue.integer) ?? .null, end.map(SQLValue.integer) ?? .null])
            if number % 5 == 0 {
                let opened: Int64? = number % 3 == 1 ? nil : start
                connections.append(Interval(proxy: proxy, start: opened, pinned: nil, end: end))
                try database.statement("INSERT INTO proxy_db_connection (proxy, db_connection, opened_ts, closed_ts) VALUES (?, ?, ?, ?)")
                    .run([.text(proxy), .integer(Int64(number)), opened.map(SQLValue.integer) ?? .null, end.map(SQLValue.integer) ?? .null])
            }
        }
        let window: Int64 = 60_000
        let rows = try ReportBuilder(database: database).run("pressure", ["window_ms": .integer(window)])

        // The last proxy line ends what is still open; the first one starts connections opened before the logs.
        let last = (sessions.flatMap { [$0.end, $0.pinned, $0.start] } + connections.flatMap { [$0.end, $0.start] }).compactMap { $0 }.max()!
        let first = (sessions.compactMap(\.start) + connections.compactMap { $0.start ?? $0.end }).min()!
        func intervals(_ what: String) -> [(proxy: String, first: Int64, last: Int64)] {
            switch what {
            case "client": return sessions.compactMap { s in s.start.map { (s.proxy, $0 / window, (s.end ?? last) / window) } }
            case "pinned": return sessions.compactMap { s in s.pinned.map { (s.proxy, $0 / window, (s.end ?? last) / window) } }
            default: return connections.map { ($0.proxy, ($0.start ?? first) / window, ($0.end ?? last) / window) }
            }
        }
        let all = ["client", "pinned", "db"].flatMap(intervals)
        let lo = all.map(\.first).min()!, hi = all.map(\.last).max()!
        var expected: [[SQLValue]] = []
        for w in lo...hi {
            for proxy in ["proxy-a", "proxy-b"] {
                let counts = ["client", "pinned", "db"].map { what in
                    SQLValue.integer(Int64(intervals(what).filter { $0.proxy == proxy && $0.first <= w && w <= $0.last }.count))
                }
                expected.append([.integer(w * window), .text(proxy)] + counts)
            }
        }
        #expect(rows.count == expected.count)
        #expect(rows == expected)
    }
}
