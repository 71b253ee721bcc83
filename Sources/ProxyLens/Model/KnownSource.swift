/// A file ingested before (same path, size and time), as its `source` row left it: whether it
/// was read whole, what went wrong when it was not, and the log group its events were given.
struct KnownSource: Sendable {
    var id: Int64?
    /// False when a problem skipped part of it (see `problems`).
    var complete = true
    /// The first problem recorded when it was read (line, reason), and how many there were.
    var firstProblem: (line: Int?, reason: String)?
    var problemCount = 0
    var logGroup: String?
    /// container | option | export-task | path (see `source.log_group_origin`).
    var logGroupOrigin: String?
}
