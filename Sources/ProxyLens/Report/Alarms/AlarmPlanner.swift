import Foundation

/// Decides the CloudWatch alarms an incident calls for, per proxy and per function, with the
/// seed article's conditions (session pinning above 50 % of database connections, client
/// connections approaching the maximum, latency spikes) and thresholds from the ingested
/// configuration, the ingested metrics, or AWS's defaults where neither says; every alarm's
/// description says which.
public struct AlarmPlanner {
    let database: Database

    public init(database: Database) { self.database = database }

    /// The article's threshold for pinned sessions, in % of DatabaseConnections.
    static let pinnedPercent = MetricsReport.pinnedThresholdPercent
    /// Client connections within 10 % of MaxDatabaseConnectionsAllowed (the report's finding).
    static let clientPercent = 100 * (1 - MetricsReport.clientConnectionsMargin)
    /// A borrow that waits this share of the time it may wait means the pool is exhausted.
    static let borrowShare = 0.10
    /// A query taking this share of the shortest Lambda timeout, when no metrics give a median.
    static let queryShare = 0.10
    /// Lambda's default function timeout (get-function-configuration `Timeout`), in seconds.
    static let defaultLambdaTimeoutSeconds = 3
    /// ConcurrentExecutions at this share of the reserved concurrency.
    static let concurrencyShare = 0.90
    /// CloudWatch's standard resolution for these metrics (they are published each minute).
    static let period = 60

    public func plan(_ options: AlarmOptions) throws -> AlarmPlan {
        let proxies = try names("""
            SELECT proxy FROM proxy_config UNION SELECT proxy FROM proxy_target_group UNION SELECT proxy FROM proxy_session
            UNION SELECT json_extract(dimensions, '$.ProxyName') FROM metric_point WHERE namespace = 'AWS/RDS'
            """)
        let functions = try names("""
            SELECT function FROM function_config UNION SELECT function FROM instance
            UNION SELECT json_extract(dimensions, '$.FunctionName') FROM metric_point WHERE namespace = 'AWS/Lambda'
            """)
        guard !proxies.isEmpty || !functions.isEmpty else {
            throw ProxyLensError(.input, database.path, "no RDS Proxy or Lambda function to alarm on: \(try whatExists()); ingest "
                + "describe-db-proxies / get-function-configuration output, or the /aws/rds/proxy/… and /aws/lambda/… log groups")
        }
        let chosenProxies = try choose(options.proxies, from: proxies, option: "--proxy", noun: "proxy")
        let chosenFunctions = try choose(options.functions, from: functions, option: "--function", noun: "function")
        // With only one of the two filters given, only that kind is written.
        let (writeProxies, writeFunctions) = options.proxies.isEmpty == options.functions.isEmpty
            ? (chosenProxies, chosenFunctions) : (options.proxies.isEmpty ? [] : chosenProxies, options.functions.isEmpty ? [] : chosenFunctions)

        let configuration = try Configuration(database: database)
        let metrics = try MetricsReport(database: database).build(since: nil, until: nil)
        var notes: [String] = []
        notes.append("Conditions from RDS Proxy best practices for Lambda: session pinning above \(TemplateValue.number(Self.pinnedPercent)) % of database connections, "
            + "client connections approaching the maximum, latency spikes that follow concurrency; and Lambda throttles.")
        if metrics == nil {
            notes.append("No CloudWatch metrics were ingested: thresholds come from the configuration and AWS's defaults (ConnectionBorrowTimeout \(Classifier.defaultBorrowTimeoutSeconds) s, "
                + "Lambda timeout \(Self.defaultLambdaTimeoutSeconds) s) where it says nothing; ingest get-metric-data output to base them on observed values too.")
        } else {
            notes.append("Observed values are from the ingested CloudWatch metrics (peaks and medians over the whole incident).")
        }
        for proxy in writeProxies where configuration.targetGroups[proxy] == nil {
            notes.append("proxy \(proxy): no describe-db-proxy-target-groups output ingested; AWS defaults used (ConnectionBorrowTimeout \(Classifier.defaultBorrowTimeoutSeconds) s).")
        }
        for function in writeFunctions where configuration.timeouts[function] == nil {
            notes.append("function \(function): no get-function-configuration output ingested; Lambda's default timeout (\(Self.defaultLambdaTimeoutSeconds) s) assumed.")
        }
        if writeProxies.isEmpty { notes.append("No RDS Proxy selected or found: no proxy alarms.") }
        if writeFunctions.isEmpty { notes.append("No Lambda function selected or found: no function alarms.") }

        var alarms: [Alarm] = []
        for proxy in writeProxies {
            let observed = metrics?.proxies.first { $0.proxy == proxy }
            alarms += proxyAlarms(proxy, configuration, observed)
        }
        for function in writeFunctions {
            let observed = metrics?.functions.first { $0.function == function }
            alarms += functionAlarms(function, configuration, observed, &notes)
        }
        return AlarmPlan(database: database.path, proxies: writeProxies, functions: writeFunctions, alarms: Self.uniqueIdentifiers(alarms),
                         notes: notes, snsTopicArn: options.snsTopicArn)
    }

