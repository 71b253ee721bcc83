import CSupport
import Foundation

/// What an error text says happened, read in layers, each less exact than the one before and
/// each named in the label's rule (`<layer>:<name>`), with its own confidence:
/// 1. `signature`: the curated signatures (`SignatureRule.all`, RDS Proxy's own errors first);
/// 2. `catalogue`: what a driver, ORM or pool prints, from its source (`DriverCatalogue`);
/// 3. `code`: a SQLSTATE, driver error number, Oracle or Prisma code, or errno name (`ErrorCodes`);
/// 4. `generic`: dead-connection and timeout words, the phase read from the text (`GenericVocabulary`),
///    only in a text about a database.
/// Layers 2-4 read the innermost cause first (`Caused by:`, ` ---> `, chained tracebacks): a
/// wrapper's words say less than what it wraps. The correlation evidence (warm instance, idle
/// gap, proxy closes) is added afterwards by `CorrelationContext`.
struct ErrorClassifier {
    enum Layer: String, Sendable { case signature, catalogue, code, generic }

    struct Verdict: Sendable {
        var signal: ErrorSignal
        var layer: Layer
        /// The signature's name, or `<layer>:<what matched>`.
        var rule: String
        /// For timeouts whose phase the text gives.
        var phase: GenericVocabulary.TimeoutPhase = .unknown
    }

    let rules: RuleSet
    var catalogue: [CatalogueEntry] = DriverCatalogue.textEntries {
        didSet { preparedCatalogue = Self.prepare(catalogue) }
    }
    var codes: [CatalogueEntry] = DriverCatalogue.codeEntries {
        didSet { preparedCodes = ErrorCodes.prepare(codes) }
    }
    /// The catalogue's needles folded and as bytes once: folding them at every failure cost more
    /// than the rest of classifying.
    private var preparedCatalogue: [PreparedEntry] = ErrorClassifier.defaultCatalogue
    private var preparedCodes: [ErrorCodes.Prepared] = ErrorCodes.defaultPrepared

    struct PreparedEntry {
        var entry: CatalogueEntry
        var needles: [[UInt8]]
        var length: Int
        var networkPhrase: Bool
        /// The longest needle: a text whose byte pairs rule it out cannot match (see `BytePairs`).
        var longest: [UInt8]
    }

    static let defaultCatalogue = prepare(DriverCatalogue.textEntries)

    static func prepare(_ entries: [CatalogueEntry]) -> [PreparedEntry] {
        entries.compactMap { entry in
            let needles = entry.needles
            let length = needles.reduce(0) { $0 + $1.count }
            guard length >= minimumNeedleLength else { return nil }
            let bytes = needles.map { Array($0.utf8) }
            return PreparedEntry(entry: entry, needles: bytes, length: length,
                                 networkPhrase: isNetworkPhrase(needles.joined(separator: " ")),
                                 longest: bytes.max { $0.count < $1.count } ?? [])
        }
    }
    /// Off, only exact entries and codes classify (to measure what the generic layer adds).
    var genericEnabled = true
    /// Needles shorter than this say too little to be an exact entry (the generic layer has them).
    static let minimumNeedleLength = 10
    /// An entry whose needles are shorter than this (`connect ETIMEDOUT`, `Read timed out`,
    /// `Connection reset`) is a network phrase any client prints: it counts only in a text about
    /// a database. Longer ones (`server closed the connection unexpectedly`) are a driver's own.
    static let networkPhraseLength = 24

    init(rules: RuleSet = .current) { self.rules = rules }

    /// `context`: other lines of the same invocation, which may say what the text is about
    /// (Go's `[mysql] packets.go:…` before a bare `invalid connection`).
    func classify(_ text: String, context: String = "") -> Verdict? {
        classify(text, foldedContext: context.isEmpty ? "" : SignatureRule.fold(context))
    }

