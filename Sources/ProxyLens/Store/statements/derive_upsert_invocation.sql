-- One invocation (Model/Invocation.swift lists these columns in this order). A request id met
-- in two streams: the row written later replaces the other.
INSERT OR REPLACE INTO invocation (
    request_id, function, instance, log_group, start_ts, end_ts, duration_ms, billed_ms, init_ms,
    memory_mb, max_memory_mb, status, error_type, error_message, error_event_id, cold_start, seq,
    idle_before_ms, last_activity, last_activity_ts, txn_open, events, txn_begin_event_id)
VALUES (
    :request_id, :function, :instance, :log_group, :start_ts, :end_ts, :duration_ms, :billed_ms, :init_ms,
    :memory_mb, :max_memory_mb, :status, :error_type, :error_message, :error_event_id, :cold_start, :seq,
    :idle_before_ms, :last_activity, :last_activity_ts, :txn_open, :events, :txn_begin_event_id);
