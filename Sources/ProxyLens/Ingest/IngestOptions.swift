import Foundation
import Glibc

/// Options for one ingest run.
public struct IngestOptions: Sendable {
    /// Log group for events whose container does not name one, for every input.
    public var logGroup: String?
    /// `--log-group PATH=GROUP`: groups for the files at or under a path (the most specific wins
    /// over `logGroup`).
    public var logGroups: [LogGroupOption] = []
    /// Log stream for `get-log-events` output (else taken from the file name).
    public var logStream: String?
    /// Stop at the first problem instead of going on with the rest.
    public var strict = false
    /// The most standard input may hold (a file's size is known; a pipe's is not).
    public var stdinLimit: Int64 = IngestOptions.defaultStdinLimit
    public static let defaultStdinLimit: Int64 = 16 << 30
    /// Bytes of Lambda lines deriving holds in memory before it spills them to a temporary file,
    /// nil for deriving's own (tests make it small to exercise the spill on small inputs).
    var lambdaLinesHeld: Int?
    /// Memory for the in-memory part of a bulk load's dedupe keys, in bytes; nil for the store's
    /// own. Tests make it tiny, so that a few thousand events go through the keys' runs on disk.
    var dedupeTableBytes: Int?
    /// Where what passes a memory budget is written (the dedupe keys' runs, deriving's spilled
    /// lines and rows); nil for the folder SQLite makes its own temporary files in (`SpillFile`).
    var spillFolder: String?
    public init(logGroup: String? = nil, logStream: String? = nil, strict: Bool = false, stdinLimit: Int64 = IngestOptions.defaultStdinLimit,
                logGroups: [LogGroupOption] = []) {
        self.logGroup = logGroup
        self.logGroups = logGroups
        self.logStream = logStream
        self.strict = strict
        self.stdinLimit = stdinLimit
    }

    /// The group given for `file`'s events whose export names none, if any.
    public func logGroup(forFile file: String) -> String? {
        LogGroupOption.group(forFile: file, in: (logGroup.map { [LogGroupOption(path: nil, group: $0)] } ?? []) + logGroups)
    }
}
