import ArgumentParser
import Foundation
import ProxyLens

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge databases made by separate ingest runs (partitions of one incident) into one.",
        discussion: """
            For an incident ingested in parts, on one machine or many: one database per S3 export
            prefix, per log group or per time slice. The output (--db; created, or merged into
            when it exists) holds what one ingest of every input file would: events deduplicated
            by ingest's rules, files already in it skipped, problems and metrics kept,
            configuration of a later input replacing an earlier one's. Its invocations, instances
            and proxy sessions are derived again from the merged events and its failures
            classified, so `proxylens report` on it gives the report of one ingest of everything.

            The inputs are only read; one made by an older proxylens is merged from a temporary
            copy brought up to date. The output is replaced whole at the end, never half-written
            (a copy of it is worked on beside it: room for it is needed).

            Exit status: 0 merged, 2 usage, input or database error (nothing written).

            Example:
              proxylens merge lambda.sqlite proxy.sqlite --db incident.sqlite
              proxylens report --db incident.sqlite
            """.reflowed
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("Databases made by `proxylens ingest` (or analyze).", valueName: "database"))
    var inputs: [String] = []

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one database to merge") }
    }

    func run() throws {
        do {
            let merging = Merging(outputPath: database.db)
            merging.onProgress = { Console.error("proxylens: \($0)") }
            let summary = try merging.run(inputs: inputs)
            if ProcessInfo.processInfo.environment["PROXYLENS_TIMING"] != nil {
                Console.error("timing: " + summary.timings.map { String(format: "%@ %.2f s", $0.0, $0.1) }.joined(separator: ", "))
            }
            try Output.standard.line(Self.describe(summary, database: database.db))
        } catch {
            throw Exit.fail(error)
        }
    }

    static func describe(_ summary: MergeSummary, database: String) -> String {
        var text = "merged \(summary.inputs) database\(summary.inputs == 1 ? "" : "s"): \(summary.sourcesAdded) new file\(summary.sourcesAdded == 1 ? "" : "s")"
        if summary.sourcesAlreadyPresent > 0 { text += " (\(summary.sourcesAlreadyPresent) already in)" }
        text += ", \(summary.eventsAdded) new events (\(summary.eventsRead) read)"
        if summary.metricPointsAdded > 0 { text += ", \(summary.metricPointsAdded) new metric points" }
        if summary.problemsCarried > 0 { text += ", \(summary.problemsCarried) problem\(summary.problemsCarried == 1 ? "" : "s") carried over (see the ingest_error table)" }
        text += " → \(database)"
        if let duplicates = summary.duplicates.description { text += "\n" + duplicates }
        if let unattributed = summary.unattributed.sentence { text += "\n" + unattributed }
        text += "\n" + ClassifyRunner.describe(summary.classified)
        return text
    }
}
