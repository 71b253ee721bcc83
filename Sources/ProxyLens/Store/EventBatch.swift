import CSupport
#if canImport(Glibc)
import Glibc
#endif

/// Events ready to insert, kept as one byte arena plus fixed-size rows: filling a batch allocates
/// nothing per event, and the inserting thread binds pointers into the arena (SQLITE_STATIC)
/// instead of copying each text again.
struct EventBatch {
    /// A piece of `bytes`; `count < 0` stands for NULL.
    struct Text {
        var start: Int32
        var count: Int32
        static let null = Text(start: 0, count: -1)
        var isNull: Bool { count < 0 }
    }

    struct Row {
        var timestamp: Int64
        var ingestionTime: Int64
        var line: Int64
        var offset: Int64
        var proxyTimestamp: Int64
        var clientConnection: Int64
        var dbConnection: Int64
        var transactionEffect: Int64
        var logGroup: Text
        var logStream: Text
        var eventId: Text
        var message: Text
        var requestId: Text
        var level: Text
        var kind: LineKind
        /// Which of the optional integers above are present (`Present` bits).
        var present: UInt8
    }

    enum Present {
        static let ingestionTime: UInt8 = 1
        static let line: UInt8 = 2
        static let offset: UInt8 = 4
        static let proxyTimestamp: UInt8 = 8
        static let clientConnection: UInt8 = 16
        static let dbConnection: UInt8 = 32
    }

    /// Batches are handed over when they hold this many events or this many bytes.
    static let maximumRows = 512
    static let maximumBytes = 512 << 10

    var bytes: [UInt8] = []
    var rows: [Row] = []

    /// The last group and stream appended, reused while consecutive events share them.
    private var lastGroup: String?
    private var lastGroupText = Text.null
    private var lastStream: String?
    private var lastStreamText = Text.null

    init() {
        bytes.reserveCapacity(Self.maximumBytes + (1 << 16))
        rows.reserveCapacity(Self.maximumRows)
    }

    /// Empties the batch for reuse, keeping its memory: fresh multi-megabyte buffers for every
    /// batch would cost page faults on one thread and unmapping on the other.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        rows.removeAll(keepingCapacity: true)
        lastGroup = nil
        lastGroupText = .null
        lastStream = nil
        lastStreamText = .null
    }

    var isFull: Bool { rows.count >= Self.maximumRows || bytes.count >= Self.maximumBytes }
    var isEmpty: Bool { rows.isEmpty }

    mutating func append(_ piece: UnsafeBufferPointer<UInt8>) -> Text {
        let text = Text(start: Int32(bytes.count), count: Int32(piece.count))
        bytes.append(contentsOf: piece)
        return text
    }

    mutating func append(_ array: [UInt8]) -> Text {
        array.withUnsafeBufferPointer { append($0) }
    }

    mutating func append(_ string: String?) -> Text {
        guard let string else { return .null }
        // Native strings lend their bytes without a copy of the string value.
        if let text = string.utf8.withContiguousStorageIfAvailable({ append($0) }) { return text }
        var copy = string
        return copy.withUTF8 { append($0) }
    }

    mutating func group(_ group: String?) -> Text {
        if group != lastGroup {
            lastGroup = group
            lastGroupText = append(group)
        }
        return lastGroupText
    }

    mutating func stream(_ stream: String) -> Text {
        if stream != lastStream {
            lastStream = stream
            lastStreamText = append(stream)
        }
        return lastStreamText
    }
}

extension Statement {
    /// Binds a piece of a batch's arena without copying it: the arena outlives the step.
    func bind(_ text: EventBatch.Text, in base: UnsafePointer<UInt8>, at index: Int32) {
        if text.isNull {
            sqlite3_bind_null(pointer, index)
        } else if text.count == 0 {
            sqlite3_bind_text(pointer, index, "", 0, proxylens_sqlite_transient())
        } else {
            sqlite3_bind_text(pointer, index, UnsafeRawPointer(base + Int(text.start)).assumingMemoryBound(to: CChar.self),
                              text.count, nil)
        }
    }

    /// Each kind's name as a C string made once, so binding it copies nothing. Found by a scan
    /// of the cases, which compares tags; hashing a kind would hash its name.
    private nonisolated(unsafe) static let kindNames: [(LineKind, UnsafeMutablePointer<CChar>, Int32)] =
        LineKind.allCases.map { ($0, strdup($0.rawValue)!, Int32($0.rawValue.utf8.count)) }

    func bind(_ kind: LineKind, at index: Int32) {
        for (candidate, name, count) in Self.kindNames where candidate == kind {
            sqlite3_bind_text(pointer, index, name, count, nil)
            return
        }
    }

    func bind(_ value: Int64, present: Bool, at index: Int32) {
        if present { sqlite3_bind_int64(pointer, index, value) } else { sqlite3_bind_null(pointer, index) }
    }
}
