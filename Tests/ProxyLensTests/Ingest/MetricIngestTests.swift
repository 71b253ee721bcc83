import Foundation
import Testing
@testable import ProxyLens

/// Each metric export form ingests from its sample into `metric_point`: the points, the
/// statistics, the dimensions, and the same points in two files stored once.
@Suite("Metrics: ingest")
struct MetricIngestTests {
    static func count(_ database: Database, _ sql: String, _ arguments: [SQLValue] = []) throws -> Int64 {
        try database.scalar(sql, arguments).int ?? -1
    }

    @Test("get-metric-data with its queries file: every result named, points and dimensions as the queries say")
    func metricDataWithQueries() throws {
        let database = try Database(path: ":memory:")
        let folder = Fixture.samples("metrics/ledger-sql-proxy")
        let (_, issues) = try ingest([folder], into: database)
        #expect(issues.isEmpty, "\(issues.map(\.1.reason))")
        #expect(try Self.count(database, "SELECT count(*) FROM metric_unresolved") == 0)
        // 8 metrics + the pinned % expression, 40 minutes each.
        #expect(try Self.count(database, "SELECT count(*) FROM metric_point") == 9 * 40)
        let rows = try database.rows("""
            SELECT namespace, dimensions, stat, period_s, unit, value FROM metric_point
            WHERE metric = 'DatabaseConnectionsCurrentlyBorrowed' AND ts = ?
            """, [.integer(Timestamp.parse("2025-12-07T13:57:00Z") ?? 0)])
        #expect(rows.count == 1)
        #expect(rows.first?[0].string == "AWS/RDS")
        #expect(rows.first?[1].string == #"{"ProxyName":"ledger-sql-proxy"}"#)
        #expect(rows.first?[2].string == "Sum" && rows.first?[3].int == 60 && rows.first?[4].string == "Count")
        #expect(rows.first?[5].double == 24)
        let latencyStat = try database.scalar("SELECT DISTINCT stat FROM metric_point WHERE metric = 'QueryDatabaseResponseLatency'").string
        #expect(latencyStat == "Average")
        #expect(try database.scalar("SELECT DISTINCT unit FROM metric_point WHERE metric = 'QueryDatabaseResponseLatency'").string == "Microseconds")
        #expect(try Self.count(database, "SELECT count(*) FROM metric_point WHERE namespace = 'METRIC_MATH' AND metric = 'Pinned %'") == 40)
    }

    @Test("the same points in two files (a page and the joined output) are stored once")
    func dedupeAcrossFiles() throws {
        let database = try Database(path: ":memory:")
        let folder = Fixture.samples("metrics/orders-pg-proxy")
        let (summary, issues) = try ingest([folder + "/metric-data-queries_orders-pg-proxy.json", folder + "/get-metric-data_orders-pg-proxy.json"], into: database)
        #expect(issues.isEmpty)
        let before = try Self.count(database, "SELECT count(*) FROM metric_point")
        #expect(before == 9 * 40 && summary.metricPointsAdded == Int(before))
        let (again, pageIssues) = try ingest([folder + "/get-metric-data_orders-pg-proxy_page1.json"], into: database)
        // The page is PartialData with a NextToken: noted, its points kept.
        #expect(pageIssues.allSatisfy { $0.1.keptData } && pageIssues.contains { $0.1.reason.contains("PartialData") })
        #expect(again.metricPointsAdded == 0)
        #expect(try Self.count(database, "SELECT count(*) FROM metric_point") == before)
        #expect(try Self.count(database, "SELECT count(*) FROM (SELECT namespace, metric, dimensions, stat, period_s, ts FROM metric_point GROUP BY 1, 2, 3, 4, 5, 6 HAVING count(*) > 1)") == 0)
    }

