/// How an `Invocation` is bound to `Store/statements/derive_upsert_invocation.sql` and read from
/// `classify_failed_invocations.sql`: both in `Invocation.columns` order (a test holds the files to it).
extension Invocation {
    /// Reads the invocation's columns, in `columns` order, starting at result column `first`.
    init(row: Statement, from first: Int) {
        var column = first - 1
        func next() -> Int { column += 1; return column }
        self.init(
            requestId: row.text(next()) ?? "", function: row.text(next()) ?? "", instance: row.text(next()) ?? "",
            logGroup: row.text(next()), startTs: row.int(next()), endTs: row.int(next()) ?? 0,
            durationMs: row.double(next()), billedMs: row.int(next()), initMs: row.double(next()),
            memoryMB: row.int(next()), maxMemoryMB: row.int(next()),
            status: row.text(next()).flatMap(InvocationStatus.init(rawValue:)) ?? .error,
            errorType: row.text(next()), errorMessage: row.text(next()), errorEventId: row.int(next()),
            coldStart: row.int(next()) == 1, seq: Int(row.int(next()) ?? 1), idleBeforeMs: row.int(next()),
            lastActivity: row.text(next()), lastActivityTs: row.int(next()), transactionOpen: row.int(next()) == 1,
            events: Int(row.int(next()) ?? 0), transactionBeginEventId: row.int(next()))
    }

    /// Binds every column, in `columns` order, to `derive_upsert_invocation.sql`.
    func bind(to statement: Statement) {
        var row = RowBinder(statement)
        row.add(requestId); row.add(function); row.add(instance); row.add(logGroup); row.add(startTs); row.add(endTs)
        row.add(durationMs); row.add(billedMs); row.add(initMs); row.add(memoryMB); row.add(maxMemoryMB)
        row.add(status.rawValue); row.add(errorType); row.add(errorMessage); row.add(errorEventId); row.add(coldStart)
        row.add(seq); row.add(idleBeforeMs); row.add(lastActivity); row.add(lastActivityTs); row.add(transactionOpen)
        row.add(events); row.add(transactionBeginEventId)
    }
}
