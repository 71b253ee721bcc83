import Foundation

/// What identifies one CloudWatch metric series: namespace, metric name, dimensions, statistic,
/// period and unit (the `metric_point` columns besides time, value and source).
public struct MetricSeries: Hashable, Sendable {
    public var namespace: String
    public var metric: String
    public var dimensions: [String: String]
    public var stat: String
    public var periodSeconds: Int
    /// CloudWatch's unit name (`Count`, `Microseconds`, …); `None` when the export names none.
    public var unit: String

    public init(namespace: String, metric: String, dimensions: [String: String], stat: String, periodSeconds: Int, unit: String) {
        self.namespace = namespace
        self.metric = metric
        self.dimensions = dimensions
        self.stat = stat
        self.periodSeconds = periodSeconds
        self.unit = unit
    }

    /// The dimensions as canonical JSON: keys sorted, no white space (`{"ProxyName":"p"}`).
    public var dimensionsJSON: String { Self.canonicalJSON(dimensions) }

    public static func canonicalJSON(_ dimensions: [String: String]) -> String {
        let fields = dimensions.keys.sorted().map { key in JSONQuoting.quoted(key) + ":" + JSONQuoting.quoted(dimensions[key] ?? "") }
        return "{" + fields.joined(separator: ",") + "}"
    }
}

/// One value of a series at one time (epoch milliseconds UTC, the period's start).
public struct MetricPoint: Hashable, Sendable {
    public var ts: Int64
    public var value: Double
    public init(ts: Int64, value: Double) {
        self.ts = ts
        self.value = value
    }
}

/// What a metric export holds for one series: its points, and either what the series is or, for
/// a `get-metric-data` result whose queries file is elsewhere, the query `Id` and `Label` to
/// resolve it by later.
public struct MetricResult: Sendable {
    public var series: MetricSeries?
    /// `Id` of the `get-metric-data` query (nil for the other exports).
    public var queryId: String?
    public var label: String
    public var points: [MetricPoint]
    /// 1-based line of the result in its file.
    public var line: Int?
    /// What the label names (`KnownMetric.series(fromLabel:)`), used for a get-metric-data
    /// result when no queries file names its Id.
    public var labelSeries: MetricSeries?

    public init(series: MetricSeries?, queryId: String?, label: String, points: [MetricPoint], line: Int? = nil, labelSeries: MetricSeries? = nil) {
        self.series = series
        self.labelSeries = labelSeries
        self.queryId = queryId
        self.label = label
        self.points = points
        self.line = line
    }
}

/// One entry of a `--metric-data-queries` file: a metric (`MetricStat`) or an expression.
public struct MetricQuery: Sendable, Equatable {
    public var id: String
    /// The metric a `MetricStat` query reads (nil for an expression).
    public var series: MetricSeries?
    public var expression: String?
    public var label: String?
    public var periodSeconds: Int?

    public init(id: String, series: MetricSeries?, expression: String?, label: String?, periodSeconds: Int?) {
        self.id = id
        self.series = series
        self.expression = expression
        self.label = label
        self.periodSeconds = periodSeconds
    }
}

/// The CloudWatch metrics proxylens knows by name: the RDS Proxy metrics (`AWS/RDS`) and the
/// Lambda function metrics (`AWS/Lambda`), with their unit and the dimension that names the
/// proxy or function. Used to name a series from a label, and to read the series as evidence.
public enum KnownMetric {
    public static let rdsNamespace = "AWS/RDS"
    public static let lambdaNamespace = "AWS/Lambda"

    /// RDS Proxy metrics (rds-proxy.monitoring: dimension sets ProxyName; ProxyName+EndpointName;
    /// ProxyName+TargetGroup+Target; ProxyName+TargetGroup+TargetRole) and their units.
    public static let proxyMetrics: [String: String] = [
        "AvailabilityPercentage": "Percent", "ClientConnections": "Count", "ClientConnectionsClosed": "Count",
        "ClientConnectionsNoTLS": "Count", "ClientConnectionsReceived": "Count", "ClientConnectionsSetupFailedAuth": "Count",
        "ClientConnectionsSetupSucceeded": "Count", "ClientConnectionsTLS": "Count", "DatabaseConnectionRequests": "Count",
        "DatabaseConnectionRequestsWithTLS": "Count", "DatabaseConnections": "Count", "DatabaseConnectionsBorrowLatency": "Microseconds",
        "DatabaseConnectionsCurrentlyBorrowed": "Count", "DatabaseConnectionsCurrentlyInTransaction": "Count",
        "DatabaseConnectionsCurrentlySessionPinned": "Count", "DatabaseConnectionsSetupFailed": "Count",
        "DatabaseConnectionsSetupSucceeded": "Count", "DatabaseConnectionsWithTLS": "Count", "MaxDatabaseConnectionsAllowed": "Count",
        "QueryDatabaseResponseLatency": "Microseconds", "QueryRequests": "Count", "QueryRequestsNoTLS": "Count",
        "QueryRequestsTLS": "Count", "QueryResponseLatency": "Microseconds",
    ]

    /// Lambda function metrics (dimension `FunctionName`).
    public static let functionMetrics: [String: String] = [
        "ConcurrentExecutions": "Count", "Throttles": "Count", "Errors": "Count", "Duration": "Milliseconds", "Invocations": "Count",
    ]

    public static let statistics: Set<String> = ["Sum", "Average", "Maximum", "Minimum", "SampleCount"]

    /// (namespace, unit, the dimension naming the subject) of a known metric name.
    public static func describe(_ metric: String) -> (namespace: String, unit: String, dimension: String)? {
        if let unit = proxyMetrics[metric] { return (rdsNamespace, unit, "ProxyName") }
        if let unit = functionMetrics[metric] { return (lambdaNamespace, unit, "FunctionName") }
        return nil
    }

    /// A series named by a label such as the dynamic label
    /// `${PROP('Dim.ProxyName')} ${PROP('MetricName')} ${PROP('Stat')} ${PROP('Period')}`
    /// (`orders-pg-proxy DatabaseConnections Sum 60`): a known metric name, the proxy or function
    /// it is for, and optionally the statistic and the period in seconds, separated by spaces.
    /// Nil when the label does not name all of metric, subject and statistic.
    public static func series(fromLabel label: String, defaultPeriod: Int) -> MetricSeries? {
        let words = label.split(separator: " ").map(String.init)
        guard let metricIndex = words.firstIndex(where: { describe($0) != nil }), let known = describe(words[metricIndex]) else { return nil }
        var rest = words
        rest.remove(at: metricIndex)
        var stat: String?
        var period: Int?
        var subject: [String] = []
        for word in rest {
            if statistics.contains(word) || (word.hasPrefix("p") && Double(word.dropFirst()) != nil) {
                stat = word
            } else if let seconds = Int(word), seconds > 0 {
                period = seconds
            } else {
                subject.append(word)
            }
        }
        guard let stat, subject.count == 1 else { return nil }
        return MetricSeries(namespace: known.namespace, metric: words[metricIndex], dimensions: [known.dimension: subject[0]],
                            stat: stat, periodSeconds: period ?? defaultPeriod, unit: known.unit)
    }
}
