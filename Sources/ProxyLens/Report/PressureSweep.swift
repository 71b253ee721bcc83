/// The pressure series' peaks per bin and proxy: the most client sessions, pinned sessions and
/// database connections open at once within each bin, and the borrow timeouts in it.
///
/// Peaks rather than "open at some time in the bin": with bins of days, sessions of a minute each
/// that never overlapped would otherwise add up to thousands. The intervals
/// (`queries/pressure_intervals.sql`) become +1/−1 changes, sorted once per proxy; a running level
/// after each timestamp's changes (all of one millisecond together, so a close and an open at the
/// same instant do not count as two open) gives each bin's peak: the highest of its level on entry
/// and the levels after its own changes. Done in SQL this took four sorts of every change (0.8 s
/// of the benchmark's 1.9 s report); one sort here is a few milliseconds.
struct PressureSweep {
    /// Which of the three levels an interval counts in (the columns of `Report.PressureRow`).
    enum Kind: Int {
        case client = 0, pinned = 1, db = 2
    }

    private struct Change {
        var ts: Int64
        var kind: Kind
        var delta: Int32
    }

    private var changes: [String: [Change]] = [:]
    private var borrows: [String: [Int64: Int]] = [:]

    /// An interval open from `start` (inclusive) to `end` (exclusive).
    mutating func add(proxy: String, kind: Kind, start: Int64, end: Int64) {
        changes[proxy, default: []].append(Change(ts: start, kind: kind, delta: 1))
        changes[proxy, default: []].append(Change(ts: end, kind: kind, delta: -1))
    }

    mutating func addBorrowTimeouts(proxy: String, bin: Int64, count: Int) {
        borrows[proxy, default: [:]][bin, default: 0] += count
    }

    /// One row per bin of `bins` and proxy (every proxy with a change up to the last bin or a
    /// borrow timeout in the span), by bin, then proxy.
    func rows(_ bins: SeriesBins) -> [Report.PressureRow] {
        let width = bins.widthMs
        // Changes after the last bin change nothing shown.
        var sorted: [String: [Change]] = [:]
        for (proxy, list) in changes {
            let kept = list.filter { $0.ts / width <= bins.lastBin }
            if !kept.isEmpty { sorted[proxy] = kept.sorted { $0.ts < $1.ts } }
        }
        let proxies = Set(sorted.keys).union(borrows.keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var perProxy: [[Report.PressureRow]] = []
        for proxy in proxies {
            let list = sorted[proxy] ?? []
            var level: [Int] = [0, 0, 0]
            var next = 0
            func applyInstant() {
                let ts = list[next].ts
                while next < list.count, list[next].ts == ts {
                    level[list[next].kind.rawValue] += Int(list[next].delta)
                    next += 1
                }
            }
            // Changes before the span set the level on entering the first bin.
            while next < list.count, list[next].ts / width < bins.firstBin { applyInstant() }
            var rows: [Report.PressureRow] = []
            rows.reserveCapacity(bins.count)
            for bin in bins.firstBin...bins.lastBin {
                var peak = level
                while next < list.count, list[next].ts / width == bin {
                    applyInstant()
                    for column in 0..<3 { peak[column] = max(peak[column], level[column]) }
                }
                let start = bin * width
                rows.append(Report.PressureRow(start: start, end: start + width, proxy: proxy, clientSessions: peak[0], pinnedSessions: peak[1],
                                               dbConnections: peak[2], borrowTimeouts: borrows[proxy]?[bin] ?? 0))
            }
            perProxy.append(rows)
        }
        // By bin, then proxy (the proxies are already in order).
        var merged: [Report.PressureRow] = []
        merged.reserveCapacity(perProxy.count * bins.count)
        for index in 0..<bins.count { for rows in perProxy { merged.append(rows[index]) } }
        return merged
    }
}
