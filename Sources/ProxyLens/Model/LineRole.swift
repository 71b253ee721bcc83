import CSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The part a line plays in deriving, as a small integer the scan and the invocation state
/// machine compare. Which kind plays which part is `LineKind.role`, the one table.
enum LineRole: UInt8 {
    /// Any other Lambda line (init_report, platform.* records not listed here): it only counts
    /// towards its invocation's events.
    case counted
    case start                  // START, platform.start
    case report                 // REPORT
    case platformReport         // platform.report
    case end                    // END
    case initStart              // INIT_START, platform.initStart
    case timeout
    case runtimeExit
    case appError
    case app
    /// An application line at an error level whose message holds a JSON error record
    /// (`"errorType"`): told apart when scanned, so only these messages are read again.
    case appErrorRecord
    case runtimeDone            // platform.runtimeDone
    /// An application line at an error level that is no runtime error record: an error the
    /// application logged (handled or not); its text may be the invocation's error.
    case appErrorLevel
    /// A line with no layout proxylens knows (plain `print`, Go's `log`, `System.out`, a custom
    /// runtime): it belongs to whatever invocation is running in its stream at that moment.
    case untagged
    case proxy
    /// xray, extension and other lines: part of an invocation only when they name a request id.
    case unrelated

    /// The role of a line whose `event.kind` is `kind`, from `LineKind.role`. Read from the bytes:
    /// mapping the kind in SQL (a CASE per line) costs more than the rest of reading the line.
    init(kind: UnsafeBufferPointer<UInt8>) {
        guard !kind.isEmpty else { self = .counted; return }
        for entry in Self.byName where entry.name.count == kind.count
            && entry.name.withUnsafeBufferPointer({ memcmp($0.baseAddress!, kind.baseAddress!, kind.count) }) == 0 {
            self = entry.role
            return
        }
        self = .counted
    }

    /// Every kind's name and role, the most common kinds first (the scan tries them in order).
    private static let byName: [(name: [UInt8], role: LineRole)] = LineKind.byFrequency.map { (Array($0.rawValue.utf8), $0.role) }

    /// Whether the line takes part in deriving invocations (proxy and unrelated lines do only
    /// when they name a request id).
    func isLambda(hasRequestId: Bool) -> Bool {
        switch self {
        case .proxy, .unrelated: return hasRequestId
        default: return true
        }
    }

    /// Whether deriving reads the line's message as it scans `event`: proxy and REPORT lines, and
    /// application lines at an error level (`isErrorLevel`) to find JSON error records.
    var messageReadWhenScanned: MessageNeed {
        switch self {
        case .proxy, .report, .platformReport: return .always
        case .app: return .atErrorLevel
        default: return .never
        }
    }

    enum MessageNeed { case never, always, atErrorLevel }

    /// Whether the scan reads the message of a line with this role and level.
    func readsMessage(level: UnsafeBufferPointer<UInt8>?) -> Bool {
        switch messageReadWhenScanned {
        case .never: return false
        case .always: return true
        case .atErrorLevel: return level.map(Self.isErrorLevel) ?? false
        }
    }

    /// Whether the state machine reads the line's message, which is then fetched again by event
    /// id: the few error lines (REPORT lines are read when scanned).
    var messageFetchedForStateMachine: Bool {
        switch self {
        case .timeout, .runtimeExit, .appError, .appErrorRecord, .runtimeDone: return true
        default: return false
        }
    }

    /// Whether the line may carry its invocation's error text: such lines of a failed
    /// invocation are recorded (`invocation_error_line`) for classifying to choose from.
    var mayCarryError: Bool {
        switch self {
        case .timeout, .runtimeExit, .appError, .appErrorRecord, .appErrorLevel, .untagged: return true
        default: return false
        }
    }

    /// Lines that begin or end an invocation in its stream (the platform's own lines).
    var isBoundary: Bool {
        switch self {
        case .start, .end, .report, .platformReport, .runtimeDone, .timeout, .runtimeExit: return true
        default: return false
        }
    }

    /// The levels `isErrorLevel` accepts, for SQL (SQLite's upper() folds ASCII only, as here).
    /// (`fail` and `crit` are .NET's labels for Error and Critical.)
    static let errorLevels = ["ERROR", "FATAL", "CRITICAL", "FAIL", "CRIT"]

    /// One of `errorLevels` in any ASCII case.
    static func isErrorLevel(_ level: UnsafeBufferPointer<UInt8>) -> Bool {
        func equals(_ name: StaticString) -> Bool {
            guard level.count == name.utf8CodeUnitCount else { return false }
            for i in 0..<level.count {
                let byte = level[i]
                let upper = byte >= 0x61 && byte <= 0x7a ? byte - 0x20 : byte
                if upper != name.utf8Start[i] { return false }
            }
            return true
        }
        return equals("ERROR") || equals("FATAL") || equals("CRITICAL") || equals("FAIL") || equals("CRIT")
    }

    /// The SQL expression that selects `message` exactly where `readsMessage` says so, for the
    /// derive scan of `event` (kinds in `LineKind.byFrequency` order: SQLite tries them in turn;
    /// upper() allocates, so the usual levels that are not errors skip it).
    static let scanMessageSQL: String = {
        var sql = "CASE kind"
        let levels = RawLevels.notErrors.map { "'\($0)'" }.joined(separator: ", ")
        let errors = errorLevels.map { "'\($0)'" }.joined(separator: ", ")
        for kind in LineKind.byFrequency {
            switch kind.role.messageReadWhenScanned {
            case .never: continue
            case .always: sql += " WHEN '\(kind.rawValue)' THEN message"
            case .atErrorLevel:
                sql += " WHEN '\(kind.rawValue)' THEN (CASE WHEN level IN (\(levels)) THEN NULL WHEN upper(level) IN (\(errors)) THEN message END)"
            }
        }
        return sql + " END"
    }()

    private enum RawLevels {
        static let notErrors = ["INFO", "info", "WARN", "warn", "WARNING", "warning", "DEBUG", "debug"]
    }
}
