import ArgumentParser
import Foundation
import ProxyLens

struct Failures: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the classified failures, one record per failed invocation.",
        discussion: """
            Each record has request_id, function, instance, time (ISO-8601 UTC), cause, confidence,
            rule, evidence, detail and fingerprint. With --group, shows the failures grouped by
            fingerprint instead (the unclassified remainder by default), so you can see which
            rule to add next.

            Example:
              proxylens failures --db incident.sqlite --cause stale-connection --format table
            """.reflowed
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filter: FailureFilterOptions

    @Option(help: "Output format: ndjson, json, csv or table (default: table on a terminal, else ndjson).")
    var format: RecordFormat?

    @Flag(help: "Group by fingerprint (count, first, last, example) instead of one record per failure.")
    var group = false

    func run() throws {
        do {
            let db = try Database(path: database.db, readOnly: true, migrate: false)
            try filter.filter().requireSelection(in: db)
            let query = FailureQuery(database: db)
            let format = self.format ?? (Console.stdoutIsTerminal ? .table : .ndjson)
            if group {
                let groups = try query.fingerprints(filter.filter(defaultCause: filter.cause == nil ? .unclassified : nil))
                try Output.standard.write(RecordWriter.render(groups.columns, groups.rows, format: format))
            } else {
                let records = try query.records(filter.filter())
                if records.rows.isEmpty && format == .table {
                    try Output.standard.line("No failures found.")
                } else {
                    try Output.standard.write(RecordWriter.render(records.columns, records.rows, format: format))
                }
            }
        } catch {
            throw Exit.fail(error)
        }
    }
}

struct FailureFilterOptions: ParsableArguments {
    @Option(help: "Only this cause.")
    var cause: Cause?
    @Option(help: "Only this function.")
    var function: String?
    @Option(help: ArgumentHelp("Only failures at or after this time (ISO-8601).", valueName: "time"))
    var since: String?
    @Option(help: ArgumentHelp("Only failures before this time (ISO-8601).", valueName: "time"))
    var until: String?

    func filter(defaultCause: Cause? = nil) throws -> FailureFilter {
        FailureFilter(cause: cause ?? defaultCause, function: function,
                      since: try since.map { try parseTime($0, "--since") }, until: try until.map { try parseTime($0, "--until") })
    }
}

func parseTime(_ text: String, _ option: String) throws -> Int64 {
    guard let ms = Timestamp.parse(text) ?? (text.count == 10 ? Timestamp.parse(text + "T00:00:00Z") : nil) else {
        throw ValidationError("\(option): expected an ISO-8601 time like 2025-12-07T13:45:00Z, got '\(text)'")
    }
    return ms
}

extension Cause: ExpressibleByArgument {}
extension RecordFormat: ExpressibleByArgument {}
