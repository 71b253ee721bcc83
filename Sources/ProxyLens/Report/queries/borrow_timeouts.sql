-- name: borrow_timeouts
-- Borrow timeouts per proxy and bin of the pressure series: failures whose error is the proxy's
-- "Timed-out waiting to acquire database connection", counted as every failure the report counts
-- (within --since, --until and --function).
-- Parameters: :window_ms (bin width), :first_bin and :last_bin (bin b covers [b * :window_ms,
-- (b + 1) * :window_ms), epoch-aligned), :since, :until, :function.
SELECT proxy, ts / :window_ms AS bin, count(*) AS n
FROM failure
WHERE signal = 'borrow-timeout' AND proxy IS NOT NULL AND ts / :window_ms BETWEEN :first_bin AND :last_bin
  AND (:since IS NULL OR ts >= :since) AND (:until IS NULL OR ts < :until) AND (:function IS NULL OR function = :function)
GROUP BY proxy, bin;
