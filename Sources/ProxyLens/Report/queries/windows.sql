-- name: windows
-- Failures per time window (aligned to the epoch, so 5-minute windows start on :00, :05, ...) and cause.
-- Parameters: :window_ms, :since, :until, :function.
SELECT (ts / :window_ms) * :window_ms AS window_start,
       cause,
       count(*) AS failures
FROM failure
WHERE (:since IS NULL OR ts >= :since) AND (:until IS NULL OR ts < :until) AND (:function IS NULL OR function = :function)
GROUP BY window_start, cause
ORDER BY window_start, failures DESC;
