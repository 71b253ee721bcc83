#!/usr/bin/env python3
"""Writes samples/incident/ and its answer key samples/incident-truth/: one 20-minute incident,
three functions and two proxies through five export containers, and what each failure was.

    python3 samples/incident-truth/make_incident.py [--out SAMPLES_ROOT]

Byte-for-byte reproducible: the report goldens and the three-exports tests read these files.
It sits here, not in incident/, because incident/ is read whole (`proxylens analyze
samples/incident`) and a script there would be named as an input that is not a log.
Python 3 standard library only; shared helpers in samples/sample_model.py.
"""

import gzip
import heapq
import json
import math
import os
import re
import sys
import zlib
from datetime import datetime, timezone

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from sample_model import *  # noqa: E402,F403  (the helpers read as they did in the single script)

# SEED advanced by the 61 words the shared ids (runtime ARNs, proxy suffix, VPC) took before this
# builder, when one generator fed them all: the incident's bytes stay what the goldens were made from.
SKIP = 61


# --------------------------------------------------------------------------------------
# Lambda model
# --------------------------------------------------------------------------------------

class Outcome:
    def __init__(self, end, failure=None):
        self.end = end
        self.failure = failure  # (cause, mechanism, time_ms) or None


class Inst:
    def __init__(self, fn, eni_ip, mem_base, warm):
        self.fn = fn
        self.stream = "2026/03/14/[$LATEST]" + hexid()
        self.hex = self.stream.split("]")[1]
        self.eni_ip = eni_ip
        self.conn = None
        self.needs_init = not warm
        self.mem = mem_base
        self.script = []
        self.windows = []
        self.free_at = T0

    def next_arrival(self, after):
        cand = None
        for ws, we, gap in self.windows:
            if after >= we:
                continue
            if after < ws:
                c = ws + R.randint(0, 4000)
            else:
                c = after + 150 + int(R.expovariate(1.0 / gap))
            if c < we:
                cand = c
                break
        if self.script and (cand is None or self.script[0][0] <= cand):
            t, kind = self.script.pop(0)
            return max(t, after), kind
        if cand is None:
            return None
        return cand, "ok"


class Fn:
    runtime = ""

    def __init__(self, name, proxy, user, timeout_s, memory):
        self.name = name
        self.group = "/aws/lambda/" + name
        self.proxy = proxy
        self.user = user
        self.timeout_s = timeout_s
        self.memory = memory
        self.events = []
        self.instances = []
        self.truth = []
        self.invocations = 0
        self.inits = 0
        self.environments = 0
        self.notes = {"silent_reconnects": 0, "handled_errors": 0}

    def emit(self, ts, inst, msg):
        self.events.append({"ts": ts, "stream": inst.stream, "message": msg})

    def fail(self, inst, rid, cause, mechanism, t):
        self.truth.append({"request_id": rid, "function": self.name, "instance": inst.stream,
                           "time": iso_ms(t), "cause": cause, "mechanism": mechanism})
        return (cause, mechanism, t)

    def add_instance(self, eni_ip, mem_base, warm):
        inst = Inst(self, eni_ip, mem_base, warm)
        self.instances.append(inst)
        self.environments += 1
        return inst

    def bump_mem(self, inst):
        if R.random() < 0.3:
            inst.mem += R.randint(0, 2)
        return inst.mem

    def after_runtime_reset(self, inst, t_end, txn_open, fin=True):
        """Timeout or kill: the runtime is restarted; its socket closes unless the FIN is lost."""
        cc = inst.conn
        if cc is not None and cc.open:
            if txn_open:
                cc.in_txn = True
            if fin:
                d = t_end + R.randint(60, 4400)
                self.proxy.defer(d, lambda cc=cc, m=txn_open: self.proxy.close_client(d, cc, "tcp", mid_request=m))
        inst.conn = None
        inst.needs_init = True


WAREHOUSES = ["dub-1", "dub-2", "ams-1", "fra-3"]


def sku():
    return "SKU-%05d" % R.randint(100, 99999)


FR_HANDLER = "/var/task/handler.py"




