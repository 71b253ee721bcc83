-- proxylens schema 6: the lines that may carry a failed invocation's error.
--
-- A runtime's own summary ("Runtime.ExitError", "Process exited before completing request")
-- rarely says what went wrong; the driver's error is often an earlier line: logged at ERROR
-- level, printed with no request id (Go's log, System.out, a custom runtime), or logged while
-- the environment initialised. Deriving records, for each failed invocation, every such line of
-- its stream between its start and end (and those of the init phase before it), up to 64, so
-- that classifying can choose the most specific database error among them.

CREATE TABLE invocation_error_line (
    request_id TEXT NOT NULL,           -- invocation.request_id
    event_id INTEGER NOT NULL,          -- event.id of the line
    PRIMARY KEY (request_id, event_id)
) WITHOUT ROWID;
