-- The derived tables no longer follow from `event` (events added or removed, configuration
-- changed): the next ingest or analyze rebuilds them.
INSERT INTO meta (key, value) VALUES ('derived_stale', '1') ON CONFLICT(key) DO UPDATE SET value = '1';
