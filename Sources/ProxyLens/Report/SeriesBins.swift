import Foundation

/// The bins of the pressure series and of the page's charts, epoch-aligned (bin `b` covers
/// `[b × width, (b + 1) × width)`): sized by the span, 60 to 120 bins whatever it is, unless
/// `--series-window` names a width; never more than `maximum`, and when a requested width would
/// give more, whole bins are merged and `note` says so.
public struct SeriesBins: Sendable, Codable, Equatable {
    public var widthMs: Int64
    public var firstBin: Int64
    public var lastBin: Int64
    /// Sized by the span rather than by `--series-window`.
    public var automatic: Bool
    /// The width asked for, when a requested width was merged into wider bins.
    public var requestedMs: Int64?

    public var count: Int { Int(lastBin - firstBin + 1) }
    public var start: Int64 { firstBin * widthMs }
    public var end: Int64 { (lastBin + 1) * widthMs }

    /// At most this many bins: a chart of a thousand bars is already finer than a page shows,
    /// and `pressure[]` grows with each.
    public static let maximum = 1_000
    /// The automatic width gives at most this many bins.
    static let automaticMost = 120
    /// Widths a reader takes in at a glance, each at most twice the one before, so the first
    /// that gives 120 bins or fewer gives more than 60 (past four weeks: whole days).
    static let widthsSeconds: [Int64] = [
        1, 2, 3, 5, 10, 15, 20, 30, 60, 120, 180, 300, 600, 900, 1_200, 1_800,
        3_600, 7_200, 10_800, 14_400, 21_600, 28_800, 43_200,
        86_400, 2 * 86_400, 3 * 86_400, 4 * 86_400, 7 * 86_400, 14 * 86_400, 28 * 86_400,
    ]

    /// Bins over `first`…`last` (epoch ms): `requestedSeconds` wide, or sized by the span when nil.
    public static func choose(first: Int64, last: Int64, requestedSeconds: Int?) -> SeriesBins {
        let last = max(first, last)
        func bins(_ width: Int64) -> SeriesBins {
            SeriesBins(widthMs: width, firstBin: floorDiv(first, width), lastBin: floorDiv(last, width), automatic: requestedSeconds == nil)
        }
        if let requestedSeconds {
            let asked = Int64(requestedSeconds) * 1000
            var chosen = bins(asked)
            var factor: Int64 = 1
            // Whole requested bins merged, the fewest that fit (alignment may need one more).
            while chosen.count > maximum {
                factor = max(factor + 1, Int64(chosen.count / maximum))
                chosen = bins(asked * factor)
            }
            if factor > 1 { chosen.requestedMs = asked }
            return chosen
        }
        for seconds in widthsSeconds where bins(seconds * 1000).count <= automaticMost {
            return bins(seconds * 1000)
        }
        let day: Int64 = 86_400_000
        var days = (last - first) / day / Int64(automaticMost) + 1
        while bins(days * day).count > automaticMost { days += 1 }
        return bins(days * day)
    }

    /// What the bins merged, for the report's notes.
    public var note: String {
        let span = Self.duration(end - start)
        var text = "\(count) bins of \(Self.duration(widthMs)) over \(span) from \(Timestamp.iso(start)) to \(Timestamp.iso(end))"
        if let requestedMs {
            let asked = (end - start + requestedMs - 1) / requestedMs
            text += " (--series-window \(Self.duration(requestedMs)) would give \(asked) bins, over the \(Self.maximum) kept: each bin merges \(widthMs / requestedMs) of them)"
        } else if automatic {
            text += " (sized for the span; --series-window sets the width)"
        }
        return text + "; each bin merges \(Self.duration(widthMs)) of logs: client sessions, pinned sessions and database connections are the most open at once within it, borrow timeouts and failures are summed"
    }

    /// "15s", "4d", "1h30m": the shortest exact way to write a width.
    public static func duration(_ ms: Int64) -> String {
        var seconds = ms / 1000
        if seconds == 0 { return "\(ms)ms" }
        var parts: [String] = []
        for (unit, size) in [("d", Int64(86_400)), ("h", 3_600), ("m", 60), ("s", 1)] where seconds >= size {
            parts.append("\(seconds / size)\(unit)")
            seconds %= size
        }
        return parts.prefix(2).joined()
    }

    /// Division rounding towards minus infinity: the same as SQLite's `/` for the times after
    /// 1970 the queries see.
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
