-- name: functions
-- Per function: its invocations (cause NULL) and its failures per cause.
-- Parameters: :since, :until, :function.
SELECT function, NULL AS cause, count(*) AS n
FROM invocation
WHERE (:since IS NULL OR coalesce(start_ts, end_ts) >= :since) AND (:until IS NULL OR coalesce(start_ts, end_ts) < :until)
  AND (:function IS NULL OR function = :function)
GROUP BY function
UNION ALL
SELECT function, cause, count(*)
FROM failure
WHERE (:since IS NULL OR ts >= :since) AND (:until IS NULL OR ts < :until) AND (:function IS NULL OR function = :function)
GROUP BY function, cause
ORDER BY 1, 2;
