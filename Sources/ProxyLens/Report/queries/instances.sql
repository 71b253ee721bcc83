-- name: instances
-- Failures per function instance (log stream) and cause.
-- Parameters: :since, :until, :function.
SELECT function, instance, cause, count(*) AS failures
FROM failure
WHERE (:since IS NULL OR ts >= :since) AND (:until IS NULL OR ts < :until) AND (:function IS NULL OR function = :function)
GROUP BY function, instance, cause
ORDER BY function, instance, failures DESC;