    /// The same with the context already folded (`ErrorChoice` reads many lines against one).
    func classify(_ text: String, foldedContext: String) -> Verdict? {
        let foldedText = SignatureRule.fold(text)
        let about = foldedContext.isEmpty ? foldedText : foldedText + "\n" + foldedContext
        // Another service's failure (an HTTP API, Redis, an SDK call), or a database's answer that
        // is none of the causes (authentication): no layer reads it as a database failure. A
        // refusal is read in the text alone: whatever wraps it (a pool's timeout, a lost
        // handshake), the refusal is the innermost cause; so is a name that did not resolve, or a
        // server's own other reason.
        if GenericVocabulary.namesAnotherService(about) || GenericVocabulary.containsAny(about, GenericVocabulary.notACause)
            || GenericVocabulary.givesAnotherReason(foldedText) { return nil }
        let isDatabase = GenericVocabulary.isAboutDatabase(about)
        if let rule = rules.match(text), isDatabase || !Self.isNetworkPhrase(rule.needles.joined(separator: " ")) {
            return Self.whileConnecting(Self.readTimeoutFirst(Verdict(signal: rule.signal, layer: .signature, rule: rule.name), about), foldedText)
        }
        for segment in Self.causesInnermostFirst(text) {
            let folded = SignatureRule.fold(segment)
            if let verdict = catalogueVerdict(folded, isDatabase: isDatabase) ?? codeVerdict(folded, isDatabase: isDatabase)
                ?? (isDatabase && genericEnabled ? genericVerdictReadingIdentifiers(folded, segment: segment) : nil) {
                return Self.whileConnecting(Self.readTimeoutFirst(verdict, about), foldedText)
            }
        }
        return nil
    }

    /// A short phrase of the generic vocabulary that names no database: what any network client
    /// prints (`connect ETIMEDOUT`, `Read timed out`, `Connection reset`).
    /// A needle with an identifier in it (`write CONNECT_TIMEOUT`: postgres.js's own error code)
    /// is a driver's own word, not a network phrase; one that is only an operating system's or
    /// runtime's error text (`Connection reset by peer`, `context deadline exceeded`) is one at
    /// any length.
    static func isNetworkPhrase(_ needle: String) -> Bool {
        let folded = SignatureRule.fold(needle)
        if GenericVocabulary.runtimeErrorTexts.contains(folded.trimmingCharacters(in: CharacterSet(charactersIn: ". "))) { return true }
        guard folded.count < networkPhraseLength, !folded.contains("_"), !GenericVocabulary.isAboutDatabase(folded) else { return false }
        return GenericVocabulary.containsAny(folded, GenericVocabulary.timeout + GenericVocabulary.deadConnection + ["econn", "eof", "reset", "refused"])
    }

    /// Python's socket timeout as its traceback prints it (`socket.timeout: timed out` before
    /// 3.10, `TimeoutError: timed out` from 3.10, where socket.timeout became TimeoutError): the
    /// timeout a pure-Python driver sets on its socket (pg8000 `timeout` applies
    /// `sock.settimeout` to every read, core.py; PyMySQL's `read_timeout`, connections.py
    /// `_read_bytes`) expiring under the driver's own dead-connection wrapper (pg8000's
    /// `InterfaceError("network error") from e`). Connecting has its own texts (pg8000's `Can't
    /// create a connection`, PyMySQL's `Can't connect to MySQL server`), which are no dead connection.
    static let pythonSocketTimeout = ["socket.timeout: timed out", "timeouterror: timed out"]
    /// PyMySQL's read of a result after its `read_timeout` (connections.py `_read_bytes`:
    /// `sock.settimeout(self._read_timeout)`, then `OperationalError(CR_SERVER_LOST, f"Lost
    /// connection to MySQL server during query ({e})")` where `e` is socket.timeout, whose text is
    /// `timed out`): the lost connection is the timeout's doing.
    static let pyMySQLReadTimeout = ["lost connection to mysql server during query (timed out)"]

    /// A connection lost because a read timed out (Connector/J's `Communications link failure
    /// … Read timed out`, PgJDBC's I/O error over a `SocketTimeoutException`) is a query timeout:
    /// the timeout is why the link went.
    static func readTimeoutFirst(_ verdict: Verdict, _ folded: String) -> Verdict {
        guard verdict.signal == .staleConnection,
              GenericVocabulary.containsAny(folded, ["read timed out", "sockettimeoutexception"] + pythonSocketTimeout + pyMySQLReadTimeout) else { return verdict }
        var timeout = verdict
        timeout.signal = .queryTimeout
        timeout.rule += "+read-timed-out"
        return timeout
    }