    @Test("a response without its queries file ingests with a note; the queries file ingested later names its points")
    func responseBeforeQueries() throws {
        let database = try Database(path: ":memory:")
        let folder = Fixture.samples("metrics/orders-pg-proxy")
        let (summary, issues) = try ingest([folder + "/get-metric-data_orders-pg-proxy.json"], into: database)
        #expect(summary.problems == 0 && summary.filesRead == 1)
        #expect(issues.count == 1 && issues[0].1.keptData && issues[0].1.reason.contains("metric_unresolved"), "\(issues.map(\.1.reason))")
        // Labels are metric names here, which name no proxy: the points wait.
        #expect(try Self.count(database, "SELECT count(*) FROM metric_point") == 0)
        #expect(try Self.count(database, "SELECT count(*) FROM metric_unresolved") == 9 * 40)
        let (later, laterIssues) = try ingest([folder + "/metric-data-queries_orders-pg-proxy.json"], into: database)
        #expect(laterIssues.isEmpty)
        #expect(later.metricPointsAdded == 9 * 40)
        #expect(try Self.count(database, "SELECT count(*) FROM metric_unresolved") == 0)
        #expect(try database.scalar("SELECT DISTINCT dimensions FROM metric_point WHERE namespace = 'AWS/RDS'").string == #"{"ProxyName":"orders-pg-proxy"}"#)
    }

    @Test("get-metric-data named by labels, without queries: Lambda metrics per function")
    func labelledResults() throws {
        let database = try Database(path: ":memory:")
        let (_, issues) = try ingest([Fixture.samples("metrics/functions/get-metric-data_labelled.json")], into: database)
        #expect(issues.isEmpty, "\(issues.map(\.1.reason))")
        #expect(try Self.count(database, "SELECT count(DISTINCT dimensions) FROM metric_point WHERE namespace = 'AWS/Lambda'") == 3)
        #expect(try Self.count(database, "SELECT count(*) FROM metric_point WHERE metric = 'Throttles' AND dimensions = '{\"FunctionName\":\"billing-worker\"}' AND stat = 'Sum' AND period_s = 60") == 40)
        #expect(try database.scalar("SELECT DISTINCT stat FROM metric_point WHERE metric = 'ConcurrentExecutions'").string == "Maximum")
        #expect(try database.scalar("SELECT DISTINCT unit FROM metric_point WHERE metric = 'Duration'").string == "Milliseconds")
    }

    @Test("get-metric-statistics: one series per statistic, ExtendedStatistics too, the subject from the file name, unordered datapoints")
    func statistics() throws {
        let database = try Database(path: ":memory:")
        let (_, issues) = try ingest([Fixture.samples("metrics/orders-pg-proxy/get-metric-statistics_orders-pg-proxy_ClientConnections.json"),
                                      Fixture.samples("metrics/functions/get-metric-statistics_billing-worker_Duration.json")], into: database)
        #expect(issues.isEmpty, "\(issues.map(\.1.reason))")
        let stats = try database.rows("SELECT metric, stat, dimensions, unit, count(*), min(period_s) FROM metric_point GROUP BY 1, 2 ORDER BY 1, 2")
            .map { "\($0[0].string ?? "") \($0[1].string ?? "") \($0[2].string ?? "") \($0[3].string ?? "") \($0[4].int ?? 0) \($0[5].int ?? 0)" }
        #expect(stats == [
            #"ClientConnections Maximum {"ProxyName":"orders-pg-proxy"} Count 40 60"#,
            #"ClientConnections Sum {"ProxyName":"orders-pg-proxy"} Count 40 60"#,
            #"Duration Average {"FunctionName":"billing-worker"} Milliseconds 40 60"#,
            #"Duration p99 {"FunctionName":"billing-worker"} Milliseconds 40 60"#,
        ])
    }

    @Test("the CSV and get-metric-data give the same points for the same series: stored once")
    func csvAndJSONDedupe() throws {
        let database = try Database(path: ":memory:")
        let (_, issues) = try ingest([Fixture.samples("metrics/orders-pg-proxy")], into: database)
        #expect(issues.allSatisfy { $0.1.keptData }, "\(issues.map(\.1.reason))")
        #expect(try Self.count(database, "SELECT count(*) FROM metric_point WHERE metric = 'MaxDatabaseConnectionsAllowed'") == 40)
    }

    @Test("bad metric input is named by file and line, and the rest is read")
    func badInput() throws {
        let folder = try Fixture.temporaryFolder()
        let mismatched = try Fixture.write("""
            {
                "MetricDataResults": [
                    {
                        "Id": "m1",
                        "Label": "orders-pg-proxy DatabaseConnections Sum",
                        "Timestamps": ["2025-12-07T13:31:00+00:00", "2025-12-07T13:30:00+00:00"],
                        "Values": [3.0],
                        "StatusCode": "Complete"
                    },
                    {
                        "Id": "m2",
                        "Label": "orders-pg-proxy ClientConnections Sum",
                        "Timestamps": ["2025-12-07T13:30:00+00:00"],
                        "Values": [7.0],
                        "StatusCode": "Complete"
                    }
                ],
                "Messages": [{"Code": "MaxMetricsExceeded", "Value": "Maximum number of allowed metrics exceeded"}]
            }

            """, to: "get-metric-data_bad.json", in: folder)
        let cut = try Fixture.write("[{\"Id\": \"m1\", \"MetricStat\": {\"Metric\": {\"Namespace\": \"AWS/RDS\",\n \"MetricName\": \"Dat", to: "queries_cut.json", in: folder)
        let database = try Database(path: ":memory:")
        let (summary, issues) = try ingest([mismatched, cut], into: database)
        #expect(summary.filesRead == 2)
        let reasons = issues.map { "\(InputPaths.fileName($0.0)):\($0.1.line ?? 0): \($0.1.reason)" }
        #expect(reasons.contains { $0.hasPrefix("get-metric-data_bad.json:3: result m1: 2 Timestamps but 1 Values") }, "\(reasons)")
        #expect(reasons.contains { $0.hasPrefix("get-metric-data_bad.json:18: MaxMetricsExceeded") }, "\(reasons)")
        #expect(reasons.contains { $0.hasPrefix("queries_cut.json:2: the input ends inside a string") }, "\(reasons)")
        #expect(try Self.count(database, "SELECT count(*) FROM metric_point WHERE metric = 'ClientConnections'") == 1)
    }
}

