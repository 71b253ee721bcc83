import Foundation

/// What `classify` did.
public struct ClassifySummary: Sendable {
    public var failures = 0
    public var byCause: [Cause: Int] = [:]
    public var links = 0
}

/// Labels every failed invocation with a cause, joining the Lambda side (error text, warm or
/// cold, idle gap, transaction state at the timeout) with the proxy side (client closes, pinned
/// sessions, database connections closed mid-request) and the configuration. Re-running
/// replaces every label.
public final class Classifier {
    let database: Database
    /// AWS defaults when no configuration was ingested.
    static let defaultIdleClientTimeoutSeconds = 1800
    static let defaultBorrowTimeoutSeconds = 120
    /// Proxy-embedded times lag CloudWatch times by up to about 5 s.
    static let proxyLagMs: Int64 = 5_000

    let rules: RuleSet

    public init(database: Database) { self.database = database; rules = .current }

    init(database: Database, rules: RuleSet) {
        self.database = database
        self.rules = rules
    }

    /// What the labels depend on: the derived tables' version and a fingerprint of the rules.
    func inputsVersion() throws -> String {
        let derived = try database.scalar("SELECT value FROM meta WHERE key = 'derived_version'").string ?? "0"
        // Metric points are evidence too: labels are re-made when they change (nothing is
        // added to the key when there are none, so databases without metrics keep their labels).
        let metrics = try database.rows("SELECT count(*), max(rowid) FROM metric_point")[0]
        let metricsKey = (metrics[0].int ?? 0) > 0 ? "/metrics \(metrics[0].int ?? 0).\(metrics[1].int ?? 0)" : ""
        return "\(derived)/\(rules.fingerprint)\(metricsKey)"
    }

    /// True when the labels were made from the current derived tables by these rules.
    public func isCurrent() throws -> Bool {
        let labelled = try database.scalar("SELECT value FROM meta WHERE key = 'classified_inputs'").string
        return try labelled == inputsVersion()
    }

    struct Label {
        var cause: Cause
        var confidence: Double
        var rule: String
        var signal: ErrorSignal?
        var evidence: [String] = []
        var detail: String?
        var proxy: String?
        var causedBy: [String] = []
        /// For leaks: when the held database connection was released (for cause chains).
        var heldUntil: Int64?
    }

