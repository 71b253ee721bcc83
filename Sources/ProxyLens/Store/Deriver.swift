import CSupport
import Foundation

/// Rebuilds the derived tables from `event`: Lambda invocations and instances from the platform
/// and application lines of each log stream, RDS Proxy sessions and database connections from
/// the proxy lines. Rebuilt whole after each ingest that added something, so re-ingesting and
/// ingesting in any order give the same result.
struct Deriver {
    let database: Database

    /// The invocation pass reads `event` in (log_stream, ts) order through the dedupe index
    /// `event_dedupe(log_stream, ts, msg_hash)`, so no second index is needed.
    func rebuild() throws {
        try database.execute("""
            DELETE FROM invocation; DELETE FROM instance; DELETE FROM proxy_session; DELETE FROM proxy_db_connection;
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
        var lastActivityEventId: Int64?
        var lastActivityTs: Int64?
        var transactionDepth = 0

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

    /// Line kinds as small integers, mapped by SQLite so the loop compares numbers.
    private static let kindCase = """
        CASE kind WHEN 'start' THEN 1 WHEN 'platform_start' THEN 1 WHEN 'report' THEN 2 WHEN 'platform_report' THEN 3
                  WHEN 'end' THEN 4 WHEN 'init_start' THEN 5 WHEN 'platform_init' THEN 5 WHEN 'timeout' THEN 6
                  WHEN 'runtime_exit' THEN 7 WHEN 'app_error' THEN 8 WHEN 'app' THEN 9 WHEN 'platform_runtime_done' THEN 10 ELSE 0 END
        """

    private func deriveInvocations() throws {
        let known = try functionNames()
        // Messages are read only where a line's content matters; other lines give their kind,
        // request id and transaction effect.
        let select = try database.prepare("""
            SELECT id, log_group, log_stream, ts, \(Self.kindCase), request_id, txn_effect,
                   CASE WHEN kind IN ('report', 'platform_report', 'platform_runtime_done', 'timeout', 'runtime_exit', 'app_error')
                          OR (kind = 'app' AND upper(level) IN ('ERROR', 'FATAL', 'CRITICAL')) THEN message END
            FROM event
            WHERE kind NOT IN ('proxy', 'xray', 'extension', 'other') OR request_id IS NOT NULL
            ORDER BY log_stream, ts, id
            """)
        let insert = try database.statement("""
            INSERT OR REPLACE INTO invocation (request_id, function, instance, log_group, start_ts, end_ts, duration_ms, billed_ms, init_ms,
                memory_mb, max_memory_mb, status, error_type, error_message, error_event_id, cold_start, seq, idle_before_ms,
                last_activity, last_activity_ts, txn_open, events)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let activity = try database.prepare("SELECT message FROM event WHERE id = ?")
        var message: String?
        var messageBytes: [UInt8] = []
        var streamGroup: String?
        var stream: [UInt8] = []
        var streamName = ""
        var byId: [String: Invocation] = [:]
        var order: [Invocation] = []
        var current: Invocation?
        var currentId: [UInt8] = []

        func flushStream() throws {
            var previousEnd: Int64?
            for (index, invocation) in order.enumerated() {
                let start = invocation.startTs ?? invocation.lastTs
                let idle = previousEnd.map { start - $0 }
                let failed = invocation.status != "success"
                // The last application line is read back only for failed invocations.
                if failed, let id = invocation.lastActivityEventId {
                    activity.reset()
                    activity.bind(id, at: 1)
                    if try activity.step(), let message = activity.text(0) {
                        invocation.lastActivity = String(ErrorText.body(ofAppLine: message).prefix(500))
                    }
                }
                insert.reset()
                try insert.bind([
                    .text(invocation.requestId), .text(invocation.function), .text(invocation.instance),
                    invocation.group.map(SQLValue.text) ?? .null, invocation.startTs.map(SQLValue.integer) ?? .null,
                    .integer(invocation.endTs ?? invocation.lastTs), invocation.durationMs.map(SQLValue.real) ?? .null,
                    invocation.billedMs.map(SQLValue.integer) ?? .null, invocation.initMs.map(SQLValue.real) ?? .null,
                    invocation.memoryMB.map(SQLValue.integer) ?? .null, invocation.maxMemoryMB.map(SQLValue.integer) ?? .null,
                    .text(invocation.status), invocation.errorType.map(SQLValue.text) ?? .null,
                    (invocation.errorMessage ?? (failed ? invocation.jsonErrorMessage : nil)).map(SQLValue.text) ?? .null,
                    (invocation.errorEventId ?? invocation.jsonErrorEventId).map(SQLValue.integer) ?? .null,
                    .integer(invocation.initMs != nil ? 1 : 0), .integer(Int64(index + 1)), idle.map(SQLValue.integer) ?? .null,
                    invocation.lastActivity.map(SQLValue.text) ?? .null, invocation.lastActivityTs.map(SQLValue.integer) ?? .null,
                    .integer(invocation.transactionDepth > 0 ? 1 : 0), .integer(Int64(invocation.events)),
                ])
                try insert.step()
                previousEnd = invocation.endTs ?? invocation.lastTs
            }
            byId.removeAll(keepingCapacity: true)
            order.removeAll(keepingCapacity: true)
            current = nil
            currentId = []
        }

        while try select.step() {
            let eventId = select.int(0) ?? 0
            let ts = select.int(3) ?? 0
            let kind = select.int(4) ?? 0
            if let bytes = select.textBytes(2), !bytes.elementsEqual(stream) {
                try flushStream()
                stream = Array(bytes)
                streamName = String(decoding: bytes, as: UTF8.self)
                streamGroup = select.text(1)
            }
            message = nil
            messageBytes.removeAll(keepingCapacity: true)
            if let bytes = select.textBytes(7) {
                messageBytes.append(contentsOf: bytes)
                message = String(decoding: bytes, as: UTF8.self)
            }
            // Lines with no request id belong to the invocation running in the stream at that moment.
            var target: Invocation? = current
            if let id = select.textBytes(5) {
                if current == nil || !id.elementsEqual(currentId) {
                    let key = String(decoding: id, as: UTF8.self)
                    if let existing = byId[key] {
                        target = existing
                    } else {
                        let group = streamGroup
                        let created = Invocation(requestId: key, function: Self.functionName(forGroup: group, known: known),
                                                 instance: streamName, group: group, ts: ts)
                        byId[key] = created
                        order.append(created)
                        target = created
                    }
                }
            }
            guard let target else { continue }
            switch kind {
            case 5:
                continue
            case 1:
                target.startTs = target.startTs ?? ts
                current = target
                currentId = Array(target.requestId.utf8)
            case 2, 3:
                if kind == 2 {
                    messageBytes.withUnsafeBufferPointer { ReportLine.apply(bytes: $0, to: target) }
                } else {
                    PlatformRecord.applyReport(message ?? "", to: target)
                }
                target.endTs = ts
                if current === target { current = nil; currentId = [] }
            case 10:
                PlatformRecord.applyRuntimeDone(message ?? "", to: target)
            case 4:
                if target.endTs == nil { target.endTs = ts }
                if current === target { current = nil; currentId = [] }
            case 6:
                target.timedOut = true
                target.errorEventId = target.errorEventId ?? eventId
                target.errorMessage = target.errorMessage ?? (message ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            case 7:
                let message = (message ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                target.unhandledError = true
                target.errorType = target.errorType ?? (message.contains("Runtime.") ? message.split(separator: "\n").last.map(String.init) : "Runtime.ExitError")
                if target.errorMessage == nil || target.errorEventId == nil {
                    target.errorMessage = message
                    target.errorEventId = eventId
                }
            case 8:
                target.unhandledError = true
                if target.errorMessage == nil, let message {
                    target.errorMessage = String(message.prefix(4000))
                    target.errorEventId = eventId
                    target.errorType = target.errorType ?? ErrorText.exceptionType(message)
                }
            case 9:
                if let text = message, text.contains("\"errorType\"") {
                    target.jsonErrorMessage = String(text.prefix(4000))
                    target.jsonErrorEventId = eventId
                    target.errorType = target.errorType ?? ErrorText.jsonErrorType(text)
                }
                switch select.int(6) ?? 0 {
                case 1: target.transactionDepth = 1
                case -1: target.transactionDepth = 0
                default: break
                }
                target.lastActivityEventId = eventId
                target.lastActivityTs = ts
            default:
                break
            }
            target.events += 1
            if ts > target.lastTs { target.lastTs = ts }
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
        // One scan in storage order, no sort: every field below is order-independent (first
        // connect, first pin, last close), so lines may come in any order.
        let select = try database.prepare("""
            SELECT id, log_group, coalesce(proxy_ts, ts), client_connection, db_connection, message
            FROM event WHERE kind = 'proxy'
            """)
        var sessions: [ProxySessionKey: ProxySessionRow] = [:]
        var connections: [ProxySessionKey: ProxyDBConnectionRow] = [:]
        var lastGroup: [UInt8]? = nil
        var proxy = ""
        var group: String?
        while try select.step() {
            let eventId = select.int(0) ?? 0
            if let bytes = select.textBytes(1) {
                if !(lastGroup.map { bytes.elementsEqual($0) } ?? false) {
                    lastGroup = Array(bytes)
                    group = String(decoding: bytes, as: UTF8.self)
                    proxy = names.name(forGroup: group)
                }
            } else if lastGroup != [] {
                lastGroup = []
                group = nil
                proxy = names.name(forGroup: nil)
            }
            let ts = select.int(2) ?? 0
            let client = select.int(3)
            let db = select.int(4)
            guard let message = select.textBytes(5) else { continue }
            let body = ProxyBytes.body(message)
            if let client {
                let key = ProxySessionKey(proxy: proxy, id: client)
                var session = sessions[key] ?? ProxySessionRow(proxy: proxy, group: group, clientConnection: client, firstEventId: eventId)
                if session.endpoint == nil { session.endpoint = ProxyBytes.tag(message, "[proxyEndpoint=") }
                if ProxyBytes.hasPrefix(body, "A new client connected from ") {
                    var address = UnsafeBufferPointer(rebasing: body[(body.startIndex + 28)...])
                    if address.last == UInt8(ascii: ".") { address = UnsafeBufferPointer(rebasing: address.dropLast()) }
                    if session.connectTs.map({ ts < $0 }) ?? true {
                        session.connectTs = ts
                        session.clientAddress = String(decoding: address, as: UTF8.self)
                    }
                } else if ProxyBytes.hasPrefix(body, "Proxy authentication"), let user = ProxyBytes.quoted(body, after: "for user \"") {
                    session.authUser = user
                } else if ProxyBytes.hasPrefix(body, "The client session was pinned") {
                    if session.pinnedTs.map({ ts < $0 }) ?? true {
                        session.pinnedTs = ts
                        let (reason, digest) = ProxyMessage.reasonAndDigest(String(decoding: body, as: UTF8.self))
                        session.pinReason = reason
                        session.pinDigest = digest
                        session.dbConnection = db
                    }
                } else if ProxyBytes.hasPrefix(body, "The client connection closed") {
                    if session.closedTs.map({ ts >= $0 }) ?? true {
                        session.closedTs = ts
                        session.closeReason = ProxyBytes.reason(body)
                        session.closeEventId = eventId
                    }
                }
                session.openedTs = min(session.openedTs ?? ts, ts)
                if eventId < session.firstEventId { session.firstEventId = eventId }
                sessions[key] = session
            } else if let db {
                let key = ProxySessionKey(proxy: proxy, id: db)
                var connection = connections[key] ?? ProxyDBConnectionRow(proxy: proxy, group: group, dbConnection: db)
                if ProxyBytes.hasPrefix(body, "A TCP connection was established") {
                    connection.openedTs = min(connection.openedTs ?? ts, ts)
                } else if ProxyBytes.hasPrefix(body, "The database connection closed") {
                    if connection.closedTs.map({ ts >= $0 }) ?? true {
                        connection.closedTs = ts
                        let reason = ProxyBytes.reason(body)
                        connection.closeReason = reason
                        connection.midRequest = reason?.contains("in the middle of a request") == true
                        connection.closeEventId = eventId
                    }
                } else if ProxyBytes.contains(body, "released to the connection pool") {
                    connection.releasedTs = max(connection.releasedTs ?? ts, ts)
                }
                connections[key] = connection
            }
        }
        let insertSession = try database.statement("""
            INSERT INTO proxy_session (proxy, log_group, client_connection, endpoint, opened_ts, client_address, client_ip, auth_user,
                pinned_ts, pin_reason, pin_digest, db_connection, closed_ts, close_reason, close_kind, first_event_id, close_event_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for session in sessions.values.sorted(by: { ($0.proxy, $0.clientConnection) < ($1.proxy, $1.clientConnection) }) {
            insertSession.reset()
            try insertSession.bind([
                .text(session.proxy), session.group.map(SQLValue.text) ?? .null, .integer(session.clientConnection),
                session.endpoint.map(SQLValue.text) ?? .null, (session.connectTs ?? session.openedTs).map(SQLValue.integer) ?? .null,
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
        for connection in connections.values.sorted(by: { ($0.proxy, $0.dbConnection) < ($1.proxy, $1.dbConnection) }) {
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
    /// Time of the 'A new client connected' line, when there is one.
    var connectTs: Int64?
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
