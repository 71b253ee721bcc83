-- One instance (log stream), with the totals counted while its invocations were written.
INSERT INTO instance (function, instance, log_group, first_ts, last_ts, invocations, cold_starts, failures)
VALUES (:function, :instance, :log_group, :first_ts, :last_ts, :invocations, :cold_starts, :failures);
