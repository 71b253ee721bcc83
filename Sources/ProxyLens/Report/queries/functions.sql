-- name: functions
-- Per function: its invocations (cause NULL) and its failures per cause.
-- Parameters: :since, :until, :function.
-- Without a time range the invocations are the per-instance totals deriving keeps (one row per
-- execution environment instead of every invocation); with one, they are counted. Each branch's
-- condition on the parameters alone is tested once, before its table is read.
SELECT function, NULL AS cause, sum(invocations) AS n
FROM instance
WHERE :since IS NULL AND :until IS NULL AND (:function IS NULL OR function = :function)
GROUP BY function
UNION ALL
SELECT function, NULL AS cause, count(*) AS n
FROM invocation
WHERE (:since IS NOT NULL OR :until IS NOT NULL)
  AND (:since IS NULL OR coalesce(start_ts, end_ts) >= :since) AND (:until IS NULL OR coalesce(start_ts, end_ts) < :until)
  AND (:function IS NULL OR function = :function)
GROUP BY function
UNION ALL
SELECT function, cause, count(*)
FROM failure
WHERE (:since IS NULL OR ts >= :since) AND (:until IS NULL OR ts < :until) AND (:function IS NULL OR function = :function)
GROUP BY function, cause
ORDER BY 1, 2;
