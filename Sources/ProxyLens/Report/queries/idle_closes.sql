-- name: idle_closes
-- Per proxy: the IdleClientTimeout the pressure series ends unclosed sessions with (from the
-- ingested describe-db-proxies, else AWS's default :default_idle_s), whether it came from the
-- configuration, and how many sessions the proxy never logged closing were ended by it before
-- the last proxy line (the rest are open until the logs end). Parameters: :default_idle_s.
WITH last AS (
    SELECT max(t) AS t FROM (
        SELECT max(coalesce(closed_ts, pinned_ts, opened_ts)) AS t FROM proxy_session
        UNION ALL SELECT max(coalesce(closed_ts, released_ts, opened_ts)) FROM proxy_db_connection)
)
SELECT s.proxy,
       coalesce(c.idle_client_timeout_s, :default_idle_s) AS idle_client_timeout_s,
       c.idle_client_timeout_s IS NOT NULL AS from_configuration,
       sum(s.closed_ts IS NULL
           AND max(coalesce(s.pinned_ts, s.opened_ts), coalesce(s.opened_ts, s.pinned_ts))
               + coalesce(c.idle_client_timeout_s, :default_idle_s) * 1000 < (SELECT t FROM last)) AS ended_at_timeout,
       sum(s.pinned_ts IS NOT NULL AND s.closed_ts IS NULL
           AND max(s.pinned_ts, coalesce(s.opened_ts, s.pinned_ts))
               + coalesce(c.idle_client_timeout_s, :default_idle_s) * 1000 < (SELECT t FROM last)) AS pinned_ended_at_timeout
FROM proxy_session s LEFT JOIN proxy_config c ON c.proxy = s.proxy
WHERE coalesce(s.opened_ts, s.pinned_ts) IS NOT NULL
GROUP BY s.proxy
ORDER BY s.proxy;
