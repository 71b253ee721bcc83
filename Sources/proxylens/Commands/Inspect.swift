import ArgumentParser
import Foundation
import ProxyLens

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how proxylens reads files, without writing a database.",
        discussion: """
            For each file: the container it was read as and why, the log group (and whether it was
            guessed from the path), streams, events, line kinds, invocations by status, failures by
            cause, lines that could be given to no invocation, problems, and the first lines no
            layout understood. Run it when a report looks wrong.

            Exit status: 0 every file was read, 1 a file had problems, 2 usage error.

            Example:
              proxylens inspect samples/containers/tail/catalog-pg-proxy_short.log
            """.reflowed
    )

    @Option(help: "Output format: text or json.")
    var format: InspectFormat = .text

    @Option(help: ArgumentHelp("Log group for events whose export does not name one.", valueName: "group"))
    var logGroup: String?

    @Argument(help: ArgumentHelp("Files or folders.", valueName: "path"))
    var paths: [String]

    enum InspectFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        let reports: [Inspection.FileReport]
        do { reports = try Inspection.inspect(paths: paths, options: IngestOptions(logGroup: logGroup)) } catch { throw Exit.fail(error) }
        switch format {
        case .text:
            FileHandle.standardOutput.write(Data(Inspection.text(reports).utf8))
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            FileHandle.standardOutput.write(try encoder.encode(reports) + Data("\n".utf8))
        }
        if reports.contains(where: { !$0.problems.isEmpty }) { throw Exit.skippedInput }
    }
}