    /// A connection still being opened cannot be stale, nor running a statement: a dead-connection
    /// word or a read's timeout under a wrapper that says a new connection was being made (DBCP's
    /// `Cannot create PoolableConnectionFactory (Communications link failure)`, PyMySQL's greeting
    /// read in `_get_server_information` timing out) is a failure to connect.
    static func whileConnecting(_ verdict: Verdict, _ foldedText: String) -> Verdict {
        guard [ErrorSignal.staleConnection, .queryTimeout, .ambiguousTimeout].contains(verdict.signal),
              GenericVocabulary.containsAny(foldedText, GenericVocabulary.establishingConnection) else { return verdict }
        var connecting = verdict
        connecting.signal = .connectionTimeout
        connecting.phase = .connect
        connecting.rule += "+while-connecting"
        return connecting
    }

    /// The text split at its cause markers, the innermost cause first, the whole text last.
    static func causesInnermostFirst(_ text: String) -> [String] {
        let markers = ["\nCaused by: ", "Caused by: ", " ---> ", "\nThe above exception was the direct cause of the following exception:",
                       "\nDuring handling of the above exception, another exception occurred:", "\ncaused by: ",
                       // Spring's NestedRuntimeException (before 6.0) appends its cause to its message
                       // (NestedExceptionUtils.buildMessage).
                       "; nested exception is "]
        var pieces = [Substring(text)]
        for marker in markers {
            pieces = pieces.flatMap { piece -> [Substring] in
                var parts: [Substring] = []
                var rest = piece
                while let range = rest.range(of: marker) {
                    parts.append(rest[..<range.lowerBound])
                    rest = rest[range.upperBound...]
                }
                parts.append(rest)
                return parts
            }
        }
        // Python prints the cause first and the exception it caused after; Java and .NET print
        // the wrapper first. Either way a piece that names a database failure is found; trying
        // the last piece first finds Java's and .NET's innermost cause first.
        var ordered = pieces.reversed().map(String.init).filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if ordered.count > 1 { ordered.append(text) }
        return ordered.isEmpty ? [text] : ordered
    }

    private func catalogueVerdict(_ folded: String, isDatabase: Bool) -> Verdict? {
        var best: [(entry: CatalogueEntry, length: Int, networkPhrase: Bool)] = []
        let bytes = Array(folded.utf8)
        let present = BytePairs(bytes)
        for prepared in preparedCatalogue {
            let (entry, length) = (prepared.entry, prepared.length)
            guard isDatabase || !prepared.networkPhrase, prepared.longest.withUnsafeBufferPointer(present.mayContain), Self.containsInOrder(bytes, prepared.needles) else { continue }
            if best.isEmpty || length > best[0].length { best = [(entry, length, prepared.networkPhrase)] }
            else if length == best[0].length { best.append((entry, length, prepared.networkPhrase)) }
        }
        guard let first = best.first else { return nil }
        let phase = GenericVocabulary.phase(folded)
        let signals = Set(best.map(\.entry.signal))
        var chosen = first.entry
        // A short timeout phrase (`timeout expired`) says nothing of its phase: the words around
        // it do (`Query timeout expired` is a query's).
        if signals.count == 1, first.entry.signal != .staleConnection, first.networkPhrase {
            switch phase {
            case .query: return Verdict(signal: .queryTimeout, layer: .catalogue, rule: "catalogue:\(chosen.driver)/\(chosen.category)+query-phase", phase: phase)
            case .connect, .acquire:
                return Verdict(signal: .connectionTimeout, layer: .catalogue, rule: "catalogue:\(chosen.driver)/\(chosen.category)", phase: phase)
            case .unknown: break
            }
        }
        if signals.count > 1 {
            // The same text under two categories (SqlClient -2, asyncpg's bare TimeoutError…):
            // the phase read from the text decides, else it stays an ambiguous timeout.
            let wanted: ErrorSignal? = phase == .query ? .queryTimeout : phase == .unknown ? nil : .connectionTimeout
            if let wanted, let match = best.first(where: { $0.entry.signal == wanted }) {
                chosen = match.entry
            } else if !signals.contains(.staleConnection) {
                return Verdict(signal: .ambiguousTimeout, layer: .catalogue, rule: "catalogue:\(chosen.driver)/ambiguous-timeout", phase: phase)
            }
        }
        return Verdict(signal: chosen.signal, layer: .catalogue, rule: "catalogue:\(chosen.driver)/\(chosen.category)", phase: phase)
    }

