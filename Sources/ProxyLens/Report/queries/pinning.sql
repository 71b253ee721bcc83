-- name: pinning
-- Pinning leaderboard: pin reasons and digests by proxy, with how many sessions each pinned.
SELECT proxy, pin_reason, pin_digest, count(*) AS sessions, min(pinned_ts) AS first, max(pinned_ts) AS last
FROM proxy_session
WHERE pinned_ts IS NOT NULL
GROUP BY proxy, pin_reason, pin_digest
ORDER BY sessions DESC, proxy, pin_reason, pin_digest;
