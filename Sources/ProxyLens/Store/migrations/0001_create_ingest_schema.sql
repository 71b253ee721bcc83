-- proxylens schema 1: what `ingest` writes.
-- Conventions: tables are singular; times are INTEGER milliseconds since the Unix epoch, UTC;
-- the views named *_iso show the same rows with ISO-8601 text times.

-- One input file (or stdin) that was read. A file whose sha256 is already here is skipped.
CREATE TABLE source (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,                -- as given on the command line ('-' for stdin)
    container TEXT NOT NULL,           -- filter-log-events, get-log-events, s3-export, subscription,
                                       -- insights-query-results, insights-console-json, insights-csv,
                                       -- tail-detailed, tail-short, proxy-text, config-*, export-tasks
    log_group TEXT,                    -- the group its events belong to, when one group (else NULL)
    log_group_origin TEXT,             -- container | option | export-task | path (a guess from the file's path)
    sha256 TEXT NOT NULL,              -- of the file's bytes as stored (compressed if .gz)
    bytes INTEGER NOT NULL,            -- size of the file as stored
    mtime INTEGER,                     -- file modification time (ms), to skip unchanged files without hashing
    events INTEGER NOT NULL,           -- log events read from it (before dedupe)
    events_added INTEGER NOT NULL DEFAULT 0, -- events that were new to this database
    compressed INTEGER NOT NULL DEFAULT 0,   -- 1 when it was gzip
    export_task_id TEXT,               -- CreateExportTask id found in its path, if any
    complete INTEGER NOT NULL DEFAULT 1,     -- 0 when part of it could not be read (see ingest_error)
    ingested_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX source_sha256 ON source(sha256);
CREATE INDEX source_path ON source(path, bytes, mtime);

-- Every log event once, its message verbatim, with where it came from and what kind of line it is.
CREATE TABLE event (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES source(id),
    log_group TEXT,                    -- /aws/lambda/<function>, /aws/rds/proxy/<proxy>, ...
    log_stream TEXT NOT NULL,          -- for Lambda: one function instance (execution environment)
    ts INTEGER NOT NULL,               -- CloudWatch event timestamp
    ingestion_ts INTEGER,              -- CloudWatch ingestion time, when the export has it
    event_id TEXT,                     -- CloudWatch eventId (a ~56-digit decimal string), when exported
    message TEXT NOT NULL,             -- exactly as exported (invalid UTF-8 replaced by U+FFFD)
    source_line INTEGER,               -- 1-based line of the event in a text container
    source_offset INTEGER,             -- byte offset of the event in the (decompressed) input
    msg_hash INTEGER NOT NULL,         -- 64-bit hash of the message without trailing white space (dedupe)
    kind TEXT NOT NULL,                -- what the line is: start, end, report, init_start, init_report,
                                       -- xray, timeout, runtime_exit, platform_*, app, app_error,
                                       -- proxy, other (see ARCHITECTURE.md)
    request_id TEXT,                   -- Lambda request id the line names, if any
    level TEXT,                        -- app or proxy log level (INFO, WARN, ERROR, fail, ...)
    proxy_ts INTEGER,                  -- RDS Proxy lines: the time embedded in the message (lags ts by up to ~5 s)
    client_connection INTEGER,         -- RDS Proxy [clientConnection=N]
    db_connection INTEGER              -- RDS Proxy [dbConnection=N] (tag or inside a pinning message)
);
-- Dedupe: overlapping pages and two exports of the same events collapse to one row.
CREATE UNIQUE INDEX event_dedupe ON event(log_stream, ts, msg_hash);

-- A problem with one input: the run went on with the rest.
CREATE TABLE ingest_error (
    id INTEGER PRIMARY KEY,
    source_id INTEGER REFERENCES source(id),
    path TEXT NOT NULL,
    line INTEGER,                      -- 1-based line (or the line the byte offset falls on)
    offset INTEGER,                    -- byte offset in the decompressed input, when known
    reason TEXT NOT NULL,
    excerpt TEXT,                      -- a short, escaped piece of the bad input
    created_at INTEGER NOT NULL
);

-- One Lambda invocation (derived from the events after every ingest).
CREATE TABLE invocation (
    request_id TEXT PRIMARY KEY,
    function TEXT NOT NULL,            -- from the log group /aws/lambda/<function> or the function's LoggingConfig
    instance TEXT NOT NULL,            -- the log stream: one execution environment
    log_group TEXT,
    start_ts INTEGER,                  -- START / platform.start
    end_ts INTEGER,                    -- REPORT / platform.report (else the last line seen)
    duration_ms REAL,
    billed_ms INTEGER,
    init_ms REAL,                      -- Init Duration: set on a cold start
    memory_mb INTEGER,
    max_memory_mb INTEGER,
    status TEXT NOT NULL,              -- success | error | timeout
    error_type TEXT,                   -- REPORT Error Type, errorType, or the exception class
    error_message TEXT,                -- first lines of the unhandled error that failed it
    error_event_id INTEGER,            -- event.id of that error (or of the timeout line)
    cold_start INTEGER NOT NULL DEFAULT 0,
    seq INTEGER,                       -- 1 for the instance's first invocation, 2 for the next, ...
    idle_before_ms INTEGER,            -- time since the instance's previous invocation ended
    last_activity TEXT,                -- the last application line before it ended
    last_activity_ts INTEGER,
    txn_open INTEGER NOT NULL DEFAULT 0, -- 1 when its own log began a transaction it never finished
    events INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX invocation_instance ON invocation(instance, start_ts);
CREATE INDEX invocation_status ON invocation(status);

-- One Lambda execution environment (log stream).
CREATE TABLE instance (
    function TEXT NOT NULL,
    instance TEXT PRIMARY KEY,
    log_group TEXT,
    first_ts INTEGER,
    last_ts INTEGER,
    invocations INTEGER NOT NULL,
    cold_starts INTEGER NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0
);

-- One client connection to an RDS Proxy, from its connect, auth, pin and close lines.
CREATE TABLE proxy_session (
    proxy TEXT NOT NULL,               -- the proxy's name (resolved against describe-db-proxies when ingested)
    log_group TEXT,
    client_connection INTEGER NOT NULL,
    endpoint TEXT,                     -- [proxyEndpoint=...] (default)
    opened_ts INTEGER,                 -- proxy-embedded time of 'A new client connected'
    client_address TEXT,               -- ip:port the client connected from (a Lambda ENI)
    client_ip TEXT,
    auth_user TEXT,
    pinned_ts INTEGER,                 -- first pinning WARN
    pin_reason TEXT,
    pin_digest TEXT,
    db_connection INTEGER,             -- the database connection it was pinned to
    closed_ts INTEGER,
    close_reason TEXT,
    close_kind TEXT,                   -- idle-timeout | client-requested | tcp-closed | other
    first_event_id INTEGER,
    close_event_id INTEGER,
    PRIMARY KEY (proxy, client_connection)
);
CREATE INDEX proxy_session_closed ON proxy_session(closed_ts);

-- One database connection held by an RDS Proxy.
CREATE TABLE proxy_db_connection (
    proxy TEXT NOT NULL,
    log_group TEXT,
    db_connection INTEGER NOT NULL,
    opened_ts INTEGER,
    closed_ts INTEGER,
    close_reason TEXT,
    mid_request INTEGER NOT NULL DEFAULT 0, -- 1 when the borrowing client closed in the middle of a request
    released_ts INTEGER,               -- last 'released to the connection pool upon session reset'
    close_event_id INTEGER,
    PRIMARY KEY (proxy, db_connection)
);

-- describe-db-proxies
CREATE TABLE proxy_config (
    proxy TEXT PRIMARY KEY,
    engine_family TEXT,                -- MYSQL | POSTGRESQL | SQLSERVER (as exported)
    endpoint TEXT,
    idle_client_timeout_s INTEGER,
    require_tls INTEGER,
    debug_logging INTEGER,
    auth_users TEXT,                   -- comma-separated Auth[].UserName
    source_id INTEGER REFERENCES source(id)
);

-- describe-db-proxy-target-groups
CREATE TABLE proxy_target_group (
    proxy TEXT NOT NULL,
    target_group TEXT NOT NULL,
    is_default INTEGER,
    max_connections_percent INTEGER,
    max_idle_connections_percent INTEGER,
    connection_borrow_timeout_s INTEGER,
    init_query TEXT,
    session_pinning_filters TEXT,
    source_id INTEGER REFERENCES source(id),
    PRIMARY KEY (proxy, target_group)
);

-- get-function-configuration (and get-function-concurrency)
CREATE TABLE function_config (
    function TEXT PRIMARY KEY,
    runtime TEXT,
    timeout_s INTEGER,
    memory_mb INTEGER,
    log_format TEXT,                   -- Text | JSON
    log_group TEXT,                    -- LoggingConfig.LogGroup, else /aws/lambda/<function>
    environment TEXT,                  -- Environment.Variables as JSON
    reserved_concurrency INTEGER,      -- from get-function-concurrency, when ingested
    last_modified TEXT,
    source_id INTEGER REFERENCES source(id)
);

-- describe-export-tasks: names the log group of each CreateExportTask folder.
CREATE TABLE export_task (
    task_id TEXT PRIMARY KEY,
    task_name TEXT,
    log_group TEXT,
    destination TEXT,
    destination_prefix TEXT,
    from_ts INTEGER,
    to_ts INTEGER,
    status TEXT
);

-- Small facts about the database itself (e.g. whether derived tables need rebuilding).
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);

CREATE VIEW event_iso AS
    SELECT id, source_id, log_group, log_stream,
           strftime('%Y-%m-%dT%H:%M:%fZ', ts / 1000.0, 'unixepoch') AS time,
           kind, request_id, level, message
    FROM event;

CREATE VIEW invocation_iso AS
    SELECT request_id, function, instance,
           strftime('%Y-%m-%dT%H:%M:%fZ', start_ts / 1000.0, 'unixepoch') AS start_time,
           strftime('%Y-%m-%dT%H:%M:%fZ', end_ts / 1000.0, 'unixepoch') AS end_time,
           duration_ms, billed_ms, init_ms, memory_mb, max_memory_mb, status, error_type, error_message,
           cold_start, idle_before_ms, txn_open
    FROM invocation;

CREATE VIEW proxy_session_iso AS
    SELECT proxy, client_connection, client_address,
           strftime('%Y-%m-%dT%H:%M:%fZ', opened_ts / 1000.0, 'unixepoch') AS opened_time,
           strftime('%Y-%m-%dT%H:%M:%fZ', pinned_ts / 1000.0, 'unixepoch') AS pinned_time,
           pin_reason, pin_digest, db_connection,
           strftime('%Y-%m-%dT%H:%M:%fZ', closed_ts / 1000.0, 'unixepoch') AS closed_time,
           close_reason
    FROM proxy_session;
