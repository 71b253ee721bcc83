/// How an invocation ended, as `invocation.status` stores it: evidence, never a default.
public enum InvocationStatus: String, Sendable, CaseIterable {
    /// Its end was seen (END, REPORT, `platform.report`) and nothing says it failed.
    case success
    /// The platform or the runtime reported an error.
    case error
    /// The platform reported a timeout.
    case timeout
    /// No end was seen: a filtered or partial export, or a time range that cut it.
    case incomplete

    /// Failed for certain: what the failure rate counts.
    public var failed: Bool { self == .error || self == .timeout }
}
