-- proxylens schema 8: dedupe knows CloudWatch event ids.
--
-- Two events are the same event when their eventIds are equal (filter-log-events, the event
-- lines jq writes from it, subscription and Firehose payloads' "id"); events from a container
-- with no id (S3 exports, tail text, get-log-events, Logs Insights) are the same when stream,
-- time and message are. Identical lines logged in one millisecond with different eventIds are
-- distinct events (loops, retries, tracing), so the unique key gets a fourth column:
--   dedupe_slot = 0 for an event with no id,
--                 a 47-bit hash of the eventId (never 0) for an event with one.
-- An id-less copy of an event stored with an id is dropped (and the reverse: the id-less row
-- takes the id), which the writer checks only while the database holds events of both kinds.
-- The index is left to the writer, which builds it before the next events go in (a bulk load
-- may have left rows the new key must first reconcile); see Store/EventWriter.swift.
ALTER TABLE event ADD COLUMN dedupe_slot INTEGER NOT NULL DEFAULT 0;
DROP INDEX IF EXISTS event_dedupe;

-- What each file's duplicates were dropped by (events - events_added = their sum).
ALTER TABLE source ADD COLUMN dropped_same_event_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE source ADD COLUMN dropped_same_text INTEGER NOT NULL DEFAULT 0;
ALTER TABLE source ADD COLUMN dropped_reconciled INTEGER NOT NULL DEFAULT 0;

-- Which kinds of event the database holds: bit 1 events without an id, bit 2 events with one.
-- Reconciling across kinds is only needed when both are present.
INSERT INTO meta (key, value)
SELECT 'event_id_kinds', (CASE WHEN EXISTS (SELECT 1 FROM event WHERE event_id IS NULL) THEN 1 ELSE 0 END)
                       | (CASE WHEN EXISTS (SELECT 1 FROM event WHERE event_id IS NOT NULL) THEN 2 ELSE 0 END);
