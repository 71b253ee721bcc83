import Foundation

/// Stable JSON (`"schema": "proxylens.report/1"`), documented in README. The document is the
/// `Document` type below: its fields, in order, are the schema, so the documentation and the
/// code cannot drift apart.
struct JSONRenderer: ReportRendering {
    let name = "json"
    let summary = "Stable, documented JSON (schema proxylens.report/1)."

    func render(_ report: Report, _ options: RenderOptions) -> String {
        ReportRenderer.json(report, options)
    }

    /// ISO-8601 UTC with milliseconds, or null.
    struct Time: Encodable {
        var ms: Int64?
        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            if let ms { try container.encode(Timestamp.iso(ms)) } else { try container.encodeNil() }
        }
    }

    struct CauseCount: Encodable { var cause: String; var failures: Int }
    struct CauseRow: Encodable {
        var cause: String, failures: Int, share: Double, instances: Int, first: Time, last: Time, mean_confidence: Double
    }
    struct WindowRow: Encodable { var start: Time, end: Time, failures: Int, causes: [CauseCount] }
    struct InstanceRow: Encodable { var function: String, instance: String, failures: Int, causes: [CauseCount] }
    struct ChainRow: Encodable { var proxy: String, connection_timeouts: Int, leaks: Int, first: Time, last: Time }
    struct PinRow: Encodable {
        var proxy: String, reason: String, digest: String?, sessions: Int, remedy: String
        enum CodingKeys: CodingKey { case proxy, reason, digest, sessions, remedy }
        /// `digest` is always present, null when the proxy gave none.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(proxy, forKey: .proxy)
            try container.encode(reason, forKey: .reason)
            try container.encode(digest, forKey: .digest)
            try container.encode(sessions, forKey: .sessions)
            try container.encode(remedy, forKey: .remedy)
        }
    }
    struct PressureRow: Encodable {
        var start: Time, end: Time, proxy: String, client_sessions: Int, pinned_sessions: Int, db_connections: Int, borrow_timeouts: Int
    }
    struct IdleTimeout: Encodable { var proxy: String, seconds: Int, source: String, ended_at_timeout: Int, pinned_ended_at_timeout: Int }
    /// The bins `pressure[]` is counted in, failures per bin, and what was merged or assumed.
    struct Series: Encodable {
        var window_seconds: Int?, automatic: Bool, start: Time, end: Time, bins: Int
        var failures: [WindowRow], idle_client_timeouts: [IdleTimeout], notes: [String]
        enum CodingKeys: CodingKey { case window_seconds, automatic, start, end, bins, failures, idle_client_timeouts, notes }
        /// Every key always present: `window_seconds`, `start` and `end` null when there is no time at all.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(window_seconds, forKey: .window_seconds)
            try container.encode(automatic, forKey: .automatic)
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)
            try container.encode(bins, forKey: .bins)
            try container.encode(failures, forKey: .failures)
            try container.encode(idle_client_timeouts, forKey: .idle_client_timeouts)
            try container.encode(notes, forKey: .notes)
        }
    }
    struct Finding: Encodable { var subject: String, found: String, change: String }
    struct Recommendation: Encodable { var cause: String, advice: String, evidence: [String] }
    struct FingerprintRow: Encodable { var fingerprint: String, failures: Int, example: String }
    /// A name taken from file paths; `set_with` is the option that names it instead.
    struct GuessedName: Encodable { var kind: String, name: String, log_group: String, paths: [String], set_with: String }
    struct Threshold: Encodable { var cause: String, limit: Int, failures: Int, crossed: Bool }
    /// One metric series: its peak and every period's value (`times[i]` goes with `values[i]`).
    struct MetricSeries: Encodable {
        var metric: String, stat: String, unit: String, period_seconds: Int, peak: Double, peak_time: Time, mean: Double
        var times: [Time], values: [Double]
        init(_ row: Report.MetricSeriesRow) {
            metric = row.metric; stat = row.stat; unit = row.unit; period_seconds = row.periodSeconds
            peak = row.peak; peak_time = Time(ms: row.peakTs); mean = (row.mean * 1000).rounded() / 1000
            times = row.times.map { Time(ms: $0) }; values = row.values
        }
    }
    /// Absent keys: no such metric was ingested.
    struct ProxyMetrics: Encodable {
        var proxy: String, max_connections: Int?, peak_client_connections: Double?, peak_pinned_percent: Double?
        var peak_borrow_latency_us: Double?, series: [MetricSeries]
    }
    struct FunctionMetrics: Encodable { var function: String, peak_concurrency: Double?, throttles: Double?, errors: Double?, series: [MetricSeries] }
    struct Metrics: Encodable {
        var proxies: [ProxyMetrics], functions: [FunctionMetrics], findings: [Finding]
        init(_ section: Report.MetricsSection) {
            proxies = section.proxies.map {
                ProxyMetrics(proxy: $0.proxy, max_connections: $0.maxConnections, peak_client_connections: $0.peakClientConnections,
                             peak_pinned_percent: $0.peakPinnedPercent, peak_borrow_latency_us: $0.peakBorrowLatencyUs,
                             series: $0.series.map(MetricSeries.init))
            }
            functions = section.functions.map {
                FunctionMetrics(function: $0.function, peak_concurrency: $0.peakConcurrency, throttles: $0.throttles, errors: $0.errors,
                                series: $0.series.map(MetricSeries.init))
            }
            findings = section.findings.map { Finding(subject: $0.subject, found: $0.found, change: $0.change) }
        }
    }

    /// The whole document, each top-level field on a line of its own.
    struct Document {
        var schema = "proxylens.report/1"
        var version: String
        var generated_at: Time
        var database: String
        var inputs: Int
        var guessed_names: [GuessedName]
        var first: Time, last: Time
        var invocations: Int, failures: Int, failure_rate: Double
        var window_seconds: Int
        var causes: [CauseRow]
        var windows: [WindowRow]
        var instances: [InstanceRow]
        var chains: [ChainRow]
        var pinning: [PinRow]
        var pressure: [PressureRow]
        var series: Series
        var findings: [Finding]
        var recommendations: [Recommendation]
        var unclassified: [FingerprintRow]
        var thresholds: [Threshold]
        /// Present only when metrics were ingested.
        var metrics: Metrics?

        init(_ report: Report, _ options: RenderOptions) {
            let thresholds = options.thresholds
            version = options.version
            generated_at = Time(ms: options.generatedAt)
            func counts(_ causes: [Report.CauseCount]) -> [CauseCount] { causes.map { CauseCount(cause: $0.cause, failures: $0.failures) } }
            database = report.database
            inputs = report.inputs
            guessed_names = report.guessedNames.map {
                GuessedName(kind: $0.kind, name: $0.name, log_group: $0.logGroup, paths: $0.paths, set_with: $0.setWith)
            }
            first = Time(ms: report.firstTs)
            last = Time(ms: report.lastTs)
            invocations = report.invocations
            failures = report.failures
            // Five decimals, as the documented examples show.
            failure_rate = (report.failureRate * 100_000).rounded() / 100_000
            window_seconds = report.windowSeconds
            causes = report.causes.map {
                CauseRow(cause: $0.cause, failures: $0.failures, share: $0.share, instances: $0.instances, first: Time(ms: $0.first),
                         last: Time(ms: $0.last), mean_confidence: $0.meanConfidence)
            }
            windows = report.windows.map { WindowRow(start: Time(ms: $0.start), end: Time(ms: $0.end), failures: $0.failures, causes: counts($0.causes)) }
            instances = report.instances.map { InstanceRow(function: $0.function, instance: $0.instance, failures: $0.failures, causes: counts($0.causes)) }
            chains = report.chains.map {
                ChainRow(proxy: $0.proxy, connection_timeouts: $0.connectionTimeouts, leaks: $0.leaks, first: Time(ms: $0.first), last: Time(ms: $0.last))
            }
            pinning = report.pinning.map { PinRow(proxy: $0.proxy, reason: $0.reason, digest: $0.digest, sessions: $0.sessions, remedy: $0.remedy) }
            pressure = report.pressure.map {
                PressureRow(start: Time(ms: $0.start), end: Time(ms: $0.end), proxy: $0.proxy, client_sessions: $0.clientSessions,
                            pinned_sessions: $0.pinnedSessions, db_connections: $0.dbConnections, borrow_timeouts: $0.borrowTimeouts)
            }
            let bins = report.series.bins
            series = Series(
                window_seconds: bins.map { Int($0.widthMs / 1000) }, automatic: bins?.automatic ?? true,
                start: Time(ms: bins?.start), end: Time(ms: bins?.end), bins: bins?.count ?? 0,
                failures: report.series.failures.map { WindowRow(start: Time(ms: $0.start), end: Time(ms: $0.end), failures: $0.failures, causes: counts($0.causes)) },
                idle_client_timeouts: report.series.idleTimeouts.map {
                    IdleTimeout(proxy: $0.proxy, seconds: $0.seconds, source: $0.fromConfiguration ? "configuration" : "aws-default",
                                ended_at_timeout: $0.endedAtTimeout, pinned_ended_at_timeout: $0.pinnedEndedAtTimeout)
                },
                notes: report.series.notes)
            findings = report.findings.map { Finding(subject: $0.subject, found: $0.found, change: $0.change) }
            recommendations = report.recommendations.map { Recommendation(cause: $0.cause, advice: $0.advice, evidence: $0.evidence) }
            unclassified = report.unclassified.map { FingerprintRow(fingerprint: $0.fingerprint, failures: $0.failures, example: $0.example) }
            metrics = report.metrics.map(Metrics.init)
            self.thresholds = thresholds.map {
                Threshold(cause: $0.cause.rawValue, limit: $0.limit, failures: report.count(of: $0.cause.rawValue), crossed: $0.crossed(by: report))
            }
        }

        /// (key, value) in schema order.
        var fields: [(String, any Encodable)] {
            [("schema", schema), ("version", version), ("generated_at", generated_at), ("database", database), ("inputs", inputs), ("guessed_names", guessed_names), ("first", first), ("last", last),
             ("invocations", invocations), ("failures", failures), ("failure_rate", failure_rate), ("window_seconds", window_seconds),
             ("causes", causes), ("windows", windows), ("instances", instances), ("chains", chains), ("pinning", pinning),
             ("pressure", pressure), ("series", series), ("findings", findings), ("recommendations", recommendations), ("unclassified", unclassified),
             ("thresholds", thresholds)] + (metrics.map { [("metrics", $0 as any Encodable)] } ?? [])
        }
    }
}

extension ReportRenderer {
    /// Encodes each top-level field with `JSONEncoder` (one line each, so diffs stay readable).
    public static func json(_ report: Report, thresholds: [FailThreshold] = []) -> String {
        json(report, RenderOptions(thresholds: thresholds))
    }

    static func json(_ report: Report, _ options: RenderOptions) -> String {
        let encoder = JSONEncoder()
        // Sorted: Foundation on Linux does not keep declaration order, and output must be stable.
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        let document = JSONRenderer.Document(report, options)
        let lines = document.fields.map { key, value -> String in
            let encoded = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
            return "\"\(key)\":" + encoded
        }
        return "{" + lines.joined(separator: ",\n") + "}\n"
    }
}
