import CSupport
#if canImport(Glibc)
import Glibc
#endif

/// Reads every JSON container CloudWatch Logs produces for log events, by the keys it finds:
/// `filter-log-events` / `get-log-events` pages (`events[]`), subscription-filter payloads
/// (`logEvents[]`, one or many concatenated as Firehose writes them), Logs Insights
/// `get-query-results` (`results[][] {field, value}`) and the console's JSON array export.
struct CloudWatchJSONReader {
    /// The stream for events that carry none (get-log-events), from `--log-stream` or the file name.
    var defaultStream: String?
    var defaultGroup: String?

    private(set) var controlMessagesDropped = 0
    /// Which container the keys showed: filter-log-events, get-log-events, subscription,
    /// insights-query-results or insights-console-json.
    private(set) var containerName = "log-events-json"

    private(set) var eventsRead = 0
    /// Events whose `message` was a JSON object or array, kept as its JSON text.
    private(set) var nonStringMessages = 0

    /// The note to give for them, if any.
    var nonStringNote: IngestIssue? {
        nonStringMessages == 0 ? nil : IngestIssue(reason: "\(nonStringMessages) message\(nonStringMessages == 1 ? " was a JSON object or array" : "s were JSON objects or arrays"), not text; stored as JSON text", keptData: true)
    }
    /// Off, every event goes through the general JSON reader (the reference the one-pass reader
    /// is tested against).
    var usesOnePassReader = true
    /// Events the one-pass reader read.
    private(set) var eventsReadInOnePass = 0

    init(defaultStream: String?, defaultGroup: String?) {
        self.defaultStream = defaultStream
        self.defaultGroup = defaultGroup
    }

    mutating func read(_ window: ByteWindow, into sink: EventSink) throws {
        var json = JSONReader(window)
        while true {
            let token = try json.next()
            switch token {
            case .end:
                return
            case .objectStart:
                try readRootObject(&json, sink)
            case .arrayStart:
                try readInsightsArray(&json, sink)
            default:
                throw JSONReader.SyntaxError(offset: json.offset, reason: "expected a JSON object or array at the top level")
            }
        }
    }

    /// Events one JSON object each, one after another (NDJSON, or objects simply concatenated).
    mutating func readEventPerObject(_ window: ByteWindow, into sink: EventSink) throws {
        var json = JSONReader(window)
        var event = RawEvent(logStream: "", timestamp: 0, message: [])
        containerName = "event-lines"
        while true {
            let token = try json.next()
            if token == .end { return }
            guard token == .objectStart else {
                throw JSONReader.SyntaxError(offset: json.offset, reason: "expected one JSON log event object per line")
            }
            guard try readEvent(&json, into: &event, sink) else { continue }
            if event.logGroup == nil { event.logGroup = defaultGroup }
            if event.logStream.isEmpty { event.logStream = defaultStream ?? "" }
            eventsRead += 1
            try sink.accept(&event)
        }
    }

    /// Reads the event object whose `{` was just read, by the one-pass reader where it can, else
    /// the general one. False when it has no readable timestamp: that one event is skipped and
    /// named, and the rest of the page is still read.
    @inline(__always)
    private mutating func readEvent(_ json: inout JSONReader, into event: inout RawEvent, _ sink: EventSink) throws -> Bool {
        let start = json.offset
        let read = usesOnePassReader && readEventObjectInOnePass(&json, into: &event)
        if read { eventsReadInOnePass += 1 }
        guard try read || readEventObject(&json, into: &event) else {
            sink.note(IngestIssue(offset: start, reason: "a log event without a readable timestamp, skipped"))
            return false
        }
        event.offset = start
        return true
    }

