import Foundation

/// The timeline, one row per window and cause.
struct CSVRenderer: ReportRendering {
    let name = "csv"
    let summary = "The timeline, one row per window and cause."

    func render(_ report: Report, _ options: RenderOptions) -> String {
        ReportRenderer.csv(report, options)
    }
}

extension ReportRenderer {
    /// One row per window and cause (the timeline), the shape spreadsheets chart.
    /// The last two columns are the same on every row: the tool's version and when the report
    /// was generated.
    public static func csv(_ report: Report, _ options: RenderOptions = RenderOptions()) -> String {
        var out = "window_start,window_end,cause,failures,proxylens_version,generated_at\r\n"
        let stamp = "\(options.version),\(Timestamp.iso(options.generatedAt))"
        for w in report.windows {
            for c in w.causes { out += "\(iso(w.start)),\(iso(w.end)),\(CSVText.field(c.cause)),\(c.failures),\(stamp)\r\n" }
        }
        return out
    }
}
