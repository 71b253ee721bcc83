-- proxylens schema 7: CloudWatch metrics, from `get-metric-data` and `get-metric-statistics`
-- output and the console's CSV download of a graph (the RDS Proxy metrics of AWS/RDS and the
-- Lambda function metrics of AWS/Lambda, or any other).

-- One value of one metric series at one time. The same point in two files is stored once: rows
-- are unique on every column but source_id (the first file that held it keeps it).
CREATE TABLE metric_point (
    namespace TEXT NOT NULL,           -- AWS/RDS, AWS/Lambda, ...; METRIC_MATH for a get-metric-data expression
    metric TEXT NOT NULL,              -- MetricName (DatabaseConnections, Throttles, ...); an expression's Label or Id
    dimensions TEXT NOT NULL,          -- canonical JSON, keys sorted: {"ProxyName":"orders-pg-proxy"}; {"Expression":"..."} for an expression
    stat TEXT NOT NULL,                -- Sum | Average | Maximum | Minimum | SampleCount | pNN ...; Expression for an expression
    period_s INTEGER NOT NULL,         -- the period in seconds
    ts INTEGER NOT NULL,               -- start of the period, epoch milliseconds UTC (like event.ts)
    value REAL NOT NULL,
    unit TEXT NOT NULL,                -- CloudWatch's unit (Count, Microseconds, Milliseconds, Percent, ...); None when unknown
    source_id INTEGER NOT NULL REFERENCES source(id)
);
CREATE UNIQUE INDEX metric_point_dedupe ON metric_point(namespace, metric, dimensions, stat, period_s, ts, value, unit);
CREATE INDEX metric_point_series ON metric_point(metric, dimensions, ts);

-- The queries of a `--metric-data-queries` file (or the MetricDataQueries of a --cli-input-json
-- document): what each get-metric-data result Id reads. A response names only Id and Label.
CREATE TABLE metric_query (
    query_id TEXT NOT NULL,            -- Id
    folder TEXT NOT NULL,              -- the folder of the file it came from (responses beside it match first)
    namespace TEXT,                    -- MetricStat.Metric.Namespace (NULL for an expression)
    metric TEXT,                       -- MetricStat.Metric.MetricName
    dimensions TEXT,                   -- canonical JSON of MetricStat.Metric.Dimensions
    stat TEXT,                         -- MetricStat.Stat
    period_s INTEGER,                  -- MetricStat.Period or Period
    unit TEXT,                         -- MetricStat.Unit, else the metric's usual unit, else None
    label TEXT,
    expression TEXT,                   -- Expression (metric math), when it is one
    source_id INTEGER NOT NULL REFERENCES source(id)
);
CREATE INDEX metric_query_id ON metric_query(query_id, folder);

-- Points of get-metric-data results not yet named: no queries file for their Id had been
-- ingested and their Label does not name the metric. Kept with their Id and Label; ingesting the
-- queries file later (in the same run or another) moves them into metric_point.
CREATE TABLE metric_unresolved (
    query_id TEXT NOT NULL,
    label TEXT NOT NULL,
    folder TEXT NOT NULL,
    ts INTEGER NOT NULL,
    value REAL NOT NULL,
    source_id INTEGER NOT NULL REFERENCES source(id),
    UNIQUE (query_id, label, folder, ts, value)
);

CREATE VIEW metric_point_iso AS
    SELECT namespace, metric, dimensions, stat, period_s, strftime('%Y-%m-%dT%H:%M:%fZ', ts / 1000.0, 'unixepoch') AS time,
           value, unit, source_id
    FROM metric_point;
