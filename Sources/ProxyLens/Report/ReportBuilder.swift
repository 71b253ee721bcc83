import Foundation

/// Builds a `Report` from a classified database.
public struct ReportBuilder {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Report query `name` with the parameters it names bound (the others ignored).
    func prepare(_ name: String, _ parameters: [String: SQLValue]) throws -> Statement {
        let statement = try database.prepare(try SQLFolder.queries.sql(name))
        for (key, value) in parameters {
            let index = statement.parameterIndex(":" + key)
            if index > 0 { statement.bind(value, at: index) }
        }
        return statement
    }

    func run(_ name: String, _ parameters: [String: SQLValue]) throws -> [[SQLValue]] {
        let statement = try prepare(name, parameters)
        var rows: [[SQLValue]] = []
        while try statement.step() { rows.append((0..<statement.columnCount).map { statement.value($0) }) }
        return rows
    }

    public func build(_ options: ReportOptions) throws -> Report {
        try FailureQuery(database: database).requireClassified()
        let f = options.filter
        let windowMs = Int64(options.windowSeconds) * 1000
        let parameters: [String: SQLValue] = [
            "since": f.since.map(SQLValue.integer) ?? .null, "until": f.until.map(SQLValue.integer) ?? .null,
            "function": f.function.map(SQLValue.text) ?? .null, "window_ms": .integer(windowMs),
        ]
        var invocationWhere = "1 = 1"
        var invocationArgs: [SQLValue] = []
        if let since = f.since { invocationWhere += " AND coalesce(start_ts, end_ts) >= ?"; invocationArgs.append(.integer(since)) }
        if let until = f.until { invocationWhere += " AND coalesce(start_ts, end_ts) < ?"; invocationArgs.append(.integer(until)) }
        if let function = f.function { invocationWhere += " AND function = ?"; invocationArgs.append(.text(function)) }
        // Unfiltered, the per-instance totals deriving keeps give the same three numbers without
        // reading every invocation.
        let totals = invocationArgs.isEmpty
            ? try database.rows("SELECT sum(invocations), min(first_ts), max(last_ts) FROM instance")[0]
            : try database.rows("SELECT count(*), min(coalesce(start_ts, end_ts)), max(end_ts) FROM invocation WHERE \(invocationWhere)", invocationArgs)[0]
        var report = Report(
            database: database.path, inputs: Int(try database.scalar("SELECT count(*) FROM source").int ?? 0),
            firstTs: totals[1].int, lastTs: totals[2].int, invocations: Int(totals[0].int ?? 0), failures: 0,
            windowSeconds: options.windowSeconds)
        report.causes = try run("causes", parameters).map {
            Report.CauseRow(cause: $0[0].string ?? "", failures: Int($0[1].int ?? 0), share: $0[2].double ?? 0, instances: Int($0[3].int ?? 0),
                            first: $0[4].int ?? 0, last: $0[5].int ?? 0, meanConfidence: $0[6].double ?? 0)
        }
        report.failures = report.causes.reduce(0) { $0 + $1.failures }
        var windows: [Int64: [Report.CauseCount]] = [:]
        for row in try run("windows", parameters) {
            windows[row[0].int ?? 0, default: []].append(Report.CauseCount(cause: row[1].string ?? "", failures: Int(row[2].int ?? 0)))
        }
        report.windows = windows.keys.sorted().map { start in
            let causes = Self.ranked(windows[start] ?? [])
            return Report.WindowRow(start: start, end: start + windowMs, failures: causes.reduce(0) { $0 + $1.failures }, causes: causes)
        }
        var instances: [String: (function: String, causes: [Report.CauseCount])] = [:]
        for row in try run("instances", parameters) {
            let instance = row[1].string ?? ""
            instances[instance, default: (row[0].string ?? "", [])].causes.append(Report.CauseCount(cause: row[2].string ?? "", failures: Int(row[3].int ?? 0)))
        }
        report.instances = instances.map { instance, value in
            let causes = Self.ranked(value.causes)
            return Report.InstanceRow(function: value.function, instance: instance, failures: causes.reduce(0) { $0 + $1.failures }, causes: causes)
        }.sorted { ($0.failures, $1.function, $1.instance) > ($1.failures, $0.function, $0.instance) }
        report.chains = try run("chains", parameters).map {
            Report.ChainRow(proxy: $0[0].string ?? "unknown", connectionTimeouts: Int($0[1].int ?? 0), leaks: Int($0[2].int ?? 0),
                            first: $0[3].int ?? 0, last: $0[4].int ?? 0)
        }
        report.pinning = try run("pinning", parameters).map {
            let reason = $0[1].string ?? ""
            return Report.PinRow(proxy: $0[0].string ?? "", reason: reason, digest: $0[2].string, sessions: Int($0[3].int ?? 0),
                                 remedy: Advice.pinningRemedy(reason: reason, digest: $0[2].string))
        }
        try addSeries(to: &report, options, parameters)
        // A proxy's series and findings name no function: with --function, those of the proxies
        // its failures went through (as pinning.sql selects them).
        if let function = f.function {
            let proxies = Set(try database.rows("SELECT DISTINCT proxy FROM failure WHERE function = ? AND proxy IS NOT NULL", [.text(function)])
                .compactMap { $0[0].string })
            report.pressure.removeAll { !proxies.contains($0.proxy) }
            report.series.idleTimeouts.removeAll { !proxies.contains($0.proxy) }
            report.findings = try ConfigurationFindings(database: database).findings(function: function, proxies: proxies)
        } else {
            report.findings = try ConfigurationFindings(database: database).findings()
        }
        try addBreakdowns(to: &report, options, parameters)
        report.recommendations = try report.causes.map { row in
            let (where_, args) = FailureFilter(cause: Cause(rawValue: row.cause), function: f.function, since: f.since, until: f.until).whereClause()
            let evidence = try database.rows("""
                SELECT f.function, f.instance, f.ts, f.message, f.detail FROM failure f WHERE \(where_) ORDER BY f.confidence DESC, f.ts, f.request_id LIMIT 3
                """, args).map { r -> String in
                var text = ErrorText.body(ofAppLine: r[3].string ?? "")
                if text.hasPrefix("[ERROR] ") { text = String(text.dropFirst(8)) }
                text = text.split(separator: "\n").first.map(String.init) ?? ""
                if text == "Lambda timeout", let detail = r[4].string { text += " (\(detail))" }
                return "\(Timestamp.iso(r[2].int ?? 0)) \(r[0].string ?? "") \(r[1].string ?? ""): \(text.count > 220 ? String(text.prefix(219)) + "…" : text)"
            }
            return Report.Recommendation(cause: row.cause, advice: Advice.forCause(row.cause), evidence: evidence)
        }
        report.guessedNames = try GuessedNames(database: database).find()
        report.metrics = try MetricsReport(database: database).build(since: f.since, until: f.until)
        let (clause, args) = FailureFilter(cause: .unclassified, function: f.function, since: f.since, until: f.until).whereClause()
        report.unclassified = try database.rows("""
            SELECT f.fingerprint, count(*), min(f.request_id) FROM failure f WHERE \(clause) GROUP BY f.fingerprint ORDER BY count(*) DESC, f.fingerprint LIMIT ?
            """, args + [.integer(Int64(options.top))]).map {
            Report.FingerprintRow(fingerprint: $0[0].string ?? "", failures: Int($0[1].int ?? 0), example: $0[2].string ?? "")
        }
        return report
    }

