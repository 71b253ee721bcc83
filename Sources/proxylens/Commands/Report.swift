import ArgumentParser
import Foundation
import ProxyLens

/// Report options shared by `report` and `analyze`.
struct ReportOptionGroup: ParsableArguments {
    // Unconditional here and on --series-window and --top: `--window -5m` or `--top -1` is a
    // value to refuse by what is wrong with it, not an option named `-5` and a missing value.
    @Option(parsing: .unconditional, help: ArgumentHelp("Time window for the timeline (e.g. 5m, 60s, 1h).", valueName: "duration"))
    var window: String = "5m"
    @Option(parsing: .unconditional, help: ArgumentHelp("Bin width of the pressure series and the HTML charts: auto (60-120 bins over the span) or a duration (at most 1000 bins; wider ones merged, with a note).", valueName: "duration|auto"))
    var seriesWindow: String = "auto"
    @OptionGroup var times: TimeOptions
    @Option(help: "Only this function: its failures, and the cause chains, pinning, pressure and findings of the proxies they went through.")
    var function: String?
    @Option(parsing: .unconditional, help: "How many rows of instances, pin reasons and fingerprints to show.")
    var top: Int = 10
    @Option(help: "Output format.")
    var format: ReportFormat = .table
    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?
    @Option(help: ArgumentHelp("Exit 1 when more than N failures of CAUSE (no =N: any). Comma-separated.", valueName: "cause[=N],..."))
    var failOn: String?
    @Option(help: ArgumentHelp("Cause colours in the table: auto (on a terminal, unless NO_COLOR is set), always or never.", valueName: "when"))
    var color: ColorChoice = .auto
    @Flag(help: "Table: whole values, not fitted to the terminal's width (COLUMNS, else the terminal's, else 100).")
    var wide = false

    /// Everything checked that can be without the database (usage errors before any work).
    func validate() throws {
        guard Timestamp.parseDuration(window) != nil else {
            throw ValidationError("--window: expected a duration like 5m, 300s or 1h, got '\(window)'")
        }
        if seriesWindow != "auto", Timestamp.parseDuration(seriesWindow) == nil {
            throw ValidationError("--series-window: expected auto or a duration like 15s, 5m or 1d, got '\(seriesWindow)'")
        }
        guard top > 0 else { throw ValidationError("--top: expected a count of at least 1, got \(top)") }
        _ = try times.parsed()
        do { _ = try failOn.map(FailThreshold.parse) } catch let error as ProxyLensError { throw ValidationError(error.description) }
    }

    /// The series bin width, nil for auto (checked by `validate`).
    var seriesSeconds: Int? { seriesWindow == "auto" ? nil : Timestamp.parseDuration(seriesWindow) }

    /// The options with times resolved against `database` (a relative time needs its last event).
    func options(in database: Database) throws -> (ReportOptions, [FailThreshold]) {
        try validate()
        let seconds = Timestamp.parseDuration(window) ?? 300
        let (since, until) = try times.resolved(in: database)
        let filter = FailureFilter(cause: nil, function: function, since: since, until: until)
        return (ReportOptions(windowSeconds: seconds, filter: filter, top: top, seriesWindowSeconds: seriesSeconds), try failOn.map(FailThreshold.parse) ?? [])
    }

