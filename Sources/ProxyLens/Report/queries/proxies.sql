-- name: proxies
-- Per proxy: the failures of the functions that use it, per cause (failure.proxy: the proxy a
-- function's configuration or the correlation named). Parameters: :since, :until, :function.
SELECT proxy, cause, count(*) AS failures
FROM failure
WHERE proxy IS NOT NULL
  AND (:since IS NULL OR ts >= :since) AND (:until IS NULL OR ts < :until) AND (:function IS NULL OR function = :function)
GROUP BY proxy, cause
ORDER BY proxy, failures DESC;
