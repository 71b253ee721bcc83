/// What a log line is: stored in `event.kind`, found by `LineFormat`, and read by deriving
/// through `role`. A new kind is one case here and one line in `role` (the compiler asks for it).
public enum LineKind: String, Sendable, CaseIterable {
    case start, end, report, initStart = "init_start", initReport = "init_report", xray
    /// The legacy `Task timed out after N seconds` line.
    case timeout
    /// `RequestId: … Error: Runtime exited …` and the pre-2019 `Process exited before completing request`.
    case runtimeExit = "runtime_exit"
    case extensionLine = "extension"
    /// Lambda JSON platform records (`platform.start`, `platform.report`, …).
    case platformStart = "platform_start", platformReport = "platform_report", platformInit = "platform_init"
    case platformRuntimeDone = "platform_runtime_done", platformOther = "platform_other"
    /// An application line with a request id (text or JSON).
    case app
    /// An unhandled error the runtime printed (Python `[ERROR] Type: …`, Node `Invoke Error`, .NET `fail`).
    case appError = "app_error"
    case proxy
    case other

    /// The part the kind plays in deriving: the one table of it.
    var role: LineRole {
        switch self {
        case .app: return .app
        case .proxy: return .proxy
        case .start, .platformStart: return .start
        case .end: return .end
        case .report: return .report
        case .platformReport: return .platformReport
        case .initStart, .platformInit: return .initStart
        case .appError: return .appError
        case .timeout: return .timeout
        case .runtimeExit: return .runtimeExit
        case .platformRuntimeDone: return .runtimeDone
        case .other: return .untagged
        case .xray, .extensionLine: return .unrelated
        case .initReport, .platformOther: return .counted
        }
    }

    /// Every kind, the most common in real exports first: what is tried in turn (reading a
    /// kind's name back from `event`, the derive scan's SQL CASE) finds most lines early.
    static let byFrequency: [LineKind] = [
        .app, .proxy, .start, .platformStart, .end, .report, .xray, .extensionLine, .other, .platformReport,
        .initStart, .platformInit, .appError, .timeout, .runtimeExit, .platformRuntimeDone, .initReport, .platformOther,
    ]
}
