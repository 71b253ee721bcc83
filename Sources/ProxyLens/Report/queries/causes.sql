-- name: causes
-- Causes ranked by failures, with their share, instances affected, first/last time and mean confidence.
-- Parameters: :since, :until (ms, or NULL), :function (or NULL).
SELECT cause,
       count(*) AS failures,
       round(1.0 * count(*) / (SELECT count(*) FROM failure
                               WHERE (:since IS NULL OR ts >= :since) AND (:until IS NULL OR ts < :until)
                                 AND (:function IS NULL OR function = :function)), 4) AS share,
       count(DISTINCT instance) AS instances,
       min(ts) AS first,
       max(ts) AS last,
       round(avg(confidence), 3) AS mean_confidence
FROM failure
WHERE (:since IS NULL OR ts >= :since) AND (:until IS NULL OR ts < :until) AND (:function IS NULL OR function = :function)
GROUP BY cause
ORDER BY failures DESC, CASE cause WHEN 'stale-connection' THEN 0 WHEN 'query-timeout' THEN 1 WHEN 'connection-timeout' THEN 2
                                   WHEN 'lambda-timeout-pinning-leak' THEN 3 ELSE 4 END;
