import Foundation

/// Everything a report says, independent of how it is rendered.
public struct Report: Sendable, Codable {
    public struct CauseCount: Sendable, Codable { public var cause: String; public var failures: Int }
    public struct CauseRow: Sendable, Codable {
        public var cause: String, failures: Int, share: Double, instances: Int, first: Int64, last: Int64, meanConfidence: Double
    }
    public struct WindowRow: Sendable, Codable { public var start: Int64, end: Int64, failures: Int, causes: [CauseCount] }
    public struct InstanceRow: Sendable, Codable { public var function: String, instance: String, failures: Int, causes: [CauseCount] }
    public struct ChainRow: Sendable, Codable { public var proxy: String, connectionTimeouts: Int, leaks: Int, first: Int64, last: Int64 }
    public struct PinRow: Sendable, Codable { public var proxy: String, reason: String, digest: String?, sessions: Int, remedy: String }
    /// One bin of one proxy: the most sessions and connections open at once in it, its borrow timeouts.
    public struct PressureRow: Sendable, Codable {
        public var start: Int64, end: Int64, proxy: String, clientSessions: Int, pinnedSessions: Int, dbConnections: Int, borrowTimeouts: Int
    }
    public struct Finding: Sendable, Codable { public var subject: String, found: String, change: String }
    public struct Recommendation: Sendable, Codable { public var cause: String, advice: String, evidence: [String] }
    public struct FingerprintRow: Sendable, Codable { public var fingerprint: String, failures: Int, example: String }
    /// A name taken from file paths, not from the export: `kind` is log_group, function or proxy.
    public struct GuessedName: Sendable, Codable {
        public var kind: String, name: String, logGroup: String, paths: [String]

        /// The option that sets it: `--log-group PATH=GROUP` with the folder the paths share.
        public var setWith: String {
            let folder = GuessedName.commonFolder(paths) ?? "PATH"
            let group = kind == "log_group" ? name : logGroup.split(separator: ",").first.map(String.init) ?? logGroup
            return "--log-group \(folder)=\(group.hasPrefix("/aws/rds/proxy/") ? "/aws/rds/proxy/<name>" : group.hasPrefix("/aws/lambda/") ? "/aws/lambda/<name>" : "<group>")"
        }

        /// The one file, or the deepest folder holding every path.
        static func commonFolder(_ paths: [String]) -> String? {
            guard let first = paths.first else { return nil }
            if paths.count == 1 { return first }
            var common = first.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            for path in paths.dropFirst() {
                let parts = path.split(separator: "/", omittingEmptySubsequences: false)
                var n = 0
                while n < common.count, n < parts.count - 1, common[common.startIndex + n] == parts[n] { n += 1 }
                common = common.prefix(n)
            }
            let folder = common.joined(separator: "/")
            return folder.isEmpty ? (first.hasPrefix("/") ? "/" : ".") : folder
        }
    }

    public var database: String
    public var inputs: Int
    public var firstTs: Int64?
    public var lastTs: Int64?
    public var invocations: Int
    public var failures: Int
    public var windowSeconds: Int
    public var causes: [CauseRow] = []
    public var windows: [WindowRow] = []
    public var instances: [InstanceRow] = []
    public var chains: [ChainRow] = []
    public var pinning: [PinRow] = []
    /// Per bin of `series` and proxy.
    public var pressure: [PressureRow] = []
    public var series = Series()
    public var functions: [FunctionRow] = []
    public var proxies: [ProxyRow] = []
    /// The failures of the instances among the first `top`, in time order per instance.
    public var instanceFailures: [FailureLine] = []
    public var findings: [Finding] = []
    public var recommendations: [Recommendation] = []
    public var unclassified: [FingerprintRow] = []
    /// Names taken from file paths (every format marks them).
    public var guessedNames: [GuessedName] = []
    /// The CloudWatch metrics, when any were ingested.
    public var metrics: MetricsSection?

    public var failureRate: Double { invocations == 0 ? 0 : Double(failures) / Double(invocations) }
    /// What every format says when nothing failed: with no invocation at all (proxy logs alone,
    /// the Lambda log groups left out) nothing was judged, which is not "no failures".
    public var noFailuresSentence: String {
        invocations == 0
            ? "No Lambda invocations in the database: no failure could be judged (ingest the functions' log groups, /aws/lambda/<function>)."
            : "No failures found."
    }

    public func count(of cause: String) -> Int { causes.first { $0.cause == cause }?.failures ?? 0 }

    /// True when `name` (a function or proxy) was taken from a file path.
    public func isGuessed(_ name: String, kind: String) -> Bool { guessedNames.contains { $0.kind == kind && $0.name == name } }

    /// One line on the guessed names for every format to show; nil when none. Names only (the
    /// paths are in JSON's `guessed_names`): it must read the same wherever the files lie.
    public var guessedNote: String? {
        guard !guessedNames.isEmpty else { return nil }
        let shown = guessedNames.filter { $0.kind != "log_group" }
        let list = (shown.isEmpty ? guessedNames : shown).map { "\($0.kind.replacingOccurrences(of: "_", with: " ")) \($0.name)" }
        return "Guessed from file names, not named by the exports: " + list.joined(separator: ", ")
            + "; set them with --log-group PATH=GROUP (JSON guessed_names lists the files)."
    }
}
