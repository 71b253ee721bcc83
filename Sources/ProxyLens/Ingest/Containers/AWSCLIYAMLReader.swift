/// Reads `aws logs filter-log-events` / `get-log-events` with `--output yaml` and
/// `--output yaml-stream` (AWS CLI v2, awscli/formatter.py: ruamel.yaml's safe dumper in block
/// style, keys sorted): `events:` then one block mapping per event (`- eventId: '…'`,
/// `ingestionTime: …`, `logStreamName: …`, `message: …`, `timestamp: …`); yaml-stream writes
/// each page as a one-element list (`- events:` …). Messages come in whichever scalar style the
/// emitter picked: plain, single-quoted (a line break written as an empty line), or
/// double-quoted (escapes such as `\t` and `\n`), long ones folded over several lines. This
/// reads that subset of YAML line by line, so memory stays flat however long the file is.
struct AWSCLIYAMLReader {
    var logGroup: String?
    /// The stream of get-log-events events, which name none.
    var defaultStream: String
    private(set) var eventsRead = 0
    /// Whether pages came as yaml-stream lists.
    private(set) var streamed = false

    private enum Style { case plain, single, double, block }

    /// A scalar that continues on the lines after its key.
    private struct OpenScalar {
        var key: String
        var style: Style
        var value: [UInt8] = []
        /// The column of its key: continuation lines are indented more.
        var keyColumn: Int
        /// Line breaks met since the last text (folded into a space or newlines).
        var breaks = 0
        /// The line ended with an escaped line break (`\`): joined without a space.
        var escapedBreak = false
        /// The block scalar's chomping indicator (`-` strip, `+` keep, none clip).
        var chomping: UInt8 = 0
        var blockIndent: Int?
        var folded = false
    }

    private var open: OpenScalar?
    private var event: [String: [UInt8]] = [:]
    private var eventLine = 0
    private var inEvent = false
    /// The column of the `events` key whose list is being read.
    private var eventsColumn: Int?
    /// The column of the keys of the event being read.
    private var eventKeyColumn = 0

    init(logGroup: String?, defaultStream: String) {
        self.logGroup = logGroup
        self.defaultStream = defaultStream
    }

    /// The first line of `--output yaml` (`events:`) or `yaml-stream` (`- events:`) of a
    /// filter-log-events or get-log-events response (`events` sorts before every other key).
    static func recognises(_ bytes: [UInt8]) -> Bool {
        let line = bytes.prefix { $0 != 0x0a && $0 != 0x0d }
        let text = String(decoding: line, as: UTF8.self)
        return ["events:", "- events:", "events: []", "- events: []"].contains(text.trimmingWhitespaceAndNewlines())
    }

    mutating func read(_ window: ByteWindow, into sink: EventSink) throws {
        var lines = LineReader(window)
        while true {
            let next: UnsafeBufferPointer<UInt8>?
            do { next = try lines.next() } catch let error as LineReader.LineTooLong {
                if open != nil { closeScalar(atEnd: true) }
                try finishEvent(sink)
                sink.note(try error.noted(window))
                continue
            }
            guard let line = next else { break }
            try take(line, number: lines.lineNumber, sink)
        }
        if open != nil { closeScalar(atEnd: true) }
        try finishEvent(sink)
    }

    private mutating func take(_ line: UnsafeBufferPointer<UInt8>, number: Int, _ sink: EventSink) throws {
        var indent = 0
        while indent < line.count, line[indent] == 0x20 { indent += 1 }
        let blank = indent == line.count
        if var scalar = open {
            open = nil
            switch continueScalar(&scalar, line, indent: indent, blank: blank) {
            case .continues:
                open = scalar
                return
            case .closed:
                return
            case .notPart:
                open = scalar
                closeScalar(atEnd: false)
            }
        }
        if blank || line[indent] == UInt8(ascii: "#") || (line.count >= 3 && line[0] == UInt8(ascii: "-") && line[1] == UInt8(ascii: "-") && line[2] == UInt8(ascii: "-")) { return }
        var column = indent
        var dash: Int?
        if line[column] == UInt8(ascii: "-"), column + 1 == line.count || line[column + 1] == 0x20 {
            dash = column
            column += 2
            while column < line.count, line[column] == 0x20 { column += 1 }
            if column >= line.count { return }
        }
        // `key: value` or `key:` at `column`.
        guard let colon = keyEnd(line, from: column) else {
            // A list item that is a scalar (searchedLogStreams names), or text this reader
            // does not know: only inside an event is it lost.
            if inEvent, dash == nil, column == eventKeyColumn {
                sink.note(IngestIssue(line: number, reason: "a line in a YAML event that is not `key: value`, skipped", excerpt: Excerpt.of(line)))
            }
            return
        }
        let key = String(decoding: UnsafeBufferPointer(rebasing: line[column..<colon]), as: UTF8.self)
        var valueStart = colon + 1
        while valueStart < line.count, line[valueStart] == 0x20 { valueStart += 1 }
        if let eventsColumn {
            let startsItem = dash != nil && dash! >= eventsColumn && (!inEvent || dash! < eventKeyColumn)
            if startsItem {
                try finishEvent(sink)
                inEvent = true
                eventLine = number
                eventKeyColumn = column
            } else if column <= eventsColumn || (dash != nil && dash! < eventsColumn) {
                try finishEvent(sink)
                self.eventsColumn = nil
            } else if !inEvent || column != eventKeyColumn {
                return
            }
        }
        if self.eventsColumn == nil {
            if key == "events" {
                if dash != nil { streamed = true }
                if valueStart == line.count { self.eventsColumn = column }
            }
            return
        }
        // A field of the event being read.
        openScalar(key: key, line, from: valueStart, keyColumn: column)
    }

