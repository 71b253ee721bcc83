import Foundation
import Testing
@testable import ProxyLens

/// Deriving holds at most `LambdaLines.heldBudget` bytes of Lambda lines (and half that of proxy
/// rows, `ProxySessions`) and spills the rest to temporary files: with a budget a few lines wide,
/// every table must come out as it does with everything held.
@Suite("Deriving in bounded memory: lines and rows spilled to temporary files")
struct DerivationSpillTests {
    /// Every derived table and the labels, whole rows (both databases are fresh, so ids agree).
    static func derived(_ database: Database) throws -> [String: [[SQLValue]]] {
        var tables: [String: [[SQLValue]]] = [:]
        for (table, order) in [("invocation", "request_id"), ("invocation_error_line", "request_id, event_id"), ("instance", "instance"),
                               ("proxy_session", "proxy, client_connection"), ("proxy_db_connection", "proxy, db_connection"),
                               ("failure", "request_id"), ("ingest_error", "path, reason")] {
            let columns = table == "ingest_error" ? "path, reason" : (table == "failure" ? "request_id, cause, rule, confidence, detail, evidence" : "*")
            tables[table] = try database.rows("SELECT \(columns) FROM \(table) ORDER BY \(order)")
        }
        return tables
    }

    @Test("samples/: a bulk load that spills every few lines, and the derive scan that does, give the same tables as one that holds them all")
    func spilledBulkLoadAndScan() throws {
        let inputs = [Fixture.samples("incident"), Fixture.samples("containers"), Fixture.samples("runtimes")].filter {
            FileManager.default.fileExists(atPath: $0)
        }
        let held = try Database(path: ":memory:")
        _ = try ingest(inputs, into: held)
        _ = try Classifier(database: held).run()
        let expected = try Self.derived(held)
        #expect((expected["invocation"]?.count ?? 0) > 20)

        var options = IngestOptions()
        options.lambdaLinesHeld = 4096
        let spilled = try Database(path: ":memory:")
        _ = try ingest(inputs, into: spilled, options: options)
        _ = try Classifier(database: spilled).run()
        let fromBulk = try Self.derived(spilled)
        let gatherer = DerivationGatherer(heldBudget: 4096)
        try StoredLines(database: spilled).forEach { $0.gather(into: gatherer) }
        #expect(gatherer.input.lambda.hasSpilled && gatherer.input.proxy.hasSpilled)
        for table in expected.keys.sorted() { #expect(fromBulk[table] == expected[table], "\(table) differs after a spilled bulk load") }

        // The scan of `event` (every later ingest that adds, and merge) spills the same way.
        try spilled.transaction { _ = try Deriver(database: spilled, heldBudget: 4096).rebuild() }
        _ = try Classifier(database: spilled).run()
        let fromScan = try Self.derived(spilled)
        for table in expected.keys.sorted() { #expect(fromScan[table] == expected[table], "\(table) differs after a spilled derive scan") }
    }

    @Test("a spill that cannot be written: the lines and rows stay in memory, every table is as if all were held, and the run says so")
    func spillThatCannotBeWritten() throws {
        let inputs = [Fixture.samples("incident")]
        let held = try Database(path: ":memory:")
        _ = try ingest(inputs, into: held)
        let expected = try Self.derived(held)

        let database = try Database(path: ":memory:")
        _ = try ingest(inputs, into: database)
        let missing = NSTemporaryDirectory() + "proxylens-no-such-folder-\(UUID().uuidString)"
        var deriver = Deriver(database: database, heldBudget: 4096)
        deriver.spillDirectory = missing
        var notes: [(path: String, issue: IngestIssue)] = []
        try database.transaction { notes = try deriver.rebuild().notes }
        let derived = try Self.derived(database)
        for table in expected.keys.sorted() { #expect(derived[table] == expected[table], "\(table) differs when the spill failed") }
        let said = notes.filter { $0.issue.reason.hasPrefix(Deriver.spillNotePrefix) }
        // Both the Lambda lines and the proxy rows passed the budget, and both say why they stayed.
        #expect(said.count == 2)
        #expect(said.allSatisfy { $0.path == missing && $0.issue.keptData && $0.issue.reason.contains("cannot make a temporary file") })
    }

    @Test("a stream's lines read back from several spilled segments are the lines appended, in order, request ids and REPORT values included")
    func segmentsReadBackAsWritten() throws {
        var lines = LambdaLines(heldBudget: 200)
        var expectedReports: [String] = []
        func append(_ stream: String, _ ts: Int64, _ id: Int64, _ role: LineRole, request: String?, report: ReportValues? = nil) {
            var name = stream
            name.withUTF8 { name in
                if var request {
                    request.withUTF8 { request in
                        lines.append(stream: name, ts: ts, eventId: id, role: role, transactionEffect: id % 3 == 0 ? 1 : 0,
                                     request: request, report: report, group: { 7 })
                    }
                } else {
                    lines.append(stream: name, ts: ts, eventId: id, role: role, transactionEffect: 0, request: nil, report: report, group: { 7 })
                }
            }
        }
        func describe(_ report: ReportValues) -> String {
            "\(String(describing: report.durationMs)) \(String(describing: report.billedMs)) \(String(describing: report.initMs)) "
                + "\(String(describing: report.memoryMB)) \(String(describing: report.maxMemoryMB)) \(report.status ?? "-") \(report.errorType ?? "-")"
        }
        // Two streams interleaved, request ids repeating across segments, one not ASCII.
        let requests = ["8b5e2f1c-0d1a-4c8e-9f3b-111111111111", "8b5e2f1c-0d1a-4c8e-9f3b-222222222222", "café-é"]
        for id in Int64(1)...300 {
            let stream = id % 2 == 0 ? "2026/12/06/[$LATEST]aaaa" : "2026/12/06/[$LATEST]bbbb"
            if id % 10 == 0 {
                var report = ReportValues()
                report.durationMs = Double(id) + 0.25
                report.billedMs = id % 20 == 0 ? .some(nil) : id
                report.memoryMB = 128
                if id % 30 == 0 { report.status = "timeout"; report.errorType = "Sandbox.Timedout" }
                expectedReports.append(describe(report))
                append(stream, 1_000 + id, id, .report, request: requests[Int(id) % 3], report: report)
            } else {
                append(stream, 1_000 + id, id, id % 7 == 0 ? .app : .untagged, request: id % 4 == 0 ? nil : requests[Int(id) % 3])
            }
        }
        #expect(lines.hasSpilled)
        var reports: [String] = []
        for number in lines.streamsInNameOrder() {
            let stream = try lines.take(stream: number)
            let parity: Int64 = lines.name(ofStream: number).hasSuffix("aaaa") ? 0 : 1
            let ids = Array(Int64(1)...300).filter { $0 % 2 == parity }
            #expect(stream.eventId == ids)
            #expect(stream.ts == ids.map { 1_000 + $0 })
            #expect(stream.transactionEffect == ids.map { $0 % 3 == 0 && !($0 % 4 == 0 && $0 % 10 != 0) ? 1 : 0 })
            #expect(stream.role == ids.map { $0 % 10 == 0 ? .report : ($0 % 7 == 0 ? .app : .untagged) })
            #expect(stream.request.map { $0 < 0 ? nil : stream.requests.string($0) }
                == ids.map { $0 % 4 == 0 && $0 % 10 != 0 ? nil : requests[Int($0) % 3] })
            #expect(stream.requests.count == 3)
            #expect(stream.first.ts == 1_000 + ids[0] && stream.first.group == 7)
            reports += stream.reports.map(describe)
        }
        #expect(reports.sorted() == expectedReports.sorted())
    }
}
