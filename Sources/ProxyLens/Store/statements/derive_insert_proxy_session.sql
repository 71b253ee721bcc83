-- One client connection of an RDS Proxy, from its log lines.
INSERT INTO proxy_session (
    proxy, log_group, client_connection, endpoint, opened_ts, client_address, client_ip, auth_user,
    pinned_ts, pin_reason, pin_digest, db_connection, closed_ts, close_reason, close_kind, first_event_id, close_event_id)
VALUES (
    :proxy, :log_group, :client_connection, :endpoint, :opened_ts, :client_address, :client_ip, :auth_user,
    :pinned_ts, :pin_reason, :pin_digest, :db_connection, :closed_ts, :close_reason, :close_kind, :first_event_id, :close_event_id);
