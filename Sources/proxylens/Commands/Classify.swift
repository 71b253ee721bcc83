import ArgumentParser
import Foundation
import ProxyLens

struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Label every failed invocation with its root cause, evidence and confidence.",
        discussion: """
            Writes the failure table (one row per invocation whose status is error or timeout),
            replacing any earlier labels. Causes: stale-connection, query-timeout,
            connection-timeout, lambda-timeout-pinning-leak, unclassified.

            Exit status: 0 classified (no failed invocation at all included), 2 usage or
            database error (a database that does not exist included).

            Example:
              proxylens classify --db incident.sqlite
            """.reflowed
    )

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        do {
            let summary = try ClassifyRunner.run(database: database.db)
            try Output.standard.line(ClassifyRunner.describe(summary))
        } catch {
            throw Exit.fail(error)
        }
    }
}

enum ClassifyRunner {
    static func run(database path: String) throws -> ClassifySummary {
        let database = try Database(path: path, create: false)
        return try Classifier(database: database).run()
    }

    static func describe(_ summary: ClassifySummary) -> String {
        if summary.failures == 0 { return "classified 0 failures: no failed invocations found" }
        let parts = Cause.allCases.compactMap { cause in summary.byCause[cause].map { "\($0) \(cause.rawValue)" } }
        return "classified \(summary.failures) failures: " + parts.joined(separator: ", ")
    }
}