    /// The index of the `:` that ends a plain key at `start` (`key:` then a space or the end).
    private func keyEnd(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < line.count, line[start] != UInt8(ascii: "\""), line[start] != UInt8(ascii: "'") else { return nil }
        var i = start
        while i < line.count {
            if line[i] == UInt8(ascii: ":"), i + 1 == line.count || line[i + 1] == 0x20 { return i > start ? i : nil }
            if line[i] == 0x20 && i + 1 < line.count && line[i + 1] == UInt8(ascii: "#") { return nil }
            i += 1
        }
        return nil
    }

    // MARK: Scalars

    private mutating func openScalar(key: String, _ line: UnsafeBufferPointer<UInt8>, from start: Int, keyColumn: Int) {
        guard start < line.count else {
            event[key] = []
            return
        }
        var scalar = OpenScalar(key: key, style: .plain, keyColumn: keyColumn)
        switch line[start] {
        case UInt8(ascii: "\""):
            scalar.style = .double
            if scanDouble(&scalar, line, from: start + 1) { event[key] = scalar.value; return }
        case UInt8(ascii: "'"):
            scalar.style = .single
            if scanSingle(&scalar, line, from: start + 1) { event[key] = scalar.value; return }
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            scalar.style = .block
            scalar.folded = line[start] == UInt8(ascii: ">")
            for byte in line[(start + 1)...] {
                if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") { scalar.chomping = byte }
                if byte >= 49 && byte <= 57 { scalar.blockIndent = keyColumn + Int(byte - 48) }
            }
        default:
            var end = line.count
            while end > start, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
            scalar.value.append(contentsOf: line[start..<end])
        }
        open = scalar
    }

    private enum Continuation { case continues, closed, notPart }

    /// Feeds a line after the scalar's first.
    private mutating func continueScalar(_ scalar: inout OpenScalar, _ line: UnsafeBufferPointer<UInt8>, indent: Int, blank: Bool) -> Continuation {
        switch scalar.style {
        case .plain:
            if blank { scalar.breaks += 1; return .continues }
            guard indent > scalar.keyColumn else { return .notPart }
            fold(&scalar)
            var end = line.count
            while end > indent, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
            scalar.value.append(contentsOf: line[indent..<end])
            return .continues
        case .block:
            if blank { scalar.breaks += 1; return .continues }
            guard indent > scalar.keyColumn else { return .notPart }
            let contentIndent = scalar.blockIndent ?? indent
            scalar.blockIndent = contentIndent
            if !scalar.value.isEmpty || scalar.breaks > 0 {
                let breaks = scalar.value.isEmpty ? scalar.breaks : scalar.breaks + 1
                if scalar.folded, breaks == 1, indent == contentIndent { scalar.value.append(0x20) } else {
                    scalar.value.append(contentsOf: repeatElement(0x0a, count: scalar.folded && breaks > 1 ? breaks - 1 : breaks))
                }
            }
            scalar.breaks = 0
            scalar.value.append(contentsOf: line[min(contentIndent, line.count)...])
            return .continues
        case .single, .double:
            if blank { scalar.breaks += 1; return .continues }
            var start = indent
            while start < line.count, line[start] == 0x09 { start += 1 }
            fold(&scalar)
            let closed = scalar.style == .double ? scanDouble(&scalar, line, from: start) : scanSingle(&scalar, line, from: start)
            if closed {
                event[scalar.key] = scalar.value
                return .closed
            }
            return .continues
        }
    }

    /// A line break inside a flow scalar: one is a space, more are that many less one newlines;
    /// none after an escaped line break.
    private func fold(_ scalar: inout OpenScalar) {
        let breaks = scalar.breaks + 1
        scalar.breaks = 0
        if scalar.escapedBreak {
            scalar.escapedBreak = false
            scalar.value.append(contentsOf: repeatElement(0x0a, count: breaks - 1))
        } else if breaks == 1 {
            scalar.value.append(0x20)
        } else {
            scalar.value.append(contentsOf: repeatElement(0x0a, count: breaks - 1))
        }
    }

