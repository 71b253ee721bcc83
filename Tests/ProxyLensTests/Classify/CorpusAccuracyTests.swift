import Foundation
import Testing
@testable import ProxyLens

/// End to end on the shared labelled incident: every container it uses, the invocation and
/// failure counts, and the accuracy of the labels.
@Suite("Labelled corpus", .enabled(if: Fixture.corpusAvailable))
struct CorpusAccuracyTests {
    @Test("ingest finds every invocation and failure; classify matches the truth")
    func corpus() throws {
        let database = try Database(path: ":memory:")
        let (summary, issues) = try ingest([Fixture.corpus + "/logs", Fixture.corpus + "/config"], into: database)
        #expect(issues.isEmpty, "\(issues.map { "\($0.0): \($0.1.reason)" })")
        #expect(summary.problems == 0)
        let truthSummary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Fixture.corpus + "/truth/summary.json"))) as? [String: Any]
        let invocations = try database.scalar("SELECT count(DISTINCT request_id) FROM invocation").int
        let failures = try database.scalar("SELECT count(*) FROM invocation WHERE status IN ('error', 'timeout')").int
        #expect(invocations == (truthSummary?["invocations"] as? NSNumber)?.int64Value)
        #expect(failures == (truthSummary?["failures"] as? NSNumber)?.int64Value)

        _ = try Classifier(database: database).run()
        var predicted: [String: String] = [:]
        for row in try database.rows("SELECT request_id, cause FROM failure") { predicted[row[0].string ?? ""] = row[1].string }
        let truth = try String(contentsOfFile: Fixture.corpus + "/truth/truth.ndjson", encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        var correct = 0
        var perClass: [String: (tp: Int, fp: Int, fn: Int)] = [:]
        for row in truth {
            let id = row["request_id"] as? String ?? ""
            let cause = row["cause"] as? String ?? ""
            let got = predicted[id] ?? "(missing)"
            if got == cause { correct += 1; perClass[cause, default: (0, 0, 0)].tp += 1 } else {
                perClass[cause, default: (0, 0, 0)].fn += 1
                perClass[got, default: (0, 0, 0)].fp += 1
            }
        }
        let accuracy = Double(correct) / Double(truth.count)
        #expect(accuracy >= 0.97, "accuracy \(accuracy)")
        for cause in Cause.allCases {
            let c = perClass[cause.rawValue, default: (0, 0, 0)]
            let f1 = c.tp == 0 ? 0 : 2.0 * Double(c.tp) / Double(2 * c.tp + c.fp + c.fn)
            #expect(f1 >= 0.9, "F1 of \(cause.rawValue) is \(f1)")
        }
        #expect(predicted.count == truth.count, "false alarms or missing predictions")

        // The report ranks each 5-minute window's causes as the truth does.
        let report = try ReportBuilder(database: database).build(ReportOptions(windowSeconds: 300))
        #expect(report.causes.reduce(0) { $0 + $1.failures } == truth.count)
        var truthWindows: [Int64: [String: Int]] = [:]
        for row in truth {
            guard let time = (row["time"] as? String).flatMap(Timestamp.parse), let cause = row["cause"] as? String else { continue }
            truthWindows[time / 300_000 * 300_000, default: [:]][cause, default: 0] += 1
        }
        var scored = 0, matched = 0
        for window in report.windows {
            guard let counts = truthWindows[window.start], counts.values.reduce(0, +) >= 3 else { continue }
            let best = counts.values.max() ?? 0
            scored += 1
            if let top = window.causes.first?.cause, counts[top] == best { matched += 1 }
        }
        #expect(scored > 0 && Double(matched) / Double(scored) >= 0.95, "window top cause matched \(matched) of \(scored)")
    }
}
