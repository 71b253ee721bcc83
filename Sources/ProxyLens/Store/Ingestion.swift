import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Options for one ingest run.
public struct IngestOptions: Sendable {
    /// Log group for events whose container does not name one.
    public var logGroup: String?
    /// Log stream for `get-log-events` output (else taken from the file name).
    public var logStream: String?
    /// Stop at the first problem instead of going on with the rest.
    public var strict = false
    public init(logGroup: String? = nil, logStream: String? = nil, strict: Bool = false) {
        self.logGroup = logGroup
        self.logStream = logStream
        self.strict = strict
    }
}

/// What one ingest run did.
public struct IngestSummary: Sendable {
    public var filesRead = 0
    public var filesSkipped = 0
    public var filesWithProblems = 0
    /// Problems that skipped something (a file, the rest of a file, a record).
    public var problems = 0
    /// Notes about data that was kept with a change (e.g. invalid UTF-8 replaced).
    public var notes = 0
    public var bytesRead: Int64 = 0
    public var eventsRead = 0
    public var eventsAdded = 0
    public var derivedRebuilt = false
    /// Seconds spent reading inputs and rebuilding derived tables.
    public var timings: [(String, Double)] = []

    /// Adds the counts of files and events in `other` (not its bytes, reads or timings).
    mutating func add(_ other: IngestSummary) {
        filesRead += other.filesRead
        filesSkipped += other.filesSkipped
        filesWithProblems += other.filesWithProblems
        problems += other.problems
        notes += other.notes
        eventsAdded += other.eventsAdded
    }
}

/// A file as the skip check sees it.
struct FileIdentity: Hashable {
    let path: String
    let bytes: Int64
    let mtime: Int64?
}

/// The id of a file's `source` row, set by database work that may run on the inserting thread.
final class SourceRow: @unchecked Sendable {
    var id: Int64 = 0
}

/// Reads inputs into the database: detects each file's container, streams its events into
/// `event` (deduplicated), records configuration, notes every problem in `ingest_error`, and
/// rebuilds the derived tables (`invocation`, `instance`, `proxy_session`, …) at the end.
public final class Ingestion {
    let database: Database
    let options: IngestOptions
    /// Called for each problem as it is recorded: (path, issue). In a bulk load, on the thread
    /// that writes to the database, so it must not touch the `Ingestion`.
    public var onIssue: (String, IngestIssue) -> Void = { _, _ in }
    /// Called now and then with (bytes read, events read) so far.
    public var onProgress: (Int64, Int) -> Void = { _, _ in }
    /// Set from a signal handler to stop between events.
    public nonisolated(unsafe) static var interrupted = false

    /// Counted on the reading thread.
    private var summary = IngestSummary()
    /// Counted by each file's database work, which may run on the inserting thread (see
    /// `EventWriter.afterWritten`): kept apart from `summary` until the end of the run.
    private var stored = IngestSummary()
    /// (path, bytes, mtime) of every source at the start of a bulk load, for skipping unchanged
    /// files without asking the database, which the inserting thread may be using.
    private var knownFiles: Set<FileIdentity> = []
    private var batchEvents = 0
    private var inTransaction = false
    private var lastProgress = Date()

    public init(database: Database, options: IngestOptions = IngestOptions()) {
        self.database = database
        self.options = options
    }