    private func codeVerdict(_ folded: String, isDatabase: Bool) -> Verdict? {
        let found = ErrorCodes.find(in: folded, prepared: preparedCodes).filter { isDatabase || $0.entries.first?.driver != "codes:errno" }
        guard let first = found.first else { return nil }
        let phase = GenericVocabulary.phase(folded)
        // Codes naming different failures (ECONNRESET inside a timeout's text): a timeout code
        // with its phase first, then a dead connection.
        let all = found.flatMap(\.entries)
        let signals = Set(all.map(\.signal))
        let signal: ErrorSignal
        if signals.count == 1 {
            signal = all[0].signal
        } else if signals.contains(.queryTimeout) || signals.contains(.connectionTimeout) {
            switch phase {
            case .query: signal = signals.contains(.queryTimeout) ? .queryTimeout : .ambiguousTimeout
            case .connect, .acquire: signal = signals.contains(.connectionTimeout) ? .connectionTimeout : .ambiguousTimeout
            case .unknown: signal = .ambiguousTimeout
            }
        } else {
            signal = all[0].signal
        }
        return Verdict(signal: signal, layer: .code, rule: "code:\(first.code)", phase: phase)
    }

    /// The generic layer, then again on the segment's identifiers spelled out (`write
    /// CONNECTION_CLOSED`, `kind: ConnectionReset`) when its words as written said nothing or
    /// named no phase for a timeout (`CONNECT_TIMEOUT` holds "timeout" but not the word
    /// "connect"): a second reading, so a verdict the first reading gave for a cause or a phase
    /// stands.
    private func genericVerdictReadingIdentifiers(_ folded: String, segment: String) -> Verdict? {
        let asWritten = genericVerdict(folded)
        if let asWritten, asWritten.signal != .ambiguousTimeout { return asWritten }
        guard let spelled = GenericVocabulary.identifiersSpelledOut(segment),
              let spelledOut = genericVerdict(SignatureRule.fold(spelled)) else { return asWritten }
        return asWritten == nil || spelledOut.signal != .ambiguousTimeout ? spelledOut : asWritten
    }

    private func genericVerdict(_ folded: String) -> Verdict? {
        if GenericVocabulary.isDeadPeerTimeout(folded) {
            return Verdict(signal: .staleConnection, layer: .generic, rule: "generic:dead-peer-timeout")
        }
        if GenericVocabulary.containsAny(folded, GenericVocabulary.poolExhausted) {
            return Verdict(signal: .connectionTimeout, layer: .generic, rule: "generic:pool-exhausted", phase: .acquire)
        }
        let timeout = GenericVocabulary.containsAny(folded, GenericVocabulary.timeout)
        let dead = GenericVocabulary.containsAny(folded, GenericVocabulary.deadConnection)
        if timeout {
            let phase = GenericVocabulary.phase(folded)
            switch phase {
            case .acquire: return Verdict(signal: .connectionTimeout, layer: .generic, rule: "generic:pool-acquire-timeout", phase: phase)
            case .connect: return Verdict(signal: .connectionTimeout, layer: .generic, rule: "generic:connect-timeout", phase: phase)
            case .query: return Verdict(signal: .queryTimeout, layer: .generic, rule: "generic:query-timeout", phase: phase)
            case .unknown:
                if dead { break }
                return Verdict(signal: .ambiguousTimeout, layer: .generic, rule: "generic:timeout", phase: phase)
            }
        }
        if dead { return Verdict(signal: .staleConnection, layer: .generic, rule: "generic:dead-connection") }
        return nil
    }

    /// Whether every needle occurs, each after the one before (on bytes).
    static func containsInOrder(_ text: [UInt8], _ needles: [[UInt8]]) -> Bool {
        text.withUnsafeBufferPointer { haystack in
            var from = 0
            for needle in needles {
                guard let base = haystack.baseAddress, from <= haystack.count,
                      let hit = needle.withUnsafeBufferPointer({ proxylens_memmem(base + from, haystack.count - from, $0.baseAddress, $0.count) })
                else { return false }
                from = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base + needle.count
            }
            return true
        }
    }
}
