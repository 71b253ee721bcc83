import Foundation

/// `proxylens inspect`: how proxylens reads each file, without writing a database. Each file is
/// ingested alone into an in-memory database, derived and classified; what came of it is
/// summarised: the container chosen and why, the log group (and whether it was guessed), the
/// streams, events, line kinds, invocations and failures, the lines given to no invocation, and
/// the first lines it could not make sense of. What a user runs when a report looks wrong.
public enum Inspection {
    public struct FileReport: Encodable, Sendable {
        public var path: String
        public var container: String
        public var why: String
        public var logGroup: String?
        /// container, option, export-task or path (a guess from the file's path).
        public var logGroupOrigin: String?
        public var streams: Int
        public var events: Int
        public var lineKinds: [String: Int]
        public var invocations: [String: Int]
        public var failures: [String: Int]
        public var unattributedLines: Int
        public var unattributedReasons: [String]
        public var problems: [String]
        /// The first lines no layout knew and no invocation took.
        public var unreadLines: [String]
    }

    public static func inspect(paths: [String], options: IngestOptions = IngestOptions()) throws -> [FileReport] {
        var reports: [FileReport] = []
        let expansion = InputPaths.expand(paths)
        for problem in expansion.problems {
            reports.append(FileReport(path: problem.path, container: "none", why: "not read", logGroup: nil, logGroupOrigin: nil, streams: 0,
                                      events: 0, lineKinds: [:], invocations: [:], failures: [:], unattributedLines: 0,
                                      unattributedReasons: [], problems: [problem.reason], unreadLines: []))
        }
        for path in expansion.files {
            reports.append(try inspect(file: path, options: options))
        }
        return reports
    }

    static func inspect(file path: String, options: IngestOptions) throws -> FileReport {
        let database = try Database(path: ":memory:")
        let ingestion = Ingestion(database: database, options: options)
        var problems: [String] = []
        var chosen = ("unknown", "no container recognised")
        ingestion.onIssue = { _, issue in problems.append((issue.line.map { "line \($0): " } ?? "") + issue.reason) }
        ingestion.onContainerChosen = { _, container, why in chosen = (container, why) }
        let summary = try ingestion.run(paths: [path])
        _ = try Classifier(database: database).run()
        func counts(_ sql: String) throws -> [String: Int] {
            var out: [String: Int] = [:]
            for row in try database.rows(sql) { out[row[0].string ?? "NULL"] = Int(row[1].int ?? 0) }
            return out
        }
        let source = try database.rows("SELECT log_group, log_group_origin FROM source LIMIT 1").first
        let unread = try database.rows("""
            SELECT message FROM event e WHERE kind = 'other'
              AND NOT EXISTS (SELECT 1 FROM invocation i WHERE i.instance = e.log_stream AND e.ts BETWEEN coalesce(i.start_ts, i.end_ts) AND i.end_ts)
            ORDER BY id LIMIT 5
            """).map { String(($0[0].string ?? "").prefix(200)).trimmingWhitespaceAndNewlines() }
        return FileReport(
            path: path, container: chosen.0, why: chosen.1,
            logGroup: source?[0].string, logGroupOrigin: source?[1].string,
            streams: Int(try database.scalar("SELECT count(DISTINCT log_stream) FROM event").int ?? 0),
            events: summary.eventsRead,
            lineKinds: try counts("SELECT kind, count(*) FROM event GROUP BY kind"),
            invocations: try counts("SELECT status, count(*) FROM invocation GROUP BY status"),
            failures: try counts("SELECT cause, count(*) FROM failure GROUP BY cause"),
            unattributedLines: summary.unattributed.total, unattributedReasons: summary.unattributed.reasons,
            problems: problems, unreadLines: unread)
    }

    /// The reports as text, one block per file.
    public static func text(_ reports: [FileReport]) -> String {
        func list(_ counts: [String: Int]) -> String {
            counts.isEmpty ? "none" : counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        var out = ""
        for report in reports {
            out += "\(Terminal.clean(report.path))\n"
            out += "  read as       \(report.container): \(Terminal.clean(report.why))\n"
            let origin: String
            switch report.logGroupOrigin {
            case "path" where report.logGroup == nil:
                // Nothing to guess from (standard input, a path that names nothing).
                origin = " (none in the export, none in the path; set it with --log-group \(report.path == "-" ? "GROUP" : "PATH=GROUP"))"
            case "path": origin = " (guessed from the path; set it with --log-group PATH=GROUP)"
            case "option": origin = " (from --log-group)"
            case "export-task": origin = " (from describe-export-tasks)"
            case "container": origin = " (named in the export)"
            default: origin = ""
            }
            out += "  log group     \(Terminal.clean(report.logGroup ?? "none"))\(origin)\n"
            out += "  events        \(report.events) in \(report.streams) stream\(report.streams == 1 ? "" : "s")\n"
            out += "  line kinds    \(list(report.lineKinds))\n"
            out += "  invocations   \(list(report.invocations))\n"
            out += "  failures      \(list(report.failures))\n"
            if report.unattributedLines > 0 {
                out += "  unattributed  \(report.unattributedLines) lines: \(report.unattributedReasons.joined(separator: "; "))\n"
            }
            for problem in report.problems { out += "  problem       \(Terminal.clean(problem))\n" }
            if !report.unreadLines.isEmpty {
                out += "  lines no layout knew, outside any invocation (first \(report.unreadLines.count)):\n"
                for line in report.unreadLines { out += "    \(Terminal.clean(line))\n" }
            }
        }
        return out
    }
}