    // MARK: - Proxies

    private func proxyAlarms(_ proxy: String, _ configuration: Configuration, _ observed: Report.ProxyMetrics?) -> [Alarm] {
        let dimensions = [(name: "ProxyName", value: proxy)]
        func metric(_ id: String, _ name: String, _ stat: String) -> AlarmMetric {
            AlarmMetric(id: id, namespace: KnownMetric.rdsNamespace, metricName: name, dimensions: dimensions, periodSeconds: Self.period, stat: stat)
        }
        func series(_ name: String) -> Report.MetricSeriesRow? { observed?.series.first { $0.metric == name } }
        var out: [Alarm] = []

        // Session pinning: pinned sessions as a share of database connections (metric math).
        var pinning = "Session pinning above \(TemplateValue.number(Self.pinnedPercent)) % of database connections (RDS Proxy best practice for Lambda) in 3 of 5 minutes: "
            + "100 * DatabaseConnectionsCurrentlySessionPinned / DatabaseConnections (Sum, ProxyName=\(proxy)). Pinned connections cannot be shared, so the pool runs out."
        if let peak = observed?.peakPinnedPercent {
            pinning += " Ingested metrics: peaked at \(Self.format(peak)) %."
        } else {
            pinning += " No pinning metrics ingested for this proxy."
        }
        out.append(Alarm(
            subject: "proxy \(proxy)", kind: "session-pinning", description: pinning,
            metrics: [metric("pinned", "DatabaseConnectionsCurrentlySessionPinned", "Sum"), metric("connections", "DatabaseConnections", "Sum")],
            expression: AlarmExpression(id: "pinnedPercent", expression: "IF(connections > 0, 100 * pinned / connections, 0)", label: "Pinned % of DatabaseConnections"),
            comparison: "GreaterThanThreshold", threshold: Self.pinnedPercent, evaluationPeriods: 5, datapointsToAlarm: 3, treatMissingData: "notBreaching"))

        // Client connections near the most database connections the proxy may open.
        let group = configuration.targetGroups[proxy]
        let engine = configuration.engines[proxy] ?? ""
        let percent = group?.maxConnectionsPercent
        var clients = "ClientConnections at or above \(TemplateValue.number(Self.clientPercent)) % of MaxDatabaseConnectionsAllowed (Sum, ProxyName=\(proxy)) in 3 of 5 minutes: "
            + "client connections approach the pool the proxy may open, "
        if let percent {
            clients += "MaxConnectionsPercent \(percent) % of the database's max_connections (describe-db-proxy-target-groups)."
        } else {
            clients += "MaxConnectionsPercent \(engine == "SQLSERVER" ? 10 : 100) % of max_connections (AWS's default for \(engine == "SQLSERVER" ? "SQL Server" : "the engine"); no target group ingested)."
        }
        if let maximum = observed?.maxConnections {
            clients += " Ingested metrics: MaxDatabaseConnectionsAllowed \(maximum), so this fires at \(Self.format(Double(maximum) * Self.clientPercent / 100)) client connections"
            if let peak = observed?.peakClientConnections { clients += "; ClientConnections peaked at \(Self.format(peak))" }
            clients += "."
        }
        out.append(Alarm(
            subject: "proxy \(proxy)", kind: "client-connections", description: clients,
            metrics: [metric("clients", "ClientConnections", "Sum"), metric("maxAllowed", "MaxDatabaseConnectionsAllowed", "Sum")],
            expression: AlarmExpression(id: "clientPercent", expression: "IF(maxAllowed > 0, 100 * clients / maxAllowed, 0)", label: "ClientConnections % of MaxDatabaseConnectionsAllowed"),
            comparison: "GreaterThanOrEqualToThreshold", threshold: Self.clientPercent, evaluationPeriods: 5, datapointsToAlarm: 3, treatMissingData: "notBreaching"))

        // Borrow latency: a share of the time a borrow may wait before it fails (the borrow
        // timeout, or sooner the shortest Lambda timeout of the functions on this proxy).
        let borrow = group?.borrowTimeoutSeconds
        let users = configuration.functionsOn(proxy)
        let shortest = users.min { $0.timeout < $1.timeout }
        var wait = Double(borrow ?? Classifier.defaultBorrowTimeoutSeconds)
        var waitSource = borrow.map { "ConnectionBorrowTimeout \($0) s (describe-db-proxy-target-groups)" }
            ?? "ConnectionBorrowTimeout \(Classifier.defaultBorrowTimeoutSeconds) s (AWS's default; no target group ingested)"
        if let shortest, Double(shortest.timeout) < wait {
            wait = Double(shortest.timeout)
            waitSource = "the Lambda timeout of \(shortest.name), \(shortest.timeout) s, which ends the wait before \(waitSource) does"
        }
        let borrowThreshold = (wait * Self.borrowShare * 1_000_000).rounded()
        var borrowText = "DatabaseConnectionsBorrowLatency (Average, microseconds, ProxyName=\(proxy)) above \(TemplateValue.number(borrowThreshold)) in 2 of 3 minutes: "
            + "\(TemplateValue.number(Self.borrowShare * 100)) % of the time a borrow may wait, \(waitSource). Borrows wait only when every database connection is in use."
        if let series = series("DatabaseConnectionsBorrowLatency") {
            borrowText += " Ingested metrics: median \(Self.format(Self.median(series.values))), peak \(Self.format(series.peak)) at \(Timestamp.iso(series.peakTs))."
        }
        out.append(Alarm(
            subject: "proxy \(proxy)", kind: "borrow-latency", description: borrowText,
            metrics: [metric("borrowLatency", "DatabaseConnectionsBorrowLatency", "Average")], expression: nil,
            comparison: "GreaterThanThreshold", threshold: borrowThreshold, evaluationPeriods: 3, datapointsToAlarm: 2, treatMissingData: "notBreaching"))

        // Query latency: a spike over the median the metrics show, else a share of the Lambda timeout.
        var queryThreshold: Double
        var queryText: String
        if let series = series("QueryDatabaseResponseLatency"), Self.median(series.values) > 0 {
            let median = Self.median(series.values)
            queryThreshold = (median * MetricsReport.spikeFactor).rounded()
            queryText = "\(TemplateValue.number(MetricsReport.spikeFactor)) times its median in the ingested metrics (\(Self.format(median))); it peaked at \(Self.format(series.peak)) at \(Timestamp.iso(series.peakTs))."
        } else {
            let timeout = shortest?.timeout ?? Self.defaultLambdaTimeoutSeconds
            queryThreshold = (Double(timeout) * Self.queryShare * 1_000_000).rounded()
            queryText = "\(TemplateValue.number(Self.queryShare * 100)) % of "
                + (shortest.map { "the Lambda timeout of \($0.name) (\($0.timeout) s), the shortest of the functions on this proxy" }
                    ?? "Lambda's default timeout (\(Self.defaultLambdaTimeoutSeconds) s; no function found to use this proxy)")
                + ", as no QueryDatabaseResponseLatency metrics were ingested."
        }
        out.append(Alarm(
            subject: "proxy \(proxy)", kind: "query-latency",
            description: "QueryDatabaseResponseLatency (Average, microseconds, ProxyName=\(proxy)) above \(TemplateValue.number(queryThreshold)) in 3 of 5 minutes, "
                + "a latency spike (spikes that follow concurrency: see the client-connections alarm): " + queryText,
            metrics: [metric("queryLatency", "QueryDatabaseResponseLatency", "Average")], expression: nil,
            comparison: "GreaterThanThreshold", threshold: queryThreshold, evaluationPeriods: 5, datapointsToAlarm: 3, treatMissingData: "notBreaching"))
        return out
    }

