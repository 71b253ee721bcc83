import Foundation

extension Report {
    /// One metric series of a proxy or function, per period.
    public struct MetricSeriesRow: Sendable, Codable {
        public var metric: String, stat: String, unit: String, periodSeconds: Int
        public var peak: Double, peakTs: Int64, mean: Double
        /// (start of period, value) in time order.
        public var times: [Int64], values: [Double]
    }
    public struct ProxyMetrics: Sendable, Codable {
        public var proxy: String
        /// MaxDatabaseConnectionsAllowed at its peak.
        public var maxConnections: Int?
        public var peakClientConnections: Double?
        public var peakPinnedPercent: Double?
        public var peakBorrowLatencyUs: Double?
        public var series: [MetricSeriesRow]
    }
    public struct FunctionMetrics: Sendable, Codable {
        public var function: String
        public var peakConcurrency: Double?
        public var throttles: Double?
        public var errors: Double?
        public var series: [MetricSeriesRow]
    }
    /// What the CloudWatch metrics say, per proxy and function, with the article's thresholds.
    public struct MetricsSection: Sendable, Codable {
        public var proxies: [ProxyMetrics]
        public var functions: [FunctionMetrics]
        public var findings: [Finding]
    }
}

/// Builds the report's metrics section from `metric_point` (nil when there are no metrics) and
/// checks the seed article's thresholds: pinned sessions above 50 % of database connections,
/// client connections within 10 % of the maximum, query latency spikes that coincide with
/// concurrency, and the reserved concurrency its formula gives.
struct MetricsReport {
    let database: Database

    /// The statistic each metric is read with (gauges Sum, latencies Average, Lambda as CloudWatch shows them).
    static let preferredStats: [String: [String]] = [
        "QueryDatabaseResponseLatency": ["Average", "Maximum"], "DatabaseConnectionsBorrowLatency": ["Average", "Maximum"],
        "Duration": ["Average", "Maximum"], "ConcurrentExecutions": ["Maximum", "Sum", "Average"],
    ]
    static let pinnedThresholdPercent = 50.0
    static let clientConnectionsMargin = 0.10
    /// A latency spike: at least this many times the series' median.
    static let spikeFactor = 3.0
    /// Target response time the reserved-concurrency formula is shown with.
    static let targetResponseSeconds = 1.0

