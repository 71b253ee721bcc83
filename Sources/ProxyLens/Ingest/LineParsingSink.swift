import CSupport

/// The sink container readers write into: cleans each message's text, finds its line kind and
/// fields (`LineFormat`) and transaction effect (`TransactionMarkers`), gives events whose
/// container names no log group the file's fallback group, and hands the event to the store.
/// Counts what it saw of the current file.
final class LineParsingSink: ContainerSink {
    private let store: IngestStore
    var onIssue: (IngestIssue) -> Void = { _ in }
    private(set) var eventsRead = 0
    private(set) var eventsWithoutGroup = 0
    /// Groups for events whose container names none: (Lambda lines, proxy lines).
    var fallbackGroups: (lambda: String?, proxy: String?) = (nil, nil)
    private var groupsSeen: Set<String?> = []
    private var lastGroupSeen: String?
    /// The one log group this file's events belong to, if only one.
    var singleGroup: String? { groupsSeen.count == 1 ? groupsSeen.first ?? nil : nil }
    private var cleaned: [UInt8] = []
    /// The last stream and group names found clean (or cleaned): names repeat from event to event.
    private var lastCheckedStream = ""
    private var lastCheckedGroup = ""

    init(store: IngestStore) { self.store = store }

    /// Messages of the current file whose newlines and tabs a forwarder had escaped.
    private(set) var forwarderEscaped = 0

    /// What to note about the file just read (one note, not one per event).
    func finishFile() -> [IngestIssue] {
        var notes: [IngestIssue] = []
        if forwarderEscaped > 0 {
            notes.append(IngestIssue(reason: "\(forwarderEscaped) message\(forwarderEscaped == 1 ? "" : "s") had newlines and tabs written as \\n and \\t (a log forwarder escaped them twice); read as the characters they stand for",
                                     keptData: true))
        }
        // Nothing named these events' log group, and the path gave none to fall back on (standard
        // input, a path that names nothing: the two fallbacks are one name's, so both or neither):
        // reports would show function `unknown` and proxy `unknown-proxy` with no word why.
        if eventsWithoutGroup > 0 && fallbackGroups.lambda == nil && fallbackGroups.proxy == nil {
            let path = currentPath.isEmpty ? "-" : currentPath
            let option = path == "-" ? "--log-group GROUP" : "--log-group \(path)=GROUP"
            notes.append(IngestIssue(reason: "\(eventsWithoutGroup) events name no log group and none could be taken from \(path == "-" ? "standard input" : "the path"): their function is `unknown` (a proxy's, `unknown-proxy`); give the group they came from with \(option)", keptData: true))
        }
        return notes
    }

    /// Starts counting for a new file.
    func startFile() {
        forwarderEscaped = 0
        metricPointsAdded = 0
        eventsRead = 0
        eventsWithoutGroup = 0
        groupsSeen = []
        fallbackGroups = (nil, nil)
    }

    /// The `source` row of the file being read.
    var currentSource: SourceRow?

    func note(_ issue: IngestIssue) { onIssue(issue) }

    func configuration(_ document: ConfigurationDocument) throws {
        try store.saveConfiguration(document, sourceId: currentSource?.id ?? 0)
    }

    /// The folder of the file being read (a get-metric-data response and its queries file are
    /// matched within a folder first).
    var currentFolder = ""
    /// Metric points the current file added to `metric_point`.
    private(set) var metricPointsAdded = 0

    /// Results read this run that no query or label named when their file was read: a queries
    /// file later in the run may still name them (`FileIngester` notes what is left at the end).
    private(set) var waitingResults: [(path: String, source: SourceRow, results: [MetricResult])] = []
    var currentPath = ""

    func metricResults(_ results: [MetricResult]) throws {
        let (added, unnamed) = try store.saveMetricResults(results, sourceId: currentSource?.id ?? 0, folder: currentFolder)
        metricPointsAdded += added
        if !unnamed.isEmpty, let source = currentSource { waitingResults.append((currentPath, source, unnamed)) }
    }

    func metricQueries(_ queries: [MetricQuery]) throws {
        metricPointsAdded += try store.saveMetricQueries(queries, sourceId: currentSource?.id ?? 0, folder: currentFolder)
    }

