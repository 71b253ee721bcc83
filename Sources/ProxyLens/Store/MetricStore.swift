/// Writes metric exports into `metric_point` (deduplicated on every column but `source_id`), the
/// queries of `--metric-data-queries` files into `metric_query`, and get-metric-data results no
/// query names yet into `metric_unresolved`, from where a queries file ingested later moves them.
struct MetricStore {
    let database: Database

    /// Named series into `metric_point`; the rest by Id and Label, then named at once if a
    /// queries file for them was ingested before. Returns the points added and the results
    /// still unnamed.
    func save(_ results: [MetricResult], sourceId: Int64, folder: String) throws -> (pointsAdded: Int, unnamed: [MetricResult]) {
        var added = 0
        var waiting: [MetricResult] = []
        for result in results {
            if let series = result.series {
                added += try insert(series, result.points, sourceId: sourceId)
            } else {
                let statement = try database.statement("""
                    INSERT OR IGNORE INTO metric_unresolved (query_id, label, folder, ts, value, source_id) VALUES (?, ?, ?, ?, ?, ?)
                    """)
                for point in result.points {
                    try statement.run([.text(result.queryId ?? ""), .text(result.label), .text(folder), .integer(point.ts),
                                       .real(point.value), .integer(sourceId)])
                }
                waiting.append(result)
            }
        }
        guard !waiting.isEmpty else { return (added, []) }
        added += try resolve()
        // Still waiting and named by their label: named so.
        for result in waiting {
            guard let series = result.labelSeries else { continue }
            let arguments: [SQLValue] = [.text(result.queryId ?? ""), .text(result.label), .text(folder)]
            let left = try database.scalar("SELECT count(*) FROM metric_unresolved WHERE query_id = ? AND label = ? AND folder = ?", arguments).int ?? 0
            guard left > 0 else { continue }
            added += try insert(series, result.points, sourceId: sourceId)
            try database.statement("DELETE FROM metric_unresolved WHERE query_id = ? AND label = ? AND folder = ?").run(arguments)
        }
        // Which of this file's results are still waiting.
        var unnamed: [MetricResult] = []
        for result in waiting {
            let left = try database.scalar("SELECT count(*) FROM metric_unresolved WHERE query_id = ? AND label = ? AND folder = ?",
                                           [.text(result.queryId ?? ""), .text(result.label), .text(folder)]).int ?? 0
            let named = try isNamed(result.queryId ?? "")
            if left > 0 || (result.points.isEmpty && !named) { unnamed.append(result) }
        }
        return (added, unnamed)
    }

    /// Stores the queries; returns the points of earlier results they named.
    func save(_ queries: [MetricQuery], sourceId: Int64, folder: String) throws -> Int {
        let statement = try database.statement("""
            INSERT INTO metric_query (query_id, folder, namespace, metric, dimensions, stat, period_s, unit, label, expression, source_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for query in queries {
            let series = query.series
            try statement.run([.text(query.id), .text(folder), text(series?.namespace), text(series?.metric), text(series?.dimensionsJSON),
                               text(series?.stat), (query.periodSeconds ?? series?.periodSeconds).map { .integer(Int64($0)) } ?? .null,
                               text(series?.unit), text(query.label), text(query.expression), .integer(sourceId)])
        }
        return try resolve()
    }

    private func isNamed(_ queryId: String) throws -> Bool {
        (try database.scalar("SELECT count(*) FROM metric_query WHERE query_id = ?", [.text(queryId)]).int ?? 0) > 0
    }

    private func insert(_ series: MetricSeries, _ points: [MetricPoint], sourceId: Int64) throws -> Int {
        let statement = try database.statement("""
            INSERT OR IGNORE INTO metric_point (namespace, metric, dimensions, stat, period_s, ts, value, unit, source_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var added = 0
        let dimensions = series.dimensionsJSON
        for point in points {
            try statement.run([.text(series.namespace), .text(series.metric), .text(dimensions), .text(series.stat),
                               .integer(Int64(series.periodSeconds)), .integer(point.ts), .real(point.value), .text(series.unit),
                               .integer(sourceId)])
            added += database.changes
        }
        return added
    }

    /// Moves every waiting point whose Id a query names into `metric_point`. The query is the
    /// one of that Id from the result's own folder (the latest ingested); with `acrossFolders`
    /// (at the end of a run, when every file of the run has been read), else the only definition
    /// of that Id anywhere; an Id defined differently in several other folders stays waiting.
    /// A MetricStat query names the metric; an expression is stored under namespace
    /// METRIC_MATH with its Label (or Id) as the metric.
    func resolve(acrossFolders: Bool = false) throws -> Int {
        let before = try database.scalar("SELECT count(*) FROM metric_point").int ?? 0
        try database.execute("""
            CREATE TEMP TABLE IF NOT EXISTS metric_pick (unresolved INTEGER PRIMARY KEY, query INTEGER);
            DELETE FROM temp.metric_pick;
            INSERT INTO temp.metric_pick (unresolved, query)
                SELECT u.rowid, coalesce(
                    (SELECT q.rowid FROM metric_query q WHERE q.query_id = u.query_id AND q.folder = u.folder ORDER BY q.rowid DESC LIMIT 1),
                    (SELECT min(q.rowid) FROM metric_query q WHERE \(acrossFolders ? 1 : 0) AND q.query_id = u.query_id
                     HAVING count(DISTINCT coalesce(q.namespace, '') || '|' || coalesce(q.metric, '') || '|' || coalesce(q.dimensions, '') || '|' || coalesce(q.stat, '') || '|' || coalesce(q.expression, '')) = 1))
                FROM metric_unresolved u
                WHERE EXISTS (SELECT 1 FROM metric_query q WHERE q.query_id = u.query_id);
            DELETE FROM temp.metric_pick WHERE query IS NULL;
            INSERT OR IGNORE INTO metric_point (namespace, metric, dimensions, stat, period_s, ts, value, unit, source_id)
                SELECT CASE WHEN q.expression IS NOT NULL THEN 'METRIC_MATH' ELSE q.namespace END,
                       CASE WHEN q.expression IS NOT NULL THEN coalesce(q.label, q.query_id) ELSE q.metric END,
                       CASE WHEN q.expression IS NOT NULL THEN json_object('Expression', q.expression) ELSE q.dimensions END,
                       CASE WHEN q.expression IS NOT NULL THEN 'Expression' ELSE q.stat END,
                       coalesce(q.period_s, 60), u.ts, u.value, coalesce(q.unit, 'None'), u.source_id
                FROM temp.metric_pick p JOIN metric_unresolved u ON u.rowid = p.unresolved JOIN metric_query q ON q.rowid = p.query
                WHERE q.expression IS NOT NULL OR (q.namespace IS NOT NULL AND q.metric IS NOT NULL AND q.stat IS NOT NULL);
            DELETE FROM metric_unresolved WHERE rowid IN (
                SELECT p.unresolved FROM temp.metric_pick p JOIN metric_query q ON q.rowid = p.query
                WHERE q.expression IS NOT NULL OR (q.namespace IS NOT NULL AND q.metric IS NOT NULL AND q.stat IS NOT NULL));
            """)
        return Int((try database.scalar("SELECT count(*) FROM metric_point").int ?? 0) - before)
    }

    private func text(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }
}