    /// AWS's IdleClientTimeout default, for proxies whose configuration was not ingested: "The
    /// default is 1,800 seconds (30 minutes)" (Amazon RDS User Guide, RDS Proxy connection
    /// considerations, https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy-connections.html#rds-proxy-connection-pooling-tuning.idleclienttimeout).
    static let defaultIdleClientTimeoutSeconds = Classifier.defaultIdleClientTimeoutSeconds

    /// The pressure series: bins over the invocations' and the proxy logs' span (within
    /// --since/--until), pressure per bin and proxy, failures per bin, and what was merged.
    func addSeries(to report: inout Report, _ options: ReportOptions, _ parameters: [String: SQLValue]) throws {
        let proxySpan = try run("span", [:])[0]
        let f = options.filter
        let starts = [report.firstTs, proxySpan[0].int].compactMap { $0 }
        let ends = [report.lastTs, proxySpan[1].int].compactMap { $0 }
        guard var first = starts.min(), var last = ends.max() else { return }
        if let since = f.since { first = max(first, since) }
        if let until = f.until { last = min(last, until - 1) }
        guard last >= first else { return }
        let bins = SeriesBins.choose(first: first, last: last, requestedSeconds: options.seriesWindowSeconds)
        var values = parameters
        values["window_ms"] = .integer(bins.widthMs)
        values["first_bin"] = .integer(bins.firstBin)
        values["last_bin"] = .integer(bins.lastBin)
        values["default_idle_ms"] = .integer(Int64(Self.defaultIdleClientTimeoutSeconds) * 1000)
        values["default_idle_s"] = .integer(Int64(Self.defaultIdleClientTimeoutSeconds))
        report.pressure = try pressure(values, bins: bins)
        var failures: [Int64: [Report.CauseCount]] = [:]
        for row in try run("windows", values) {
            failures[row[0].int ?? 0, default: []].append(Report.CauseCount(cause: row[1].string ?? "", failures: Int(row[2].int ?? 0)))
        }
        report.series.bins = bins
        report.series.failures = failures.keys.sorted().filter { $0 >= bins.start && $0 < bins.end }.map { start in
            let causes = Self.ranked(failures[start] ?? [])
            return Report.WindowRow(start: start, end: start + bins.widthMs, failures: causes.reduce(0) { $0 + $1.failures }, causes: causes)
        }
        report.series.idleTimeouts = try run("idle_closes", values).map {
            Report.IdleTimeout(proxy: $0[0].string ?? "", seconds: Int($0[1].int ?? 0), fromConfiguration: ($0[2].int ?? 0) != 0,
                               endedAtTimeout: Int($0[3].int ?? 0), pinnedEndedAtTimeout: Int($0[4].int ?? 0))
        }
        report.series.notes = ["Pressure series: " + bins.note + "."]
        // Bins the proxy logs do not cover count nothing open: said, so that the series' fall to
        // zero where the logs stop is not read as a pool that drained (a new user's audit).
        if !report.pressure.isEmpty, let proxyFirst = proxySpan[0].int, let proxyLast = proxySpan[1].int {
            if bins.end - 1 > proxyLast && (bins.end - 1) / bins.widthMs > proxyLast / bins.widthMs {
                report.series.notes.append("The proxy logs end at \(Timestamp.iso(proxyLast)), before the series does: the bins after it count nothing open, which is not a drained pool (what was open then was not logged).")
            }
            if bins.start < proxyFirst && bins.firstBin < proxyFirst / bins.widthMs {
                report.series.notes.append("The proxy logs begin at \(Timestamp.iso(proxyFirst)), after the series does: the bins before it count nothing open (what was open then was not logged).")
            }
        }
        let ended = report.series.idleTimeouts.filter { $0.endedAtTimeout > 0 }
        if !ended.isEmpty {
            let each = ended.map { timeout in
                "\(timeout.proxy) \(timeout.endedAtTimeout) (\(timeout.pinnedEndedAtTimeout) pinned) at \(timeout.seconds) s"
                    + (timeout.fromConfiguration ? " from its configuration" : ", AWS's default (no describe-db-proxies ingested)")
            }
            report.series.notes.append(
                "Sessions the proxy never logged closing end IdleClientTimeout after the last line it logged of them, as the proxy closes idle clients: "
                    + each.joined(separator: "; ") + ".")
        }
    }

