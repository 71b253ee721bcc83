import Foundation

extension Report {
    /// The series the pressure rows and the page's charts share: their bins, failures per bin,
    /// the IdleClientTimeout each proxy's unclosed sessions were ended with, and what was merged.
    public struct Series: Sendable, Codable {
        public var bins: SeriesBins?
        /// Failures per bin (only bins with failures), causes ranked.
        public var failures: [WindowRow] = []
        public var idleTimeouts: [IdleTimeout] = []
        /// What was merged or assumed, said in every format.
        public var notes: [String] = []
    }

    /// How a proxy's sessions that were never logged closing were ended.
    public struct IdleTimeout: Sendable, Codable {
        public var proxy: String
        public var seconds: Int
        /// From the ingested describe-db-proxies, else AWS's default.
        public var fromConfiguration: Bool
        /// Sessions (of them pinned) ended at the timeout before the logs end.
        public var endedAtTimeout: Int, pinnedEndedAtTimeout: Int
    }

    /// One function's invocations and failures by cause.
    public struct FunctionRow: Sendable, Codable { public var function: String, invocations: Int, failures: Int, causes: [CauseCount] }

    /// One proxy's failures by cause (of the functions using it).
    public struct ProxyRow: Sendable, Codable { public var proxy: String, failures: Int, causes: [CauseCount] }

    /// One failure of an instance the report lists, for the page's links from an instance to its failures.
    public struct FailureLine: Sendable, Codable {
        public var instance: String, requestId: String, ts: Int64, cause: String, confidence: Double, error: String
    }
}