    public func run() throws -> ClassifySummary {
        // Derived tables an upgrade (or a run stopped before deriving) left stale are made again
        // first: labels read from them would be the old schema's, or missing (`classify --db`
        // is what an older database's message says to run).
        if !database.readOnly {
            var notes: [(path: String, issue: IngestIssue)] = []
            _ = try Deriver(database: database).rebuildIfStale(from: nil, unlessChangedSince: nil, notes: &notes)
        }
        // Labelling reads each row once (the failed invocations, the proxy's sessions, an event
        // by id for each error line), so a large page cache only holds pages never read again:
        // 8 MiB rather than the connection's 32 (classify at four times the benchmark corpus:
        // 195 → 170 MB, at its own size 95 → 70 MB; the time within noise).
        let cacheSize = try database.scalar("PRAGMA cache_size").int ?? -32768
        try database.execute("PRAGMA cache_size = -8192")
        defer { try? database.execute("PRAGMA cache_size = \(cacheSize)") }
        // Everything the labels are made from is read in one read transaction, with the version
        // of the derived tables it holds; that version, not whatever is current when the labels
        // are written, is recorded: an ingest that commits meanwhile leaves the labels stale,
        // and the next `analyze` makes them again.
        try database.execute("BEGIN")
        let (version, failed, labels): (String, [FailedInvocation], [String: Label])
        do {
            (version, failed, labels) = try label()
            try database.execute("COMMIT")
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
        return try store(failed, labels, version: version)
    }

    /// The failed invocations and their labels, with the inputs version they were read at.
    private func label() throws -> (String, [FailedInvocation], [String: Label]) {
        let version = try inputsVersion()
        let context = try CorrelationContext(database: database, rules: rules)
        var failed: [FailedInvocation] = []
        let select = try database.prepare(try SQLFolder.statements.sql("classify_failed_invocations"))
        while try select.step() {
            failed.append(FailedInvocation(invocation: Invocation(row: select, from: 1), errorTs: select.int(0)))
        }
        try chooseErrorLines(&failed)
        var labels: [String: Label] = [:]
        // Timeouts first, those with a transaction open before the rest, so each database
        // connection closed mid-request is claimed by the most likely leak.
        let timeouts = failed.filter { $0.invocation.status == .timeout }.sorted {
            ($0.invocation.transactionOpen ? 0 : 1, $0.invocation.endTs) < ($1.invocation.transactionOpen ? 0 : 1, $1.invocation.endTs)
        }
        for failure in timeouts { labels[failure.invocation.requestId] = context.withMetrics(context.labelTimeout(failure), failure) }
        for failure in failed where failure.invocation.status != .timeout {
            var label = context.withMetrics(context.labelError(failure), failure)
            if failure.invocation.status == .incomplete {
                // No end was seen: a failure only by the error it logged, and said so.
                label.rule += "+incomplete"
                label.confidence = max(0.05, label.confidence - Confidence.incompletePenalty)
                label.evidence.append("no-end-seen")
            }
            labels[failure.invocation.requestId] = label
        }
        // Cause chains: borrow timeouts ← the leaks holding the pool at that moment.
        let leaks = failed.filter { labels[$0.invocation.requestId]?.cause == .lambdaTimeoutPinningLeak }
        for failure in failed where labels[failure.invocation.requestId]?.signal == .borrowTimeout {
            guard var label = labels[failure.invocation.requestId] else { continue }
            let at = failure.errorTs ?? failure.invocation.endTs
            for leak in leaks {
                guard let leakLabel = labels[leak.invocation.requestId], leakLabel.proxy == label.proxy || label.proxy == nil else { continue }
                let held = leakLabel.heldUntil ?? (leak.invocation.endTs + Int64(context.idleTimeout(leakLabel.proxy)) * 1000)
                if leak.invocation.endTs <= at && at <= held + Classifier.proxyLagMs { label.causedBy.append(leak.invocation.requestId) }
            }
            labels[failure.invocation.requestId] = label
        }
        return (version, failed, labels)
    }

    private func store(_ failed: [FailedInvocation], _ labels: [String: Label], version: String) throws -> ClassifySummary {
        var summary = ClassifySummary()
        try database.transaction {
            try database.execute("DELETE FROM failure; DELETE FROM failure_link;")
            let insert = try database.statement(try SQLFolder.statements.sql("classify_insert_failure"))
            let link = try database.statement("INSERT OR IGNORE INTO failure_link (request_id, caused_by) VALUES (?, ?)")
            for failure in failed {
                guard let label = labels[failure.invocation.requestId] else { continue }
                let message = failure.invocation.errorMessage ?? (failure.invocation.status == .timeout ? "Lambda timeout" : "")
                insert.reset()
                try insert.bind([
                    .text(failure.invocation.requestId), .text(failure.invocation.function), .text(failure.invocation.instance),
                    .integer(failure.errorTs ?? failure.invocation.endTs), .text(label.cause.rawValue),
                    .real((label.confidence * 100).rounded() / 100), .text(label.rule),
                    label.signal.map { .text($0.rawValue) } ?? .null, .text(Self.jsonArray(label.evidence)),
                    label.detail.map(SQLValue.text) ?? .null,
                    .text(failure.invocation.status == .timeout && failure.invocation.errorMessage == nil ? "Lambda timeout (\(failure.invocation.lastActivity.map { Fingerprint.of($0) } ?? "no application log"))" : Fingerprint.of(message)),
                    .text(String(message.prefix(2000))), label.proxy.map(SQLValue.text) ?? .null,
                    label.causedBy.isEmpty ? .null : .text(Self.jsonArray(label.causedBy)),
                ])
                try insert.step()
                for cause in label.causedBy { try link.run([.text(failure.invocation.requestId), .text(cause)]); summary.links += 1 }
                summary.failures += 1
                summary.byCause[label.cause, default: 0] += 1
            }
            try database.execute("""
                INSERT INTO meta (key, value) VALUES ('classified_at', strftime('%s','now'))
                ON CONFLICT(key) DO UPDATE SET value = excluded.value
                """)
            try database.statement("INSERT INTO meta (key, value) VALUES ('classified_inputs', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
                .run([.text(version)])
        }
        return summary
    }

    /// Gives each failed error (not timeout) invocation the most specific database error among
    /// the lines deriving recorded for it (`ErrorChoice`), with that line's event and time.
    private func chooseErrorLines(_ failed: inout [FailedInvocation]) throws {
        var lines: [String: [ErrorChoice.Line]] = [:]
        let select = try database.prepare(try SQLFolder.statements.sql("classify_error_lines"))
        while try select.step() {
            lines[select.text(0) ?? "", default: []].append(ErrorChoice.Line(eventId: select.int(1) ?? 0, kind: select.text(2) ?? "", message: select.text(3) ?? ""))
        }
        guard !lines.isEmpty else { return }
        let chooser = ErrorChoice(rules: rules)
        let time = try database.prepare("SELECT ts FROM event WHERE id = ?")
        for index in failed.indices where failed[index].invocation.status != .timeout {
            guard let candidates = lines[failed[index].invocation.requestId] else { continue }
            // The invocation's own error line alone: nothing to choose between, but read whole
            // (deriving kept its first 4,000 characters, and a Java trace's root cause is at its
            // end) and as any other line is (the Node runtime's `Invoke Error \t{…}`, a JSON record).
            if failed[index].invocation.errorMessage != nil, candidates.allSatisfy({ $0.eventId == failed[index].invocation.errorEventId }) {
                failed[index].invocation.errorMessage = ErrorChoice.readable(candidates[0].message)
                continue
            }
            let texts = candidates.map { ErrorChoice.readable($0.message) }
            failed[index].errorContext = texts.joined(separator: "\n")
            guard let chosen = chooser.choose(candidates, texts: texts, hasOwnError: failed[index].invocation.errorMessage != nil) else { continue }
            failed[index].invocation.errorMessage = chosen.text
            failed[index].invocation.errorEventId = chosen.line.eventId
            time.reset()
            time.bind(chosen.line.eventId, at: 1)
            if try time.step() { failed[index].errorTs = time.int(0) }
        }
    }

    /// The evidence and cause-chain columns: a JSON array of strings.
    static func jsonArray(_ items: [String]) -> String {
        "[" + items.map { JSONQuoting.quoted($0) }.joined(separator: ",") + "]"
    }
}
