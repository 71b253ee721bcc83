-- name: instance_failures
-- The failures of the instances a report lists, in time order, for the page's links from an
-- instance to its failures. Parameters: :instances (a JSON array of log stream names),
-- :since, :until, :function.
SELECT instance, request_id, ts, cause, confidence, message
FROM failure
WHERE instance IN (SELECT value FROM json_each(:instances))
  AND (:since IS NULL OR ts >= :since) AND (:until IS NULL OR ts < :until) AND (:function IS NULL OR function = :function)
ORDER BY instance, ts, request_id;
