import Foundation

/// The timeline, one row per window and cause, then the pressure series, one row per bin and proxy.
struct CSVRenderer: ReportRendering {
    let name = "csv"
    let summary = "The timeline, one row per window and cause, then the pressure series, one row per bin and proxy."

    func render(_ report: Report, _ options: RenderOptions) -> String {
        ReportRenderer.csv(report, options)
    }
}

extension ReportRenderer {
    /// One row per window and cause (the timeline), then one per series bin and proxy (the
    /// pressure, `cause` and `failures` empty): one table, the long shape spreadsheets pivot and
    /// chart. The bins' own start and end show what each row merged. The last three columns are
    /// the same on every row: the tool's version, when the report was generated, and the names
    /// guessed from file paths (empty when none).
    public static func csv(_ report: Report, _ options: RenderOptions = RenderOptions()) -> String {
        var out = "window_start,window_end,cause,failures,proxy,client_sessions,pinned_sessions,db_connections,borrow_timeouts,proxylens_version,generated_at,guessed_names\r\n"
        let stamp = "\(options.version),\(Timestamp.iso(options.generatedAt)),\(CSVText.field(report.guessedNote ?? ""))"
        for w in report.windows {
            for c in w.causes { out += "\(iso(w.start)),\(iso(w.end)),\(CSVText.field(c.cause)),\(c.failures),,,,,,\(stamp)\r\n" }
        }
        for p in report.pressure {
            out += "\(iso(p.start)),\(iso(p.end)),,,\(CSVText.field(p.proxy)),\(p.clientSessions),\(p.pinnedSessions),\(p.dbConnections),\(p.borrowTimeouts),\(stamp)\r\n"
        }
        return out
    }
}
