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

/// A problem in one input that did not stop the rest of it from being read.
public struct IngestIssue: Sendable, Equatable {
    public var line: Int?
    public var offset: Int64?
    public var reason: String
    public var excerpt: String?
    /// True when nothing was lost (e.g. invalid UTF-8 replaced): noted, but not a skip.
    public var keptData: Bool

    public init(line: Int? = nil, offset: Int64? = nil, reason: String, excerpt: String? = nil, keptData: Bool = false) {
        self.line = line
        self.offset = offset
        self.reason = reason
        self.excerpt = excerpt
        self.keptData = keptData
    }
}

/// Where container readers send what they find.
public protocol EventSink: AnyObject {
    func accept(_ event: inout RawEvent) throws
    func note(_ issue: IngestIssue)
}

/// Where a container reader sends what it finds: log events, configuration documents, and
/// metric exports (series with their points, and the queries that name get-metric-data results).
public protocol ContainerSink: EventSink {
    func configuration(_ document: ConfigurationDocument) throws
    func metricResults(_ results: [MetricResult]) throws
    func metricQueries(_ queries: [MetricQuery]) throws
}

/// Collects events in memory; used by tests and small inputs.
public final class CollectingSink: ContainerSink {
    public private(set) var events: [RawEvent] = []
    public private(set) var issues: [IngestIssue] = []
    public private(set) var configurations: [ConfigurationDocument] = []
    public private(set) var metricResults: [MetricResult] = []
    public private(set) var metricQueries: [MetricQuery] = []
    public init() {}
    public func configuration(_ document: ConfigurationDocument) throws { configurations.append(document) }
    public func metricResults(_ results: [MetricResult]) throws { metricResults += results }
    public func metricQueries(_ queries: [MetricQuery]) throws { metricQueries += queries }
    public func accept(_ event: inout RawEvent) throws { events.append(event) }
    public func note(_ issue: IngestIssue) { issues.append(issue) }
}
