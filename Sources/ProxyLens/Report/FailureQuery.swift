
/// Reads classified failures for `failures` and the report.
public struct FailureQuery {
    let database: Database

    public init(database: Database) { self.database = database }

    /// The columns of `records`, in order.
    public static let columns = ["request_id", "function", "instance", "time", "cause", "confidence", "rule", "evidence", "detail", "fingerprint", "caused_by", "error", "function_guessed"]

    public func records(_ filter: FailureFilter) throws -> (columns: [String], rows: [[SQLValue]]) {
        try requireClassified()
        let (clause, arguments) = filter.whereClause()
        let columns = Self.columns
        let rows = try database.rows("""
            SELECT f.request_id, f.function, f.instance, strftime('%Y-%m-%dT%H:%M:%fZ', f.ts / 1000.0, 'unixepoch'), f.cause, f.confidence,
                   f.rule, f.evidence, f.detail, f.fingerprint, f.caused_by, f.message
            FROM failure f WHERE \(clause) ORDER BY f.ts, f.request_id
            """, arguments)
        // Evidence ids resolved into objects (kind, text, event_id, time, stream): the log line itself.
        let resolver = EvidenceResolver(database: database)
        let evidence = columns.firstIndex(of: "evidence") ?? 7
        // 1 when the function's name was taken from a file path, not from the export.
        let guessed = Set(try GuessedNames(database: database).find().filter { $0.kind == "function" }.map(\.name))
        return (columns, try rows.map { row in
            var row = Array(row.dropLast()) + [row.last?.string.map { .text(Self.errorLine($0)) } ?? .null]
            row.append(.integer(guessed.contains(row[1].string ?? "") ? 1 : 0))
            let items = try resolver.resolve(json: row[evidence].string ?? "[]")
            row[evidence] = .text("[" + items.map(\.json).joined(separator: ",") + "]")
            return row
        })
    }

    /// The first line of a failure's error text, without the runtime's prefixes.
    static func errorLine(_ message: String) -> String {
        var text = ErrorText.body(ofAppLine: message)
        if text.hasPrefix("[ERROR] ") { text = String(text.dropFirst(8)) }
        return text.split(separator: "\n").first.map(String.init) ?? ""
    }

    /// The columns of `fingerprints`, in order.
    public static let groupColumns = ["cause", "fingerprint", "failures", "first", "last", "functions", "example"]

    /// Failures grouped by fingerprint: which errors are left, how often, first and last seen.
    public func fingerprints(_ filter: FailureFilter) throws -> (columns: [String], rows: [[SQLValue]]) {
        try requireClassified()
        let (clause, arguments) = filter.whereClause()
        let rows = try database.rows("""
            SELECT f.cause, f.fingerprint, count(*) AS failures,
                   strftime('%Y-%m-%dT%H:%M:%fZ', min(f.ts) / 1000.0, 'unixepoch') AS first,
                   strftime('%Y-%m-%dT%H:%M:%fZ', max(f.ts) / 1000.0, 'unixepoch') AS last,
                   group_concat(DISTINCT f.function) AS functions, min(f.request_id) AS example
            FROM failure f WHERE \(clause) GROUP BY f.cause, f.fingerprint ORDER BY failures DESC, f.fingerprint
            """, arguments)
        return (Self.groupColumns, rows)
    }

    func requireClassified() throws {
        let classified = try database.scalar("SELECT value FROM meta WHERE key = 'classified_at'")
        if classified == .null {
            throw ProxyLensError(.database, database.path, "not classified yet; run `proxylens classify --db \(database.path)` (or `proxylens analyze`)")
        }
    }
}

extension FailureFilter {
    /// The time of the data's last event: what `--since -30m` counts back from.
    public static func lastEvent(in database: Database) throws -> Int64? {
        try database.scalar("SELECT max(ts) FROM event").int
    }

    /// Throws a usage error naming what exists when `--function` or the `--since`/`--until`
    /// window selects no invocation at all (a typo must not read as "No failures found."
    /// and pass a CI gate).
    public func requireSelection(in database: Database) throws {
        if let function {
            let count = try database.scalar("SELECT count(*) FROM invocation WHERE function = ?", [.text(function)]).int ?? 0
            if count == 0 {
                let names = try database.rows("SELECT DISTINCT function FROM invocation ORDER BY function LIMIT 21").compactMap { $0.first?.string }
                let list = names.isEmpty ? "the database holds no invocations"
                    : "functions: " + names.prefix(20).joined(separator: ", ") + (names.count > 20 ? ", …" : "")
                throw ProxyLensError(.usage, "--function", "no invocations of '\(function)'; \(list)")
            }
        }
        guard since != nil || until != nil else { return }
        var sql = "SELECT count(*) FROM invocation WHERE coalesce(start_ts, end_ts) >= ? AND coalesce(start_ts, end_ts) < ?"
        var arguments: [SQLValue] = [.integer(since ?? Int64.min), .integer(until ?? Int64.max)]
        if let function { sql += " AND function = ?"; arguments.append(.text(function)) }
        if try database.scalar(sql, arguments).int ?? 0 == 0 {
            let span = try database.rows("SELECT min(coalesce(start_ts, end_ts)), max(coalesce(start_ts, end_ts)) FROM invocation").first
            let window = "\(since.map(Timestamp.iso) ?? "the start") … \(until.map(Timestamp.iso) ?? "the end")"
            let holds: String
            if let first = span?[0].int, let last = span?[1].int {
                holds = "the invocations span \(Timestamp.iso(first)) … \(Timestamp.iso(last))"
            } else {
                holds = "the database holds no invocations"
            }
            throw ProxyLensError(.usage, "--since/--until", "no invocations in \(window)\(function.map { " of '\($0)'" } ?? ""); \(holds)")
        }
    }
}
