/// The prefix a text layout prints before each event's message, and whether a line begins with
/// one: what `TextExportReader` reads and `TextLayoutVote` counts. Each layout's shape comes from
/// the tool's own source (see `samples/containers/<layout>/README.md`).
struct TextLinePrefix {
    /// Nil when the layout printed no time (`awslogs get` without `--timestamp`).
    var timestamp: Int64?
    var group: String?
    var stream: String?
    var messageStart: Int

    /// The prefix of `layout` at the start of `line`, if it has one. `longestStream` is the
    /// longest stream name met so far (`awslogs` pads shorter names with spaces).
    static func parse(_ line: UnsafeBufferPointer<UInt8>, layout: TextExportReader.Layout, longestStream: Int = 0) -> TextLinePrefix? {
        switch layout {
        case .s3Export, .tailShort, .proxyText, .tailDetailed:
            return timestampFirst(line, layout: layout)
        case .awslogs: return awslogs(line, longestStream: longestStream)
        case .saw: return saw(line)
        case .cwTail: return cw(line)
        case .samLogs: return sam(line)
        case .awsCLIText: return nil
        }
    }

    /// Whether `line` begins an event in `layout`, as the vote counts it: stricter than `parse`
    /// for the layouts whose prefix is a prefix of another's, so that each line fits the layouts
    /// that could have printed it and no others.
    static func fits(_ line: UnsafeBufferPointer<UInt8>, layout: TextExportReader.Layout) -> Bool {
        switch layout {
        case .s3Export, .tailShort, .tailDetailed, .proxyText:
            guard TextExportReader.startsWithDate(line), let space = line.firstIndex(of: 0x20) else { return false }
            let stamp = UnsafeBufferPointer(rebasing: line[0..<space])
            let detailed = stamp.count >= 25 && (stamp[stamp.count - 6] == UInt8(ascii: "+") || stamp[stamp.count - 6] == UInt8(ascii: "-"))
                && stamp[stamp.count - 3] == UInt8(ascii: ":")
            if layout == .tailDetailed { return detailed }
            // Every other layout's stamp is a whole timestamp; a line with a date and no more fits none.
            guard !detailed, Timestamp.parse(stamp) != nil else { return false }
            if stamp.count == 19 {
                // `cw tail -t` prints the same stamp followed by ` - `.
                return layout == .tailShort && !isCWSeparator(line, at: space)
            }
            if layout == .s3Export { return true }
            // `<ISO ms Z> [LEVEL] [proxy…]` (a space after `]`, not the tab of a runtime's `[LEVEL]\t`).
            guard layout == .proxyText, space + 1 < line.count, line[space + 1] == UInt8(ascii: "["),
                  let close = line[(space + 1)...].firstIndex(of: UInt8(ascii: "]")) else { return false }
            return close + 1 < line.count && line[close + 1] == 0x20
        case .awslogs, .saw, .cwTail, .samLogs:
            return parse(line, layout: layout) != nil
        case .awsCLIText:
            return AWSCLITextReader.isRowStart(line)
        }
    }

    // MARK: Layouts

    private static func timestampFirst(_ line: UnsafeBufferPointer<UInt8>, layout: TextExportReader.Layout) -> TextLinePrefix? {
        guard line.count >= 20, TextExportReader.startsWithDate(line), let space = line.firstIndex(of: 0x20) else { return nil }
        guard let timestamp = Timestamp.parse(UnsafeBufferPointer(rebasing: line[0..<space])) else { return nil }
        switch layout {
        case .proxyText:
            guard space + 1 < line.count, line[space + 1] == UInt8(ascii: "[") else { return nil }
            return TextLinePrefix(timestamp: timestamp, messageStart: 0)
        case .tailDetailed:
            let rest = line[(space + 1)...]
            guard let second = rest.firstIndex(of: 0x20) else {
                return TextLinePrefix(timestamp: timestamp, stream: text(rest), messageStart: line.count)
            }
            return TextLinePrefix(timestamp: timestamp, stream: text(line[(space + 1)..<second]), messageStart: second + 1)
        default:
            return TextLinePrefix(timestamp: timestamp, messageStart: min(space + 1, line.count))
        }
    }

