/// What one `merge` run did.
public struct MergeSummary: Sendable {
    /// Databases merged.
    public var inputs = 0
    /// Of them, those merged from a temporary copy brought up to date (older schema or another
    /// message hash).
    public var inputsPrepared = 0
    /// `source` rows added; and those skipped because a file with the same sha256 was already in.
    public var sourcesAdded = 0
    public var sourcesAlreadyPresent = 0
    /// Events the inputs held, and those kept after dedupe across them (and the output's own).
    public var eventsRead = 0
    public var eventsAdded = 0
    /// Events dropped as copies of events already stored, by the rule that found them the same.
    public var duplicates = DuplicateCounts()
    public var metricPointsAdded = 0
    /// `ingest_error` rows carried over.
    public var problemsCarried = 0
    /// Lines of Lambda streams no invocation could be given, after deriving.
    public var unattributed = UnattributedLines()
    /// What classifying the merged invocations found.
    public var classified = ClassifySummary()
    /// Seconds per step.
    public var timings: [(String, Double)] = []
}
