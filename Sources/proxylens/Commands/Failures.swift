import ArgumentParser
import Foundation
import ProxyLens

struct Failures: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the classified failures, one record per failed invocation.",
        discussion: """
            Each record has request_id, function, instance, time (ISO-8601 UTC), cause, confidence,
            rule, evidence (objects: kind, text, event_id, time, stream), detail, fingerprint,
            caused_by (the request ids of the pinning leaks holding the proxy's pool when its
            connection borrow timed out, else null), error (the first line of the error text) and function_guessed (1 when the
            function's name was taken from a file path). With --group, shows the failures grouped
            by fingerprint instead (the unclassified remainder by default), so you can see which
            rule to add next.

            Exit status: 0 listed ("No failures found" included), 2 usage or database error: a
            --columns name the records do not have, a --function or --since/--until that selects
            no invocation, a database not classified yet, output that cannot be written.

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

    /// The names --columns gives.
    var columnNames: [String]? { columns.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } }

    /// --columns checked against the records' columns while parsing: a usage error thrown from
    /// `run` would end with the root command's usage, not this one's.
    func validate() throws {
        guard let names = columnNames, explain == nil else { return }
        let known = group ? FailureQuery.groupColumns : FailureQuery.columns
        if let unknown = names.first(where: { !known.contains($0) }) {
            throw ValidationError("--columns: no column '\(unknown)' (one of \(known.joined(separator: ", ")))")
        }
    }

    /// The records with only `names` (checked by `validate`), in that order.
    func pick(_ names: [String], _ records: (columns: [String], rows: [[SQLValue]])) -> (columns: [String], rows: [[SQLValue]]) {
        let indexes = names.compactMap { records.columns.firstIndex(of: $0) }
        return (indexes.map { records.columns[$0] }, records.rows.map { row in indexes.map { row[$0] } })
    }

    func write(_ records: (columns: [String], rows: [[SQLValue]]), format: RecordFormat, defaultColumns: [String]?) throws {
        let names = columnNames ?? (format == .table ? defaultColumns : nil)
        let shown = names.map { pick($0, records) } ?? records
        if format == .table {
            try Output.standard.write(RecordWriter.table(shown.columns, shown.rows, width: wide ? nil : Console.width))
        } else {
            try Output.standard.write(RecordWriter.render(shown.columns, shown.rows, format: format))
        }
    }

    func run() throws {
        do {
            let db = try Database(path: database.db, readOnly: true, migrate: false)
            try filter.filter(in: db).requireSelection(in: db)
            let query = FailureQuery(database: db)
            let format = self.format ?? (Console.stdoutIsTerminal ? .table : .ndjson)
            if let explain {
                try Output.standard.write(try FailureStory(database: db).text(explain, width: wide ? 10_000 : Console.width))
            } else if group {
                let groups = try query.fingerprints(filter.filter(in: db, defaultCause: filter.cause == nil ? .unclassified : nil))
                try write(groups, format: format, defaultColumns: nil)
            } else {
                let records = try query.records(filter.filter(in: db))
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
    @OptionGroup var times: TimeOptions

    func validate() throws { _ = try times.parsed() }

    func filter(in database: Database, defaultCause: Cause? = nil) throws -> FailureFilter {
        let (since, until) = try times.resolved(in: database)
        return FailureFilter(cause: cause ?? defaultCause, function: function, since: since, until: until)
    }
}

/// `--since` and `--until`, shared by `report`, `analyze` and `failures`: read as `TimeInput`.
struct TimeOptions: ParsableArguments {
    static let forms = "ISO-8601 with or without seconds (2026-03-14T09:15Z; no zone: UTC), a date (2026-03-14), epoch ms (1773479700000), or -30m/-2h/-1d before the data's last event"
    // Unconditional: `--since -30m` is a value, not an option named `-3`.
    @Option(parsing: .unconditional, help: ArgumentHelp("Only failures at or after this time: \(Self.forms).", valueName: "time"))
    var since: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Only failures before this time (same forms as --since).", valueName: "time"))
    var until: String?

    /// Both read, without the database: a usage error (exit 2) names the option and the value.
    func parsed() throws -> (since: TimeInput?, until: TimeInput?) {
        func read(_ text: String?, _ option: String) throws -> TimeInput? {
            guard let text else { return nil }
            do { return try TimeInput.parse(text, option: option) } catch let error as ProxyLensError {
                throw ValidationError(error.description)
            }
        }
        return (try read(since, "--since"), try read(until, "--until"))
    }

    /// Both in epoch ms; a relative time counts back from the last event in `database`.
    func resolved(in database: Database) throws -> (since: Int64?, until: Int64?) {
        let (since, until) = try parsed()
        var last: Int64??
        func lastEvent() throws -> Int64? {
            if let last { return last }
            let value = try FailureFilter.lastEvent(in: database)
            last = .some(value)
            return value
        }
        return (try since?.resolve(option: "--since", lastEvent: lastEvent), try until?.resolve(option: "--until", lastEvent: lastEvent))
    }
}

extension Cause: ExpressibleByArgument {}
extension RecordFormat: ExpressibleByArgument {}
