-- The derived tables are current; their version goes up by one (labels made from an older
-- version are stale).
UPDATE meta SET value = '0' WHERE key = 'derived_stale';
INSERT INTO meta (key, value) VALUES ('derived_version', '1')
ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;
