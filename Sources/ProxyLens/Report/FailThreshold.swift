import Foundation

/// `--fail-on CAUSE[=N]`: crossed when more than N failures of CAUSE (N = 0: any).
public struct FailThreshold: Sendable, Equatable {
    public var cause: Cause
    public var limit: Int

    public init(cause: Cause, limit: Int) { self.cause = cause; self.limit = limit }

    public static func parse(_ text: String) throws -> [FailThreshold] {
        try text.split(separator: ",").map { part in
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let cause = Cause(rawValue: pieces[0]) else {
                throw ProxyLensError(.usage, "--fail-on", "unknown cause '\(pieces[0])' (one of \(Cause.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            var limit = 0
            if pieces.count == 2 {
                guard let n = Int(pieces[1]), n >= 0 else { throw ProxyLensError(.usage, "--fail-on", "'\(pieces[1])' is not a count") }
                limit = n
            }
            return FailThreshold(cause: cause, limit: limit)
        }
    }

    public func crossed(by report: Report) -> Bool { report.count(of: cause.rawValue) > limit }
}
