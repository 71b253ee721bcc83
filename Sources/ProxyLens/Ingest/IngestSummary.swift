import Foundation
import Glibc

/// What one ingest run did.
public struct IngestSummary: Sendable {
    public var filesRead = 0
    public var filesSkipped = 0
    /// Files whose bytes were those of a file already ingested under another name.
    public var sameContentSkipped = 0
    /// CloudWatch's write-test object in an S3 export folder (`aws-logs-write-test`), which holds no events.
    public var probesSkipped = 0
    public var filesWithProblems = 0
    /// Problems that skipped something (a file, the rest of a file, a record).
    public var problems = 0
    /// Notes about data that was kept with a change (e.g. invalid UTF-8 replaced).
    public var notes = 0
    public var bytesRead: Int64 = 0
    public var eventsRead = 0
    public var eventsAdded = 0
    /// Events dropped as copies of events already stored, by the rule that found them the same.
    public var duplicates = DuplicateCounts()
    /// Points added to `metric_point`.
    public var metricPointsAdded = 0
    public var derivedRebuilt = false
    /// Lines of Lambda streams no invocation could be given, when the derived tables were rebuilt.
    public var unattributed = UnattributedLines()
    /// Files the paths held (read, skipped or refused); 0 with paths given is "no input files".
    public var inputFiles = 0
    /// Stopped by Ctrl-C: what is whole was committed.
    public var interrupted = false
    /// Seconds spent reading inputs and rebuilding derived tables.
    public var timings: [(String, Double)] = []

    /// Adds the counts of files and events in `other` (not its bytes, reads or timings).
    mutating func add(_ other: IngestSummary) {
        filesRead += other.filesRead
        filesSkipped += other.filesSkipped
        sameContentSkipped += other.sameContentSkipped
        probesSkipped += other.probesSkipped
        filesWithProblems += other.filesWithProblems
        problems += other.problems
        notes += other.notes
        eventsAdded += other.eventsAdded
        metricPointsAdded += other.metricPointsAdded
    }
}
