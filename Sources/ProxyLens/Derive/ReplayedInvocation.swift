/// An invocation while deriving replays its stream's lines: what the lines have said of it so
/// far, including what only deriving needs (the platform's report status, the JSON error that
/// stands in for a missing one, open transactions). `stored` makes the `Invocation` row of it.
final class ReplayedInvocation {
    let requestId: String
    /// The number of the request id bytes it was created from, within its stream (`LambdaLines.Stream.request`).
    let request: Int32
    let function: String
    let instance: String
    let group: String?
    var startTs: Int64?
    var endTs: Int64?
    var lastTs: Int64
    var durationMs: Double?
    var billedMs: Int64?
    var initMs: Double?
    var memoryMB: Int64?
    var maxMemoryMB: Int64?
    var reportStatus: String?
    var timedOut = false
    var unhandledError = false
    var errorType: String?
    var errorMessage: String?
    var errorEventId: Int64?
    var jsonErrorMessage: String?
    var jsonErrorEventId: Int64?
    var events = 0
    var lastActivity: String?
    var lastActivityEventId: Int64?
    var lastActivityTs: Int64?
    var transactionDepth = 0
    var transactionBeginEventId: Int64?
    /// Lines that may carry its error (`LineRole.mayCarryError`), in time order, the last
    /// `maximumErrorLines` kept; written for failed invocations.
    var errorLines: [Int64] = []
    static let maximumErrorLines = 64

    /// A line's transaction marker: +1 opens a transaction (the line is kept as its beginning),
    /// -1 closes it.
    func applyTransactionEffect(_ effect: Int8, line eventId: Int64) {
        switch effect {
        case 1: transactionDepth = 1; transactionBeginEventId = eventId
        case -1: transactionDepth = 0; transactionBeginEventId = nil
        default: break
        }
    }

    func noteErrorLine(_ eventId: Int64) {
        if errorLines.count == Self.maximumErrorLines { errorLines.removeFirst() }
        errorLines.append(eventId)
    }

    init(requestId: String, request: Int32, function: String, instance: String, group: String?, ts: Int64) {
        self.requestId = requestId
        self.request = request
        self.function = function
        self.instance = instance
        self.group = group
        lastTs = ts
    }

    func apply(_ report: ReportValues) {
        if let value = report.durationMs { durationMs = value }
        if let value = report.billedMs { billedMs = value }
        if let value = report.initMs { initMs = value }
        if let value = report.memoryMB { memoryMB = value }
        if let value = report.maxMemoryMB { maxMemoryMB = value }
        if let value = report.status { reportStatus = value }
        if let value = report.errorType { errorType = value }
    }

    /// What the lines say, never a default: `timeout` and `error` as the platform or the
    /// runtime reported them; `success` only when the invocation's end was seen (END, REPORT,
    /// platform.report); else `incomplete` (a filtered or partial export, a cut time range).
    var status: InvocationStatus {
        if timedOut || reportStatus == "timeout" { return .timeout }
        if let reportStatus, reportStatus != "success" { return .error }
        if unhandledError { return .error }
        if reportStatus == nil, jsonErrorMessage != nil { return .error }
        if endTs == nil && reportStatus == nil { return .incomplete }
        return .success
    }

    /// Failed, or possibly failed: an incomplete invocation's error lines are kept too.
    var keepsErrorLines: Bool { status != .success && (status != .incomplete || !errorLines.isEmpty) }

    /// The row written for it, as the `seq`-th invocation of its instance, `idleBeforeMs` after
    /// the previous one ended.
    func stored(seq: Int, idleBeforeMs: Int64?) -> Invocation {
        let status = status
        return Invocation(
            requestId: requestId, function: function, instance: instance, logGroup: group, startTs: startTs,
            endTs: endTs ?? lastTs, durationMs: durationMs, billedMs: billedMs, initMs: initMs, memoryMB: memoryMB,
            maxMemoryMB: maxMemoryMB, status: status, errorType: errorType,
            // A JSON log record's error stands in only for an invocation known to have failed.
            errorMessage: errorMessage ?? (status.failed ? jsonErrorMessage : nil),
            errorEventId: errorEventId ?? jsonErrorEventId, coldStart: initMs != nil, seq: seq,
            idleBeforeMs: idleBeforeMs, lastActivity: lastActivity, lastActivityTs: lastActivityTs,
            transactionOpen: transactionDepth > 0, events: events,
            transactionBeginEventId: transactionDepth > 0 ? transactionBeginEventId : nil)
    }
}
