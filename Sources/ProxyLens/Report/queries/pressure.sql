-- name: pressure
-- Proxy pressure per window: client sessions open, pinned sessions, database connections open.
-- Parameters: :window_ms. Each session or connection counts in every window it overlaps; one
-- still open at the end of the logs counts until the last proxy line, and a database connection
-- whose opening is not in the logs counts from the first proxy line. Counted as +1 where an
-- interval starts and -1 after it ends, then summed in window order.
WITH RECURSIVE
last AS (
    SELECT max(t) AS t FROM (
        SELECT max(coalesce(closed_ts, pinned_ts, opened_ts)) AS t FROM proxy_session
        UNION ALL SELECT max(coalesce(closed_ts, released_ts, opened_ts)) FROM proxy_db_connection)
),
first AS (
    SELECT min(t) AS t FROM (
        SELECT min(opened_ts) AS t FROM proxy_session
        UNION ALL SELECT min(coalesce(opened_ts, released_ts, closed_ts)) FROM proxy_db_connection)
),
interval(proxy, what, first_window, last_window) AS MATERIALIZED (
    SELECT proxy, 'client', opened_ts / :window_ms, coalesce(closed_ts, (SELECT t FROM last)) / :window_ms
    FROM proxy_session WHERE opened_ts IS NOT NULL
    UNION ALL
    SELECT proxy, 'pinned', pinned_ts / :window_ms, coalesce(closed_ts, (SELECT t FROM last)) / :window_ms
    FROM proxy_session WHERE pinned_ts IS NOT NULL
    UNION ALL
    SELECT proxy, 'db', coalesce(opened_ts, (SELECT t FROM first)) / :window_ms, coalesce(closed_ts, (SELECT t FROM last)) / :window_ms
    FROM proxy_db_connection
),
delta(proxy, what, window, d) AS (
    SELECT proxy, what, first_window, count(*) FROM interval GROUP BY proxy, what, first_window
    UNION ALL SELECT proxy, what, last_window + 1, -count(*) FROM interval GROUP BY proxy, what, last_window
),
level AS MATERIALIZED (
    SELECT proxy, what, window, sum(sum(d)) OVER (PARTITION BY proxy, what ORDER BY window) AS n
    FROM delta GROUP BY proxy, what, window
),
bounds AS (SELECT min(first_window) AS lo, max(last_window) AS hi FROM interval),
windows(w) AS (
    SELECT lo FROM bounds WHERE lo IS NOT NULL
    -- At most 10,000 windows: a stray far-off timestamp must not make this run for hours.
    UNION ALL SELECT w + 1 FROM windows, bounds WHERE w + 1 <= hi AND w + 1 < lo + 10000
),
proxies AS (SELECT DISTINCT proxy FROM interval)
SELECT w * :window_ms AS window_start, p.proxy,
       coalesce((SELECT n FROM level l WHERE l.proxy = p.proxy AND l.what = 'client' AND l.window <= w ORDER BY l.window DESC LIMIT 1), 0) AS client_sessions,
       coalesce((SELECT n FROM level l WHERE l.proxy = p.proxy AND l.what = 'pinned' AND l.window <= w ORDER BY l.window DESC LIMIT 1), 0) AS pinned_sessions,
       coalesce((SELECT n FROM level l WHERE l.proxy = p.proxy AND l.what = 'db' AND l.window <= w ORDER BY l.window DESC LIMIT 1), 0) AS db_connections
FROM windows, proxies p
ORDER BY w, p.proxy;
