import Foundation

/// Rebuilds the derived tables from `event`: Lambda invocations and instances from the platform
/// and application lines of each log stream, RDS Proxy sessions and database connections from
/// the proxy lines. Rebuilt whole after each ingest that added something, so re-ingesting and
/// ingesting in any order give the same result.
struct Deriver {
    let database: Database

    func rebuild() throws {
        try database.execute("""
            DELETE FROM invocation; DELETE FROM instance; DELETE FROM proxy_session; DELETE FROM proxy_db_connection;
            CREATE INDEX IF NOT EXISTS event_stream_time ON event(log_stream, ts);
            """)
        try deriveInvocations()
        try deriveInstances()
        try deriveProxySessions()
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

    static func functionName(forGroup group: String?, known: [String: String]) -> String {
        guard let group else { return "unknown" }
        if let name = known[group] { return name }
        if group.hasPrefix("/aws/lambda/") { return String(group.dropFirst("/aws/lambda/".count)) }
        return group.split(separator: "/").last.map(String.init) ?? group
    }

    final class Invocation {
        let requestId: String
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
        var lastActivityTs: Int64?
        var transactionDepth = 0
        var closed = false

        init(requestId: String, function: String, instance: String, group: String?, ts: Int64) {
            self.requestId = requestId
            self.function = function
            self.instance = instance
            self.group = group
            lastTs = ts
        }

        var status: String {
            if timedOut || reportStatus == "timeout" { return "timeout" }
            if let reportStatus, reportStatus != "success" { return "error" }
            if unhandledError { return "error" }
            if reportStatus == nil, jsonErrorMessage != nil { return "error" }
            return "success"
        }
    }

    private func deriveInvocations() throws {
        let known = try functionNames()
        let select = try database.prepare("""
            SELECT id, log_group, log_stream, ts, kind, request_id, level, message FROM event
            WHERE kind NOT IN ('proxy', 'xray', 'extension', 'other') OR request_id IS NOT NULL
            ORDER BY log_stream, ts, id
            """)
        let insert = try database.statement("""
            INSERT OR REPLACE INTO invocation (request_id, function, instance, log_group, start_ts, end_ts, duration_ms, billed_ms, init_ms,
                memory_mb, max_memory_mb, status, error_type, error_message, error_event_id, cold_start, seq, idle_before_ms,
                last_activity, last_activity_ts, txn_open, events)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var stream: String?
        var byId: [String: Invocation] = [:]
        var order: [Invocation] = []
        var current: Invocation?
        var pendingInit = false

        func flushStream() throws {
            var previousEnd: Int64?
            for (index, invocation) in order.enumerated() {
                let start = invocation.startTs ?? invocation.lastTs
                let idle = previousEnd.map { start - $0 }
                let cold = invocation.initMs != nil
                insert.reset()
                try insert.bind([
                    .text(invocation.requestId), .text(invocation.function), .text(invocation.instance),
                    invocation.group.map(SQLValue.text) ?? .null, invocation.startTs.map(SQLValue.integer) ?? .null,
                    .integer(invocation.endTs ?? invocation.lastTs), invocation.durationMs.map(SQLValue.real) ?? .null,
                    invocation.billedMs.map(SQLValue.integer) ?? .null, invocation.initMs.map(SQLValue.real) ?? .null,
                    invocation.memoryMB.map(SQLValue.integer) ?? .null, invocation.maxMemoryMB.map(SQLValue.integer) ?? .null,
                    .text(invocation.status), invocation.errorType.map(SQLValue.text) ?? .null,
                    (invocation.errorMessage ?? (invocation.status != "success" ? invocation.jsonErrorMessage : nil)).map(SQLValue.text) ?? .null,
                    (invocation.errorEventId ?? invocation.jsonErrorEventId).map(SQLValue.integer) ?? .null,
                    .integer(cold ? 1 : 0), .integer(Int64(index + 1)), idle.map(SQLValue.integer) ?? .null,
                    invocation.lastActivity.map(SQLValue.text) ?? .null, invocation.lastActivityTs.map(SQLValue.integer) ?? .null,
                    .integer(invocation.transactionDepth > 0 ? 1 : 0), .integer(Int64(invocation.events)),
                ])
                try insert.step()
                previousEnd = invocation.endTs ?? invocation.lastTs
            }
            byId.removeAll(keepingCapacity: true)
            order.removeAll(keepingCapacity: true)
            current = nil
            pendingInit = false
        }

        func invocation(_ id: String, group: String?, instance: String, ts: Int64) -> Invocation {
            if let existing = byId[id] { return existing }
            let created = Invocation(requestId: id, function: Self.functionName(forGroup: group, known: known),
                                     instance: instance, group: group, ts: ts)
            byId[id] = created
            order.append(created)
            return created
        }

        while try select.step() {
            let eventId = select.int(0) ?? 0
            let group = select.text(1)
            let logStream = select.text(2) ?? ""
            let ts = select.int(3) ?? 0
            let kind = LineKind(rawValue: select.text(4) ?? "other") ?? .other
            let requestId = select.text(5)
            let level = select.text(6)
            if logStream != stream {
                try flushStream()
                stream = logStream
            }
            // Proxy lines with no request id never reach here; other lines without one belong
            // to the invocation running in the stream at that moment.
            var target: Invocation?
            if let requestId { target = invocation(requestId, group: group, instance: logStream, ts: ts) } else { target = current }
            switch kind {
            case .initStart, .platformInit:
                pendingInit = true
                continue
            case .start, .platformStart:
                guard let target else { continue }
                target.startTs = target.startTs ?? ts
                current = target
            case .report, .platformReport:
                guard let target else { continue }
                let message = select.text(7) ?? ""
                if kind == .report { ReportLine.apply(message, to: target) } else { PlatformRecord.applyReport(message, to: target) }
                target.endTs = ts
                target.closed = true
                if current === target { current = nil }
            case .platformRuntimeDone:
                guard let target else { continue }
                PlatformRecord.applyRuntimeDone(select.text(7) ?? "", to: target)
            case .end:
                guard let target else { continue }
                if target.endTs == nil { target.endTs = ts }
                if current === target { current = nil }
            case .timeout:
                guard let target else { continue }
                target.timedOut = true
                target.errorEventId = target.errorEventId ?? eventId
                target.errorMessage = target.errorMessage ?? (select.text(7) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            case .runtimeExit:
                guard let target else { continue }
                let message = (select.text(7) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                target.unhandledError = true
                target.errorType = target.errorType ?? (message.contains("Runtime.") ? message.split(separator: "\n").last.map(String.init) : "Runtime.ExitError")
                if target.errorMessage == nil || target.errorEventId == nil {
                    target.errorMessage = message
                    target.errorEventId = eventId
                }
            case .appError:
                guard let target else { continue }
                let message = select.text(7) ?? ""
                target.unhandledError = true
                if target.errorMessage == nil {
                    target.errorMessage = String(message.prefix(4000))
                    target.errorEventId = eventId
                    target.errorType = target.errorType ?? ErrorText.exceptionType(message)
                }
            case .app:
                guard let target else { continue }
                let message = select.text(7) ?? ""
                if level == "ERROR" || level == "FATAL" || level == "CRITICAL", message.contains("\"errorType\"") {
                    target.jsonErrorMessage = String(message.prefix(4000))
                    target.jsonErrorEventId = eventId
                    target.errorType = target.errorType ?? ErrorText.jsonErrorType(message)
                }
                let text = ErrorText.body(ofAppLine: message)
                switch TransactionMarkers.effect(of: text) {
                case 1: target.transactionDepth = 1
                case -1: target.transactionDepth = 0
                default: break
                }
                target.lastActivity = String(text.prefix(500))
                target.lastActivityTs = ts
            default:
                break
            }
            if let target {
                target.events += 1
                target.lastTs = max(target.lastTs, ts)
                if pendingInit, kind == .start || kind == .platformStart { pendingInit = false }
            }
        }
        try flushStream()
    }

    private func deriveInstances() throws {
        try database.execute("""
            INSERT INTO instance (function, instance, log_group, first_ts, last_ts, invocations, cold_starts, failures)
            SELECT function, instance, max(log_group), min(coalesce(start_ts, end_ts)), max(end_ts), count(*), sum(cold_start),
                   sum(status IN ('error', 'timeout'))
            FROM invocation GROUP BY instance
            """)
    }

    // MARK: RDS Proxy

    private func deriveProxySessions() throws {
        let names = try ProxyNames(database: database)
        let select = try database.prepare("""
            SELECT id, log_group, coalesce(proxy_ts, ts), level, client_connection, db_connection, message
            FROM event WHERE kind = 'proxy' ORDER BY log_group, coalesce(proxy_ts, ts), id
            """)
        var sessions: [ProxySessionKey: ProxySessionRow] = [:]
        var connections: [ProxySessionKey: ProxyDBConnectionRow] = [:]
        while try select.step() {
            let eventId = select.int(0) ?? 0
            let group = select.text(1)
            let ts = select.int(2) ?? 0
            let client = select.int(4)
            let db = select.int(5)
            let message = select.text(6) ?? ""
            let proxy = names.name(forGroup: group)
            let body = ProxyMessage.body(message)
            if let client {
                let key = ProxySessionKey(proxy: proxy, id: client)
                var session = sessions[key] ?? ProxySessionRow(proxy: proxy, group: group, clientConnection: client, firstEventId: eventId)
                session.endpoint = session.endpoint ?? ProxyMessage.tag(message, "proxyEndpoint")
                if let address = ProxyMessage.clientAddress(body) {
                    session.openedTs = session.openedTs ?? ts
                    session.clientAddress = address
                } else if let user = ProxyMessage.authUser(body) {
                    session.authUser = user
                    session.openedTs = session.openedTs ?? ts
                } else if body.hasPrefix("The client session was pinned") {
                    if session.pinnedTs == nil {
                        session.pinnedTs = ts
                        let (reason, digest) = ProxyMessage.reasonAndDigest(body)
                        session.pinReason = reason
                        session.pinDigest = digest
                        session.dbConnection = db
                    }
                } else if body.hasPrefix("The client connection closed") {
                    session.closedTs = ts
                    session.closeReason = ProxyMessage.reasonAndDigest(body).reason
                    session.closeEventId = eventId
                }
                session.openedTs = session.openedTs ?? ts
                sessions[key] = session
            } else if let db {
                let key = ProxySessionKey(proxy: proxy, id: db)
                var connection = connections[key] ?? ProxyDBConnectionRow(proxy: proxy, group: group, dbConnection: db)
                if body.hasPrefix("A TCP connection was established") {
                    connection.openedTs = connection.openedTs ?? ts
                } else if body.hasPrefix("The database connection closed") {
                    connection.closedTs = ts
                    let reason = ProxyMessage.reasonAndDigest(body).reason
                    connection.closeReason = reason
                    connection.midRequest = reason?.contains("in the middle of a request") == true
                    connection.closeEventId = eventId
                } else if body.contains("released to the connection pool") {
                    connection.releasedTs = ts
                }
                connections[key] = connection
            }
        }
        let insertSession = try database.statement("""
            INSERT INTO proxy_session (proxy, log_group, client_connection, endpoint, opened_ts, client_address, client_ip, auth_user,
                pinned_ts, pin_reason, pin_digest, db_connection, closed_ts, close_reason, close_kind, first_event_id, close_event_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for session in sessions.values {
            insertSession.reset()
            try insertSession.bind([
                .text(session.proxy), session.group.map(SQLValue.text) ?? .null, .integer(session.clientConnection),
                session.endpoint.map(SQLValue.text) ?? .null, session.openedTs.map(SQLValue.integer) ?? .null,
                session.clientAddress.map(SQLValue.text) ?? .null,
                session.clientAddress.map { .text(String($0.split(separator: ":").first ?? "")) } ?? .null,
                session.authUser.map(SQLValue.text) ?? .null, session.pinnedTs.map(SQLValue.integer) ?? .null,
                session.pinReason.map(SQLValue.text) ?? .null, session.pinDigest.map(SQLValue.text) ?? .null,
                session.dbConnection.map(SQLValue.integer) ?? .null, session.closedTs.map(SQLValue.integer) ?? .null,
                session.closeReason.map(SQLValue.text) ?? .null, session.closeReason.map { .text(ProxyMessage.closeKind($0)) } ?? .null,
                .integer(session.firstEventId), session.closeEventId.map(SQLValue.integer) ?? .null,
            ])
            try insertSession.step()
        }
        let insertConnection = try database.statement("""
            INSERT INTO proxy_db_connection (proxy, log_group, db_connection, opened_ts, closed_ts, close_reason, mid_request, released_ts, close_event_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for connection in connections.values {
            insertConnection.reset()
            try insertConnection.bind([
                .text(connection.proxy), connection.group.map(SQLValue.text) ?? .null, .integer(connection.dbConnection),
                connection.openedTs.map(SQLValue.integer) ?? .null, connection.closedTs.map(SQLValue.integer) ?? .null,
                connection.closeReason.map(SQLValue.text) ?? .null, .integer(connection.midRequest ? 1 : 0),
                connection.releasedTs.map(SQLValue.integer) ?? .null, connection.closeEventId.map(SQLValue.integer) ?? .null,
            ])
            try insertConnection.step()
        }
    }
}

struct ProxySessionKey: Hashable {
    var proxy: String
    var id: Int64
}

struct ProxySessionRow {
    var proxy: String
    var group: String?
    var clientConnection: Int64
    var firstEventId: Int64
    var endpoint: String?
    var openedTs: Int64?
    var clientAddress: String?
    var authUser: String?
    var pinnedTs: Int64?
    var pinReason: String?
    var pinDigest: String?
    var dbConnection: Int64?
    var closedTs: Int64?
    var closeReason: String?
    var closeEventId: Int64?

    init(proxy: String, group: String?, clientConnection: Int64, firstEventId: Int64) {
        self.proxy = proxy
        self.group = group
        self.clientConnection = clientConnection
        self.firstEventId = firstEventId
    }
}

struct ProxyDBConnectionRow {
    var proxy: String
    var group: String?
    var dbConnection: Int64
    var openedTs: Int64?
    var closedTs: Int64?
    var closeReason: String?
    var midRequest = false
    var releasedTs: Int64?
    var closeEventId: Int64?
}
