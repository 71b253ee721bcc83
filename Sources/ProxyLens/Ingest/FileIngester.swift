import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads inputs into a store: recognises each file's container (`ContainerReaders`), streams
/// its events through the line parser into the store, records configuration, and notes every
/// problem. Deriving the tables that depend on events is the caller's next step (`Ingestion`).
final class FileIngester {
    let store: IngestStore
    let options: IngestOptions
    /// Called for each problem as it is recorded: (path, issue). In a bulk load, on the thread
    /// that writes to the database, so it must not touch the `Ingestion`.
    var onIssue: (String, IngestIssue) -> Void = { _, _ in }
    /// Called now and then with (bytes read, events read) so far.
    var onProgress: (Int64, Int) -> Void = { _, _ in }
    /// Called with (path, container, why) when a file's container is chosen.
    var onContainerChosen: (String, String, String) -> Void = { _, _, _ in }
    /// The database, whose own files are never inputs.
    var databasePath: String?

    /// Counted on the reading thread.
    private(set) var summary = IngestSummary()
    /// Counted by each file's store work, which may run on the writing thread (see
    /// `IngestStore.afterWritten`): kept apart from `summary` until the end of the run.
    private var stored = IngestSummary()
    private let sink: LineParsingSink
    private var lastProgress = Date()

    init(store: IngestStore, options: IngestOptions = IngestOptions()) {
        self.store = store
        self.options = options
        sink = LineParsingSink(store: store)
    }

    /// Reads every file under `paths`; returns what was read (derived tables not yet rebuilt).
    func run(paths: [String]) throws -> IngestSummary {
        let expansion = InputPaths.expand(paths, excludingDatabase: databasePath)
        summary.inputFiles = expansion.files.count
        // A PATH=GROUP that covers no input is a typo or a wrong folder: said before reading.
        for option in options.logGroups {
            guard let given = option.path, !expansion.files.contains(where: option.covers) else { continue }
            throw ProxyLensError(.usage, "--log-group", "'\(given)=\(option.group)': no input file is '\(given)' or under it (inputs: \(paths.joined(separator: ", ")))")
        }
        do {
            // Named and counted; the other paths are still read (as ripgrep does).
            for problem in expansion.problems {
                try store.afterWritten(queued: false) {
                    try self.record(IngestIssue(reason: problem.reason), path: problem.path, sourceId: nil)
                    self.stored.filesWithProblems += 1
                }
            }
            for path in expansion.excluded {
                onIssue(path, IngestIssue(reason: "the database's own file; not an input", keptData: true))
            }
            for path in expansion.files {
                if Interruption.requested { summary.interrupted = true; break }
                do {
                    try ingestFile(path)
                } catch is Interruption.Stopped {
                    summary.interrupted = true
                    break
                }
            }
            try noteUnnamedMetrics()
            try store.finish()
        } catch {
            // Whole files only: what the open transaction holds of a file is not kept.
            store.abandon()
            throw error
        }
        summary.add(stored)
        return summary
    }

