import ArgumentParser
import Foundation
import ProxyLens

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load CloudWatch Logs exports and AWS configuration JSON into the database.",
        discussion: """
            Reads files, folders (recursively) or - (standard input); .gz is read transparently. Each
            file's container is detected from its content and path: filter-log-events and get-log-events
            JSON, events one per line (jq -c '.events[]'),
            CreateExportTask objects, subscription/Firehose payloads, Logs Insights JSON and CSV,
            `aws logs tail` text, describe-db-proxies, describe-db-proxy-target-groups,
            get-function-configuration, get-function-concurrency and describe-export-tasks;
            CloudWatch metrics from get-metric-data (with its --metric-data-queries file),
            get-metric-statistics and the console's CSV download of a graph (its times have no
            zone and are read as UTC, with a note).
            Files already ingested are skipped; overlapping events are stored once.

            Exit status: 0 everything was read, 1 something was skipped (see stderr and the
            ingest_error table), 2 usage or database error, or --strict stopping at the first
            problem (what was read up to it is kept; the message ends "(stopped: --strict)").

            Example:
              proxylens ingest --db incident.sqlite exports/ config/
            """.reflowed
    )

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var groups: LogGroupOptions

    @Option(help: ArgumentHelp("Log stream for get-log-events output (default: from the file name).", valueName: "stream"))
    var logStream: String?

    @Flag(help: "Stop at the first problem (exit status 2) instead of going on with the rest.")
    var strict = false

    @OptionGroup var input: InputOptions

    @Argument(help: ArgumentHelp("Files, folders or - for standard input.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        // Standard input is read only when asked for: `cat page.json | proxylens ingest` without
        // `-` would otherwise ingest nothing and pass.
        if paths.isEmpty { throw ValidationError("give at least one file or folder to ingest, or - for standard input") }
    }

    func run() throws {
        do {
            let summary = try IngestRunner.run(paths: paths, database: database.db,
                                               options: IngestOptions(logStream: logStream, strict: strict, stdinLimit: try input.limit(),
                                                                      logGroups: try groups.options()))
            try Output.standard.line(IngestRunner.describe(summary, database: database.db))
            if let code = IngestRunner.exitCode(summary, paths: paths) { throw code }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw Exit.fail(error)
        }
    }
}

