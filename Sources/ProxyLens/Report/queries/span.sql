-- name: span
-- The time the proxy logs cover, first and last line, which the series' span takes in beside
-- the invocations' (a proxy line a year from the rest must show, merged, not be cut off).
SELECT min(t0), max(t1) FROM (
    SELECT min(coalesce(opened_ts, pinned_ts, closed_ts)) AS t0, max(coalesce(closed_ts, pinned_ts, opened_ts)) AS t1 FROM proxy_session
    UNION ALL
    SELECT min(coalesce(opened_ts, released_ts, closed_ts)), max(coalesce(closed_ts, released_ts, opened_ts)) FROM proxy_db_connection);