    public func run(paths: [String]) throws -> IngestSummary {
        var clock = Date()
        func lap(_ name: String) {
            summary.timings.append((name, Date().timeIntervalSince(clock)))
            clock = Date()
        }
        let files = try InputPaths.expand(paths)
        let readingCPU = ThreadClock.cpuSeconds()
        // Read before the writer looks at the database: if another connection commits anything
        // from here on, what this run gathered for deriving is not the whole of `event`.
        let versionAtStart = try database.scalar("PRAGMA data_version").int
        let writer = try EventWriter(database: database)
        defer {
            writer.abandon()
            if inTransaction { try? database.execute("ROLLBACK") }
        }
        // A bulk load fills a database that held no events: nothing in it is worth an fsync at
        // every commit, and a crash of the machine (not of the process: the journal covers that)
        // is mended by running the same command again.
        let bulk = writer.isBulk
        // A small page cache: a bulk load only appends, so cached pages are not read again, and
        // the memory is better spent on what deriving gathers meanwhile.
        if bulk {
            try database.execute("PRAGMA synchronous = OFF; PRAGMA cache_size = -8192")
            let statement = try database.statement("SELECT path, bytes, mtime FROM source")
            while try statement.step() {
                knownFiles.insert(FileIdentity(path: statement.text(0) ?? "", bytes: statement.int(1) ?? 0, mtime: statement.int(2)))
            }
        }
        for path in files {
            if Ingestion.interrupted { break }
            try ingestFile(path, writer: writer)
        }
        try writer.finish()
        lap("read inputs")
        summary.timings.append(("of which CPU: reading thread", ThreadClock.cpuSeconds() - readingCPU))
        summary.timings.append(("inserting thread", writer.insertingCPUSeconds))
        summary.add(stored)
        try writer.endBulk(buildingIndex: false)
        try commit()
        let gathered = writer.takeDerivationInput()
        if gathered != nil { summary.timings.append(("gathering thread", writer.gatheringCPUSeconds)) }
        if bulk { try database.execute("PRAGMA cache_size = -32768") }
        if Ingestion.interrupted {
            throw ProxyLensError(.usage, database.path, "interrupted; everything committed so far is kept; run the same command again to finish")
        }
        try finish(gathered, unlessChangedSince: versionAtStart)
        if bulk { try database.execute("PRAGMA synchronous = FULL") }
        lap("derive")
        return summary
    }

    private func beginIfNeeded() throws {
        if !inTransaction {
            try database.execute("BEGIN IMMEDIATE")
            inTransaction = true
        }
    }

    private func commit() throws {
        if inTransaction {
            try database.execute("COMMIT")
            inTransaction = false
            batchEvents = 0
        }
    }