    // MARK: - Functions

    private func functionAlarms(_ function: String, _ configuration: Configuration, _ observed: Report.FunctionMetrics?, _ notes: inout [String]) -> [Alarm] {
        func metric(_ name: String, _ stat: String) -> AlarmMetric {
            AlarmMetric(id: "m1", namespace: KnownMetric.lambdaNamespace, metricName: name, dimensions: [(name: "FunctionName", value: function)],
                        periodSeconds: Self.period, stat: stat)
        }
        let reserved = configuration.reserved[function]
        var throttles = "Throttles (Sum, FunctionName=\(function)) above 0 in a minute: invocations were refused for want of concurrency, "
        if let reserved {
            throttles += "its reserved concurrency \(reserved) (get-function-concurrency)."
        } else {
            throttles += "the account's unreserved concurrency (no reserved concurrency ingested)."
        }
        if let total = observed?.throttles { throttles += " Ingested metrics: \(Self.format(total)) throttles in all." }
        var out = [Alarm(
            subject: "function \(function)", kind: "throttles", description: throttles, metrics: [metric("Throttles", "Sum")], expression: nil,
            comparison: "GreaterThanThreshold", threshold: 0, evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: "notBreaching")]
        if let reserved, reserved > 0 {
            let threshold = max(1, (Double(reserved) * Self.concurrencyShare).rounded(.up))
            var text = "ConcurrentExecutions (Maximum, FunctionName=\(function)) at or above \(TemplateValue.number(threshold)) in 3 of 5 minutes: "
                + "\(TemplateValue.number(Self.concurrencyShare * 100)) % of its reserved concurrency \(reserved) (get-function-concurrency); throttles follow at \(reserved)."
            if let peak = observed?.peakConcurrency { text += " Ingested metrics: peaked at \(Self.format(peak))." }
            out.append(Alarm(
                subject: "function \(function)", kind: "concurrency", description: text, metrics: [metric("ConcurrentExecutions", "Maximum")], expression: nil,
                comparison: "GreaterThanOrEqualToThreshold", threshold: threshold, evaluationPeriods: 5, datapointsToAlarm: 3, treatMissingData: "notBreaching"))
        } else if reserved == 0 {
            notes.append("function \(function): reserved concurrency 0 (the function is switched off): no concurrency alarm.")
        }
        return out
    }

