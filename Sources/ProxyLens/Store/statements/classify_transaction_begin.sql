-- The line that began the transaction a timed-out invocation left open: the last begin marker
-- of its stream between its start and its end.
SELECT id FROM event
WHERE log_stream = :stream AND ts BETWEEN :start_ts AND :end_ts AND txn_effect = 1
ORDER BY ts DESC, id DESC LIMIT 1;