class Inventory(Fn):
    runtime = "python3.12"

    def __init__(self, proxy):
        super().__init__("inventory-api", proxy, "inventory_app", 10, 512)

    def line(self, inst, t, rid, level, text):
        self.emit(t, inst, "[%s]\t%s\t%s\t%s\n" % (level, iso_ms(t), rid, text))

    def unhandled(self, inst, t, rid, etype, emsg, frames):
        self.line(inst, t, rid, "WARNING", PY_WARNING)
        self.emit(t, inst, py_error_event(etype, emsg, frames))

    def invoke(self, inst, t0, kind):
        p = self.proxy
        self.invocations += 1
        rid = uid()
        t = t0
        init_ms = None
        if inst.needs_init:
            init_ms = R.uniform(420.0, 990.0)
            self.emit(t, inst, "INIT_START Runtime Version: %s\tRuntime Version ARN: %s\n" % (PY_VER, PY_ARN))
            tc = t + int(init_ms * R.uniform(0.5, 0.8))
            self.emit(tc, inst, "[INFO]\t%s\t\tFound credentials in environment variables.\n" % iso_ms(tc))
            t += int(init_ms) + R.randint(1, 5)
            inst.needs_init = False
            self.inits += 1
        start = t
        self.emit(t, inst, "START RequestId: %s Version: $LATEST\n" % rid)
        if kind == "ok":
            kind = R.choices(["get", "reserve", "notfound", "bulk"], [68, 18, 9, 5])[0]
        failure = None
        timeout = False
        fin = kind != "leak_nofin"
        if kind.startswith("leak"):
            kind = "leak"
        txn_open = False
        t += R.randint(2, 4)
        s = sku()
        wh = R.choice(WAREHOUSES)
        res = token("res_")
        lines_n = R.randint(160, 420) if kind in ("leak", "bulk") else R.randint(1, 12)
        bad = "SKU-%04d%s" % (R.randint(10, 9999), R.choice(["!", "x", "'", "--"]))

        if kind in ("reserve", "leak", "bulk"):
            self.line(inst, t, rid, "INFO", "POST /v1/reservations/%s lines=%d warehouse=%s" % (res, lines_n, wh))
        elif kind == "oom":
            self.line(inst, t, rid, "INFO", "GET /v1/exports/stock-ledger warehouse=%s" % wh)
        elif kind == "app_error":
            self.line(inst, t, rid, "INFO", "GET /v1/items/%s warehouse=%s" % (bad, wh))
        else:
            self.line(inst, t, rid, "INFO", "GET /v1/items/%s warehouse=%s" % (s, wh))

        def connect_or_fail(t):
            """Returns (t, failure). Naive pattern: reuse the global connection as is."""
            p.advance(t)
            if inst.conn is None:
                if p.in_brownout(t):
                    tf = t + 5000 + R.randint(8, 40)
                    frames = [(FR_HANDLER, 52, "lambda_handler", "conn = db.get_connection()"),
                              ("/var/task/inventory/db.py", 19, "get_connection", "_conn = psycopg2.connect(DSN, connect_timeout=5)"),
                              FR_PSYCOPG]
                    msg = ('connection to server at "%s" (%s), port 5432 failed: timeout expired\n'
                           % (p.endpoint, p.endpoint_ip))
                    self.unhandled(inst, tf, rid, "OperationalError", msg, frames)
                    return tf, self.fail(inst, rid, "connection-timeout", "proxy-brownout-connect-timeout", tf)
                inst.conn = p.connect(t + 1, inst.eni_ip, self.user, inst.stream)
                t += R.randint(22, 70)
            elif not inst.conn.open:
                tf = t + R.randint(4, 16)
                if kind in ("reserve", "leak", "bulk"):
                    frames = [(FR_HANDLER, 74, "lambda_handler", "repo.begin(conn)"),
                              ("/var/task/inventory/repo.py", 58, "begin", 'cur.execute("BEGIN")')]
                else:
                    frames = [(FR_HANDLER, 61, "lambda_handler", "item = repo.fetch_item(conn, sku)"),
                              ("/var/task/inventory/repo.py", 37, "fetch_item", "cur.execute(SQL_ITEM_BY_SKU, (sku,))")]
                if R.random() < 0.6:
                    msg = ("server closed the connection unexpectedly\n\tThis probably means the server terminated "
                           "abnormally\n\tbefore or while processing the request.\n")
                else:
                    msg = "SSL SYSCALL error: EOF detected\n"
                self.unhandled(inst, tf, rid, "OperationalError", msg, frames)
                inst.conn = None  # psycopg2 marks it closed; the next invocation reconnects
                return tf, self.fail(inst, rid, "stale-connection", "idle-closed-client-reused", tf)
            return t, None

        if kind == "app_error":
            t += R.randint(1, 4)
            frames = [(FR_HANDLER, 47, "lambda_handler", 'sku = parse_sku(event["pathParameters"]["sku"])'),
                      ("/var/task/inventory/ids.py", 14, "parse_sku", 'raise ValueError(f"invalid sku: {raw!r}")')]
            self.unhandled(inst, t, rid, "ValueError", "invalid sku: '%s'" % bad, frames)
            failure = self.fail(inst, rid, "unclassified", "app-error", t)
        elif kind == "app_error_key":
            t, failure = connect_or_fail(t + 2)
            if not failure:
                t += R.randint(3, 25)
                inst.conn.last_activity = t
                frames = [(FR_HANDLER, 66, "lambda_handler", "body = render_item(item, stock)"),
                          ("/var/task/inventory/render.py", 28, "render_item", '"bin": item["bin_location"]["code"],')]
                self.unhandled(inst, t + 1, rid, "KeyError", "'bin_location'", frames)
                failure = self.fail(inst, rid, "unclassified", "app-error", t + 1)
                t += 1
        else:
            t, failure = connect_or_fail(t + 2)

        if not failure and kind != "app_error_key":
            cc = inst.conn
            if kind in ("get", "notfound"):
                t += R.randint(6, 60)
                cc.last_activity = t
                if kind == "get":
                    self.line(inst, t, rid, "INFO", "item %s ok: %d units on hand (%s)" % (s, R.randint(0, 900), wh))
                else:
                    self.line(inst, t, rid, "WARNING", "item %s not found in %s, returning 404" % (s, wh))
            elif kind == "handled":
                t += R.randint(6, 40)
                cc.last_activity = t
                t += 5000 + R.randint(3, 30)
                cc.last_activity = t
                self.line(inst, t, rid, "ERROR", "recommendations unavailable: canceling statement due to statement timeout")
                self.notes["handled_errors"] += 1
                t += R.randint(1, 5)
                self.line(inst, t, rid, "INFO", "item %s ok: %d units on hand (%s)" % (s, R.randint(0, 900), wh))
            elif kind == "qto":
                t += 5000 + R.randint(4, 45)
                cc.last_activity = t
                frames = [(FR_HANDLER, 61, "lambda_handler", "item = repo.fetch_item(conn, sku)"),
                          ("/var/task/inventory/repo.py", 37, "fetch_item", "cur.execute(SQL_ITEM_BY_SKU, (sku,))")]
                self.unhandled(inst, t, rid, "QueryCanceled", "canceling statement due to statement timeout\n", frames)
                failure = self.fail(inst, rid, "query-timeout", "statement-timeout-slow-query", t)
            elif kind in ("reserve", "bulk", "leak"):
                t += R.randint(3, 9)
                self.line(inst, t, rid, "INFO", "db: begin transaction (reserve stock for %s)" % res)
                cc.in_txn = True
                t += R.randint(4, 30)
                if lines_n >= 150:
                    p.pin(t, cc, REASON_16K)
                cc.last_activity = t
                if kind == "leak":
                    txn_open = True
                    timeout = True
                else:
                    t += R.randint(10, 120)
                    cc.in_txn = False
                    cc.last_activity = t
                    self.line(inst, t, rid, "INFO", "db: commit (%s: %d lines reserved)" % (res, lines_n))
            elif kind == "http_timeout":
                t += R.randint(6, 50)
                cc.last_activity = t
                t += R.randint(2, 9)
                self.line(inst, t, rid, "INFO", "calling https://pricing.internal.example/v2/quotes?sku=%s" % s)
                timeout = True
            elif kind == "oom":
                t += R.randint(8, 30)
                cc.last_activity = t
                self.line(inst, t, rid, "INFO", "exporting stock ledger for warehouse %s since 2026-01-01" % wh)
                t += R.randint(1400, 3100)
                self.emit(t, inst, "RequestId: %s Error: Runtime exited with error: signal: killed\nRuntime.ExitError\n" % rid)
                failure = self.fail(inst, rid, "unclassified", "oom-killed", t)

        # ---- end of invocation
        if timeout:
            end = start + self.timeout_s * 1000
            dur = self.timeout_s * 1000.0
            if txn_open:
                failure = self.fail(inst, rid, "lambda-timeout-pinning-leak",
                                    "open-txn-on-pinned-session-" + ("fin" if fin else "no-fin"), end)
            else:
                failure = self.fail(inst, rid, "unclassified", "plain-timeout-http-call", end)
        else:
            end = t + R.randint(1, 4)
            dur = (end - start) + R.uniform(0.05, 0.95)
        self.emit(end, inst, "END RequestId: %s\n" % rid)
        mem = self.bump_mem(inst)
        extra = ""
        billed = math.ceil(dur + (init_ms or 0))
        if failure and failure[1] == "oom-killed":
            mem = self.memory
        if init_ms is not None:
            extra += "\tInit Duration: %s ms" % ms_fmt(init_ms)
        if timeout:
            extra += "\tStatus: timeout"
        if failure and failure[1] == "oom-killed":
            extra += "\tStatus: error\tError Type: Runtime.OutOfMemory"
        self.emit(end, inst, "REPORT RequestId: %s\tDuration: %s ms\tBilled Duration: %d ms\tMemory Size: %d MB\tMax Memory Used: %d MB%s\n"
                  % (rid, ms_fmt(dur), billed, self.memory, mem, extra))
        self.emit(end + R.randint(0, 1), inst, xray_line(start))
        if timeout or (failure and failure[1] == "oom-killed"):
            self.after_runtime_reset(inst, end, txn_open, fin)
            inst.mem = R.randint(96, 112)
        return Outcome(end, failure)


