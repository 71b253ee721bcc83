-- Every line that may carry an invocation's error, by invocation, in time order.
SELECT l.request_id, e.id, e.kind, e.message
FROM invocation_error_line l JOIN event e ON e.id = l.event_id
ORDER BY l.request_id, e.ts, e.id;
