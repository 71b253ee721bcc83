/// One invocation as the `invocation` table holds it: deriving writes it, classifying reads it.
/// Its fields are the table's columns, in `columns` order; `Derive/InvocationRow.swift` binds and
/// reads them in that order, and a test writes one and reads it back.
public struct Invocation: Sendable, Equatable {
    public var requestId: String
    public var function: String
    public var instance: String
    public var logGroup: String?
    /// Nil when its start was not seen.
    public var startTs: Int64?
    /// Its end, or its last line when no end was seen.
    public var endTs: Int64
    public var durationMs: Double?
    public var billedMs: Int64?
    public var initMs: Double?
    public var memoryMB: Int64?
    public var maxMemoryMB: Int64?
    public var status: InvocationStatus
    public var errorType: String?
    public var errorMessage: String?
    /// The event that carried `errorMessage`.
    public var errorEventId: Int64?
    public var coldStart: Bool
    /// Its place among its instance's invocations, from 1.
    public var seq: Int
    /// How long its instance was idle before it began.
    public var idleBeforeMs: Int64?
    /// The last application line it logged (read back for failed invocations only).
    public var lastActivity: String?
    public var lastActivityTs: Int64?
    /// A transaction its lines opened was still open at its end.
    public var transactionOpen: Bool
    /// Lines attributed to it.
    public var events: Int
    /// The line that began the transaction still open at its end.
    public var transactionBeginEventId: Int64?

    /// The columns of `invocation`, in the order of the fields above.
    public static let columns = [
        "request_id", "function", "instance", "log_group", "start_ts", "end_ts", "duration_ms", "billed_ms", "init_ms",
        "memory_mb", "max_memory_mb", "status", "error_type", "error_message", "error_event_id", "cold_start", "seq",
        "idle_before_ms", "last_activity", "last_activity_ts", "txn_open", "events", "txn_begin_event_id",
    ]
}
