import Foundation

/// The proxy side and the configuration, loaded once, and the correlation rules that use them.
final class CorrelationContext {
    /// One client connection, as the rules read it: every session of every proxy is held, so it
    /// keeps only what they read (at four times the benchmark corpus, 266 k of them).
    struct Session {
        var proxy: String
        var client: Int64
        var openedTs: Int64?
        var pinnedTs: Int64?
        var dbConnection: Int64?
        var closedTs: Int64?
        /// The proxy closed it for IdleClientTimeout (`close_kind` 'idle-timeout').
        var closedIdle: Bool
        var closeEventId: Int64?
    }

    struct DBConnection {
        var proxy: String
        var id: Int64
        var closedTs: Int64
        var eventId: Int64?
    }

    private(set) var idleTimeoutByProxy: [String: Int] = [:]
    private(set) var borrowTimeoutByProxy: [String: Int] = [:]
    private var functionTimeout: [String: Int] = [:]
    private var proxiesByFunction: [String: [String]] = [:]
    private var allProxies: [String] = []
    private var sessionsByProxy: [String: [Session]] = [:]
    /// Indexes into `sessionsByProxy[proxy]` of the closed sessions, by closing time.
    private var closeOrder: [String: [Int32]] = [:]
    /// Database connections closed because their client went away mid-request, by proxy, in time order.
    private var midRequestCloses: [String: [DBConnection]] = [:]
    /// Proxies that logged a pinned session.
    private var proxiesWithPinning = Set<String>()
    /// Pinned sessions the proxy closed as idle, by proxy, in the order they were closed.
    private var idleClosedPinned: [String: [Session]] = [:]
    /// The same closes by proxy and database connection.
    private var midRequestCloseByConnection: [String: [Int64: DBConnection]] = [:]
    private var claimedCloses: Set<String> = []
    /// Pinned sessions by proxy and database connection, as indexes into `sessionsByProxy[proxy]`.
    private var pinnedDBConnections: [String: [Int64: Int32]] = [:]

    let rules: RuleSet
    let errorClassifier: ErrorClassifier
    /// The proxy metrics, when any were ingested.
    private(set) var metrics: MetricEvidence?

    init(database: Database, rules: RuleSet = .current) throws {
        self.rules = rules
        errorClassifier = ErrorClassifier(rules: rules)
        let evidence = try MetricEvidence(database: database)
        metrics = evidence.isEmpty ? nil : evidence
        for row in try database.rows("SELECT proxy, idle_client_timeout_s, endpoint FROM proxy_config") {
            if let proxy = row[0].string, let seconds = row[1].int { idleTimeoutByProxy[proxy] = Int(seconds) }
        }
        for row in try database.rows("SELECT proxy, max(connection_borrow_timeout_s) FROM proxy_target_group GROUP BY proxy") {
            if let proxy = row[0].string, let seconds = row[1].int { borrowTimeoutByProxy[proxy] = Int(seconds) }
        }
        for row in try database.rows("SELECT function, timeout_s FROM function_config") {
            if let function = row[0].string, let seconds = row[1].int { functionTimeout[function] = Int(seconds) }
        }
        let logged = try database.rows("SELECT DISTINCT proxy FROM proxy_session UNION SELECT proxy FROM proxy_db_connection UNION SELECT proxy FROM proxy_config")
        allProxies = logged.compactMap { $0[0].string }.sorted()
        try mapFunctionsToProxies(database)
        let sessions = try database.prepare(try SQLFolder.statements.sql("classify_proxy_sessions"))
        while try sessions.step() {
            let session = Session(proxy: sessions.text(0) ?? "", client: sessions.int(1) ?? 0, openedTs: sessions.int(2),
                                  pinnedTs: sessions.int(3), dbConnection: sessions.int(4), closedTs: sessions.int(5),
                                  closedIdle: sessions.text(6) == "idle-timeout", closeEventId: sessions.int(7))
            let index = Int32(sessionsByProxy[session.proxy]?.count ?? 0)
            sessionsByProxy[session.proxy, default: []].append(session)
            if session.pinnedTs != nil { proxiesWithPinning.insert(session.proxy) }
            if session.pinnedTs != nil, let db = session.dbConnection {
                pinnedDBConnections[session.proxy, default: [:]][db] = index
            }
            if session.closedIdle, session.pinnedTs != nil, session.dbConnection != nil, session.closedTs != nil {
                idleClosedPinned[session.proxy, default: []].append(session)
            }
        }
        for (proxy, sessions) in sessionsByProxy {
            closeOrder[proxy] = sessions.indices.filter { sessions[$0].closedTs != nil }.sorted { sessions[$0].closedTs! < sessions[$1].closedTs! }.map { Int32($0) }
        }
        for proxy in idleClosedPinned.keys { idleClosedPinned[proxy]?.sort { ($0.closedTs ?? 0) < ($1.closedTs ?? 0) } }
        let closes = try database.prepare("SELECT proxy, db_connection, closed_ts, close_event_id FROM proxy_db_connection WHERE mid_request = 1 AND closed_ts IS NOT NULL ORDER BY closed_ts")
        while try closes.step() {
            let close = DBConnection(proxy: closes.text(0) ?? "", id: closes.int(1) ?? 0, closedTs: closes.int(2) ?? 0, eventId: closes.int(3))
            midRequestCloses[close.proxy, default: []].append(close)
            midRequestCloseByConnection[close.proxy, default: [:]][close.id] = close
        }
    }

