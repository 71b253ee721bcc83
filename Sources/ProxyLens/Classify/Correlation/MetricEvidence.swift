import Foundation

/// What the RDS Proxy CloudWatch metrics (`metric_point`, namespace `AWS/RDS`, dimension
/// `ProxyName` alone) say at a failure's minute, as evidence on its label. Only where a point
/// covers the failure's time; with no metrics nothing changes.
struct MetricEvidence {
    struct Point {
        var ts: Int64
        var periodMs: Int64
        var value: Double
    }

    /// proxy → metric → points in time order (one statistic per metric: the one the metric is read with).
    private var series: [String: [String: [Point]]] = [:]
    private var medians: [String: [String: Double]] = [:]

    static let gauges = ["DatabaseConnectionsCurrentlyBorrowed", "DatabaseConnections", "MaxDatabaseConnectionsAllowed",
                         "DatabaseConnectionsCurrentlySessionPinned"]
    static let latencies = ["QueryDatabaseResponseLatency"]
    /// A latency spike: at least this many times the series' median.
    static let spikeFactor = 3.0
    /// Pinned sessions elevated: at least this many times the median, and 2 sessions above it.
    static let pinnedFactor = 1.5

    var isEmpty: Bool { series.isEmpty }

    init(database: Database) throws {
        // Gauges are read as Sum (formats.md §5), else Maximum; latencies as Average, else Maximum.
        let rows = try database.rows("""
            SELECT json_extract(dimensions, '$.ProxyName'), metric, stat, period_s, ts, max(value) FROM metric_point
            WHERE namespace = 'AWS/RDS' AND dimensions = json_object('ProxyName', json_extract(dimensions, '$.ProxyName'))
              AND metric IN ('DatabaseConnectionsCurrentlyBorrowed', 'DatabaseConnections', 'MaxDatabaseConnectionsAllowed',
                             'DatabaseConnectionsCurrentlySessionPinned', 'QueryDatabaseResponseLatency')
              AND stat IN ('Sum', 'Average', 'Maximum')
            GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 5
            """)
        var byStat: [String: [String: [String: [Point]]]] = [:]
        for row in rows {
            guard let proxy = row[0].string, let metric = row[1].string, let stat = row[2].string else { continue }
            byStat[proxy, default: [:]][metric, default: [:]][stat, default: []]
                .append(Point(ts: row[4].int ?? 0, periodMs: (row[3].int ?? 60) * 1000, value: row[5].double ?? 0))
        }
        for (proxy, metrics) in byStat {
            for (metric, stats) in metrics {
                let preference = Self.latencies.contains(metric) ? ["Average", "Maximum"] : ["Sum", "Maximum", "Average"]
                guard let chosen = preference.lazy.compactMap({ stats[$0] }).first else { continue }
                series[proxy, default: [:]][metric] = chosen
                let sorted = chosen.map(\.value).sorted()
                medians[proxy, default: [:]][metric] = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
            }
        }
    }

    /// The proxies with metrics.
    var proxies: [String] { series.keys.sorted() }

    /// The value of `metric` for `proxy` in the period that holds `at`.
    func value(_ metric: String, _ proxy: String, at: Int64) -> (ts: Int64, value: Double)? {
        guard let points = series[proxy]?[metric] else { return nil }
        // The last point starting at or before `at`, if its period covers `at`.
        var low = 0, high = points.count
        while low < high {
            let mid = (low + high) / 2
            if points[mid].ts <= at { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return nil }
        let point = points[low - 1]
        return at < point.ts + point.periodMs ? (point.ts, point.value) : nil
    }

    /// Borrowed (or, without it, DatabaseConnections) at MaxDatabaseConnectionsAllowed.
    func poolFull(_ proxy: String, at: Int64) -> String? {
        guard let maximum = value("MaxDatabaseConnectionsAllowed", proxy, at: at), maximum.value > 0 else { return nil }
        for metric in ["DatabaseConnectionsCurrentlyBorrowed", "DatabaseConnections"] {
            guard let used = value(metric, proxy, at: at) else { continue }
            guard used.value >= maximum.value else { return nil }
            return "metric:\(metric)=\(Self.number(used.value)) of MaxDatabaseConnectionsAllowed=\(Self.number(maximum.value)) on \(proxy) at \(Timestamp.iso(used.ts))"
        }
        return nil
    }

    /// DatabaseConnectionsCurrentlySessionPinned above its usual level.
    func pinnedRising(_ proxy: String, at: Int64) -> String? {
        let metric = "DatabaseConnectionsCurrentlySessionPinned"
        guard let pinned = value(metric, proxy, at: at), let median = medians[proxy]?[metric] else { return nil }
        guard pinned.value >= median * Self.pinnedFactor, pinned.value >= median + 2 else { return nil }
        return "metric:\(metric)=\(Self.number(pinned.value)) (median \(Self.number(median))) on \(proxy) at \(Timestamp.iso(pinned.ts))"
    }

    /// QueryDatabaseResponseLatency at a spike.
    func latencySpike(_ proxy: String, at: Int64) -> String? {
        let metric = "QueryDatabaseResponseLatency"
        guard let latency = value(metric, proxy, at: at), let median = medians[proxy]?[metric], median > 0,
              latency.value >= median * Self.spikeFactor else { return nil }
        return "metric:\(metric)=\(Self.number(latency.value)) µs (median \(Self.number(median)) µs) on \(proxy) at \(Timestamp.iso(latency.ts))"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.1f", value)
    }
}

extension CorrelationContext {
    /// Adds what the proxy metrics say at the failure's minute to a label: a borrow timeout
    /// while the pool was fully borrowed, a pinning leak while pinned sessions were up, a query
    /// timeout during a latency spike. Unchanged when no metric covers that minute.
    func withMetrics(_ label: Classifier.Label, _ failure: FailedInvocation) -> Classifier.Label {
        guard let metrics, !metrics.isEmpty else { return label }
        var label = label
        let at = failure.errorTs ?? failure.invocation.endTs
        let candidates = label.proxy.map { [$0] } ?? proxies(for: failure.invocation.function).filter { metrics.proxies.contains($0) }
        guard candidates.count == 1, let proxy = candidates.first else { return label }
        switch (label.cause, label.signal) {
        case (.connectionTimeout, .borrowTimeout?):
            guard let line = metrics.poolFull(proxy, at: at) else { return label }
            label.confidence = min(Confidence.maximum, label.confidence + Confidence.metricPoolFull)
            label.rule += "+pool-full-metric"
            label.evidence.append(line)
        case (.lambdaTimeoutPinningLeak, _):
            guard let line = metrics.pinnedRising(proxy, at: at) else { return label }
            label.confidence = min(Confidence.maximum, label.confidence + Confidence.metricPinnedRising)
            label.rule += "+pinned-rising-metric"
            label.evidence.append(line)
        case (.queryTimeout, _):
            guard let line = metrics.latencySpike(proxy, at: at) else { return label }
            label.confidence = min(Confidence.maximum, label.confidence + Confidence.metricLatencySpike)
            label.rule += "+latency-spike-metric"
            label.evidence.append(line)
        default:
            break
        }
        return label
    }
}
