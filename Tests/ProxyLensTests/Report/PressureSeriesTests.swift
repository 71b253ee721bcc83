import Foundation
import Testing
@testable import ProxyLens

/// The pressure series over a long span: bounded, merged with a note, unclosed sessions ended.
@Suite("Pressure series")
struct PressureSeriesTests {
    /// Two proxy log stretches a year apart; in the first, a session pinned and never closed.
    static let yearApart = """
        2025-03-01T10:00:00.900000+00:00 6d428d5bb6f9829726d958cafa646962 2025-03-01T10:00:00.100Z [INFO] [proxyEndpoint=default] [clientConnection=1001] A new client connected from 10.42.17.163:23653.
        2025-03-01T10:00:01.100000+00:00 6d428d5bb6f9829726d958cafa646962 2025-03-01T10:00:00.200Z [INFO] [dbConnection=2001] A TCP connection was established from the proxy at 10.42.32.90:60617 to the database at 10.42.48.71:5432.
        2025-03-01T10:00:01.300000+00:00 6d428d5bb6f9829726d958cafa646962 2025-03-01T10:00:00.300Z [WARN] [proxyEndpoint=default] [clientConnection=1001] The client session was pinned to the database connection [dbConnection=2001] for the remainder of the session. The proxy can't reuse this connection until the session ends. Reason: A parse message was detected.
        2026-03-01T10:00:00.900000+00:00 d318a68206a716627d9a835ad2de4525 2026-03-01T10:00:00.100Z [INFO] [proxyEndpoint=default] [clientConnection=1002] A new client connected from 10.42.17.164:23654.
        2026-03-01T10:00:05.900000+00:00 d318a68206a716627d9a835ad2de4525 2026-03-01T10:00:05.100Z [INFO] [proxyEndpoint=default] [clientConnection=1002] The client connection closed. Reason: The TCP channel was closed by either the client or the proxy.

        """

    static func yearReport() throws -> Report {
        let folder = try Fixture.temporaryFolder()
        let file = try Fixture.write(yearApart, to: "ledger-proxy.log", in: folder)
        let database = try Database(path: ":memory:")
        _ = try ingest([file], into: database, options: IngestOptions(logGroup: "/aws/rds/proxy/ledger-proxy"))
        _ = try Classifier(database: database).run()
        return try ReportBuilder(database: database).build(ReportOptions())
    }

    @Test("a year-long span: JSON under 200 KB, what was merged said, the never-closed session pinned only until IdleClientTimeout (golden)")
    func yearLong() throws {
        let report = try Self.yearReport()
        let text = ReportRenderer.render(report, format: .json, options: RenderOptions(generatedAt: CIFormatTests.generatedAt))
        #expect(text.utf8.count < 200_000)
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
        let series = json["series"] as? [String: Any] ?? [:]
        let bins = series["bins"] as? Int ?? 0
        #expect((60...120).contains(bins))
        #expect(series["automatic"] as? Bool == true)
        let notes = (series["notes"] as? [String] ?? []).joined(separator: "\n")
        #expect(notes.contains("each bin merges") && notes.contains("most open at once"))
        #expect(notes.contains("IdleClientTimeout") && notes.contains("1800 s, AWS's default"))
        let timeouts = series["idle_client_timeouts"] as? [[String: Any]] ?? []
        #expect(timeouts.first?["source"] as? String == "aws-default" && timeouts.first?["pinned_ended_at_timeout"] as? Int == 1)

        // Pinned in the bins that overlap 2025-03-01T10:00:00.300Z … +1800 s, and nowhere else.
        let pinnedAt = Timestamp.parse("2025-03-01T10:00:00.300Z")!
        let pressure = json["pressure"] as? [[String: Any]] ?? []
        #expect(pressure.count == bins)
        for row in pressure {
            let start = Timestamp.parse(row["start"] as? String ?? "")!, end = Timestamp.parse(row["end"] as? String ?? "")!
            let overlaps = start < pinnedAt + 1_800_000 && end > pinnedAt
            #expect((row["pinned_sessions"] as? Int ?? -1) == (overlaps ? 1 : 0), "\(row)")
        }
        #expect(pressure.contains { ($0["client_sessions"] as? Int ?? 0) == 1 && ($0["start"] as? String ?? "") >= "2026" })

        // Valid against the schema, and the golden file.
        let schema = Fixture.root.appendingPathComponent("docs/report.schema.json").path
        let file = try Fixture.write(text, to: "year.json", in: try Fixture.temporaryFolder())
        let result = try CIFormatTests.python(CIFormatTests.validate, [schema, file])
        #expect(result.status == 0 && result.stdout.contains("ok"), "\(result.stdout)\(result.stderr)")
        let url = Fixture.root.appendingPathComponent("Tests/ProxyLensTests/Report/golden/year-long.json.txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
        } else {
            #expect(text == (try String(contentsOf: url, encoding: .utf8)), "differs from \(url.lastPathComponent) (UPDATE_GOLDEN=1 to accept)")
        }
    }

    @Test("every format carries the series: table and Markdown sparklines per proxy, CSV a row per bin and proxy")
    func everyFormat() throws {
        let report = try ReportBuilder(database: try ReportTests.samplesDatabase()).build(ReportOptions())
        let bins = try #require(report.series.bins)
        let table = ReportRenderer.render(report, format: .table, options: RenderOptions(width: 80))
        #expect(table.contains("Pressure (\(SeriesBins.duration(bins.widthMs)) bins"))
        #expect(table.contains("proxy journal-sql-proxy (IdleClientTimeout 600 s)") && table.contains("borrow timeouts"))
        #expect(table.contains("▁") && table.contains("█"))
        let markdown = ReportRenderer.render(report, format: .markdown)
        #expect(markdown.contains("### Pressure") && markdown.contains("| pinned sessions | 6 |"))
        let csv = ReportRenderer.render(report, format: .csv).split(separator: "\r\n")
        let pressureRows = csv.filter { $0.contains(",,,journal-sql-proxy,") }
        #expect(pressureRows.count == bins.count)
        // Borrow timeouts counted per bin add up to the proxy's borrow-timeout failures.
        #expect(report.pressure.filter { $0.proxy == "journal-sql-proxy" }.reduce(0) { $0 + $1.borrowTimeouts } == 4)
    }

    /// A new user's audit: every series fell to 0 in its last bin (and the first), which read
    /// as a pool that drained; the Lambda logs run 10 s past the proxy's last line.
    @Test("bins the proxy logs do not cover are said to count nothing, in every format")
    func binsOutsideTheProxyLogs() throws {
        let report = try ReportBuilder(database: try ReportTests.samplesDatabase()).build(ReportOptions())
        let notes = report.series.notes.joined(separator: "\n")
        #expect(notes.contains("The proxy logs end at 2026-03-14T09:24:17.274Z, before the series does"))
        #expect(notes.contains("The proxy logs begin at 2026-03-14T09:05:20.133Z, after the series does"))
        for format in [ReportFormat.table, .markdown, .html, .json] {
            #expect(ReportRenderer.render(report, format: format, options: RenderOptions(wide: true)).contains("which is not a drained pool"), "\(format)")
        }
        // A series the proxy logs cover end to end says neither.
        let year = try Self.yearReport()
        #expect(!year.series.notes.contains { $0.contains("The proxy logs end at") || $0.contains("The proxy logs begin at") })
    }
}
