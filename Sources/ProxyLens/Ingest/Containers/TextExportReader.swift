/// Reads the line-oriented containers, each line that begins an event carrying a prefix before
/// the message: CreateExportTask objects (`<ISO ms Z> <message>`), `aws logs tail --format
/// detailed` (`<ISO µs +00:00> <stream> <message>`) and `--format short` (`<ISO s> <message>`),
/// plain RDS Proxy log text (`<ISO> [LEVEL] ...`), and the third-party downloaders: `awslogs get`
/// (`[<group>] [<stream>] [<ISO ms Z>] [<ISO ms Z>] <message>`), `saw get --pretty` / `saw watch`
/// (`[<RFC 3339>] (<stream>) <message>`), `cw tail -t` (`<ISO s> - [<group> - ][<stream> - ][<eventId> - ]<message>`)
/// and `sam logs` (`<stream> <ISO µs> <message>`). Lines without a prefix continue the message
/// before them. The prefixes are in `TextLinePrefix`.
final class TextExportReader {
    enum Layout: String, CaseIterable {
        /// CreateExportTask → S3 object.
        case s3Export = "s3-export"
        case tailDetailed = "tail-detailed"
        case tailShort = "tail-short"
        /// Lines that are themselves RDS Proxy messages, saved as text.
        case proxyText = "proxy-text"
        /// jorgebastida/awslogs `awslogs get`.
        case awslogs = "awslogs"
        /// TylerBrock/saw `saw get --pretty` and `saw watch`.
        case saw = "saw"
        /// lucagrulla/cw `cw tail --timestamp`.
        case cwTail = "cw-tail"
        /// AWS SAM CLI `sam logs` (text output).
        case samLogs = "sam-logs"
        /// `aws logs filter-log-events` / `get-log-events --output text`: rows, not prefixed lines
        /// (read by `AWSCLITextReader`; here so that the vote weighs it against the others).
        case awsCLIText = "aws-cli-text"
    }

    let layout: Layout
    var logGroup: String?
    /// The stream for layouts that do not print one.
    var defaultStream: String
    private(set) var eventsRead = 0

    init(layout: Layout, logGroup: String?, defaultStream: String) {
        self.layout = layout
        self.logGroup = logGroup
        self.defaultStream = defaultStream
    }

    private struct Pending {
        var timestamp: Int64
        var group: String?
        var stream: String
        /// The line printed no time (`awslogs get` without `--timestamp`): taken from the message.
        var untimed = false
        var message: [UInt8]
        var line: Int
        var trailingBlankLines = 0
    }

    private var pending: Pending?
    /// Events read before the first one whose time is known (`awslogs get` without `--timestamp`).
    private var waitingForTime: [Pending] = []
    /// The time of the last event whose time was known.
    private var lastTime: Int64?
    /// Events whose time was taken from their message, or from the event before them.
    private(set) var timesFromMessages = 0
    private(set) var timesFromPreviousEvent = 0
    /// The longest stream name met (`awslogs` pads shorter ones with spaces).
    private var longestStream = 0

    func read(_ window: ByteWindow, into sink: EventSink) throws {
        var lines = LineReader(window)
        pending = nil
        waitingForTime = []
        lastTime = nil
        while true {
            let raw: UnsafeBufferPointer<UInt8>?
            do { raw = try lines.next() } catch let error as LineReader.LineTooLong {
                try flush(sink)
                sink.note(try error.noted(window))
                continue
            }
            guard let line = raw else { break }
            if line.contains(0x1b) {
                let stripped = ANSI.strip(line)
                try stripped.withUnsafeBufferPointer { try take($0, lineNumber: lines.lineNumber, sink) }
            } else {
                try take(line, lineNumber: lines.lineNumber, sink)
            }
        }
        try flush(sink)
        // A file with no time anywhere: the events keep the order they were printed in.
        if !waitingForTime.isEmpty {
            for var event in waitingForTime {
                event.timestamp = 0
                timesFromPreviousEvent += 1
                try emitTimed(&event, sink)
            }
            waitingForTime = []
        }
    }

    private func take(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int, _ sink: EventSink) throws {
        if let prefix = parsePrefix(line) {
            try flush(sink)
            if let stream = prefix.stream { longestStream = max(longestStream, stream.utf8.count) }
            pending = Pending(timestamp: prefix.timestamp ?? 0, group: prefix.group, stream: prefix.stream ?? defaultStream,
                              untimed: prefix.timestamp == nil,
                              message: Array(UnsafeBufferPointer(rebasing: line[prefix.messageStart...])),
                              line: lineNumber)
        } else if var event = pending {
            pending = nil  // keeps the message buffer uniquely referenced while it grows
            if line.isEmpty {
                event.trailingBlankLines += 1
            } else {
                for _ in 0..<event.trailingBlankLines { event.message.append(0x0a) }
                event.trailingBlankLines = 0
                event.message.append(0x0a)
                event.message.append(contentsOf: line)
            }
            pending = event
        } else if !line.isEmpty {
            sink.note(IngestIssue(line: lineNumber, reason: "text before the first event, skipped",
                                  excerpt: Excerpt.of(line)))
        }
    }

    private func flush(_ sink: EventSink) throws {
        guard var event = pending else { return }
        pending = nil
        try emit(&event, sink)
    }

    private func emit(_ pending: inout Pending, _ sink: EventSink) throws {
        // An S3 export and `cw tail` write `<prefix> <message>\n`; Lambda messages end in `\n`,
        // hence the blank line between events: one blank line is the message's own newline.
        if layout == .s3Export || layout == .cwTail, pending.trailingBlankLines > 0 {
            for _ in 0..<pending.trailingBlankLines { pending.message.append(0x0a) }
        }
        if pending.untimed {
            // The time the message itself names (Lambda and RDS Proxy lines carry one), else the
            // time of the event printed before it: the tool prints events in time order.
            if let named = pending.message.withUnsafeBufferPointer(TextLinePrefix.timeInMessage) {
                timesFromMessages += 1
                pending.timestamp = named
                pending.untimed = false
                lastTime = named
                let waiting = waitingForTime
                waitingForTime = []
                for var earlier in waiting {
                    earlier.timestamp = named
                    timesFromPreviousEvent += 1
                    try emitTimed(&earlier, sink)
                }
            } else if let lastTime {
                timesFromPreviousEvent += 1
                pending.timestamp = lastTime
            } else {
                waitingForTime.append(pending)
                return
            }
        } else {
            lastTime = pending.timestamp
        }
        try emitTimed(&pending, sink)
    }

    private func emitTimed(_ pending: inout Pending, _ sink: EventSink) throws {
        var event = RawEvent(logGroup: pending.group ?? logGroup, logStream: pending.stream, timestamp: pending.timestamp,
                             message: pending.message, line: pending.line)
        eventsRead += 1
        try sink.accept(&event)
    }

    /// Recognises this layout's event prefix at the start of a line.
    private func parsePrefix(_ line: UnsafeBufferPointer<UInt8>) -> TextLinePrefix? {
        TextLinePrefix.parse(line, layout: layout, longestStream: longestStream)
    }

    static func startsWithDate(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 19 else { return false }
        func digit(_ i: Int) -> Bool { line[i] >= 48 && line[i] <= 57 }
        return digit(0) && digit(1) && digit(2) && digit(3) && line[4] == 45 && digit(5) && digit(6) && line[7] == 45
            && digit(8) && digit(9) && (line[10] == 84 || line[10] == 32) && digit(11) && digit(12) && line[13] == 58
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
