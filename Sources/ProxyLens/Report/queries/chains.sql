-- name: chains
-- Cause chains: connection timeouts (pool exhausted) and the pinning leaks that held the pool.
SELECT f.proxy AS proxy, count(DISTINCT l.request_id) AS connection_timeouts, count(DISTINCT l.caused_by) AS leaks,
       min(f.ts) AS first, max(f.ts) AS last
FROM failure_link l JOIN failure f ON f.request_id = l.request_id
GROUP BY f.proxy
ORDER BY connection_timeouts DESC, proxy;
