-- One line that may carry a failed (or incomplete) invocation's error.
INSERT OR IGNORE INTO invocation_error_line (request_id, event_id) VALUES (:request_id, :event_id);
