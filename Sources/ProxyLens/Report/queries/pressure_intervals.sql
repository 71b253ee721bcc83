-- name: pressure_intervals
-- What the pressure series counts, one row per proxy client session and per database connection:
-- a session ('session') is open from start_ts ('A new client connected') to end_ts and pinned
-- from pinned_ts (its first pinning line) to the same end; a database connection ('db') is open
-- from start_ts to end_ts. The series' peaks per bin are a sweep over these
-- (Report/PressureSweep.swift: changes sorted once, a running level, the highest level per bin);
-- this query is what that sweep reads, and what a person reads to see where a peak came from.
-- Parameters: :default_idle_ms (AWS's IdleClientTimeout default, for proxies whose configuration
-- was not ingested).
--
-- A session the proxy never logged closing ends IdleClientTimeout after the last thing the
-- proxy logged of it (connect or pin), or at the last proxy line if that comes first: the proxy
-- closes an idle client connection at that timeout, and a Lambda that timed out mid-transaction
-- sends nothing more. A database connection whose opening is not in the logs counts from the
-- first proxy line, one never closed until the last.
WITH
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
session AS (
    SELECT s.proxy, s.opened_ts, s.pinned_ts,
           max(coalesce(s.pinned_ts, s.opened_ts), coalesce(s.closed_ts, min(
               (SELECT t FROM last),
               max(coalesce(s.pinned_ts, s.opened_ts), coalesce(s.opened_ts, s.pinned_ts))
                 + coalesce(c.idle_client_timeout_s * 1000, :default_idle_ms)))) AS end_ts
    FROM proxy_session s LEFT JOIN proxy_config c ON c.proxy = s.proxy
    WHERE coalesce(s.opened_ts, s.pinned_ts) IS NOT NULL
)
SELECT proxy, 'session' AS kind, opened_ts AS start_ts, pinned_ts, end_ts FROM session
UNION ALL SELECT proxy, 'db', coalesce(opened_ts, (SELECT t FROM first)), NULL,
                 max(coalesce(closed_ts, (SELECT t FROM last)), coalesce(opened_ts, (SELECT t FROM first)))
          FROM proxy_db_connection;
