#!/usr/bin/env python3
"""Writes samples/lines/*.ndjson: one CloudWatch message per row, with what a parser must extract.

    python3 samples/lines/make_lines.py [--out SAMPLES_ROOT]

Python 3 standard library only; shared helpers in samples/sample_model.py.
"""

import json
import os
import re
import sys
from datetime import datetime, timezone

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from sample_model import *  # noqa: E402,F403  (the helpers read as they did in the single script)

# SEED advanced by the 44991 words that the shared ids, the incident and containers/ drew before this builder
# when one generator fed them all: this folder keeps its bytes from before the split, and no
# longer moves when another builder changes.
SKIP = 44991


def row(fmt, message, expect, source, verified=True, note=None):
    r = {"format": fmt, "message": message, "expect": expect, "source": source}
    if not verified:
        r["verified"] = False
    if note:
        r["note"] = note
    return r


def report_expect(rid, dur, billed, mem, maxmem, init=None, status=None, error_type=None, failure=False, **kw):
    e = {"kind": "platform_report", "request_id": rid, "duration_ms": dur, "billed_duration_ms": billed,
         "memory_size_mb": mem, "max_memory_used_mb": maxmem, "init_duration_ms": init, "status": status,
         "error_type": error_type, "failure": failure}
    e.update(kw)
    return e