class Payments(Fn):
    runtime = "nodejs20.x"

    def __init__(self, proxy):
        super().__init__("payments-worker", proxy, "payments_app", 15, 1024)
        self.arn = "arn:aws:lambda:%s:%s:function:%s" % (REGION, ACCOUNT, self.name)

    def app(self, inst, t, rid, level, message):
        # LogPatch formatJsonMessage via the telemetry fd: compact JSON, no trailing newline.
        self.emit(t, inst, compact({"timestamp": iso_ms(t), "level": level, "requestId": rid, "message": message}))

    def invoke(self, inst, t0, kind):
        p = self.proxy
        self.invocations += 1
        rid = uid()
        t = t0
        init_ms = None
        if inst.needs_init:
            init_ms = round(R.uniform(168.0, 420.0), 3)
            self.emit(t, inst, compact({"time": iso_ms(t), "type": "platform.initStart", "record": {
                "initializationType": "on-demand", "phase": "init", "runtimeVersion": NODE_VER,
                "runtimeVersionArn": NODE_ARN, "functionName": self.name, "functionVersion": "$LATEST",
                "instanceId": "2026/03/14/%s[$LATEST]%s" % (self.name, inst.hex),
                "instanceMaxMemory": self.memory * 1024 * 1024}}))
            t += int(init_ms) + R.randint(1, 6)
            inst.needs_init = False
            self.inits += 1
        start = t
        self.emit(t, inst, compact({"time": iso_ms(t), "type": "platform.start", "record": {
            "requestId": rid, "functionArn": self.arn, "version": "$LATEST"}}))
        if kind == "ok":
            kind = R.choices(["pay", "pay_retry"], [90, 10])[0]
        fin = kind != "leak_nofin"
        if kind.startswith("leak"):
            kind = "leak"
        pay = token("pay_", 14)
        order = token("ord_", 12)
        t += R.randint(2, 5)
        self.app(inst, t, rid, "INFO", "processing payment %s for order %s" % (pay, order))
        failure = None
        timeout = False
        txn_open = False

        # hybrid pattern: validate the pooled client (SELECT 1) before use, reconnect if needed
        t += R.randint(1, 4)
        p.advance(t)
        if inst.conn is not None and not inst.conn.open:
            self.app(inst, t, rid, "WARN", "db: idle client error: Connection terminated unexpectedly; reconnecting")
            self.notes["silent_reconnects"] += 1
            inst.conn = None
            t += R.randint(1, 3)
        if kind == "app_error":
            t += R.randint(1, 6)
            err = {"errorType": "ValidationError",
                   "errorMessage": "payment %s has no currency" % pay,
                   "stackTrace": ["ValidationError: payment %s has no currency" % pay,
                                  "    at validatePayment (file:///var/task/lib/validate.mjs:22:11)",
                                  "    at Runtime.handler (file:///var/task/index.mjs:41:5)"],
                   "code": "E_NO_CURRENCY"}
            self.app(inst, t, rid, "ERROR", err)
            failure = self.fail(inst, rid, "unclassified", "app-error", t)
        else:
            if inst.conn is None:
                if p.in_brownout(t):
                    t += 5000 + R.randint(3, 30)
                    self.app(inst, t, rid, "ERROR", {"errorType": "Error", "errorMessage": "timeout exceeded when trying to connect",
                                                     "stackTrace": NODE_CTO_STACK})
                    failure = self.fail(inst, rid, "connection-timeout", "proxy-brownout-connect-timeout", t)
                else:
                    inst.conn = p.connect(t + 1, inst.eni_ip, self.user, inst.stream)
                    t += R.randint(25, 80)
            if not failure:
                cc = inst.conn
                p.pin(t, cc, REASON_PARSE)  # extended-protocol Parse on the session's first query
                cc.last_activity = t
                if kind == "qto":
                    t += 8000 + R.randint(3, 40)
                    cc.last_activity = t
                    self.app(inst, t, rid, "ERROR", {"errorType": "Error", "errorMessage": "Query read timeout",
                                                     "stackTrace": NODE_QTO_STACK})
                    failure = self.fail(inst, rid, "query-timeout", "statement-timeout-slow-query", t)
                else:
                    t += R.randint(4, 15)
                    self.app(inst, t, rid, "INFO", "calling https://psp.internal.example/v1/captures")
                    if kind == "http_timeout":
                        timeout = True
                    else:
                        if kind == "pay_retry":
                            t += R.randint(60, 200)
                            self.app(inst, t, rid, "WARN", "psp responded 503, retrying in 250 ms")
                            t += 250
                        t += R.randint(60, 420)
                        ch = token("ch_", 20)
                        self.app(inst, t, rid, "INFO", "payment captured %s amount=%d %s" % (ch, R.randint(300, 90000), R.choice(["EUR", "GBP", "USD"])))
                        t += R.randint(1, 3)
                        self.app(inst, t, rid, "INFO", "db: begin transaction")
                        cc.in_txn = True
                        cc.last_activity = t
                        if kind == "leak":
                            t += R.randint(6, 20)
                            cc.last_activity = t
                            self.app(inst, t, rid, "INFO", "calling https://ledger.internal.example/v1/postings")
                            timeout = True
                            txn_open = True
                        else:
                            t += R.randint(8, 60)
                            cc.in_txn = False
                            cc.last_activity = t
                            self.app(inst, t, rid, "INFO", "db: commit")
                            t += R.randint(0, 2)
                            self.app(inst, t, rid, "INFO", "payment %s settled" % pay)

        mem = self.bump_mem(inst)
        if timeout:
            end = start + self.timeout_s * 1000
            dur = float(self.timeout_s * 1000)
            if txn_open:
                failure = self.fail(inst, rid, "lambda-timeout-pinning-leak",
                                    "open-txn-on-pinned-session-" + ("fin" if fin else "no-fin"), end)
            else:
                failure = self.fail(inst, rid, "unclassified", "plain-timeout-http-call", end)
            status = "timeout"
        else:
            end = t + R.randint(1, 4)
            dur = round((end - start) + R.uniform(0.01, 0.99), 3)
            status = "error" if failure else "success"
        metrics = {"durationMs": dur, "billedDurationMs": math.ceil(dur + (init_ms or 0)),
                   "memorySizeMB": self.memory, "maxMemoryUsedMB": mem}
        if init_ms is not None:
            metrics["initDurationMs"] = init_ms
        record = {"requestId": rid, "metrics": metrics, "status": status}
        if status == "error":
            record["errorType"] = "ValidationError" if failure[1] == "app-error" else "Error"
        self.emit(end, inst, compact({"time": iso_ms(end), "type": "platform.report", "record": record}))
        if timeout:
            self.after_runtime_reset(inst, end, txn_open, fin)
            inst.mem = R.randint(120, 140)
        return Outcome(end, failure)


