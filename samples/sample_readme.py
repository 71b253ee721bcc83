"""Writes samples/README.md from what the five builders returned (make_samples.py runs them first)."""

import os
import zlib

from sample_model import ACCOUNT, REGION, SQL_DIGEST


def incident_row(root, p, summary):
    if p.startswith("incident/cloudwatch/lambda/"):
        return ("inventory-api, `aws logs filter-log-events` page" + (" (gzipped)" if p.endswith(".gz") else ""),
                "1a, 2 (Python text)", "events (stream, timestamp, message, eventId); the two exports overlap (09:14:55-09:15:20): dedupe on eventId")
    if p.startswith("incident/cloudwatch/rds-proxy/"):
        return ("inventory-pg-proxy, `aws logs filter-log-events` page", "1a, 3",
                "proxy lines from two 32-hex streams; embedded time 0.5-5 s behind the event timestamp; client/db connection ids")
    if p == "incident/proxy-journal.log":
        return ("journal-sql-proxy, `aws logs tail --format detailed` (no colour)", "1f, 3",
                "'<ts+00:00> <stream> <message>' lines; SQL Server pins (SET digest), idle closes, borrow-blocking leaks")
    if p.startswith("incident/firehose/"):
        raw = open(os.path.join(root, p), "rb").read()
        members, d = 0, raw
        while d:
            do = zlib.decompressobj(31)
            do.decompress(d)
            d = do.unused_data
            members += 1
        text = zlib.decompressobj(31).decompress(raw).decode("utf-8")
        if '"CONTROL_MESSAGE"' in text:
            return ("payments-worker Firehose object: the subscription's CONTROL_MESSAGE only", "1d", "drop it: 0 events")
        if members > 1:
            return ("payments-worker Firehose object: %d records, each its own gzip member, concatenated with no separator" % members,
                    "1d, 2 (JSON log format)", "read every gzip member; the JSON texts meet as `}{`; one DATA_MESSAGE per stream batch")
        return ("payments-worker subscription payload (one DATA_MESSAGE) delivered by Firehose", "1d, 2 (JSON log format)",
                "logGroup, logStream, logEvents[] {id, timestamp, message}; platform.* records and app records")
    if p.endswith("aws-logs-write-test"):
        return ("CreateExportTask permission probe ('Permission Check Successful')", "1c", "skip it")
    if p.startswith("incident/s3/") and p.endswith(".gz"):
        return ("journal-writer CreateExportTask object, one per stream", "1c, 2 (.NET text)",
                "'<ISO ms Z> <message>' lines, blank line between events, multi-line exceptions, slightly out of order; group from describe-export-tasks.json")
    if p == "incident/s3/describe-export-tasks.json":
        return ("`aws logs describe-export-tasks` (CLI v2 lowerCamel keys)", "1c", "taskId -> logGroupName /aws/lambda/journal-writer")
    if p == "incident/config/describe-db-proxies.json":
        return ("`aws rds describe-db-proxies`", "6", "both proxies: Endpoint, EngineFamily, IdleClientTimeout (1800, 600), Auth[].UserName")
    if p.startswith("incident/config/describe-db-proxy-target-groups_"):
        return ("`aws rds describe-db-proxy-target-groups`", "6", "ConnectionPoolConfig: MaxConnectionsPercent, MaxIdleConnectionsPercent, ConnectionBorrowTimeout")
    if p.startswith("incident/config/get-function-configuration_"):
        return ("`aws lambda get-function-configuration`", "6", "Timeout, MemorySize, Runtime, Environment variables naming the proxy endpoint, LoggingConfig (LogFormat, LogGroup)")
    if p.startswith("incident/config/get-function-concurrency_"):
        return ("`aws lambda get-function-concurrency`", "6", "ReservedConcurrentExecutions 40")
    if p == "incident-truth/truth.ndjson":
        return ("answer key: one row per failed invocation", "-", "request_id, function, instance (stream), time, cause, mechanism")
    if p == "incident-truth/summary.json":
        return ("counts and scenario facts", "-", "invocations %d, failures %d, labels, mechanisms, settings" % (summary["invocations"], summary["failures"]))
    return ("", "", "")


