import Foundation
import Testing
@testable import ProxyLens

/// The CloudWatch console's CSV download of a metrics graph: the real download
/// (samples/containers/metrics-console-csv) and the RDS Proxy sample written in its layout ingest
/// to the series their `Full label` rows name; times are read as UTC with a note; bad rows are
/// named by file and line.
@Suite("Metrics: the console's CSV download")
struct MetricConsoleCSVTests {
    static let real = "containers/metrics-console-csv/AegisCloud-ML_cpu_real.csv"
    static let zoneNote = "the console's CSV download carries no time zone: its times are read as UTC"

    @Test("the real download: one EC2 series, named by its Full label, 12 points at 5-minute steps read as UTC")
    func realDownload() throws {
        let database = try Database(path: ":memory:")
        let (summary, issues) = try ingest([Fixture.samples(Self.real)], into: database)
        // The only note: the file has no zone (line 6, the first data row).
        #expect(issues.map { "\($0.1.line ?? 0) \($0.1.keptData)" } == ["6 true"], "\(issues.map(\.1.reason))")
        #expect(issues.first?.1.reason.hasPrefix(Self.zoneNote) == true)
        #expect(summary.metricPointsAdded == 12)
        #expect(try database.scalar("SELECT container FROM source").string == "metrics-console-csv")
        let identity = try database.rows("SELECT DISTINCT namespace, metric, dimensions, stat, period_s, unit FROM metric_point")
            .map { $0.map { $0.string ?? $0.int.map(String.init) ?? "NULL" }.joined(separator: " ") }
        #expect(identity == [#"AWS/EC2 CPUUtilization {"InstanceId":"i-052bbcbccf7277a40"} Average 300 None"#])
        let points = try database.rows("SELECT ts, value FROM metric_point ORDER BY ts")
        #expect(points.count == 12)
        #expect(points.first?[0].int == 1_771_081_200_000 && points.first?[1].double == 2.0831292722730756)  // 2026-02-14 15:00:00 UTC
        #expect(points.last?[0].int == 1_771_084_500_000 && points.last?[1].double == 2.060156171121064)  // 15:55:00
        #expect(zip(points, points.dropFirst()).allSatisfy { ($1[0].int ?? 0) - ($0[0].int ?? 0) == 300_000 })
        #expect(try database.scalar("SELECT count(*) FROM metric_unresolved").int == 0)
        // The same download with CRLF line ends (as a browser on Windows may save it): the same points.
        let text = try String(contentsOfFile: Fixture.samples(Self.real), encoding: .utf8)
        let crlf = try Fixture.write(text.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n", to: "cpu_crlf.csv", in: Fixture.temporaryFolder())
        let again = try Database(path: ":memory:")
        let (_, crlfIssues) = try ingest([crlf], into: again)
        #expect(crlfIssues.allSatisfy { $0.1.keptData })
        #expect(try again.rows("SELECT ts, value FROM metric_point ORDER BY ts").map { [$0[0].int, $0[1].double].description } == points.map { [$0[0].int, $0[1].double].description })
    }

    @Test("the RDS Proxy sample: three series of orders-pg-proxy by their Full labels, the same points as get-metric-data")
    func proxySample() throws {
        let database = try Database(path: ":memory:")
        let (_, issues) = try ingest([Fixture.samples("metrics/orders-pg-proxy/console-graph_orders-pg-proxy.csv")], into: database)
        #expect(issues.count == 1 && issues[0].1.keptData && issues[0].1.reason.hasPrefix(Self.zoneNote), "\(issues.map(\.1.reason))")
        #expect(try database.scalar("SELECT container FROM source").string == "metrics-console-csv")
        let series = try database.rows("SELECT namespace, metric, dimensions, stat, period_s, unit, count(*) FROM metric_point GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 2")
            .map { $0.map { $0.string ?? $0.int.map(String.init) ?? "NULL" }.joined(separator: " ") }
        #expect(series == [
            #"AWS/RDS DatabaseConnectionsCurrentlyBorrowed {"ProxyName":"orders-pg-proxy"} Sum 60 Count 40"#,
            #"AWS/RDS DatabaseConnectionsCurrentlySessionPinned {"ProxyName":"orders-pg-proxy"} Sum 60 Count 40"#,
            #"AWS/RDS MaxDatabaseConnectionsAllowed {"ProxyName":"orders-pg-proxy"} Sum 60 Count 40"#,
        ])
        // The same series from get-metric-data with its queries: every CSV point is already there.
        let (_, jsonIssues) = try ingest([Fixture.samples("metrics/orders-pg-proxy/metric-data-queries_orders-pg-proxy.json"),
                                          Fixture.samples("metrics/orders-pg-proxy/get-metric-data_orders-pg-proxy.json")], into: database)
        #expect(jsonIssues.isEmpty)
        #expect(try database.scalar("SELECT count(*) FROM metric_point WHERE metric IN ('DatabaseConnectionsCurrentlyBorrowed', 'DatabaseConnectionsCurrentlySessionPinned', 'MaxDatabaseConnectionsAllowed')").int == 3 * 40)
        #expect(try database.scalar("SELECT min(ts) FROM metric_point").int == Timestamp.parse("2025-12-07T13:30:00Z"))
    }

    @Test("malformed rows are named by file and line; the good rows are kept")
    func malformedRows() throws {
        let folder = try Fixture.temporaryFolder()
        let path = try Fixture.write("""
            Id,m1,m2
            StatusCode,Complete,PartialData
            Messages,,
            Full label,us-east-1:AWS/RDS ProxyName:orders-pg-proxy ClientConnections Sum 60,us-east-1:AWS/RDS ProxyName:orders-pg-proxy QueryDatabaseResponseLatency p99 60
            Label,ClientConnections,QueryDatabaseResponseLatency
            2025/12/07 13:30:00,5,3100.5
            2025-12-07 13:31:00,6,3200
            2025/12/07 13:32:00,seven,3300
            2025/12/07 13:33:00,8
            2025/12/07 13:34:00,,3400
            """, to: "console-graph_bad.csv", in: folder)
        let database = try Database(path: ":memory:")
        let (_, issues) = try ingest([path], into: database)
        let reasons = issues.map { "\(InputPaths.fileName($0.0)):\($0.1.line ?? 0): \($0.1.reason)" }
        #expect(reasons.contains { $0.hasPrefix("console-graph_bad.csv:2: series m2 has StatusCode PartialData") }, "\(reasons)")
        #expect(reasons.contains { $0.hasPrefix("console-graph_bad.csv:7: a row whose first field is neither a row name") && $0.contains("YYYY/MM/DD HH:MM:SS") }, "\(reasons)")
        #expect(reasons.contains { $0.hasPrefix("console-graph_bad.csv:8: series m1: not a number: \"seven\"") }, "\(reasons)")
        #expect(reasons.contains { $0.hasPrefix("console-graph_bad.csv:9: a row with 1 values where the Id row names 2 series") }, "\(reasons)")
        #expect(issues.filter { !$0.1.keptData }.count == 3)
        let points = try database.rows("SELECT metric, stat, unit, count(*) FROM metric_point GROUP BY 1 ORDER BY 1").map { "\($0[0].string ?? "") \($0[1].string ?? "") \($0[2].string ?? "") \($0[3].int ?? 0)" }
        // ClientConnections: 13:30 (13:32 not a number, 13:33 skipped, 13:34 empty); latency: 13:30, 13:32, 13:34.
        #expect(points == ["ClientConnections Sum Count 1", "QueryDatabaseResponseLatency p99 Microseconds 3"])
    }

    @Test("a download without its Id row, or with a row named twice, is refused with the line")
    func refused() throws {
        let folder = try Fixture.temporaryFolder()
        let twice = try Fixture.write("Id,m1\nStatusCode,Complete\nLabel,ClientConnections\nLabel,ClientConnections\n2025/12/07 13:30:00,5", to: "twice.csv", in: folder)
        let database = try Database(path: ":memory:")
        let (summary, issues) = try ingest([twice], into: database)
        #expect(summary.problems == 1)
        #expect(issues.map { "\($0.1.line ?? 0): \($0.1.reason)" }.contains { $0.hasPrefix("4: a second Label row (the first is line 3)") }, "\(issues.map(\.1.reason))")
        #expect(try database.scalar("SELECT count(*) FROM metric_point").int == 0)
    }

    @Test("Full label: region, namespace, any dimensions, metric, standard and extended statistics, period")
    func fullLabels() {
        let ec2 = MetricFullLabel.parse("us-east-1:AWS/EC2 InstanceId:i-052bbcbccf7277a40 CPUUtilization Average 300", label: "CPUUtilization")
        #expect(ec2 == MetricFullLabel(region: "us-east-1", namespace: "AWS/EC2", dimensions: ["InstanceId": "i-052bbcbccf7277a40"],
                                       metric: "CPUUtilization", stat: "Average", periodSeconds: 300))
        let target = MetricFullLabel.parse("eu-west-1:AWS/RDS ProxyName:orders-pg-proxy TargetGroup:default TargetRole:READ_WRITE DatabaseConnections TM(10%:90%) 60",
                                           label: "custom label")
        #expect(target?.dimensions == ["ProxyName": "orders-pg-proxy", "TargetGroup": "default", "TargetRole": "READ_WRITE"])
        #expect(target?.metric == "DatabaseConnections" && target?.stat == "TM(10%:90%)" && target?.region == "eu-west-1")
        #expect(target?.series.unit == "Count")
        let lambda = MetricFullLabel.parse("us-gov-west-1:AWS/Lambda ConcurrentExecutions p99.9 60", label: "ConcurrentExecutions")
        #expect(lambda?.dimensions == [:] && lambda?.stat == "p99.9" && lambda?.region == "us-gov-west-1" && lambda?.namespace == "AWS/Lambda")
        // A value with spaces or colons; a metric name with spaces when the label is that name.
        let custom = MetricFullLabel.parse("ap-south-1:My/App Queue:arn:aws:sqs:ap-south-1:1:q Stage:blue green Messages In Flight Sum 3600",
                                           label: "Messages In Flight")
        #expect(custom?.dimensions == ["Queue": "arn:aws:sqs:ap-south-1:1:q", "Stage": "blue green"] && custom?.metric == "Messages In Flight")
        #expect(custom?.series.unit == "None" && custom?.periodSeconds == 3600)
        // Not that shape: no period, an unknown statistic, a dimension before which nothing names it.
        #expect(MetricFullLabel.parse("us-east-1:AWS/EC2 InstanceId:i-1 CPUUtilization Average", label: "") == nil)
        #expect(MetricFullLabel.parse("us-east-1:AWS/EC2 InstanceId:i-1 CPUUtilization Mean 300", label: "") == nil)
        #expect(MetricFullLabel.parse("us-east-1:AWS/EC2 stray InstanceId:i-1 CPUUtilization Average 300", label: "") == nil)
    }
}
