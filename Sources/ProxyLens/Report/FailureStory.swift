import Foundation

/// One failure's whole story for `failures --explain`: what it was labelled and by which rule,
/// the evidence with its log lines, the invocation's own lines, and the proxy's lines around it.
public struct FailureStory {
    let database: Database
    /// Proxy lines this long before and after the failure are shown.
    static let proxyContextMs: Int64 = 30_000
    static let proxyLineLimit = 40

    public init(database: Database) { self.database = database }

    /// The story as text; `id` may be a whole request id or a unique part of one (the end a
    /// table shows after `…`).
    public func text(_ id: String, width: Int) throws -> String {
        try FailureQuery(database: database).requireClassified()
        let part = id.hasPrefix("…") ? String(id.dropFirst()) : id
        let matches = try database.rows("SELECT request_id FROM failure WHERE request_id = ? UNION SELECT request_id FROM failure WHERE instr(request_id, ?) > 0 LIMIT 3",
                                        [.text(part), .text(part)])
        guard let requestId = (matches.first { $0[0].string == part } ?? (matches.count == 1 ? matches.first : nil))?[0].string else {
            throw ProxyLensError(.usage, "--explain", matches.isEmpty ? "no failure with request id '\(id)'" : "'\(id)' matches several failures; give more of the request id")
        }
        let f = try database.rows("""
            SELECT f.function, f.instance, f.ts, f.cause, f.confidence, f.rule, f.detail, f.evidence, f.proxy, f.caused_by,
                   i.start_ts, i.end_ts, i.status, i.idle_before_ms, i.last_activity
            FROM failure f LEFT JOIN invocation i ON i.request_id = f.request_id WHERE f.request_id = ?
            """, [.text(requestId)])[0]
        func paragraph(_ text: String, _ first: String = "", _ indent: String = "    ") -> String {
            TextLayout.paragraph(Terminal.clean(text), width: width, first: first, indent: indent)
        }
        var out = paragraph("failure \(requestId)")
        out += paragraph("\(f[0].string ?? "") on \(f[1].string ?? "") at \(Timestamp.iso(f[2].int ?? 0))", "  ")
        out += paragraph("cause \(f[3].string ?? "") (confidence \(String(format: "%.2f", f[4].double ?? 0))) by rule \(f[5].string ?? "")", "  ")
        if let detail = f[6].string { out += paragraph("detail: \(detail)", "  ") }
        if let status = f[12].string {
            var line = "invocation: \(status)"
            if let start = f[10].int { line += ", \(Timestamp.iso(start))" }
            if let end = f[11].int { line += " … \(Timestamp.iso(end))" }
            if let idle = f[13].int { line += ", idle \(idle / 1000) s before" }
            out += paragraph(line, "  ")
        }
        if let proxy = f[8].string { out += paragraph("proxy: \(proxy)", "  ") }
        if let causedBy = f[9].string, causedBy != "[]" { out += paragraph("caused by the leaks \(causedBy)", "  ") }
        out += "\nWhy: the rule's evidence\n"
        for item in try EvidenceResolver(database: database).resolve(json: f[7].string ?? "[]") {
            out += paragraph("[\(item.kind)] " + (item.time.map { Timestamp.iso($0) + " " } ?? "") + item.text, "  · ", "    ")
        }
        let advice = Advice.forCause(f[3].string ?? "")
        if !advice.isEmpty { out += paragraph("→ " + advice, "  ", "    ") }
        let start = f[10].int ?? f[2].int ?? 0, end = f[11].int ?? f[2].int ?? 0
        out += "\nIts invocation's lines (\(f[1].string ?? ""))\n"
        let lines = try database.rows("""
            SELECT ts, message FROM event WHERE log_stream = ? AND (request_id = ? OR (ts BETWEEN ? AND ? AND kind <> 'proxy')) ORDER BY ts, id LIMIT 200
            """, [f[1], .text(requestId), .integer(start), .integer(end)])
        for row in lines { out += paragraph(Timestamp.iso(row[0].int ?? 0) + " " + EvidenceResolver.line(row[1].string ?? ""), "  ", "    ") }
        out += "\nProxy lines from \(Self.proxyContextMs / 1000) s before to \(Self.proxyContextMs / 1000) s after\n"
        let proxyLines = try database.rows("""
            SELECT ts, message, log_group FROM event WHERE kind = 'proxy' AND ts BETWEEN ? AND ?
              AND (? IS NULL OR log_group IS NULL OR log_group LIKE '%' || ?)
            ORDER BY ts, id LIMIT \(Self.proxyLineLimit + 1)
            """, [.integer(start - Self.proxyContextMs), .integer(end + Self.proxyContextMs), f[8], f[8]])
        if proxyLines.isEmpty { out += "  (none)\n" }
        for row in proxyLines.prefix(Self.proxyLineLimit) { out += paragraph(Timestamp.iso(row[0].int ?? 0) + " " + EvidenceResolver.line(row[1].string ?? ""), "  ", "    ") }
        if proxyLines.count > Self.proxyLineLimit { out += "  … more (proxylens sql for all of them)\n" }
        return out
    }
}
