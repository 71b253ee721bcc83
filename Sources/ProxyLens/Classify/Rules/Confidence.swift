/// Every confidence the classifier gives, in one table: a label's confidence is one of these
/// bases, moved by the evidence adjustments. Part of `RuleSet.fingerprint`, so changing one
/// re-labels the next `analyze`.
enum Confidence {
    // Timeouts.
    /// A transaction was open when the Lambda timed out; nothing seen on the proxy side.
    static let leakOpenTransaction = 0.7
    /// …and a session of the function's proxy was pinned.
    static let leakOpenTransactionPinned = 0.85
    /// Base of an open transaction before the proxy side is looked at.
    static let leakOpenTransactionBase = 0.75
    /// …and the proxy closed a pinned database connection mid-request right after the timeout.
    static let leakOpenTransactionClosedMidRequest = 0.95
    /// No transaction in the log, but a pinned connection closed mid-request right after it.
    static let leakPinnedClosedMidRequest = 0.55
    /// No transaction in the log; the pinned session was closed as idle IdleClientTimeout after
    /// the invocation with its database connection mid-request (tied by time, as the close above).
    static let leakPinnedReclaimedIdleMidRequest = 0.55
    /// A timeout with no transaction open and no sign of a held session.
    static let timeoutNoOpenTransaction = 0.8

    // Errors, by the signal of the matching signature.
    static let applicationError = 0.75
    static let applicationErrorWithoutText = 0.5
    static let outOfMemory = 0.95
    static let queryTimeout = 0.9
    static let connectionTimeout = 0.9
    static let connectionRejected = 0.6
    static let borrowTimeout = 0.95
    static let ambiguousTimeoutPhaseUnknown = 0.6
    static let ambiguousTimeoutPhaseRead = 0.8

    // Stale connections: a base, moved by the evidence.
    static let staleBase = 0.65
    static let staleTransactionStateBase = 0.55
    static let staleWarmInstance = 0.1
    static let staleColdStartPenalty = 0.15
    static let staleIdleOverTimeout = 0.1
    static let staleProxyClosedClient = 0.1
    static let maximum = 0.99

    /// What each layer of `ErrorClassifier` below the curated signatures takes off: a driver's
    /// own text from its source, a code, a generic word read in a text about a database.
    static let catalogueLayerPenalty = 0.05
    static let codeLayerPenalty = 0.1
    static let genericLayerPenalty = 0.2

    static func layerPenalty(_ layer: String) -> Double {
        switch layer {
        case "catalogue": return catalogueLayerPenalty
        case "code": return codeLayerPenalty
        case "generic": return genericLayerPenalty
        default: return 0
        }
    }

    // Metrics at the failure's minute (`MetricEvidence`), added to the label's confidence.
    /// A borrow timeout while DatabaseConnectionsCurrentlyBorrowed sat at MaxDatabaseConnectionsAllowed.
    static let metricPoolFull = 0.03
    /// A pinning leak while DatabaseConnectionsCurrentlySessionPinned was above its usual level.
    static let metricPinnedRising = 0.04
    /// A query timeout during a QueryDatabaseResponseLatency spike.
    static let metricLatencySpike = 0.05

    /// An invocation whose end was never seen (a filtered or partial export), labelled from the
    /// error it logged: it may have gone on and succeeded.
    static let incompletePenalty = 0.2

    /// Every value by name, for the fingerprint.
    static let all: [(String, Double)] = [
        ("leakOpenTransaction", leakOpenTransaction), ("leakOpenTransactionPinned", leakOpenTransactionPinned),
        ("leakOpenTransactionBase", leakOpenTransactionBase), ("leakOpenTransactionClosedMidRequest", leakOpenTransactionClosedMidRequest),
        ("leakPinnedClosedMidRequest", leakPinnedClosedMidRequest),
        ("leakPinnedReclaimedIdleMidRequest", leakPinnedReclaimedIdleMidRequest), ("timeoutNoOpenTransaction", timeoutNoOpenTransaction),
        ("applicationError", applicationError), ("applicationErrorWithoutText", applicationErrorWithoutText),
        ("outOfMemory", outOfMemory), ("queryTimeout", queryTimeout), ("connectionTimeout", connectionTimeout),
        ("connectionRejected", connectionRejected), ("borrowTimeout", borrowTimeout),
        ("ambiguousTimeoutPhaseUnknown", ambiguousTimeoutPhaseUnknown), ("ambiguousTimeoutPhaseRead", ambiguousTimeoutPhaseRead),
        ("staleBase", staleBase), ("staleTransactionStateBase", staleTransactionStateBase), ("staleWarmInstance", staleWarmInstance),
        ("staleColdStartPenalty", staleColdStartPenalty), ("staleIdleOverTimeout", staleIdleOverTimeout),
        ("staleProxyClosedClient", staleProxyClosedClient), ("maximum", maximum),
        ("catalogueLayerPenalty", catalogueLayerPenalty), ("codeLayerPenalty", codeLayerPenalty), ("genericLayerPenalty", genericLayerPenalty),
        ("incompletePenalty", incompletePenalty), ("metricPoolFull", metricPoolFull), ("metricPinnedRising", metricPinnedRising), ("metricLatencySpike", metricLatencySpike),
    ]
}
