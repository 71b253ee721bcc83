/// Which text layout the sampled lines of a file fit, decided by every timestamped line of the
/// sample rather than by the first: S3 export objects are not sorted, and one can begin with an
/// application line that alone looks like RDS Proxy text.
struct TextLayoutVote {
    /// Timestamped lines in the sample that fit each layout (a line can fit several).
    private(set) var fits: [TextExportReader.Layout: Int] = [:]
    /// Lines that start with a timestamp.
    private(set) var timestamped = 0
    /// Non-empty lines looked at (the last, possibly cut, line of the sample excluded).
    private(set) var lines = 0
    /// Lines of an Insights CSV header (`@timestamp` and `@message` columns).
    private(set) var csvHeader = false

    /// Lines looked at: enough to outvote a few odd lines, few enough to cost nothing.
    static let maximumLines = 200

    init(_ bytes: [UInt8]) {
        var start = 0
        var first = true
        while start < bytes.count, lines < Self.maximumLines {
            guard let newline = bytes[start...].firstIndex(of: 0x0a) else { break }
            var line = Array(bytes[start..<newline])
            start = newline + 1
            if line.last == 0x0d { line.removeLast() }
            if line.contains(0x1b) { line = line.withUnsafeBufferPointer { ANSI.strip($0) } }
            guard !line.isEmpty else { continue }
            if first {
                first = false
                let text = String(decoding: line, as: UTF8.self)
                if text.contains("@timestamp") && text.contains("@message") && text.contains(",") { csvHeader = true }
            }
            lines += 1
            line.withUnsafeBufferPointer { vote($0) }
        }
        // A file of one line with no newline at the end.
        if lines == 0, !bytes.isEmpty, bytes.count < 65_536 {
            var line = bytes
            if line.contains(0x1b) { line = line.withUnsafeBufferPointer { ANSI.strip($0) } }
            lines = 1
            let text = String(decoding: line, as: UTF8.self)
            if text.contains("@timestamp") && text.contains("@message") && text.contains(",") { csvHeader = true }
            line.withUnsafeBufferPointer { vote($0) }
        }
    }

    private mutating func vote(_ line: UnsafeBufferPointer<UInt8>) {
        guard TextExportReader.startsWithDate(line), let space = line.firstIndex(of: 0x20) else { return }
        timestamped += 1
        let stamp = line[0..<space]
        let afterSpace = space + 1 < line.count ? line[space + 1] : 0
        // `aws logs tail --format detailed`: isoformat(timespec='microseconds') with +00:00.
        if stamp.count >= 25, stamp[stamp.endIndex - 6] == UInt8(ascii: "+") || stamp[stamp.endIndex - 6] == UInt8(ascii: "-"),
           stamp[stamp.endIndex - 3] == UInt8(ascii: ":") {
            fits[.tailDetailed, default: 0] += 1
            return
        }
        // Every layout's stamp is a whole timestamp; a line with a date and no more fits none.
        guard Timestamp.parse(UnsafeBufferPointer(rebasing: stamp)) != nil else { return }
        if stamp.count == 19 { fits[.tailShort, default: 0] += 1; return }
        // `<ISO ms Z> <message>` is an S3 export line; when the message is `[LEVEL] [proxy…]`
        // (a space, not the tab of a runtime's `[LEVEL]\t` line), it is RDS Proxy text as well.
        fits[.s3Export, default: 0] += 1
        if afterSpace == UInt8(ascii: "["), let close = line[(space + 1)...].firstIndex(of: UInt8(ascii: "]")),
           close + 1 < line.count, line[close + 1] == 0x20 {
            fits[.proxyText, default: 0] += 1
        }
    }

    /// The layout most sampled lines fit (ties go to the more specific layout), if any.
    var winner: TextExportReader.Layout? {
        guard timestamped > 0 else { return nil }
        // Proxy text is S3-shaped too: it wins when at least as many lines fit it as do not.
        if let proxy = fits[.proxyText], proxy * 2 >= timestamped { return .proxyText }
        return [TextExportReader.Layout.tailDetailed, .tailShort, .s3Export].max { (fits[$0] ?? 0) < (fits[$1] ?? 0) }
    }

    /// "read as X, but N of M … lines do not fit", when most sampled timestamped lines do not fit
    /// `layout` (lines without a timestamp continue the message before them in every layout).
    func misfit(_ layout: TextExportReader.Layout) -> String? {
        let fitting = fits[layout] ?? 0
        guard timestamped > 0, fitting * 2 < timestamped else { return nil }
        return "read as \(layout.rawValue), but \(timestamped - fitting) of \(timestamped) sampled timestamped lines do not fit it"
    }
}