    /// A function uses the proxies whose endpoint its environment or its errors name; when
    /// nothing names one, every proxy seen is a candidate.
    private func mapFunctionsToProxies(_ database: Database) throws {
        let proxies = try database.rows("SELECT proxy, lower(coalesce(endpoint, '')) FROM proxy_config")
        let functions = try database.rows("SELECT DISTINCT function FROM invocation")
        for row in functions {
            guard let function = row[0].string else { continue }
            var found: [String] = []
            let environment = try database.scalar("SELECT lower(coalesce(environment, '')) FROM function_config WHERE function = ?", [.text(function)]).string ?? ""
            for proxy in proxies {
                guard let name = proxy[0].string else { continue }
                let endpoint = proxy[1].string ?? ""
                if (!endpoint.isEmpty && environment.contains(endpoint)) || environment.contains(name.lowercased() + ".proxy-") {
                    found.append(name)
                }
            }
            if found.isEmpty {
                for proxy in proxies {
                    guard let name = proxy[0].string, let endpoint = proxy[1].string, !endpoint.isEmpty else { continue }
                    let named = try database.scalar("""
                        SELECT count(*) FROM invocation WHERE function = ? AND status != 'success' AND instr(lower(coalesce(error_message, '')), ?) > 0
                        """, [.text(function), .text(endpoint)])
                    if (named.int ?? 0) > 0 { found.append(name) }
                }
            }
            proxiesByFunction[function] = found
        }
    }

    func proxies(for function: String) -> [String] {
        let found = proxiesByFunction[function] ?? []
        return found.isEmpty ? allProxies : found
    }

    func idleTimeout(_ proxy: String?) -> Int {
        proxy.flatMap { idleTimeoutByProxy[$0] } ?? Classifier.defaultIdleClientTimeoutSeconds
    }

    func borrowTimeout(_ proxy: String?) -> Int {
        proxy.flatMap { borrowTimeoutByProxy[$0] } ?? Classifier.defaultBorrowTimeoutSeconds
    }

    private func onlyProxy(_ function: String) -> String? {
        let candidates = proxies(for: function)
        return candidates.count == 1 ? candidates[0] : nil
    }

    // MARK: Timeouts

