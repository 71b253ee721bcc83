#!/usr/bin/env python3
"""Write samples/runtimes/*.json: one `aws logs filter-log-events` response per Lambda runtime
family and log format, plus truth.json (the answer key).

Python 3 standard library only; fixed seed, so rerunning gives the same bytes.
Every line shape is taken from the runtime's own source (see research/runtimes.md for the
source of each shape and for what is unconfirmed). Do not edit the .json files by hand.

Each file holds two log streams of one function (/aws/lambda/rt-<runtime>-<format>):
  stream A: cold start, then 1 success, 2 handled DB error (app logs ERROR, returns success),
            3 unhandled DB driver exception, 4 timeout, 5 OOM kill / process exit
            (after the timeout the runtime is re-initialised in the same stream);
  stream B: 6 init error (init fails, is retried inside the invoke, the invoke fails).
"""
import json
import os
import random
import uuid
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(202603141000)

ACCOUNT = "730335218964"
REGION = "eu-west-1"
MEMORY_MB = 512
TIMEOUT_S = 6
T_BASE = 1773482400000  # 2026-03-14T10:00:00.000Z
PROXY_PG = "orders-proxy.proxy-cq7x2mzk1d0e.eu-west-1.rds.amazonaws.com"
PROXY_MY = "orders-my-proxy.proxy-cq7x2mzk1d0e.eu-west-1.rds.amazonaws.com"
NBSP = "\u00a0"


# ----------------------------------------------------------------------------- helpers

def rid():
    return str(uuid.UUID(int=R.getrandbits(128), version=4))


def hexn(n):
    return "%0*x" % (n, R.getrandbits(4 * n))


def event_id(ts):
    # same scheme as samples/make_samples.py: (timestamp << 144) | 140 random bits, 56 digits
    return str((ts << 144) | R.getrandbits(140))