    private func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    /// Part of a file's database work (see `stored`).
    private func record(_ issue: IngestIssue, path: String, sourceId: Int64?) throws {
        if issue.keptData { stored.notes += 1 } else { stored.problems += 1 }
        onIssue(path, issue)
        try beginIfNeeded()
        try database.statement("INSERT INTO ingest_error (source_id, path, line, offset, reason, excerpt, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .run([sourceId.map(SQLValue.integer) ?? .null, .text(path), issue.line.map { .integer(Int64($0)) } ?? .null,
                  issue.offset.map(SQLValue.integer) ?? .null, .text(issue.reason), issue.excerpt.map(SQLValue.text) ?? .null,
                  .integer(now())])
    }

    private func ingestFile(_ path: String, writer: EventWriter) throws {
        var size: Int64 = 0
        var mtime: Int64?
        if path != "-" {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
                try writer.afterWritten(queued: false) {
                    try self.record(IngestIssue(reason: "cannot read file attributes"), path: path, sourceId: nil)
                }
                return
            }
            size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            mtime = (attributes[.modificationDate] as? Date).map { Int64($0.timeIntervalSince1970 * 1000) }
            // Unchanged since it was ingested: skip without reading it.
            if try isKnown(FileIdentity(path: path, bytes: size, mtime: mtime), writer: writer) { summary.filesSkipped += 1; return }
        }
        let file: FileByteSource
        do {
            file = path == "-" ? FileByteSource(descriptor: 0, name: "-") : try FileByteSource(path: path)
        } catch let error as ProxyLensError {
            try writer.afterWritten(queued: false) {
                try self.record(IngestIssue(reason: error.reason), path: path, sourceId: nil)
                self.stored.filesWithProblems += 1
            }
            return
        }
        let rawHead = try PrefixedByteSource.head(of: file, count: 65_536)
        // CloudWatch's permission probe object in an S3 export folder holds no events.
        if InputPaths.fileName(path) == "aws-logs-write-test"
            || (rawHead.count < 64 && String(decoding: rawHead, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "Permission Check Successful") {
            summary.filesSkipped += 1
            return
        }
        var source: ByteSource = PrefixedByteSource(prefix: rawHead, upstream: file)
        let compressed = rawHead.withUnsafeBytes { GzipByteSource.isGzip($0) }
        if compressed { source = try GzipByteSource(source, name: path) }
        let window = ByteWindow(source)
        var headProblem: String?
        do {
            while window.available < 65_536, try window.fill() {}
        } catch let error as ProxyLensError {
            headProblem = error.reason
        }
        let kind = ContainerKind.sniff(UnsafeBufferPointer(start: window.pointer + window.position, count: window.available))
        // A UTF-8 byte order mark is not part of the content.
        if window.available >= 3, window.pointer[window.position] == 0xEF, window.pointer[window.position + 1] == 0xBB,
           window.pointer[window.position + 2] == 0xBF {
            window.position += 3
        }
        let exportLayout = InputPaths.exportTaskLayout(path)
        // In a bulk load, an ordinary file's database work is queued behind its events rather
        // than waited for. Configuration (read on this thread), files of an export task (whose
        // group is looked up) and --strict (which stops at the first problem) wait.
        var queued = writer.isBulk && !options.strict && exportLayout == nil
        if case .configuration = kind { queued = false }
        // Set by the queued work; read by this thread only when not queued.
        let sourceRow = SourceRow()
        try writer.begin(queued: queued) { [self] in
            try beginIfNeeded()
            try database.statement("""
                INSERT INTO source (path, container, sha256, bytes, mtime, events, compressed, export_task_id, ingested_at)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)
                """).run([.text(path), .text("unknown"), .text("pending-\(UUID().uuidString)"), .integer(size),
                          mtime.map(SQLValue.integer) ?? .null, .integer(compressed ? 1 : 0),
                          exportLayout.map { .text($0.taskId) } ?? .null, .integer(now())])
            sourceRow.id = database.lastInsertRowID
            return sourceRow.id
        }
        // Events whose container names no group get one from the export task, else from the
        // path (a Lambda or a proxy group by each line's kind), decided before reading so no
        // row is written twice.
        let exportGroup = try exportLayout.flatMap { layout in
            try database.scalar("SELECT log_group FROM export_task WHERE task_id = ?", [.text(layout.taskId)]).string
        }
        if let exportGroup {
            writer.fallbackGroups = (exportGroup, exportGroup)
        } else {
            let prefix = exportLayout.flatMap { layout -> String? in
                let parts = path.split(separator: "/").map(String.init)
                guard let index = parts.lastIndex(of: layout.taskId), index > 0 else { return nil }
                return parts[index - 1]
            }
            writer.fallbackGroups = (InputPaths.guessLogGroup(path: path, sawLambda: true, sawProxy: false, exportPrefix: prefix),
                                     InputPaths.guessLogGroup(path: path, sawLambda: false, sawProxy: true, exportPrefix: prefix))
        }
        var problems: [IngestIssue] = []
        writer.onIssue = { problems.append($0) }
        var container = "unknown"
        var groupOrigin: String? = nil
        var fileGroup: String? = options.logGroup
        do {
            if let headProblem, window.available == 0 { throw ProxyLensError(.input, path, headProblem) }
            switch kind {
            case .unknown(let reason):
                throw ProxyLensError(.input, path, reason)
            case .configuration:
                container = try readConfiguration(window, path: path, sourceId: sourceRow.id)
            case .lambdaSubscriptionEvent:
                container = "subscription-lambda-event"
                let payload = try Self.decodeLambdaEvent(window, path: path)
                var reader = CloudWatchJSONReader(defaultStream: options.logStream, defaultGroup: options.logGroup)
                try reader.read(ByteWindow(try GzipByteSource(MemoryByteSource(payload), name: path)), into: writer)
            case .logEventsJSON:
                var reader = CloudWatchJSONReader(defaultStream: options.logStream ?? InputPaths.streamName(fromPath: path),
                                                  defaultGroup: options.logGroup)
                do {
                    defer { container = reader.containerName }
                    try reader.read(window, into: writer)
                } catch let error as JSONReader.SyntaxError {
                    throw ProxyLensError(.input, path, line: lineNumber(of: path, compressed: compressed, offset: error.offset),
                                         error.reason + (writer.eventsRead > 0 ? "; the \(writer.eventsRead) events before it were kept" : ""))
                }
            case .insightsCSV:
                var reader = InsightsCSVReader(json: CloudWatchJSONReader(defaultStream: options.logStream ?? InputPaths.streamName(fromPath: path),
                                                                          defaultGroup: options.logGroup))
                container = "insights-csv"
                try reader.read(window, into: writer)
            case .text(let layout):
                container = layout.rawValue
                let stream: String
                if layout == .s3Export, let exportLayout { stream = exportLayout.stream } else {
                    stream = options.logStream ?? InputPaths.streamName(fromPath: path)
                }
                let reader = TextExportReader(layout: layout, logGroup: options.logGroup, defaultStream: stream)
                try reader.read(window, into: writer)
            }
        } catch let error as ProxyLensError {
            problems.append(IngestIssue(line: error.line, reason: error.reason))
        } catch is ByteWindow.WindowOverflow {
            problems.append(IngestIssue(reason: "a single value longer than \(window.maximumWindow >> 20) MiB; the rest of the file is skipped"))
        }
        // The digest covers the whole file, read or not.
        let digest: String
        do { digest = try file.finishDigest() } catch { digest = "unreadable-\(UUID().uuidString)" }
        summary.bytesRead += size
        summary.eventsRead += writer.eventsRead
        if writer.eventsRead > 0 {
            groupOrigin = writer.eventsWithoutGroup == 0 ? (options.logGroup != nil ? "option" : "container")
                : exportGroup != nil ? "export-task" : "path"
        }
        fileGroup = writer.singleGroup
        // Everything read before a problem is kept: after the file's events are written.
        let eventsRead = writer.eventsRead
        try writer.afterWritten(queued: queued) { [self, container, groupOrigin, fileGroup, problems] in
            let sourceId = sourceRow.id
            let eventsAdded = writer.eventsAddedBySource
            stored.eventsAdded += eventsAdded
            batchEvents += eventsRead
            let duplicate = try database.scalar("SELECT id FROM source WHERE sha256 = ?", [.text(digest)]).int
            if let duplicate, duplicate != sourceId {
                // The same bytes under another name: nothing new can come of it.
                try database.statement("DELETE FROM source WHERE id = ?").run([.integer(sourceId)])
                stored.filesSkipped += 1
            } else {
                stored.filesRead += 1
                try database.statement("""
                    UPDATE source SET container = ?, sha256 = ?, events = ?, events_added = ?, log_group = ?, log_group_origin = ?, complete = ?
                    WHERE id = ?
                    """).run([.text(container), .text(digest), .integer(Int64(eventsRead)), .integer(Int64(eventsAdded)),
                              fileGroup.map(SQLValue.text) ?? .null, groupOrigin.map(SQLValue.text) ?? .null,
                              .integer(problems.contains { !$0.keptData } ? 0 : 1), .integer(sourceId)])
                if eventsAdded > 0 || container.hasPrefix("config") || container == "export-tasks" { try markStale() }
                if problems.contains(where: { !$0.keptData }) { stored.filesWithProblems += 1 }
                for problem in problems {
                    try record(problem, path: path, sourceId: sourceId)
                    if options.strict && !problem.keptData {
                        try commit()
                        throw ProxyLensError(.input, path, line: problem.line, problem.reason + " (stopped: --strict)")
                    }
                }
            }
            if batchEvents > 400_000 { try commit() }
        }
        if Date().timeIntervalSince(lastProgress) > 0.5 {
            lastProgress = Date()
            onProgress(summary.bytesRead, summary.eventsRead)
        }
    }

    /// Whether a file with these attributes was ingested before.
    private func isKnown(_ file: FileIdentity, writer: EventWriter) throws -> Bool {
        // A bulk load's files are looked up in memory: the inserting thread may be using the
        // database. A file is known from the moment it is first read, as its row would be.
        if writer.isBulk { return !knownFiles.insert(file).inserted }
        try writer.finish()
        return try database.scalar("SELECT count(*) FROM source WHERE path = ? AND bytes = ? AND mtime IS ?",
                                   [.text(file.path), .integer(file.bytes), file.mtime.map(SQLValue.integer) ?? .null]).int ?? 0 > 0
    }

    private func markStale() throws {
        try database.statement("INSERT INTO meta (key, value) VALUES ('derived_stale', '1') ON CONFLICT(key) DO UPDATE SET value = '1'").run()
    }

    /// The 1-based line a byte offset falls on, by reading the file again (only on errors).
    private func lineNumber(of path: String, compressed: Bool, offset: Int64) -> Int? {
        guard path != "-", let file = try? FileByteSource(path: path, hashing: false) else { return nil }
        var source: ByteSource = file
        if compressed, let gzip = try? GzipByteSource(file, name: path) { source = gzip }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
        defer { buffer.deallocate() }
        var line = 1
        var seen: Int64 = 0
        while seen < offset, let n = try? source.read(into: buffer), n > 0 {
            let count = Int(min(Int64(n), offset - seen))
            for i in 0..<count where buffer[i] == 0x0a { line += 1 }
            seen += Int64(n)
        }
        return line
    }

    /// The base64 gzip payload inside a Lambda subscription destination's event.
    static func decodeLambdaEvent(_ window: ByteWindow, path: String) throws -> [UInt8] {
        while try window.fill() {
            if window.available > 64 << 20 { throw ProxyLensError(.input, path, "a Lambda subscription event over 64 MiB") }
        }
        let data = Data(bytes: window.pointer + window.position, count: window.available)
        window.position = window.end
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let encoded = (object["awslogs"] as? [String: Any])?["data"] as? String,
              let payload = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
            throw ProxyLensError(.input, path, "an awslogs event without base64 data")
        }
        return Array(payload)
    }

    private func readConfiguration(_ window: ByteWindow, path: String, sourceId: Int64) throws -> String {
        while try window.fill() {
            if window.available > 32 << 20 { throw ProxyLensError(.input, path, "a configuration document over 32 MiB") }
        }
        let data = Data(bytes: window.pointer + window.position, count: window.available)
        window.position = window.end
        let document = try ConfigurationReader.read(data, fileName: path)
        try ConfigurationStore(database: database).save(document, sourceId: sourceId)
        if !document.exportTasks.isEmpty { try applyExportTasks() }
        return document.kind
    }

    /// Gives events read before their task's description was seen the task's log group.
    private func applyExportTasks() throws {
        try database.execute("""
            UPDATE event SET log_group = (SELECT t.log_group FROM source s JOIN export_task t ON t.task_id = s.export_task_id WHERE s.id = event.source_id)
            WHERE source_id IN (SELECT s.id FROM source s JOIN export_task t ON t.task_id = s.export_task_id
                                WHERE s.log_group_origin = 'path' AND t.log_group IS NOT NULL);
            UPDATE source SET log_group = (SELECT log_group FROM export_task WHERE task_id = source.export_task_id), log_group_origin = 'export-task'
            WHERE log_group_origin = 'path' AND export_task_id IN (SELECT task_id FROM export_task WHERE log_group IS NOT NULL);
            """)
    }

    /// Rebuilds the derived tables when something changed.
    private func finish(_ gathered: DerivationInput?, unlessChangedSince version: Int64?) throws {
        let stale = try database.scalar("SELECT value FROM meta WHERE key = 'derived_stale'").string == "1"
        guard stale else { return }
        try database.transaction {
            // Another ingest into the same database meanwhile: derive from all of `event`.
            let alone = try database.scalar("PRAGMA data_version").int == version
            try Deriver(database: database).rebuild(from: alone ? gathered : nil)
            try database.execute("""
                UPDATE meta SET value = '0' WHERE key = 'derived_stale';
                INSERT INTO meta (key, value) VALUES ('derived_version', '1')
                ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;
                """)
        }
        summary.derivedRebuilt = true
    }
}