class Journal(Fn):
    runtime = "dotnet8"

    def __init__(self, proxy):
        super().__init__("journal-writer", proxy, "journal_svc", 30, 1024)

    def line(self, inst, t, rid, level, text):
        self.emit(t, inst, "%s\t%s\t%s\t%s\n" % (iso_ms(t), rid, level, text))

    def invoke(self, inst, t0, kind):
        p = self.proxy
        self.invocations += 1
        rid = uid()
        t = t0
        init_ms = None
        if inst.needs_init:
            init_ms = R.uniform(520.0, 1290.0)
            self.emit(t, inst, "INIT_START Runtime Version: %s\tRuntime Version ARN: %s\n" % (DOTNET_VER, DOTNET_ARN))
            t += int(init_ms) + R.randint(1, 6)
            inst.needs_init = False
            self.inits += 1
        start = t
        self.emit(t, inst, "START RequestId: %s Version: $LATEST\n" % rid)
        if kind == "ok":
            kind = R.choices(["batch", "batch_fx", "dup"], [70, 22, 8])[0]
        batch = R.randint(100000, 999999)
        n = R.randint(4, 60)
        t += R.randint(2, 5)
        self.line(inst, t, rid, "info", "Processing journal batch %d (%d entries) from queue journal-events" % (batch, n))
        failure = None
        timeout = False
        txn_open = False
        fin = True

        if kind == "dup":
            t += R.randint(2, 9)
            self.line(inst, t, rid, "warn", "Duplicate batch %d ignored (idempotency key %s)" % (batch, uid()))
        elif kind == "app_error":
            t += R.randint(2, 8)
            debit = R.randint(10000, 900000) / 100
            credit = debit - R.randint(1, 5000) / 100
            exc = ("System.InvalidOperationException: Journal entry %d is unbalanced: debits %.2f, credits %.2f\n"
                   "   at JournalWriter.Domain.JournalEntry.EnsureBalanced() in /src/JournalWriter/Domain/JournalEntry.cs:line 63\n"
                   "   at JournalWriter.Function.FunctionHandler(SQSEvent sqsEvent, ILambdaContext context) in /src/JournalWriter/Function.cs:line 44"
                   % (R.randint(1000, 99999), debit, credit))
            self.line(inst, t, rid, "fail", exc)
            failure = self.fail(inst, rid, "unclassified", "app-error", t)
        else:
            if kind in ("batch_fx", "http_timeout"):
                t += R.randint(3, 12)
                self.line(inst, t, rid, "info", "POST https://fx-rates.internal.example/v2/quotes")
                if kind == "http_timeout":
                    timeout = True
                else:
                    t += R.randint(40, 260)
            if not timeout:
                # open the (pooled) connection; a fresh physical connection runs the SET batch first
                t += R.randint(1, 4)
                p.advance(t)
                if inst.conn is None:
                    if p.in_brownout(t):
                        t += 15000 + R.randint(20, 60)
                        text = ("Connection Timeout Expired.  The timeout period elapsed while attempting to consume the pre-login "
                                "handshake acknowledgement.  This could be because the pre-login handshake failed or the server "
                                "was unable to respond back in time.  The duration spent while attempting to connect to this "
                                "server was - [Pre-Login] initialization=%d; handshake=%d; " % (15000 + R.randint(10, 60), R.randint(1, 4)))
                        exc = sqlexception(text, "System.ComponentModel.Win32Exception (258): The wait operation timed out.", DN_OPEN, -2, 11)
                        self.line(inst, t, rid, "fail", exc)
                        failure = self.fail(inst, rid, "connection-timeout", "proxy-brownout-connect-timeout", t)
                    else:
                        cc = p.connect(t + 1, inst.eni_ip, self.user, inst.stream)
                        t += R.randint(30, 90)
                        if p.pin(t, cc, reason_digest(SQL_DIGEST)):
                            inst.conn = cc
                            cc.last_activity = t
                        else:
                            # every database connection is pinned: wait ConnectionBorrowTimeout, then fail
                            t += p.borrow_timeout_s * 1000 + R.randint(5, 60)
                            exc = sqlexception("Timed-out waiting to acquire database connection", None,
                                               DN_ONERROR + DN_SESSION, 0, 20)
                            self.line(inst, t, rid, "fail", exc)
                            failure = self.fail(inst, rid, "connection-timeout", "borrow-timeout-pool-exhausted-by-leak", t)
                            tc = t + R.randint(2, 30)
                            p.defer(tc, lambda cc=cc, tc=tc: p.close_client(tc, cc, "tcp"))
                elif not inst.conn.open:
                    t += R.randint(3, 9)
                    self.line(inst, t, rid, "info", "Beginning transaction for batch %d (IsolationLevel=ReadCommitted)" % batch)
                    t += R.randint(3, 12)
                    exc = sqlexception("A transport-level error has occurred when sending the request to the server. "
                                       "(provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)",
                                       "System.ComponentModel.Win32Exception (10054): An existing connection was forcibly closed by the remote host.",
                                       DN_ONERROR + DN_INSERT, 10054, 20)
                    self.line(inst, t, rid, "fail", exc)
                    failure = self.fail(inst, rid, "stale-connection", "idle-closed-client-reused", t)
                    inst.conn = None  # the broken physical connection leaves the SqlClient pool
                if not failure:
                    cc = inst.conn
                    t += R.randint(3, 9)
                    self.line(inst, t, rid, "info", "Beginning transaction for batch %d (IsolationLevel=ReadCommitted)" % batch)
                    cc.in_txn = True
                    cc.last_activity = t
                    if kind == "qto":
                        t += 15000 + R.randint(10, 50)
                        exc = sqlexception("Execution Timeout Expired.  The timeout period elapsed prior to completion of the "
                                           "operation or the server is not responding.",
                                           "System.ComponentModel.Win32Exception (258): The wait operation timed out.",
                                           DN_ONERROR + DN_INSERT, -2, 11)
                        self.line(inst, t, rid, "fail", exc)
                        failure = self.fail(inst, rid, "query-timeout", "statement-timeout-slow-query", t)
                        cc.in_txn = False  # the transaction is rolled back when disposed
                        cc.last_activity = t + 2
                    elif kind in ("leak_fin", "leak_nofin"):
                        txn_open = True
                        timeout = True
                        fin = kind == "leak_fin"
                        if not fin:
                            t += R.randint(5, 20)
                            cc.last_activity = t
                            self.line(inst, t, rid, "info", "POST https://fx-rates.internal.example/v2/quotes")
                    else:
                        t += R.randint(15, 250)
                        cc.in_txn = False
                        cc.last_activity = t
                        self.line(inst, t, rid, "info", "Batch %d committed: %d entries" % (batch, n))
                        if kind == "commit_then_http_timeout":
                            t += R.randint(3, 10)
                            self.line(inst, t, rid, "info", "POST https://audit.internal.example/v1/events")
                            timeout = True

        mem = self.bump_mem(inst)
        if timeout:
            end = start + self.timeout_s * 1000
            dur = self.timeout_s * 1000.0
            if txn_open:
                failure = self.fail(inst, rid, "lambda-timeout-pinning-leak",
                                    "open-txn-on-pinned-session-" + ("fin" if fin else "no-fin"), end)
            else:
                failure = self.fail(inst, rid, "unclassified", "plain-timeout-http-call", end)
        else:
            end = t + R.randint(1, 4)
            dur = (end - start) + R.uniform(0.05, 0.95)
        self.emit(end, inst, "END RequestId: %s\n" % rid)
        extra = ""
        if init_ms is not None:
            extra += "\tInit Duration: %s ms" % ms_fmt(init_ms)
        if timeout:
            extra += "\tStatus: timeout"
        self.emit(end, inst, "REPORT RequestId: %s\tDuration: %s ms\tBilled Duration: %d ms\tMemory Size: %d MB\tMax Memory Used: %d MB%s\n"
                  % (rid, ms_fmt(dur), math.ceil(dur + (init_ms or 0)), self.memory, mem, extra))
        self.emit(end + R.randint(0, 1), inst, xray_line(start))
        if timeout:
            self.after_runtime_reset(inst, end, txn_open, fin)
            inst.mem = R.randint(126, 140)
        return Outcome(end, failure)


