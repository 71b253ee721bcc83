import Foundation

/// The timeline, one row per window and cause.
struct CSVRenderer: ReportRendering {
    let name = "csv"
    let summary = "The timeline, one row per window and cause."

    func render(_ report: Report, _ options: RenderOptions) -> String {
        ReportRenderer.csv(report)
    }
}

extension ReportRenderer {
    /// One row per window and cause (the timeline), the shape spreadsheets chart.
    public static func csv(_ report: Report) -> String {
        var out = "window_start,window_end,cause,failures\r\n"
        for w in report.windows {
            for c in w.causes { out += "\(iso(w.start)),\(iso(w.end)),\(CSVText.field(c.cause)),\(c.failures)\r\n" }
        }
        return out
    }
}
