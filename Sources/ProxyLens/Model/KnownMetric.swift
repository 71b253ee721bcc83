import Foundation

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