extension MetricIngestTests {
    @Test("two folders whose queries use the same Ids: each response is named by its own folder's queries, whatever the order")
    func sameIdsInTwoFolders() throws {
        for order in [["orders-pg-proxy", "ledger-sql-proxy"], ["ledger-sql-proxy", "orders-pg-proxy"]] {
            let database = try Database(path: ":memory:")
            let paths = order.flatMap { proxy in
                ["get-metric-data_\(proxy).json", "metric-data-queries_\(proxy).json"].map { Fixture.samples("metrics/\(proxy)/\($0)") }
            }
            let (_, issues) = try ingest(paths, into: database)
            #expect(issues.isEmpty, "\(issues.map(\.1.reason))")
            #expect(try Self.count(database, "SELECT count(*) FROM metric_unresolved") == 0)
            let maxima = try database.rows("SELECT dimensions, max(value) FROM metric_point WHERE metric = 'MaxDatabaseConnectionsAllowed' GROUP BY 1 ORDER BY 1")
                .map { "\($0[0].string ?? "") \(Int($0[1].double ?? 0))" }
            #expect(maxima == [#"{"ProxyName":"ledger-sql-proxy"} 24"#, #"{"ProxyName":"orders-pg-proxy"} 80"#])
        }
    }

    @Test("a response and its queries file in different folders are matched at the end of the run (the Id defined once)")
    func queriesElsewhere() throws {
        let folder = try Fixture.temporaryFolder()
        let response = try Fixture.write(try String(contentsOfFile: Fixture.samples("metrics/ledger-sql-proxy/get-metric-data_ledger-sql-proxy.json"), encoding: .utf8),
                                         to: "responses/ledger.json", in: folder)
        let queries = try Fixture.write(try String(contentsOfFile: Fixture.samples("metrics/ledger-sql-proxy/metric-data-queries_ledger-sql-proxy.json"), encoding: .utf8),
                                        to: "queries/ledger.json", in: folder)
        let database = try Database(path: ":memory:")
        let (summary, issues) = try ingest([queries, response], into: database)
        #expect(issues.isEmpty, "\(issues.map(\.1.reason))")
        #expect(summary.metricPointsAdded == 9 * 40)
    }
}