    /// A root object: a page, a subscription payload or a query result.
    private mutating func readRootObject(_ json: inout JSONReader, _ sink: EventSink) throws {
        var group: String? = defaultGroup
        var stream: String? = defaultStream
        var isControl = false
        // Subscription payloads name their group and stream before logEvents in every real
        // sample; events met before them are held until the object ends.
        var held: [RawEvent] = []
        var holding = false
        // One event value is reused for the whole array, so reading an event allocates nothing.
        var event = RawEvent(logStream: "", timestamp: 0, message: [])
        var knownKeys = 0
        var firstKey: String?
        while try json.nextKey() {
            if firstKey == nil { firstKey = json.stringValue }
            if json.keyIs("events") || json.keyIs("logEvents") {
                knownKeys += 1
                let isSubscription = json.keyIs("logEvents")
                let value = try json.next()
                guard value == .arrayStart else { try json.skipValue(after: value); continue }
                while let element = try json.nextElement() {
                    guard element == .objectStart else { try json.skipValue(after: element); continue }
                    guard try readEvent(&json, into: &event, sink) else { continue }
                    if isControl { controlMessagesDropped += 1; continue }
                    if event.logGroup == nil { event.logGroup = group }
                    containerName = isSubscription ? "subscription" : event.logStream.isEmpty ? "get-log-events" : "filter-log-events"
                    if event.logStream.isEmpty {
                        if let stream { event.logStream = stream } else { holding = true }
                    }
                    if holding || event.logStream.isEmpty {
                        held.append(event)
                    } else {
                        eventsRead += 1
                        try sink.accept(&event)
                    }
                }
            } else if json.keyIs("logGroup") || json.keyIs("logGroupName") {
                knownKeys += 1
                if let value = try json.scalarText(try json.next()), !value.isEmpty { group = value }
            } else if json.keyIs("logStream") || json.keyIs("logStreamName") {
                if let value = try json.scalarText(try json.next()), !value.isEmpty { stream = value }
            } else if json.keyIs("messageType") {
                knownKeys += 1
                let value = try json.scalarText(try json.next())
                isControl = value == "CONTROL_MESSAGE"
                containerName = "subscription"
            } else if json.keyIs("results") {
                knownKeys += 1
                containerName = "insights-query-results"
                try readQueryResults(&json, sink)
            } else {
                try json.skipValue()
            }
        }
        if knownKeys == 0, let firstKey {
            // Another document in the same file (an `invoke` response before a page): named, skipped.
            sink.note(IngestIssue(reason: "a JSON document proxylens does not know (first key \"\(firstKey.prefix(40))\"), skipped; the rest of the file is read"))
        }
        for var event in held {
            if isControl { controlMessagesDropped += 1; continue }
            if event.logGroup == nil { event.logGroup = group }
            if event.logStream.isEmpty { event.logStream = stream ?? "" }
            eventsRead += 1
            try sink.accept(&event)
        }
    }

    /// One element of `events[]` / `logEvents[]` (the opening brace already read).
    /// Pages list many events of few streams: the last stream name is reused, not rebuilt.
    private var lastStreamBytes: [UInt8] = []
    private var lastStream = ""

    /// Where the one-pass reader decodes messages; longer ones take the general path.
    private static let onePassMessageCapacity = 1 << 16
    private var onePassMessage = [UInt8](repeating: 0, count: CloudWatchJSONReader.onePassMessageCapacity)

