-- proxylens schema 2: what `classify` writes. A re-run replaces every row.

-- One row per failed invocation (invocation.status in error, timeout).
CREATE TABLE failure (
    request_id TEXT PRIMARY KEY,
    function TEXT NOT NULL,
    instance TEXT NOT NULL,            -- the log stream
    ts INTEGER NOT NULL,               -- when it failed: the error line, else the end of the invocation
    cause TEXT NOT NULL,               -- stale-connection | query-timeout | connection-timeout |
                                       -- lambda-timeout-pinning-leak | unclassified
    confidence REAL NOT NULL,          -- 0..1
    rule TEXT NOT NULL,                -- the signature or correlation rule that decided it
    signal TEXT,                       -- what the error text alone said (stale, query-timeout, ...)
    evidence TEXT NOT NULL,            -- JSON array: "event:<id>", "proxy-session:<proxy>/<client>", "proxy-db-connection:<proxy>/<db>", ...
    detail TEXT,                       -- driver error code, SQLSTATE or error number, when there is one
    fingerprint TEXT,                  -- the error message with ids, numbers, addresses and durations masked
    message TEXT,                      -- the error text (first 2000 characters)
    proxy TEXT,                        -- the proxy the function uses, when known
    caused_by TEXT                     -- JSON array of request ids of the leaks that held the pool (borrow timeouts)
);
CREATE INDEX failure_cause ON failure(cause, ts);
CREATE INDEX failure_instance ON failure(instance);

-- Cause chains: a borrow timeout (failure) and the pinning leaks holding the pool at that moment.
CREATE TABLE failure_link (
    request_id TEXT NOT NULL,          -- the failure that was caused
    caused_by TEXT NOT NULL,           -- the leak that caused it
    PRIMARY KEY (request_id, caused_by)
);

CREATE VIEW failure_iso AS
    SELECT request_id, function, instance, strftime('%Y-%m-%dT%H:%M:%fZ', ts / 1000.0, 'unixepoch') AS time,
           cause, confidence, rule, detail, evidence, fingerprint, message
    FROM failure;