    private func ingestFile(_ path: String) throws {
        let file: FileByteSource
        do {
            file = path == "-" ? FileByteSource(descriptor: 0, name: "-") : try FileByteSource(path: path)
        } catch let error as ProxyLensError {
            try store.afterWritten(queued: false) {
                try self.record(IngestIssue(reason: error.reason), path: path, sourceId: nil)
                self.stored.filesWithProblems += 1
            }
            return
        }
        let size = file.size
        let mtime = path == "-" ? nil : file.mtime
        if path == "-" {
            file.limit = options.stdinLimit
        } else if let known = try store.knownSource(FileIdentity(path: path, bytes: size, mtime: mtime)) {
            // Unchanged since it was ingested: skip without reading it.
            summary.filesSkipped += 1
            try reconsider(known, path: path)
            return
        }
        let rawHead = try PrefixedByteSource.head(of: file, count: 65_536)
        // CloudWatch's permission probe object in an S3 export folder holds no events.
        if InputPaths.fileName(path) == "aws-logs-write-test"
            || (rawHead.count < 64 && String(decoding: rawHead, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "Permission Check Successful") {
            summary.probesSkipped += 1
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
        let sample = ContentSample(path: path, head: UnsafeBufferPointer(start: window.pointer + window.position, count: window.available))
        let chosen = ContainerReaders.choose(sample)
        // A UTF-8 byte order mark is not part of the content.
        if window.available >= 3, window.pointer[window.position] == 0xEF, window.pointer[window.position + 1] == 0xBB,
           window.pointer[window.position + 2] == 0xBF {
            window.position += 3
        }
        var fileOptions = options
        fileOptions.logGroup = options.logGroup(forFile: path)
        let context = ContainerContext(path: path, options: fileOptions, exportLayout: sample.exportLayout, vote: sample.textVote)
        // Configuration and metrics are written on this thread, between events.
        let yields = (try? chosen.get())?.yields ?? .events
        let isConfiguration = yields != .events && yields != .nothing
        // In a bulk load, an ordinary file's store work is queued behind its events rather than
        // waited for. Configuration (read on this thread), files of an export task (whose group
        // is looked up) and --strict (which stops at the first problem) wait.
        let queued = store.isBulk && !options.strict && context.exportLayout == nil && !isConfiguration
        let sourceRow = try store.beginSource(NewSource(path: path, bytes: size, mtime: mtime, compressed: compressed,
                                                        exportTaskId: context.exportLayout?.taskId), queued: queued)
        sink.startFile()
        sink.currentSource = sourceRow
        sink.currentFolder = InputPaths.folder(path)
        sink.currentPath = path
        // Events whose container names no group get one from the export task, else from the
        // path (a Lambda or a proxy group by each line's kind), decided before reading so no
        // row is written twice.
        let exportGroup = try context.exportLayout.flatMap { try store.exportTaskGroup($0.taskId) }
        if let exportGroup {
            sink.fallbackGroups = (exportGroup, exportGroup)
        } else {
            let prefix = context.exportLayout.flatMap { layout -> String? in
                let parts = path.split(separator: "/").map(String.init)
                guard let index = parts.lastIndex(of: layout.taskId), index > 0 else { return nil }
                return parts[index - 1]
            }
            sink.fallbackGroups = (InputPaths.guessLogGroup(path: path, sawLambda: true, sawProxy: false, exportPrefix: prefix),
                                   InputPaths.guessLogGroup(path: path, sawLambda: false, sawProxy: true, exportPrefix: prefix))
        }
        var problems: [IngestIssue] = []
        sink.onIssue = { problems.append($0) }
        var container = "unknown"
        do {
            if let headProblem, window.available == 0 { throw ProxyLensError(.input, path, headProblem) }
            let reader = try chosen.get()
            container = reader.name
            onContainerChosen(path, reader.name, sample.explain(reader))
            do {
                container = try reader.read(window, context, into: sink)
            } catch let error as JSONReader.SyntaxError {
                throw ProxyLensError(.input, path, line: lineNumber(of: path, compressed: compressed, offset: error.offset),
                                     error.reason + (sink.eventsRead > 0 ? "; the \(sink.eventsRead) events before it were kept" : ""))
            }
        } catch let error as ProxyLensError {
            problems.append(IngestIssue(line: error.line, reason: error.reason))
        } catch is ByteWindow.WindowOverflow {
            problems.append(IngestIssue(reason: "a single value longer than \(window.maximumWindow >> 20) MiB; the rest of the file is skipped"))
        } catch let stopped as Interruption.Stopped {
            // Ctrl-C: a file half read is not kept (its rows go, its source row too), so that
            // running the same command again reads it whole.
            try store.afterWritten(queued: queued) { [store] in try store.discardSource(sourceRow) }
            throw stopped
        }
        // The digest covers the whole file, read or not; standard input is not read on after a
        // problem (it may never end), and its digest then names no content.
        var digest: String
        if path == "-" && problems.contains(where: { !$0.keptData }) {
            digest = "partial-\(UUID().uuidString)"
        } else {
            do { digest = try file.finishDigest() } catch let stopped as Interruption.Stopped {
                try store.afterWritten(queued: queued) { [store] in try store.discardSource(sourceRow) }
                throw stopped
            } catch {
                digest = "unreadable-\(UUID().uuidString)"
            }
        }
        // A file written to or truncated while it was read holds neither version: reported, and
        // not marked complete, so the next run reads it again.
        if path != "-", let (sizeNow, mtimeNow) = file.currentSizeAndTime(),
           sizeNow != size || mtimeNow != mtime || file.bytesRead != size {
            problems.append(IngestIssue(reason: "the file changed while it was read (\(size) bytes before, \(sizeNow) after); not marked complete, run again once it is written"))
            // A hash of neither version: the next run must not take the file as already read.
            digest = "changed-\(UUID().uuidString)"
        }
        problems.append(contentsOf: sink.finishFile())
        summary.bytesRead += size
        summary.eventsRead += sink.eventsRead
        var groupOrigin: String?
        if sink.eventsRead > 0 {
            groupOrigin = sink.eventsWithoutGroup == 0 ? (fileOptions.logGroup != nil ? "option" : "container")
                : exportGroup != nil ? "export-task" : "path"
        }
        // Everything read before a problem is kept: after the file's events are written.
        let outcome = SourceOutcome(path: path, container: container, sha256: digest, eventsRead: sink.eventsRead,
                                    logGroup: sink.singleGroup, logGroupOrigin: groupOrigin, isConfiguration: isConfiguration,
                                    metricPointsAdded: sink.metricPointsAdded)
        try store.afterWritten(queued: queued) { [self, problems] in
            let kept = try store.completeSource(sourceRow, outcome, problems: problems) { issue in
                if issue.keptData { self.stored.notes += 1 } else { self.stored.problems += 1 }
                self.onIssue(path, issue)
            }
            guard kept else { stored.sameContentSkipped += 1; return }
            let skippedData = problems.contains { !$0.keptData }
            // A file that gave nothing (not a log, empty, unreadable) was not ingested: it is
            // counted with the problems, not with the files read.
            let gaveNothing = outcome.eventsRead == 0 && !outcome.isConfiguration && outcome.metricPointsAdded == 0
            if !(gaveNothing && skippedData) { stored.filesRead += 1 }
            stored.eventsAdded += store.eventsAddedBySource
            stored.metricPointsAdded += outcome.metricPointsAdded
            if skippedData { stored.filesWithProblems += 1 }
            if options.strict, let first = problems.first(where: { !$0.keptData }) {
                try store.commit()
                throw ProxyLensError(.input, path, line: first.line, first.reason + " (stopped: --strict)")
            }
        }
        if Date().timeIntervalSince(lastProgress) > 0.5 {
            lastProgress = Date()
            onProgress(summary.bytesRead, summary.eventsRead)
        }
    }

    /// After the last file: get-metric-data results that no queries file of this run or an
    /// earlier one named, nor their label, are noted against their file (their points are kept in
    /// `metric_unresolved`; a queries file ingested later names them).
    private func noteUnnamedMetrics() throws {
        try store.afterWritten(queued: false) { [self] in stored.metricPointsAdded += try store.resolveMetricsAcrossFolders() }
        for (path, source, results) in sink.waitingResults {
            try store.afterWritten(queued: false) { [self] in
                let left = try store.unresolvedMetricPoints(sourceId: source.id)
                guard left > 0 else { return }
                let names = results.prefix(5).map { "\($0.queryId.map { $0.isEmpty ? "" : $0 + " " } ?? "")\"\($0.label)\"" }.joined(separator: ", ")
                let issue = IngestIssue(line: results.first?.line, reason: "\(results.count) metric series named neither by a --metric-data-queries file (matched on Id) nor by their label (\(names)\(results.count > 5 ? ", …" : "")): their \(left) points are kept in metric_unresolved until the queries file is ingested", keptData: true)
                try record(issue, path: path, sourceId: source.id)
            }
        }
    }

    /// A file skipped as already ingested is not taken as read whole when it was not: what was
    /// lost then is said again and counted as a problem of this run (a CI job re-running on a
    /// kept database must not pass on a file it only half read); the same bytes would lose the
    /// same, so they are not read again. A `--log-group` that now names another group for its
    /// events (a typo corrected, a guessed name set) is applied to them.
    private func reconsider(_ known: KnownSource, path: String) throws {
        if !known.complete, let first = known.firstProblem {
            let more = known.problemCount > 1 ? " (\(known.problemCount) problems then)" : ""
            let issue = IngestIssue(line: first.line, reason: "already ingested, but only in part: \(first.reason)\(more); these bytes are not read again: "
                                    + "fix or re-export the file and ingest the new one (see the ingest_error table)")
            try store.afterWritten(queued: false) {
                self.stored.problems += 1
                self.stored.filesWithProblems += 1
                self.onIssue(path, issue)
            }
        }
        guard let id = known.id, let group = options.logGroup(forFile: path),
              known.logGroupOrigin == "option" || known.logGroupOrigin == "path" else { return }
        guard let old = known.logGroup else {
            // Its events were given several groups (Lambda and proxy lines guessed apart): which
            // of them the option means is not known, so it is said rather than guessed.
            try store.afterWritten(queued: false) {
                self.stored.notes += 1
                self.onIssue(path, IngestIssue(reason: "already ingested with more than one log group; --log-group \(group) is not applied to its events: ingest it into a new database to give it one", keptData: true))
            }
            return
        }
        guard old != group else { return }
        try store.afterWritten(queued: false) {
            try self.store.changeLogGroup(ofSource: id, from: old, to: group)
            self.stored.notes += 1
            self.onIssue(path, IngestIssue(reason: "already ingested; its events' log group is now \(group) (--log-group), was \(old)\(known.logGroupOrigin == "path" ? " (guessed from the path)" : "")", keptData: true))
        }
    }

    /// A problem met outside any file's reading (its attributes, opening it).
    private func record(_ issue: IngestIssue, path: String, sourceId: Int64?) throws {
        if issue.keptData { stored.notes += 1 } else { stored.problems += 1 }
        onIssue(path, issue)
        try store.recordIssue(issue, path: path, sourceId: sourceId)
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
}
