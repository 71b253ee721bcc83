import Foundation

/// When a report was generated: now, or `SOURCE_DATE_EPOCH` (seconds) when it is set, so that
/// builds, golden tests and README examples are reproducible.
public enum ReportStamp {
    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int64 {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int64(text.trimmingCharacters(in: .whitespaces)) {
            return seconds * 1000
        }
        return Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}
