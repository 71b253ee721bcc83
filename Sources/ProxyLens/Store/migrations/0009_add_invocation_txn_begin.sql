-- The line that began the transaction an invocation left open (txn_open = 1), recorded while
-- deriving: classifying names it as a leak's evidence without searching `event` for it (a search
-- by stream and time that, after a bulk load, had no index to use).
ALTER TABLE invocation ADD COLUMN txn_begin_event_id INTEGER;  -- event.id of that line

-- Derived before this column existed: derive again at the next run.
INSERT INTO meta (key, value) VALUES ('derived_stale', '1') ON CONFLICT(key) DO UPDATE SET value = '1';