# --------------------------------------------------------------------------------------
# the incident scenario
# --------------------------------------------------------------------------------------

def at(mm, ss=0):
    """Epoch ms of 2026-03-14T09:mm:ss.000Z."""
    return T0 + int(((mm - 5) * 60 + ss) * 1000)


BUCKET = "ops-log-archive-%s-%s" % (REGION, ACCOUNT)




class Incident:
    def __init__(self):
        self.pg = Proxy("inventory-pg-proxy", "POSTGRESQL",
                        "inventory-pg-proxy.%s.%s.rds.amazonaws.com" % (PROXY_SUFFIX, REGION),
                        idle_timeout_s=1800, borrow_timeout_s=120, max_db=40,
                        db_addr="10.42.48.20:5432", node_ips=["10.42.32.17", "10.42.33.141"], auth_text=PG_AUTH)
        self.pg.endpoint_ip = "10.42.33.206"
        self.pg.brownouts = [(at(19, 40), at(19, 58))]
        self.sql = Proxy("journal-sql-proxy", "SQLSERVER",
                         "journal-sql-proxy.%s.%s.rds.amazonaws.com" % (PROXY_SUFFIX, REGION),
                         idle_timeout_s=600, borrow_timeout_s=10, max_db=6,
                         db_addr="10.42.48.71:1433", node_ips=["10.42.32.90", "10.42.34.12"], auth_text=SQL_AUTH)
        self.sql.endpoint_ip = "10.42.34.77"
        self.sql.brownouts = [(at(20, 25), at(20, 50))]
        self.inv = Inventory(self.pg)
        self.pay = Payments(self.pg)
        self.jnl = Journal(self.sql)
        self.fns = [self.inv, self.pay, self.jnl]

    def setup(self):
        pg, sql, inv, pay, jnl = self.pg, self.sql, self.inv, self.pay, self.jnl
        pg.preexisting_idle_db(5)
        inv_eni = ["10.42.16.37", "10.42.17.201", "10.42.18.90"]
        pay_eni = ["10.42.16.122", "10.42.17.14", "10.42.18.233"]
        jnl_eni = ["10.42.16.58", "10.42.17.163", "10.42.18.7"]

        # inventory-api: five environments warm since ~08:35 whose proxy sessions the proxy is
        # about to close for idleness (IdleClientTimeout 1800 s), one busy environment.
        I = [inv.add_instance(inv_eni[i % 3], R.randint(98, 118), warm=True) for i in range(6)]
        for i, off in enumerate([12, 38, 66, 95, 128]):
            last = T0 - 1800 * 1000 + off * 1000 + R.randint(0, 900)
            I[i].conn = pg.preexisting(I[i].eni_ip, inv.user, I[i].stream, last)
            first = last + 1800 * 1000 + 14000 + R.randint(15000, 70000)
            I[i].windows = [(first, T1, 36000)]
        I[5].conn = pg.preexisting(I[5].eni_ip, inv.user, I[5].stream, T0 - 9000)
        I[5].windows = [(T0, T1, 30000)]
        I[5].script = [(at(7, 10), "qto"), (at(8, 30), "handled"), (at(12, 5), "app_error")]
        I[1].script = [(at(11, 30), "qto"), (at(17, 40), "app_error_key")]
        # the three environments reset just before the 09:19:40 brownout reconnect inside it
        I[3].script = [(at(14, 50), "qto"), (at(19, 35), "oom"), (at(19, 44), "ok")]
        I[0].script = [(at(19, 29), "http_timeout"), (at(19, 47), "ok"), (at(22, 10), "qto")]
        I[2].script = [(at(9, 40), "leak_fin"), (at(21, 0), "handled")]
        I[4].script = [(at(19, 27), "leak_fin"), (at(19, 41), "ok")]

        # payments-worker: hybrid pattern (validates, reconnects); every session pinned by Parse.
        P = [pay.add_instance(pay_eni[i % 3], R.randint(128, 150), warm=(i < 4)) for i in range(5)]
        last = T0 - 1800 * 1000 + 20000 + R.randint(0, 800)
        P[0].conn = pg.preexisting(P[0].eni_ip, pay.user, P[0].stream, last, pinned=True)
        P[0].windows = [(at(7, 0), T1, 50000)]
        for i in (1, 2, 3):
            P[i].conn = pg.preexisting(P[i].eni_ip, pay.user, P[i].stream, T0 - R.randint(3000, 40000), pinned=True)
            P[i].windows = [(T0, T1, 45000)]
        P[4].windows = [(at(19, 50), T1, 25000)]
        P[1].script = [(at(8, 20), "qto"), (at(10, 0), "leak_fin"), (at(19, 28), "http_timeout"), (at(19, 46), "ok")]
        P[2].script = [(at(11, 10), "leak_fin"), (at(13, 40), "qto"), (at(22, 50), "leak_fin")]
        P[3].script = [(at(9, 10), "app_error"), (at(15, 30), "leak_nofin"), (at(21, 30), "qto")]
        P[0].script = [(at(12, 30), "http_timeout"), (at(17, 0), "leak_fin"), (at(21, 50), "app_error")]

        # journal-writer: SqlClient pool; every session pinned by the SET batch.
        J = [jnl.add_instance(jnl_eni[i % 3], R.randint(126, 140), warm=(i < 4)) for i in range(5)]
        for i in range(4):
            J[i].conn = sql.preexisting(J[i].eni_ip, jnl.user, J[i].stream, T0 - R.randint(2000, 30000), pinned=True)
        J[0].windows = [(T0, T1, 35000)]
        J[1].windows = [(T0, T1, 40000)]
        # J3-J5 go quiet after the first burst; the proxy closes their sessions after 600 s
        J[2].windows = [(T0, at(9, 10), 35000), (at(20, 0), T1, 80000)]
        J[3].windows = [(T0, at(9, 30), 35000), (at(20, 20), T1, 80000)]
        J[4].windows = [(at(6, 10), at(8, 50), 30000), (at(20, 40), T1, 90000)]
        J[2].script = [(at(20, 30), "ok")]  # reconnects during the 09:20:25 brownout
        J[0].script = [(at(7, 30), "qto"), (at(8, 0), "commit_then_http_timeout"), (at(10, 20), "leak_fin"),
                       (at(16, 0), "leak_nofin"), (at(21, 15), "qto"), (at(23, 0), "app_error")]
        J[1].script = [(at(6, 40), "app_error"), (at(11, 20), "http_timeout"), (at(13, 0), "qto"), (at(14, 10), "leak_nofin")]

    def run(self):
        heap = []
        seq = 0
        for fn in self.fns:
            for inst in fn.instances:
                nxt = inst.next_arrival(T0)
                if nxt:
                    seq += 1
                    heapq.heappush(heap, (nxt[0], seq, inst, nxt[1]))
        while heap:
            t, _, inst, kind = heapq.heappop(heap)
            if t > LAST_START:
                continue
            self.pg.advance(t)
            self.sql.advance(t)
            out = inst.fn.invoke(inst, t, kind)
            inst.free_at = out.end + R.randint(40, 600)
            nxt = inst.next_arrival(inst.free_at)
            if nxt:
                seq += 1
                heapq.heappush(heap, (nxt[0], seq, inst, nxt[1]))
        self.pg.advance(T1 + 60000)
        self.sql.advance(T1 + 60000)


