/// How an `Invocation` is written to and read from the `invocation` table: both follow
/// `Invocation.columns`, so the list of columns is written once.
extension Invocation {
    /// Replaces the row of the same request id (a request id in two streams: the later wins).
    static let upsertSQL = "INSERT OR REPLACE INTO invocation (\(columns.joined(separator: ", "))) VALUES ("
        + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"

    /// The columns to select, each prefixed with `alias.`, for `init(row:from:)`.
    static func selectList(_ alias: String) -> String {
        columns.map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    /// Reads the columns `selectList` named, starting at result column `first`.
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
            events: Int(row.int(next()) ?? 0))
    }

    /// Binds every column, in `columns` order, to a statement made from `upsertSQL`.
    func bind(to statement: Statement) {
        statement.bindRow(requestId, function, instance, logGroup, startTs, endTs, durationMs, billedMs, initMs,
                          memoryMB, maxMemoryMB, status.rawValue, errorType, errorMessage, errorEventId, coldStart, seq,
                          idleBeforeMs, lastActivity, lastActivityTs, transactionOpen, events)
    }
}
