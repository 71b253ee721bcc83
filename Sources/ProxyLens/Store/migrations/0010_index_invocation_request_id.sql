-- proxylens schema 10: an invocation's request id is unique by an index, `invocation_request_id`,
-- rather than by the table's primary key. Deriving drops the derived tables' own indexes while it
-- refills them and builds them after (one sort each): a primary key could not be dropped, and the
-- request id, a random UUID, was a B-tree insert per row into a key that outgrows the page cache
-- (writing the 1.2 M invocations of four times the benchmark corpus: 1.39 s at 1x, 8.39 s at 4x).
-- The table is rebuilt as SQLite's ALTER TABLE documentation describes; the legacy rename keeps
-- the views that name `invocation` (migration 0004) from being checked while it is missing.
PRAGMA legacy_alter_table = ON;
CREATE TABLE invocation_rekeyed (
    request_id TEXT NOT NULL,          -- unique: invocation_request_id
    function TEXT NOT NULL,            -- from the log group /aws/lambda/<function> or the function's LoggingConfig
    instance TEXT NOT NULL,            -- the log stream: one execution environment
    log_group TEXT,
    start_ts INTEGER,                  -- START / platform.start
    end_ts INTEGER,                    -- REPORT / platform.report (else the last line seen)
    duration_ms REAL,
    billed_ms INTEGER,
    init_ms REAL,                      -- Init Duration: set on a cold start
    memory_mb INTEGER,
    max_memory_mb INTEGER,
    status TEXT NOT NULL,              -- success | error | timeout
    error_type TEXT,                   -- REPORT Error Type, errorType, or the exception class
    error_message TEXT,                -- first lines of the unhandled error that failed it
    error_event_id INTEGER,            -- event.id of that error (or of the timeout line)
    cold_start INTEGER NOT NULL DEFAULT 0,
    seq INTEGER,                       -- 1 for the instance's first invocation, 2 for the next, ...
    idle_before_ms INTEGER,            -- time since the instance's previous invocation ended
    last_activity TEXT,                -- the last application line before it ended
    last_activity_ts INTEGER,
    txn_open INTEGER NOT NULL DEFAULT 0, -- 1 when its own log began a transaction it never finished
    events INTEGER NOT NULL DEFAULT 0,
    txn_begin_event_id INTEGER         -- event.id of the line that began that transaction
);
INSERT INTO invocation_rekeyed (
    request_id, function, instance, log_group, start_ts, end_ts, duration_ms, billed_ms, init_ms,
    memory_mb, max_memory_mb, status, error_type, error_message, error_event_id, cold_start, seq,
    idle_before_ms, last_activity, last_activity_ts, txn_open, events, txn_begin_event_id)
SELECT request_id, function, instance, log_group, start_ts, end_ts, duration_ms, billed_ms, init_ms,
    memory_mb, max_memory_mb, status, error_type, error_message, error_event_id, cold_start, seq,
    idle_before_ms, last_activity, last_activity_ts, txn_open, events, txn_begin_event_id
FROM invocation ORDER BY rowid;
DROP TABLE invocation;
ALTER TABLE invocation_rekeyed RENAME TO invocation;
PRAGMA legacy_alter_table = OFF;
CREATE UNIQUE INDEX invocation_request_id ON invocation(request_id);
CREATE INDEX invocation_instance ON invocation(instance, start_ts);
CREATE INDEX invocation_status ON invocation(status);
