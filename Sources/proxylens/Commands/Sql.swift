import ArgumentParser
import Foundation
import ProxyLens

struct Sql: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run a read-only SQL query against the database.",
        discussion: """
            The database is opened read-only: statements that would change it are refused.
            See `proxylens schema` for the tables and views.

            Exit status: 0 the query ran (with or without rows), 2 usage or database error: a
            query refused (empty, several statements, not read-only), one SQLite cannot run, a
            --param the query does not have, output that cannot be written.

            Example:
              proxylens sql --db incident.sqlite "SELECT cause, count(*) AS failures FROM failure GROUP BY cause ORDER BY failures DESC, cause"
            """.reflowed
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format: table, json, ndjson or csv (default: table on a terminal, else ndjson).")
    var format: RecordFormat?

    @Option(name: .customLong("param"), help: ArgumentHelp("A value for the named parameter :NAME (a number, NULL, or text); repeatable. The queries/*.sql files take since, until, function and window_ms.", valueName: "name=value"))
    var parameters: [String] = []

    @Argument(help: "The query: one statement.")
    var query: String

    func run() throws {
        do {
            let db = try Database(path: database.db, readOnly: true, migrate: false)
            let statements = try db.statements(query)
            guard let statement = statements.first else {
                throw ProxyLensError(.usage, "sql", "the query is empty (give one SELECT statement)")
            }
            guard statements.count == 1 else {
                throw ProxyLensError(.usage, "sql", "the query holds \(statements.count) statements; give one at a time (the second begins: \(statements[1].sql.trimmingCharacters(in: .whitespacesAndNewlines).prefix(60)))")
            }
            guard statement.isReadOnly else {
                throw ProxyLensError(.usage, "sql", "only read-only statements are allowed")
            }
            try bind(statement)
            let columns = (0..<statement.columnCount).map { statement.columnName($0) }
            let format = self.format ?? (Console.stdoutIsTerminal ? .table : .ndjson)
            // Each row is written as it is read: memory stays bounded whatever the result.
            let stream = RecordStream(columns, format: format) { try Output.standard.write($0) }
            while try statement.step() {
                try stream.row((0..<statement.columnCount).map { statement.value($0) })
            }
            try stream.finish()
        } catch {
            throw Exit.fail(error)
        }
    }

    /// Binds each --param NAME=VALUE to :NAME (also @NAME, $NAME); a parameter left without a
    /// value is NULL, and said so.
    private func bind(_ statement: Statement) throws {
        var given: Set<String> = []
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "="), equals != parameter.startIndex else {
                throw ProxyLensError(.usage, "--param", "expected NAME=VALUE, got '\(parameter)'")
            }
            var name = String(parameter[..<equals])
            if let first = name.first, ":@$".contains(first) { name.removeFirst() }
            let text = String(parameter[parameter.index(after: equals)...])
            let value: SQLValue = text.uppercased() == "NULL" ? .null : Int64(text).map(SQLValue.integer) ?? Double(text).map(SQLValue.real) ?? .text(text)
            let indexes = [":", "@", "$"].map { statement.parameterIndex($0 + name) }.filter { $0 > 0 }
            guard !indexes.isEmpty else {
                let known = statement.parameterNames
                throw ProxyLensError(.usage, "--param", "the query has no parameter :\(name)" + (known.isEmpty ? "" : " (it has \(known.joined(separator: ", ")))"))
            }
            for index in indexes { statement.bind(value, at: index) }
            given.insert(name)
        }
        let unbound = statement.parameterNames.filter { !given.contains(String($0.dropFirst())) }
        if !unbound.isEmpty {
            Console.error("proxylens: note: \(unbound.joined(separator: ", ")) given no value (NULL); use --param NAME=VALUE")
        }
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the documented database schema (tables, columns, views).",
        discussion: """
            Prints the migrations that define the schema, with a comment on every table and
            column, and the named report queries.

            Exit status: 0 printed, 2 usage error or output that cannot be written.

            Example:
              proxylens schema
            """.reflowed
    )

    func run() throws {
        do {
            try Output.standard.line(try SchemaDocument.text())
        } catch {
            throw Exit.fail(error)
        }
    }
}