def lambda_events(fn):
    """CloudWatch events of a Lambda group inside the window, with ingestion times and ids."""
    evs = sorted((e for e in fn.events if T0 <= e["ts"] < T1), key=lambda e: e["ts"])
    out = []
    for e in evs:
        out.append({"logStreamName": e["stream"], "timestamp": e["ts"], "message": e["message"],
                    "ingestionTime": e["ts"] + R.randint(140, 2600), "eventId": event_id(e["ts"])})
    return out


def proxy_events(proxy):
    """Proxy lines become CloudWatch events 0.5-5 s after their embedded time."""
    evs = []
    for t, node, msg in proxy.lines:
        ts = t + R.randint(500, 5000)
        if T0 <= ts < T1:
            evs.append((ts, node, msg))
    evs.sort(key=lambda x: x[0])
    return [{"logStreamName": node, "timestamp": ts, "message": msg,
             "ingestionTime": ts + R.randint(200, 3000), "eventId": event_id(ts)} for ts, node, msg in evs]


def fle_page(events, extra=None):
    page = {"events": events, "searchedLogStreams": []}
    if extra:
        page.update(extra)
    return page


def split_pages(events, a_end, b_start):
    """Two exports whose time ranges overlap: [.., a_end) and [b_start, ..)."""
    a = [e for e in events if e["timestamp"] < a_end]
    b = [e for e in events if e["timestamp"] >= b_start]
    return a, b



def s3_export_text(events, shuffle=0.08):
    """CreateExportTask object body: '<ISO ms Z> <message>\\n', slightly out of order."""
    evs = list(events)
    for i in range(len(evs) - 1):
        if R.random() < shuffle and evs[i + 1]["timestamp"] - evs[i]["timestamp"] < 400:
            evs[i], evs[i + 1] = evs[i + 1], evs[i]
    return "".join("%s %s\n" % (iso_ms(e["timestamp"]), e["message"]) for e in evs)

