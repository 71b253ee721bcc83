import Foundation
import Testing
@testable import ProxyLens

/// Issue #19 item 4: names taken from file paths are marked in every format; names the export
/// gives (a custom group's stream, an Insights function column) are not guesses; `--log-group`
/// is repeatable and per path.
@Suite("Guessed names")
struct GuessedNamesTests {
    static func report(_ options: IngestOptions = IngestOptions()) throws -> (Database, Report) {
        let database = try Database(path: ":memory:")
        _ = try ingest([Fixture.samples("incident")], into: database, options: options)
        _ = try Classifier(database: database).run()
        return (database, try ReportBuilder(database: database).build(ReportOptions()))
    }

    @Test("on the sample incident the names from paths are guessed, those the exports or configuration give are not")
    func sampleIncident() throws {
        let (database, report) = try Self.report()
        let guessed = Set(report.guessedNames.map { "\($0.kind) \($0.name)" })
        // inventory-api and inventory-pg-proxy come from folder and file names; payments-worker
        // from the Firehose payloads, journal-writer from describe-export-tasks; journal-sql-proxy
        // from describe-db-proxies, matched by the users in the proxy's auth lines.
        #expect(guessed == ["log_group /aws/lambda/inventory-api", "log_group /aws/rds/proxy/inventory-pg-proxy",
                            "log_group /aws/rds/proxy/proxy-journal", "function inventory-api", "proxy inventory-pg-proxy"])
        let function = try #require(report.guessedNames.first { $0.kind == "function" })
        #expect(function.paths.count == 2 && function.paths.allSatisfy { $0.contains("cloudwatch/lambda/inventory-api/") })
        #expect(function.setWith == "--log-group \(Fixture.samples("incident/cloudwatch/lambda/inventory-api"))=/aws/lambda/<name>")
        let records = try FailureQuery(database: database).records(FailureFilter())
        let column = try #require(records.columns.firstIndex(of: "function_guessed"))
        for row in records.rows { #expect(row[column].int == (row[1].string == "inventory-api" ? 1 : 0)) }
    }

    @Test("every format marks the guessed names and says how to set them")
    func everyFormat() throws {
        let (_, report) = try Self.report()
        for format in ReportFormat.allCases {
            let text = ReportRenderer.render(report, format: format, options: RenderOptions(width: 100))
            // How to set them: `--log-group PATH=GROUP` (JSON: the option with the files' folder).
            #expect(text.contains("inventory-pg-proxy") && text.contains("--log-group"), "\(format.rawValue)")
            switch format {
            case .table: #expect(text.contains("inventory-api* "))
            case .markdown, .html: #expect(text.contains("(guessed)"))
            case .junit: #expect(text.contains("inventory-api (guessed) ") && text.contains("name=\"guessed_names\""))
            case .csv: #expect(text.hasPrefix("window_start,window_end,cause,failures,proxy,client_sessions,pinned_sessions,db_connections,borrow_timeouts,proxylens_version,generated_at,guessed_names\r\n"))
            case ReportFormat(rawValue: "github"): #expect(text.contains("inventory-api (guessed) "))
            case .json:
                let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
                let names = json?["guessed_names"] as? [[String: Any]] ?? []
                #expect(names.contains { $0["kind"] as? String == "function" && $0["name"] as? String == "inventory-api" && ($0["set_with"] as? String)?.hasPrefix("--log-group ") == true })
            default: Issue.record("a new format, \(format.rawValue): check here how it marks guessed names")
            }
        }
    }

    @Test("--log-group PATH=GROUP names those files: nothing left to guess there")
    func perPath() throws {
        let options = IngestOptions(logGroups: [
            LogGroupOption(path: Fixture.samples("incident/cloudwatch/lambda/inventory-api"), group: "/aws/lambda/inventory-api"),
            LogGroupOption(path: Fixture.samples("incident/cloudwatch/rds-proxy"), group: "/aws/rds/proxy/inventory-pg-proxy"),
            LogGroupOption(path: Fixture.samples("incident/proxy-journal.log"), group: "/aws/rds/proxy/journal-sql-proxy"),
        ])
        let (database, report) = try Self.report(options)
        #expect(report.guessedNames.isEmpty)
        #expect(report.guessedNote == nil)
        #expect(try database.scalar("SELECT count(*) FROM source WHERE log_group_origin = 'path'").int == 0)
        #expect(try database.scalar("SELECT count(*) FROM proxy_session WHERE proxy = 'journal-sql-proxy'").int ?? 0 > 0)
        // The report and the failures are otherwise those of the guessed run.
        #expect(report.failures == 52)
        // A PATH=GROUP that covers no input is refused before anything is read.
        let missing = IngestOptions(logGroups: [LogGroupOption(path: Fixture.samples("metrics"), group: "/aws/lambda/x")])
        #expect(throws: ProxyLensError.self) { try ingest([Fixture.samples("incident/proxy-journal.log")], into: try Database(path: ":memory:"), options: missing) }
    }

    @Test("LogGroupOption: GROUP, PATH=GROUP, the most specific PATH, a value with = that names no path")
    func option() throws {
        let exists: (String) -> Bool = { ["exports", "exports/orders", "a=b"].contains($0) }
        #expect(try LogGroupOption.parse("/aws/lambda/x", exists: exists).option == LogGroupOption(path: nil, group: "/aws/lambda/x"))
        #expect(try LogGroupOption.parse("exports=/aws/lambda/x", exists: exists).option == LogGroupOption(path: "exports", group: "/aws/lambda/x"))
        // A path holding `=` is found by trying each `=`.
        #expect(try LogGroupOption.parse("a=b=/g", exists: exists).option == LogGroupOption(path: "a=b", group: "/g"))
        // A typo in PATH before a group name: refused, not applied to every file.
        #expect(throws: ProxyLensError.self) { try LogGroupOption.parse("exprots=/aws/lambda/x", exists: exists) }
        #expect(throws: ProxyLensError.self) { try LogGroupOption.parse("exports=", exists: exists) }
        // What follows `=` could be no group name: the value is one group, and a note says so.
        let odd = try LogGroupOption.parse("/aws/lambda/fn-=HYPERLINK(\"x\")", exists: exists)
        #expect(odd.option.path == nil && odd.note?.contains("taken as one log group for every input") == true)
        let options = [LogGroupOption(path: nil, group: "/all"), LogGroupOption(path: "exports", group: "/e"), LogGroupOption(path: "exports/orders/", group: "/o")]
        #expect(LogGroupOption.group(forFile: "exports/orders/1.json", in: options) == "/o")
        #expect(LogGroupOption.group(forFile: "./exports/2.json", in: options) == "/e")
        #expect(LogGroupOption.group(forFile: "exports-old/3.json", in: options) == "/all")
        #expect(LogGroupOption.group(forFile: "-", in: options) == "/all")
        #expect(throws: ProxyLensError.self) { try LogGroupOption.checkDistinct(options + [LogGroupOption(path: "./exports", group: "/other")]) }
    }

    @Test("a custom log group's stream names its function; an Insights function column too")
    func exportsOwnNames() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let id = GeneratedCorpus.uuid(19, 4, 1)
        let t: Int64 = 1_773_478_800_000
        // As Lambda names streams in a custom (shared) group: YYYY/MM/DD/<function>[<version>]<id>.
        let stream = "2026/03/14/orders-api[$LATEST]0a1b2c3d4e5f"
        let lines = [(t, "START RequestId: \(id) Version: $LATEST\n"), (t + 5, "[ERROR] OperationalError: SSL SYSCALL error: EOF detected\n"),
                     (t + 9, "END RequestId: \(id)\n"),
                     (t + 9, "REPORT RequestId: \(id)\tDuration: 9.00 ms\tBilled Duration: 9 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\t\n")]
        let events = lines.enumerated().map { GeneratedCorpus.eventJSON(stream: stream, ts: $1.0, message: $1.1, id: $0) }
        let page = try Fixture.write("{\"events\": [\n" + events.joined(separator: ",\n") + "\n]}\n", to: "shared-app_page1.json", in: folder)
        // An Insights CSV whose query added the function's name as a column, without @log.
        let id2 = GeneratedCorpus.uuid(19, 4, 2)
        let csv = "@timestamp,@message,@logStream,function\n"
            + "2026-03-14 09:10:00.000,START RequestId: \(id2) Version: $LATEST,2026/03/14/[$LATEST]99aa,billing-worker\n"
            + "2026-03-14 09:10:00.100,\"[ERROR] QueryCanceled: canceling statement due to statement timeout\",2026/03/14/[$LATEST]99aa,billing-worker\n"
            + "2026-03-14 09:10:00.200,END RequestId: \(id2),2026/03/14/[$LATEST]99aa,billing-worker\n"
            + "2026-03-14 09:10:00.200,REPORT RequestId: \(id2)\tDuration: 200.00 ms\tBilled Duration: 200 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\t,2026/03/14/[$LATEST]99aa,billing-worker\n"
        let insights = try Fixture.write(csv, to: "logs-insights-results.csv", in: folder)
        let database = try Database(path: ":memory:")
        let (_, issues) = try ingest([page, insights], into: database)
        #expect(issues.filter { !$0.1.keptData }.isEmpty, "\(issues)")
        let functions = try database.rows("SELECT DISTINCT function FROM invocation ORDER BY 1").compactMap { $0[0].string }
        #expect(functions == ["billing-worker", "orders-api"])
        _ = try Classifier(database: database).run()
        let report = try ReportBuilder(database: database).build(ReportOptions())
        // The page's group was guessed from its file name (shared-app), its function was not.
        #expect(report.guessedNames.map(\.kind) == ["log_group"])
        #expect(report.guessedNames.first?.name == "/aws/lambda/shared-app")
        #expect(!report.isGuessed("orders-api", kind: "function") && !report.isGuessed("billing-worker", kind: "function"))
    }

    @Test("the CLI: repeatable --log-group, a wrong PATH exits 2", .enabled(if: cliAvailable))
    func commandLine() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ok = try CLI.run(["analyze", "--db", "n.sqlite", "--format", "json",
                              "--log-group", "\(Fixture.samples("incident/cloudwatch/lambda/inventory-api"))=/aws/lambda/inventory-api",
                              "--log-group", "\(Fixture.samples("incident/cloudwatch/rds-proxy"))/=/aws/rds/proxy/inventory-pg-proxy",
                              "--log-group", "\(Fixture.samples("incident/proxy-journal.log"))=/aws/rds/proxy/journal-sql-proxy",
                              Fixture.samples("incident")], in: folder)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("\"guessed_names\":[]"))
        let wrong = try CLI.run(["ingest", "--db", "w.sqlite", "--log-group", "\(Fixture.samples("incident"))/nothere=/aws/lambda/x", Fixture.samples("incident")], in: folder)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("--log-group") && wrong.stderr.contains("nothere"))
        let outside = try CLI.run(["ingest", "--db", "o.sqlite", "--log-group", "\(Fixture.samples("metrics"))=/aws/lambda/x", Fixture.samples("incident/proxy-journal.log")], in: folder)
        #expect(outside.status == 2 && outside.stderr.contains("no input file is"))
        let twice = try CLI.run(["ingest", "--db", "t.sqlite", "--log-group", "/a", "--log-group", "/b", Fixture.samples("incident/proxy-journal.log")], in: folder)
        #expect(twice.status == 2 && twice.stderr.contains("two groups for every input"))
    }
}
