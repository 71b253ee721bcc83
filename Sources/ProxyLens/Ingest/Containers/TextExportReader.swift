/// Reads the line-oriented containers: CreateExportTask objects (`<ISO ms Z> <message>`),
/// `aws logs tail --format detailed` (`<ISO µs +00:00> <stream> <message>`) and `--format short`
/// (`<ISO s> <message>`), and plain RDS Proxy log text (`<ISO> [LEVEL] ...`). Lines without a
/// prefix continue the message before them.
final class TextExportReader {
    enum Layout: String {
        /// CreateExportTask → S3 object.
        case s3Export = "s3-export"
        case tailDetailed = "tail-detailed"
        case tailShort = "tail-short"
        /// Lines that are themselves RDS Proxy messages, saved as text.
        case proxyText = "proxy-text"
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
        var stream: String
        var message: [UInt8]
        var line: Int
        var trailingBlankLines = 0
    }

    private var pending: Pending?

    func read(_ window: ByteWindow, into sink: EventSink) throws {
        var lines = LineReader(window)
        pending = nil
        while true {
            let raw: UnsafeBufferPointer<UInt8>?
            do { raw = try lines.next() } catch let error as LineReader.LineTooLong {
                try flush(sink)
                throw ProxyLensError(.input, "", line: error.line, "a line longer than \(window.maximumWindow >> 20) MiB (gzip bomb or binary data?); the rest of the file is skipped")
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
    }

    private func take(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int, _ sink: EventSink) throws {
        if let prefix = parsePrefix(line) {
            try flush(sink)
            pending = Pending(timestamp: prefix.timestamp, stream: prefix.stream ?? defaultStream,
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
        // An S3 export writes `<ts> <message>\n`; Lambda messages end in `\n`, hence the blank
        // line between events: one blank line is the message's own newline.
        if layout == .s3Export, pending.trailingBlankLines > 0 {
            for _ in 0..<pending.trailingBlankLines { pending.message.append(0x0a) }
        }
        var event = RawEvent(logGroup: logGroup, logStream: pending.stream, timestamp: pending.timestamp,
                             message: pending.message, line: pending.line)
        eventsRead += 1
        try sink.accept(&event)
    }

    private struct Prefix {
        var timestamp: Int64
        var stream: String?
        var messageStart: Int
    }

    /// Recognises this layout's event prefix at the start of a line.
    private func parsePrefix(_ line: UnsafeBufferPointer<UInt8>) -> Prefix? {
        guard line.count >= 20, TextExportReader.startsWithDate(line) else { return nil }
        // The timestamp runs to the first space.
        guard let space = line.firstIndex(of: 0x20) else { return nil }
        guard let timestamp = Timestamp.parse(UnsafeBufferPointer(rebasing: line[0..<space])) else { return nil }
        switch layout {
        case .s3Export, .tailShort:
            return Prefix(timestamp: timestamp, stream: nil, messageStart: min(space + 1, line.count))
        case .proxyText:
            guard space + 1 < line.count, line[space + 1] == UInt8(ascii: "[") else { return nil }
            return Prefix(timestamp: timestamp, stream: nil, messageStart: 0)
        case .tailDetailed:
            let rest = line[(space + 1)...]
            guard let second = rest.firstIndex(of: 0x20) else {
                return Prefix(timestamp: timestamp, stream: String(decoding: UnsafeBufferPointer(rebasing: rest), as: UTF8.self), messageStart: line.count)
            }
            let stream = String(decoding: UnsafeBufferPointer(rebasing: line[(space + 1)..<second]), as: UTF8.self)
            return Prefix(timestamp: timestamp, stream: stream, messageStart: second + 1)
        }
    }

    static func startsWithDate(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 19 else { return false }
        func digit(_ i: Int) -> Bool { line[i] >= 48 && line[i] <= 57 }
        return digit(0) && digit(1) && digit(2) && digit(3) && line[4] == 45 && digit(5) && digit(6) && line[7] == 45
            && digit(8) && digit(9) && (line[10] == 84 || line[10] == 32) && digit(11) && digit(12) && line[13] == 58
    }
}

/// Removes terminal colour sequences (`ESC [ ... m` and other CSI sequences).
enum ANSI {
    static func strip(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x1b, i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "[") {
                var j = i + 2
                while j < bytes.count, !(bytes[j] >= 0x40 && bytes[j] <= 0x7e) { j += 1 }
                i = j + 1
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }
}

/// Short, printable excerpts of bad input for error messages.
enum Excerpt {
    static func of<C: Collection>(_ bytes: C, limit: Int = 120) -> String where C.Element == UInt8 {
        var out = ""
        for byte in bytes.prefix(limit) {
            if byte >= 0x20 && byte < 0x7f { out.append(Character(Unicode.Scalar(byte))) }
            else if byte == 0x09 { out += "\\t" }
            else { out += "\\x" + String(byte, radix: 16) }
        }
        if bytes.count > limit { out += "…" }
        return out
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