    /// A timeout is a pinning leak when a transaction was open: the function's own log began one
    /// and never finished it, and (when proxy logs are there) a pinned database connection closed
    /// mid-request just after, or stayed held because the close never reached the proxy.
    func labelTimeout(_ failure: FailedInvocation) -> Classifier.Label {
        let candidates = proxies(for: failure.invocation.function)
        // The nearest unclaimed mid-request close just after the timeout, on a proxy the function uses.
        var fin: DBConnection?
        for proxy in candidates {
            for close in midRequestCloses[proxy] ?? [] where close.closedTs >= failure.invocation.endTs - 2_000 && close.closedTs <= failure.invocation.endTs + Classifier.proxyLagMs + 5_000 {
                let key = "\(close.proxy)/\(close.id)/\(close.closedTs)"
                if claimedCloses.contains(key) { continue }
                if abs(close.closedTs - failure.invocation.endTs) < abs((fin?.closedTs ?? .max / 2) - failure.invocation.endTs) { fin = close }
            }
        }
        var evidence: [String] = failure.invocation.errorEventId.map { ["event:\($0)"] } ?? []
        let pinningSeen = candidates.contains(where: proxiesWithPinning.contains)
        if failure.invocation.transactionOpen {
            // The line that began the transaction decided it: named first after the timeout.
            if let begin = failure.invocation.transactionBeginEventId { evidence.append("event:\(begin)") }
            var label = Classifier.Label(cause: .lambdaTimeoutPinningLeak, confidence: Confidence.leakOpenTransactionBase, rule: "timeout-with-open-transaction", signal: nil)
            label.proxy = fin?.proxy ?? onlyProxy(failure.invocation.function)
            if let fin {
                claimedCloses.insert("\(fin.proxy)/\(fin.id)/\(fin.closedTs)")
                label.confidence = Confidence.leakOpenTransactionClosedMidRequest
                label.rule = "timeout-open-transaction-closed-mid-request"
                if let session = pinnedSession(fin.proxy, fin.id) {
                    evidence.append("proxy-session:\(session.proxy)/\(session.client)")
                }
                evidence.append("proxy-db-connection:\(fin.proxy)/\(fin.id)")
                if let id = fin.eventId { evidence.append("event:\(id)") }
                label.heldUntil = fin.closedTs
            } else {
                // The close never reached the proxy: the session stays until IdleClientTimeout.
                label.rule = pinningSeen ? "timeout-open-transaction-pinned-no-close" : "timeout-open-transaction"
                label.confidence = pinningSeen ? Confidence.leakOpenTransactionPinned : Confidence.leakOpenTransaction
                label.heldUntil = failure.invocation.endTs + Int64(idleTimeout(label.proxy)) * 1000
            }
            label.evidence = evidence
            label.detail = failure.invocation.lastActivity.map { "last activity: \(String($0.prefix(120)))" }
            return label
        }
        // From here the application's log shows no transaction: the proxy's side alone can say a
        // database connection stayed busy past the timeout. It is tied to the invocation by time
        // only, so not when the last thing the function did was a call to another service.
        let downstreamCall = failure.invocation.lastActivity.map(Self.looksLikeDownstreamCall) ?? false
        if !downstreamCall, let fin, pinnedSession(fin.proxy, fin.id) != nil,
           fin.closedTs >= failure.invocation.endTs - 1_000, fin.closedTs <= failure.invocation.endTs + Classifier.proxyLagMs + 1_000 {
            // A pinned connection closed mid-request right after the timeout: the frozen
            // environment's socket went away while its request was still open.
            claimedCloses.insert("\(fin.proxy)/\(fin.id)/\(fin.closedTs)")
            var label = Classifier.Label(cause: .lambdaTimeoutPinningLeak, confidence: Confidence.leakPinnedClosedMidRequest, rule: "timeout-pinned-closed-mid-request", signal: nil)
            label.proxy = fin.proxy
            label.evidence = evidence + ["proxy-db-connection:\(fin.proxy)/\(fin.id)"] + (fin.eventId.map { ["event:\($0)"] } ?? [])
            label.heldUntil = fin.closedTs
            return label
        }
        if !downstreamCall, let (session, close) = reclaimedWhileBusy(failure, candidates) {
            // No close reached the proxy at the timeout; IdleClientTimeout after the invocation's
            // last statement the proxy closed the pinned session, and its database connection was
            // still in the middle of a request: held, busy, from the timeout until then.
            claimedCloses.insert("\(close.proxy)/\(close.id)/\(close.closedTs)")
            var label = Classifier.Label(cause: .lambdaTimeoutPinningLeak, confidence: Confidence.leakPinnedReclaimedIdleMidRequest, rule: "timeout-pinned-reclaimed-idle-mid-request", signal: nil)
            label.proxy = close.proxy
            label.evidence = evidence + ["proxy-session:\(session.proxy)/\(session.client)"] + (session.closeEventId.map { ["event:\($0)"] } ?? [])
                + ["proxy-db-connection:\(close.proxy)/\(close.id)"] + (close.eventId.map { ["event:\($0)"] } ?? [])
            label.heldUntil = close.closedTs
            label.detail = failure.invocation.lastActivity.map { "last activity: \(String($0.prefix(120)))" }
            return label
        }
        var label = Classifier.Label(cause: .unclassified, confidence: Confidence.timeoutNoOpenTransaction, rule: "timeout-no-open-transaction", signal: nil)
        label.evidence = evidence
        label.detail = failure.invocation.lastActivity.map { "last activity: \(String($0.prefix(120)))" }
        return label
    }

