-- name: pressure
-- Proxy pressure per window: client sessions open, pinned sessions, database connections open.
-- Parameters: :window_ms. Sessions count in every window they overlap.
WITH RECURSIVE bounds AS (
    SELECT (min(coalesce(opened_ts, closed_ts)) / :window_ms) * :window_ms AS start,
           max(coalesce(closed_ts, opened_ts)) AS stop
    FROM proxy_session
), windows(start) AS (
    SELECT start FROM bounds WHERE start IS NOT NULL
    UNION ALL SELECT windows.start + :window_ms FROM windows, bounds WHERE windows.start + :window_ms <= bounds.stop
)
SELECT w.start AS window_start, p.proxy,
       (SELECT count(*) FROM proxy_session s WHERE s.proxy = p.proxy AND coalesce(s.opened_ts, 0) < w.start + :window_ms
            AND (s.closed_ts IS NULL OR s.closed_ts >= w.start)) AS client_sessions,
       (SELECT count(*) FROM proxy_session s WHERE s.proxy = p.proxy AND s.pinned_ts < w.start + :window_ms
            AND (s.closed_ts IS NULL OR s.closed_ts >= w.start)) AS pinned_sessions,
       (SELECT count(*) FROM proxy_db_connection c WHERE c.proxy = p.proxy AND coalesce(c.opened_ts, 0) < w.start + :window_ms
            AND (c.closed_ts IS NULL OR c.closed_ts >= w.start)) AS db_connections
FROM windows w, (SELECT DISTINCT proxy FROM proxy_session) p
ORDER BY w.start, p.proxy;