    /// `awslogs get` (awslogs/core.py): `' '.join` of the group, the stream (each unless
    /// `--no-group` / `--no-stream`), `--timestamp` and `--ingestion-time` (each
    /// `<ISO ms>Z`), then the message with trailing white space removed. A stream or a time must
    /// be there: a line of group and message alone cannot be told from any other text.
    private static func awslogs(_ line: UnsafeBufferPointer<UInt8>, longestStream: Int) -> TextLinePrefix? {
        var prefix = TextLinePrefix(messageStart: 0)
        var i = 0
        var token = nextToken(line, from: i)
        guard !token.isEmpty else { return nil }
        if !isStream(line, token) {
            // A group is named only when a stream or a time follows it.
            guard isGroup(line, token) else { return nil }
            let after = nextToken(line, from: token.upperBound + 1)
            guard isStream(line, after) || isMillisecondStamp(line, after) else { return nil }
            prefix.group = text(line[token])
            i = token.upperBound + 1
            token = after
        }
        if isStream(line, token) {
            prefix.stream = text(line[token])
            i = token.upperBound + 1
            // Names shorter than the longest one are padded with spaces (`ljust`).
            let padded = token.lowerBound + max(longestStream, token.count) + 1
            while i < min(padded, line.count), line[i] == 0x20 { i += 1 }
            token = nextToken(line, from: i)
            // `<stream> <ISO without a zone>` is `sam logs`: no message begins with such a stamp.
            if prefix.group == nil, isZonelessStamp(line, token) { return nil }
        }
        if isMillisecondStamp(line, token) {
            prefix.timestamp = Timestamp.parse(UnsafeBufferPointer(rebasing: line[token]))
            i = token.upperBound + 1
            // `--ingestion-time`: a second stamp of the same shape.
            let ingestion = nextToken(line, from: i)
            if isMillisecondStamp(line, ingestion) { i = ingestion.upperBound + 1 }
        }
        guard prefix.stream != nil || prefix.timestamp != nil else { return nil }
        prefix.messageStart = min(i, line.count)
        return prefix
    }

    /// `saw get --pretty` and `saw watch` (blade/blade.go formatEvent): `[<RFC 3339, local
    /// zone>] (<stream>) <message>`.
    private static func saw(_ line: UnsafeBufferPointer<UInt8>) -> TextLinePrefix? {
        guard line.count > 24, line[0] == UInt8(ascii: "["),
              TextExportReader.startsWithDate(UnsafeBufferPointer(rebasing: line[1...])),
              let close = line.firstIndex(of: UInt8(ascii: "]")), close + 2 < line.count,
              line[close + 1] == 0x20, line[close + 2] == UInt8(ascii: "("),
              let timestamp = Timestamp.parse(UnsafeBufferPointer(rebasing: line[1..<close])) else { return nil }
        let streamStart = close + 3
        var end = streamStart
        while end + 1 < line.count, !(line[end] == UInt8(ascii: ")") && line[end + 1] == 0x20) { end += 1 }
        if end + 1 >= line.count {
            // The message may be empty: `(stream)` ends the line.
            guard line[line.count - 1] == UInt8(ascii: ")") else { return nil }
            end = line.count - 1
        }
        guard end > streamStart else { return nil }
        return TextLinePrefix(timestamp: timestamp, stream: text(line[streamStart..<end]), messageStart: min(end + 2, line.count))
    }

    /// `cw tail --timestamp` (main.go formatLogMsg): `<YYYY-MM-DDTHH:MM:SS, local zone> - ` then,
    /// each when asked for, `<group> - `, `<stream> - `, `<eventId> - `, and the message as is.
    private static func cw(_ line: UnsafeBufferPointer<UInt8>) -> TextLinePrefix? {
        guard line.count >= 22, TextExportReader.startsWithDate(line), line[10] == UInt8(ascii: "T"), isCWSeparator(line, at: 19),
              let timestamp = Timestamp.parse(UnsafeBufferPointer(rebasing: line[0..<19])) else { return nil }
        var prefix = TextLinePrefix(timestamp: timestamp, messageStart: 22)
        var i = 22
        func field(from start: Int) -> Range<Int>? {
            var j = start
            while j < line.count, line[j] != 0x20 { j += 1 }
            return isCWSeparator(line, at: j) ? start..<j : nil
        }
        if let group = field(from: i), isGroup(line, group) {
            let next = field(from: group.upperBound + 3)
            if line[group.lowerBound] == UInt8(ascii: "/") || next.map({ isStream(line, $0) }) == true {
                prefix.group = text(line[group])
                i = group.upperBound + 3
            }
        }
        if let stream = field(from: i), isStream(line, stream) {
            prefix.stream = text(line[stream])
            i = stream.upperBound + 3
        }
        if let eventId = field(from: i), eventId.count >= 40, line[eventId].allSatisfy(isDigit) {
            i = eventId.upperBound + 3
        }
        prefix.messageStart = min(i, line.count)
        return prefix
    }

    /// `sam logs` (samcli CWPrettyPrintFormatter): `<stream> <utcfromtimestamp().isoformat()>
    /// <message>` (the stamp has no zone, and no fraction when it would be `.000000`).
    private static func sam(_ line: UnsafeBufferPointer<UInt8>) -> TextLinePrefix? {
        let stream = nextToken(line, from: 0)
        guard isStream(line, stream) else { return nil }
        let stamp = nextToken(line, from: stream.upperBound + 1)
        guard isZonelessStamp(line, stamp), let timestamp = Timestamp.parse(UnsafeBufferPointer(rebasing: line[stamp])) else { return nil }
        return TextLinePrefix(timestamp: timestamp, stream: text(line[stream]), messageStart: min(stamp.upperBound + 1, line.count))
    }

