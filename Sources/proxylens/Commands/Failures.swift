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

    @Option(help: ArgumentHelp("Columns to show, comma-separated (default in a table: \(Self.compact.joined(separator: ",")); else all: \(FailureQuery.columns.joined(separator: ","))).", valueName: "names"))
    var columns: String?

    @Flag(help: "Table: whole values, not fitted to the terminal's width (COLUMNS, else the terminal's, else 100).")
    var wide = false

    @Option(help: ArgumentHelp("One failure's whole story: its rule and evidence, its invocation's lines, the proxy lines around it. A request id or a unique part of one.", valueName: "request-id"))
    var explain: String?

    /// The table's columns unless --columns says otherwise: one line per failure at 80 columns.
    static let compact = ["time", "cause", "function", "request_id", "error"]

    /// The records with only `names`, in that order.
    func pick(_ names: [String], _ records: (columns: [String], rows: [[SQLValue]])) throws -> (columns: [String], rows: [[SQLValue]]) {
        let indexes = try names.map { name in
            guard let index = records.columns.firstIndex(of: name) else {
                throw ValidationError("--columns: no column '\(name)' (one of \(records.columns.joined(separator: ", ")))")
            }
            return index
        }
        return (names, records.rows.map { row in indexes.map { row[$0] } })
    }

    func write(_ records: (columns: [String], rows: [[SQLValue]]), format: RecordFormat, defaultColumns: [String]?) throws {
        let names = columns.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? (format == .table ? defaultColumns : nil)
        let shown = try names.map { try pick($0, records) } ?? records
        if format == .table {
            try Output.standard.write(RecordWriter.table(shown.columns, shown.rows, width: wide ? nil : Console.width))
        } else {
            try Output.standard.write(RecordWriter.render(shown.columns, shown.rows, format: format))
        }
    }

    func run() throws {
        do {
            let db = try Database(path: database.db, readOnly: true, migrate: false)
            try filter.filter().requireSelection(in: db)
            let query = FailureQuery(database: db)
            let format = self.format ?? (Console.stdoutIsTerminal ? .table : .ndjson)
            if let explain {
                try Output.standard.write(try FailureStory(database: db).text(explain, width: wide ? 10_000 : Console.width))
            } else if group {
                let groups = try query.fingerprints(filter.filter(defaultCause: filter.cause == nil ? .unclassified : nil))
                try write(groups, format: format, defaultColumns: nil)
            } else {
                let records = try query.records(filter.filter())
                if records.rows.isEmpty && format == .table {
                    try Output.standard.line("No failures found.")
                } else {
                    try write(records, format: format, defaultColumns: Self.compact)
                }
            }
        } catch let error as ValidationError {
            throw error
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
