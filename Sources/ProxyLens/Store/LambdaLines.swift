import Foundation

/// The part a line plays in deriving, by its `event.kind`, as a small integer the scan and the
/// invocation state machine compare.
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
    case proxy
    /// xray, extension and other lines: part of an invocation only when they name a request id.
    case unrelated

    /// The role of a line whose `event.kind` is `kind`. Read from the bytes: mapping the kind in
    /// SQL (a CASE per line) costs more than the rest of reading the line.
    init(kind: UnsafeBufferPointer<UInt8>) {
        func equals(_ name: StaticString) -> Bool {
            kind.count == name.utf8CodeUnitCount && memcmp(kind.baseAddress!, name.utf8Start, kind.count) == 0
        }
        guard !kind.isEmpty else { self = .counted; return }
        // Most common first.
        if equals("app") { self = .app }
        else if equals("proxy") { self = .proxy }
        else if equals("start") || equals("platform_start") { self = .start }
        else if equals("end") { self = .end }
        else if equals("report") { self = .report }
        else if equals("xray") || equals("extension") || equals("other") { self = .unrelated }
        else if equals("platform_report") { self = .platformReport }
        else if equals("init_start") || equals("platform_init") { self = .initStart }
        else if equals("app_error") { self = .appError }
        else if equals("timeout") { self = .timeout }
        else if equals("runtime_exit") { self = .runtimeExit }
        else if equals("platform_runtime_done") { self = .runtimeDone }
        else { self = .counted }
    }

    /// The role of a line of kind `kind`, through its name, so the two initializers agree.
    init(_ kind: LineKind) {
        for (candidate, role) in Self.byKind where candidate == kind {
            self = role
            return
        }
        self = .counted
    }

    /// Found by a scan of the cases, which compares tags; hashing a kind would hash its name.
    private static let byKind: [(LineKind, LineRole)] = LineKind.allCases.map { kind in
        var name = kind.rawValue
        return (kind, name.withUTF8 { LineRole(kind: $0) })
    }

    /// Whether the line takes part in deriving invocations (proxy and unrelated lines do only
    /// when they name a request id).
    func isLambda(hasRequestId: Bool) -> Bool {
        switch self {
        case .proxy, .unrelated: return hasRequestId
        default: return true
        }
    }

    /// Whether the state machine reads the line's message, which is then fetched again by event
    /// id: the few error lines (REPORT lines are read when scanned).
    var needsMessage: Bool {
        switch self {
        case .timeout, .runtimeExit, .appError, .appErrorRecord, .runtimeDone: return true
        default: return false
        }
    }
}

/// The Lambda lines of `event`, gathered by the derive scan and grouped by log stream, each
/// stream's kept as parallel arrays of small numbers (22 bytes a line) so that millions of lines
/// fit in modest memory. Of a line's message only a REPORT line's values are kept; the few other
/// messages the state machine reads are fetched again by event id.
struct LambdaLines {
    /// One log stream's lines, in the order they were read (storage order).
    struct Stream {
        var ts: [Int64] = []
        var eventId: [Int64] = []
        var role: [LineRole] = []
        /// 1 when an application line begins a transaction, -1 when it ends one, else 0.
        var transactionEffect: [Int8] = []
        /// The request id's number in `requests`; -1 when the line names none.
        var request: [Int32] = []
        /// The values of the REPORT lines, in the order of those lines.
        var reports: [ReportValues] = []
        /// The stream's request ids: only ids within one stream are ever compared, and a
        /// stream's table is small enough to stay in the processor's cache.
        var requests = ByteInterner()
        /// The earliest line (by time, then event id) and that line's log group number (-1 for
        /// none), which names the group of the whole stream.
        var first: (ts: Int64, eventId: Int64, group: Int32)

        var count: Int { ts.count }

        /// Line indexes in (ts, event id) order, the order the state machine reads them in.
        /// Lines are nearly always stored in time order already.
        func timeOrder() -> [Int] {
            var order = Array(0..<count)
            func precedes(_ a: Int, _ b: Int) -> Bool { ts[a] != ts[b] ? ts[a] < ts[b] : eventId[a] < eventId[b] }
            if !order.dropFirst().allSatisfy({ !precedes($0, $0 - 1) }) { order.sort(by: precedes) }
            return order
        }

        /// By line index, the index in `reports` of a REPORT line's values.
        func reportIndexes() -> [Int32] {
            var next: Int32 = 0
            return role.map { role in
                guard role == .report || role == .platformReport else { return -1 }
                defer { next += 1 }
                return next
            }
        }

