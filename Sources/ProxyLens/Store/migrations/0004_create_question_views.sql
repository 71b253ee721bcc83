-- proxylens schema 4: views for the questions engineers ask most.

-- Failures per function instance and 5-minute window (aligned to the epoch), by cause.
CREATE VIEW failure_by_instance_window AS
    SELECT function, instance,
           strftime('%Y-%m-%dT%H:%M:%SZ', (ts / 300000) * 300, 'unixepoch') AS window_start,
           cause, count(*) AS failures
    FROM failure
    GROUP BY function, instance, ts / 300000, cause;

-- Proxy sessions pinned per minute (by the proxy-embedded time of the pinning line), by reason.
CREATE VIEW pinned_sessions_per_minute AS
    SELECT proxy, strftime('%Y-%m-%dT%H:%M:00Z', (pinned_ts / 60000) * 60, 'unixepoch') AS minute,
           pin_reason, count(*) AS sessions
    FROM proxy_session
    WHERE pinned_ts IS NOT NULL
    GROUP BY proxy, pinned_ts / 60000, pin_reason;

-- For each failure, the invocations of the same instance just before and after it (up to 3 each way):
-- what the execution environment did around the failure.
CREATE VIEW invocation_around_failure AS
    SELECT f.request_id AS failure_request_id, f.cause, i.seq - fi.seq AS offset, i.request_id, i.status,
           strftime('%Y-%m-%dT%H:%M:%fZ', i.start_ts / 1000.0, 'unixepoch') AS start_time,
           i.duration_ms, i.cold_start, i.idle_before_ms, i.error_type
    FROM failure f
    JOIN invocation fi ON fi.request_id = f.request_id
    JOIN invocation i ON i.instance = fi.instance AND i.seq BETWEEN fi.seq - 3 AND fi.seq + 3;