def build_incident():
    inc = Incident()
    inc.setup()
    inc.run()
    inv, pay, jnl, pg, sql = inc.inv, inc.pay, inc.jnl, inc.pg, inc.sql
    base = "incident/"
    files = {}

    # inventory-api: two overlapping filter-log-events pages, one gzipped
    ev = lambda_events(inv)
    a, b = split_pages(ev, at(15, 20), at(14, 55))
    files["inventory-api"] = [
        write(base + "cloudwatch/lambda/inventory-api/inventory-api_2026-03-14T0905Z_0915Z.json.gz", gz_bytes(cli_json(fle_page(a)).encode())),
        write(base + "cloudwatch/lambda/inventory-api/inventory-api_2026-03-14T0915Z_0925Z.json", cli_json(fle_page(b))),
    ]
    inv_overlap = len(a) + len(b) - len(ev)

    # inventory-pg-proxy: filter-log-events pages
    pev = proxy_events(pg)
    a, b = split_pages(pev, at(15, 20), at(14, 55))
    write(base + "cloudwatch/rds-proxy/inventory-pg-proxy/inventory-pg-proxy_2026-03-14T0905Z_0915Z.json", cli_json(fle_page(a)))
    write(base + "cloudwatch/rds-proxy/inventory-pg-proxy/inventory-pg-proxy_2026-03-14T0915Z_0925Z.json", cli_json(fle_page(b)))
    pg_overlap = len(a) + len(b) - len(pev)

    # journal-sql-proxy: aws logs tail --format detailed (redirected, so no colour)
    sev = proxy_events(sql)
    write(base + "proxy-journal.log", tail_detailed(sev))

    # payments-worker: subscription payloads delivered by Firehose to S3
    pev_pay = lambda_events(pay)
    by_stream = {}
    for e in pev_pay:
        by_stream.setdefault(e["logStreamName"], []).append(e)
    deliveries = []
    for stream, evs in by_stream.items():
        batch = []
        for e in evs:
            if batch and (e["timestamp"] - batch[0]["timestamp"] > 180000 or len(batch) >= 60):
                deliveries.append((batch[-1]["timestamp"] + R.randint(700, 4000), stream, batch))
                batch = []
            batch.append(e)
        if batch:
            deliveries.append((batch[-1]["timestamp"] + R.randint(700, 4000), stream, batch))
    deliveries.sort(key=lambda d: d[0])
    fh_dir = base + "firehose/payments-worker/2026/03/14/09/"
    ctl_ts = T0 - R.randint(20000, 50000)
    write(fh_dir + "%d-%s.json.gz" % (ctl_ts + R.randint(400, 1500), uid()), gz_bytes(compact(control_payload(ctl_ts)).encode()))
    concat_from = len(deliveries) // 2
    concat = deliveries[concat_from:concat_from + 4]
    for i, (dt, stream, batch) in enumerate(deliveries):
        if concat_from <= i < concat_from + 4:
            continue
        payload = subscription_payload(pay.group, stream, batch, "payments-worker-to-firehose")
        write(fh_dir + "%d-%s.json.gz" % (dt, uid()), gz_bytes(compact(payload).encode()))
    # one Firehose object holding four records: each record is its own gzip member, no separator
    blob = b"".join(gz_bytes(compact(subscription_payload(pay.group, s, bt, "payments-worker-to-firehose")).encode())
                    for _, s, bt in concat)
    concat_name = fh_dir + "%d-%s.json.gz" % (concat[-1][0], uid())
    write(concat_name, blob)
    pay_files = len(deliveries) - 4 + 1 + 1

    # journal-writer: CreateExportTask objects
    jev = lambda_events(jnl)
    task_id = uid()
    prefix = "exportedlogs/journal-writer"
    s3base = base + "s3/%s/%s/" % (BUCKET, prefix)
    write(s3base + "aws-logs-write-test", "Permission Check Successful")
    j_by_stream = {}
    for e in jev:
        j_by_stream.setdefault(e["logStreamName"], []).append(e)
    for stream, evs in j_by_stream.items():
        write(s3base + "%s/%s/000000.gz" % (task_id, stream), gz_bytes(s3_export_text(evs).encode()))
    created = T1 + 23 * 60000 + R.randint(0, 59999)
    write(base + "s3/describe-export-tasks.json", cli_json({"exportTasks": [{
        "taskId": task_id, "taskName": "journal-writer-incident-20260314", "logGroupName": jnl.group,
        "from": T0, "to": T1, "destination": BUCKET, "destinationPrefix": prefix,
        "status": {"code": "COMPLETED", "message": "Completed successfully"},
        "executionInfo": {"creationTime": created, "completionTime": created + R.randint(180000, 420000)}}]}))

    # configuration
    cfg = base + "config/"
    write(cfg + "describe-db-proxies.json", cli_json(describe_db_proxies([
        (pg, ["inventory_app", "payments_app"], "POSTGRES_SCRAM_SHA_256", "2025-06-11T08:12:44.031000+00:00"),
        (sql, ["journal_svc"], "SQL_SERVER_AUTHENTICATION", "2025-07-02T10:40:19.552000+00:00")])))
    write(cfg + "describe-db-proxy-target-groups_inventory-pg-proxy.json", cli_json(target_groups(pg, 50, 25)))
    write(cfg + "describe-db-proxy-target-groups_journal-sql-proxy.json", cli_json(target_groups(sql, 10, 5)))
    write(cfg + "get-function-configuration_inventory-api.json", cli_json(function_configuration(
        "inventory-api", "python3.12", "handler.lambda_handler", 10, 512,
        {"DB_HOST": pg.endpoint, "DB_PORT": "5432", "DB_NAME": "inventory", "DB_USER": "inventory_app",
         "DB_CONNECT_TIMEOUT": "5", "DB_STATEMENT_TIMEOUT_MS": "5000",
         "PRICING_URL": "https://pricing.internal.example"},
        "Text", "Active", "arm64", PY_ARN)))
    write(cfg + "get-function-configuration_payments-worker.json", cli_json(function_configuration(
        "payments-worker", "nodejs20.x", "index.handler", 15, 1024,
        {"PGHOST": pg.endpoint, "PGPORT": "5432", "PGDATABASE": "payments", "PGUSER": "payments_app",
         "PG_POOL_MAX": "1", "PG_CONNECTION_TIMEOUT_MS": "5000", "PG_QUERY_TIMEOUT_MS": "8000",
         "PSP_URL": "https://psp.internal.example", "LEDGER_URL": "https://ledger.internal.example"},
        "JSON", "PassThrough", "arm64", NODE_ARN, {"ApplicationLogLevel": "INFO", "SystemLogLevel": "INFO"})))
    write(cfg + "get-function-configuration_journal-writer.json", cli_json(function_configuration(
        "journal-writer", "dotnet8", "JournalWriter::JournalWriter.Function::FunctionHandler", 30, 1024,
        {"JOURNAL_DB_SERVER": sql.endpoint + ",1433", "JOURNAL_DB_NAME": "journal", "JOURNAL_DB_USER": "journal_svc",
         "JOURNAL_CONNECT_TIMEOUT": "15", "JOURNAL_COMMAND_TIMEOUT": "15",
         "FX_RATES_URL": "https://fx-rates.internal.example"},
        "Text", "Active", "x86_64", DOTNET_ARN)))
    write(cfg + "get-function-concurrency_payments-worker.json", cli_json({"ReservedConcurrentExecutions": 40}))

    # truth and summary
    truth = sorted(inv.truth + pay.truth + jnl.truth, key=lambda r: (r["time"], r["request_id"]))
    write("incident-truth/truth.ndjson", "".join(json.dumps(r) + "\n" for r in truth))
    labels = {k: 0 for k in ["stale-connection", "query-timeout", "connection-timeout", "lambda-timeout-pinning-leak", "unclassified"]}
    mechs, by_fn = {}, {}
    for r in truth:
        labels[r["cause"]] += 1
        mechs[r["mechanism"]] = mechs.get(r["mechanism"], 0) + 1
        d = by_fn.setdefault(r["function"], {})
        d[r["cause"]] = d.get(r["cause"], 0) + 1
    invocations = inv.invocations + pay.invocations + jnl.invocations
    summary = {
        "profile": "samples/incident",
        "seed": SEED,
        "scenario": {"start": iso_ms(T0), "end": iso_ms(T1), "duration_s": (T1 - T0) // 1000},
        "invocations": invocations,
        "failures": len(truth),
        "failure_rate": round(len(truth) / invocations, 5),
        "labels": labels,
        "by_function": {fn.name: dict(sorted(by_fn.get(fn.name, {}).items())) for fn in inc.fns},
        "mechanisms": dict(sorted(mechs.items())),
        "functions": {
            "inventory-api": {"runtime": "python3.12", "log_format": "Text", "driver": "psycopg2", "pattern": "naive",
                              "proxy": "inventory-pg-proxy", "timeout_s": 10, "instances": len(inv.instances),
                              "invocations": inv.invocations, "inits_in_window": inv.inits,
                              "handled_error_lines_not_failures": inv.notes["handled_errors"],
                              "container": "filter-log-events (2 pages, one .json.gz, %d events in both)" % inv_overlap},
            "payments-worker": {"runtime": "nodejs20.x", "log_format": "JSON", "driver": "node-postgres pool", "pattern": "hybrid",
                                "proxy": "inventory-pg-proxy", "timeout_s": 15, "instances": len(pay.instances),
                                "invocations": pay.invocations, "inits_in_window": pay.inits,
                                "silent_reconnects_not_failures": pay.notes["silent_reconnects"],
                                "container": "subscription payloads via Firehose (%d objects, one CONTROL_MESSAGE, one with 4 concatenated gzip members)" % pay_files},
            "journal-writer": {"runtime": "dotnet8", "log_format": "Text", "driver": "Microsoft.Data.SqlClient", "pattern": "naive",
                               "proxy": "journal-sql-proxy", "timeout_s": 30, "instances": len(jnl.instances),
                               "invocations": jnl.invocations, "inits_in_window": jnl.inits,
                               "container": "CreateExportTask S3 objects (%d streams)" % len(j_by_stream)},
        },
        "proxies": {
            "inventory-pg-proxy": {"engine": "POSTGRESQL", "IdleClientTimeout": 1800, "ConnectionBorrowTimeout": 120,
                                   "max_db_connections_modelled": pg.max_db,
                                   "brownouts": [[iso_ms(x), iso_ms(y)] for x, y in pg.brownouts],
                                   "container": "filter-log-events (2 pages, %d events in both)" % pg_overlap,
                                   "events": len(pev)},
            "journal-sql-proxy": {"engine": "SQLSERVER", "IdleClientTimeout": 600, "ConnectionBorrowTimeout": 10,
                                  "max_db_connections_modelled": sql.max_db,
                                  "brownouts": [[iso_ms(x), iso_ms(y)] for x, y in sql.brownouts],
                                  "container": "aws logs tail --format detailed", "events": len(sev)},
        },
        "events": {"inventory-api": len(ev), "payments-worker": len(pev_pay), "journal-writer": len(jev),
                   "inventory-pg-proxy": len(pev), "journal-sql-proxy": len(sev)},
        "config_findings": [
            "journal-writer Timeout 30 s > journal-sql-proxy ConnectionBorrowTimeout 10 s",
            "inventory-pg-proxy IdleClientTimeout 1800 s (30 min): warm environments outlive their proxy sessions",
            "payments-worker ReservedConcurrentExecutions 40 with every session pinned (Parse)",
        ],
    }
    write("incident-truth/summary.json", json.dumps(summary, indent=2) + "\n")
    return inc, summary




def verify(summary, written):
    """Reads the written incident back as a parser would and checks it against its summary."""
    problems = []

    def check(cond, msg):
        if not cond:
            problems.append(msg)

    def ok_event_id(e, key="eventId"):
        return len(e[key]) == 56 and int(e[key]) >> 144 == e["timestamp"]

    # inventory-api pages
    inv_pages = sorted(p for p in written if p.startswith("incident/cloudwatch/lambda/"))
    seen, inv = set(), []
    total = 0
    for p in inv_pages:
        page = read_page(p)
        check(page["searchedLogStreams"] == [], p + ": searchedLogStreams")
        total += len(page["events"])
        for e in page["events"]:
            check(ok_event_id(e), p + ": eventId")
            if e["eventId"] not in seen:
                seen.add(e["eventId"])
                inv.append(e)
    check(total > len(inv), "inventory pages do not overlap")
    check(len(inv) == summary["events"]["inventory-api"], "inventory event count")
    # proxy pages
    pg = {}
    for p in (p for p in written if p.startswith("incident/cloudwatch/rds-proxy/")):
        for e in read_page(p)["events"]:
            pg[e["eventId"]] = e
    check(len(pg) == summary["events"]["inventory-pg-proxy"], "pg proxy event count")
    rx = re.compile(PROXY_LINE)

    def emb(msg):
        return int(datetime.strptime(msg[:23], "%Y-%m-%dT%H:%M:%S.%f").replace(tzinfo=timezone.utc).timestamp() * 1000)
    for e in pg.values():
        check(rx.match(e["message"]) is not None, "pg proxy line regex: " + e["message"][:60])
        check(500 <= e["timestamp"] - emb(e["message"]) <= 5000, "pg proxy lag")
        check(re.fullmatch(r"[0-9a-f]{32}", e["logStreamName"]) is not None, "pg proxy stream name")
    # journal tail
    tail = read_file("incident/proxy-journal.log").decode("utf-8").splitlines()
    check(len(tail) == summary["events"]["journal-sql-proxy"], "journal tail count")
    sql_lines = []
    for ln in tail:
        ts, stream, msg = ln.split(" ", 2)
        t = int(datetime.fromisoformat(ts).timestamp() * 1000)
        check(500 <= t - emb(msg) <= 5000, "sql proxy lag")
        sql_lines.append((t, msg))
    # firehose
    pay, controls, members_max = [], 0, 0
    for p in (p for p in written if p.startswith("incident/firehose/")):
        raw = read_file(p)
        members, d = 0, raw
        while d:
            do = zlib.decompressobj(31)
            do.decompress(d)
            d = do.unused_data
            members += 1
        members_max = max(members_max, members)
        s = gzip.decompress(raw).decode("utf-8")
        dec, i = json.JSONDecoder(), 0
        while i < len(s):
            o, i = dec.raw_decode(s, i)
            if o["messageType"] == "CONTROL_MESSAGE":
                controls += 1
                continue
            for e in o["logEvents"]:
                check(len(e["id"]) == 56 and int(e["id"]) >> 144 == e["timestamp"], "subscription id")
                pay.append(dict(e, logStreamName=o["logStream"]))
    check(controls == 1 and members_max == 4, "firehose control/members")
    check(len(pay) == summary["events"]["payments-worker"], "payments event count")
    # s3 export
    tasks = json.loads(read_file("incident/s3/describe-export-tasks.json"))["exportTasks"]
    check(tasks[0]["logGroupName"] == "/aws/lambda/journal-writer", "export task group")
    jn = []
    for p in (p for p in written if p.startswith("incident/s3/") and p.endswith("000000.gz")):
        check(tasks[0]["taskId"] in p, "task id in key")
        stream = p.split(tasks[0]["taskId"] + "/")[1].rsplit("/", 1)[0]
        text = gzip.decompress(read_file(p)).decode("utf-8")
        parts = re.split(r"(?m)^(?=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z )", text)
        for part in parts:
            if part:
                ts = int(datetime.strptime(part[:23], "%Y-%m-%dT%H:%M:%S.%f").replace(tzinfo=timezone.utc).timestamp() * 1000)
                jn.append({"logStreamName": stream, "timestamp": ts, "message": part[25:-1]})
    check(len(jn) == summary["events"]["journal-writer"], "journal export count %d" % len(jn))

    # invocations and truth
    starts = sum(1 for e in inv + jn if e["message"].startswith("START RequestId:")) + sum(1 for e in pay if '"type":"platform.start"' in e["message"])
    check(starts == summary["invocations"], "invocations %d != %d" % (starts, summary["invocations"]))
    by_fn = {"inventory-api": inv, "payments-worker": pay, "journal-writer": jn}
    truth = [json.loads(l) for l in read_file("incident-truth/truth.ndjson").decode("utf-8").splitlines()]
    check(len(truth) == summary["failures"], "truth count")
    mid = [emb(m) for _, m in sql_lines if "middle of a request" in m] + [emb(e["message"]) for e in pg.values() if "middle of a request" in e["message"]]
    for t in truth:
        evs = [e for e in by_fn[t["function"]] if e["logStreamName"] == t["instance"]]
        mine = [e for e in evs if t["request_id"] in e["message"]]
        check(len(mine) >= 2, "truth request not found " + t["request_id"])
        tt = int(datetime.strptime(t["time"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc).timestamp() * 1000)
        check(any(e["timestamp"] == tt for e in evs), "truth time has no event " + t["request_id"])
        if t["cause"] == "lambda-timeout-pinning-leak":
            check(any("timeout" in e["message"] for e in mine), "leak without timeout")
            check(any("egin" in e["message"] for e in mine), "leak without begin")
            fin = any(0 <= m - tt <= 5000 for m in mid)
            check(fin == t["mechanism"].endswith("-fin") and not t["mechanism"].endswith("no-fin") or (not fin and t["mechanism"].endswith("no-fin")),
                  "leak fin mismatch " + t["request_id"])
    # every INIT_START / platform.initStart is followed by a report carrying the init duration
    for name, evs in by_fn.items():
        pending = {}
        for e in sorted(evs, key=lambda x: x["timestamp"]):
            m, st = e["message"], e["logStreamName"]
            if m.startswith("INIT_START") or '"type":"platform.initStart"' in m:
                pending[st] = True
            elif m.startswith("REPORT ") or '"type":"platform.report"' in m:
                has = "Init Duration:" in m or "initDurationMs" in m
                check(has == pending.get(st, False), "init duration mismatch in %s %s" % (name, st))
                pending[st] = False
            elif m.startswith("[ERROR] "):
                prev = [x for x in evs if x["logStreamName"] == st and x["timestamp"] == e["timestamp"] and "LAMBDA_WARNING" in x["message"]]
                check(len(prev) == 1, "python [ERROR] without LAMBDA_WARNING")
    return problems


def build(root):
    begin(root, SKIP)
    _, summary = build_incident()
    written = list(current_written())
    return finish(__file__, "incident", summary, verify(summary, written), alone_in=("incident", "incident-truth"))


if __name__ == "__main__":
    main("incident", build)
