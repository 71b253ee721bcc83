-- One database connection an RDS Proxy opened, from its log lines.
INSERT INTO proxy_db_connection (proxy, log_group, db_connection, opened_ts, closed_ts, close_reason, mid_request, released_ts, close_event_id)
VALUES (:proxy, :log_group, :db_connection, :opened_ts, :closed_ts, :close_reason, :mid_request, :released_ts, :close_event_id);