    /// Builds (or, when nothing it depends on changed, takes the one kept last time), renders,
    /// writes; returns the exit code the thresholds call for.
    func emit(database path: String) throws -> ExitCode {
        let database = try Database(path: path, readOnly: true, migrate: false)
        let (options, thresholds) = try self.options(in: database)
        try options.filter.requireSelection(in: database)
        let cache = ReportCache(database: database)
        let key = try cache.key(for: options)
        let report: ProxyLens.Report
        if let kept = try cache.load(key: key) {
            report = kept
        } else {
            report = try ReportBuilder(database: database).build(options)
            // Kept for the next run over the same data (`analyze` again in CI). Only if the
            // database can be written at once: a read-only file, or another run writing, is
            // left alone and the report is simply built again next time.
            if let writable = try? Database(path: path, migrate: false, busyTimeoutMs: 0) {
                try? ReportCache(database: writable).store(report, key: key)
            }
        }
        let text = ReportRenderer.render(report, format: format, options: RenderOptions(
            thresholds: thresholds, color: color.enabled(toFile: output != nil), top: top, width: Console.width, wide: wide))
        if let output {
            try OutputFile.write(text, to: output, what: "the report")
        } else {
            try Output.standard.write(text)
            try Output.standard.flush()
        }
        // A gate over no invocation at all passes on nothing: said, and status 2 (as a selection
        // that holds none), after the report is written.
        if !thresholds.isEmpty && report.invocations == 0 {
            Console.error("proxylens: --fail-on: no Lambda invocations in the database, so nothing to judge; ingest the functions' log groups")
            return Exit.usageOrInput
        }
        let crossed = thresholds.filter { $0.crossed(by: report) }
        for threshold in crossed {
            Console.error("proxylens: --fail-on \(threshold.cause.rawValue)\(threshold.limit > 0 ? "=\(threshold.limit)" : ""): \(report.count(of: threshold.cause.rawValue)) failures")
        }
        return crossed.isEmpty ? .success : Exit.thresholdCrossed
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report root causes ranked by instance and time window.",
        discussion: """
            Causes ranked, a timeline per window, instances, cause chains, the pinning
            leaderboard, proxy pressure over time (client, pinned, database connections,
            borrow timeouts per proxy, in --series-window bins), configuration findings and what to change, with
            evidence lines. Formats: table (terminal), json (documented in the README),
            markdown ($GITHUB_STEP_SUMMARY), csv (timeline and pressure), junit (CI), html (one page).

            Exit status: 0 no threshold crossed, 1 a --fail-on threshold crossed, 2 usage,
            input or database error, or a --fail-on with no invocation in the database to judge.

            Example:
              proxylens report --db incident.sqlite --window 5m --format markdown --fail-on lambda-timeout-pinning-leak
            """.reflowed
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var report: ReportOptionGroup

    func run() throws {
        let code: ExitCode
        do { code = try report.emit(database: database.db) } catch let error as ValidationError { throw error } catch { throw Exit.fail(error) }
        if code != .success { throw code }
    }
}

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ingest, classify and report in one command.",
        discussion: """
            The same as `ingest PATH...`, then `classify`, then `report` with the options given.
            Inputs already ingested (same file, same content) are skipped, and when nothing the
            report depends on changed, the report kept from the last run is shown again.

            Exit status: 0 everything was read and no threshold crossed, 1 a --fail-on threshold
            crossed or an input skipped (as ingest: see stderr; the report is still written, but
            with no input file at all there is none), 2 usage, input or database error, or a
            --fail-on with no invocation in the database to judge.

            Example:
              proxylens analyze samples/incident
              proxylens analyze --db ci.sqlite exports/ --format junit --output proxylens.xml --fail-on connection-timeout=10
            """.reflowed
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var report: ReportOptionGroup

    @OptionGroup var groups: LogGroupOptions

    @OptionGroup var input: InputOptions

    @Argument(help: ArgumentHelp("Files, folders or - for standard input.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder to analyze") }
        try report.validate()
    }

    func run() throws {
        let code: ExitCode
        var skipped: ExitCode?
        do {
            let summary = try IngestRunner.run(paths: paths, database: database.db,
                                               options: IngestOptions(stdinLimit: try input.limit(), logGroups: try groups.options()))
            // One line at a time: Console.error escapes control characters, a newline included.
            for line in IngestRunner.describe(summary, database: database.db).split(separator: "\n") { Console.error(String(line)) }
            // Exits as `ingest` would for what it skipped, after the report; with no input file
            // at all there is nothing to report on.
            skipped = IngestRunner.exitCode(summary, paths: paths)
            if summary.inputFiles == 0, let skipped { throw skipped }
            // Nothing new since the last classification: keep its labels.
            let db = try Database(path: database.db)
            let classifier = Classifier(database: db)
            if try classifier.isCurrent() {
                Console.error("classification is up to date")
            } else {
                Console.error(ClassifyRunner.describe(try classifier.run()))
            }
            code = try report.emit(database: database.db)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw Exit.fail(error)
        }
        if code != .success { throw code }
        if let skipped { throw skipped }
    }
}

extension ReportFormat: ExpressibleByArgument {}
