-- Deriving rebuilds these tables from `event` as a whole: they are emptied first.
DELETE FROM invocation;
DELETE FROM instance;
DELETE FROM proxy_session;
DELETE FROM proxy_db_connection;
DELETE FROM invocation_error_line;