def build_lines():
    out = {}
    S2 = "formats.md section 2"
    S3 = "formats.md section 3"

    # ---------------- Lambda text platform lines
    L = []
    r = uid()
    L.append(row("lambda-platform-text", "START RequestId: %s Version: $LATEST\n" % r,
                 {"kind": "platform_start", "request_id": r, "version": "$LATEST"}, S2 + " (python-logging.md)"))
    r = uid()
    L.append(row("lambda-platform-text", "START RequestId: %s Version: 12\n" % r,
                 {"kind": "platform_start", "request_id": r, "version": "12"}, S2 + " (published version)", verified=False))
    L.append(row("lambda-platform-text", "END RequestId: %s\n" % r, {"kind": "platform_end", "request_id": r}, S2))
    r = uid()
    L.append(row("lambda-platform-text",
                 "REPORT RequestId: %s\tDuration: 26.73 ms\tBilled Duration: 27 ms \tMemory Size: 128 MB\tMax Memory Used: 75 MB\t\n" % r,
                 report_expect(r, 26.73, 27, 128, 75), S2 + " (old format: trailing \\t, space before \\tMemory Size)"))
    r = uid()
    L.append(row("lambda-platform-text",
                 "REPORT RequestId: %s\tDuration: 612.08 ms\tBilled Duration: 1453 ms\tMemory Size: 512 MB\tMax Memory Used: 104 MB\tInit Duration: 840.31 ms\n" % r,
                 report_expect(r, 612.08, 1453, 512, 104, init=840.31, cold_start=True), S2 + " (cold start; billed includes init)"))
    r = uid()
    L.append(row("lambda-platform-text",
                 "REPORT RequestId: %s\tDuration: 10000.00 ms\tBilled Duration: 10000 ms\tMemory Size: 512 MB\tMax Memory Used: 131 MB\tStatus: timeout\n" % r,
                 report_expect(r, 10000.0, 10000, 512, 131, status="timeout", failure=True), S2 + " (DataBiosphere/azul#8140)"))
    r = uid()
    L.append(row("lambda-platform-text",
                 "REPORT RequestId: %s\tDuration: 2207.55 ms\tBilled Duration: 2208 ms\tMemory Size: 512 MB\tMax Memory Used: 512 MB\tStatus: error\tError Type: Runtime.OutOfMemory\n" % r,
                 report_expect(r, 2207.55, 2208, 512, 512, status="error", error_type="Runtime.OutOfMemory", failure=True), S2))
    r = uid()
    L.append(row("lambda-platform-text",
                 "REPORT RequestId: %s\tDuration: 11.48 ms\tBilled Duration: 12 ms\tMemory Size: 128 MB\tMax Memory Used: 10 MB\tStatus: error\tError Type: Runtime.InvalidEntrypoint\n" % r,
                 report_expect(r, 11.48, 12, 128, 10, status="error", error_type="Runtime.InvalidEntrypoint", failure=True), S2 + " (nishidemasami/contactform-api#29)"))
    r = uid()
    L.append(row("lambda-platform-text",
                 "REPORT RequestId: %s\tDuration: 5024.90 ms\tBilled Duration: 5863 ms\tMemory Size: 1024 MB\tMax Memory Used: 140 MB\tInit Duration: 837.14 ms\tStatus: timeout\n" % r,
                 report_expect(r, 5024.9, 5863, 1024, 140, init=837.14, status="timeout", failure=True, cold_start=True), S2 + " (key order is not guaranteed)", verified=False))
    r = uid()
    L.append(row("lambda-platform-text",
                 "REPORT RequestId: %s\tDuration: 48.17 ms\tBilled Duration: 311 ms\tMemory Size: 1024 MB\tMax Memory Used: 162 MB\tRestore Duration: 262.40 ms\tBilled Restore Duration: 262 ms\n" % r,
                 report_expect(r, 48.17, 311, 1024, 162, restore_duration_ms=262.4), S2 + " (SnapStart; exact position [U])", verified=False,
                 note="unknown keys such as 'Billed Restore Duration' must be kept or ignored, never fatal"))
    L.append(row("lambda-platform-text", "INIT_START Runtime Version: %s\tRuntime Version ARN: %s\n" % (PY_VER, PY_ARN),
                 {"kind": "platform_init_start", "runtime_version": PY_VER, "runtime_version_arn": PY_ARN}, S2))
    L.append(row("lambda-platform-text", "INIT_REPORT Init Duration: 206.72 ms\tPhase: init\tStatus: error\tError Type: Runtime.ExitError\n",
                 {"kind": "platform_init_report", "init_duration_ms": 206.72, "phase": "init", "status": "error", "error_type": "Runtime.ExitError"}, S2 + " (cargo-lambda#572)"))
    L.append(row("lambda-platform-text", "INIT_REPORT Init Duration: 1666.62 ms\tPhase: invoke\tStatus: error\tError Type: Runtime.ExitError\n",
                 {"kind": "platform_init_report", "init_duration_ms": 1666.62, "phase": "invoke", "status": "error", "error_type": "Runtime.ExitError"}, S2 + " (cargo-lambda#572)"))
    tid = "1-%08x-%s" % (lt(12, 0, 0) // 1000, hexid(24))
    seg = hexid(16)
    L.append(row("lambda-platform-text", "XRAY TraceId: %s\tSegmentId: %s\tSampled: true\n" % (tid, seg),
                 {"kind": "platform_xray", "trace_id": tid, "segment_id": seg, "sampled": True}, S2))
    r = uid()
    L.append(row("lambda-platform-text", "%s %s Task timed out after 31.01 seconds\n\n" % (iso_ms(lt(12, 30, 840)), r),
                 {"kind": "platform_timeout_legacy", "request_id": r, "time": iso_ms(lt(12, 30, 840)), "timeout_s": 31.01, "failure": True},
                 S2 + " (DataBiosphere/azul#5622; space separated, ends in \\n\\n)"))
    r = uid()
    L.append(row("lambda-platform-text", "RequestId: %s Error: Runtime exited with error: signal: killed\nRuntime.ExitError\n" % r,
                 {"kind": "runtime_exit_error", "request_id": r, "reason": "signal: killed", "error_type": "Runtime.ExitError", "failure": True}, S2))
    r = uid()
    L.append(row("lambda-platform-text", "RequestId: %s Error: Runtime exited with error: exit status 1\nRuntime.ExitError\n" % r,
                 {"kind": "runtime_exit_error", "request_id": r, "reason": "exit status 1", "error_type": "Runtime.ExitError", "failure": True}, S2 + " (aws-lambda-python-runtime-interface-client#94)"))
    r = uid()
    L.append(row("lambda-platform-text", "RequestId: %s Error: Runtime exited without providing a reason\nRuntime.ExitError\n" % r,
                 {"kind": "runtime_exit_error", "request_id": r, "reason": "without providing a reason", "error_type": "Runtime.ExitError", "failure": True}, S2))
    r = "1b9d6f2e-1f7a-11f1-8c2e-3d0f5b7a9c41"
    L.append(row("lambda-platform-text", "RequestId: %s Process exited before completing request\n\n" % r,
                 {"kind": "runtime_process_exited", "request_id": r, "failure": True}, S2 + " (pre-2019 Node; CU-CloudCollab/aws-examples#10)",
                 note="old runtimes used time-based (v1) request ids; the trailing \\n\\n is assumed like the legacy timeout line"))
    L.append(row("lambda-platform-text", "LOGS\tName: cloudwatch_lambda_agent\tState: Subscribed\tTypes: [Platform]\n",
                 {"kind": "platform_logs_subscription", "extension_name": "cloudwatch_lambda_agent", "state": "Subscribed", "types": ["Platform"]},
                 S2 + " (source #36891205646 shows spaces; tab separators assumed)", verified=False))
    L.append(row("lambda-platform-text", "EXTENSION\tName: AWSParametersAndSecretsLambdaExtension\tState: Ready\tEvents: [INVOKE,SHUTDOWN]\n",
                 {"kind": "platform_extension", "extension_name": "AWSParametersAndSecretsLambdaExtension", "state": "Ready", "events": ["INVOKE", "SHUTDOWN"]},
                 S2, verified=False))
    out["lambda-platform-text"] = L

    # ---------------- Lambda JSON platform records
    J = []
    fn = "payments-worker"
    arn = "arn:aws:lambda:%s:%s:function:%s" % (REGION, ACCOUNT, fn)
    h = hexid()
    t = lt(9, 12, 407)
    J.append(row("lambda-platform-json", compact({"time": iso_ms(t), "type": "platform.initStart", "record": {
        "initializationType": "on-demand", "phase": "init", "runtimeVersion": NODE_VER, "runtimeVersionArn": NODE_ARN,
        "functionName": fn, "functionVersion": "$LATEST", "instanceId": "2026/03/14/%s[$LATEST]%s" % (fn, h), "instanceMaxMemory": 1073741824}}),
        {"kind": "platform_init_start", "time": iso_ms(t), "runtime_version": NODE_VER, "function_name": fn,
         "instance_id": "2026/03/14/%s[$LATEST]%s" % (fn, h), "log_stream": "2026/03/14/[$LATEST]" + h, "init_type": "on-demand"},
        S2 + " JSON log format (source #71517255706)", note="log_stream is derived: remove the function name before '['"))
    r = uid()
    t = lt(9, 12, 688)
    J.append(row("lambda-platform-json", compact({"time": iso_ms(t), "type": "platform.start", "record": {"requestId": r, "functionArn": arn, "version": "$LATEST"}}),
                 {"kind": "platform_start", "time": iso_ms(t), "request_id": r, "version": "$LATEST"}, S2))
    t = lt(9, 13, 1)
    J.append(row("lambda-platform-json", compact({"time": iso_ms(t), "type": "platform.report", "record": {"requestId": r, "metrics": {
        "durationMs": 312.406, "billedDurationMs": 594, "memorySizeMB": 1024, "maxMemoryUsedMB": 133, "initDurationMs": 281.035}, "status": "success"}}),
        report_expect(r, 312.406, 594, 1024, 133, init=281.035, status="success", time=iso_ms(t), cold_start=True), S2))
    r = uid()
    t = lt(9, 14, 226)
    J.append(row("lambda-platform-json", compact({"time": iso_ms(t), "type": "platform.report", "record": {"requestId": r, "metrics": {
        "durationMs": 8036.512, "billedDurationMs": 8037, "memorySizeMB": 1024, "maxMemoryUsedMB": 151}, "status": "error", "errorType": "Error"}}),
        report_expect(r, 8036.512, 8037, 1024, 151, status="error", error_type="Error", failure=True, time=iso_ms(t)), S2))
    r = uid()
    t = lt(9, 15, 900)
    J.append(row("lambda-platform-json", compact({"time": iso_ms(t), "type": "platform.report", "record": {"requestId": r, "metrics": {
        "durationMs": 15000.0, "billedDurationMs": 15000, "memorySizeMB": 1024, "maxMemoryUsedMB": 149}, "status": "timeout"}}),
        report_expect(r, 15000.0, 15000, 1024, 149, status="timeout", failure=True, time=iso_ms(t)), S2))
    r = uid()
    t = lt(9, 16, 52)
    trace = "Root=1-%08x-%s;Parent=%s;Sampled=1" % (t // 1000, hexid(24), hexid(16))
    J.append(row("lambda-platform-json", compact({"time": iso_ms(t), "type": "platform.report", "record": {"requestId": r, "metrics": {
        "durationMs": 187.22, "billedDurationMs": 188, "memorySizeMB": 512, "maxMemoryUsedMB": 96}, "tracing": {"type": "X-Amzn-Trace-Id", "value": trace}, "status": "success"}}),
        report_expect(r, 187.22, 188, 512, 96, status="success", time=iso_ms(t), trace_id=trace.split(";")[0][5:]), S2 + " (tracing object, extension fixtures)"))
    r = uid()
    t = lt(9, 17, 5)
    J.append(row("lambda-platform-json", compact({"time": iso_ms(t), "type": "platform.runtimeDone", "record": {"requestId": r, "status": "timeout", "metrics": {"durationMs": 5001.182, "producedBytes": 0}}}),
                 {"kind": "platform_runtime_done", "time": iso_ms(t), "request_id": r, "status": "timeout", "duration_ms": 5001.182, "failure": True},
                 S2 + " (Telemetry API only; not written to CloudWatch)", note="accept it, but never count it as a second report"))
    t = lt(9, 18, 0)
    J.append(row("lambda-platform-json", compact({"time": iso_ms(t), "type": "platform.initStart", "record": {
        "initializationType": "provisioned-concurrency", "phase": "init", "runtimeVersion": "python:3.12.v64", "runtimeVersionArn": PY_ARN,
        "functionName": "inventory-api", "functionVersion": "7", "instanceId": "2026/03/14/inventory-api[7]%s" % hexid(), "instanceMaxMemory": 536870912}}),
        {"kind": "platform_init_start", "time": iso_ms(t), "runtime_version": "python:3.12.v64", "function_name": "inventory-api", "init_type": "provisioned-concurrency", "function_version": "7"},
        S2, verified=False, note="published-version instance id '[7]' is [U]"))
    out["lambda-platform-json"] = J

    # ---------------- Python text
    P = []
    r = uid()
    t = lt(10, 1, 56)
    P.append(row("app-python-text", py_text(t, r, "INFO", "GET /v1/items/SKU-40417 warehouse=dub-1"),
                 {"kind": "app_log", "level": "INFO", "time": iso_ms(t), "request_id": r, "text": "GET /v1/items/SKU-40417 warehouse=dub-1", "failure": False},
                 S2 + " (awslambdaric bootstrap.py format)"))
    t = lt(10, 0, 504)
    P.append(row("app-python-text", "[INFO]\t%s\t\tFound credentials in environment variables.\n" % iso_ms(t),
                 {"kind": "app_log", "level": "INFO", "time": iso_ms(t), "request_id": None, "text": "Found credentials in environment variables.", "init_phase": True, "failure": False},
                 S2 + " (init-time line: empty request id)"))
    t = lt(10, 6, 12)
    P.append(row("app-python-text", py_text(t, r, "WARNING", PY_WARNING),
                 {"kind": "app_unhandled_warning", "level": "WARNING", "time": iso_ms(t), "request_id": r, "failure": True},
                 "awslambdaric lambda_unhandled_exception_warning_message.py; corpus", note="announces the [ERROR] event that follows in the same stream"))
    P.append(row("app-python-text", py_error_event("QueryCanceled", "canceling statement due to statement timeout\n", [
        ("/var/task/handler.py", 61, "lambda_handler", "item = repo.fetch_item(conn, sku)"),
        ("/var/task/inventory/repo.py", 37, "fetch_item", "cur.execute(SQL_ITEM_BY_SKU, (sku,))")]),
        {"kind": "app_error_unhandled", "level": "ERROR", "request_id": None, "error_class": "QueryCanceled",
         "error_message": "canceling statement due to statement timeout", "traceback_frames": 2, "failure": True},
        "awslambdaric bootstrap.py log_error (text); corpus",
        note="no timestamp and no request id: attribute it to the invocation running in its log stream; frame indents are U+00A0"))
    P.append(row("app-python-text", py_error_event("OperationalError", "server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n", [
        ("/var/task/handler.py", 61, "lambda_handler", "item = repo.fetch_item(conn, sku)"),
        ("/var/task/inventory/repo.py", 37, "fetch_item", "cur.execute(SQL_ITEM_BY_SKU, (sku,))")]),
        {"kind": "app_error_unhandled", "level": "ERROR", "request_id": None, "error_class": "OperationalError",
         "error_message": "server closed the connection unexpectedly", "traceback_frames": 2, "failure": True},
        "formats.md section 4 (libpq) rendered by awslambdaric", note="the driver message itself spans three lines with tabs before the traceback"))
    P.append(row("app-python-text", "[ERROR] Runtime.ImportModuleError: Unable to import module 'handler': No module named 'psycopg2._psycopg'\nTraceback (most recent call last):",
                 {"kind": "app_error_unhandled", "level": "ERROR", "request_id": None, "error_class": "Runtime.ImportModuleError",
                  "error_message": "Unable to import module 'handler': No module named 'psycopg2._psycopg'", "traceback_frames": 0, "init_phase": True, "failure": True},
                 "awslambdaric bootstrap.py (FaultException, empty stack trace)"))
    t = lt(10, 9, 341)
    P.append(row("app-python-text", py_text(t, r, "ERROR", "recommendations unavailable: canceling statement due to statement timeout"),
                 {"kind": "app_log", "level": "ERROR", "time": iso_ms(t), "request_id": r,
                  "text": "recommendations unavailable: canceling statement due to statement timeout", "failure": False},
                 "corpus (handled error)", note="an application ERROR line is not a failed invocation by itself"))
    P.append(row("app-python-text", "exported 1288 rows to s3://inventory-exports/2026-03-14/dub-1.csv\n",
                 {"kind": "raw", "request_id": None, "text": "exported 1288 rows to s3://inventory-exports/2026-03-14/dub-1.csv", "failure": False},
                 S2 + " (print() output has no prefix)"))
    out["app-python-text"] = P

    # ---------------- Python JSON
    PJ = []
    r = uid()
    t = lt(11, 2, 71)
    PJ.append(row("app-python-json", json.dumps({"timestamp": iso_ms(t), "level": "INFO", "message": "loading reservation res_7QfWm2", "logger": "root", "requestId": r}, ensure_ascii=False) + "\n",
                  {"kind": "app_log", "level": "INFO", "time": iso_ms(t), "request_id": r, "logger": "root", "text": "loading reservation res_7QfWm2", "failure": False},
                  S2 + " (awslambdaric JsonFormatter)"))
    t = lt(11, 7, 310)
    tb = ['  File "/var/task/inventory/repo.py", line 58, in reserve\n    cur.execute(SQL_RESERVE, params)\n']
    PJ.append(row("app-python-json", json.dumps({"timestamp": iso_ms(t), "level": "ERROR", "message": "reservation failed", "logger": "inventory.repo",
                                                 "stackTrace": tb, "errorType": "QueryCanceled", "errorMessage": "canceling statement due to statement timeout\n",
                                                 "requestId": r, "location": "/var/task/inventory/repo.py:reserve:64"}, ensure_ascii=False) + "\n",
                  {"kind": "app_log", "level": "ERROR", "time": iso_ms(t), "request_id": r, "logger": "inventory.repo", "error_class": "QueryCanceled",
                   "error_message": "canceling statement due to statement timeout", "location": "/var/task/inventory/repo.py:reserve:64", "failure": False},
                  S2 + " (logger.exception: stackTrace, errorType, errorMessage, location)", note="logged and handled by the app: not a failure by itself"))
    t = lt(11, 7, 318)
    PJ.append(row("app-python-json", json.dumps({"timestamp": datetime.fromtimestamp(t // 1000, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S"), "level": "ERROR",
                                                 "errorMessage": "canceling statement due to statement timeout\n", "errorType": "QueryCanceled", "requestId": r,
                                                 "stackTrace": ['  File "/var/task/handler.py", line 70, in lambda_handler\n    repo.reserve(conn, res)\n'] + tb}, ensure_ascii=False),
                  {"kind": "app_error_unhandled", "level": "ERROR", "time": iso_ms(t - t % 1000), "request_id": r, "error_class": "QueryCanceled",
                   "error_message": "canceling statement due to statement timeout", "failure": True},
                  "awslambdaric bootstrap.py log_error (JSON): timestamp has no milliseconds and no Z, no trailing newline"))
    t = lt(11, 8, 2)
    PJ.append(row("app-python-json", json.dumps({"timestamp": iso_ms(t), "level": "WARNING", "message": "pool exhausted, retrying", "logger": "inventory.db", "requestId": r, "attempt": 2, "proxy": "inventory-pg-proxy"}, ensure_ascii=False) + "\n",
                  {"kind": "app_log", "level": "WARNING", "time": iso_ms(t), "request_id": r, "logger": "inventory.db", "text": "pool exhausted, retrying", "extra": {"attempt": 2, "proxy": "inventory-pg-proxy"}, "failure": False},
                  S2 + " (extra= keys merged at top level)"))
    out["app-python-json"] = PJ

    # ---------------- Node text
    N = []
    r = uid()
    t = lt(12, 20, 5)
    N.append(row("app-node-text", "%s\t%s\tINFO\tprocessing payment pay_3kLs8QmZt7Vw2e for order ord_Hc9XbT4e2LqP\n" % (iso_ms(t), r),
                 {"kind": "app_log", "level": "INFO", "time": iso_ms(t), "request_id": r, "text": "processing payment pay_3kLs8QmZt7Vw2e for order ord_Hc9XbT4e2LqP", "failure": False},
                 S2 + " (LogPatch.js)"))
    t = lt(12, 28, 44)
    e1 = {"errorType": "Error", "errorMessage": "Query read timeout", "stack": NODE_QTO_STACK}
    N.append(row("app-node-text", "%s\t%s\tERROR\tInvoke Error \t%s\n" % (iso_ms(t), r, compact(e1)),
                 {"kind": "app_error_unhandled", "level": "ERROR", "time": iso_ms(t), "request_id": r, "error_class": "Error", "error_message": "Query read timeout", "failure": True},
                 S2 + " (current runtimes: util.format puts a space before the tab)"))
    r2 = "6fa3c1d0-1f7b-11f1-a4e2-7b1e3c9d5f20"
    t = lt(12, 29, 3)
    e2 = {"errorType": "Error", "errorMessage": "Connection terminated unexpectedly", "stack": ["Error: Connection terminated unexpectedly", "    at Connection.con.once (/var/task/node_modules/pg/lib/client.js:200:9)"]}
    N.append(row("app-node-text", "%s\t%s\tERROR\tInvoke Error\t%s\n" % (iso_ms(t), r2, compact(e2)),
                 {"kind": "app_error_unhandled", "level": "ERROR", "time": iso_ms(t), "request_id": r2, "error_class": "Error", "error_message": "Connection terminated unexpectedly", "failure": True},
                 S2 + " (Node 10 era: no space; source #35088453317)"))
    r = uid()
    t = lt(12, 31, 870)
    e3 = {"errorType": "TypeError", "errorMessage": "Cannot read properties of undefined (reading 'rows')",
          "stack": ["TypeError: Cannot read properties of undefined (reading 'rows')", "    at settle (file:///var/task/lib/settle.mjs:31:24)", "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)"]}
    N.append(row("app-node-text", "%s\t%s\tERROR\tUncaught Exception \t%s\n" % (iso_ms(t), r, compact(e3)),
                 {"kind": "app_error_unhandled", "level": "ERROR", "time": iso_ms(t), "request_id": r, "error_class": "TypeError", "error_message": "Cannot read properties of undefined (reading 'rows')", "failure": True},
                 "aws-lambda-nodejs-runtime-interface-client src/index.mjs + LogPatch.js (formats.md marks the wording [U])"))
    r = uid()
    t = lt(12, 33, 12)
    e4 = {"errorType": "Runtime.UnhandledPromiseRejection", "errorMessage": "Error: Connection terminated unexpectedly",
          "reason": {"errorType": "Error", "errorMessage": "Connection terminated unexpectedly", "stack": ["Error: Connection terminated unexpectedly", "    at Connection.<anonymous> (/var/task/node_modules/pg/lib/client.js:132:73)", "    at Object.onceWrapper (node:events:634:28)"]},
          "promise": {}, "stack": ["Runtime.UnhandledPromiseRejection: Error: Connection terminated unexpectedly", "    at process.<anonymous> (file:///var/runtime/index.mjs:1276:17)", "    at process.emit (node:events:519:28)", "    at emit (node:internal/process/promises:150:20)", "    at processPromiseRejections (node:internal/process/promises:284:27)", "    at process.processTicksAndRejections (node:internal/process/task_queues:96:32)"]}
    N.append(row("app-node-text", "%s\t%s\tERROR\tUnhandled Promise Rejection \t%s\n" % (iso_ms(t), r, compact(e4)),
                 {"kind": "app_error_unhandled", "level": "ERROR", "time": iso_ms(t), "request_id": r, "error_class": "Runtime.UnhandledPromiseRejection",
                  "error_message": "Error: Connection terminated unexpectedly", "failure": True},
                 "aws-lambda-nodejs-runtime-interface-client src/index.mjs, Errors.js (formats.md marks the wording [U])", verified=False))
    t = lt(12, 34, 2)
    N.append(row("app-node-text", "%s\t%s\tERROR\tError: Query read timeout\n    at Timeout._onTimeout (/var/task/node_modules/pg/lib/client.js:566:19)\n    at listOnTimeout (node:internal/timers:594:17)\n" % (iso_ms(t), r),
                 {"kind": "app_log", "level": "ERROR", "time": iso_ms(t), "request_id": r, "text": "Error: Query read timeout", "failure": False},
                 S2 + " (console.error(err) through the telemetry fd: one event with embedded \\n)", note="an app-logged error, not an Invoke Error"))
    t = lt(12, 35, 40)
    N.append(row("app-node-text", "%s\t%s\tWARN\tpsp responded 503, retrying in 250 ms\n" % (iso_ms(t), r),
                 {"kind": "app_log", "level": "WARN", "time": iso_ms(t), "request_id": r, "text": "psp responded 503, retrying in 250 ms", "failure": False}, S2))
    out["app-node-text"] = N

    # ---------------- Node JSON
    NJ = []
    r = uid()
    t = lt(13, 2, 11)
    NJ.append(row("app-node-json", compact({"timestamp": iso_ms(t), "level": "INFO", "requestId": r, "message": "db: begin transaction"}),
                  {"kind": "app_log", "level": "INFO", "time": iso_ms(t), "request_id": r, "text": "db: begin transaction", "failure": False},
                  S2 + " (LogPatch formatJsonMessage; no trailing newline through the telemetry fd)"))
    t = lt(13, 7, 250)
    NJ.append(row("app-node-json", compact({"timestamp": iso_ms(t), "level": "ERROR", "requestId": r, "message": {"errorType": "Error", "errorMessage": "timeout exceeded when trying to connect", "stackTrace": NODE_CTO_STACK}}),
                  {"kind": "app_error_unhandled", "level": "ERROR", "time": iso_ms(t), "request_id": r, "error_class": "Error", "error_message": "timeout exceeded when trying to connect", "failure": True},
                  S2 + " (message is an object when the runtime logs the handler's error)"))
    t = lt(13, 9, 420)
    NJ.append(row("app-node-json", compact({"timestamp": iso_ms(t), "level": "ERROR", "requestId": r, "message": "ledger post failed Error: Query read timeout\n    at Timeout._onTimeout (/var/task/node_modules/pg/lib/client.js:566:19)",
                                            "errorType": "Error", "errorMessage": "Query read timeout", "stackTrace": NODE_QTO_STACK[:2]}),
                  {"kind": "app_log", "level": "ERROR", "time": iso_ms(t), "request_id": r, "error_class": "Error", "error_message": "Query read timeout", "failure": False},
                  S2 + " (console.error('...', err): string message plus top-level errorType/errorMessage/stackTrace)", note="app-logged; the invocation may still succeed"))
    t = lt(13, 9, 877)
    NJ.append(row("app-node-json", compact({"timestamp": iso_ms(t), "level": "WARN", "requestId": r, "message": "db: idle client error: Connection terminated unexpectedly; reconnecting"}),
                  {"kind": "app_log", "level": "WARN", "time": iso_ms(t), "request_id": r, "text": "db: idle client error: Connection terminated unexpectedly; reconnecting", "failure": False},
                  "corpus (hybrid pattern reconnects silently)"))
    t = lt(13, 11, 3)
    NJ.append(row("app-node-json", compact({"timestamp": iso_ms(t), "level": "INFO", "requestId": r, "message": "db: commit"}) + "\n",
                  {"kind": "app_log", "level": "INFO", "time": iso_ms(t), "request_id": r, "text": "db: commit", "failure": False},
                  "corpus variant", note="the public corpus ends Node JSON app records with \\n; accept both"))
    out["app-node-json"] = NJ

    # ---------------- .NET text
    D = []
    r = uid()
    t = lt(14, 0, 455)
    D.append(row("app-dotnet-text", dn_text(t, r, "info", "Processing journal batch 512208 (17 entries) from queue journal-events"),
                 {"kind": "app_log", "level": "info", "time": iso_ms(t), "request_id": r, "text": "Processing journal batch 512208 (17 entries) from queue journal-events", "failure": False},
                 S2 + " (Amazon.Lambda.RuntimeSupport)"))
    t = lt(14, 0, 470)
    D.append(row("app-dotnet-text", dn_text(t, r, "warn", "Duplicate batch 512208 ignored (idempotency key %s)" % uid()),
                 {"kind": "app_log", "level": "warn", "time": iso_ms(t), "request_id": r, "failure": False}, S2))
    t = lt(14, 15, 502)
    exc = sqlexception("Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.",
                       "System.ComponentModel.Win32Exception (258): The wait operation timed out.", DN_ONERROR + DN_INSERT, -2, 11)
    D.append(row("app-dotnet-text", dn_text(t, r, "fail", exc),
                 {"kind": "app_error_unhandled", "level": "fail", "time": iso_ms(t), "request_id": r, "error_class": "Microsoft.Data.SqlClient.SqlException",
                  "error_message": "Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.",
                  "sql_error_number": -2, "inner_error": "System.ComponentModel.Win32Exception (258): The wait operation timed out.", "failure": True},
                 S2 + " + section 4 (.NET); 'fail' label [U]", note="multi-line: the stack continues on lines without the prefix; two spaces after full stops"))
    r = uid()
    t = lt(14, 20, 33)
    D.append(row("app-dotnet-text", dn_text(t, r, "fail", "System.InvalidOperationException: The transaction associated with the current connection has completed but has not been disposed.  The transaction must be disposed before the connection can be used to execute SQL statements.\n"
                                                         "   at Microsoft.Data.SqlClient.SqlInternalConnectionTds.ValidateConnectionForExecute(SqlCommand command)\n"
                                                         "   at Microsoft.Data.SqlClient.SqlCommand.ValidateCommand(Boolean isAsync, String method)\n"
                                                         "   at JournalWriter.Data.EntryRepository.InsertLines(SqlTransaction tx, IReadOnlyList`1 lines) in /src/JournalWriter/Data/EntryRepository.cs:line 74"),
                 {"kind": "app_error_unhandled", "level": "fail", "time": iso_ms(t), "request_id": r, "error_class": "System.InvalidOperationException",
                  "error_message": "The transaction associated with the current connection has completed but has not been disposed.  The transaction must be disposed before the connection can be used to execute SQL statements.", "failure": True},
                 "formats.md section 4 (.NET TXN) and the seed article"))
    out["app-dotnet-text"] = D

    # ---------------- Java
    JV = []
    r = uid()
    JV.append(row("app-java", "loading order o-99127 for tenant eu-retail\n",
                  {"kind": "raw", "request_id": None, "text": "loading order o-99127 for tenant eu-retail", "failure": False},
                  S2 + " (LambdaLogger.log: raw text, no prefix)"))
    t = lt(15, 3, 0)
    JV.append(row("app-java", "%s %s INFO  OrderHandler - loading order o-99127\n" % (datetime.fromtimestamp(t // 1000, timezone.utc).strftime("%Y-%m-%d %H:%M:%S"), r),
                  {"kind": "app_log", "level": "INFO", "time": iso_ms(t), "request_id": r, "logger": "OrderHandler", "text": "loading order o-99127", "failure": False},
                  "aws-lambda-java-log4j2 pattern '%d{yyyy-MM-dd HH:mm:ss} %X{AWSRequestId} %-5p %c{1} - %m%n' (user-defined [U])", verified=False))
    t = lt(15, 3, 0)
    JV.append(row("app-java", "%s %s ERROR OrderRepository - query failed\norg.postgresql.util.PSQLException: This connection has been closed.\n"
                              "\tat org.postgresql.jdbc.PgConnection.checkClosed(PgConnection.java:917)\n"
                              "\tat org.postgresql.jdbc.PgConnection.prepareStatement(PgConnection.java:1816)\n"
                              "\tat com.zaxxer.hikari.pool.ProxyConnection.prepareStatement(ProxyConnection.java:337)\n"
                              "\tat com.example.orders.OrderRepository.find(OrderRepository.java:41)\n" % (datetime.fromtimestamp(t // 1000, timezone.utc).strftime("%Y-%m-%d %H:%M:%S"), r),
                  {"kind": "app_log", "level": "ERROR", "time": iso_ms(t), "request_id": r, "logger": "OrderRepository", "error_class": "org.postgresql.util.PSQLException",
                   "error_message": "This connection has been closed.", "failure": False},
                  "formats.md section 4 (PgJDBC) in a Log4j2 line", verified=False))
    t = lt(15, 4, 120)
    JV.append(row("app-java", compact({"timestamp": iso_ms(t), "message": "order o-99127 committed", "level": "INFO", "AWSRequestId": r}) + "\n",
                  {"kind": "app_log", "level": "INFO", "time": iso_ms(t), "request_id": r, "text": "order o-99127 committed", "failure": False},
                  S2 + " (aws-lambda-java-libs JsonLogFormatter / StructuredLogMessage: key AWSRequestId)"))
    out["app-java"] = JV

    # ---------------- RDS Proxy
    X = []
    cc, db = u32(), u32()

    def pxe(kind, **kw):
        e = {"kind": kind}
        e.update(kw)
        return e
    t = lt(16, 0, 101)
    X.append(row("rds-proxy", px_client(t, "INFO", cc, "A new client connected from 10.42.17.201:36293."),
                 pxe("proxy_client_connect", time=iso_ms(t), level="INFO", proxy_endpoint="default", client_connection=cc, client_ip="10.42.17.201", client_port=36293), S3))
    t = lt(16, 0, 113)
    X.append(row("rds-proxy", px_client(t, "INFO", cc, PG_AUTH % "inventory_app"),
                 pxe("proxy_auth", time=iso_ms(t), level="INFO", proxy_endpoint="default", client_connection=cc, engine="PostgreSQL", db_user="inventory_app", auth_ok=True, tls=True), S3 + " (corpus wording)"))
    t = lt(16, 0, 140)
    X.append(row("rds-proxy", px_client(t, "INFO", cc, SQL_AUTH % "journal_svc"),
                 pxe("proxy_auth", time=iso_ms(t), level="INFO", proxy_endpoint="default", client_connection=cc, engine="SQL Server", db_user="journal_svc", auth_ok=True, tls=True), S3 + " (corpus wording)"))
    cc2 = u32()
    t = lt(16, 0, 166)
    X.append(row("rds-proxy", px_client(t, "INFO", cc2, 'Proxy authentication with PostgreSQL native password authentication failed for user "reporting_ro" with TLS on.'),
                 pxe("proxy_auth", time=iso_ms(t), level="INFO", proxy_endpoint="default", client_connection=cc2, engine="PostgreSQL", db_user="reporting_ro", auth_ok=False),
                 S3 + " (source #61446037472; the text after the user was cut off in the source)", verified=False))
    for reason, extra in ((REASON_PARSE, {}),
                          (REASON_16K, {}),
                          (reason_digest("set search_path = $1; set names $2;"), {"digest": "set search_path = $1; set names $2;"}),
                          (reason_digest("set client_encoding to $1"), {"digest": "set client_encoding to $1"}),
                          (reason_digest("select pg_advisory_unlock_all(); close all; unlisten *; reset all;"), {"digest": "select pg_advisory_unlock_all(); close all; unlisten *; reset all;"}),
                          (reason_digest("SET `autocommit` = ? , `transaction_isolation` = ? , `session_track_schema` = ? , `session_track_system_variables` = ? ."),
                           {"digest": "SET `autocommit` = ? , `transaction_isolation` = ? , `session_track_schema` = ? , `session_track_system_variables` = ? .", "engine": "MySQL"}),
                          (reason_digest(SQL_DIGEST), {"digest": SQL_DIGEST, "engine": "SQL Server", "note": "SQL Server reason text is [U]; this is the corpus form"})):
        db = u32()
        t += R.randint(200, 4000)
        note_ = extra.pop("note", None)
        X.append(row("rds-proxy", px_client(t, "WARN", cc, PIN_PREFIX % (db, reason)),
                     pxe("proxy_pin", time=iso_ms(t), level="WARN", proxy_endpoint="default", client_connection=cc, db_connection=db, pin_reason=reason, **extra),
                     S3 + " (pinning reasons table)", note=note_))
    db = u32()
    t += 900
    X.append(row("rds-proxy", px_client(t, "INFO", cc, "If this prepared statement runs, the client session will be pinned to the database connection [dbConnection=%d]. Reason: %s" % (db, reason_digest("set session characteristics as transaction isolation level $1 uncommitted"))),
                 pxe("proxy_pin_pending", time=iso_ms(t), level="INFO", proxy_endpoint="default", client_connection=cc, db_connection=db,
                     pin_reason=reason_digest("set session characteristics as transaction isolation level $1 uncommitted"),
                     digest="set session characteristics as transaction isolation level $1 uncommitted"), S3 + " (prisma/orm#5866)",
                 note="a warning that pinning would happen; the session is not pinned yet"))
    t += 1300
    old_cc, old_db = u32(), u32()
    X.append(row("rds-proxy", "2020-11-19T07:41:09.518Z [WARN] [clientConnection=%d] The client session was pinned to the database connection [dbConnection=%d] for the remainder of the session. The proxy can't reuse this connection until the session ends. Reason: A parse message was detected." % (old_cc, old_db),
                 pxe("proxy_pin", time="2020-11-19T07:41:09.518Z", level="WARN", proxy_endpoint=None, client_connection=old_cc, db_connection=old_db, pin_reason=REASON_PARSE),
                 S3 + " (2020 format without [proxyEndpoint=...], elixir-ecto/postgrex#514)"))
    X.append(row("rds-proxy", "2024-10-12T17:20:40 [WARN] [proxyEndpoint=default] [clientConnection=1740227381] The client session was pinned to the database connection [dbConnection=2511950317] for the remainder of the session. The proxy can't reuse this connection until the session ends. Reason: %s" % reason_digest("set client_encoding to $1"),
                 pxe("proxy_pin", time="2024-10-12T17:20:40.000Z", level="WARN", proxy_endpoint="default", client_connection=1740227381, db_connection=2511950317, digest="set client_encoding to $1"),
                 S3 + " (timestamp without ms and Z, boosterKRD post)", note="treat a zone-less timestamp as UTC"))
    cc3 = u32()
    X.append(row("rds-proxy", px_client(t, "INFO", cc3, "A new client connected from 10.42.16.58:50110.", endpoint="reporting-ro"),
                 pxe("proxy_client_connect", time=iso_ms(t), level="INFO", proxy_endpoint="reporting-ro", client_connection=cc3, client_ip="10.42.16.58", client_port=50110),
                 S3 + " (custom endpoint name instead of default)"))
    for kind_, text, ck in (("requested", CLOSE_TEXT["requested"], "client_requested"),
                            ("tcp", CLOSE_TEXT["tcp"], "tcp_closed"),
                            ("idle", CLOSE_TEXT["idle"], "idle_timeout")):
        t += R.randint(500, 9000)
        X.append(row("rds-proxy", px_client(t, "INFO", cc, "The client connection closed. Reason: " + text),
                     pxe("proxy_client_close", time=iso_ms(t), level="INFO", proxy_endpoint="default", client_connection=cc, close_reason=text, close_kind=ck),
                     S3 + (" (idle wording from the corpus; formats.md: not found [U])" if kind_ == "idle" else " (incident write-up histogram)"),
                     verified=(kind_ != "idle")))
    t += 4000
    odd = "The proxy closed the connection because the client exceeded the maximum session lifetime."
    X.append(row("rds-proxy", px_client(t, "INFO", cc, "The client connection closed. Reason: " + odd),
                 pxe("proxy_client_close", time=iso_ms(t), level="INFO", proxy_endpoint="default", client_connection=cc, close_reason=odd, close_kind="unknown"),
                 "invented on purpose: an unknown close reason", verified=False, note="store the reason text and bucket it as unknown"))
    db = u32()
    t += 20
    X.append(row("rds-proxy", px_db(t, db, "A TCP connection was established from the proxy at 10.42.32.17:47120 to the database at 10.42.48.20:5432."),
                 pxe("proxy_db_connect", time=iso_ms(t), level="INFO", db_connection=db, proxy_ip="10.42.32.17", proxy_port=47120, db_ip="10.42.48.20", db_port=5432), S3))
    t += 30
    X.append(row("rds-proxy", px_db(t, db, DB_CLOSED_MID),
                 pxe("proxy_db_close", time=iso_ms(t), level="INFO", db_connection=db, close_kind="closed_mid_request",
                     close_reason="The client connection that borrowed this database connection from the connection pool was closed in the middle of a request."),
                 S3 + " (dbConnection tag [U])"))
    t += 30
    X.append(row("rds-proxy", px_db(t, db, DB_RELEASED),
                 pxe("proxy_db_release", time=iso_ms(t), level="INFO", db_connection=db, close_kind="released_session_reset"), S3 + " (dbConnection tag [U])"))
    X.append(row("rds-proxy", 'Credentials couldn\'t be retrieved. The database user "reporting_ro" was found in multiple DB proxy authentication entries',
                 pxe("proxy_credentials_error", time=None, db_user="reporting_ro"), S3 + " (bare line, no prefix; source #61446037472)"))
    out["rds-proxy"] = X

    for fam, rows_ in out.items():
        write("lines/%s.ndjson" % fam, "".join(json.dumps(r_, ensure_ascii=False) + "\n" for r_ in rows_))
    return out


def verify(lines):
    """Every proxy row but the bare credentials line reads as an RDS Proxy line."""
    rx = re.compile(PROXY_LINE)
    return ["proxy regex on lines row: " + r["message"][:60] for r in lines.get("rds-proxy", [])
            if r["expect"]["kind"] != "proxy_credentials_error" and rx.match(r["message"]) is None]


def build(root):
    begin(root, SKIP)
    lines = build_lines()
    return finish(__file__, "lines", lines, verify(lines), alone_in=("lines",))


if __name__ == "__main__":
    main("lines", build)