    func build(since: Int64?, until: Int64?) throws -> Report.MetricsSection? {
        guard (try database.scalar("SELECT count(*) FROM metric_point").int ?? 0) > 0 else { return nil }
        let rows = try database.rows("""
            SELECT namespace, json_extract(dimensions, '$.ProxyName'), json_extract(dimensions, '$.FunctionName'), metric, stat, unit, period_s, ts, max(value)
            FROM metric_point
            WHERE ((namespace = 'AWS/RDS' AND dimensions = json_object('ProxyName', json_extract(dimensions, '$.ProxyName')))
                OR (namespace = 'AWS/Lambda' AND dimensions = json_object('FunctionName', json_extract(dimensions, '$.FunctionName'))))
              AND (? IS NULL OR ts >= ?) AND (? IS NULL OR ts < ?)
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 8
            """, [since.map(SQLValue.integer) ?? .null, since.map(SQLValue.integer) ?? .null,
                  until.map(SQLValue.integer) ?? .null, until.map(SQLValue.integer) ?? .null])
        // subject → metric → stat → row
        var grouped: [String: [String: [String: Report.MetricSeriesRow]]] = [:]
        var isProxy: [String: Bool] = [:]
        for row in rows {
            guard let subject = row[1].string ?? row[2].string, let metric = row[3].string, let stat = row[4].string else { continue }
            isProxy[subject] = row[1].string != nil
            let ts = row[7].int ?? 0, value = row[8].double ?? 0
            var series = grouped[subject]?[metric]?[stat] ?? Report.MetricSeriesRow(
                metric: metric, stat: stat, unit: row[5].string ?? "None", periodSeconds: Int(row[6].int ?? 60), peak: -.infinity, peakTs: ts, mean: 0,
                times: [], values: [])
            series.times.append(ts)
            series.values.append(value)
            if value > series.peak { series.peak = value; series.peakTs = ts }
            grouped[subject, default: [:]][metric, default: [:]][stat] = series
        }
        func chosen(_ subject: String) -> [Report.MetricSeriesRow] {
            (grouped[subject] ?? [:]).keys.sorted().compactMap { metric in
                let stats = grouped[subject]?[metric] ?? [:]
                let order = Self.preferredStats[metric] ?? ["Sum", "Maximum", "Average"]
                guard var series = order.lazy.compactMap({ stats[$0] }).first ?? stats.keys.sorted().first.flatMap({ stats[$0] }) else { return nil }
                series.mean = series.values.reduce(0, +) / Double(max(1, series.values.count))
                return series
            }
        }
        var section = Report.MetricsSection(proxies: [], functions: [], findings: [])
        for subject in grouped.keys.sorted() where isProxy[subject] == true {
            let series = chosen(subject)
            func find(_ metric: String) -> Report.MetricSeriesRow? { series.first { $0.metric == metric } }
            var proxy = Report.ProxyMetrics(proxy: subject, maxConnections: find("MaxDatabaseConnectionsAllowed").map { Int($0.peak) },
                                            peakClientConnections: find("ClientConnections")?.peak, peakPinnedPercent: nil,
                                            peakBorrowLatencyUs: find("DatabaseConnectionsBorrowLatency")?.peak, series: series)
            if let pinned = find("DatabaseConnectionsCurrentlySessionPinned"), let connections = find("DatabaseConnections") {
                let byTime = Dictionary(zip(connections.times, connections.values), uniquingKeysWith: max)
                var peak: (Double, Int64, Double, Double)?
                for (ts, value) in zip(pinned.times, pinned.values) {
                    guard let total = byTime[ts], total > 0 else { continue }
                    let percent = value / total * 100
                    if percent > (peak?.0 ?? -1) { peak = (percent, ts, value, total) }
                }
                if let peak {
                    proxy.peakPinnedPercent = (peak.0 * 10).rounded() / 10
                    if peak.0 > Self.pinnedThresholdPercent {
                        section.findings.append(.init(
                            subject: "proxy \(subject)",
                            found: "\(ReportRenderer.number(peak.2)) of \(ReportRenderer.number(peak.3)) database connections pinned (\(String(format: "%.0f", peak.0)) %) at \(Timestamp.iso(peak.1)), above the article's 50 %",
                            change: "Remove the pinning triggers listed under Pinning (SET, prepared statements, temporary tables, …) or add SessionPinningFilters; alarm on pinned sessions above 50 % of DatabaseConnections (proxylens alarms)."))
                    }
                }
            }
            if let clients = find("ClientConnections"), let maximum = proxy.maxConnections, maximum > 0,
               clients.peak >= Double(maximum) * (1 - Self.clientConnectionsMargin) {
                section.findings.append(.init(
                    subject: "proxy \(subject)",
                    found: "ClientConnections peaked at \(ReportRenderer.number(clients.peak)) at \(Timestamp.iso(clients.peakTs)), within 10 % of MaxDatabaseConnectionsAllowed \(maximum) (or over it)",
                    change: "Client connections approach the pool: limit the functions' reserved concurrency (see below) or raise MaxConnectionsPercent; alarm on ClientConnections near the maximum."))
            }
            if let latency = find("QueryDatabaseResponseLatency"), let clients = find("ClientConnections") {
                let median = latency.values.sorted()[latency.values.count / 2]
                let clientMedian = clients.values.sorted()[clients.values.count / 2]
                let clientsAt = Dictionary(zip(clients.times, clients.values), uniquingKeysWith: max)
                let spikes = zip(latency.times, latency.values).filter { $0.1 >= median * Self.spikeFactor && median > 0 }
                let together = spikes.filter { (clientsAt[$0.0] ?? 0) >= clientMedian * 1.5 }
                if let first = together.first {
                    section.findings.append(.init(
                        subject: "proxy \(subject)",
                        found: "QueryDatabaseResponseLatency spiked to \(ReportRenderer.number(first.1)) µs (median \(ReportRenderer.number(median)) µs) at \(Timestamp.iso(first.0)) while ClientConnections was \(ReportRenderer.number(clientsAt[first.0] ?? 0)) (median \(ReportRenderer.number(clientMedian))); \(together.count) of \(spikes.count) spike periods coincide with high concurrency",
                        change: "Latency follows concurrency: cap the concurrency of the functions on this proxy and alarm on QueryDatabaseResponseLatency."))
                }
            }
            section.proxies.append(proxy)
        }
        let proxyOfFunction = try functionProxies()
        for subject in grouped.keys.sorted() where isProxy[subject] == false {
            let series = chosen(subject)
            func find(_ metric: String) -> Report.MetricSeriesRow? { series.first { $0.metric == metric } }
            section.functions.append(Report.FunctionMetrics(
                function: subject, peakConcurrency: find("ConcurrentExecutions")?.peak,
                throttles: find("Throttles").map { $0.values.reduce(0, +) }, errors: find("Errors").map { $0.values.reduce(0, +) }, series: series))
            // The article's formula: (Max DB connections) / (average connection duration in s) × (target response time in s).
            if let proxy = proxyOfFunction[subject], let maximum = section.proxies.first(where: { $0.proxy == proxy })?.maxConnections,
               let duration = find("Duration"), duration.mean > 0 {
                let seconds = duration.mean / 1000
                let reserved = Int((Double(maximum) / seconds * Self.targetResponseSeconds).rounded(.down))
                section.findings.append(.init(
                    subject: "function \(subject)",
                    found: "mean Duration \(String(format: "%.2f", seconds)) s; \(proxy) allows \(maximum) database connections",
                    change: "Reserved concurrency by the article's formula, \(maximum) / \(String(format: "%.2f", seconds)) s × \(ReportRenderer.number(Self.targetResponseSeconds)) s target response time: \(reserved)."))
            }
        }
        return section
    }

    /// Each function's proxy, when the configuration names exactly one (its environment holds the endpoint).
    func functionProxies() throws -> [String: String] {
        var out: [String: String] = [:]
        let rows = try database.rows("""
            SELECT f.function, p.proxy FROM function_config f JOIN proxy_config p
            ON p.endpoint IS NOT NULL AND instr(lower(coalesce(f.environment, '')), lower(p.endpoint)) > 0
            """)
        var count: [String: Int] = [:]
        for row in rows { count[row[0].string ?? "", default: 0] += 1 }
        for row in rows where count[row[0].string ?? ""] == 1 { out[row[0].string ?? ""] = row[1].string }
        return out
    }
}
