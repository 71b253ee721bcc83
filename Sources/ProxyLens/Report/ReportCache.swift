import CSupport
import Foundation

/// The last report built, kept in `meta` with what it was built from, so that running `analyze`
/// again over data that has not changed (a CI job re-run on the same exports) does not query
/// everything again (0.4 s on the bench corpus, most of a re-run). Used only when its key matches:
/// the same labels (classified_at, classified_inputs, hence the same derived tables), the same
/// sources, the same options, and the same build of proxylens and its queries.
public struct ReportCache {
    let database: Database

    public init(database: Database) { self.database = database }

    /// What a report built now, with `options`, depends on.
    public func key(for options: ReportOptions) throws -> String {
        let state = try database.rows("""
            SELECT (SELECT value FROM meta WHERE key = 'classified_at'), (SELECT value FROM meta WHERE key = 'classified_inputs'),
                   (SELECT count(*) FROM source), (SELECT max(id) FROM source), (SELECT max(ingested_at) FROM source),
                   (SELECT count(*) FROM failure)
            """)[0].map(\.description)
        let filter = options.filter
        let optionsText = [options.windowSeconds.description, options.top.description, filter.cause?.rawValue ?? "-",
                           filter.function ?? "-", filter.since?.description ?? "-", filter.until?.description ?? "-",
                           options.seriesWindowSeconds?.description ?? "auto"]
        return (["report-cache 1", try Self.buildIdentity()] + state + optionsText).joined(separator: "|")
    }

    /// The report kept under `key`, if there is one.
    public func load(key: String) throws -> Report? {
        let rows = try database.rows("SELECT value FROM meta WHERE key = 'report_cache_key' UNION ALL SELECT value FROM meta WHERE key = 'report_cache'")
        guard rows.count == 2, rows[0].first?.string == key, let json = rows[1].first?.string else { return nil }
        var report = try? JSONDecoder().decode(Report.self, from: Data(json.utf8))
        report?.database = database.path
        return report
    }

    /// Keeps `report` under `key`, replacing the one kept before.
    public func store(_ report: Report, key: String) throws {
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        try database.transaction {
            try database.statement("INSERT OR REPLACE INTO meta (key, value) VALUES ('report_cache_key', ?), ('report_cache', ?)")
                .run([.text(key), .text(json)])
        }
    }

    /// The running executable (path, size, modification time) and the text of the named queries:
    /// a rebuilt proxylens may word or count things differently.
    static func buildIdentity() throws -> String {
        var parts: [String] = []
        if let path = Bundle.main.executablePath, let attributes = try? FileManager.default.attributesOfItem(atPath: path) {
            parts.append(path)
            parts.append((attributes[.size] as? NSNumber)?.stringValue ?? "")
            parts.append((attributes[.modificationDate] as? Date)?.timeIntervalSince1970.description ?? "")
        }
        for name in SQLFolder.queries.names { parts.append(try SQLFolder.queries.sql(name)) }
        var text = parts.joined(separator: "\u{0}")
        let hash = text.withUTF8 { proxylens_xxh64($0.baseAddress, $0.count, 0) }
        return String(hash, radix: 16)
    }
}
