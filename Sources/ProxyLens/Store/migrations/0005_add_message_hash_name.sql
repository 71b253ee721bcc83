-- proxylens schema 5: event.msg_hash of new databases is XXH64 (eight bytes at a time) rather
-- than FNV-1a. A database that already holds events keeps FNV-1a, so that events ingested into it
-- later still match their duplicates. meta.msg_hash names the function in use.
INSERT INTO meta (key, value)
SELECT 'msg_hash', CASE WHEN EXISTS (SELECT 1 FROM event) THEN 'fnv1a-64' ELSE 'xxh64' END;
