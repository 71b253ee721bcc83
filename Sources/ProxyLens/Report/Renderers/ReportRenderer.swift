import Foundation

public enum ReportRenderer {
    /// Every format, in the order `--help` and README list them: the terminal default first,
    /// then the machine-readable one, then the CI formats, then the page.
    static let all: [any ReportRendering] = [
        TableRenderer(),
        JSONRenderer(),
        MarkdownRenderer(),
        CSVRenderer(),
        JUnitRenderer(),
        GitHubAnnotationsRenderer(),
        HTMLRenderer(),
    ]

    public static func render(_ report: Report, format: ReportFormat, thresholds: [FailThreshold] = [], color: Bool = false, top: Int = 10) -> String {
        render(report, format: format, options: RenderOptions(thresholds: thresholds, color: color, top: top))
    }

    public static func render(_ report: Report, format: ReportFormat, options: RenderOptions) -> String {
        guard let renderer = all.first(where: { $0.name == format.rawValue }) else { return "" }
        return renderer.render(report, options)
    }

    /// "proxylens 0.1.0, generated 2026-…Z": the line every format carries in its own way.
    static func stamp(_ options: RenderOptions) -> String {
        "proxylens \(options.version), generated \(Timestamp.iso(options.generatedAt))"
    }

    static func iso(_ ms: Int64?) -> String { ms.map(Timestamp.iso) ?? "-" }
    /// A whole number without decimals, else one decimal.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.1f", value)
    }
    /// The values as a sparkline of `width` characters at most (each the highest value of its
    /// slice). Scaled from the lowest value, or from `floor` when given (counts from 0, so that a
    /// flat series of 3 does not read like one of 0).
    static func sparkline(_ values: [Double], width: Int = 40, floor: Double? = nil) -> String {
        guard !values.isEmpty else { return "" }
        let bars = Array("▁▂▃▄▅▆▇█")
        let slices = min(width, values.count)
        let low = floor.map { min($0, values.min() ?? 0) } ?? (values.min() ?? 0), high = values.max() ?? 0
        return String((0..<slices).map { slice -> Character in
            let part = values[(slice * values.count / slices)..<max(slice * values.count / slices + 1, (slice + 1) * values.count / slices)]
            let value = part.max() ?? 0
            guard high > low else { return bars[0] }
            return bars[min(bars.count - 1, Int((value - low) / (high - low) * Double(bars.count - 1) + 0.5))]
        })
    }
    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
    /// "cause 3, cause 2"; `joiner` between a cause and its count (a no-break space in tables,
    /// so a wrapped line never separates them). At most `limit` causes (nil: every one); a list
    /// cut short ends "… +N more (F)", the causes and failures left out, so that what a row
    /// shows still adds up to its failures (the README: nothing cut without `…`).
    static func causesText(_ causes: [Report.CauseCount], limit: Int? = 3, joiner: String = " ") -> String {
        let shown = causes.prefix(limit ?? causes.count)
        var parts = shown.map { "\($0.cause)\(joiner)\($0.failures)" }
        let rest = causes.dropFirst(shown.count)
        if !rest.isEmpty {
            parts.append(["…", "+\(rest.count)", "more", "(\(rest.reduce(0) { $0 + $1.failures }))"].joined(separator: joiner))
        }
        return parts.joined(separator: ", ")
    }

    /// The timeline's "top causes": the first three of a window, a ranking its heading names.
    static func topCausesText(_ causes: [Report.CauseCount], joiner: String = " ") -> String {
        causesText(Array(causes.prefix(3)), limit: nil, joiner: joiner)
    }
}