    /// A pinned session, open at the timeout, that the proxy closed as idle IdleClientTimeout
    /// after a moment inside the invocation (its last statement ran between start and end), with
    /// its database connection closed mid-request at that close: the one whose idle close comes
    /// nearest to the invocation's end plus IdleClientTimeout, not claimed by another timeout.
    private func reclaimedWhileBusy(_ failure: FailedInvocation, _ candidates: [String]) -> (Session, DBConnection)? {
        var best: (Session, DBConnection)?
        for proxy in candidates {
            let idle = Int64(idleTimeout(proxy)) * 1000
            let sessions = idleClosedPinned[proxy] ?? []
            let from = failure.startTs + idle - Classifier.proxyLagMs, to = failure.invocation.endTs + idle + Classifier.proxyLagMs
            // Closed in [from, to]: found by halving, as there are tens of thousands of sessions.
            var low = 0, high = sessions.count
            while low < high {
                let middle = (low + high) / 2
                if (sessions[middle].closedTs ?? 0) < from { low = middle + 1 } else { high = middle }
            }
            for session in sessions[low...] {
                guard let closed = session.closedTs, closed <= to else { break }
                guard let pinned = session.pinnedTs, pinned <= failure.invocation.endTs + Classifier.proxyLagMs,
                      let db = session.dbConnection,
                      (session.openedTs ?? .min) <= failure.invocation.endTs + Classifier.proxyLagMs,
                      let close = midRequestCloseByConnection[proxy]?[db], abs(close.closedTs - closed) <= Classifier.proxyLagMs,
                      !claimedCloses.contains("\(close.proxy)/\(close.id)/\(close.closedTs)") else { continue }
                let distance = abs(closed - (failure.invocation.endTs + idle))
                if best.map({ abs(($0.0.closedTs ?? 0) - (failure.invocation.endTs + idle)) > distance }) ?? true { best = (session, close) }
            }
        }
        return best
    }

    /// The pinned session of `proxy` that held database connection `db`.
    private func pinnedSession(_ proxy: String, _ db: Int64) -> Session? {
        guard let index = pinnedDBConnections[proxy]?[db] else { return nil }
        return sessionsByProxy[proxy]?[Int(index)]
    }

    /// The first session (in opening order) of `proxy` opened before `from` that the proxy
    /// closed within `[from, to]`. Found by halving `closeOrder`: a linear search of tens of
    /// thousands of sessions for every stale connection was most of classifying.
    private func firstClosed(_ proxy: String, from: Int64, to: Int64) -> Session? {
        guard let sessions = sessionsByProxy[proxy], let order = closeOrder[proxy] else { return nil }
        var low = 0, high = order.count
        while low < high {
            let middle = (low + high) / 2
            if sessions[Int(order[middle])].closedTs! < from { low = middle + 1 } else { high = middle }
        }
        var first: Int?
        for index in order[low...].lazy.map({ Int($0) }) {
            guard sessions[index].closedTs! <= to else { break }
            if (sessions[index].openedTs ?? .max) < from, index < (first ?? .max) { first = index }
        }
        return first.map { sessions[$0] }
    }

    /// The last line says the function was waiting on another service, not the database.
    static func looksLikeDownstreamCall(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.contains("http://") || lower.contains("https://") || lower.hasPrefix("calling ") || lower.contains("invoking ")
    }

    // MARK: Errors

    /// The phase of a timeout whose words did not say which: the phase words near them, else what
    /// the stack or API names anywhere in the error text say (`Phase.of`).
    static func phase(ofAmbiguous verdict: ErrorClassifier.Verdict, text: String) -> Phase {
        switch verdict.phase {
        case .connect, .acquire: .connect
        case .query: .query
        case .unknown: Phase.of(text)
        }
    }