    // MARK: - Reading the database

    /// The ingested configuration the thresholds use.
    private struct Configuration {
        struct Group { var maxConnectionsPercent: Int?; var borrowTimeoutSeconds: Int? }
        var targetGroups: [String: Group] = [:]
        var engines: [String: String] = [:]
        var timeouts: [String: Int] = [:]
        var reserved: [String: Int] = [:]
        var proxyOfFunction: [String: String] = [:]

        init(database: Database) throws {
            // The default target group (the one a proxy's default endpoint uses) first.
            for row in try database.rows("""
                SELECT proxy, max_connections_percent, connection_borrow_timeout_s FROM proxy_target_group
                ORDER BY proxy, coalesce(is_default, 0) DESC, target_group = 'default' DESC, target_group
                """) {
                guard let proxy = row[0].string, targetGroups[proxy] == nil else { continue }
                targetGroups[proxy] = Group(maxConnectionsPercent: row[1].int.map(Int.init), borrowTimeoutSeconds: row[2].int.map(Int.init))
            }
            for row in try database.rows("SELECT proxy, upper(coalesce(engine_family, '')) FROM proxy_config") {
                engines[row[0].string ?? ""] = row[1].string
            }
            for row in try database.rows("SELECT function, timeout_s, reserved_concurrency FROM function_config") {
                let name = row[0].string ?? ""
                if let timeout = row[1].int { timeouts[name] = Int(timeout) }
                if let reserved = row[2].int { self.reserved[name] = Int(reserved) }
            }
            proxyOfFunction = try MetricsReport(database: database).functionProxies()
        }

