/// Reads `aws logs filter-log-events` / `get-log-events` with `--output text` (awscli/text.py):
/// one row per event, `EVENTS` and then the values of the page's scalar keys in sorted order,
/// joined by tabs: `EVENTS\t<eventId>\t<ingestionTime>\t<logStreamName>\t<message>\t<timestamp>`
/// for filter-log-events, `EVENTS\t<ingestionTime>\t<message>\t<timestamp>` for get-log-events.
/// The message is written as it is, so a message's line breaks (its final `\n` too) split its
/// row over several lines, and the row ends with the `\t<timestamp>` before the next row.
/// `SEARCHEDLOGSTREAMS` and `NEXTTOKEN` rows, and the page tokens `--no-paginate` prints first
/// (`<nextToken>`, or `<nextBackwardToken>\t<nextForwardToken>`), hold no events.
struct AWSCLITextReader {
    var logGroup: String?
    /// The stream of get-log-events rows, which name none.
    var defaultStream: String
    private(set) var eventsRead = 0
    /// Which command's rows were met (filter-log-events or get-log-events).
    private(set) var command: String?

    /// `EVENTS\t` and a digit: the start of an event row.
    static func isRowStart(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.count > 7 && starts(line, with: "EVENTS\t") && line[7] >= 48 && line[7] <= 57
    }

    /// A row that holds no event: it ends the row before it.
    private static func isOtherRow(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        starts(line, with: "SEARCHEDLOGSTREAMS\t") || starts(line, with: "NEXTTOKEN\t")
    }

    private static func starts(_ line: UnsafeBufferPointer<UInt8>, with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard line.count >= count else { return false }
        let bytes = UnsafeBufferPointer(start: text.utf8Start, count: count)
        return (0..<count).allSatisfy { line[$0] == bytes[$0] }
    }

    mutating func read(_ window: ByteWindow, into sink: EventSink) throws {
        var lines = LineReader(window)
        var row: [UInt8] = []
        var rowLine = 0
        var inRow = false
        var seenRow = false
        while true {
            let next: UnsafeBufferPointer<UInt8>?
            do { next = try lines.next() } catch let error as LineReader.LineTooLong {
                if inRow { try finish(row, line: rowLine, sink) }
                inRow = false
                sink.note(try error.noted(window))
                continue
            }
            guard let raw = next else { break }
            let lineNumber = lines.lineNumber
            func take(_ line: UnsafeBufferPointer<UInt8>) throws {
                if Self.isRowStart(line) {
                    if inRow { try finish(row, line: rowLine, sink) }
                    row.removeAll(keepingCapacity: true)
                    row.append(contentsOf: line[7...])
                    rowLine = lineNumber
                    inRow = true
                    seenRow = true
                } else if Self.isOtherRow(line) {
                    if inRow { try finish(row, line: rowLine, sink) }
                    inRow = false
                    seenRow = true
                } else if inRow {
                    row.append(0x0a)
                    row.append(contentsOf: line)
                } else if !seenRow, !line.contains(0x20) {
                    // `--no-paginate`: the page's tokens come first.
                } else if !line.isEmpty {
                    sink.note(IngestIssue(line: lineNumber, reason: "text outside an EVENTS row, skipped", excerpt: Excerpt.of(line)))
                }
            }
            if raw.contains(0x1b) {
                try ANSI.strip(raw).withUnsafeBufferPointer { try take($0) }
            } else {
                try take(raw)
            }
        }
        if inRow { try finish(row, line: rowLine, sink) }
    }

    /// One row's values after `EVENTS\t`.
    private mutating func finish(_ row: [UInt8], line: Int, _ sink: EventSink) throws {
        // The timestamp is the last value; the message is everything between the leading values
        // and it, tabs and line breaks included.
        guard let lastTab = row.lastIndex(of: 0x09), lastTab + 1 < row.count,
              row[(lastTab + 1)...].allSatisfy({ $0 >= 48 && $0 <= 57 }), let timestamp = Int64(String(decoding: row[(lastTab + 1)...], as: UTF8.self)) else {
            sink.note(IngestIssue(line: line, reason: "an EVENTS row that does not end with its timestamp, skipped", excerpt: Excerpt.of(row)))
            return
        }
        var fields: [Range<Int>] = []
        var start = 0
        // filter-log-events: eventId (56 digits), ingestionTime, logStreamName; get-log-events:
        // ingestionTime only.
        let firstTab = row.firstIndex(of: 0x09) ?? row.count
        let leading = firstTab > 20 ? 3 : 1
        while fields.count < leading, let tab = row[start..<lastTab].firstIndex(of: 0x09) {
            fields.append(start..<tab)
            start = tab + 1
        }
        guard fields.count == leading, start <= lastTab else {
            sink.note(IngestIssue(line: line, reason: "an EVENTS row with fewer values than its command writes, skipped", excerpt: Excerpt.of(row)))
            return
        }
        var event = RawEvent(logGroup: logGroup, logStream: defaultStream, timestamp: timestamp, message: Array(row[start..<lastTab]), line: line)
        let ingestion = leading == 3 ? fields[1] : fields[0]
        event.ingestionTime = Int64(String(decoding: row[ingestion], as: UTF8.self))
        if leading == 3 {
            event.eventIdBytes = Array(row[fields[0]])
            event.logStream = String(decoding: row[fields[2]], as: UTF8.self)
            command = "filter-log-events"
        } else {
            command = command ?? "get-log-events"
        }
        eventsRead += 1
        try sink.accept(&event)
    }
}
