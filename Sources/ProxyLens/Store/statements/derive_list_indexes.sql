-- The derived tables' own indexes (not those behind their keys), with their tables and their
-- definitions as the migrations made them: deriving drops them while it refills the tables and
-- makes them again from these definitions after, as one sort each rather than one B-tree insert
-- per row (`invocation_request_id` included: schema 10).
SELECT name, tbl_name, sql FROM sqlite_master
WHERE type = 'index' AND sql IS NOT NULL
  AND tbl_name IN ('invocation', 'instance', 'invocation_error_line', 'proxy_session', 'proxy_db_connection')
ORDER BY name;