    /// Ends the open scalar (the line after it belongs to something else).
    private mutating func closeScalar(atEnd: Bool) {
        guard var scalar = open else { return }
        open = nil
        if scalar.style == .block {
            switch scalar.chomping {
            case UInt8(ascii: "-"): break
            case UInt8(ascii: "+"): scalar.value.append(contentsOf: repeatElement(0x0a, count: scalar.breaks + 1))
            default: if !scalar.value.isEmpty { scalar.value.append(0x0a) }
            }
        }
        event[scalar.key] = scalar.value
    }

    /// Reads a single-quoted scalar from `start`; true when its closing quote was met.
    private func scanSingle(_ scalar: inout OpenScalar, _ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var i = start
        var keep = scalar.value.count
        while i < line.count {
            let byte = line[i]
            if byte == UInt8(ascii: "'") {
                if i + 1 < line.count, line[i + 1] == UInt8(ascii: "'") {
                    scalar.value.append(byte)
                    i += 2
                    keep = scalar.value.count
                    continue
                }
                return true
            }
            scalar.value.append(byte)
            if byte != 0x20 && byte != 0x09 { keep = scalar.value.count }
            i += 1
        }
        // White space before a line break is not part of the value.
        scalar.value.removeSubrange(keep...)
        return false
    }

    /// Reads a double-quoted scalar from `start`; true when its closing quote was met.
    private func scanDouble(_ scalar: inout OpenScalar, _ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var i = start
        var keep = scalar.value.count
        while i < line.count {
            let byte = line[i]
            if byte == UInt8(ascii: "\"") { return true }
            if byte == UInt8(ascii: "\\") {
                guard i + 1 < line.count else {
                    scalar.escapedBreak = true
                    return false
                }
                let code = line[i + 1]
                i += 2
                var scalarValue: UInt32?
                switch code {
                case UInt8(ascii: "0"): scalar.value.append(0)
                case UInt8(ascii: "a"): scalar.value.append(0x07)
                case UInt8(ascii: "b"): scalar.value.append(0x08)
                case UInt8(ascii: "t"), 0x09: scalar.value.append(0x09)
                case UInt8(ascii: "n"): scalar.value.append(0x0a)
                case UInt8(ascii: "v"): scalar.value.append(0x0b)
                case UInt8(ascii: "f"): scalar.value.append(0x0c)
                case UInt8(ascii: "r"): scalar.value.append(0x0d)
                case UInt8(ascii: "e"): scalar.value.append(0x1b)
                case UInt8(ascii: "N"): scalarValue = 0x85
                case UInt8(ascii: "_"): scalarValue = 0xA0
                case UInt8(ascii: "L"): scalarValue = 0x2028
                case UInt8(ascii: "P"): scalarValue = 0x2029
                case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let length = code == UInt8(ascii: "x") ? 2 : code == UInt8(ascii: "u") ? 4 : 8
                    guard i + length <= line.count, let value = UInt32(String(decoding: UnsafeBufferPointer(rebasing: line[i..<(i + length)]), as: UTF8.self), radix: 16) else {
                        scalar.value.append(UInt8(ascii: "\\"))
                        scalar.value.append(code)
                        continue
                    }
                    scalarValue = value
                    i += length
                default:
                    // `\"`, `\\`, `\/`, `\ ` stand for themselves.
                    scalar.value.append(code)
                }
                if let scalarValue, let unicode = Unicode.Scalar(scalarValue) {
                    scalar.value.append(contentsOf: Array(String(Character(unicode)).utf8))
                }
                keep = scalar.value.count
                continue
            }
            scalar.value.append(byte)
            if byte != 0x20 && byte != 0x09 { keep = scalar.value.count }
            i += 1
        }
        scalar.value.removeSubrange(keep...)
        return false
    }

    // MARK: Events

    private mutating func finishEvent(_ sink: EventSink) throws {
        if open != nil { closeScalar(atEnd: false) }
        guard inEvent else { return }
        inEvent = false
        defer { event.removeAll(keepingCapacity: true) }
        guard let stamp = event["timestamp"], let timestamp = Int64(String(decoding: stamp, as: UTF8.self)) else {
            sink.note(IngestIssue(line: eventLine, reason: "a YAML log event without a readable timestamp, skipped"))
            return
        }
        var raw = RawEvent(logGroup: logGroup, logStream: defaultStream, timestamp: timestamp, message: event["message"] ?? [], line: eventLine)
        if let stream = event["logStreamName"], !stream.isEmpty { raw.logStream = String(decoding: stream, as: UTF8.self) }
        if let id = event["eventId"] { raw.eventIdBytes = id }
        raw.ingestionTime = event["ingestionTime"].flatMap { Int64(String(decoding: $0, as: UTF8.self)) }
        eventsRead += 1
        try sink.accept(&raw)
    }
}
