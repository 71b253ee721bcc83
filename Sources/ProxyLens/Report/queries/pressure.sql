-- name: pressure
-- Proxy pressure per bin and proxy: the most client sessions, pinned sessions and database
-- connections open at once within the bin, and the borrow timeouts (failures whose error is the
-- proxy's "Timed-out waiting to acquire database connection") in it.
-- Parameters: :window_ms (bin width), :first_bin and :last_bin (bin b covers [b * :window_ms,
-- (b + 1) * :window_ms), epoch-aligned), :default_idle_ms (AWS's IdleClientTimeout default, for
-- proxies whose configuration was not ingested), :since, :until, :function (borrow timeouts only,
-- as for every failure the report counts).
--
-- A session the proxy never logged closing ends IdleClientTimeout after the last thing the
-- proxy logged of it (connect or pin), or at the last proxy line if that comes first: the proxy
-- closes an idle client connection at that timeout, and a Lambda that timed out mid-transaction
-- sends nothing more. A database connection whose opening is not in the logs counts from the
-- first proxy line, one never closed until the last.
-- Peaks rather than "open at some time in the bin": with bins of days, sessions of a minute each
-- that never overlapped would otherwise add up to thousands. Changes are summed per timestamp,
-- a running sum gives the level after each, and a bin's peak is the highest of its level on
-- entry and the levels after its own changes (grouped, not looked up again for every bin).
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
session AS (
    SELECT s.proxy, s.opened_ts, s.pinned_ts,
           max(coalesce(s.pinned_ts, s.opened_ts), coalesce(s.closed_ts, min(
               (SELECT t FROM last),
               max(coalesce(s.pinned_ts, s.opened_ts), coalesce(s.opened_ts, s.pinned_ts))
                 + coalesce(c.idle_client_timeout_s * 1000, :default_idle_ms)))) AS end_ts
    FROM proxy_session s LEFT JOIN proxy_config c ON c.proxy = s.proxy
    WHERE coalesce(s.opened_ts, s.pinned_ts) IS NOT NULL
),
change(proxy, ts, client, pinned, db) AS (
    SELECT proxy, opened_ts, 1, 0, 0 FROM session WHERE opened_ts IS NOT NULL
    UNION ALL SELECT proxy, end_ts, -1, 0, 0 FROM session WHERE opened_ts IS NOT NULL
    UNION ALL SELECT proxy, pinned_ts, 0, 1, 0 FROM session WHERE pinned_ts IS NOT NULL
    UNION ALL SELECT proxy, end_ts, 0, -1, 0 FROM session WHERE pinned_ts IS NOT NULL
    UNION ALL SELECT proxy, coalesce(opened_ts, (SELECT t FROM first)), 0, 0, 1 FROM proxy_db_connection
    UNION ALL SELECT proxy, max(coalesce(closed_ts, (SELECT t FROM last)), coalesce(opened_ts, (SELECT t FROM first))), 0, 0, -1
              FROM proxy_db_connection
),
at_ts AS (
    SELECT proxy, ts, sum(client) AS client, sum(pinned) AS pinned, sum(db) AS db
    FROM change WHERE ts / :window_ms <= :last_bin GROUP BY proxy, ts
),
level AS (
    SELECT proxy, ts, sum(client) OVER running AS client, sum(pinned) OVER running AS pinned, sum(db) OVER running AS db
    FROM at_ts WINDOW running AS (PARTITION BY proxy ORDER BY ts)
),
-- The highest level after a change inside each bin of the span.
inside AS (
    SELECT proxy, ts / :window_ms AS bin, max(client) AS client, max(pinned) AS pinned, max(db) AS db
    FROM level WHERE ts / :window_ms >= :first_bin GROUP BY proxy, bin
),
-- Each bin's net change; changes before the span land in the bin before it.
net AS (
    SELECT proxy, max(ts / :window_ms, :first_bin - 1) AS bin, sum(client) AS client, sum(pinned) AS pinned, sum(db) AS db
    FROM at_ts GROUP BY proxy, bin
),
borrow AS (
    SELECT proxy, ts / :window_ms AS bin, count(*) AS n
    FROM failure
    WHERE signal = 'borrow-timeout' AND proxy IS NOT NULL AND ts / :window_ms BETWEEN :first_bin AND :last_bin
      AND (:since IS NULL OR ts >= :since) AND (:until IS NULL OR ts < :until) AND (:function IS NULL OR function = :function)
    GROUP BY proxy, bin
),
bins(bin) AS (
    SELECT :first_bin - 1 UNION ALL SELECT bin + 1 FROM bins WHERE bin < :last_bin
),
proxies AS (SELECT proxy FROM at_ts UNION SELECT proxy FROM borrow),
-- The level on leaving each bin: a running sum of the net changes.
leaving AS (
    SELECT b.bin, p.proxy,
           sum(coalesce(n.client, 0)) OVER running AS client,
           sum(coalesce(n.pinned, 0)) OVER running AS pinned,
           sum(coalesce(n.db, 0)) OVER running AS db
    FROM bins b CROSS JOIN proxies p LEFT JOIN net n ON n.proxy = p.proxy AND n.bin = b.bin
    WINDOW running AS (PARTITION BY p.proxy ORDER BY b.bin)
)
SELECT here.bin * :window_ms AS bin_start, here.proxy,
       max(before.client, coalesce(i.client, 0)) AS client_sessions,
       max(before.pinned, coalesce(i.pinned, 0)) AS pinned_sessions,
       max(before.db, coalesce(i.db, 0)) AS db_connections,
       coalesce(borrow.n, 0) AS borrow_timeouts
FROM leaving here
JOIN leaving before ON before.proxy = here.proxy AND before.bin = here.bin - 1
LEFT JOIN inside i ON i.proxy = here.proxy AND i.bin = here.bin
LEFT JOIN borrow ON borrow.proxy = here.proxy AND borrow.bin = here.bin
ORDER BY here.bin, here.proxy;