    /// Reads the common shape of an event object with the one-pass reader in C (event_object.c);
    /// false, with nothing consumed, when it declines and the general reader must read it.
    private mutating func readEventObjectInOnePass(_ json: inout JSONReader, into event: inout RawEvent) -> Bool {
        // Only the bytes already in the window: reading ahead here could meet a read error
        // before events the general reader would have kept.
        let window = json.window
        var fields = proxylens_event_fields()
        let input = window.pointer + window.position
        let accepted = onePassMessage.withUnsafeMutableBufferPointer { message in
            proxylens_read_event_object(input, window.available, message.baseAddress, message.count, &fields) == 1
        }
        guard accepted else { return false }
        event.logGroup = nil
        event.line = nil
        event.offset = nil
        event.timestamp = fields.timestamp
        event.ingestionTime = fields.has_ingestion_time != 0 ? fields.ingestion_time : nil
        event.eventIdBytes.removeAll(keepingCapacity: true)
        event.eventIdBytes.append(contentsOf: UnsafeBufferPointer(start: input + fields.event_id_start, count: fields.event_id_length))
        event.message.removeAll(keepingCapacity: true)
        onePassMessage.withUnsafeBufferPointer { event.message.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<fields.message_length])) }
        if fields.has_stream != 0 {
            let stream = UnsafeBufferPointer(start: input + fields.stream_start, count: fields.stream_length)
            let same = stream.count == lastStreamBytes.count
                && (stream.isEmpty || lastStreamBytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, stream.baseAddress!, stream.count) == 0 })
            if !same {
                lastStreamBytes = Array(stream)
                lastStream = String(decoding: stream, as: UTF8.self)
            }
            event.logStream = lastStream
        } else {
            event.logStream = ""
        }
        json.endObject(consumedElsewhere: fields.consumed)
        return true
    }

    /// Fills `event` (whose buffers are reused); false when the event has no usable timestamp.
    private mutating func readEventObject(_ json: inout JSONReader, into event: inout RawEvent) throws -> Bool {
        event.logGroup = nil
        event.logStream = ""
        event.timestamp = 0
        event.ingestionTime = nil
        event.eventIdBytes.removeAll(keepingCapacity: true)
        event.message.removeAll(keepingCapacity: true)
        event.line = nil
        event.offset = nil
        var sawTimestamp = false
        while try json.nextKey() {
            if json.keyIs("message") {
                let value = try json.next()
                // The decoded bytes change hands instead of being copied: the reader decodes the
                // next string into this event's previous buffer.
                if value == .string {
                    swap(&event.message, &json.string)
                } else if value == .objectStart || value == .arrayStart {
                    // A structured logger's record sent as JSON, not as text: kept as its JSON text.
                    event.message = try json.jsonText(after: value)
                    nonStringMessages += 1
                } else {
                    event.message = Array((try json.scalarText(value) ?? "").utf8)
                }
            } else if json.keyIs("timestamp") {
                let value = try json.next()
                if value == .number, let ms = json.integerValue { event.timestamp = ms; sawTimestamp = true }
                else if value == .string, let ms = Timestamp.parse(json.string) { event.timestamp = ms; sawTimestamp = true }
                else { try json.skipValue(after: value) }
            } else if json.keyIs("logStreamName") {
                let value = try json.next()
                if value == .string {
                    if json.string != lastStreamBytes {
                        lastStreamBytes = json.string
                        lastStream = json.stringValue
                    }
                    event.logStream = lastStream
                } else {
                    event.logStream = try json.scalarText(value) ?? ""
                }
            } else if json.keyIs("ingestionTime") {
                let value = try json.next()
                if value == .number { event.ingestionTime = json.integerValue } else { try json.skipValue(after: value) }
            } else if json.keyIs("eventId") || json.keyIs("id") {
                let value = try json.next()
                event.eventIdBytes.removeAll(keepingCapacity: true)
                switch value {
                case .string, .number: event.eventIdBytes.append(contentsOf: json.string)
                case .bool(let flag): event.eventIdBytes.append(contentsOf: (flag ? "true" : "false").utf8)
                case .null: break
                default: try json.skipValue(after: value)
                }
            } else {
                try json.skipValue()
            }
        }
        return sawTimestamp
    }

    /// `get-query-results`: rows of `{field, value}` pairs, all values strings.
    private mutating func readQueryResults(_ json: inout JSONReader, _ sink: EventSink) throws {
        let open = try json.next()
        guard open == .arrayStart else { try json.skipValue(after: open); return }
        while let row = try json.nextElement() {
            guard row == .arrayStart else { try json.skipValue(after: row); continue }
            let start = json.offset
            var fields: [String: String] = [:]
            while let pair = try json.nextElement() {
                guard pair == .objectStart else { try json.skipValue(after: pair); continue }
                var name: String?
                var value: String?
                while try json.nextKey() {
                    if json.keyIs("field") { name = try json.scalarText(try json.next()) }
                    else if json.keyIs("value") { value = try json.scalarText(try json.next()) }
                    else { try json.skipValue() }
                }
                if let name, let value { fields[name] = value }
            }
            try emitInsightsRow(fields, offset: start, line: nil, sink)
        }
    }

    /// The console's "Export results" JSON: an array of flat objects keyed by field name.
    private mutating func readInsightsArray(_ json: inout JSONReader, _ sink: EventSink) throws {
        containerName = "insights-console-json"
        while let element = try json.nextElement() {
            guard element == .objectStart else { try json.skipValue(after: element); continue }
            let start = json.offset
            var fields: [String: String] = [:]
            while try json.nextKey() {
                let name = json.stringValue
                if let value = try json.scalarText(try json.next()) { fields[name] = value }
            }
            try emitInsightsRow(fields, offset: start, line: nil, sink)
        }
    }

    mutating func emitInsightsRow(_ fields: [String: String], offset: Int64?, line: Int?, _ sink: EventSink) throws {
        var event = InsightsRow.event(from: fields, defaultGroup: defaultGroup, defaultStream: defaultStream)
        event.offset = offset
        event.line = line
        guard event.timestamp != Int64.min else {
            sink.note(IngestIssue(line: line, offset: offset, reason: "a Logs Insights row without a readable @timestamp",
                                  excerpt: fields["@timestamp"] ?? fields["@message"].map { String($0.prefix(120)) }))
            return
        }
        eventsRead += 1
        try sink.accept(&event)
    }
}