    func accept(_ event: inout RawEvent) throws {
        try Interruption.check()
        guard Timestamp.representable.contains(event.timestamp) else {
            onIssue(IngestIssue(line: event.line, offset: event.offset,
                                reason: "timestamp \(event.timestamp) is outside the years 0–9999; event skipped",
                                excerpt: Excerpt.of(event.message)))
            return
        }
        eventsRead += 1
        if !Self.isCleanText(event.message) {
            cleaned = Self.cleanText(event.message)
            onIssue(IngestIssue(line: event.line, offset: event.offset,
                                reason: "invalid UTF-8 or NUL bytes in a message; kept with U+FFFD in their place",
                                excerpt: Excerpt.of(event.message), keptData: true))
            swap(&cleaned, &event.message)
        }
        if Self.isForwarderEscaped(event.message) {
            event.message = Self.unescaped(event.message)
            forwarderEscaped += 1
        }
        // Stream names repeat from event to event: each new one is checked once.
        if event.logStream != lastCheckedStream, let cleaned = Self.cleanName(event.logStream) {
            onIssue(IngestIssue(line: event.line, offset: event.offset,
                                reason: "control characters in a log stream name; kept with U+FFFD in their place",
                                excerpt: Excerpt.of(Array(event.logStream.utf8)), keptData: true))
            event.logStream = cleaned
        }
        lastCheckedStream = event.logStream
        if let group = event.logGroup, group != lastCheckedGroup {
            if let cleaned = Self.cleanName(group) {
                onIssue(IngestIssue(line: event.line, offset: event.offset,
                                    reason: "control characters in a log group name; kept with U+FFFD in their place",
                                    excerpt: Excerpt.of(Array(group.utf8)), keptData: true))
                event.logGroup = cleaned
            }
            lastCheckedGroup = event.logGroup ?? ""
        }
        let groupMissing = event.logGroup == nil
        if groupMissing { eventsWithoutGroup += 1 }
        let (parsed, transactionEffect) = event.message.withUnsafeBufferPointer { message in
            let parsed = LineFormat.fields(of: message)
            // Application lines, and lines no layout knows (an ORM's own stdout handler).
            return (parsed, parsed.kind == .app || parsed.kind == .other ? Int64(TransactionMarkers.effect(bytes: message)) : 0)
        }
        let group = groupMissing ? (parsed.kind == .proxy ? fallbackGroups.proxy : fallbackGroups.lambda) : event.logGroup
        // Counted for every event read, new or not.
        if groupsSeen.count < 2, group != lastGroupSeen || groupsSeen.isEmpty {
            lastGroupSeen = group
            groupsSeen.insert(group)
        }
        try store.accept(&event, parsed: parsed, transactionEffect: transactionEffect, group: group)
    }

    /// A message a forwarder escaped twice: Lambda's own messages end in a newline; one that has
    /// no newline or tab byte but ends in the two characters `\n` had them written as text. No
    /// other message ends so: a JSON record (which escapes newlines inside its strings) ends in
    /// `}` or `]`, so whatever its first byte (`{`, `[INFO]`, a date), this one test is enough.
    static func isForwarderEscaped(_ bytes: [UInt8]) -> Bool {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0d { end -= 1 }
        guard end >= 2, bytes[end - 2] == 0x5c, bytes[end - 1] == 0x6e else { return false }
        return !bytes.contains(0x0a) && !bytes.contains(0x09)
    }

    /// `\n`, `\t`, `\r`, `\"` and `\\` read as the characters they stand for.
    static func unescaped(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x5c, i + 1 < bytes.count {
                switch bytes[i + 1] {
                case 0x6e: out.append(0x0a); i += 2; continue
                case 0x74: out.append(0x09); i += 2; continue
                case 0x72: out.append(0x0d); i += 2; continue
                case 0x22: out.append(0x22); i += 2; continue
                case 0x5c: out.append(0x5c); i += 2; continue
                default: break
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    /// A stream or group name with every C0/C1 control (NUL, escape, line breaks…) replaced
    /// by U+FFFD; nil when it has none (CloudWatch allows none in these names).
    static func cleanName(_ name: String) -> String? {
        // C0 and DEL; C1 is 0xC2 followed by 0x80–0x9F in UTF-8. On the name's contiguous bytes:
        // with interleaved streams (filter-log-events) this runs for nearly every event, and
        // walking the String's UTF-8 view index by index cost about 1 % of ingesting.
        func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var previous: UInt8 = 0
            for byte in bytes {
                if byte < 0x20 || byte == 0x7f || (previous == 0xc2 && byte >= 0x80 && byte < 0xa0) { return false }
                previous = byte
            }
            return true
        }
        var name = name
        if name.withUTF8(isClean) { return nil }
        var out = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            let value = scalar.value
            out.append(value < 0x20 || (value >= 0x7f && value < 0xa0) ? "\u{FFFD}" : scalar)
        }
        return String(out)
    }

    /// True when the bytes are valid UTF-8 with no NUL.
    static func isCleanText(_ bytes: [UInt8]) -> Bool {
        if bytes.withUnsafeBufferPointer({ proxylens_is_clean_ascii($0.baseAddress, $0.count) }) == 1 { return true }
        var ascii = true
        for byte in bytes {
            if byte == 0 { return false }
            if byte >= 0x80 { ascii = false }
        }
        return ascii || isValidUTF8(bytes)
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    static func cleanText(_ bytes: [UInt8]) -> [UInt8] {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.utf8.contains(0) { text = text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") }
        return Array(text.utf8)
    }
}