    func labelError(_ failure: FailedInvocation) -> Classifier.Label {
        let text = (failure.invocation.errorMessage ?? "") + (failure.invocation.errorType.map { "\n" + $0 } ?? "")
        var evidence: [String] = failure.invocation.errorEventId.map { ["event:\($0)"] } ?? []
        guard let verdict = errorClassifier.classify(text, context: failure.errorContext) else {
            var label = Classifier.Label(cause: .unclassified, confidence: failure.invocation.errorMessage == nil ? Confidence.applicationErrorWithoutText : Confidence.applicationError, rule: "application-error", signal: nil)
            label.evidence = evidence
            label.detail = failure.invocation.errorType
            return label
        }
        let detail = ErrorCode.extract(text) ?? failure.invocation.errorType
        // The layer that read the error names the rule (`signature:`, `catalogue:`, `code:`,
        // `generic:`); a layer below the signatures starts lower.
        let rule = verdict.layer == .signature ? "signature:" + verdict.rule : verdict.rule
        let layerPenalty = Confidence.layerPenalty(verdict.layer.rawValue)
        var label: Classifier.Label
        switch verdict.signal {
        case .outOfMemory:
            label = Classifier.Label(cause: .unclassified, confidence: Confidence.outOfMemory, rule: rule, signal: verdict.signal)
        case .queryTimeout:
            label = Classifier.Label(cause: .queryTimeout, confidence: Confidence.queryTimeout, rule: rule, signal: verdict.signal)
        case .connectionTimeout:
            label = Classifier.Label(cause: .connectionTimeout, confidence: Confidence.connectionTimeout, rule: rule, signal: verdict.signal)
            label.proxy = onlyProxy(failure.invocation.function)
        case .connectionRejected:
            label = Classifier.Label(cause: .connectionTimeout, confidence: Confidence.connectionRejected, rule: rule, signal: verdict.signal)
            label.proxy = onlyProxy(failure.invocation.function)
        case .borrowTimeout:
            label = Classifier.Label(cause: .connectionTimeout, confidence: Confidence.borrowTimeout, rule: rule, signal: verdict.signal)
            label.proxy = onlyProxy(failure.invocation.function)
            let at = failure.errorTs ?? failure.invocation.endTs
            if let proxy = label.proxy {
                // The first 20 are all the evidence shows: stop there rather than copy every
                // pinned session of a busy proxy for each borrow timeout.
                let holding = (sessionsByProxy[proxy] ?? []).lazy.filter { session in
                    guard let pinned = session.pinnedTs, pinned <= at + Classifier.proxyLagMs else { return false }
                    return session.closedTs.map { $0 >= at - Classifier.proxyLagMs } ?? true
                }.prefix(20)
                evidence.append(contentsOf: holding.map { "proxy-session:\($0.proxy)/\($0.client)" })
                if !holding.isEmpty { label.rule += "+pool-held-by-pinned-sessions" }
            }
        case .ambiguousTimeout:
            let phase = Self.phase(ofAmbiguous: verdict, text: text)
            let connect = phase == .connect || (phase == .unknown && (failure.invocation.coldStart || failure.invocation.seq == 1))
            label = Classifier.Label(cause: connect ? .connectionTimeout : .queryTimeout, confidence: phase == .unknown ? Confidence.ambiguousTimeoutPhaseUnknown : Confidence.ambiguousTimeoutPhaseRead,
                                     rule: rule + (connect ? "+connect-phase" : "+query-phase"), signal: verdict.signal)
        case .staleConnection, .transactionState:
            label = staleLabel(failure, verdict: verdict, rule: rule, evidence: &evidence)
        }
        label.confidence = max(0.05, label.confidence - layerPenalty)
        label.evidence = evidence
        label.detail = detail
        return label
    }

    /// A connection-level error is a stale connection when a warm instance reused a connection
    /// after an idle gap; the proxy closing a client connection before it, and a gap longer than
    /// IdleClientTimeout, make it more certain.
    private func staleLabel(_ failure: FailedInvocation, verdict: ErrorClassifier.Verdict, rule: String, evidence: inout [String]) -> Classifier.Label {
        var label = Classifier.Label(cause: .staleConnection, confidence: verdict.signal == .transactionState ? Confidence.staleTransactionStateBase : Confidence.staleBase, rule: rule, signal: verdict.signal)
        let warm = !failure.invocation.coldStart
        if warm { label.confidence += Confidence.staleWarmInstance } else { label.confidence -= Confidence.staleColdStartPenalty; label.rule += "+cold-start" }
        let candidates = proxies(for: failure.invocation.function)
        label.proxy = candidates.count == 1 ? candidates[0] : nil
        if let idle = failure.invocation.idleBeforeMs {
            let timeout = idleTimeout(label.proxy)
            if idle >= Int64(timeout) * 1000 - Classifier.proxyLagMs {
                label.confidence += Confidence.staleIdleOverTimeout
                label.rule += "+idle-over-IdleClientTimeout"
            }
            // The proxy closed a client connection during the gap (whatever reason it gave).
            let from = failure.startTs - idle - Classifier.proxyLagMs
            let to = failure.startTs + Classifier.proxyLagMs
            for proxy in candidates {
                if let closed = firstClosed(proxy, from: from, to: to) {
                    label.confidence += Confidence.staleProxyClosedClient
                    label.rule += "+proxy-closed-client"
                    evidence.append("proxy-session:\(closed.proxy)/\(closed.client)")
                    break
                }
            }
        }
        label.confidence = min(label.confidence, Confidence.maximum)
        return label
    }
}
