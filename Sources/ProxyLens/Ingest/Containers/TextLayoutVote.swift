/// Which text layout the sampled lines of a file fit, decided by every line of the sample that
/// begins an event in some layout rather than by the first: S3 export objects are not sorted,
/// and one can begin with an application line that alone looks like RDS Proxy text. Each layout
/// says which lines it could have printed (`TextLinePrefix.fits`); the layout most lines fit wins.
struct TextLayoutVote {
    /// Timestamped lines in the sample that fit each layout (a line can fit several).
    private(set) var fits: [TextExportReader.Layout: Int] = [:]
    /// Lines that start with a date (an S3 export object's path decides its layout when any does).
    private(set) var timestamped = 0
    /// Lines that begin an event in at least one layout, or begin with a date (the start of an
    /// entry in any log, whether or not a layout knows its shape).
    private(set) var eventLines = 0
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
        let dated = TextExportReader.startsWithDate(line)
        if dated { timestamped += 1 }
        var any = dated
        for layout in TextExportReader.Layout.allCases where TextLinePrefix.fits(line, layout: layout) {
            fits[layout, default: 0] += 1
            any = true
        }
        if any { eventLines += 1 }
    }

    /// The layouts in the order ties are decided: a layout whose lines also fit a later one
    /// comes first (a `sam logs` line fits `awslogs --no-group` too; a `cw tail` stamp is a
    /// `tail --format short` stamp followed by ` - `, which `fits` keeps apart).
    static let tieOrder: [TextExportReader.Layout] = [.awsCLIText, .saw, .tailDetailed, .cwTail, .samLogs, .awslogs, .tailShort, .s3Export]

    /// The layout most sampled lines fit (ties go to the more specific layout), if any.
    var winner: TextExportReader.Layout? {
        guard !fits.isEmpty else { return nil }
        // Proxy text is S3-shaped too: it wins when at least as many lines fit it as do not.
        if let proxy = fits[.proxyText], proxy * 2 >= timestamped { return .proxyText }
        var best: (TextExportReader.Layout, Int)?
        for layout in Self.tieOrder {
            let count = fits[layout] ?? 0
            if count > 0, count > best?.1 ?? 0 { best = (layout, count) }
        }
        return best?.0
    }

    /// "read as X, but N of M … lines do not fit", when most sampled lines that begin an event in
    /// some layout do not fit `layout` (lines that begin none continue the message before them).
    func misfit(_ layout: TextExportReader.Layout) -> String? {
        let fitting = fits[layout] ?? 0
        guard eventLines > 0, fitting * 2 < eventLines else { return nil }
        return "read as \(layout.rawValue), but \(eventLines - fitting) of \(eventLines) sampled lines that begin an event do not fit it"
    }

    /// Why no layout was chosen, naming what the sample held.
    var noLayout: String {
        if lines == 0 { return "no complete line in the first 64 KiB" }
        return "not a recognised CloudWatch Logs export: none of the \(lines) sampled lines begins an event in a known layout "
            + "(JSON, AWS CLI text or YAML, S3 export, aws logs tail, awslogs, saw, cw, sam logs, RDS Proxy text)"
    }
}