/// Shared by `ingest` and `analyze`.
enum IngestRunner {
    static func run(paths: [String], database path: String, options: IngestOptions) throws -> IngestSummary {
        let existed = path == ":memory:" || FileManager.default.fileExists(atPath: path)
        let summary = try ingest(paths: paths, database: path, options: options)
        // Paths that held no file leave no empty database behind (a typo'd path must not make
        // the next `report` find a database and say it holds nothing).
        if summary.inputFiles == 0 && !existed {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        return summary
    }

    private static func ingest(paths: [String], database path: String, options: IngestOptions) throws -> IngestSummary {
        let database = try Database(path: path)
        let ingestion = Ingestion(database: database, options: options)
        ingestion.onIssue = { file, issue in
            var where_ = file
            if let line = issue.line { where_ += ":\(line)" } else if let offset = issue.offset { where_ += " (byte \(offset))" }
            Console.error("\(where_): \(issue.reason)")
        }
        let showProgress = Console.stderrIsTerminal
        let started = Date()
        ingestion.onProgress = { bytes, events in
            guard showProgress else { return }
            let seconds = max(Date().timeIntervalSince(started), 0.001)
            let line = String(format: "\rproxylens: %.1f MB, %d events (%.0f events/s)", Double(bytes) / 1e6, events, Double(events) / seconds)
            Console.raw(line)
        }
        let summary = try ingestion.run(paths: paths)
        if showProgress && Date().timeIntervalSince(started) > 0.5 { Console.raw("\r\u{1b}[K") }
        if ProcessInfo.processInfo.environment["PROXYLENS_TIMING"] != nil {
            Console.error("timing: " + summary.timings.map { String(format: "%@ %.2f s", $0.0, $0.1) }.joined(separator: ", "))
        }
        return summary
    }

    /// Status 1 when something was skipped, or when the paths held no file at all (a CI job
    /// pointed at an empty or wrong folder must not pass on nothing).
    static func exitCode(_ summary: IngestSummary, paths: [String]) -> ExitCode? {
        if !paths.isEmpty && summary.inputFiles == 0 {
            Console.error("proxylens: no input files in \(paths.map(Console.quoted).joined(separator: ", "))")
            return Exit.skippedInput
        }
        return summary.problems > 0 ? Exit.skippedInput : nil
    }

    static func describe(_ summary: IngestSummary, database: String) -> String {
        if summary.inputFiles == 0 && database != ":memory:" && !FileManager.default.fileExists(atPath: database) {
            return "ingested 0 files; \(database) not written"
        }
        var text = "ingested \(summary.filesRead) file\(summary.filesRead == 1 ? "" : "s"), \(summary.eventsAdded) new events (\(summary.eventsRead) read)"
        if summary.metricPointsAdded > 0 { text += ", \(summary.metricPointsAdded) new metric points" }
        if summary.filesSkipped > 0 { text += ", \(summary.filesSkipped) already ingested" }
        if summary.sameContentSkipped > 0 {
            text += ", \(summary.sameContentSkipped) the same bytes as \(summary.sameContentSkipped == 1 ? "a file" : "files") already ingested"
        }
        if summary.probesSkipped > 0 { text += ", \(summary.probesSkipped) CloudWatch write-test object\(summary.probesSkipped == 1 ? "" : "s") skipped" }
        if summary.problems > 0 { text += ", \(summary.problems) problem\(summary.problems == 1 ? "" : "s") in \(summary.filesWithProblems) file\(summary.filesWithProblems == 1 ? "" : "s") (see stderr and the ingest_error table)" }
        if summary.notes > 0 { text += ", \(summary.notes) note\(summary.notes == 1 ? "" : "s") on data kept with changes" }
        text += " → \(database)"
        if let duplicates = summary.duplicates.description { text += "\n" + duplicates }
        if let unattributed = summary.unattributed.sentence { text += "\n" + unattributed }
        return text
    }
}

/// `--log-group`, repeatable, for `ingest` and `analyze`.
struct LogGroupOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Log group of events whose export names none: GROUP for every path, or PATH=GROUP for the files at or under PATH (repeatable; the most specific PATH wins). Without it the group is guessed from the file's path, and reports mark the names that come from it as guessed.", valueName: "[path=]group"))
    var logGroup: [String] = []

    func validate() throws { _ = try read() }

    /// The values read; a value taken whole though it holds `=` is said on standard error.
    func options() throws -> [LogGroupOption] {
        let read = try read()
        for note in read.notes { Console.error("proxylens: \(note)") }
        return read.options
    }

    private func read() throws -> (options: [LogGroupOption], notes: [String]) {
        do {
            let parsed = try logGroup.map { try LogGroupOption.parse($0) }
            try LogGroupOption.checkDistinct(parsed.map(\.option))
            return (parsed.map(\.option), parsed.compactMap(\.note))
        } catch let error as ProxyLensError {
            throw ValidationError(error.description)
        }
    }
}

/// How much standard input may hold, for `ingest` and `analyze`.
struct InputOptions: ParsableArguments {
    // Unconditional: `--stdin-limit -1` is a size to refuse, not an option named `-1`.
    @Option(parsing: .unconditional, help: ArgumentHelp("The most standard input (-) may hold, e.g. 512M or 16G.", valueName: "size"))
    var stdinLimit: String = "16G"

    func validate() throws { _ = try limit() }

    func limit() throws -> Int64 {
        let text = stdinLimit.uppercased()
        let scale: Int64 = text.hasSuffix("K") ? 1 << 10 : text.hasSuffix("M") ? 1 << 20 : text.hasSuffix("G") ? 1 << 30 : 1
        guard let value = Int64(scale == 1 ? text : String(text.dropLast())), value > 0, value <= Int64.max / scale else {
            throw ValidationError("--stdin-limit: expected a size like 512M or 16G, got '\(stdinLimit)'")
        }
        return value * scale
    }
}