        /// By request id number, a number shared by all the ids that are equal as Strings: the
        /// state machine matches request ids as Swift Strings do (by canonical equivalence). For
        /// the ASCII ids Lambda writes that is byte equality, so Strings are compared only when
        /// some id is not ASCII.
        func requestKeys() -> [Int32] {
            var keys = Array(0..<Int32(requests.count))
            guard keys.contains(where: { !requests.bytes($0).allSatisfy { $0 < 0x80 } }) else { return keys }
            var firstEqual: [String: Int32] = [:]
            for number in keys {
                let text = requests.string(number)
                if let first = firstEqual[text] { keys[Int(number)] = first } else { firstEqual[text] = number }
            }
            return keys
        }
    }

    private(set) var streams: [Stream] = []
    private var names = ByteInterner()

    /// Adds one line. `group` is called only when the line may be its stream's earliest, since
    /// reading the group costs a lookup.
    mutating func append(stream name: UnsafeBufferPointer<UInt8>, ts: Int64, eventId: Int64, role: LineRole,
                         transactionEffect: Int8, request: UnsafeBufferPointer<UInt8>?, report: ReportValues?,
                         group: () -> Int32) {
        let number = Int(names.intern(name))
        if number == streams.count {
            streams.append(Stream(first: (ts, eventId, group())))
        } else if (ts, eventId) < (streams[number].first.ts, streams[number].first.eventId) {
            streams[number].first = (ts, eventId, group())
        }
        streams[number].ts.append(ts)
        streams[number].eventId.append(eventId)
        streams[number].role.append(role)
        streams[number].transactionEffect.append(transactionEffect)
        let requestNumber = request.map { streams[number].requests.intern($0) } ?? -1
        streams[number].request.append(requestNumber)
        if let report { streams[number].reports.append(report) }
    }

    func name(ofStream number: Int) -> String { names.string(Int32(number)) }

    /// Stream numbers in the order of their names' bytes, as SQLite's BINARY collation orders
    /// them: the state machine reads streams in this order (it was `ORDER BY log_stream, ts, id`),
    /// which decides between invocations of two streams that share a request id.
    func streamsInNameOrder() -> [Int] {
        streams.indices.sorted { names.bytes(Int32($0)).lexicographicallyPrecedes(names.bytes(Int32($1))) }
    }
}

/// What one REPORT line (text or JSON `platform.report`) sets on its invocation, read when the
/// line is scanned so its message need not be read again. For each field, nil leaves the
/// invocation's value as it is; a text REPORT with a key whose value cannot be read clears it
/// (`.some(nil)`).
///
/// One is kept per invocation for the whole derive pass, hence the compact storage (56 bytes
/// rather than 112): plain numbers, each with what the line does to its field, and the rare
/// status and error type out of line.
struct ReportValues {
    var durationMs: Double?? {
        get { Self.read(duration, durationWrite) }
        set { (duration, durationWrite) = Self.store(newValue, orElse: 0) }
    }
    var billedMs: Int64?? {
        get { Self.read(billed, billedWrite) }
        set { (billed, billedWrite) = Self.store(newValue, orElse: 0) }
    }
    var initMs: Double?? {
        get { Self.read(initDuration, initDurationWrite) }
        set { (initDuration, initDurationWrite) = Self.store(newValue, orElse: 0) }
    }
    var memoryMB: Int64?? {
        get { Self.read(memory, memoryWrite) }
        set { (memory, memoryWrite) = Self.store(newValue, orElse: 0) }
    }
    var maxMemoryMB: Int64?? {
        get { Self.read(maxMemory, maxMemoryWrite) }
        set { (maxMemory, maxMemoryWrite) = Self.store(newValue, orElse: 0) }
    }
    var status: String? {
        get { texts?.status }
        set { texts = Texts(status: newValue, errorType: errorType) }
    }
    var errorType: String? {
        get { texts?.errorType }
        set { texts = Texts(status: status, errorType: newValue) }
    }

    private enum Write: UInt8 { case leave, clear, set }

    private var duration = 0.0, initDuration = 0.0
    private var billed: Int64 = 0, memory: Int64 = 0, maxMemory: Int64 = 0
    private var durationWrite = Write.leave, initDurationWrite = Write.leave
    private var billedWrite = Write.leave, memoryWrite = Write.leave, maxMemoryWrite = Write.leave
    private var texts: Texts?

    private final class Texts {
        let status: String?
        let errorType: String?

        init(status: String?, errorType: String?) {
            self.status = status
            self.errorType = errorType
        }
    }

    private static func read<Value>(_ value: Value, _ write: Write) -> Value?? {
        switch write {
        case .leave: return nil
        case .clear: return .some(nil)
        case .set: return value
        }
    }

    private static func store<Value>(_ newValue: Value??, orElse placeholder: Value) -> (Value, Write) {
        switch newValue {
        case .none: return (placeholder, .leave)
        case .some(.none): return (placeholder, .clear)
        case .some(.some(let value)): return (value, .set)
        }
    }
}