    /// The pressure series: `pressure_intervals.sql`'s intervals and `borrow_timeouts.sql`'s
    /// counts swept into peaks per bin and proxy (see `PressureSweep`).
    func pressure(_ values: [String: SQLValue], bins: SeriesBins) throws -> [Report.PressureRow] {
        var sweep = PressureSweep()
        let intervals = try prepare("pressure_intervals", values)
        while try intervals.step() {
            // The end is set by the query's coalesces; a row without one counts nothing.
            guard let proxy = intervals.text(0), let end = intervals.int(4) else { continue }
            if intervals.text(1) == "db" {
                if let start = intervals.int(2) { sweep.add(proxy: proxy, kind: .db, start: start, end: end) }
                continue
            }
            if let opened = intervals.int(2) { sweep.add(proxy: proxy, kind: .client, start: opened, end: end) }
            if let pinned = intervals.int(3) { sweep.add(proxy: proxy, kind: .pinned, start: pinned, end: end) }
        }
        for row in try run("borrow_timeouts", values) {
            sweep.addBorrowTimeouts(proxy: row[0].string ?? "", bin: row[1].int ?? 0, count: Int(row[2].int ?? 0))
        }
        return sweep.rows(bins)
    }

    /// Failures by function and by proxy, and the failures of the instances a report lists.
    func addBreakdowns(to report: inout Report, _ options: ReportOptions, _ parameters: [String: SQLValue]) throws {
        var functions: [String: (invocations: Int, causes: [Report.CauseCount])] = [:]
        for row in try run("functions", parameters) {
            let function = row[0].string ?? "", n = Int(row[2].int ?? 0)
            if let cause = row[1].string {
                functions[function, default: (0, [])].causes.append(Report.CauseCount(cause: cause, failures: n))
            } else {
                functions[function, default: (0, [])].invocations = n
            }
        }
        report.functions = functions.map { function, value in
            let causes = Self.ranked(value.causes)
            return Report.FunctionRow(function: function, invocations: value.invocations, failures: causes.reduce(0) { $0 + $1.failures }, causes: causes)
        }.sorted { ($0.failures, $1.function) > ($1.failures, $0.function) }
        var proxies: [String: [Report.CauseCount]] = [:]
        for row in try run("proxies", parameters) {
            proxies[row[0].string ?? "", default: []].append(Report.CauseCount(cause: row[1].string ?? "", failures: Int(row[2].int ?? 0)))
        }
        report.proxies = proxies.map { proxy, causes in
            let ranked = Self.ranked(causes)
            return Report.ProxyRow(proxy: proxy, failures: ranked.reduce(0) { $0 + $1.failures }, causes: ranked)
        }.sorted { ($0.failures, $1.proxy) > ($1.failures, $0.proxy) }
        let listed = report.instances.prefix(options.top).map(\.instance)
        var values = parameters
        values["instances"] = .text(String(decoding: try JSONEncoder().encode(Array(listed)), as: UTF8.self))
        report.instanceFailures = try run("instance_failures", values).map {
            Report.FailureLine(instance: $0[0].string ?? "", requestId: $0[1].string ?? "", ts: $0[2].int ?? 0, cause: $0[3].string ?? "",
                               confidence: $0[4].double ?? 0, error: Self.firstLine(ofError: $0[5].string ?? ""))
        }
    }

    /// The first line of an error text as the reader knows it: the log prefix and level dropped.
    static func firstLine(ofError message: String) -> String {
        var text = ErrorText.body(ofAppLine: message)
        if text.hasPrefix("[ERROR] ") { text = String(text.dropFirst(8)) }
        text = text.split(separator: "\n").first.map(String.init) ?? ""
        return text.count > 220 ? String(text.prefix(219)) + "…" : text
    }

    /// Most failures first; ties in the canonical cause order.
    static func ranked(_ counts: [Report.CauseCount]) -> [Report.CauseCount] {
        counts.sorted { a, b in
            if a.failures != b.failures { return a.failures > b.failures }
            return (Cause(rawValue: a.cause)?.rank ?? 9) < (Cause(rawValue: b.cause)?.rank ?? 9)
        }
    }
}
