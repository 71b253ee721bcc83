-- name: pinning
-- Pinning leaderboard: pin reasons and digests by proxy, with how many sessions each pinned.
-- Parameters: :since, :until (ms, or NULL): sessions pinned in that time; :function (or NULL):
-- only the proxies that function's failures went through (a proxy session names no function).
SELECT proxy, pin_reason, pin_digest, count(*) AS sessions, min(pinned_ts) AS first, max(pinned_ts) AS last
FROM proxy_session
WHERE pinned_ts IS NOT NULL
  AND (:since IS NULL OR pinned_ts >= :since) AND (:until IS NULL OR pinned_ts < :until)
  AND (:function IS NULL OR proxy IN (SELECT proxy FROM failure WHERE function = :function AND proxy IS NOT NULL))
GROUP BY proxy, pin_reason, pin_digest
ORDER BY sessions DESC, proxy, pin_reason, pin_digest;
