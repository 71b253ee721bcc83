-- The proxies' client connections, as the correlation rules read them.
SELECT proxy, client_connection, opened_ts, pinned_ts, db_connection, closed_ts, close_kind, close_event_id
FROM proxy_session ORDER BY opened_ts;
