/// Lines of Lambda log streams that deriving could give to no invocation, by why. Said in the
/// ingest summary: a user can then tell a partial or stream-less export from a complete one.
public struct UnattributedLines: Sendable, Equatable {
    /// Logged while several invocations ran in one "stream": the export named no streams
    /// (`aws logs tail --format short`, Insights without `@logStream`), so a line that names no
    /// request id cannot be given to one of them.
    public var interleaved = 0
    /// In a stream with no START/END/REPORT at all and naming no request id (a filtered export).
    public var noPlatformLines = 0
    /// Logged before the stream's first invocation began and not followed by one (init lines of
    /// an environment that never ran an invocation in the export).
    public var beforeAnyInvocation = 0

    public init() {}

    public var total: Int { interleaved + noPlatformLines }

    mutating func add(_ other: UnattributedLines) {
        interleaved += other.interleaved
        noPlatformLines += other.noPlatformLines
        beforeAnyInvocation += other.beforeAnyInvocation
    }

    /// One clause per reason with lines, for the summary.
    public var reasons: [String] {
        var out: [String] = []
        if interleaved > 0 {
            out.append("\(interleaved) logged while several invocations ran in one stream (the export has no stream names?)")
        }
        if noPlatformLines > 0 {
            out.append("\(noPlatformLines) in streams with no START/END/REPORT that name no request id (a filtered export?)")
        }
        return out
    }

    /// The summary's line about them (`ingest`, `merge`); nil when every line was given to one.
    public var sentence: String? {
        total == 0 ? nil : "\(total) line\(total == 1 ? "" : "s") could not be given to an invocation: " + reasons.joined(separator: "; ")
    }
}
