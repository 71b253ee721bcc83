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
    /// The last three columns are the same on every row: the tool's version, when the report
    /// was generated, and the names guessed from file paths (empty when none).
    public static func csv(_ report: Report, _ options: RenderOptions = RenderOptions()) -> String {
        var out = "window_start,window_end,cause,failures,proxylens_version,generated_at,guessed_names\r\n"
        let stamp = "\(options.version),\(Timestamp.iso(options.generatedAt)),\(CSVText.field(report.guessedNote ?? ""))"
        for w in report.windows {
            for c in w.causes { out += "\(iso(w.start)),\(iso(w.end)),\(CSVText.field(c.cause)),\(c.failures),\(stamp)\r\n" }
        }
        return out
    }
}
