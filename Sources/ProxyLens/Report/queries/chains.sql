-- name: chains
-- Cause chains: connection timeouts (pool exhausted) and the pinning leaks that held the pool.
-- Parameters: :since, :until (ms, or NULL), :function (or NULL): the connection timeouts in the
-- selection, with every leak that held their pool (of any function: another function's leak can
-- exhaust the pool this one borrows from).
SELECT f.proxy AS proxy, count(DISTINCT l.request_id) AS connection_timeouts, count(DISTINCT l.caused_by) AS leaks,
       min(f.ts) AS first, max(f.ts) AS last
FROM failure_link l JOIN failure f ON f.request_id = l.request_id
WHERE (:since IS NULL OR f.ts >= :since) AND (:until IS NULL OR f.ts < :until) AND (:function IS NULL OR f.function = :function)
GROUP BY f.proxy
ORDER BY connection_timeouts DESC, proxy;
