import CSupport
import Foundation

/// Rebuilds the derived tables from `event`: Lambda invocations and instances from the platform
/// and application lines of each log stream, RDS Proxy sessions and database connections from
/// the proxy lines. Rebuilt whole after each ingest that added something, so re-ingesting and
/// ingesting in any order give the same result.
struct Deriver {
    let database: Database
    /// Bytes of Lambda lines the derive scan holds before it spills them (`LambdaLines`).
    var heldBudget = LambdaLines.defaultHeldBudget
    /// Where the derive scan spills (nil: where SQLite makes its temporary files).
    var spillDirectory: String?
    /// Where deriving's phases are timed (`PROXYLENS_TIMING`).
    var clock = PhaseClock()

    /// `gathered` is what a bulk load collected while writing every line of `event`; without
    /// it `event` is scanned.
    /// Rebuilds the derived tables when ingest marked them stale (`meta.derived_stale`), in one
    /// transaction; true when it did. `gathered` is used only if no other connection committed
    /// anything since `version` (`PRAGMA data_version`): else it is not the whole of `event`.
    /// Returns the lines no invocation could be given (nil when nothing was rebuilt); kept in
    /// `meta.unattributed_lines` for later commands, and said per stream in `notes`.
    func rebuildIfStale(from gathered: DerivationInput?, unlessChangedSince version: Int64?,
                        notes: inout [(path: String, issue: IngestIssue)]) throws -> UnattributedLines? {
        let stale = try database.scalar("SELECT value FROM meta WHERE key = 'derived_stale'").string == "1"
        guard stale else { return nil }
        var unattributed = UnattributedLines()
        try database.transaction {
            let alone = try database.scalar("PRAGMA data_version").int == version
            let rebuilt = try rebuild(from: alone ? gathered : nil)
            unattributed = rebuilt.unattributed
            notes = rebuilt.notes
            try database.statement("INSERT INTO meta (key, value) VALUES ('unattributed_lines', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
                .run([.text("\(unattributed.interleaved) \(unattributed.noPlatformLines) \(unattributed.beforeAnyInvocation)")])
            try database.execute(try SQLFolder.statements.sql("derive_mark_current"))
        }
        return unattributed
    }

    /// Notes `rebuild` writes to `ingest_error` (and gives back): they are remade with the tables.
    static let notePrefix = "lines not attributed: "
    /// A note `rebuild` gives back (not kept in `ingest_error`: it is about this run's memory).
    static let spillNotePrefix = "memory: "

    /// Rebuilds the derived tables; returns what could be given to no invocation, and the notes
    /// about it (each also an `ingest_error` row, one per stream).
    @discardableResult
    func rebuild(from gathered: DerivationInput? = nil) throws -> (unattributed: UnattributedLines, notes: [(path: String, issue: IngestIssue)]) {
        // Kept up row by row, the derived tables' own indexes were a quarter of deriving at four
        // times the benchmark corpus; made again after the rows are in, each is one sort.
        let indexes = try database.rows(try SQLFolder.statements.sql("derive_list_indexes")).compactMap { row in
            row[0].string.flatMap { name in row[2].string.map { (name: name, table: row[1].string ?? "", sql: $0) } }
        }
        for index in indexes { try database.execute("DROP INDEX \"\(index.name.replacingOccurrences(of: "\"", with: "\"\""))\"") }
        try database.execute(try SQLFolder.statements.sql("derive_clear"))
        try database.statement("DELETE FROM ingest_error WHERE source_id IS NULL AND reason LIKE ?").run([.text(Self.notePrefix + "%")])
        clock.lap("derive: clear")
        let input = try gathered ?? scanEvents()
        if gathered == nil { clock.lap("derive: scan events") }
        // Nothing was lost, but memory was not bounded: said, never silent.
        let spillNotes = input.spillFailures.map { failure in
            (path: spillDirectory ?? SpillFile.directory(), issue: IngestIssue(reason: Self.spillNotePrefix + "deriving kept in memory what passed its bound, as it could not be written to a temporary file (\(failure)); nothing is lost, but memory grew with the input: point SQLITE_TMPDIR or TMPDIR at a folder with space", keptData: true))
        }
        let (lambda, proxy, groups) = (input.lambda, input.proxy, input.groups)
        // Consumed: the Lambda lines are freed, stream by stream, before the proxy rows are merged.
        let (instances, unattributed, perStream) = try deriveInvocations(from: consume lambda, groups: groups)
        clock.lap("derive: invocations")
        // Before the instances are counted: the unique request id drops the rows a later stream replaced.
        for index in indexes where index.table == "invocation" { try buildIndex(index.sql) }
        clock.lap("derive: invocation indexes")
        try deriveInstances(instances)
        try deriveProxySessions(from: proxy, groups: groups)
        clock.lap("derive: instances and proxy sessions")
        for index in indexes where index.table != "invocation" { try database.execute(index.sql) }
        clock.lap("derive: other indexes")
        return (unattributed, spillNotes + (try noteUnattributed(perStream)))
    }

    /// Builds one of the derived tables' indexes again. Should a unique one find two invocations
    /// of one request id (met in two streams), the one written last is kept, as it was when the
    /// id was the table's key and each insert replaced the row before it.
    private func buildIndex(_ sql: String) throws {
        do {
            try database.execute(sql)
        } catch {
            guard sql.uppercased().hasPrefix("CREATE UNIQUE INDEX") else { throw error }
            try database.execute(try SQLFolder.statements.sql("derive_keep_last_invocation"))
            try database.execute(sql)
        }
    }

    /// One note per stream whose lines could not all be given an invocation.
    private func noteUnattributed(_ streams: [(stream: String, lines: Int, atOnce: Int)]) throws -> [(path: String, issue: IngestIssue)] {
        var notes: [(path: String, issue: IngestIssue)] = []
        for (stream, lines, atOnce) in streams {
            let path = try database.scalar("""
                SELECT s.path FROM event e JOIN source s ON s.id = e.source_id WHERE e.log_stream = ? ORDER BY e.id LIMIT 1
                """, [.text(stream)]).string ?? stream
            let issue = IngestIssue(reason: Self.notePrefix + "\(lines) lines of log stream \(stream) name no request id and are given to no invocation: up to \(atOnce) of its invocations ran at once, so the events are of several execution environments that came without their log stream (a Logs Insights query without @logStream, aws logs tail --format short); export them with their stream to attribute these lines", keptData: true)
            try database.statement("INSERT INTO ingest_error (source_id, path, reason, created_at) VALUES (NULL, ?, ?, ?)")
                .run([.text(path), .text(issue.reason), .integer(Int64(Date().timeIntervalSince1970 * 1000))])
            notes.append((path, issue))
        }
        return notes
    }

    // MARK: Scan

    /// Reads `event` once, in storage order, with no index (`StoredLines`): the table may have
    /// none besides its rowid, and walking one would cost a random lookup per line. Lambda lines
    /// are gathered to be replayed per stream in time order; proxy lines are folded as they come;
    /// the few messages the state machine reads beyond those are fetched again by id.
    private func scanEvents() throws -> DerivationInput {
        let gatherer = DerivationGatherer(heldBudget: heldBudget, spillDirectory: spillDirectory)
        try StoredLines(database: database).forEach { $0.gather(into: gatherer) }
        return gatherer.takeInput()
    }

    // MARK: Lambda

    /// Log group → function name, honouring custom LoggingConfig.LogGroup.
    func functionNames() throws -> [String: String] {
        var names: [String: String] = [:]
        let statement = try database.statement("SELECT function, log_group FROM function_config WHERE log_group IS NOT NULL")
        while try statement.step() {
            if let function = statement.text(0), let group = statement.text(1) { names[group] = function }
        }
        return names
    }

    static func functionName(forGroup group: String?, stream: String = "", known: [String: String]) -> String {
        // The stream of a custom (possibly shared) group names its function: that wins.
        if let named = LambdaStreamName.function(in: stream) { return named }
        guard let group else { return "unknown" }
        if let name = known[group] { return name }
        if group.hasPrefix("/aws/lambda/") { return String(group.dropFirst("/aws/lambda/".count)) }
        return group.split(separator: "/").last.map(String.init) ?? group
    }

    /// Replays each stream's lines in time order through the invocation state machine and
    /// writes the invocations. The state machine of the next stream runs on a second thread while
    /// this one writes the rows of the last: writing is the larger part, and only this thread
    /// uses the connection, so it also reads beforehand the messages the state machine needs.
    /// Returns each stream's totals, in instance name order.
    private func deriveInvocations(from gathered: consuming LambdaLines, groups: ByteInterner) throws
        -> ([InstanceTotals], UnattributedLines, [(stream: String, lines: Int, atOnce: Int)]) {
        var lines = gathered
        var unattributed = UnattributedLines()
        let known = try functionNames()
        let insert = try database.statement(try SQLFolder.statements.sql("derive_upsert_invocation"))
        let messageById = try database.prepare("SELECT message FROM event WHERE id = ?")
        let clearErrorLines = try database.statement(try SQLFolder.statements.sql("derive_clear_error_lines"))
        let insertErrorLine = try database.statement(try SQLFolder.statements.sql("derive_insert_error_line"))
        func message(_ eventId: Int64) throws -> String? {
            messageById.reset()
            messageById.bind(eventId, at: 1)
            return try messageById.step() ? messageById.text(0) : nil
        }

        let order = lines.streamsInNameOrder()
        let worker = OrderedWorker<Replayed>(name: "proxylens-derive")
        defer { worker.stop() }
        func start(_ position: Int) throws {
            let number = order[position]
            var messages: [Int64: String] = [:]
            let stream = try lines.take(stream: number)
            for line in 0..<stream.count where stream.role[line].messageFetchedForStateMachine {
                messages[stream.eventId[line]] = try message(stream.eventId[line])
            }
            let instance = lines.name(ofStream: number)
            worker.submit { [messages] in
                Self.replay(stream, instance: instance, groups: groups, known: known, messages: messages)
            }
        }
        var totals: [InstanceTotals] = []
        var perStream: [(stream: String, lines: Int, atOnce: Int)] = []
        if !order.isEmpty { try start(0) }
        for position in order.indices {
            if position + 1 < order.count { try start(position + 1) }
            var previousEnd: Int64?
            var instance: InstanceTotals?
            let replayed = worker.next()
            unattributed.add(replayed.unattributed)
            if replayed.unattributed.interleaved > 0 {
                perStream.append((lines.name(ofStream: order[position]), replayed.unattributed.interleaved, replayed.atOnce))
            }
            for (index, invocation) in replayed.invocations.enumerated() {
                let start = invocation.startTs ?? invocation.lastTs
                let idle = previousEnd.map { start - $0 }
                let failed = invocation.status.failed
                // The last application line is read back only for failed invocations.
                if failed, let id = invocation.lastActivityEventId, let message = try message(id) {
                    invocation.lastActivity = String(ErrorText.body(ofAppLine: message).prefix(500))
                }
                insert.resetForRebinding()
                invocation.stored(seq: index + 1, idleBeforeMs: idle).bind(to: insert)
                try insert.step()
                if invocation.keepsErrorLines {
                    // A request id in two streams: the row just written replaced the other's.
                    try clearErrorLines.run([.text(invocation.requestId)])
                    for eventId in invocation.errorLines {
                        insertErrorLine.resetForRebinding()
                        var lineRow = RowBinder(insertErrorLine)
                        lineRow.add(invocation.requestId); lineRow.add(eventId)
                        try insertErrorLine.step()
                    }
                }
                let end = invocation.endTs ?? invocation.lastTs
                previousEnd = end
                if instance == nil { instance = InstanceTotals(of: invocation) }
                instance?.count(invocation, end: end, failed: failed)
            }
            if let instance { totals.append(instance) }
        }
        return (totals, unattributed, perStream)
    }

    /// One stream's invocations, in the order they began, and the lines without a request id
    /// that could be given none of them (with how many invocations ran at once then).
    struct Replayed {
        var invocations: [ReplayedInvocation]
        var unattributed: UnattributedLines
        var atOnce = 1
    }

    /// When invocations of one stream overlap in time, the stream is not one execution
    /// environment (which runs one invocation at a time) but several whose stream name the
    /// container did not keep: the most invocations that ran at once, from each one's first to
    /// its last platform line; nil when none overlap (every real stream), so nothing changes there.
    static func invocationsAtOnce(_ stream: LambdaLines.Stream, requestKeys: [Int32]) -> Int? {
        var spans: [Int32: (start: Int64, end: Int64)] = [:]
        for line in 0..<stream.count where stream.role[line].isBoundary && stream.request[line] >= 0 {
            let key = requestKeys[Int(stream.request[line])]
            let ts = stream.ts[line]
            if let span = spans[key] { spans[key] = (min(span.start, ts), max(span.end, ts)) } else { spans[key] = (ts, ts) }
        }
        guard spans.count > 1 else { return nil }
        let sorted = spans.values.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var most = 1
        var running: [Int64] = []
        for span in sorted {
            running.removeAll { $0 <= span.start }
            running.append(span.end)
            most = max(most, running.count)
        }
        return most > 1 ? most : nil
    }

    /// The invocation state machine over one stream's lines, in time order: the stream's
    /// invocations, in the order they began. `messages` holds the message of every line whose
    /// role needs one, by event id.
    static func replay(_ stream: LambdaLines.Stream, instance: String, groups: ByteInterner, known: [String: String],
                       messages: [Int64: String]) -> Replayed {
        // A stream with an empty name has always been given no group: streams were told
        // apart by comparing each line's stream name with the one before, starting from "".
        let group = instance.isEmpty || stream.first.group < 0 ? nil : groups.string(stream.first.group)
        let function = Self.functionName(forGroup: group, stream: instance, known: known)
        let requestKeys = stream.requestKeys()
        let reportIndexes = stream.reportIndexes()
        // The stream's invocations by request key, in the order they began.
        var byId: [Int32: ReplayedInvocation] = [:]
        var order: [ReplayedInvocation] = []
        var current: ReplayedInvocation?
        // Request ids the platform's own lines name begin invocations. Any other id an
        // application line names while an invocation runs (a background thread's previous
        // request) is a reference, and the line belongs to the invocation running; named while
        // none runs, it begins an invocation whose platform lines the export does not hold (an
        // export filtered to errors and timeouts keeps some REPORT lines and drops the rest).
        var boundaryKeys = Set<Int32>()
        for line in 0..<stream.count where stream.role[line].isBoundary && stream.request[line] >= 0 {
            boundaryKeys.insert(requestKeys[Int(stream.request[line])])
        }
        let hasBoundaries = !boundaryKeys.isEmpty
        // Lines that may carry an error, logged while no invocation ran (the environment's init,
        // between invocations): the next invocation's, should it fail.
        var initLines: [Int64] = []
        var unattributed = UnattributedLines()
        // Lines logged while no invocation ran, not yet given to the next one.
        var pendingInit = 0
        let atOnce = Self.invocationsAtOnce(stream, requestKeys: requestKeys)
        let timeOrder = stream.timeOrder()
        // Outside the invocations delimited by platform lines, a line that names no request id
        // is given to the invocation that logged a line within a millisecond of it, when exactly
        // one did. A runtime writes its report of an unhandled error with no request id right
        // after a line that names it: Python's runtime logs `LAMBDA_WARNING: Unhandled exception…`
        // through its request-tagged logger, then `[ERROR] Type: message` with none, one call
        // after the other (aws-lambda-python-runtime-interface-client `awslambdaric/bootstrap.py`).
        // Looked up only for such lines, among the lines next to it in time.
        func owner(near position: Int) -> Int32? {
            let ts = stream.ts[timeOrder[position]]
            var found: Int32?
            for step in [-1, 1] {
                var next = position + step
                while next >= 0, next < timeOrder.count, abs(stream.ts[timeOrder[next]] - ts) <= 1 {
                    let request = stream.request[timeOrder[next]]
                    if request >= 0 {
                        if let found, requestKeys[Int(found)] != requestKeys[Int(request)] { return nil }
                        found = found ?? request
                    }
                    next += step
                }
            }
            return found
        }
        func invocation(for request: Int32, at ts: Int64) -> ReplayedInvocation {
            let key = requestKeys[Int(request)]
            if let existing = byId[key] { return existing }
            let created = ReplayedInvocation(requestId: stream.requests.string(request), request: request, function: function,
                                             instance: instance, group: group, ts: ts)
            byId[key] = created
            order.append(created)
            return created
        }

        for (position, line) in timeOrder.enumerated() {
            let eventId = stream.eventId[line]
            let ts = stream.ts[line]
            let role = stream.role[line]
            // Lines with no request id belong to the invocation running in the stream at that moment.
            var target: ReplayedInvocation? = current
            let request = stream.request[line]
            if request < 0, atOnce != nil {
                // Several environments in one stream: a line that names no request id may be any
                // of theirs (another's init, another's invocation), so it is given to none.
                unattributed.interleaved += 1
                continue
            }
            if request >= 0, current?.request != request {
                let key = requestKeys[Int(request)]
                // Only a request id begins one: Node.js names `undefined` while it initialises.
                if byId[key] != nil || boundaryKeys.contains(key) || (current == nil && stream.requests.string(request).isUUID) {
                    target = invocation(for: request, at: ts)
                }
            }
            // A line that names no request id while no invocation runs, logged within a
            // millisecond of a line of one invocation the export holds no platform line of.
            if target == nil, request < 0, let owner = owner(near: position), !boundaryKeys.contains(requestKeys[Int(owner)]) {
                target = invocation(for: owner, at: ts)
            }
            guard let target else {
                if role.mayCarryError || role == .app || role == .appErrorLevel {
                    if hasBoundaries { pendingInit += 1 } else { unattributed.noPlatformLines += 1 }
                }
                if role.mayCarryError, initLines.count < ReplayedInvocation.maximumErrorLines { initLines.append(eventId) }
                continue
            }
            if role.mayCarryError { target.noteErrorLine(eventId) }
            let message = role.messageFetchedForStateMachine ? messages[eventId] : nil
            switch role {
            case .initStart:
                continue
            case .start:
                target.startTs = target.startTs ?? ts
                current = target
                pendingInit = 0
                for id in initLines { target.noteErrorLine(id) }
                initLines.removeAll()
            case .report, .platformReport:
                target.apply(stream.reports[Int(reportIndexes[line])])
                target.endTs = ts
                if current === target { current = nil }
            case .runtimeDone:
                Self.applyRuntimeDone(message ?? "", to: target)
            case .end:
                if target.endTs == nil { target.endTs = ts }
                if current === target { current = nil }
            case .timeout:
                target.timedOut = true
                target.errorEventId = target.errorEventId ?? eventId
                target.errorMessage = target.errorMessage ?? (message ?? "").trimmingWhitespaceAndNewlines()
            case .runtimeExit:
                let message = (message ?? "").trimmingWhitespaceAndNewlines()
                target.unhandledError = true
                target.errorType = target.errorType ?? (message.contains("Runtime.") ? message.split(separator: "\n").last.map(String.init) : "Runtime.ExitError")
                if target.errorMessage == nil || target.errorEventId == nil {
                    target.errorMessage = message
                    target.errorEventId = eventId
                }
            case .appError:
                target.unhandledError = true
                if target.errorMessage == nil, let message {
                    target.errorMessage = String(message.prefix(4000))
                    target.errorEventId = eventId
                    target.errorType = target.errorType ?? ErrorText.exceptionType(message)
                }
            case .app, .appErrorRecord, .appErrorLevel:
                if let text = message {
                    target.jsonErrorMessage = String(text.prefix(4000))
                    target.jsonErrorEventId = eventId
                    target.errorType = target.errorType ?? ErrorText.jsonErrorType(text)
                }
                target.applyTransactionEffect(stream.transactionEffect[line], line: eventId)
                target.lastActivityEventId = eventId
                target.lastActivityTs = ts
            case .untagged:
                // A line no layout knows is the running invocation's too, and ORMs write their
                // transaction starts that way (SQLAlchemy's echo handler prints
                // `… INFO sqlalchemy.engine.Engine BEGIN (implicit)` to stdout itself).
                target.applyTransactionEffect(stream.transactionEffect[line], line: eventId)
            default:
                break
            }
            target.events += 1
            if ts > target.lastTs { target.lastTs = ts }
        }
        unattributed.beforeAnyInvocation += pendingInit
        return Replayed(invocations: order, unattributed: unattributed, atOnce: atOnce ?? 1)
    }

    /// Writes the totals counted while the invocations were written; if a row was replaced
    /// (a request id in two streams), the totals no longer hold and the SQL counts instead.
    private func deriveInstances(_ counted: [InstanceTotals]) throws {
        let written = counted.reduce(0) { $0 + $1.invocations }
        guard try database.scalar("SELECT count(*) FROM invocation").int == written else {
            try database.execute(try SQLFolder.statements.sql("derive_instances_from_invocations"))
            return
        }
        let insert = try database.statement(try SQLFolder.statements.sql("derive_insert_instance"))
        for totals in counted {
            insert.resetForRebinding()
            var instanceRow = RowBinder(insert)
            instanceRow.add(totals.function); instanceRow.add(totals.instance); instanceRow.add(totals.group)
            instanceRow.add(totals.firstTs); instanceRow.add(totals.lastTs); instanceRow.add(totals.invocations)
            instanceRow.add(totals.coldStarts); instanceRow.add(totals.failures)
            try insert.step()
        }
    }

    // MARK: RDS Proxy

    private func deriveProxySessions(from proxy: ProxySessions, groups: ByteInterner) throws {
        let groupName = { (group: Int32) -> String? in group < 0 ? nil : groups.string(group) }
        let names = try ProxyNames(database: database, groups: proxy.groups.map(groupName))
        let insertSession = try database.statement(try SQLFolder.statements.sql("derive_insert_proxy_session"))
        let insertConnection = try database.statement(try SQLFolder.statements.sql("derive_insert_proxy_db_connection"))
        // Close reasons, endpoints, users and pin reasons recur on many rows: each is made once.
        var texts = [String?](repeating: nil, count: proxy.texts.count)
        var closeKinds: [TextNumber: (kind: String, midRequest: Bool)] = [:]
        func text(_ number: TextNumber?) -> String? {
            guard let number, number >= 0 else { return nil }
            if let made = texts[Int(number)] { return made }
            let made = proxy.texts.string(number)
            texts[Int(number)] = made
            return made
        }
        func close(_ number: TextNumber?) -> (kind: String, midRequest: Bool)? {
            guard let number, let reason = text(number) else { return nil }
            if let known = closeKinds[number] { return known }
            // The borrowing client closed in the middle of a request.
            let made = (ProxyMessage.closeKind(reason), reason.contains("in the middle of a request"))
            closeKinds[number] = made
            return made
        }
        // In (proxy, connection) order, as they have always been inserted.
        try proxy.forEachByProxy({ names.name(forGroup: groupName($0)) }, session: { name, session in
            let closeReason = text(session.close?.value)
            // Not through `text`: each address is a session's own.
            let clientAddress = proxy.texts.text(session.connect?.value ?? -1)
            insertSession.resetForRebinding()
            var sessionRow = RowBinder(insertSession)
            sessionRow.add(name); sessionRow.add(groupName(session.group)); sessionRow.add(session.clientConnection)
            sessionRow.add(text(session.endpoint?.value)); sessionRow.add(session.connect?.ts ?? session.openedTs)
            sessionRow.add(clientAddress); sessionRow.add(clientAddress.map(ProxyMessage.clientIP(fromAddress:)))
            sessionRow.add(text(session.authUser?.value)); sessionRow.add(session.pin?.ts)
            sessionRow.add(text(session.pin?.value.reason)); sessionRow.add(text(session.pin?.value.digest))
            sessionRow.add(session.pin?.value.dbConnection); sessionRow.add(session.close?.ts); sessionRow.add(closeReason)
            sessionRow.add(close(session.close?.value)?.kind); sessionRow.add(session.firstEventId)
            sessionRow.add(session.close?.eventId)
            try insertSession.step()
        }, connection: { name, connection in
            let closeReason = text(connection.close?.value)
            insertConnection.resetForRebinding()
            var connectionRow = RowBinder(insertConnection)
            connectionRow.add(name); connectionRow.add(groupName(connection.group)); connectionRow.add(connection.dbConnection)
            connectionRow.add(connection.openedTs); connectionRow.add(connection.close?.ts); connectionRow.add(closeReason)
            connectionRow.add(Int64(close(connection.close?.value)?.midRequest == true ? 1 : 0))
            connectionRow.add(connection.releasedTs); connectionRow.add(connection.close?.eventId)
            try insertConnection.step()
        })
    }

    /// A `platform.runtimeDone` record's status and error type, on its invocation.
    static func applyRuntimeDone(_ message: String, to invocation: ReplayedInvocation) {
        guard let record = PlatformRecord.record(message) else { return }
        if let status = record["status"] as? String, status != "success" { invocation.reportStatus = status.lowercased() }
        if let type = record["errorType"] as? String { invocation.errorType = invocation.errorType ?? type }
    }
}
