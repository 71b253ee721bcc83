-- A request id met in two streams leaves two rows while `invocation_request_id` is down (deriving
-- drops it, schema 10): the row written last is kept, as INSERT OR REPLACE kept it when the id
-- was the table's key. Run only when building the unique index found such a pair.
DELETE FROM invocation WHERE rowid NOT IN (SELECT max(rowid) FROM invocation GROUP BY request_id);
