-- The instance rows by definition: one per instance, totalled from its invocations. Used when
-- the totals counted while writing no longer hold (a request id in two streams).
INSERT INTO instance (function, instance, log_group, first_ts, last_ts, invocations, cold_starts, failures)
SELECT function, instance, max(log_group), min(coalesce(start_ts, end_ts)), max(end_ts), count(*), sum(cold_start),
       sum(status IN ('error', 'timeout'))
FROM invocation GROUP BY instance;