def build_readme(root, built, scripts):
    """Writes README.md under root from what each builder returned; returns the samples' size.

    built: the builders' results by name; scripts: the generator files, counted in the size as the
    single script was."""
    summary, manifest, lines, errors, bad_exp = (built[n].data for n in ("incident", "containers", "lines", "errors", "bad"))
    files = sorted(p for b in built.values() for p in b.written)
    size = sum(os.path.getsize(os.path.join(root, p)) for p in files) + sum(os.path.getsize(p) for p in scripts)
    L = []
    w = L.append
    w("# samples/")
    w("")
    w("Small, real-looking exports for proxylens tests and for the README's main command")
    w("(`proxylens analyze samples/incident`, or `analyze samples`). Each folder is written by its own builder script")
    w("(Python 3 standard library, each with its own fixed seed: rerunning gives the same bytes); `python3 samples/make_samples.py`")
    w("runs the five below and writes this README (see *Regenerating* at the end). Formats follow `formats.md` (section")
    w("numbers below) and the mechanics of the public corpus; ids, times and counts are fresh (2026-03-14, 09:00-09:30 UTC,")
    w("account %s, region %s). Do not edit the files by hand: change the builder and rerun it. Total size of the" % (ACCOUNT, REGION))
    w("builders' files and scripts: %d bytes." % size)
    w("")
    w("| folder | what |")
    w("|---|---|")
    w("| `incident/` | one complete 20-minute incident: 3 functions, 2 proxies, 5 export containers, configs |")
    w("| `incident-truth/` | its answer key (`truth.ndjson`, `summary.json`), kept outside `incident/` so `analyze samples/incident` never reads it |")
    w("| `containers/` | one small file per export container and variant; `manifest.json` says what each must parse to |")
    w("| `lines/` | one CloudWatch message per row with the fields a parser must extract (`expect`) |")
    w("| `errors/` | every driver / proxy error string of formats.md sections 3-4, as it appears in a Lambda log |")
    w("| `bad/` | hostile inputs; `expected.json` says what each must produce |")
    w("| `leaks/` | timeouts leaking a pinned proxy session: five ORMs' transaction starts, one found from the proxy's side, one downstream call (own README and generator) |")
    w("")

    # ---------------- incident
    w("## incident/")
    w("")
    w("Window %s to %s. Traffic ramps up at 09:05 after a quiet half hour." % (summary["scenario"]["start"], summary["scenario"]["end"]))
    w("")
    w("| function | runtime, log format, driver | proxy | Timeout | instances | invocations | container |")
    w("|---|---|---|---|---|---|---|")
    for name, f in summary["functions"].items():
        w("| %s | %s, %s, %s (%s pattern) | %s | %d s | %d | %d | %s |" % (name, f["runtime"], f["log_format"], f["driver"], f["pattern"], f["proxy"],
                                                                     f["timeout_s"], f["instances"], f["invocations"], f["container"]))
    w("")
    w("| proxy | engine | IdleClientTimeout | ConnectionBorrowTimeout | brownout (new connections time out) | events |")
    w("|---|---|---|---|---|---|")
    for name, p in summary["proxies"].items():
        w("| %s | %s | %d s | %d s | %s | %d |" % (name, p["engine"], p["IdleClientTimeout"], p["ConnectionBorrowTimeout"],
                                              ", ".join("%s-%s" % (a[11:19], b[11:19]) for a, b in p["brownouts"]), p["events"]))
    w("")
    w("Failures per cause and function (%d failed of %d invocations):" % (summary["failures"], summary["invocations"]))
    w("")
    causes = list(summary["labels"])
    w("| function | " + " | ".join(causes) + " | total |")
    w("|---|" + "---|" * (len(causes) + 1))
    for name in summary["functions"]:
        d = summary["by_function"].get(name, {})
        w("| %s | %s | %d |" % (name, " | ".join(str(d.get(c, 0)) for c in causes), sum(d.values())))
    w("| **all** | %s | %d |" % (" | ".join(str(summary["labels"][c]) for c in causes), summary["failures"]))
    w("")
    w("Mechanisms: " + ", ".join("`%s` %d" % kv for kv in summary["mechanisms"].items()) + ".")
    w("")
    w("How each mechanism shows up (Lambda side and proxy side):")
    w("")
    w("- **idle-closed-client-reused** (stale-connection). inventory-api: five environments were last used about 30 min")
    w("  before the window; the proxy logs `The client connection closed. Reason: The client connection was idle for longer")
    w("  than the idle client timeout.` for their sessions between 09:05 and 09:07, and the first invocation of each")
    w("  (a warm START, no INIT_START, no Init Duration) fails at its first query with psycopg2 `OperationalError: server closed")
    w("  the connection unexpectedly` or `SSL SYSCALL error: EOF detected`. journal-writer: three environments go quiet after")
    w("  the first burst; journal-sql-proxy (IdleClientTimeout 600 s) closes their pinned sessions (db connection `released to")
    w("  the connection pool upon session reset`) at about 09:18-09:19; their next invocations fail with the .NET transport-level")
    w("  error 10054. payments-worker uses the hybrid pattern: its idle-closed session only produces `WARN db: idle client error:")
    w("  Connection terminated unexpectedly; reconnecting` and a successful invocation (%d such, not failures)." % summary["functions"]["payments-worker"]["silent_reconnects_not_failures"])
    w("- **statement-timeout-slow-query** (query-timeout): psycopg2 `QueryCanceled: canceling statement due to statement timeout`")
    w("  after 5 s, node-postgres `Query read timeout` after 8 s, SqlClient `Execution Timeout Expired.  The timeout period elapsed")
    w("  ...` after 15 s. The connection keeps working on the next invocation. inventory-api also has %d invocations that log" % summary["functions"]["inventory-api"]["handled_error_lines_not_failures"])
    w("  `[ERROR] ... recommendations unavailable: canceling statement due to statement timeout` and then succeed: not failures.")
    w("- **proxy-brownout-connect-timeout** (connection-timeout): environments that reconnect inside a proxy brownout fail with")
    w("  psycopg2 `connection to server at \"...\" (10.42.33.206), port 5432 failed: timeout expired`, pg-pool `timeout exceeded when")
    w("  trying to connect`, or SqlClient `Connection Timeout Expired.  ... pre-login handshake ...`. The proxy logs nothing for them.")
    w("- **borrow-timeout-pool-exhausted-by-leak** (connection-timeout): journal-sql-proxy allows 6 database connections and every")
    w("  SqlClient session is pinned (`SQL changed session settings ... Digest: \"%s\".`). Two leaked sessions (below)" % SQL_DIGEST)
    w("  keep theirs, so a re-initialised environment connects and authenticates (proxy lines) but gets no pin line and fails")
    w("  10 s later with `Timed-out waiting to acquire database connection`, until idle closes free connections.")
    w("- **open-txn-on-pinned-session-fin / -no-fin** (lambda-timeout-pinning-leak): the invocation logs `db: begin transaction`")
    w("  (`... (reserve stock for res_...)` on inventory-api, whose session is pinned by the 16384-byte query inside it) or")
    w("  `Beginning transaction for batch N (IsolationLevel=ReadCommitted)`, then nothing until `REPORT ... Status: timeout` /")
    w("  `\"status\":\"timeout\"`. With FIN, the proxy logs within 0-5 s (embedded time) `The client connection closed. Reason: The TCP")
    w("  channel was closed ...` and `[dbConnection=N] The database connection closed. Reason: The client connection that borrowed")
    w("  this database connection from the connection pool was closed in the middle of a request.` for the pinned connection.")
    w("  Without FIN (%d cases) nothing is logged then: the leaked session keeps its pinned database connection until the proxy" % summary["mechanisms"].get("open-txn-on-pinned-session-no-fin", 0))
    w("  closes it as idle (IdleClientTimeout after its last query: `idle for longer than the idle client timeout` followed by")
    w("  `closed in the middle of a request`; one journal-writer leak reaches that point at 09:24, the others after the window).")
    w("  After every timeout the environment re-initialises in the same stream (INIT_START, then a REPORT with Init Duration).")
    w("- **app-error / oom-killed / plain-timeout-http-call** (unclassified): Python ValueError/KeyError, Node ValidationError,")
    w("  .NET InvalidOperationException; one OOM kill (`RequestId: ... Error: Runtime exited with error: signal: killed`, REPORT")
    w("  `Status: error\\tError Type: Runtime.OutOfMemory`); timeouts whose last line is an HTTP call with no transaction open.")
    w("  One journal-writer timeout happens after `Batch N committed` (transaction closed): unclassified, and its proxy close is")
    w("  `released to the connection pool upon session reset`, not `in the middle of a request`.")
    w("")
    w("Configuration the report can criticise: " + "; ".join(summary["config_findings"]) + ".")
    w("")
    w("Truth rows (`incident-truth/truth.ndjson`, like the corpus): `time` is the time of the failure signal: the `[ERROR]`/`fail`/ERROR")
    w("record, the REPORT/platform.report of a timeout, or the `Runtime exited` line. Python `[ERROR]` events carry no request id:")
    w("attribute them to the invocation running in their stream.")
    w("")
    w("| file | what | formats.md | a parser must get |")
    w("|---|---|---|---|")
    for p in files:
        if p.startswith("incident/") or p.startswith("incident-truth/"):
            what, sec, get = incident_row(root, p, summary)
            w("| `%s` | %s | %s | %s |" % (p, what, sec, get))
    w("")

    # ---------------- containers
    w("## containers/")
    w("")
    w("Each file is a few events of one container. `manifest.json` holds, per file, `container`, `log_group` (null when the")
    w("content does not say), `events` (after dedupe inside the file), `log_streams`, `distinct_log_streams`, `notes`, and")
    w("`sets` for files that belong together (the two overlapping pages: %d events after dedupe on eventId)." % manifest["sets"][0]["events_after_dedupe"])
    w("")
    w("| file | container | formats.md | log group | events | notes |")
    w("|---|---|---|---|---|---|")
    secmap = {"filter-log-events": "1a", "get-log-events": "1b", "s3-export": "1c", "s3-export-write-test": "1c", "describe-export-tasks": "1c",
              "subscription-payload": "1d", "subscription-lambda-event": "1d", "firehose-concatenated": "1d",
              "insights-get-query-results": "1e", "insights-console-json": "1e", "insights-console-csv": "1e [U]",
              "tail-detailed": "1f", "tail-short": "1f", "config": "6"}
    for p, e in manifest["files"].items():
        grp = e.get("log_group") or ", ".join(e.get("log_groups", [])) or "-"
        w("| `%s` | %s | %s | %s | %d | %s |" % (p, e["container"], secmap.get(e["container"], ""), grp, e["events"], e["notes"].replace("|", "\\|")))
    # The folders below are not in the manifest: their own scripts (or a real file) make them.
    w("| `aws-cli-text/`, `aws-cli-yaml/`, `aws-cli-table/` | aws-cli-text, aws-cli-yaml(-stream), aws-cli-table (refused) | - | /aws/lambda/catalog-sync | 7 (yaml-stream 14) | page1 (and page2) through the AWS CLI's other `--output` styles; each folder's README cites the formatter source; `make_*.py` rebuilds them |")
    w("| `awslogs/`, `saw/`, `cw/`, `sam-logs/` | awslogs, saw, cw-tail, sam-logs | - | /aws/lambda/catalog-sync | 7 | page1 as each third-party downloader prints it; each folder's README cites the tool's source; `make_*.py` rebuilds them |")
    w("| `same-events/` | every container that keeps streams | - | /aws/lambda/rt-python-text, rt-go-text | 42, 44 | `samples/runtimes` python-text and go-text in every container, for the same-events test |")
    w("| `manifest.json` | the table above as JSON | - | - | - | - |")
    w("")

    # ---------------- lines
    w("## lines/")
    w("")
    w("One `.ndjson` file per line-format family. Each row: `format`, `message` (the exact CloudWatch `message`, JSON-escaped),")
    w("`expect` (what a parser must extract), `source` (where the text comes from), and `verified: false` / `note` when")
    w("formats.md marks the text [U] or the row is deliberately odd.")
    w("")
    w("| file | rows | covers |")
    w("|---|---|---|")
    covers = {
        "lambda-platform-text": "START (also a published version), END, REPORT old format (trailing \\t, ' \\tMemory Size'), Init Duration, Status: timeout, Status: error + Error Type (OOM, InvalidEntrypoint), Restore Duration, INIT_START, INIT_REPORT (both phases), XRAY, legacy `Task timed out after 31.01 seconds\\n\\n`, Runtime.ExitError (killed, exit status, no reason), `Process exited before completing request`, LOGS, EXTENSION",
        "lambda-platform-json": "platform.initStart (on-demand, provisioned), platform.start, platform.report success/error/timeout with initDurationMs and tracing, platform.runtimeDone (Telemetry API only)",
        "app-python-text": "[INFO] with and without request id (init), LAMBDA_WARNING, [ERROR] traceback events without request id (NBSP indents), Runtime.ImportModuleError, a handled [ERROR] line, raw print()",
        "app-python-json": "JsonFormatter records (timestamp, level, message, logger, requestId, extra keys; logger.exception with stackTrace/errorType/errorMessage/location) and the runtime's unhandled-error record (second-resolution timestamp, no newline)",
        "app-node-text": "INFO/WARN, `Invoke Error \\t` (current) and `Invoke Error\\t` (Node 10), Uncaught Exception, Unhandled Promise Rejection, a multi-line app console.error",
        "app-node-json": "string and object messages, console.error with an Error param, hybrid reconnect warning, the corpus variant with a trailing newline",
        "app-dotnet-text": "info, warn, fail with a multi-line SqlException (two-space sentences), fail with InvalidOperationException",
        "app-java": "raw LambdaLogger text, Log4j2 pattern lines (one with a PgJDBC stack trace), JSON StructuredLogMessage with AWSRequestId",
        "rds-proxy": "connect, auth ok (PostgreSQL, SQL Server) and failed, pin WARN for every reason (parse, 16384, PG digests, MySQL backtick digest, SQL Server digest), the 'If this prepared statement runs' INFO, 2020 line without proxyEndpoint, timestamp without ms/Z, custom endpoint name, close reasons (requested, TCP, idle, unknown), db TCP established / closed mid-request / released, bare `Credentials couldn't be retrieved...`",
    }
    for fam, rows_ in lines.items():
        w("| `lines/%s.ndjson` | %d | %s |" % (fam, len(rows_), covers[fam].replace("|", "\\|")))
    w("")
    w("`expect` keys (absent = not applicable; `null` = the line has no such value):")
    w("")
    keys = [
        ("kind", "what the line is: platform_start, platform_end, platform_report, platform_init_start, platform_init_report, platform_xray, platform_timeout_legacy, runtime_exit_error, runtime_process_exited, platform_logs_subscription, platform_extension, platform_runtime_done, app_log, app_unhandled_warning, app_error_unhandled, raw, proxy_client_connect, proxy_auth, proxy_pin, proxy_pin_pending, proxy_client_close, proxy_db_connect, proxy_db_close, proxy_db_release, proxy_credentials_error"),
        ("failure", "true when this line alone marks its invocation as failed (timeout, error status, unhandled error, exit); app ERROR lines are false"),
        ("request_id", "Lambda request id; null when the line has none (init-time lines, Python [ERROR] events, raw output)"),
        ("time", "the line's own timestamp normalised to `YYYY-MM-DDTHH:MM:SS.mmmZ` (zone-less and second-resolution times are UTC, .000)"),
        ("level", "log level as printed (INFO, WARN, WARNING, ERROR, info, warn, fail)"),
        ("text", "the message text after the prefix, trailing newline removed"),
        ("version", "function version from START"),
        ("duration_ms, billed_duration_ms, memory_size_mb, max_memory_used_mb, init_duration_ms, restore_duration_ms", "REPORT / platform.report numbers (init null when absent)"),
        ("status", "success, timeout, error (null when a text REPORT has no Status)"),
        ("error_type", "REPORT / INIT_REPORT Error Type, platform.report errorType, Runtime.ExitError"),
        ("cold_start", "true when the REPORT carries an init duration"),
        ("runtime_version, runtime_version_arn, phase, init_type, function_name, function_version, instance_id, log_stream", "INIT_START / INIT_REPORT / platform.initStart fields; log_stream is derived from instanceId"),
        ("trace_id, segment_id, sampled", "XRAY line / platform.report tracing"),
        ("timeout_s, reason", "legacy timeout seconds; Runtime exited reason"),
        ("extension_name, state, types, events", "LOGS / EXTENSION lines"),
        ("error_class, error_message", "exception type as printed and its first message line, trimmed"),
        ("traceback_frames, location, logger, extra, init_phase, sql_error_number, inner_error", "details of app error lines"),
        ("proxy_endpoint", "`default`, a custom endpoint name, or null for the 2020 format"),
        ("client_connection, db_connection", "uint32 ids (the pin line also names the db connection inside the message)"),
        ("client_ip, client_port, proxy_ip, proxy_port, db_ip, db_port", "addresses from connect / TCP established lines"),
        ("engine, db_user, auth_ok, tls", "authentication lines"),
        ("pin_reason, digest", "text after `Reason: `; the Digest inside `\"...\"` (placeholders $1 or ?, backticks kept)"),
        ("close_reason, close_kind", "text after `Reason: `; client_requested, tcp_closed, idle_timeout, unknown; closed_mid_request, released_session_reset"),
    ]
    w("| key | meaning |")
    w("|---|---|")
    for k, v in keys:
        w("| `%s` | %s |" % (k, v))
    w("")

    # ---------------- errors
    w("## errors/")
    w("")
    import collections
    cats = collections.Counter(r["category"] for r in errors)
    ev_ = collections.Counter(r["evidence"] for r in errors)
    w("`driver-errors.ndjson`: %d rows, one per error string of formats.md sections 3 and 4 (each table row; rows that are" % len(errors))
    w("ambiguous by phase appear once per phase). Fields: `message` (the exact CloudWatch message: a Python `[ERROR]` event, a")
    w(".NET `fail` line, a Node `Invoke Error` line or JSON ERROR record, a Java Log4j2 line with its stack, a Go `log` line),")
    w("`category` (stale-connection | query-timeout | connection-timeout | transaction-state | other), `driver`, `code`")
    w("(SQLSTATE / errno / number / SQLAlchemy code, or null), `phase` (connect | query | unknown), `source`, `verified` (false")
    w("for [U]), `evidence` (V, V2, U), `runtime`, `error_class`, and `note` where the rendering around the verified text is")
    w("assumed. Categories: " + ", ".join("%s %d" % kv for kv in sorted(cats.items())) + ". Evidence: " + ", ".join("%s %d" % kv for kv in sorted(ev_.items())) + ".")
    w("")
    w("| file | what | formats.md | a parser must get |")
    w("|---|---|---|---|")
    w("| `errors/driver-errors.ndjson` | driver and proxy error strings in Lambda log lines | 3, 4 | the category from the text, and from the phase where the text is shared (HYT00, pymssql 20003, Go context deadline) |")
    w("")

    # ---------------- bad
    w("## bad/")
    w("")
    w("| file | what | must produce |")
    w("|---|---|---|")
    for name, e in bad_exp.items():
        w("| `%s` | %s | %s |" % (name, e["what"], e["expected"]))
    w("| `expected.json` | the table above as JSON | - |")
    w("")
    w("Huge inputs (gzip bombs, deep nesting, 20 MB messages) are not stored here: tests build them at run time.")
    w("")

    # ---------------- judgment calls
    w("## Judgment calls and limits")
    w("")
    w("- Node JSON app records have no trailing newline (aws-lambda-nodejs-runtime-interface-client writes JSON frames without one);")
    w("  the public corpus ends them with `\\n`. `lines/app-node-json.ndjson` has both; parsers must trim.")
    w("- The idle-timeout close reason (`The client connection was idle for longer than the idle client timeout.`) comes from the")
    w("  corpus; formats.md marks it not found [U]. The SQL Server pin reason and the SqlClient text of the proxy borrow timeout")
    w("  (`Timed-out waiting to acquire database connection`, Error Number 0, Class 20) follow the corpus and are [U].")
    w("- `get-log-events` output does not name its stream: the file is named after it with `/` replaced by `-`")
    w("  (`2026-03-14-[$LATEST]<hex>.json`); turn the first three `-` back into `/`. Its log group is unknown.")
    w("- The incident's Firehose object concatenates 4 gzip members (each CloudWatch record is gzipped); the containers' Firehose")
    w("  object is one gzip member holding 3 JSON records. Both decode to `}{`.")
    w("- Console CSV export: no real sample exists [U]; rows use RFC 4180 quoting and `\\n` line ends.")
    w("- `--max-items` output uses `NextToken` [U]; its value here is a base64 JSON resume token like botocore's paginator.")
    w("- Not represented: the Logs Insights Markdown copy; a Java runtime's own unhandled-exception output; the")
    w("  `Running a prepared statement...` pin reason (truncated in the source); proxy DEBUG/ERROR levels. The position of")
    w("  `Restore Duration` in REPORT is a guess (that row is marked `verified: false`).")
    w("")
    regenerating(w)
    with open(os.path.join(root, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(L) + "\n")
    return size


def regenerating(w):
    w("## Regenerating")
    w("")
    w("Each builder writes only its own files, over the old ones, and accepts `--out SAMPLES_ROOT` (or")
    w("`PROXYLENS_SAMPLES_OUT`) to write into a copy. It removes a file only when its own last manifest lists it and this")
    w("run no longer writes it (`containers/manifest.json`, `bad/expected.json`); a file it does not know in a folder that")
    w("is its alone is named as a problem, never removed. Files other scripts own, or collected by hand, are never touched:")
    w("`SampleGeneratorTests` runs every builder into a copy of this folder and checks exactly that, and that the incident is")
    w("byte-identical to the committed one (the report goldens are made from it).")
    w("")
    w("Each builder starts from `SEED` advanced by a fixed number of draws (`SKIP` in its file: what the builders before it")
    w("drew when one generator fed them all), so a folder's bytes depend on its own builder only.")
    w("")
    w("| to regenerate | run | writes |")
    w("|---|---|---|")
    w("| everything below and this README | `python3 samples/make_samples.py` | the five builders' files, `README.md` |")
    w("| `incident/`, `incident-truth/` | `python3 samples/incident-truth/make_incident.py` | both folders (the script sits in `incident-truth/`: `analyze samples/incident` reads every file in `incident/`) |")
    w("| `containers/` (the manifest's files) | `python3 samples/containers/make_containers.py` | the files `manifest.json` lists, and the manifest |")
    w("| `lines/` | `python3 samples/lines/make_lines.py` | `lines/*.ndjson` |")
    w("| `errors/driver-errors.ndjson` | `python3 samples/errors/make_errors.py` | that file only |")
    w("| `bad/` | `python3 samples/bad/make_bad.py` | the files `expected.json` lists, and `expected.json` |")
    w("")
    w("Written by other scripts, each run on its own (`make_samples.py` does not run them): `containers/aws-cli-text/`,")
    w("`aws-cli-yaml/`, `aws-cli-table/`, `awslogs/`, `saw/`, `cw/`, `sam-logs/`, `same-events/` (each its `make_*.py`),")
    w("`runtimes/`, `leaks/`, `metrics/`, `partial/` + `partial-truth/` (each its `make_*.py`). Not generated: real files,")
    w("kept as they are: `containers/metrics-console-csv/` (a real console download), `containers/event-lines/`,")
    w("`errors/real-world.ndjson` with `README-real-world.md` (real error lines collected by hand), and `errors/real-world-fresh.ndjson` with `README-real-world-fresh.md` (a second, never-seen set collected after the rules).")
    w("")
    w("Shared helpers (ids, text of each runtime and driver, the RDS Proxy model, configuration documents, how a builder")
    w("writes) are in `samples/sample_model.py`; a builder imports it by path. A new folder's builder: `begin(root, 0)` with")
    w("a seed of its own, `write(...)` each file, `finish(...)` with what its last manifest listed; then one line in")
    w("`make_samples.py`'s `BUILDERS` if the README should describe it.")
    w("")


