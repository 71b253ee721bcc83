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

            Example:
              proxylens sql --db incident.sqlite "SELECT cause, count(*) FROM failure GROUP BY cause"
            """.reflowed
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format: table, json, ndjson or csv (default: table on a terminal, else ndjson).")
    var format: RecordFormat?

    @Argument(help: "The query.")
    var query: String

    func run() throws {
        do {
            let db = try Database(path: database.db, readOnly: true, migrate: false)
            let statement = try db.prepare(query)
            guard statement.isReadOnly else {
                throw ProxyLensError(.usage, "sql", "only read-only statements are allowed")
            }
            let columns = (0..<statement.columnCount).map { statement.columnName($0) }
            var rows: [[SQLValue]] = []
            while try statement.step() { rows.append((0..<statement.columnCount).map { statement.value($0) }) }
            let format = self.format ?? (Console.stdoutIsTerminal ? .table : .ndjson)
            print(RecordWriter.render(columns, rows, format: format), terminator: "")
        } catch {
            throw Exit.fail(error)
        }
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the documented database schema (tables, columns, views).",
        discussion: """
            Prints the migrations that define the schema, with a comment on every table and
            column, and the named report queries.

            Example:
              proxylens schema
            """.reflowed
    )

    func run() throws {
        do {
            print(try SchemaDocument.text())
        } catch {
            throw Exit.fail(error)
        }
    }
}
