/// Everything deriving needs from `event`, gathered one line at a time: the Lambda lines by
/// stream, the proxy lines folded into sessions and connections, and the log group names. Filled
/// either by the derive scan of `event`, or, in a bulk load, by the inserting thread as it
/// writes each line (so the scan, the largest part of deriving, is not needed). Both call
/// `add`, with the same values, in the same order: the order of `event.id`.
struct DerivationInput {
    var lambda: LambdaLines
    var proxy: ProxySessions
    var groups = ByteInterner()

    /// `heldBudget`: bytes of Lambda lines held before they are spilled; the proxy's rows may take
    /// half as much again (a proxy line folds into a row of its session: far fewer rows than lines).
    /// `spillDirectory`: where what passes the budget is written (nil: where SQLite makes its
    /// temporary files).
    init(heldBudget: Int = LambdaLines.defaultHeldBudget, spillDirectory: String? = nil) {
        lambda = LambdaLines(heldBudget: heldBudget, spillDirectory: spillDirectory)
        proxy = ProxySessions(heldBudget: heldBudget / 2, spillDirectory: spillDirectory)
    }

    /// Why what passed the budget could not be written out (it was kept in memory instead).
    var spillFailures: [String] { [lambda.spillFailure, proxy.spillFailure].compactMap { $0 } }

    /// One line of `event`; `message` is given only where `LineRole.readsMessage` says so.
    mutating func add(role kindRole: LineRole, request: UnsafeBufferPointer<UInt8>?, stream: UnsafeBufferPointer<UInt8>,
                      ts: Int64, eventId: Int64, transactionEffect: Int64, group groupBytes: UnsafeBufferPointer<UInt8>?,
                      proxyTs: Int64?, client: Int64?, db: Int64?, message: UnsafeBufferPointer<UInt8>?) {
        var role = kindRole
        func group() -> Int32 { groupBytes.map { groups.intern($0) } ?? -1 }
        if role.isLambda(hasRequestId: request != nil) {
            var report: ReportValues?
            switch role {
            case .report: report = message.map(ReportLine.values(bytes:)) ?? ReportValues()
            case .platformReport: report = message.map(PlatformRecord.reportValues(bytes:)) ?? ReportValues()
            // A byte search, as String.contains is in this module.
            case .app where message.map({ ProxyBytes.contains($0[...], "\"errorType\"") }) ?? false: role = .appErrorRecord
            // The scan reads an application line's message only at an error level.
            case .app where message != nil: role = .appErrorLevel
            default: break
            }
            let effect = role == .app || role == .appErrorRecord || role == .appErrorLevel || role == .untagged ? transactionEffect : 0
            lambda.append(stream: stream, ts: ts, eventId: eventId, role: role,
                          transactionEffect: effect == 1 || effect == -1 ? Int8(effect) : 0,
                          request: request, report: report, group: group)
        }
        if role == .proxy, let message {
            proxy.add(eventId: eventId, group: group(), ts: proxyTs ?? ts, client: client, db: db, message: message)
        }
    }
}
