import Foundation

/// Resolves stored evidence ids into `EvidenceItem`s.
public struct EvidenceResolver {
    let database: Database

    public init(database: Database) { self.database = database }

    /// The items for a `failure.evidence` JSON array (ids it cannot find are kept as `other`).
    public func resolve(json: String) throws -> [EvidenceItem] {
        let ids = (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]) ?? []
        return try ids.map(resolve)
    }

    public func resolve(_ id: String) throws -> EvidenceItem {
        if id.hasPrefix("event:"), let number = Int64(id.dropFirst(6)) {
            guard let row = try database.rows("SELECT ts, log_stream, message, kind, log_group FROM event WHERE id = ?", [.integer(number)]).first else {
                return EvidenceItem(kind: "other", text: id)
            }
            let proxy = row[3].string == "proxy"
            return EvidenceItem(kind: proxy ? "proxy-log" : "log", text: Self.line(row[2].string ?? ""), eventId: number, time: row[0].int,
                                stream: proxy ? row[4].string.map { "\($0) \(row[1].string ?? "")" } ?? row[1].string : row[1].string)
        }
        if id.hasPrefix("proxy-session:"), let (proxy, number) = Self.split(id.dropFirst(14)) {
            guard let row = try database.rows("""
                SELECT opened_ts, pinned_ts, pin_reason, closed_ts, close_reason, first_event_id, log_group, client_address
                FROM proxy_session WHERE proxy = ? AND client_connection = ?
                """, [.text(proxy), .integer(number)]).first else { return EvidenceItem(kind: "other", text: id) }
            var text = "client connection \(number) on \(proxy)"
            if let address = row[7].string { text += " from \(address)" }
            text += row[0].int.map { ": opened \(Timestamp.iso($0))" } ?? ": opening not logged"
            if let pinned = row[1].int { text += ", pinned \(Timestamp.iso(pinned))" + (row[2].string.map { " (\($0))" } ?? "") }
            text += row[3].int.map { ", closed \(Timestamp.iso($0))" + (row[4].string.map { " (\($0))" } ?? "") } ?? ", close never logged"
            return EvidenceItem(kind: "proxy-session", text: text, eventId: row[5].int, time: row[1].int ?? row[0].int, stream: row[6].string)
        }
        if id.hasPrefix("proxy-db-connection:"), let (proxy, number) = Self.split(id.dropFirst(20)) {
            guard let row = try database.rows("""
                SELECT opened_ts, closed_ts, close_reason, mid_request, close_event_id, log_group FROM proxy_db_connection WHERE proxy = ? AND db_connection = ?
                """, [.text(proxy), .integer(number)]).first else { return EvidenceItem(kind: "other", text: id) }
            var text = "database connection \(number) on \(proxy)"
            text += row[0].int.map { ": opened \(Timestamp.iso($0))" } ?? ": opening not logged"
            text += row[1].int.map { ", closed \(Timestamp.iso($0))" + (row[2].string.map { " (\($0))" } ?? "") } ?? ", close never logged"
            if row[3].int == 1 { text += ", in the middle of a request" }
            return EvidenceItem(kind: "proxy-db-connection", text: text, eventId: row[4].int, time: row[1].int ?? row[0].int, stream: row[5].string)
        }
        if id.hasPrefix("metric:") {
            let text = String(id.dropFirst(7))
            let time = text.range(of: " at ").flatMap { Timestamp.parse(String(text[$0.upperBound...])) }
            return EvidenceItem(kind: "metric", text: text, time: time)
        }
        return EvidenceItem(kind: "other", text: id)
    }

    /// "P/N" → (P, N); the proxy name may itself hold a `/`.
    static func split(_ text: Substring) -> (String, Int64)? {
        guard let slash = text.lastIndex(of: "/"), let number = Int64(text[text.index(after: slash)...]) else { return nil }
        return (String(text[..<slash]), number)
    }

    /// A log message as one line: trailing newlines dropped.
    static func line(_ message: String) -> String {
        var text = Substring(message)
        while let last = text.last, last == "\n" || last == "\r" { text = text.dropLast() }
        return String(text)
    }
}
