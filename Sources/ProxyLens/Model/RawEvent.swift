/// One log event as an export container yields it, before any interpretation.
public struct RawEvent {
    public var logGroup: String?
    public var logStream: String
    /// CloudWatch timestamp, epoch milliseconds UTC.
    public var timestamp: Int64
    public var ingestionTime: Int64?
    /// CloudWatch eventId as exported (empty when there is none); kept as bytes because every
    /// event has one and it is only ever copied into the database.
    public var eventIdBytes: [UInt8]
    public var eventId: String? {
        get { eventIdBytes.isEmpty ? nil : String(decoding: eventIdBytes, as: UTF8.self) }
        set { eventIdBytes = newValue.map { Array($0.utf8) } ?? [] }
    }
    /// The message bytes exactly as exported (invalid UTF-8 is replaced when stored, and noted).
    public var message: [UInt8]
    /// 1-based line of the event's first line in a text container.
    public var line: Int?
    /// Byte offset of the event in the decoded input.
    public var offset: Int64?

    public init(logGroup: String? = nil, logStream: String, timestamp: Int64, ingestionTime: Int64? = nil,
                eventId: String? = nil, message: [UInt8], line: Int? = nil, offset: Int64? = nil) {
        self.logGroup = logGroup
        self.logStream = logStream
        self.timestamp = timestamp
        self.ingestionTime = ingestionTime
        self.eventIdBytes = eventId.map { Array($0.utf8) } ?? []
        self.message = message
        self.line = line
        self.offset = offset
    }

    public var messageText: String { String(decoding: message, as: UTF8.self) }
}
