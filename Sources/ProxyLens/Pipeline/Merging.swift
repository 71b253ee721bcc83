import Foundation

/// One `merge` run: databases made by separate `ingest` runs over partitions of one incident (an
/// S3 export prefix each, a log group each, a time slice each) into one output, which then holds
/// what one ingest of every input file would have: the same events (deduplicated by ingest's
/// rules, `PartitionMerger`), sources, problems, configuration and metrics; its derived tables
/// rebuilt from the merged events (`Deriver`, whose results do not depend on input order) and
/// its failed invocations classified (`Classifier`), as `analyze` would.
///
/// The output is written whole or not at all: the work is done on a file beside it (a copy of
/// it, when it exists, taken while holding its write lock) that replaces it by a rename at the
/// end. The inputs are only read (attached read-only); those that need bringing up to date are
/// merged from a temporary copy beside the output.
public final class Merging {
    public let outputPath: String
    /// Called with one line of progress at each step.
    public var onProgress: (String) -> Void = { _ in }

    public init(outputPath: String) {
        self.outputPath = outputPath
    }

    public func run(inputs paths: [String]) throws -> MergeSummary {
        var summary = MergeSummary()
        var clock = Date()
        func lap(_ name: String) {
            summary.timings.append((name, Date().timeIntervalSince(clock)))
            clock = Date()
        }
        // Every input is checked before anything is written.
        let output = try Self.identity(of: outputPath)
        var seen: [FileKey: String] = [:]
        var inputs: [MergeInput] = []
        for path in paths {
            let input = try MergeInput.check(path)
            let identity = try Self.identity(of: path)
            if let identity, identity == output {
                throw ProxyLensError(.usage, path, "is the output (--db); merge writes a new version of it, so it cannot also be an input")
            }
            if let identity, let earlier = seen[identity] {
                throw ProxyLensError(.usage, path, "is given twice (also as \(earlier))")
            }
            if let identity { seen[identity] = path }
            inputs.append(input)
        }

        let folder = URL(fileURLWithPath: outputPath).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ProxyLensError(.usage, outputPath, "its folder \(folder) does not exist")
        }
        let name = URL(fileURLWithPath: outputPath).lastPathComponent
        let work = "\(folder)/.\(name).merge-\(UUID().uuidString)"
        // Held from the copy to the rename: no other run may commit to the output meanwhile
        // (its rows would be lost with the file the rename replaces).
        var lock: Database?
        defer {
            Self.remove(work)
            if let lock { try? lock.execute("ROLLBACK") }
        }
        if output != nil {
            // Opened as any command opens it: checked, migrated, a crashed run's journal rolled back.
            let existing = try Database(path: outputPath)
            try existing.execute("BEGIN IMMEDIATE")
            lock = existing
            do { try FileManager.default.copyItem(atPath: outputPath, toPath: work) } catch {
                throw ProxyLensError(.database, outputPath, "cannot copy it to merge into (\(work)): \(error.localizedDescription)")
            }
            onProgress("copied \(outputPath) to merge into")
        }
        let database = try Database(path: work, attaching: true)
        // The file replaces the output only when whole; it is synced once, before the rename.
        try database.execute("PRAGMA synchronous = OFF")
        let hash = try MessageHash.used(by: database)
        try PartitionMerger.begin(database)
        lap("open")

        for (number, input) in inputs.enumerated() {
            try Interruption.check()
            var attached = input.path
            let copy = "\(work)-input-\(number + 1)"
            defer { Self.remove(copy) }
            if !input.isReady(for: hash) {
                onProgress("[\(number + 1)/\(inputs.count)] \(input.path): bringing a copy up to date (schema \(input.version), \(input.messageHash.rawValue) message hashes)")
                try input.prepare(at: copy, hash: hash)
                attached = copy
                summary.inputsPrepared += 1
            }
            try database.attach(readOnly: attached, as: "partition")
            let copied: PartitionMerger.Copied
            do {
                copied = try database.transaction {
                    try PartitionMerger(database: database, schema: "partition", derivingNotePrefix: Deriver.notePrefix).copy()
                }
            } catch let error as ProxyLensError {
                try? database.detach("partition")
                throw ProxyLensError(error.kind, input.path, "cannot merge it: \(error.reason)")
            }
            try database.detach("partition")
            summary.inputs += 1
            summary.sourcesAdded += copied.sources
            summary.sourcesAlreadyPresent += copied.sourcesAlreadyPresent
            summary.eventsRead += copied.eventsRead
            summary.eventsAdded += copied.eventsCopied
            summary.metricPointsAdded += copied.metricPoints
            summary.problemsCarried += copied.problems
            onProgress("[\(number + 1)/\(inputs.count)] \(input.path): \(copied.sources) source\(copied.sources == 1 ? "" : "s")"
                       + (copied.sourcesAlreadyPresent > 0 ? " (\(copied.sourcesAlreadyPresent) already in)" : "")
                       + ", \(copied.eventsCopied) events")
        }
        lap("copy")

        try Interruption.check()
        onProgress("building the dedupe index (and dropping copies of events, if any)")
        summary.duplicates = try database.transaction { try PartitionMerger.finish(database) }
        summary.eventsAdded -= summary.duplicates.total
        lap("dedupe")
        try Interruption.check()
        onProgress("deriving invocations, instances and proxy sessions")
        var notes: [(path: String, issue: IngestIssue)] = []
        summary.unattributed = try Deriver(database: database).rebuildIfStale(from: nil, unlessChangedSince: nil, notes: &notes) ?? UnattributedLines()
        lap("derive")
        try Interruption.check()
        onProgress("classifying failed invocations")
        summary.classified = try Classifier(database: database).run()
        lap("classify")

        try Interruption.check()
        try database.execute("PRAGMA synchronous = FULL")
        try Self.sync(work)
        if rename(work, outputPath) != 0 {
            throw ProxyLensError(.database, outputPath, "cannot replace it with the merged database (\(work)): \(String(cString: strerror(errno)))")
        }
        lap("write")
        return summary
    }

    /// A file's device and inode: one file under two names is one key.
    private struct FileKey: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// The file's key; nil when there is no such file.
    private static func identity(of path: String) throws -> FileKey? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileKey(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    private static func sync(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0, fsync(descriptor) == 0 else {
            if descriptor >= 0 { close(descriptor) }
            throw ProxyLensError(.database, path, "cannot write the merged database to disk: \(String(cString: strerror(errno)))")
        }
        close(descriptor)
    }

    /// Removes a work file and the journal SQLite may have left beside it.
    private static func remove(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
