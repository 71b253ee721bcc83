-- An invocation's candidate error lines are written again with it.
DELETE FROM invocation_error_line WHERE request_id = :request_id;