    // MARK: Pieces

    /// The time a message names at its start: a Lambda runtime's `[LEVEL]\t<ISO>\t` or
    /// `<ISO>\t<request id>\t`, an RDS Proxy line's `<ISO> [LEVEL]`, or a JSON record's `"time"` /
    /// `"timestamp"` string.
    static func timeInMessage(_ message: UnsafeBufferPointer<UInt8>) -> Int64? {
        func stamp(at start: Int) -> Int64? {
            guard start < message.count, TextExportReader.startsWithDate(UnsafeBufferPointer(rebasing: message[start...])) else { return nil }
            var end = start
            while end < message.count, message[end] != 0x20, message[end] != 0x09, message[end] != UInt8(ascii: "\"") { end += 1 }
            return Timestamp.parse(UnsafeBufferPointer(rebasing: message[start..<end]))
        }
        guard let first = message.first else { return nil }
        if first == UInt8(ascii: "[") {
            guard let close = message.prefix(16).firstIndex(of: UInt8(ascii: "]")), close + 1 < message.count else { return nil }
            return stamp(at: close + 2)
        }
        if first == UInt8(ascii: "{") {
            let head = UnsafeBufferPointer(rebasing: message.prefix(400))
            for key in ["\"time\":\"", "\"timestamp\":\"", "\"time\": \"", "\"timestamp\": \""] {
                let needle = Array(key.utf8)
                guard head.count >= needle.count else { continue }
                for at in 0...(head.count - needle.count) where head[at] == needle[0] {
                    if (1..<needle.count).allSatisfy({ head[at + $0] == needle[$0] }) { return stamp(at: at + needle.count) }
                }
            }
            return nil
        }
        // Go's `log` package: `2026/03/14 10:20:03` (`.000000` with Lmicroseconds), in UTC on Lambda.
        if message.count >= 19, message[4] == UInt8(ascii: "/"), message[7] == UInt8(ascii: "/"), message[10] == 0x20 {
            var dashed = Array(message.prefix(26))
            dashed[4] = UInt8(ascii: "-")
            dashed[7] = UInt8(ascii: "-")
            let end = dashed.firstIndex(where: { $0 == 0x20 || $0 == 0x09 }).map { $0 == 10 ? (dashed[11...].firstIndex { $0 == 0x20 || $0 == 0x09 } ?? dashed.count) : $0 } ?? dashed.count
            return Timestamp.parse(dashed[0..<end])
        }
        return stamp(at: 0)
    }

    private static func isCWSeparator(_ line: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        i + 2 < line.count && line[i] == 0x20 && line[i + 1] == UInt8(ascii: "-") && line[i + 2] == 0x20
    }

    /// The bytes from `start` to the next space (empty at the end of the line).
    private static func nextToken(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int> {
        guard start < line.count else { return line.count..<line.count }
        var end = start
        while end < line.count, line[end] != 0x20 { end += 1 }
        return start..<end
    }

    /// A Lambda stream (`YYYY/MM/DD/[version]id`) or an RDS Proxy one (32 hexadecimal digits).
    static func isStream(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let t = line[range]
        let s = range.lowerBound
        if t.count == 32 { return t.allSatisfy { isDigit($0) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) } }
        guard t.count >= 14 else { return false }
        let slash = UInt8(ascii: "/")
        return (0..<4).allSatisfy { isDigit(line[s + $0]) } && line[s + 4] == slash && isDigit(line[s + 5]) && isDigit(line[s + 6])
            && line[s + 7] == slash && isDigit(line[s + 8]) && isDigit(line[s + 9]) && line[s + 10] == slash
            && line[s + 11] == UInt8(ascii: "[") && t.contains(UInt8(ascii: "]"))
    }

    /// A log group name: `[.-_/#A-Za-z0-9]+` (CloudWatch's own rule).
    private static func isGroup(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        !range.isEmpty && line[range].allSatisfy { byte in
            isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "#")
        }
    }

    /// `2026-03-14T09:12:03.101Z`, as awslogs' `milis2iso` writes it.
    private static func isMillisecondStamp(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        range.count == 24 && line[range.upperBound - 1] == UInt8(ascii: "Z") && line[range.lowerBound + 19] == UInt8(ascii: ".")
            && TextExportReader.startsWithDate(UnsafeBufferPointer(rebasing: line[range]))
    }

    /// `2026-03-14T09:12:03.101000` or `2026-03-14T09:12:03`, as Python's `isoformat()` writes a
    /// naive time.
    private static func isZonelessStamp(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        (range.count == 19 || (range.count == 26 && line[range.lowerBound + 19] == UInt8(ascii: ".")))
            && TextExportReader.startsWithDate(UnsafeBufferPointer(rebasing: line[range])) && line[range.lowerBound + 10] == UInt8(ascii: "T")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private static func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
    }
}