def dt(ms):
    return datetime.fromtimestamp(ms // 1000, timezone.utc).replace(microsecond=(ms % 1000) * 1000)


def iso_ms(ms):
    return dt(ms).strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % (ms % 1000)


def iso_s(ms):  # awslambdaric _DATETIME_FORMAT "%Y-%m-%dT%H:%M:%SZ" (no milliseconds)
    return dt(ms).strftime("%Y-%m-%dT%H:%M:%SZ")


def go_time(ms):  # Go log.LstdFlags
    return dt(ms).strftime("%Y/%m/%d %H:%M:%S")


def ruby_time(ms):  # Ruby Logger::Formatter "%Y-%m-%dT%H:%M:%S.%6N" (TZ is UTC in Lambda)
    return dt(ms).strftime("%Y-%m-%dT%H:%M:%S") + ".%06d" % ((ms % 1000) * 1000 + R.randint(0, 999))


def js(obj):  # JSON.stringify / Gson / serde_json / Go-like compact output, non-ASCII kept
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def go_json(obj):  # encoding/json escapes <, >, & (HTMLEscape)
    return js(obj).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_NET_ESC = {'"': "\\u0022", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f",
            "<": "\\u003C", ">": "\\u003E", "&": "\\u0026", "'": "\\u0027", "+": "\\u002B", "`": "\\u0060"}


def net_str(s):  # System.Text.Json Utf8JsonWriter with JavaScriptEncoder.Default
    out = []
    for ch in s:
        if ch in _NET_ESC:
            out.append(_NET_ESC[ch])
        elif ord(ch) < 0x20 or ord(ch) > 0x7E:
            out.append("\\u%04X" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def net_obj(pairs):
    parts = []
    for k, v in pairs:
        if isinstance(v, list):
            parts.append(net_str(k) + ":[" + ",".join(net_str(x) for x in v) + "]")
        else:
            parts.append(net_str(k) + ":" + net_str(v))
    return "{" + ",".join(parts) + "}"


def java_trace(chain):
    """Throwable.printStackTrace() of a cause chain [(header, [frames])], with '... n more'."""
    lines = []
    enclosing = None
    for i, (header, frames) in enumerate(chain):
        if i == 0:
            lines.append(header)
            shown = frames
        else:
            m, n = len(frames) - 1, len(enclosing) - 1
            while m >= 0 and n >= 0 and frames[m] == enclosing[n]:
                m, n = m - 1, n - 1
            common = len(frames) - 1 - m
            lines.append("Caused by: " + header)
            shown = frames[:len(frames) - common]
        lines += ["\tat " + f for f in shown]
        if i > 0 and common:
            lines.append("\t... %d more" % common)
        enclosing = frames
    return "\n".join(lines) + "\n"


def trace_id(ms):
    return "Root=1-%08x-%s;Parent=%s;Sampled=0" % (ms // 1000, hexn(24), hexn(16))


# ----------------------------------------------------------------------------- platform lines

RUNTIMES = {
    "python": ("python3.12", "python:3.12.v64"),
    "nodejs": ("nodejs20.x", "nodejs:20.v58"),
    "java": ("java21", "java:21.v41"),
    "dotnet": ("dotnet8", "dotnet:8.v45"),
    "ruby": ("ruby3.3", "ruby:3.3.v27"),
    "go": ("provided.al2023", "provided:al2023.v95"),
    "rust": ("provided.al2023", "provided:al2023.v95"),
}
ARNHEX = {k: hexn(64) for k in RUNTIMES}


class Fn:
    def __init__(self, runtime, fmt):
        self.runtime, self.fmt = runtime, fmt
        self.json = fmt == "json"
        self.name = "rt-%s-%s" % (runtime, fmt)
        self.group = "/aws/lambda/" + self.name
        self.arn = "arn:aws:lambda:%s:%s:function:%s" % (REGION, ACCOUNT, self.name)
        self.rt_id, self.rt_version = RUNTIMES[runtime]
        self.rt_arn = "arn:aws:lambda:%s::runtime:%s" % (REGION, ARNHEX[runtime])
        self.streams = []


class Stream:
    def __init__(self, fn):
        self.fn = fn
        self.hex = hexn(32)
        self.name = "2026/03/14/[$LATEST]" + self.hex
        self.events = []
        fn.streams.append(self)

    def add(self, ts, msg):
        self.events.append((ts, msg))

    # -- platform (system) log lines --
    def init_start(self, ts, phase):
        f = self.fn
        if f.json:
            self.add(ts, js({"time": iso_ms(ts), "type": "platform.initStart", "record": {
                "initializationType": "on-demand", "phase": phase, "runtimeVersion": f.rt_version,
                "runtimeVersionArn": f.rt_arn, "functionName": f.name, "functionVersion": "$LATEST",
                "instanceId": "2026/03/14/%s[$LATEST]%s" % (f.name, self.hex),
                "instanceMaxMemory": MEMORY_MB * 1024 * 1024}}))
        else:
            self.add(ts, "INIT_START Runtime Version: %s\tRuntime Version ARN: %s\n" % (f.rt_version, f.rt_arn))

    def init_report(self, ts, dur, phase, etype):
        if self.fn.json:
            self.add(ts, js({"time": iso_ms(ts), "type": "platform.initReport", "record": {
                "initializationType": "on-demand", "metrics": {"durationMs": dur}, "phase": phase,
                "status": "error", "errorType": etype}}))
        else:
            self.add(ts, "INIT_REPORT Init Duration: %.2f ms\tPhase: %s\tStatus: error\tError Type: %s\n"
                     % (dur, phase, etype))

    def start(self, ts, r):
        if self.fn.json:
            self.add(ts, js({"time": iso_ms(ts), "type": "platform.start",
                             "record": {"requestId": r, "functionArn": self.fn.arn, "version": "$LATEST"}}))
        else:
            self.add(ts, "START RequestId: %s Version: $LATEST\n" % r)

    def end(self, ts, r):
        if not self.fn.json:
            self.add(ts, "END RequestId: %s\n" % r)

    def fault(self, ts, r, text, etype):
        # platform line written when the runtime process dies; JSON-mode rendering unknown: omitted
        if not self.fn.json:
            self.add(ts, "RequestId: %s Error: %s\n%s\n" % (r, text, etype))

    def report(self, ts, r, dur, maxmem, init=None, status=None, etype=None):
        billed = int(-(-(dur + (init or 0)) // 1))  # ceil; on-demand INIT is billed since 2025-08
        if self.fn.json:
            m = {"durationMs": dur, "billedDurationMs": billed, "memorySizeMB": MEMORY_MB, "maxMemoryUsedMB": maxmem}
            if init:
                m["initDurationMs"] = init
            rec = {"requestId": r, "metrics": m, "status": status or "success"}
            if etype:
                rec["errorType"] = etype
            self.add(ts, js({"time": iso_ms(ts), "type": "platform.report", "record": rec}))
        else:
            f = ["REPORT RequestId: " + r, "Duration: %.2f ms" % dur, "Billed Duration: %d ms" % billed,
                 "Memory Size: %d MB" % MEMORY_MB, "Max Memory Used: %d MB" % maxmem]
            if init:
                f.append("Init Duration: %.2f ms" % init)
            line = "\t".join(f)
            if status:
                line += "\tStatus: " + status + ("\tError Type: " + etype if etype else "")
                self.add(ts, line + "\n")
            else:
                self.add(ts, line + "\t\n")


def d3(lo, hi):
    return round(R.uniform(lo, hi), 3)


def d2(lo, hi):
    return round(R.uniform(lo, hi), 2)


# ----------------------------------------------------------------------------- scenario driver

class Scenario:
    """Runtime-specific pieces; the driver below lays out the invocations and platform lines."""
    init_ms = (300, 500)
    inv_error_platform_type = "Runtime.Unknown"   # REPORT Error Type after an unhandled function error
    exit_kind = "oom"                              # "oom" or "exit"
    exit_text = "Runtime exited with error: signal: killed"
    init_error_platform_type = None
    init_error_is_exit = False

    def __init__(self, fn):
        self.fn = fn

    # hooks, each returns a list of (offset_ms, message) relative to a base time
    def init_lines(self, s, ts):
        return []

    def body(self, kind, s, ts, r):
        raise NotImplementedError


def dur_of(lines):
    return max([o for o, _ in lines] + [0])


def build(fn, sc, t0):
    truth = []
    A = Stream(fn)
    t = t0
    # cold start
    A.init_start(t, "init")
    for o, m in sc.init_lines(A, t):
        A.add(t + o, m)
    init1 = d2(*sc.init_ms)
    t += int(init1) + 1
    invs = [("success", None), ("handled", None), ("unhandled", None), ("timeout", None), ("exit", None)]
    for i, (kind, _) in enumerate(invs):
        r = rid()
        reinit = None
        if kind == "exit":
            # the timeout reset the runtime: the next invoke initialises it again in this stream
            A.init_start(t, "invoke")
            for o, m in sc.init_lines(A, t):
                A.add(t + o, m)
            reinit = d2(*sc.init_ms)
            t += int(reinit) + 1
        A.start(t, r)
        k = t + R.randint(1, 3)
        lines, info = sc.body(kind, A, k, r)
        for o, m in lines:
            A.add(k + o, m)
        last = k + dur_of(lines)
        if kind == "timeout":
            dur = TIMEOUT_S * 1000.0
            tend = t + TIMEOUT_S * 1000 + R.randint(1, 40)
            A.end(tend, r)
            A.report(tend, r, dur, R.randint(96, 130), status="timeout")
            st, et = "timeout", "Sandbox.Timedout"
        elif kind == "exit":
            tend = last + R.randint(30, 400)
            A.fault(tend, r, sc.exit_text, "Runtime.ExitError")
            A.end(tend + 1, r)
            if sc.exit_kind == "oom":
                A.report(tend + 1, r, d2(tend - t - 1, tend - t), MEMORY_MB, init=reinit, status="error",
                         etype="Runtime.OutOfMemory")
                st, et = "error", "Runtime.OutOfMemory"
            else:
                A.report(tend + 1, r, d2(tend - t - 1, tend - t), R.randint(40, 60), init=reinit, status="error",
                         etype="Runtime.ExitError")
                st, et = "error", "Runtime.ExitError"
        else:
            tend = last + R.randint(2, 9)
            A.end(tend, r)
            dur = d2(tend - t - 1, tend - t)
            if kind == "unhandled":
                A.report(tend, r, dur, R.randint(90, 125), init=init1 if i == 0 else None, status="error",
                         etype=sc.inv_error_platform_type)
                st, et = "error", info["error_type"]
            else:
                A.report(tend, r, dur, R.randint(88, 120), init=init1 if i == 0 else None)
                st, et = "success", None
        row = {"request_id": r, "stream": A.name, "status": st, "error_type": et,
               "error_text_contains": info.get("text"), "is_init_error": False, "scenario": kind,
               "cold_start": i == 0, "reinitialised_before": kind == "exit"}
        for k in ("exception_class", "platform_error_type", "request_id_in_error_record", "note"):
            if k in info:
                row[k] = info[k]
        if kind == "unhandled":
            row.setdefault("platform_error_type", sc.inv_error_platform_type)
        if kind == "timeout":
            row["platform_error_type"] = None
            row["note"] = ("no 'Task timed out' line (current platform); REPORT Status: timeout" if not fn.json
                           else "platform.report status timeout; no platform.runtimeDone at SystemLogLevel INFO")
        if kind == "exit":
            row["platform_error_type"] = et
        truth.append(row)
        t = tend + R.randint(4000, 9000)

    # stream B: init error
    B = Stream(fn)
    t = t0 + 72000 + R.randint(0, 3000)
    r = rid()
    for phase in ("init", "invoke"):
        B.init_start(t, phase)
        lines, info = sc.init_error(B, t)
        for o, m in lines:
            B.add(t + o, m)
        idur = d2(dur_of(lines) + 5, dur_of(lines) + 40)
        t += int(idur) + 1
        B.init_report(t, idur, phase, sc.init_error_platform_type)
        if phase == "init":
            t += R.randint(15, 60)
    t += 1
    B.start(t, r)
    if sc.init_error_is_exit:
        B.fault(t + 1, r, "Runtime exited with error: exit status 1", "Runtime.ExitError")
    B.end(t + 2, r)
    B.report(t + 2, r, d2(idur + 10, idur + 25), R.randint(35, 70), status="error", etype=sc.init_error_platform_type)
    row = {"request_id": r, "stream": B.name, "status": "error", "error_type": info["error_type"],
           "error_text_contains": info.get("text"), "is_init_error": True, "scenario": "init_error",
           "cold_start": True, "reinitialised_before": False, "platform_error_type": sc.init_error_platform_type}
    for k in ("exception_class", "note"):
        if k in info:
            row[k] = info[k]
    truth.append(row)
    return truth


# ----------------------------------------------------------------------------- python3.12

PSYCOPG_CLOSED = ("server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n"
                  "\tbefore or while processing the request.\n")
PG_QTO = "canceling statement due to statement timeout\n"
LAMBDA_WARNING = ("LAMBDA_WARNING: Unhandled exception. The most likely cause is an issue in the function code. However, "
                  "in rare cases, a Lambda runtime update can cause unexpected function behavior. For functions using "
                  "managed runtimes, runtime updates can be triggered by a function change, or can be applied "
                  "automatically. To determine if the runtime has been updated, check the runtime version in the "
                  "INIT_START log entry. If this error correlates with a change in the runtime version, you may be able "
                  "to mitigate this error by temporarily rolling back to the previous runtime version. For more "
                  "information, see https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html\r")


class Python(Scenario):
    init_ms = (380, 520)
    init_error_platform_type = "Runtime.ImportModuleError"

    def log(self, ts, r, level, msg, logger="root", exc=None, location=None):
        if self.fn.json:
            d = {"timestamp": iso_s(ts), "level": level, "message": msg, "logger": logger}
            if exc:
                d["stackTrace"], d["errorType"], d["errorMessage"] = exc[:3]
            d["requestId"] = r or ""
            if location:
                d["location"] = location
            return json.dumps(d, ensure_ascii=False) + "\n"
        s = "[%s]\t%s\t%s\t%s\n" % (level, iso_ms(ts), r or "", msg)
        if exc:
            s += exc[3]
        return s

    def init_lines(self, s, ts):
        return [(200, self.log(ts + 200, None, "INFO", "connecting to %s:5432 (sslmode=require)" % PROXY_PG,
                                               logger="orders.db"))]

    def body(self, kind, s, ts, r):
        oid = "ord_" + hexn(10)
        L = [(1, self.log(ts + 1, r, "INFO", "processing order %s" % oid))]
        if kind == "success":
            L.append((120, self.log(ts + 120, r, "INFO", "order %s confirmed: 3 lines, 41.90 EUR" % oid)))
            return L, {}
        if kind == "handled":
            o = R.randint(5010, 5040)
            tb_frames = ['  File "/var/task/app.py", line 29, in handler\n    record_audit(conn, order_id, "confirmed")\n',
                         '  File "/var/task/app.py", line 57, in record_audit\n    cur.execute(AUDIT_SQL, (order_id, status))\n']
            text_tb = ("Traceback (most recent call last):\n" + "".join(tb_frames) +
                       "psycopg2.errors.QueryCanceled: " + PG_QTO)
            exc = (tb_frames, "QueryCanceled", PG_QTO, text_tb)
            L.append((o, self.log(ts + o, r, "ERROR", "audit insert failed for order %s" % oid, exc=exc,
                                  location="/var/task/app.py:handler:31")))
            L.append((o + 2, self.log(ts + o + 2, r, "INFO", "order %s confirmed (audit skipped)" % oid)))
            return L, {"text": "canceling statement due to statement timeout",
                       "exception_class": "psycopg2.errors.QueryCanceled",
                       "note": "handled: logger.exception(); invocation returns 200"}
        if kind == "unhandled":
            o = R.randint(20, 60)
            stack = ['  File "/var/task/app.py", line 24, in handler\n    order = repo.load_order(conn, order_id)\n',
                     '  File "/var/task/orders/repo.py", line 18, in load_order\n    cur.execute(LOAD_ORDER_SQL, (order_id,))\n']
            err = {"errorMessage": PSYCOPG_CLOSED, "errorType": "OperationalError", "requestId": r, "stackTrace": stack}
            if self.fn.json:
                m = json.dumps({"timestamp": iso_s(ts + o), "log_level": "ERROR", **err}, ensure_ascii=False)
            else:
                lines = ["[ERROR] OperationalError: " + PSYCOPG_CLOSED, "Traceback (most recent call last):"]
                for el in stack:
                    for tl in el.splitlines():
                        n = len(tl) - len(tl.lstrip(" "))
                        lines.append(NBSP * n + tl[n:])
                m = "\n".join(lines)
            L.append((o, m))
            return L, {"text": "server closed the connection unexpectedly", "error_type": "OperationalError",
                       "exception_class": "psycopg2.OperationalError",
                       "request_id_in_error_record": self.fn.json}
        if kind == "timeout":
            L.append((50, self.log(ts + 50, r, "INFO", "charging order %s via psp" % oid)))
            return L, {}
        if kind == "exit":
            L.append((60, self.log(ts + 60, r, "INFO", "building monthly export (418220 rows)")))
            return L + [(R.randint(900, 1400), None)], {}
        raise ValueError(kind)

    def init_error(self, s, ts):
        msg = "Unable to import module 'app': No module named 'psycopg2._psycopg'"
        o = R.randint(210, 320)
        warn = self.log(ts + o, None, "WARNING", LAMBDA_WARNING)
        if self.fn.json:
            err = json.dumps({"timestamp": iso_s(ts + o), "log_level": "ERROR", "errorMessage": msg,
                              "errorType": "Runtime.ImportModuleError", "requestId": "", "stackTrace": []},
                             ensure_ascii=False)
        else:
            err = "[ERROR] Runtime.ImportModuleError: " + msg + "\nTraceback (most recent call last):"
        return [(o, warn), (o, err)], {"error_type": "Runtime.ImportModuleError",
                                       "text": "No module named 'psycopg2._psycopg'",
                                       "exception_class": "ModuleNotFoundError"}


# ----------------------------------------------------------------------------- nodejs20.x

NODE_CTU_STACK = ["Error: Connection terminated unexpectedly",
                  "    at Connection.<anonymous> (/var/task/node_modules/pg/lib/client.js:132:73)",
                  "    at Object.onceWrapper (node:events:632:28)",
                  "    at Connection.emit (node:events:518:28)",
                  "    at Socket.<anonymous> (/var/task/node_modules/pg/lib/connection.js:63:12)",
                  "    at Socket.emit (node:events:518:28)",
                  "    at TCP.<anonymous> (node:net:337:12)"]
NODE_IME_MSG = "Error: Cannot find module 'pg'\nRequire stack:\n- /var/task/index.js\n- /var/runtime/index.mjs"
NODE_IME_STACK = ["Runtime.ImportModuleError: Error: Cannot find module 'pg'", "Require stack:", "- /var/task/index.js",
                  "- /var/runtime/index.mjs",
                  "    at _loadUserApp (file:///var/runtime/index.mjs:1087:17)",
                  "    at async UserFunction.js.module.exports.load (file:///var/runtime/index.mjs:1119:21)",
                  "    at async start (file:///var/runtime/index.mjs:1282:23)",
                  "    at async file:///var/runtime/index.mjs:1288:1"]


class Node(Scenario):
    init_ms = (240, 360)
    init_error_platform_type = "Runtime.ImportModuleError"

    def log(self, ts, r, level, msg):
        if self.fn.json:
            d = {"timestamp": iso_ms(ts), "level": level}
            if r is not None:
                d["requestId"] = r
            d["message"] = msg
            return js(d)
        return "%s\t%s\t%s\t%s\n" % (iso_ms(ts), r if r is not None else "undefined", level, msg)

    def init_lines(self, s, ts):
        return [(150, self.log(ts + 150, None, "INFO", "pg pool created for %s (max 2)" % PROXY_PG))]

    def body(self, kind, s, ts, r):
        oid = "ord_" + hexn(10)
        L = [(1, self.log(ts + 1, r, "INFO", "processing order " + oid))]
        if kind == "success":
            L.append((90, self.log(ts + 90, r, "INFO", "order %s confirmed: 3 lines, 41.90 EUR" % oid)))
            return L, {}
        if kind == "handled":
            o = R.randint(5010, 5040)
            L.append((o, self.log(ts + o, r, "ERROR", "audit insert failed for %s: canceling statement due to statement timeout" % oid)))
            L.append((o + 1, self.log(ts + o + 1, r, "INFO", "order %s confirmed (audit skipped)" % oid)))
            return L, {"text": "canceling statement due to statement timeout", "exception_class": "pg DatabaseError (57014)",
                       "note": "handled: console.error(`...${err.message}`); handler resolves"}
        if kind == "unhandled":
            o = R.randint(15, 50)
            if self.fn.json:
                m = js({"timestamp": iso_ms(ts + o), "level": "ERROR", "requestId": r,
                        "message": {"errorType": "Error", "errorMessage": "Connection terminated unexpectedly",
                                    "stackTrace": NODE_CTU_STACK}})
            else:
                m = "%s\t%s\tERROR\tInvoke Error \t%s\n" % (iso_ms(ts + o), r, js(
                    {"errorType": "Error", "errorMessage": "Connection terminated unexpectedly", "stack": NODE_CTU_STACK}))
            L.append((o, m))
            return L, {"text": "Connection terminated unexpectedly", "error_type": "Error", "exception_class": "Error (pg)",
                       "request_id_in_error_record": True}
        if kind == "timeout":
            L.append((40, self.log(ts + 40, r, "INFO", "charging order %s via psp" % oid)))
            return L, {}
        if kind == "exit":
            L.append((60, self.log(ts + 60, r, "INFO", "building monthly export (418220 rows)")))
            return L + [(R.randint(900, 1400), None)], {}
        raise ValueError(kind)

    def init_error(self, s, ts):
        o = R.randint(90, 160)
        if self.fn.json:
            m = js({"timestamp": iso_ms(ts + o), "level": "ERROR",
                    "message": {"errorType": "ImportModuleError", "errorMessage": NODE_IME_MSG, "stackTrace": NODE_IME_STACK}})
        else:
            m = "%s\tundefined\tERROR\tUncaught Exception \t%s\n" % (iso_ms(ts + o), js(
                {"errorType": "Runtime.ImportModuleError", "errorMessage": NODE_IME_MSG, "stack": NODE_IME_STACK}))
        return [(o, m)], {"error_type": "Runtime.ImportModuleError" if not self.fn.json else "ImportModuleError",
                          "text": "Cannot find module 'pg'", "exception_class": "Runtime.ImportModuleError",
                          "note": "JSON mode: errorType is constructor.name ('ImportModuleError'); text mode uses error.name"}


# ----------------------------------------------------------------------------- java21

JAVA_CLOSED = java_trace([("org.postgresql.util.PSQLException: This connection has been closed.", [
    "org.postgresql.jdbc.PgConnection.checkClosed(PgConnection.java:1050)",
    "org.postgresql.jdbc.PgConnection.prepareStatement(PgConnection.java:1916)",
    "org.postgresql.jdbc.PgConnection.prepareStatement(PgConnection.java:484)",
    "com.zaxxer.hikari.pool.ProxyConnection.prepareStatement(ProxyConnection.java:327)",
    "com.zaxxer.hikari.pool.HikariProxyConnection.prepareStatement(HikariProxyConnection.java)",
    "com.example.orders.OrderRepository.find(OrderRepository.java:41)",
    "com.example.orders.OrderHandler.handleRequest(OrderHandler.java:33)",
    "com.example.orders.OrderHandler.handleRequest(OrderHandler.java:17)"])])
_FORNAME = ["java.base/java.lang.Class.forName0(Native Method)", "java.base/java.lang.Class.forName(Unknown Source)"]
JAVA_INIT = java_trace([
    ("java.lang.ExceptionInInitializerError", _FORNAME),
    ("org.postgresql.util.PSQLException: The connection attempt failed.", [
        "org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:439)",
        "org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:61)",
        "org.postgresql.jdbc.PgConnection.<init>(PgConnection.java:277)",
        "org.postgresql.Driver.makeConnection(Driver.java:448)",
        "org.postgresql.Driver.connect(Driver.java:298)",
        "java.sql/java.sql.DriverManager.getConnection(Unknown Source)",
        "java.sql/java.sql.DriverManager.getConnection(Unknown Source)",
        "com.example.orders.Db.connect(Db.java:19)",
        "com.example.orders.OrderHandler.<clinit>(OrderHandler.java:22)"] + _FORNAME),
    ("java.net.SocketTimeoutException: Connect timed out", [
        "java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(Unknown Source)",
        "java.base/sun.nio.ch.NioSocketImpl.connect(Unknown Source)",
        "java.base/java.net.SocksSocketImpl.connect(Unknown Source)",
        "java.base/java.net.Socket.connect(Unknown Source)",
        "org.postgresql.core.PGStream.createSocket(PGStream.java:260)",
        "org.postgresql.core.PGStream.<init>(PGStream.java:121)",
        "org.postgresql.core.v3.ConnectionFactoryImpl.tryConnect(ConnectionFactoryImpl.java:140)",
        "org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:268)",
        "org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:61)",
        "org.postgresql.jdbc.PgConnection.<init>(PgConnection.java:277)",
        "org.postgresql.Driver.makeConnection(Driver.java:448)",
        "org.postgresql.Driver.connect(Driver.java:298)",
        "java.sql/java.sql.DriverManager.getConnection(Unknown Source)",
        "java.sql/java.sql.DriverManager.getConnection(Unknown Source)",
        "com.example.orders.Db.connect(Db.java:19)",
        "com.example.orders.OrderHandler.<clinit>(OrderHandler.java:22)"] + _FORNAME),
])


class Java(Scenario):
    init_ms = (1900, 2600)
    inv_error_platform_type = "Runtime.UserException"
    init_error_platform_type = "Runtime.BadFunctionCode"

    def log(self, ts, r, level, msg):
        # LambdaLogger.log(msg, level): text "[LEVEL] msg" (UNDEFINED: raw), no newline added
        if self.fn.json:
            d = {"timestamp": iso_ms(ts), "message": msg, "level": level}
            if r:
                d["AWSRequestId"] = r
            return js(d) + "\n"
        return msg if level == "UNDEFINED" else "[%s] %s" % (level, msg)

    def body(self, kind, s, ts, r):
        oid = "ord_" + hexn(10)
        L = [(1, self.log(ts + 1, r, "INFO", "processing order " + oid))]
        if kind == "success":
            o = R.randint(40, 120)
            L.append((o, self.log(ts + o, r, "UNDEFINED", "order %s confirmed: 3 lines, 41.90 EUR" % oid)))
            L.append((o + 1, "order %s persisted\n" % oid))  # System.out.println: raw stdout line
            return L, {}
        if kind == "handled":
            o = R.randint(5010, 5040)
            L.append((o, self.log(ts + o, r, "ERROR", "audit insert failed for order %s: ERROR: canceling statement due to statement timeout" % oid)))
            L.append((o + 1, self.log(ts + o + 1, r, "INFO", "order %s confirmed (audit skipped)" % oid)))
            return L, {"text": "canceling statement due to statement timeout",
                       "exception_class": "org.postgresql.util.PSQLException (57014)",
                       "note": "handled: logger.log(msg, LogLevel.ERROR); handler returns"}
        if kind == "unhandled":
            o = R.randint(15, 60)
            body = "This connection has been closed.: org.postgresql.util.PSQLException\n" + JAVA_CLOSED + "\n"
            L.append((o, self.log(ts + o, r, "ERROR", body) if self.fn.json else body))
            return L, {"text": "This connection has been closed.", "error_type": "org.postgresql.util.PSQLException",
                       "exception_class": "org.postgresql.util.PSQLException",
                       "request_id_in_error_record": self.fn.json}
        if kind == "timeout":
            L.append((40, self.log(ts + 40, r, "INFO", "charging order %s via psp" % oid)))
            return L, {}
        if kind == "exit":
            L.append((60, self.log(ts + 60, r, "INFO", "building monthly export (418220 rows)")))
            return L + [(R.randint(900, 1400), None)], {}
        raise ValueError(kind)

    def init_error(self, s, ts):
        o = R.randint(5200, 5400)  # static initializer waits for the connect timeout
        body = "Error loading class com.example.orders.OrderHandler: java.lang.ExceptionInInitializerError\n" + JAVA_INIT + "\n"
        m = self.log(ts + o, None, "ERROR", body) if self.fn.json else body
        return [(o, m)], {"error_type": "java.lang.ExceptionInInitializerError", "text": "The connection attempt failed.",
                          "exception_class": "java.lang.ExceptionInInitializerError caused by org.postgresql.util.PSQLException"}


# ----------------------------------------------------------------------------- dotnet8

NET_EOS = ("Npgsql.NpgsqlException (0x80004005): Exception while reading from stream\n"
           " ---> System.IO.EndOfStreamException: Attempted to read past the end of the stream.\n"
           "   at Npgsql.Internal.NpgsqlReadBuffer.<Ensure>g__EnsureLong|55_0(NpgsqlReadBuffer buffer, Int32 count, Boolean async, Boolean readingNotifications)\n"
           "   --- End of inner exception stack trace ---\n"
           "   at Npgsql.Internal.NpgsqlReadBuffer.<Ensure>g__EnsureLong|55_0(NpgsqlReadBuffer buffer, Int32 count, Boolean async, Boolean readingNotifications)\n"
           "   at Npgsql.Internal.NpgsqlConnector.ReadMessageLong(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)\n"
           "   at System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder`1.StateMachineBox`1.System.Threading.Tasks.Sources.IValueTaskSource<TResult>.GetResult(Int16 token)\n"
           "   at Npgsql.NpgsqlDataReader.NextResult(Boolean async, Boolean isConsuming, CancellationToken cancellationToken)\n"
           "   at Npgsql.NpgsqlDataReader.NextResult(Boolean async, Boolean isConsuming, CancellationToken cancellationToken)\n"
           "   at Npgsql.NpgsqlCommand.ExecuteReader(Boolean async, CommandBehavior behavior, CancellationToken cancellationToken)\n"
           "   at Npgsql.NpgsqlCommand.ExecuteReader(Boolean async, CommandBehavior behavior, CancellationToken cancellationToken)\n"
           "   at Orders.OrderRepository.LoadAsync(String orderId) in /src/Orders/OrderRepository.cs:line 37\n"
           "   at Orders.Function.FunctionHandler(OrderEvent input, ILambdaContext context) in /src/Orders/Function.cs:line 41\n"
           "   at Amazon.Lambda.RuntimeSupport.HandlerWrapper.<>c__DisplayClass26_0`2.<<GetHandlerWrapper>b__0>d.MoveNext()\n"
           "--- End of stack trace from previous location ---\n"
           "   at Amazon.Lambda.RuntimeSupport.LambdaBootstrap.<>c__DisplayClass26_0.<<InvokeOnceAsync>b__0>d.MoveNext()")
NET_QTO = ("Npgsql.PostgresException (0x80004005): 57014: canceling statement due to statement timeout\n"
           "   at Npgsql.Internal.NpgsqlConnector.ReadMessageLong(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)\n"
           "   at System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder`1.StateMachineBox`1.System.Threading.Tasks.Sources.IValueTaskSource<TResult>.GetResult(Int16 token)\n"
           "   at Npgsql.NpgsqlDataReader.NextResult(Boolean async, Boolean isConsuming, CancellationToken cancellationToken)\n"
           "   at Npgsql.NpgsqlDataReader.NextResult(Boolean async, Boolean isConsuming, CancellationToken cancellationToken)\n"
           "   at Npgsql.NpgsqlCommand.ExecuteReader(Boolean async, CommandBehavior behavior, CancellationToken cancellationToken)\n"
           "   at Npgsql.NpgsqlCommand.ExecuteReader(Boolean async, CommandBehavior behavior, CancellationToken cancellationToken)\n"
           "   at Npgsql.NpgsqlCommand.ExecuteNonQuery(Boolean async, CancellationToken cancellationToken)\n"
           "   at Orders.AuditRepository.RecordAsync(String orderId, String status) in /src/Orders/AuditRepository.cs:line 28\n"
           "   at Orders.Function.FunctionHandler(OrderEvent input, ILambdaContext context) in /src/Orders/Function.cs:line 47\n"
           "  Exception data:\n"
           "    Severity: ERROR\n"
           "    SqlState: 57014\n"
           "    MessageText: canceling statement due to statement timeout\n"
           "    File: postgres.c\n"
           "    Line: 3365\n"
           "    Routine: ProcessInterrupts")
NET_INIT = ("System.Reflection.TargetInvocationException: Exception has been thrown by the target of an invocation.\n"
            " ---> Npgsql.NpgsqlException (0x80004005): Failed to connect to 10.0.21.40:5432\n"
            " ---> System.TimeoutException: Timeout during connection attempt\n"
            "   at Npgsql.Internal.NpgsqlConnector.Connect(NpgsqlTimeout timeout)\n"
            "   --- End of inner exception stack trace ---\n"
            "   at Npgsql.Internal.NpgsqlConnector.Connect(NpgsqlTimeout timeout)\n"
            "   at Npgsql.Internal.NpgsqlConnector.RawOpen(SslMode sslMode, NpgsqlTimeout timeout, Boolean async, CancellationToken cancellationToken)\n"
            "   at Npgsql.Internal.NpgsqlConnector.<Open>g__OpenCore|214_1(NpgsqlConnector conn, SslMode sslMode, NpgsqlTimeout timeout, Boolean async, CancellationToken cancellationToken, Boolean isFirstAttempt)\n"
            "   at Npgsql.Internal.NpgsqlConnector.Open(NpgsqlTimeout timeout, Boolean async, CancellationToken cancellationToken)\n"
            "   at Npgsql.PoolingDataSource.OpenNewConnector(NpgsqlConnection conn, NpgsqlTimeout timeout, Boolean async, CancellationToken cancellationToken)\n"
            "   at Npgsql.PoolingDataSource.Get(NpgsqlConnection conn, NpgsqlTimeout timeout, Boolean async, CancellationToken cancellationToken)\n"
            "   at Npgsql.NpgsqlConnection.<Open>g__OpenAsync|42_0(Boolean async, CancellationToken cancellationToken)\n"
            "   at Npgsql.NpgsqlConnection.Open()\n"
            "   at Orders.Function..ctor() in /src/Orders/Function.cs:line 22\n"
            "   at System.RuntimeType.CreateInstanceDefaultCtor(Boolean publicOnly, Boolean wrapExceptions)\n"
            "   --- End of inner exception stack trace ---\n"
            "   at System.RuntimeType.CreateInstanceDefaultCtor(Boolean publicOnly, Boolean wrapExceptions)\n"
            "   at System.Activator.CreateInstance(Type type, Boolean nonPublic, Boolean wrapExceptions)\n"
            "   at Amazon.Lambda.RuntimeSupport.Bootstrap.UserCodeLoader.GetHandlerInstance()\n"
            "   at Amazon.Lambda.RuntimeSupport.Bootstrap.UserCodeLoader.Init(Action`1 customerLoggingAction)\n"
            "   at Amazon.Lambda.RuntimeSupport.Bootstrap.UserCodeInitializer.InitializeAsync()\n"
            "   at Amazon.Lambda.RuntimeSupport.LambdaBootstrap.InitializeAsync()")


class Dotnet(Scenario):
    init_ms = (450, 700)
    init_error_platform_type = "Runtime.Unknown"
    LABEL = {"Information": "info", "Warning": "warn", "Error": "fail"}

    def __init__(self, fn):
        super().__init__(fn)
        self.tid = None

    def log(self, ts, r, level, msg, exc=None, props=()):
        if self.fn.json:
            pairs = [("timestamp", iso_ms(ts)), ("level", level)]
            if r:
                pairs += [("requestId", r), ("traceId", self.tid)]
            pairs.append(("message", msg))
            pairs += list(props)
            if exc:
                pairs += [("errorType", exc[0]), ("errorMessage", exc[1]),
                          ("stackTrace", [ln.strip() for ln in exc[2].split("\n")])]
            return net_obj(pairs) + "\n"
        s = "%s\t%s\t%s\t" % (iso_ms(ts), r or "", self.LABEL[level])
        if msg:
            s += msg
        if exc:
            s += ("\n" if msg else "") + exc[2]
        return s + "\n"

    def body(self, kind, s, ts, r):
        self.tid = trace_id(ts)
        oid = "ord_" + hexn(10)
        L = [(1, self.log(ts + 1, r, "Information", "processing order " + oid))]
        if kind == "success":
            L.append((80, self.log(ts + 80, r, "Information", "order %s confirmed: 3 lines, 41.90 EUR" % oid)))
            return L, {}
        if kind == "handled":
            o = R.randint(5010, 5040)
            exc = ("Npgsql.PostgresException", "57014: canceling statement due to statement timeout", NET_QTO)
            # context.Logger.LogError(ex, "audit insert failed for order {OrderId}", oid)
            L.append((o, self.log(ts + o, r, "Error", "audit insert failed for order " + oid, exc=exc,
                                  props=[("OrderId", oid)])))
            L.append((o + 1, self.log(ts + o + 1, r, "Information", "order %s confirmed (audit skipped)" % oid)))
            return L, {"text": "canceling statement due to statement timeout", "exception_class": "Npgsql.PostgresException",
                       "note": "handled: context.Logger.LogError(ex, template, args); handler returns"}
        if kind == "unhandled":
            o = R.randint(15, 60)
            L.append((o, self.log(ts + o, r, "Error", "", exc=("Npgsql.NpgsqlException", "Exception while reading from stream", NET_EOS))))
            return L, {"text": "Exception while reading from stream", "error_type": "Npgsql.NpgsqlException",
                       "exception_class": "Npgsql.NpgsqlException (inner System.IO.EndOfStreamException)",
                       "request_id_in_error_record": True}
        if kind == "timeout":
            L.append((40, self.log(ts + 40, r, "Information", "charging order %s via psp" % oid)))
            return L, {}
        if kind == "exit":
            L.append((60, self.log(ts + 60, r, "Information", "building monthly export (418220 rows)")))
            return L + [(R.randint(900, 1400), None)], {}
        raise ValueError(kind)

    def init_error(self, s, ts):
        o = R.randint(2050, 2150)  # Timeout=2 in the connection string
        m = self.log(ts + o, None, "Error", "", exc=("System.Reflection.TargetInvocationException",
                                                       "Exception has been thrown by the target of an invocation.", NET_INIT))
        return [(o, m)], {"error_type": "System.Reflection.TargetInvocationException",
                          "text": "Failed to connect to 10.0.21.40:5432",
                          "exception_class": "System.Reflection.TargetInvocationException > Npgsql.NpgsqlException > System.TimeoutException"}


# ----------------------------------------------------------------------------- ruby3.3

RUBY_CLOSED = ("PQconsumeInput() server closed the connection unexpectedly\n\tThis probably means the server terminated "
               "abnormally\n\tbefore or while processing the request.\n")
RUBY_KR = "/var/lang/lib/ruby/3.3.0/rubygems/core_ext/kernel_require.rb:136:in `require'"


class Ruby(Scenario):
    init_ms = (330, 460)
    init_error_platform_type = "Runtime.Unknown"

    def log(self, ts, r, sev, msg):
        # LogFormatter FORMAT: no trailing newline unless msg has one
        return "%s, [%s #8] %5s %s -- : %s" % (sev[0], ruby_time(ts), sev, r or "", msg)

    def pretty(self, d):
        return json.dumps(d, ensure_ascii=False, indent=2) + "\n"

    def body(self, kind, s, ts, r):
        oid = "ord_" + hexn(10)
        L = [(1, self.log(ts + 1, r, "INFO", "processing order " + oid))]
        if kind == "success":
            L.append((80, self.log(ts + 80, r, "INFO", "order %s confirmed: 3 lines, 41.90 EUR" % oid)))
            return L, {}
        if kind == "handled":
            o = R.randint(5010, 5040)
            L.append((o, self.log(ts + o, r, "ERROR", "audit insert failed for %s: PG::QueryCanceled: ERROR:  canceling statement due to statement timeout\n" % oid)))
            L.append((o + 1, self.log(ts + o + 1, r, "INFO", "order %s confirmed (audit skipped)" % oid)))
            return L, {"text": "canceling statement due to statement timeout", "exception_class": "PG::QueryCanceled",
                       "note": "handled: logger.error(...); handler returns"}
        if kind == "unhandled":
            o = R.randint(15, 60)
            L.append((o, "Error raised from handler method\n"))
            L.append((o, self.pretty({"errorMessage": RUBY_CLOSED, "errorType": "Function<PG::ConnectionBad>",
                                      "stackTrace": ["/var/task/lib/orders.rb:27:in `exec_params'",
                                                     "/var/task/lib/orders.rb:27:in `find'",
                                                     "/var/task/lambda_function.rb:14:in `handler'"]})))
            return L, {"text": "server closed the connection unexpectedly", "error_type": "Function<PG::ConnectionBad>",
                       "exception_class": "PG::ConnectionBad", "request_id_in_error_record": False}
        if kind == "timeout":
            L.append((40, self.log(ts + 40, r, "INFO", "charging order %s via psp" % oid)))
            return L, {}
        if kind == "exit":
            L.append((60, self.log(ts + 60, r, "INFO", "building monthly export (418220 rows)")))
            return L + [(R.randint(900, 1400), None)], {}
        raise ValueError(kind)

    def init_error(self, s, ts):
        o = R.randint(180, 260)
        return [(o, "Init error when loading handler \n"),
                (o, self.pretty({"errorMessage": "cannot load such file -- pg", "errorType": "Init<LoadError>",
                                 "stackTrace": [RUBY_KR, RUBY_KR, "/var/task/lib/orders.rb:2:in `<top (required)>'",
                                                "/var/task/lambda_function.rb:3:in `require_relative'",
                                                "/var/task/lambda_function.rb:3:in `<top (required)>'", RUBY_KR, RUBY_KR]}))], \
            {"error_type": "Init<LoadError>", "text": "cannot load such file -- pg", "exception_class": "LoadError"}


# ----------------------------------------------------------------------------- go (provided.al2023, aws-lambda-go)

class Go(Scenario):
    init_ms = (60, 120)
    exit_kind = "exit"
    exit_text = "Runtime exited with error: exit status 1"
    init_error_platform_type = "Runtime.ExitError"
    init_error_is_exit = True

    def log(self, ts, msg):
        return "%s %s\n" % (go_time(ts), msg)

    def init_lines(self, s, ts):
        return [(30, self.log(ts + 30, "opening pool to %s:3306 (maxOpen=2)" % PROXY_MY))]

    def body(self, kind, s, ts, r):
        oid = "ord_" + hexn(10)
        L = [(1, self.log(ts + 1, "processing order " + oid))]
        if kind == "success":
            L.append((50, self.log(ts + 50, "order %s confirmed: 3 lines, 41.90 EUR" % oid)))
            return L, {}
        if kind == "handled":
            o = R.randint(5010, 5040)
            L.append((o, self.log(ts + o, "ERROR audit insert failed for %s: Error 3024 (HY000): Query execution was interrupted, maximum statement execution time exceeded" % oid)))
            L.append((o + 1, self.log(ts + o + 1, "order %s confirmed (audit skipped)" % oid)))
            return L, {"text": "Query execution was interrupted, maximum statement execution time exceeded",
                       "exception_class": "*mysql.MySQLError (3024)",
                       "note": "handled: log.Printf; the level word is part of the app's message, Go's log has no levels"}
        if kind == "unhandled":
            o = R.randint(15, 60)
            L.append((o, "[mysql] %s packets.go:37: unexpected EOF\n" % go_time(ts + o)))
            L.append((o + 1, self.log(ts + o + 1, go_json({"errorMessage": "load order %s: invalid connection" % oid,
                                                          "errorType": "wrapError"}))))
            return L, {"text": "invalid connection", "error_type": "wrapError",
                       "exception_class": "*fmt.wrapError wrapping mysql.ErrInvalidConn", "request_id_in_error_record": False}
        if kind == "timeout":
            L.append((40, self.log(ts + 40, "charging order %s via psp" % oid)))
            return L, {}
        if kind == "exit":
            o = R.randint(60, 140)
            L.append((o, self.log(ts + o, "reconcile %s: commit: sql: transaction has already been committed or rolled back" % oid)))
            return L, {"text": "sql: transaction has already been committed or rolled back",
                       "note": "log.Fatalf in the handler: os.Exit(1)"}
        raise ValueError(kind)

    def init_error(self, s, ts):
        o = R.randint(20, 40)
        o2 = o + R.randint(5000, 5040)
        return [(o, self.log(ts + o, "opening pool to %s:3306 (maxOpen=2)" % PROXY_MY)),
                (o2, self.log(ts + o2, "ping %s:3306: dial tcp 10.0.21.40:3306: i/o timeout" % PROXY_MY))], \
            {"error_type": "Runtime.ExitError", "text": "dial tcp 10.0.21.40:3306: i/o timeout",
             "exception_class": "*net.OpError", "note": "log.Fatalf in main() before lambda.Start"}


# ----------------------------------------------------------------------------- rust (provided.al2023, lambda_runtime 0.14)

class Rust(Scenario):
    init_ms = (30, 70)
    init_error_platform_type = "Runtime.ExitError"
    init_error_is_exit = True

    def __init__(self, fn):
        super().__init__(fn)
        self.span = None

    def log(self, level, msg, **fields):
        if self.fn.json:
            d = {"level": level, "fields": dict([("message", msg)] + list(fields.items()))}
            if self.span:
                sp = dict(self.span)
                sp["name"] = "Lambda runtime invoke"
                d["span"] = sp
                d["spans"] = [sp]
            return js(d) + "\n"
        extra = "".join(" %s=%s" % kv for kv in fields.items())
        if self.span:
            ctx = "Lambda runtime invoke{%s}: " % " ".join('%s="%s"' % kv for kv in self.span.items())
        else:
            ctx = ""
        return "%5s %s%s%s\n" % (level, ctx, msg, extra)

    def init_lines(self, s, ts):
        self.span = None
        return [(R.randint(5, 15), self.log("INFO", "connecting to %s:5432 (max_connections=5)" % PROXY_PG))]

    def body(self, kind, s, ts, r):
        self.span = {"requestId": r, "xrayTraceId": trace_id(ts)}
        oid = "ord_" + hexn(10)
        L = [(1, self.log("INFO", "processing order " + oid))]
        res = {}
        if kind == "success":
            L.append((R.randint(10, 50), self.log("INFO", "order %s confirmed: 3 lines, 41.90 EUR" % oid)))
        elif kind == "handled":
            o = R.randint(5010, 5040)
            L.append((o, self.log("ERROR", "audit insert failed",
                                  error="error returned from database: canceling statement due to statement timeout")))
            L.append((o + 1, self.log("INFO", "order %s confirmed (audit skipped)" % oid)))
            res = {"text": "canceling statement due to statement timeout", "exception_class": "sqlx::Error::Database",
                   "note": "handled: tracing::error!(error = %e, ...); handler returns Ok"}
        elif kind == "unhandled":
            o = R.randint(5000, 5030)  # acquire_timeout 5 s
            L.append((o, self.log("ERROR", "PoolTimedOut")))
            res = {"text": "PoolTimedOut", "error_type": "PoolTimedOut", "exception_class": "sqlx::Error::PoolTimedOut",
                   "request_id_in_error_record": True,
                   "note": "lambda_runtime logs error!(\"{error:?}\"): Debug form only; the Display text 'pool timed out "
                           "while waiting for an open connection' goes to the Runtime API, not to the log"}
        elif kind == "timeout":
            L.append((R.randint(30, 70), self.log("INFO", "charging order %s via psp" % oid)))
        elif kind == "exit":
            L.append((R.randint(40, 90), self.log("INFO", "building monthly export (418220 rows)")))
            L.append((R.randint(900, 1400), None))
        self.span = None
        return L, res

    def init_error(self, s, ts):
        self.span = None
        o = R.randint(5, 15)
        o2 = o + R.randint(5000, 5020)
        return [(o, self.log("INFO", "connecting to %s:5432 (max_connections=5)" % PROXY_PG)),
                (o2, "Error: PoolTimedOut\n")], \
            {"error_type": "Runtime.ExitError", "text": "PoolTimedOut", "exception_class": "sqlx::Error::PoolTimedOut",
             "note": "main() returned Err: Rust prints 'Error: {err:?}' to stderr and exits 1"}


SCENARIOS = {"python": Python, "nodejs": Node, "java": Java, "dotnet": Dotnet, "ruby": Ruby, "go": Go, "rust": Rust}


# ----------------------------------------------------------------------------- files

def strip_none(fn):
    for s in fn.streams:
        s.events = [(t, m) for t, m in s.events if m is not None]


def write_file(fn):
    evs = []
    for s in fn.streams:
        for t, m in s.events:
            evs.append((t, s.name, m))
    evs.sort(key=lambda e: e[0])  # stable: same-millisecond events keep their order
    out = {"events": [{"logStreamName": n, "timestamp": t, "message": m, "ingestionTime": t + R.randint(180, 2400),
                       "eventId": event_id(t)} for t, n, m in evs],
           "searchedLogStreams": []}
    name = "%s-%s.json" % (fn.runtime, fn.fmt)
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        f.write(json.dumps(out, indent=4, ensure_ascii=False) + "\n")
    return name, out


def main():
    truth = {"about": "Answer key for samples/runtimes/*.json. Generated by samples/runtimes/make_runtimes.py; "
                      "line shapes and their sources: research/runtimes.md.",
             "account": ACCOUNT, "region": REGION,
             "status_semantics": {"success": "completed; a handled, app-logged DB error still counts as success",
                                  "error": "unhandled function error, OOM/exit, or init error",
                                  "timeout": "function timeout"},
             "error_type_semantics": "error_type is the type string the runtime itself writes in its error record "
                                     "(errorType key, Java/.NET/Ruby exception class, Go reflect name, Rust Debug); "
                                     "for timeouts 'Sandbox.Timedout' (invoke result, not in the log), for OOM/exit "
                                     "the platform Error Type; platform_error_type is what REPORT/platform.report "
                                     "carries; exception_class is the underlying driver class",
             "files": {}}
    i = 0
    for rt in ("python", "nodejs", "java", "dotnet", "ruby", "go", "rust"):
        for fmt in ("text", "json"):
            fn = Fn(rt, fmt)
            sc = SCENARIOS[rt](fn)
            t0 = T_BASE + i * 120000 + R.randint(0, 4000)
            invs = build(fn, sc, t0)
            strip_none(fn)
            name, out = write_file(fn)
            no_nl = [e["message"] for e in out["events"] if not e["message"].endswith("\n")]
            kinds = sorted({("platform-json" if m.startswith('{"time"') else "app/runtime") for m in no_nl})
            truth["files"][name] = {
                "log_group": fn.group, "function_name": fn.name, "runtime": fn.rt_id,
                "logging_config": {"LogFormat": "JSON" if fn.json else "Text",
                                   **({"ApplicationLogLevel": "INFO", "SystemLogLevel": "INFO"} if fn.json else {})},
                "memory_size_mb": MEMORY_MB, "timeout_s": TIMEOUT_S,
                "streams": [s.name for s in fn.streams],
                "events": len(out["events"]),
                "messages_without_trailing_newline": len(no_nl),
                "messages_without_trailing_newline_kinds": kinds,
                "invocations": invs,
            }
            i += 1
    with open(os.path.join(HERE, "truth.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(truth, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