        /// The functions whose environment names this proxy's endpoint, with their timeouts.
        func functionsOn(_ proxy: String) -> [(name: String, timeout: Int)] {
            proxyOfFunction.filter { $0.value == proxy }.keys.sorted().map { ($0, timeouts[$0] ?? AlarmPlanner.defaultLambdaTimeoutSeconds) }
        }
    }

    private func names(_ sql: String) throws -> [String] {
        Set(try database.rows(sql).compactMap { $0[0].string }.filter { !$0.isEmpty }).sorted()
    }

    private func choose(_ wanted: [String], from existing: [String], option: String, noun: String) throws -> [String] {
        guard !wanted.isEmpty else { return existing }
        for name in wanted where !existing.contains(name) {
            let known = existing.isEmpty ? "it holds none" : "it holds \(existing.count == 1 ? noun : noun + (noun.hasSuffix("y") ? "" : "s")) \(existing.joined(separator: ", "))"
            throw ProxyLensError(.usage, option, "no \(noun) named '\(name)' in \(database.path): \(known)")
        }
        return existing.filter { wanted.contains($0) }
    }

    /// What the database holds, for the message that says there is nothing to alarm on.
    private func whatExists() throws -> String {
        let sources = try database.scalar("SELECT count(*) FROM source").int ?? 0
        if sources == 0 { return "it holds no ingested files" }
        let events = try database.scalar("SELECT count(*) FROM event").int ?? 0
        let groups = try database.rows("SELECT DISTINCT log_group FROM source WHERE log_group IS NOT NULL ORDER BY 1 LIMIT 6").compactMap { $0[0].string }
        let points = try database.scalar("SELECT count(*) FROM metric_point").int ?? 0
        var text = "it holds \(sources) ingested file\(sources == 1 ? "" : "s") with \(events) event\(events == 1 ? "" : "s")"
        if !groups.isEmpty { text += " (log groups \(groups.prefix(5).joined(separator: ", "))\(groups.count > 5 ? ", …" : ""))" }
        if points > 0 { text += " and \(points) metric points of other namespaces or dimensions" }
        return text + ", but no proxy or function"
    }

    // MARK: - Names

    /// Fills in names, logical ids and resource names, unique however the proxies and functions are spelled.
    static func uniqueIdentifiers(_ alarms: [Alarm]) -> [Alarm] {
        var logical: Set<String> = [], resources: Set<String> = []
        return alarms.map { alarm in
            var alarm = alarm
            let subject = String(alarm.subject.split(separator: " ", maxSplits: 1).last ?? "")
            alarm.name = String("proxylens-\(subject)-\(alarm.kind)".prefix(255))
            let words = (subject + " " + alarm.kind).split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
            var id = String(words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined().prefix(240))
            if id.isEmpty || id.first?.isNumber == true { id = "Alarm" + id }
            var resource = words.map { $0.lowercased() }.joined(separator: "_")
            if resource.isEmpty || resource.first?.isNumber == true { resource = "alarm_" + resource }
            var n = 2, base = id
            while logical.contains(id) { id = base + String(n); n += 1 }
            n = 2; base = resource
            while resources.contains(resource) { resource = base + "_" + String(n); n += 1 }
            logical.insert(id)
            resources.insert(resource)
            alarm.logicalId = id
            alarm.resourceName = resource
            alarm.description = String(alarm.description.prefix(1024))
            return alarm
        }
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        return values.sorted()[values.count / 2]
    }

    /// A value as the descriptions show it: whole numbers plain, else two decimals at most.
    static func format(_ value: Double) -> String {
        value == value.rounded() ? TemplateValue.number(value) : String(format: "%.2f", value).replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
    }
}

extension Alarm {
    /// An alarm before `AlarmPlanner.uniqueIdentifiers` names it.
    init(subject: String, kind: String, description: String, metrics: [AlarmMetric], expression: AlarmExpression?, comparison: String,
         threshold: Double, evaluationPeriods: Int, datapointsToAlarm: Int, treatMissingData: String) {
        self.init(subject: subject, kind: kind, name: "", logicalId: "", resourceName: "", description: description, metrics: metrics,
                  expression: expression, comparison: comparison, threshold: threshold, evaluationPeriods: evaluationPeriods,
                  datapointsToAlarm: datapointsToAlarm, treatMissingData: treatMissingData)
    }
}
