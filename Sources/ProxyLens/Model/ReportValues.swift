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
