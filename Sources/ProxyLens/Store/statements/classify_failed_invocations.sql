-- The invocations to label: failed ones, and those whose end was not seen but that logged a
-- line that may carry an error. The time of the error line first, then the invocation's columns
-- in Model/Invocation.swift's order.
SELECT e.ts,
       i.request_id, i.function, i.instance, i.log_group, i.start_ts, i.end_ts, i.duration_ms, i.billed_ms, i.init_ms,
       i.memory_mb, i.max_memory_mb, i.status, i.error_type, i.error_message, i.error_event_id, i.cold_start, i.seq,
       i.idle_before_ms, i.last_activity, i.last_activity_ts, i.txn_open, i.events, i.txn_begin_event_id
FROM invocation i LEFT JOIN event e ON e.id = i.error_event_id
WHERE i.status IN ('error', 'timeout')
   OR (i.status = 'incomplete' AND EXISTS (SELECT 1 FROM invocation_error_line l WHERE l.request_id = i.request_id))
ORDER BY coalesce(e.ts, i.end_ts), i.request_id;
