#!/usr/bin/env python3
"""Generate the proxylens test fixtures under samples/.

Deterministic (fixed seed), Python 3 standard library only. Run from anywhere:

    python3 samples/make_samples.py

It rewrites samples/{incident,containers,lines,errors,bad}/ and samples/README.md.
Formats follow the reference notes (formats.md, cited per file in README.md) and the
mechanics of the labelled public corpus; ids, times and counts are fresh.
"""

import base64
import csv
import heapq
import io
import json
import math
import os
import random
import shutil
import struct
import uuid
import zlib
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20260314
R = random.Random(SEED)

ACCOUNT = "730335218964"
REGION = "eu-west-1"

T0 = 1773479100000  # 2026-03-14T09:05:00.000Z, start of the incident window
T1 = 1773480300000  # 2026-03-14T09:25:00.000Z, end of the incident window
LAST_START = T1 - 32000  # no invocation starts later, so all finish inside the window


# --------------------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------------------

def uid():
    return str(uuid.UUID(int=R.getrandbits(128), version=4))


def hexid(n=32):
    return "%0*x" % (n, R.getrandbits(4 * n))


def u32():
    return R.randint(20_000_000, 4_294_967_295)


def event_id(ts):
    # CloudWatch event ids are (timestamp << 144) | 140 random-looking bits, 56 digits.
    return str((ts << 144) | R.getrandbits(140))


def iso_ms(ms):
    s, m = divmod(ms, 1000)
    return datetime.fromtimestamp(s, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % m


def iso_tail(ms):
    # aws logs tail --format detailed: datetime.isoformat(timespec='microseconds')
    s, m = divmod(ms, 1000)
    d = datetime.fromtimestamp(s, timezone.utc).replace(microsecond=m * 1000)
    return d.isoformat(timespec="microseconds")


def insights_ts(ms):
    s, m = divmod(ms, 1000)
    return datetime.fromtimestamp(s, timezone.utc).strftime("%Y-%m-%d %H:%M:%S") + ".%03d" % m


def hhmm(ms):
    return datetime.fromtimestamp(ms // 1000, timezone.utc).strftime("%H%M")


def cli_json(obj):
    """AWS CLI v2 JSON output: 4-space indent, non-ASCII kept, trailing newline."""
    return json.dumps(obj, indent=4, ensure_ascii=False) + "\n"


def compact(obj):
    """JSON.stringify-like compact JSON (Lambda platform records, Node app records)."""
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def gz_bytes(data, level=6):
    """gzip member like zlib/Go writers: mtime 0, no name, OS=3 (Unix)."""
    co = zlib.compressobj(level, zlib.DEFLATED, -15, 8)
    body = co.compress(data) + co.flush()
    xfl = 2 if level == 9 else (4 if level == 1 else 0)
    head = b"\x1f\x8b\x08\x00\x00\x00\x00\x00" + bytes([xfl]) + b"\x03"
    return head + body + struct.pack("<II", zlib.crc32(data) & 0xFFFFFFFF, len(data) & 0xFFFFFFFF)


def write(path, data):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(full, "wb") as f:
        f.write(data)
    return full


def runtime_arn():
    return "arn:aws:lambda:%s::runtime:%s" % (REGION, hexid(64))


def xray_line(start_ms):
    return "XRAY TraceId: 1-%08x-%s\tSegmentId: %s\tSampled: true\n" % (start_ms // 1000, hexid(24), hexid(16))


def ms_fmt(x):
    return "%.2f" % x


PY_WARNING = (
    "LAMBDA_WARNING: Unhandled exception. The most likely cause is an issue in the function code. "
    "However, in rare cases, a Lambda runtime update can cause unexpected function behavior. For "
    "functions using managed runtimes, runtime updates can be triggered by a function change, or can "
    "be applied automatically. To determine if the runtime has been updated, check the runtime version "
    "in the INIT_START log entry. If this error correlates with a change in the runtime version, you may "
    "be able to mitigate this error by temporarily rolling back to the previous runtime version. For more "
    "information, see https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html"
)

NBSP = "\u00a0"


def py_traceback(frames):
    """awslambdaric text-mode traceback: leading spaces replaced by NO-BREAK SPACE, lines joined by \\n."""
    out = ["Traceback (most recent call last):"]
    for path, line, func, code in frames:
        out.append(NBSP * 2 + 'File "%s", line %d, in %s' % (path, line, func))
        out.append(NBSP * 4 + code)
    return "\n".join(out)


def py_error_event(etype, emsg, frames):
    return "[ERROR] %s: %s\n%s" % (etype, emsg, py_traceback(frames))


# --------------------------------------------------------------------------------------
# RDS Proxy model
# --------------------------------------------------------------------------------------

CLOSE_TEXT = {
    "tcp": "The TCP channel was closed by either the client or the proxy.",
    "idle": "The client connection was idle for longer than the idle client timeout.",
    "requested": "The client requested that the connection close.",
}
DB_CLOSED_MID = ("The database connection closed. Reason: The client connection that borrowed this "
                 "database connection from the connection pool was closed in the middle of a request.")
DB_RELEASED = "The database connection was released to the connection pool upon session reset."
PIN_PREFIX = ("The client session was pinned to the database connection [dbConnection=%d] for the "
              "remainder of the session. The proxy can't reuse this connection until the session ends. Reason: %s")
REASON_PARSE = "A parse message was detected."
REASON_16K = "The connection ran a SQL query which exceeded the 16384 byte limit."


def reason_digest(digest):
    return ("SQL changed session settings that the proxy doesn't track. Consider moving session "
            "configuration to the proxy's initialization query. Digest: \"%s\"." % digest)


class DbConn:
    def __init__(self, node):
        self.id = u32()
        self.node = node
        self.state = "idle"


class ClientConn:
    def __init__(self, proxy, node, ip, user, label):
        self.id = u32()
        self.proxy = proxy
        self.node = node
        self.ip = ip
        self.port = R.randint(1024, 65535)
        self.user = user
        self.label = label
        self.open = True
        self.pinned = None
        self.in_txn = False
        self.last_activity = 0
        self.jitter = R.randint(300, 14000)
        self.closed_at = None
        self.close_kind = None

    def idle_deadline(self):
        return self.last_activity + self.proxy.idle_timeout_s * 1000 + self.jitter


class Proxy:
    def __init__(self, name, engine, endpoint, idle_timeout_s, borrow_timeout_s, max_db, db_addr, node_ips, auth_text):
        self.name = name
        self.group = "/aws/rds/proxy/" + name
        self.engine = engine
        self.endpoint = endpoint
        self.endpoint_ip = None
        self.idle_timeout_s = idle_timeout_s
        self.borrow_timeout_s = borrow_timeout_s
        self.max_db = max_db
        self.db_addr = db_addr
        self.nodes = [hexid(), hexid()]
        self.node_ips = dict(zip(self.nodes, node_ips))
        self.auth_text = auth_text
        self.lines = []  # (embedded_ms, node, message)
        self.clients = []
        self.pool = []
        self.deferred = []
        self.seq = 0
        self.brownouts = []
        self.now = 0

    # ---- logging
    def _client_line(self, t, level, cc, text):
        self.lines.append((t, cc.node, "%s [%s] [proxyEndpoint=default] [clientConnection=%d] %s" % (iso_ms(t), level, cc.id, text)))

    def _db_line(self, t, db, text):
        self.lines.append((t, db.node, "%s [INFO] [dbConnection=%d] %s" % (iso_ms(t), db.id, text)))

    # ---- time
    def defer(self, t, fn):
        self.seq += 1
        heapq.heappush(self.deferred, (t, self.seq, fn))

    def advance(self, t):
        while True:
            best_t, best = None, None
            if self.deferred and self.deferred[0][0] <= t:
                best_t, best = self.deferred[0][0], "deferred"
            for cc in self.clients:
                if cc.open:
                    d = cc.idle_deadline()
                    if d <= t and (best_t is None or d < best_t):
                        best_t, best = d, cc
            if best is None:
                break
            if best == "deferred":
                _, _, fn = heapq.heappop(self.deferred)
                fn()
            else:
                self.close_client(best_t, best, "idle", mid_request=best.in_txn)
        self.now = max(self.now, t)

    def in_brownout(self, t):
        return any(a <= t < b for a, b in self.brownouts)

    # ---- sessions
    def preexisting(self, ip, user, label, last_activity, pinned=False):
        cc = ClientConn(self, R.choice(self.nodes), ip, user, label)
        cc.last_activity = last_activity
        self.clients.append(cc)
        if pinned:
            db = DbConn(cc.node)
            db.state = "pinned"
            self.pool.append(db)
            cc.pinned = db
        return cc

    def preexisting_idle_db(self, n):
        for _ in range(n):
            self.pool.append(DbConn(R.choice(self.nodes)))

    def connect(self, t, ip, user, label):
        self.advance(t)
        cc = ClientConn(self, R.choice(self.nodes), ip, user, label)
        cc.last_activity = t
        self.clients.append(cc)
        self._client_line(t, "INFO", cc, "A new client connected from %s:%d." % (ip, cc.port))
        self._client_line(t + R.randint(6, 24), "INFO", cc, self.auth_text % user)
        return cc

    def pin(self, t, cc, reason):
        """Pin cc to a database connection. False when the pool is exhausted."""
        self.advance(t)
        if cc.pinned:
            return True
        idle = [d for d in self.pool if d.state == "idle"]
        same = [d for d in idle if d.node == cc.node]
        db = (same or idle or [None])[0]
        if db is None and len(self.pool) < self.max_db:
            db = DbConn(cc.node)
            self.pool.append(db)
            a, b = self.node_ips[db.node], self.db_addr
            self._db_line(t - R.randint(4, 14), db,
                          "A TCP connection was established from the proxy at %s:%d to the database at %s."
                          % (a, R.randint(1024, 65535), b))
        if db is None:
            return False
        db.state = "pinned"
        cc.pinned = db
        self._client_line(t, "WARN", cc, PIN_PREFIX % (db.id, reason))
        return True

    def close_client(self, t, cc, kind, mid_request=False):
        if not cc.open:
            return
        cc.open = False
        cc.closed_at = t
        cc.close_kind = kind
        self._client_line(t, "INFO", cc, "The client connection closed. Reason: " + CLOSE_TEXT[kind])
        db = cc.pinned
        if db is not None:
            t2 = t + R.randint(3, 34)
            if mid_request:
                self._db_line(t2, db, DB_CLOSED_MID)
                self.pool.remove(db)
            else:
                self._db_line(t2, db, DB_RELEASED)
                db.state = "idle"
            cc.pinned = None

    def pinned_count(self):
        return sum(1 for d in self.pool if d.state == "pinned")


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


# ---------------------------- inventory-api (python3.12, text, psycopg2) --------------

PY_VER = "python:3.12.v64"
PY_ARN = runtime_arn()
NODE_VER = "nodejs:20.v58"
NODE_ARN = runtime_arn()
DOTNET_VER = "dotnet:8.v41"
DOTNET_ARN = runtime_arn()

WAREHOUSES = ["dub-1", "dub-2", "ams-1", "fra-3"]


def sku():
    return "SKU-%05d" % R.randint(100, 99999)


def token(prefix, n=12):
    alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return prefix + "".join(R.choice(alphabet) for _ in range(n))


FR_HANDLER = "/var/task/handler.py"
FR_PSYCOPG = ("/var/lang/lib/python3.12/site-packages/psycopg2/__init__.py", 122, "connect",
              "conn = _connect(dsn, connection_factory=connection_factory, **kwasync)")


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


# ---------------------------- payments-worker (nodejs20.x, JSON, node-postgres) ------

NODE_QTO_STACK = ["Error: Query read timeout",
                  "    at Timeout._onTimeout (/var/task/node_modules/pg/lib/client.js:566:19)",
                  "    at listOnTimeout (node:internal/timers:594:17)",
                  "    at process.processTimers (node:internal/timers:529:7)"]
NODE_CTO_STACK = ["Error: timeout exceeded when trying to connect",
                  "    at Timeout._onTimeout (/var/task/node_modules/pg-pool/index.js:205:27)",
                  "    at listOnTimeout (node:internal/timers:594:17)",
                  "    at process.processTimers (node:internal/timers:529:7)"]


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


# ---------------------------- journal-writer (dotnet8, text, SqlClient) ---------------

SQL_DIGEST = "set xact_abort on; set arithabort on; set numeric_roundabort off"
DN_ONERROR = [
    "   at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)",
    "   at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)",
    "   at Microsoft.Data.SqlClient.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, SqlCommand command, Boolean callerHasConnectionLock, Boolean asyncClose)",
    "   at Microsoft.Data.SqlClient.TdsParser.TryRun(RunBehavior runBehavior, SqlCommand cmdHandler, SqlDataReader dataStream, BulkCopySimpleResultSet bulkCopyHandler, TdsParserStateObject stateObj, Boolean& dataReady)",
    "   at Microsoft.Data.SqlClient.SqlCommand.RunExecuteNonQueryTds(String methodName, Boolean isAsync, Int32 timeout, Boolean asyncWrite)",
    "   at Microsoft.Data.SqlClient.SqlCommand.InternalExecuteNonQuery(TaskCompletionSource`1 completion, Boolean sendToPipe, Int32 timeout, Boolean& usedCache, Boolean asyncWrite, Boolean inRetry, String methodName)",
    "   at Microsoft.Data.SqlClient.SqlCommand.ExecuteNonQuery()",
]
DN_INSERT = [
    "   at JournalWriter.Data.EntryRepository.InsertLines(SqlTransaction tx, IReadOnlyList`1 lines) in /src/JournalWriter/Data/EntryRepository.cs:line 74",
    "   at JournalWriter.Function.FunctionHandler(SQSEvent sqsEvent, ILambdaContext context) in /src/JournalWriter/Function.cs:line 58",
]
DN_SESSION = [
    "   at JournalWriter.Data.SqlSession.ApplySessionOptions(SqlConnection connection) in /src/JournalWriter/Data/SqlSession.cs:line 41",
    "   at JournalWriter.Data.SqlSession.OpenAsync() in /src/JournalWriter/Data/SqlSession.cs:line 27",
    "   at JournalWriter.Function.FunctionHandler(SQSEvent sqsEvent, ILambdaContext context) in /src/JournalWriter/Function.cs:line 49",
]
DN_OPEN = [
    "   at Microsoft.Data.ProviderBase.DbConnectionPool.CheckPoolBlockingPeriod(Exception e)",
    "   at Microsoft.Data.ProviderBase.DbConnectionPool.CreateObject(DbConnection owningObject, DbConnectionOptions userOptions, DbConnectionInternal oldConnection)",
    "   at Microsoft.Data.ProviderBase.DbConnectionPool.UserCreateRequest(DbConnection owningObject, DbConnectionOptions userOptions, DbConnectionInternal oldConnection)",
    "   at Microsoft.Data.ProviderBase.DbConnectionPool.TryGetConnection(DbConnection owningObject, UInt32 waitForMultipleObjectsTimeout, Boolean allowCreate, Boolean onlyOneCheckConnection, DbConnectionOptions userOptions, DbConnectionInternal& connection)",
    "   at Microsoft.Data.SqlClient.SqlConnection.TryOpen(TaskCompletionSource`1 retry, SqlConnectionOverrides overrides)",
    "   at Microsoft.Data.SqlClient.SqlConnection.Open(SqlConnectionOverrides overrides)",
    "   at JournalWriter.Data.SqlSession.OpenAsync() in /src/JournalWriter/Data/SqlSession.cs:line 24",
    "   at JournalWriter.Function.FunctionHandler(SQSEvent sqsEvent, ILambdaContext context) in /src/JournalWriter/Function.cs:line 49",
]


def sqlexception(text, inner, stack, number, klass):
    lines = ["Microsoft.Data.SqlClient.SqlException (0x80131904): " + text]
    if inner:
        lines.append(" ---> " + inner)
        lines.append("   --- End of inner exception stack trace ---")
    lines += stack
    lines.append("ClientConnectionId:" + uid())
    lines.append("Error Number:%d,State:0,Class:%d" % (number, klass))
    return "\n".join(lines)


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


PROXY_SUFFIX = "proxy-" + "".join(R.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(12))
PG_AUTH = 'Proxy authentication with PostgreSQL native password authentication succeeded for user "%s" with TLS on.'
SQL_AUTH = 'Proxy authentication with SQL Server authentication succeeded for user "%s" with TLS on.'
VPC = "vpc-" + hexid(17)
SUBNETS = ["subnet-" + hexid(17) for _ in range(3)]
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


def subscription_payload(group, stream, events, filter_name):
    return {"messageType": "DATA_MESSAGE", "owner": ACCOUNT, "logGroup": group, "logStream": stream,
            "subscriptionFilters": [filter_name],
            "logEvents": [{"id": e["eventId"], "timestamp": e["timestamp"], "message": e["message"]} for e in events]}


def control_payload(ts, dest="Firehose"):
    return {"messageType": "CONTROL_MESSAGE", "owner": "CloudwatchLogs", "logGroup": "", "logStream": "",
            "subscriptionFilters": [],
            "logEvents": [{"id": "", "timestamp": ts, "message": "CWL CONTROL MESSAGE: Checking health of destination %s." % dest}]}


def s3_export_text(events, shuffle=0.08):
    """CreateExportTask object body: '<ISO ms Z> <message>\\n', slightly out of order."""
    evs = list(events)
    for i in range(len(evs) - 1):
        if R.random() < shuffle and evs[i + 1]["timestamp"] - evs[i]["timestamp"] < 400:
            evs[i], evs[i + 1] = evs[i + 1], evs[i]
    return "".join("%s %s\n" % (iso_ms(e["timestamp"]), e["message"]) for e in evs)


def tail_detailed(events, color=False):
    out = []
    for e in events:
        ts, stream = iso_tail(e["timestamp"]), e["logStreamName"]
        if color:
            ts, stream = "\x1b[32m" + ts + "\x1b[0m", "\x1b[36m" + stream + "\x1b[0m"
        out.append(("%s %s %s" % (ts, stream, e["message"])).rstrip() + "\n")
    return "".join(out)


def tail_short(events):
    out = []
    for e in events:
        ts = datetime.fromtimestamp(e["timestamp"] // 1000, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
        out.append(("%s %s" % (ts, e["message"])).rstrip() + "\n")
    return "".join(out)


# ---------------------------- configuration documents --------------------------------

def describe_db_proxies(proxies):
    out = []
    for p, users, auth_type, created in proxies:
        out.append({
            "DBProxyName": p.name,
            "DBProxyArn": "arn:aws:rds:%s:%s:db-proxy:prx-%s" % (REGION, ACCOUNT, hexid(17)),
            "Status": "available",
            "EngineFamily": p.engine,
            "VpcId": VPC,
            "VpcSecurityGroupIds": ["sg-" + hexid(17)],
            "VpcSubnetIds": SUBNETS,
            "Auth": [{"Description": "", "UserName": u, "AuthScheme": "SECRETS",
                      "SecretArn": "arn:aws:secretsmanager:%s:%s:secret:rds-proxy/%s-%s" % (REGION, ACCOUNT, u, token("", 6)),
                      "IAMAuth": "DISABLED", "ClientPasswordAuthType": auth_type} for u in users],
            "RoleArn": "arn:aws:iam::%s:role/%s-secrets-role" % (ACCOUNT, p.name),
            "Endpoint": p.endpoint,
            "RequireTLS": True,
            "IdleClientTimeout": p.idle_timeout_s,
            "DebugLogging": True,
            "CreatedDate": created,
            "UpdatedDate": "2026-03-02T14:%02d:%02d.%06d+00:00" % (R.randint(0, 59), R.randint(0, 59), R.randint(0, 999999)),
            "EndpointNetworkType": "IPV4",
            "TargetConnectionNetworkType": "IPV4",
        })
    return {"DBProxies": out}


def target_groups(p, max_pct, idle_pct, extra=None):
    cfg = {"MaxConnectionsPercent": max_pct, "MaxIdleConnectionsPercent": idle_pct,
           "ConnectionBorrowTimeout": p.borrow_timeout_s, "SessionPinningFilters": []}
    if extra:
        cfg.update(extra)
    return {"TargetGroups": [{
        "DBProxyName": p.name, "TargetGroupName": "default",
        "TargetGroupArn": "arn:aws:rds:%s:%s:target-group:prx-tg-%s" % (REGION, ACCOUNT, hexid(17)),
        "IsDefault": True, "Status": "available", "ConnectionPoolConfig": cfg,
        "CreatedDate": "2025-06-11T08:%02d:%02d.%06d+00:00" % (R.randint(0, 59), R.randint(0, 59), R.randint(0, 999999)),
        "UpdatedDate": "2026-02-27T16:%02d:%02d.%06d+00:00" % (R.randint(0, 59), R.randint(0, 59), R.randint(0, 999999))}]}


def function_configuration(name, runtime, handler, timeout, memory, env, log_format, tracing, arch, arn_runtime, extra_logging=None):
    cfg = {
        "FunctionName": name,
        "FunctionArn": "arn:aws:lambda:%s:%s:function:%s" % (REGION, ACCOUNT, name),
        "Runtime": runtime,
        "Role": "arn:aws:iam::%s:role/%s-exec" % (ACCOUNT, name),
        "Handler": handler,
        "CodeSize": R.randint(2_000_000, 24_000_000),
        "Description": "",
        "Timeout": timeout,
        "MemorySize": memory,
        "LastModified": "2026-03-%02dT%02d:%02d:%02d.%03d+0000" % (R.randint(2, 12), R.randint(0, 23), R.randint(0, 59), R.randint(0, 59), R.randint(0, 999)),
        "CodeSha256": base64.b64encode(bytes(R.getrandbits(8) for _ in range(32))).decode(),
        "Version": "$LATEST",
        "VpcConfig": {"SubnetIds": SUBNETS, "SecurityGroupIds": ["sg-" + hexid(17)], "VpcId": VPC,
                      "Ipv6AllowedForDualStack": False},
        "Environment": {"Variables": env},
        "TracingConfig": {"Mode": tracing},
        "RevisionId": uid(),
        "State": "Active",
        "LastUpdateStatus": "Successful",
        "PackageType": "Zip",
        "Architectures": [arch],
        "EphemeralStorage": {"Size": 512},
        "SnapStart": {"ApplyOn": "None", "OptimizationStatus": "Off"},
        "RuntimeVersionConfig": {"RuntimeVersionArn": arn_runtime},
        "LoggingConfig": {"LogFormat": log_format},
    }
    if extra_logging:
        cfg["LoggingConfig"].update(extra_logging)
    cfg["LoggingConfig"]["LogGroup"] = "/aws/lambda/" + name
    return cfg


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


# --------------------------------------------------------------------------------------
# containers: one small file per export container and variant
# --------------------------------------------------------------------------------------

def cts(mm, ss, ms=0):
    """Epoch ms of 2026-03-14T09:mm:ss.mmmZ (containers use their own minutes)."""
    return T0 + ((mm - 5) * 60 + ss) * 1000 + ms


def py_text(ts, rid, level, text):
    return "[%s]\t%s\t%s\t%s\n" % (level, iso_ms(ts), rid, text)


def dn_text(ts, rid, level, text):
    return "%s\t%s\t%s\t%s\n" % (iso_ms(ts), rid, level, text)


def px_client(ts, level, cc, text, endpoint="default"):
    return "%s [%s] [proxyEndpoint=%s] [clientConnection=%d] %s" % (iso_ms(ts), level, endpoint, cc, text)


def px_db(ts, db, text):
    return "%s [INFO] [dbConnection=%d] %s" % (iso_ms(ts), db, text)


def cw_events(items, lag=(150, 2600)):
    """items: (timestamp, stream, message) -> filter-log-events style dicts, sorted."""
    out = []
    for ts, stream, msg in sorted(items, key=lambda x: x[0]):
        out.append({"logStreamName": stream, "timestamp": ts, "message": msg,
                    "ingestionTime": ts + R.randint(*lag), "eventId": event_id(ts)})
    return out


def next_token():
    raw = bytes(R.getrandbits(8) for _ in range(R.randint(96, 120)))
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def insights_ptr(group):
    inner = ("%s:%s" % (ACCOUNT, group)).encode()
    body = b"\x0a" + bytes([len(inner) + 4]) + b"\x0a" + bytes([len(inner)]) + inner + b"\x10\x05"
    body += b"\x12\x35\x1a\x18" + bytes(R.getrandbits(8) for _ in range(24)) + b"\x20\x01\x28" + bytes(R.getrandbits(7) for _ in range(6))
    body += b"\x30" + bytes(R.getrandbits(7) for _ in range(5)) + b"\x38\x02\x40\x01\x48" + bytes([R.getrandbits(7)])
    return base64.b64encode(body).decode()


def build_containers():
    C = "containers/"
    manifest = {"files": {}, "sets": []}

    def note(path, container, log_group, events, streams, notes, **extra):
        entry = {"container": container, "log_group": log_group, "events": events,
                 "log_streams": sorted(set(streams)), "distinct_log_streams": len(set(streams)), "notes": notes}
        entry.update(extra)
        manifest["files"][path] = entry

    # ---- a Python Lambda (catalog-sync) and its PostgreSQL proxy (catalog-pg-proxy)
    cat_group = "/aws/lambda/catalog-sync"
    s1 = "2026/03/14/[$LATEST]" + hexid()
    s2 = "2026/03/14/[$LATEST]" + hexid()
    r1, r2, r3 = uid(), uid(), uid()
    items = [
        (cts(12, 3, 101), s1, "START RequestId: %s Version: $LATEST\n" % r1),
        (cts(12, 3, 104), s1, py_text(cts(12, 3, 104), r1, "INFO", "syncing catalog batch 4411 (120 products)")),
        (cts(12, 3, 230), s2, "START RequestId: %s Version: $LATEST\n" % r2),
        (cts(12, 3, 233), s2, py_text(cts(12, 3, 233), r2, "INFO", "syncing catalog batch 4412 (98 products)")),
        (cts(12, 3, 611), s2, py_text(cts(12, 3, 611), r2, "INFO", "batch 4412 done: 98 upserts")),
        (cts(12, 3, 614), s2, "END RequestId: %s\n" % r2),
        (cts(12, 3, 614), s2, "REPORT RequestId: %s\tDuration: 383.47 ms\tBilled Duration: 384 ms\tMemory Size: 256 MB\tMax Memory Used: 91 MB\n" % r2),
        (cts(12, 8, 140), s1, py_text(cts(12, 8, 140), r1, "WARNING", PY_WARNING)),
        (cts(12, 8, 140), s1, py_error_event("QueryCanceled", "canceling statement due to statement timeout\n", [
            ("/var/task/app.py", 88, "handler", "upsert_batch(cur, batch)"),
            ("/var/task/catalog/store.py", 41, "upsert_batch", "cur.execute(UPSERT_SQL, rows)")])),
        (cts(12, 8, 143), s1, "END RequestId: %s\n" % r1),
        (cts(12, 8, 143), s1, "REPORT RequestId: %s\tDuration: 5039.22 ms\tBilled Duration: 5040 ms\tMemory Size: 256 MB\tMax Memory Used: 93 MB\n" % r1),
        (cts(12, 9, 20), s2, "START RequestId: %s Version: $LATEST\n" % r3),
    ]
    ev = cw_events(items)
    p1, p2 = ev[:7], ev[5:]
    f1 = "filter-log-events/catalog-sync_2026-03-14T0900Z_0915Z_page1.json"
    f2 = "filter-log-events/catalog-sync_2026-03-14T0900Z_0915Z_page2.json"
    write(C + f1, cli_json({"events": p1, "searchedLogStreams": [], "nextToken": next_token()}))
    write(C + f2, cli_json({"events": p2, "searchedLogStreams": []}))
    note(f1, "filter-log-events", cat_group, len(p1), [e["logStreamName"] for e in p1],
         "raw API page (--no-paginate): searchedLogStreams is [] and nextToken is present; the group is not in the content")
    note(f2, "filter-log-events", cat_group, len(p2), [e["logStreamName"] for e in p2],
         "next page; its first 2 events are identical to the last 2 of page1 (same eventId)")
    manifest["sets"].append({"files": [f1, f2], "events_after_dedupe": len(ev), "dedupe_key": "eventId",
                             "notes": "one invocation fails (QueryCanceled, query-timeout); r2 succeeds; r3 is still running at the end"})

    px_group = "/aws/rds/proxy/catalog-pg-proxy"
    n1, n2 = hexid(), hexid()
    cc1, cc2, db1 = u32(), u32(), u32()
    px = [
        (cts(11, 58, 402), n1, px_client(cts(11, 58, 402), "INFO", cc1, "A new client connected from 10.7.20.118:41972.")),
        (cts(11, 58, 417), n1, px_client(cts(11, 58, 417), "INFO", cc1, PG_AUTH % "catalog_writer")),
        (cts(11, 58, 430), n1, px_db(cts(11, 58, 430), db1, "A TCP connection was established from the proxy at 10.7.36.14:52210 to the database at 10.7.48.9:5432.")),
        (cts(11, 58, 444), n1, px_client(cts(11, 58, 444), "WARN", cc1, PIN_PREFIX % (db1, reason_digest("set search_path to $1,$2")))),
        (cts(12, 1, 7), n2, px_client(cts(12, 1, 7), "INFO", cc2, "The client connection closed. Reason: " + CLOSE_TEXT["idle"])),
        (cts(12, 8, 161), n1, px_client(cts(12, 8, 161), "INFO", cc1, "If this prepared statement runs, the client session will be pinned to the database connection [dbConnection=%d]. Reason: %s" % (db1, reason_digest("set session characteristics as transaction isolation level $1 committed")))),
    ]
    pev = cw_events([(t + R.randint(600, 4800), n, m) for t, n, m in px], lag=(200, 3000))
    f3 = "filter-log-events/catalog-pg-proxy_max-items-5.json"
    write(C + f3, cli_json({"events": pev[:5], "searchedLogStreams": [],
                            "NextToken": base64.b64encode(json.dumps({"nextToken": next_token(), "boto_truncate_amount": 5}).encode()).decode()}))
    note(f3, "filter-log-events", px_group, 5, [e["logStreamName"] for e in pev[:5]],
         "aws logs filter-log-events --max-items 5: the CLI's resume token is printed as \"NextToken\" (capital N) [U]; proxy streams are 32-hex names; message timestamps run 0.5-5 s behind the event timestamp")

    g = "get-log-events/%s.json" % s2.replace("/", "-")
    gev = [{"timestamp": e["timestamp"], "message": e["message"], "ingestionTime": e["ingestionTime"]} for e in ev if e["logStreamName"] == s2]
    write(C + g, cli_json({"events": gev,
                           "nextForwardToken": "f/" + event_id(gev[-1]["timestamp"]),
                           "nextBackwardToken": "b/" + event_id(gev[0]["timestamp"])}))
    note(g, "get-log-events", None, len(gev), [s2],
         "events carry no logStreamName and no eventId: the stream comes from the file name (first three '-' back to '/'), the group is unknown (catalog-sync in this set)",
         stream_from_file_name=s2)

    # ---- CreateExportTask: a .NET Lambda stream split over two objects, and a proxy stream
    led_group = "/aws/lambda/ledger-export"
    px2_group = "/aws/rds/proxy/ledger-sql-proxy"
    bucket = "audit-exports-%s" % ACCOUNT
    t_l, t_p = uid(), uid()
    ls = "2026/03/14/[$LATEST]" + hexid()
    rq1, rq2 = uid(), uid()
    # the seed article's case: an invocation leaves its transaction open on a pinned session, the
    # proxy gives the database connection away while the environment idles, the next one gets 3971
    dn = [
        (cts(13, 59, 811), "INIT_START Runtime Version: %s\tRuntime Version ARN: %s\n" % (DOTNET_VER, DOTNET_ARN)),
        (cts(14, 1, 30), "START RequestId: %s Version: $LATEST\n" % rq1),
        (cts(14, 1, 33), dn_text(cts(14, 1, 33), rq1, "info", "Exporting ledger period 2026-02 (4 accounts)")),
        (cts(14, 1, 90), dn_text(cts(14, 1, 90), rq1, "info", "Beginning transaction for export 2026-02 (IsolationLevel=Snapshot)")),
        (cts(14, 2, 411), dn_text(cts(14, 2, 411), rq1, "info", "Export 2026-02 written: 4 accounts, 18210 lines")),
        (cts(14, 2, 415), "END RequestId: %s\n" % rq1),
        (cts(14, 2, 415), "REPORT RequestId: %s\tDuration: 1385.12 ms\tBilled Duration: 2604 ms\tMemory Size: 2048 MB\tMax Memory Used: 188 MB\tInit Duration: 1218.77 ms\n" % rq1),
        (cts(14, 33, 4), "START RequestId: %s Version: $LATEST\n" % rq2),
        (cts(14, 33, 7), dn_text(cts(14, 33, 7), rq2, "info", "Exporting ledger period 2026-03 (4 accounts)")),
        (cts(14, 33, 19), dn_text(cts(14, 33, 19), rq2, "fail", sqlexception(
            "The server failed to resume the transaction. Desc:3400000005.", None, DN_ONERROR + [
                "   at LedgerExport.Data.PeriodReader.ReadAsync(String period) in /src/LedgerExport/Data/PeriodReader.cs:line 52",
                "   at LedgerExport.Function.Handler(ExportRequest request, ILambdaContext context) in /src/LedgerExport/Function.cs:line 37"], 3971, 16))),
        (cts(14, 33, 23), "END RequestId: %s\n" % rq2),
        (cts(14, 33, 23), "REPORT RequestId: %s\tDuration: 19.77 ms\tBilled Duration: 20 ms\tMemory Size: 2048 MB\tMax Memory Used: 190 MB\n" % rq2),
    ]
    parts = [dn[:7], dn[7:]]
    led_events = 0
    for i, part in enumerate(parts):
        body = "".join("%s %s\n" % (iso_ms(t), m) for t, m in part)
        path = "s3-export/%s/exportedlogs/ledger-export/%s/%s/%06d.gz" % (bucket, t_l, ls, i)
        write(C + path, gz_bytes(body.encode()))
        note(path, "s3-export", led_group, len(part), [ls],
             "object %d of the stream; the group comes from describe-export-tasks.json (taskId %s); lines are '<ISO ms Z> <message>' and Lambda messages end in \\n, so events are separated by a blank line" % (i, t_l),
             task_id=t_l, stream_from_key=ls)
        led_events += len(part)
    pn = hexid()
    ccx, dbx = u32(), u32()
    pxl = [
        (cts(14, 1, 63), px_client(cts(14, 1, 63), "INFO", ccx, "A new client connected from 10.7.21.40:50113.")),
        (cts(14, 1, 74), px_client(cts(14, 1, 74), "INFO", ccx, SQL_AUTH % "ledger_reader")),
        (cts(14, 1, 92), px_client(cts(14, 1, 92), "WARN", ccx, PIN_PREFIX % (dbx, reason_digest("set transaction isolation level snapshot; set implicit_transactions off")))),
        (cts(16, 20, 644), px_client(cts(16, 20, 644), "INFO", ccx, "The client connection closed. Reason: " + CLOSE_TEXT["tcp"])),
        (cts(16, 20, 671), px_db(cts(16, 20, 671), dbx, DB_CLOSED_MID)),
    ]
    body = "".join("%s %s\n" % (iso_ms(t + R.randint(500, 4000)), m) for t, m in pxl)
    ppath = "s3-export/%s/exportedlogs/ledger-sql-proxy/%s/%s/000000.gz" % (bucket, t_p, pn)
    write(C + ppath, gz_bytes(body.encode()))
    note(ppath, "s3-export", px2_group, len(pxl), [pn],
         "proxy messages do not end in \\n: one line per event; the export prefix timestamp is the CloudWatch timestamp, the second one is the proxy's own; the session is pinned by SET and later closed in the middle of a request",
         task_id=t_p, stream_from_key=pn)
    for pref in ("ledger-export", "ledger-sql-proxy"):
        wp = "s3-export/%s/exportedlogs/%s/aws-logs-write-test" % (bucket, pref)
        write(C + wp, "Permission Check Successful")
        note(wp, "s3-export-write-test", None, 0, [], "permission probe written by CreateExportTask: skip it")
    tasks = []
    for tid, name, grp, pref in ((t_l, "ledger-export-2026-03-14", led_group, "exportedlogs/ledger-export"),
                                 (t_p, "ledger-sql-proxy-2026-03-14", px2_group, "exportedlogs/ledger-sql-proxy")):
        c0 = cts(40, 0) + R.randint(0, 60000)
        tasks.append({"taskId": tid, "taskName": name, "logGroupName": grp, "from": T0 - 5 * 60000,
                      "to": T0 + 25 * 60000, "destination": bucket, "destinationPrefix": pref,
                      "status": {"code": "COMPLETED", "message": "Completed successfully"},
                      "executionInfo": {"creationTime": c0, "completionTime": c0 + R.randint(90000, 300000)}})
    dp = "s3-export/describe-export-tasks.json"
    write(C + dp, cli_json({"exportTasks": tasks}))
    note(dp, "describe-export-tasks", None, 0, [], "aws logs describe-export-tasks (CLI v2, lowerCamel keys): maps each taskId to its logGroupName")
    manifest["sets"].append({"files": [p for p in manifest["files"] if p.startswith("s3-export/") and p.endswith(".gz") and t_l in p],
                             "events_after_dedupe": led_events,
                             "notes": "000000.gz + 000001.gz are one stream: a cold invocation returns with its Snapshot transaction still open; 30 s later the next one fails with SQL Server 3971 (transaction-state)"})

    # ---- subscription payloads: a Node text-format Lambda (webhook-relay)
    wh_group = "/aws/lambda/webhook-relay"
    ws = "2026/03/14/[$LATEST]" + hexid()
    rw = uid()
    err = {"errorType": "Error", "errorMessage": "Connection terminated unexpectedly",
           "stack": ["Error: Connection terminated unexpectedly",
                     "    at Connection.<anonymous> (/var/task/node_modules/pg/lib/client.js:132:73)",
                     "    at Object.onceWrapper (node:events:634:28)",
                     "    at Connection.emit (node:events:520:28)",
                     "    at Socket.<anonymous> (/var/task/node_modules/pg/lib/connection.js:63:12)",
                     "    at Socket.emit (node:events:520:28)",
                     "    at TCP.<anonymous> (node:net:343:12)"]}
    nodeitems = [
        (cts(16, 40, 5), ws, "START RequestId: %s Version: $LATEST\n" % rw),
        (cts(16, 40, 8), ws, "%s\t%s\tINFO\trelaying webhook evt_4Qm2 to partner acme-eu\n" % (iso_ms(cts(16, 40, 8)), rw)),
        (cts(16, 40, 19), ws, "%s\t%s\tERROR\tInvoke Error \t%s\n" % (iso_ms(cts(16, 40, 19)), rw, compact(err))),
        (cts(16, 40, 24), ws, "END RequestId: %s\n" % rw),
        (cts(16, 40, 24), ws, "REPORT RequestId: %s\tDuration: 19.36 ms\tBilled Duration: 20 ms\tMemory Size: 256 MB\tMax Memory Used: 84 MB\n" % rw),
    ]
    wev = cw_events(nodeitems)
    dt = wev[-1]["timestamp"] + R.randint(800, 3000)
    sp = "subscription/%d-%s.json.gz" % (dt, uid())
    write(C + sp, gz_bytes(compact(subscription_payload(wh_group, ws, wev, "webhook-relay-to-kinesis")).encode()))
    note(sp, "subscription-payload", wh_group, len(wev), [ws],
         "one gzip JSON DATA_MESSAGE; logGroup and logStream are in the payload; Node text format with the current 'Invoke Error \\t' (space before the tab)")
    lp = "subscription/lambda-destination-event.json"
    data = base64.b64encode(gz_bytes(compact(subscription_payload(wh_group, ws, wev[:2], "webhook-relay-to-lambda")).encode())).decode()
    write(C + lp, json.dumps({"awslogs": {"data": data}}) + "\n")
    note(lp, "subscription-lambda-event", wh_group, 2, [ws],
         "the event a Lambda subscriber receives: awslogs.data is base64 of a gzip DATA_MESSAGE")

    # ---- Firehose object: three records concatenated with no separator, one CONTROL_MESSAGE
    fj_group = "/aws/lambda/stock-events"
    fs = "2026/03/14/[$LATEST]" + hexid()
    rj = uid()
    jrecs = [
        (cts(18, 2, 311), compact({"time": iso_ms(cts(18, 2, 311)), "type": "platform.start", "record": {"requestId": rj, "functionArn": "arn:aws:lambda:%s:%s:function:stock-events" % (REGION, ACCOUNT), "version": "$LATEST"}})),
        (cts(18, 2, 315), compact({"timestamp": iso_ms(cts(18, 2, 315)), "level": "INFO", "requestId": rj, "message": "applying 42 stock events"})),
        (cts(18, 7, 330), compact({"timestamp": iso_ms(cts(18, 7, 330)), "level": "ERROR", "requestId": rj, "message": {"errorType": "Error", "errorMessage": "timeout exceeded when trying to connect", "stackTrace": NODE_CTO_STACK}})),
        (cts(18, 7, 334), compact({"time": iso_ms(cts(18, 7, 334)), "type": "platform.report", "record": {"requestId": rj, "metrics": {"durationMs": 5022.913, "billedDurationMs": 5023, "memorySizeMB": 512, "maxMemoryUsedMB": 97}, "status": "error", "errorType": "Error"}})),
    ]
    jev = cw_events([(t, fs, m) for t, m in jrecs])
    pn3 = hexid()
    cc3 = u32()
    pxe = cw_events([(cts(18, 1, 900) + 2100, pn3, px_client(cts(18, 1, 900), "INFO", cc3, "The client connection closed. Reason: The client requested that the connection close.")),
                     (cts(18, 2, 40) + 1800, pn3, px_client(cts(18, 2, 40), "INFO", cc3, "The client connection closed. Reason: The proxy closed the connection because the client exceeded the maximum session lifetime."))], lag=(200, 3000))
    recs = [subscription_payload("/aws/rds/proxy/stock-pg-proxy", pn3, pxe, "proxy-logs-to-firehose"),
            control_payload(cts(18, 3, 0)),
            subscription_payload(fj_group, fs, jev, "stock-events-to-firehose")]
    fh = "firehose/2026/03/14/09/cwl-archive-1-2026-03-14-09-18-12-%s.gz" % uid()
    write(C + fh, gz_bytes("".join(compact(r) for r in recs).encode()))
    note(fh, "firehose-concatenated", None, len(pxe) + len(jev), [pn3, fs],
         "one gzip member holding three JSON records back to back ('}{'): proxy DATA_MESSAGE (2 events; the second has an unknown close reason), CONTROL_MESSAGE (drop), Lambda JSON-format DATA_MESSAGE (4 events). The incident's Firehose object is the other variant: one gzip member per record",
         log_groups=["/aws/rds/proxy/stock-pg-proxy", fj_group], records=3, control_messages=1)

    # ---- Logs Insights: get-query-results, console JSON, console CSV
    rows = [
        (cts(12, 8, 140), cat_group, s1, py_error_event("QueryCanceled", "canceling statement due to statement timeout\n", [
            ("/var/task/app.py", 88, "handler", "upsert_batch(cur, batch)"),
            ("/var/task/catalog/store.py", 41, "upsert_batch", "cur.execute(UPSERT_SQL, rows)")])),
        (cts(12, 8, 143), cat_group, s1, "REPORT RequestId: %s\tDuration: 5039.22 ms\tBilled Duration: 5040 ms\tMemory Size: 256 MB\tMax Memory Used: 93 MB\n" % r1),
        (cts(11, 59, 890), px_group, n1, px_client(cts(11, 58, 444), "WARN", cc1, PIN_PREFIX % (db1, reason_digest("set search_path to $1,$2")))),
        (cts(12, 4, 388), px_group, n2, px_client(cts(12, 1, 7), "INFO", cc2, "The client connection closed. Reason: " + CLOSE_TEXT["idle"])),
        (cts(14, 33, 19), led_group, ls, dn[9][1]),
        (cts(16, 40, 19), wh_group, ws, "%s\t%s\tERROR\tInvoke Error \t%s\n" % (iso_ms(cts(16, 40, 19)), rw, compact(err))),
    ]
    rows.sort(key=lambda r: -r[0])  # Insights sorts @timestamp desc by default
    res = []
    for ts, grp, st, msg in rows:
        res.append([{"field": "@timestamp", "value": insights_ts(ts)}, {"field": "@message", "value": msg},
                    {"field": "@logStream", "value": st}, {"field": "@log", "value": "%s:%s" % (ACCOUNT, grp)},
                    {"field": "@ptr", "value": insights_ptr(grp)}])
    scanned = len(rows) * 37
    qp = "insights/get-query-results.json"
    write(C + qp, cli_json({"results": res, "statistics": {"recordsMatched": float(len(rows)), "recordsScanned": float(scanned),
                                                           "bytesScanned": float(scanned * 311)}, "status": "Complete"}))
    groups = sorted({r[1] for r in rows})
    note(qp, "insights-get-query-results", None, len(rows), [r[2] for r in rows],
         "rows of {field,value}; @timestamp 'YYYY-MM-DD HH:MM:SS.mmm' UTC; @log is '<account>:<group>' (split on the first ':'); rows newest first; @ptr is opaque",
         log_groups=groups)
    cj = "insights/console-export.json"
    write(C + cj, json.dumps([{"@timestamp": insights_ts(ts), "@message": msg, "@logStream": st, "@log": "%s:%s" % (ACCOUNT, grp)}
                              for ts, grp, st, msg in rows], indent=2, ensure_ascii=False) + "\n")
    note(cj, "insights-console-json", None, len(rows), [r[2] for r in rows],
         "console 'Export results' JSON: an array of flat objects keyed by field name [V2]", log_groups=groups)
    cc = "insights/console-export.csv"
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["@timestamp", "@message", "@logStream", "@log"])
    for ts, grp, st, msg in rows:
        w.writerow([insights_ts(ts), msg, st, "%s:%s" % (ACCOUNT, grp)])
    write(C + cc, buf.getvalue())
    note(cc, "insights-console-csv", None, len(rows), [r[2] for r in rows],
         "CSV download [U]: RFC 4180 quoting; messages contain embedded \\n, \\t, NO-BREAK SPACE and doubled quotes; rows end in \\n", log_groups=groups)

    # ---- aws logs tail: detailed with colour (Lambda, multi-line), short (proxy)
    tl = "tail/ledger-export_detailed_color.log"
    tev = cw_events([(t, ls, m) for t, m in dn])
    write(C + tl, tail_detailed(tev, color=True))
    note(tl, "tail-detailed", led_group, len(tev), [ls],
         "aws logs tail /aws/lambda/ledger-export --format detailed --color on: ESC[32m timestamp ESC[0m, ESC[36m stream ESC[0m; each event rstrip()ed; the 3971 exception continues on unprefixed lines; the group is only in the file name",
         ansi=True)
    ts_ = "tail/catalog-pg-proxy_short.log"
    sev = cw_events([(t + R.randint(600, 4800), n, m) for t, n, m in px], lag=(200, 3000))
    write(C + ts_, tail_short(sev))
    note(ts_, "tail-short", px_group, len(sev), [],
         "--format short: '<YYYY-MM-DDTHH:MM:SS> <message>', no stream, no sub-second part (the proxy's own timestamp inside the message keeps ms)")

    # ---- configuration shapes
    cfgs = "config/"
    pgp = Proxy("catalog-pg-proxy", "PostgreSQL", "catalog-pg-proxy.%s.%s.rds.amazonaws.com" % (PROXY_SUFFIX, REGION), 300, 120, 0, "", ["", ""], "")
    myp = Proxy("orders-mysql-proxy", "MYSQL", "orders-mysql-proxy.%s.%s.rds.amazonaws.com" % (PROXY_SUFFIX, REGION), 1800, 30, 0, "", ["", ""], "")
    sqp = Proxy("ledger-sql-proxy", "SQLSERVER", "ledger-sql-proxy.%s.%s.rds.amazonaws.com" % (PROXY_SUFFIX, REGION), 900, 120, 0, "", ["", ""], "")
    p = cfgs + "describe-db-proxies.json"
    write(C + p, cli_json(describe_db_proxies([
        (pgp, ["catalog_writer"], "POSTGRES_SCRAM_SHA_256", "2025-09-18T07:51:02.114000+00:00"),
        (myp, ["orders_rw", "orders_ro"], "MYSQL_NATIVE_PASSWORD", "2024-12-03T19:22:47.870000+00:00"),
        (sqp, ["ledger_reader"], "SQL_SERVER_AUTHENTICATION", "2025-01-21T11:05:33.402000+00:00")])))
    note(p, "config", None, 0, [], "3 proxies; EngineFamily printed as 'PostgreSQL' (docs casing), 'MYSQL', 'SQLSERVER': compare case-insensitively; IdleClientTimeout 300/1800/900")
    p = cfgs + "describe-db-proxy-target-groups_catalog-pg-proxy.json"
    write(C + p, cli_json(target_groups(pgp, 60, 30, {"SessionPinningFilters": ["EXCLUDE_VARIABLE_SETS"],
                                                      "InitQuery": "SET search_path TO catalog,public"})))
    note(p, "config", None, 0, [], "ConnectionBorrowTimeout 120, InitQuery present (only when set), SessionPinningFilters [EXCLUDE_VARIABLE_SETS] [U value]")
    p = cfgs + "describe-db-proxy-target-groups_orders-mysql-proxy.json"
    write(C + p, cli_json(target_groups(myp, 100, 50)))
    note(p, "config", None, 0, [], "MaxConnectionsPercent 100, ConnectionBorrowTimeout 30")
    p = cfgs + "get-function-configuration_stock-events.json"
    write(C + p, cli_json(function_configuration(
        "stock-events", "nodejs22.x", "index.handler", 20, 512,
        {"PGHOST": "stock-pg-proxy.%s.%s.rds.amazonaws.com" % (PROXY_SUFFIX, REGION), "PGDATABASE": "stock", "PG_CONNECTION_TIMEOUT_MS": "5000"},
        "JSON", "PassThrough", "arm64", runtime_arn(), {"ApplicationLogLevel": "INFO", "SystemLogLevel": "WARN"})))
    note(p, "config", None, 0, [], "LoggingConfig.LogFormat JSON with ApplicationLogLevel/SystemLogLevel; Timeout 20")
    p = cfgs + "get-function-configuration_catalog-sync.json"
    write(C + p, cli_json(function_configuration(
        "catalog-sync", "python3.12", "app.handler", 15, 256,
        {"DATABASE_URL": "postgresql://catalog_writer@%s:5432/catalog?sslmode=require&connect_timeout=5" % pgp.endpoint},
        "Text", "PassThrough", "x86_64", PY_ARN)))
    note(p, "config", None, 0, [], "Text log format; the proxy endpoint is inside a DATABASE_URL value, not a host variable")
    p = cfgs + "get-function-concurrency_stock-events.json"
    write(C + p, cli_json({"ReservedConcurrentExecutions": 25}))
    note(p, "config", None, 0, [], "reserved concurrency 25")
    p = cfgs + "get-function-concurrency_catalog-sync.json"
    write(C + p, cli_json({}))
    note(p, "config", None, 0, [], "no reservation: the CLI prints {} [U]")

    write(C + "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return manifest


# --------------------------------------------------------------------------------------
# lines: one CloudWatch message per row, with what a parser must extract
# --------------------------------------------------------------------------------------

def lt(mm, ss, ms):
    return T0 + ((mm - 5) * 60 + ss) * 1000 + ms


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


# --------------------------------------------------------------------------------------
# errors: every driver / proxy error string of formats.md sections 3 and 4, as logged
# --------------------------------------------------------------------------------------

PY_Q = [("/var/task/handler.py", 61, "lambda_handler", "rows = repo.fetch(conn, key)"),
        ("/var/task/app/repo.py", 37, "fetch", "cur.execute(SQL_FETCH, (key,))")]


def py_c(call):
    return [("/var/task/handler.py", 52, "lambda_handler", "conn = db.get_connection()"),
            ("/var/task/app/db.py", 19, "get_connection", call)]


SA_Q = [("/var/task/handler.py", 61, "lambda_handler", "rows = session.execute(stmt).all()"),
        ("/var/lang/lib/python3.12/site-packages/sqlalchemy/orm/session.py", 2362, "execute", "return self._execute_internal(")]


def node_stack(cls, msg, frames):
    return ["%s: %s" % (cls, msg)] + ["    at " + f for f in frames]


def java_ts(t):
    return datetime.fromtimestamp(t // 1000, timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def go_ts(t):
    return datetime.fromtimestamp(t // 1000, timezone.utc).strftime("%Y/%m/%d %H:%M:%S")


def build_errors():
    rows = []
    clock = [lt(17, 0, 0)]

    def nt():
        clock[0] += R.randint(900, 21000)
        return clock[0]

    def add(message, category, driver, code, phase, source, evidence, runtime, error_class, note=None):
        r = {"message": message, "category": category, "driver": driver, "code": code, "phase": phase,
             "source": source, "verified": evidence != "U", "evidence": evidence, "runtime": runtime,
             "error_class": error_class}
        if note:
            r["note"] = note
        rows.append(r)

    def py(etype, msg, frames=PY_Q):
        return py_error_event(etype, msg, frames)

    def dn(exc):
        return dn_text(nt(), uid(), "fail", exc)

    def node_text(obj):
        t = nt()
        return "%s\t%s\tERROR\tInvoke Error \t%s\n" % (iso_ms(t), uid(), compact(obj))

    def node_json(obj):
        t = nt()
        return compact({"timestamp": iso_ms(t), "level": "ERROR", "requestId": uid(), "message": obj})

    def java(level, logger, text, exc_lines):
        t = nt()
        return "%s %s %-5s %s - %s\n%s\n" % (java_ts(t), uid(), level, logger, text, "\n".join(exc_lines))

    def go(text):
        return "%s %s\n" % (go_ts(nt()), text)

    S4 = "formats.md section 4"
    S3 = "formats.md section 3"
    SX = "Microsoft.Data.SqlClient.SqlException"

    # ---------------- .NET SqlClient / System.Data.SqlClient
    add(dn(sqlexception("Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.",
                        "System.ComponentModel.Win32Exception (258): The wait operation timed out.", DN_ONERROR + DN_INSERT, -2, 11)),
        "query-timeout", "Microsoft.Data.SqlClient", "-2", "query", S4 + " .NET", "V", "dotnet8", SX)
    add(dn("System.Data.SqlClient.SqlException (0x80131904): Timeout expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.\n"
           " ---> System.ComponentModel.Win32Exception (258): The wait operation timed out\n"
           "   --- End of inner exception stack trace ---\n"
           "   at System.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)\n"
           "   at System.Data.SqlClient.SqlCommand.ExecuteNonQuery()\n"
           "   at JournalWriter.Data.EntryRepository.InsertLines(SqlTransaction tx, IReadOnlyList`1 lines) in /src/JournalWriter/Data/EntryRepository.cs:line 74\n"
           "ClientConnectionId:%s\nError Number:-2,State:0,Class:11" % uid()),
        "query-timeout", "System.Data.SqlClient", "-2", "query", S4 + " .NET (old wording)", "V", "dotnet8", "System.Data.SqlClient.SqlException")
    add(dn(sqlexception("Connection Timeout Expired.  The timeout period elapsed while attempting to consume the pre-login handshake acknowledgement.  This could be because the pre-login handshake failed or the server was unable to respond back in time.  The duration spent while attempting to connect to this server was - [Pre-Login] initialization=21041; handshake=4; ",
                        "System.ComponentModel.Win32Exception (258): The wait operation timed out.", DN_OPEN, -2, 11)),
        "connection-timeout", "Microsoft.Data.SqlClient", "-2", "connect", S4 + " .NET", "V", "dotnet8", SX)
    add(dn(sqlexception("Connection Timeout Expired.  The timeout period elapsed at the start of the pre-login phase.", None, DN_OPEN, -2, 11)),
        "connection-timeout", "Microsoft.Data.SqlClient", "-2", "connect", S4 + " .NET", "V", "dotnet8", SX,
        note="only the first sentence is verified; a real message may continue with a duration clause")
    add(dn(sqlexception("Connection Timeout Expired.  The timeout period elapsed while attempting to create and initialize a socket to the server.", None, DN_OPEN, -2, 11)),
        "connection-timeout", "Microsoft.Data.SqlClient", "-2", "connect", S4 + " .NET", "V", "dotnet8", SX,
        note="only the first sentence is verified; a real message may continue with a duration clause")
    add(dn("System.InvalidOperationException: Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool.  This may have occurred because all pooled connections were in use and max pool size was reached.\n"
           "   at Microsoft.Data.Common.ADP.ExceptionWithStackTrace(Exception e)\n"
           "   at JournalWriter.Data.SqlSession.OpenAsync() in /src/JournalWriter/Data/SqlSession.cs:line 24\n"
           "   at JournalWriter.Function.FunctionHandler(SQSEvent sqsEvent, ILambdaContext context) in /src/JournalWriter/Function.cs:line 49"),
        "connection-timeout", "Microsoft.Data.SqlClient (client pool)", "0x80131509", "connect", S4 + " .NET (ADP_PooledOpenTimeout)", "V", "dotnet8", "System.InvalidOperationException")
    add(dn(sqlexception("A transport-level error has occurred when receiving results from the server. (provider: TCP Provider, error: 0 - An established connection was aborted by the software in your host machine.)",
                        "System.ComponentModel.Win32Exception (10053): An established connection was aborted by the software in your host machine.", DN_ONERROR + DN_INSERT, 10053, 20)),
        "stale-connection", "Microsoft.Data.SqlClient", "10053", "query", S4 + " .NET", "V", "dotnet8", SX)
    add(dn(sqlexception("A transport-level error has occurred when sending the request to the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)",
                        "System.ComponentModel.Win32Exception (10054): An existing connection was forcibly closed by the remote host.", DN_ONERROR + DN_INSERT, 10054, 20)),
        "stale-connection", "Microsoft.Data.SqlClient", "10054", "query", S4 + " .NET", "V", "dotnet8", SX)
    add(dn("System.InvalidOperationException: The transaction associated with the current connection has completed but has not been disposed.  The transaction must be disposed before the connection can be used to execute SQL statements.\n"
           "   at Microsoft.Data.SqlClient.SqlInternalConnectionTds.ValidateConnectionForExecute(SqlCommand command)\n"
           "   at Microsoft.Data.SqlClient.SqlCommand.ValidateCommand(Boolean isAsync, String method)\n" + "\n".join(DN_INSERT)),
        "transaction-state", "Microsoft.Data.SqlClient", None, "query", S4 + " .NET (ADP_TransactionCompletedButNotDisposed)", "V", "dotnet8", "System.InvalidOperationException")
    add(dn(sqlexception("The server failed to resume the transaction. Desc:3400000005.", None, DN_ONERROR + DN_INSERT, 3971, 16)),
        "transaction-state", "Microsoft.Data.SqlClient", "3971", "query", S4 + " .NET (SQL Server 3971)", "V", "dotnet8", SX)
    add(dn(sqlexception("Distributed transaction completed. Either enlist this session in a new transaction or the NULL transaction.", None, DN_ONERROR + DN_INSERT, 8525, 16)),
        "transaction-state", "Microsoft.Data.SqlClient", "8525", "query", S4 + " .NET (dotnet/SqlClient#1623)", "V", "dotnet8", SX)
    add(dn(sqlexception("Timed-out waiting to acquire database connection", None, DN_ONERROR + DN_SESSION, 0, 20)),
        "connection-timeout", "Microsoft.Data.SqlClient via RDS Proxy", "0", "query", S3 + " (SQL Server client text not found)", "U", "dotnet8", SX,
        note="the RDS Proxy borrow timeout as SqlClient would show it; the rendering (number 0, class 20) is the corpus's assumption")

    # ---------------- pyodbc + ODBC Driver 17/18
    odbc_c = py_c("return pyodbc.connect(CONN_STR, timeout=15)")
    add(py("OperationalError", "('08S01', '[08S01] [Microsoft][ODBC Driver 17 for SQL Server]Communication link failure (0) (SQLExecDirectW)')"),
        "stale-connection", "pyodbc / ODBC Driver 17", "08S01", "query", S4 + " pyodbc", "V2", "python3.12", "OperationalError")
    add(py("OperationalError", "('08S01', '[08S01] [Microsoft][ODBC Driver 17 for SQL Server]TCP Provider: An existing connection was forcibly closed by the remote host.\\r\\n (10054) (SQLExecDirectW); [08S01] [Microsoft][ODBC Driver 17 for SQL Server]Communication link failure (10054)')"),
        "stale-connection", "pyodbc / ODBC Driver 17", "08S01", "query", S4 + " pyodbc", "V2", "python3.12", "OperationalError",
        note="\\r\\n appears as the four characters backslash-r backslash-n: str() of the args tuple uses repr()")
    add(py("OperationalError", "('HYT00', '[HYT00] [Microsoft][ODBC Driver 18 for SQL Server]Query timeout expired (0) (SQLExecDirectW)')"),
        "query-timeout", "pyodbc / ODBC Driver 18", "HYT00", "query", S4 + " pyodbc", "V2", "python3.12", "OperationalError",
        note="HYT00 is shared with login timeouts: decide by 'Query timeout' / SQLExecDirectW")
    add(py("OperationalError", "('HYT00', '[HYT00] [Microsoft][ODBC Driver 17 for SQL Server]Login timeout expired (0) (SQLDriverConnect)')", odbc_c),
        "connection-timeout", "pyodbc / ODBC Driver 17", "HYT00", "connect", S4 + " pyodbc", "V2", "python3.12", "OperationalError",
        note="HYT00 is shared with query timeouts: decide by 'Login timeout' / SQLDriverConnect")
    add(py("OperationalError", "('HYT01', '[HYT01] [Microsoft][ODBC Driver 18 for SQL Server]Connection timeout expired (0) (SQLExecDirectW)')"),
        "connection-timeout", "pyodbc / ODBC Driver 18", "HYT01", "unknown", S4 + " pyodbc (HYT01 exists, no sample found)", "U", "python3.12", "OperationalError")
    add(py("OperationalError", "('HY000', \"[HY000] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Database 'journal' on server 'journal-db' is not currently available.  Please retry the connection later.  If the problem persists, contact customer support, and provide them the session tracing ID of '6A1F52C6-0B3E-4D7A-9C55-2E86D3B1F0A4'. (40613) (SQLDriverConnect)\")", odbc_c),
        "other", "pyodbc / ODBC Driver 18", "40613", "connect", S4 + " pyodbc (Azure-style transient)", "V2", "python3.12", "OperationalError",
        note="only the 'is not currently available.  Please retry the connection later.' part and the (40613) number are from formats.md")

    # ---------------- pymssql / FreeTDS
    mssql_c = py_c("return pymssql.connect(server=HOST, user=USER, password=PASSWORD, database=DB, login_timeout=15)")
    add(py("OperationalError", "(20003, b'DB-Lib error message 20003, severity 6:\\nAdaptive Server connection timed out (journal-db.internal:1433)\\n')", mssql_c),
        "connection-timeout", "pymssql / FreeTDS", "20003", "connect", S4 + " pymssql", "V", "python3.12", "OperationalError",
        note="20003 is raised both for connect stalls and for queries past timeout=: this row is in the connect phase")
    add(py("OperationalError", "(20003, b'DB-Lib error message 20003, severity 6:\\nAdaptive Server connection timed out (journal-db.internal:1433)\\n')"),
        "query-timeout", "pymssql / FreeTDS", "20003", "query", S4 + " pymssql (ctds test with WAITFOR DELAY)", "V", "python3.12", "OperationalError",
        note="same text as the connect row: only the phase (connection already used) makes it a query timeout")
    add(py("OperationalError", "(20002, b'DB-Lib error message 20002, severity 9:\\nAdaptive Server connection failed (journal-db.internal)\\n')", mssql_c),
        "other", "pymssql / FreeTDS", "20002", "connect", S4 + " pymssql", "V2", "python3.12", "OperationalError")
    add(py("OperationalError", "(20006, b'DB-Lib error message 20006, severity 9:\\nWrite to the server failed\\nNet-Lib error during Connection reset by peer (104)\\n')"),
        "stale-connection", "pymssql / FreeTDS", "20006", "query", S4 + " pymssql (SQLAlchemy disconnect list)", "V", "python3.12", "OperationalError",
        note="'message 20006' and 'Net-Lib error during Connection reset by peer' are in the list; the severity and layout are assembled")
    add(py("OperationalError", "(20017, b'DB-Lib error message 20017, severity 9:\\nUnexpected EOF from the server (10.42.48.71:1433)\\n')"),
        "stale-connection", "pymssql / FreeTDS", "20017", "query", S4 + " pymssql (SQLAlchemy disconnect list)", "V", "python3.12", "OperationalError",
        note="severity and layout assembled")
    add(py("OperationalError", "(20047, b'DB-Lib error message 20047, severity 1:\\nDBPROCESS is dead or not enabled\\n')"),
        "stale-connection", "pymssql / FreeTDS", "20047", "query", S4 + " pymssql (SQLAlchemy disconnect list)", "V", "python3.12", "OperationalError",
        note="severity and layout assembled")
    add(py("OperationalError", "(20009, b'DB-Lib error message 20009, severity 9:\\nUnable to connect: Adaptive Server is unavailable or does not exist (journal-db.internal)\\n')", mssql_c),
        "other", "pymssql / FreeTDS", "20009", "connect", S4 + " pymssql", "U", "python3.12", "OperationalError")

    # ---------------- libpq / psycopg2 / psycopg3
    pg_c = py_c("return psycopg2.connect(DSN, connect_timeout=5)") + [FR_PSYCOPG]
    add(py("OperationalError", "server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n"),
        "stale-connection", "psycopg2 / libpq", None, "query", S4 + " libpq", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "consuming input failed: server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.",
           [("/var/task/handler.py", 61, "lambda_handler", "rows = repo.fetch(conn, key)"),
            ("/var/task/app/repo.py", 37, "fetch", "cur.execute(SQL_FETCH, (key,))"),
            ("/var/lang/lib/python3.12/site-packages/psycopg/cursor.py", 97, "execute", "raise ex.with_traceback(None)")]),
        "stale-connection", "psycopg 3", None, "query", S4 + " libpq (psycopg/psycopg#731)", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "SSL SYSCALL error: EOF detected\n"),
        "stale-connection", "psycopg2 / libpq", None, "query", S4 + " libpq", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "SSL connection has been closed unexpectedly\n"),
        "stale-connection", "psycopg2 / libpq", None, "query", S4 + " libpq", "V", "python3.12", "OperationalError")
    add(py("InterfaceError", "connection already closed"),
        "stale-connection", "psycopg2", None, "query", S4 + " libpq", "V", "python3.12", "InterfaceError")
    add(py("AdminShutdown", "terminating connection due to administrator command\nserver closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n"),
        "stale-connection", "psycopg2 / libpq", "57P01", "query", S4 + " libpq", "V2", "python3.12", "AdminShutdown")
    add(py("QueryCanceled", "canceling statement due to statement timeout\n"),
        "query-timeout", "psycopg2 / libpq", "57014", "query", S4 + " libpq", "V", "python3.12", "QueryCanceled")
    add(py("IdleInTransactionSessionTimeout", "terminating connection due to idle-in-transaction timeout",
           [("/var/task/handler.py", 70, "lambda_handler", "repo.reserve(conn, res)"),
            ("/var/task/app/repo.py", 58, "reserve", "cur.execute(SQL_RESERVE, params)"),
            ("/var/lang/lib/python3.12/site-packages/psycopg/cursor.py", 97, "execute", "raise ex.with_traceback(None)")]),
        "transaction-state", "psycopg 3", "25P03", "query", S4 + " libpq (formats.md: QTO/TXN)", "V", "python3.12", "IdleInTransactionSessionTimeout",
        note="the server ended a session that sat in an open transaction: a symptom of a leaked transaction, not of a slow query")
    add(py("ConnectionException", "Timed-out waiting to acquire database connection\n"),
        "connection-timeout", "psycopg2 via RDS Proxy", "08000", "query", S3 + " (source #54547532754)", "V2", "python3.12", "ConnectionException")
    add(py("InFailedSqlTransaction", "current transaction is aborted, commands ignored until end of transaction block\n"),
        "transaction-state", "psycopg2 / libpq", "25P02", "query", S4 + " libpq", "V2", "python3.12", "InFailedSqlTransaction")
    add(py("OperationalError", 'connection to server at "inventory-pg-proxy.%s.%s.rds.amazonaws.com" (10.42.33.206), port 5432 failed: timeout expired\n' % (PROXY_SUFFIX, REGION), pg_c),
        "connection-timeout", "psycopg2 / libpq", None, "connect", "libpq connect_timeout as in the public corpus", "V2", "python3.12", "OperationalError")

    # ---------------- node-postgres
    add(node_text({"errorType": "Error", "errorMessage": "Connection terminated unexpectedly",
                   "stack": node_stack("Error", "Connection terminated unexpectedly", ["Connection.<anonymous> (/var/task/node_modules/pg/lib/client.js:132:73)", "Object.onceWrapper (node:events:634:28)", "Connection.emit (node:events:520:28)"])}),
        "stale-connection", "node-postgres (pg)", None, "query", S4 + " node-postgres", "V", "nodejs20.x", "Error")
    add(node_json({"errorType": "Error", "errorMessage": "Connection terminated",
                   "stackTrace": node_stack("Error", "Connection terminated", ["Connection.<anonymous> (/var/task/node_modules/pg/lib/client.js:132:36)", "Object.onceWrapper (node:events:634:28)"])}),
        "stale-connection", "node-postgres (pg)", None, "query", S4 + " node-postgres", "V", "nodejs20.x", "Error",
        note="'Connection terminated' (without 'unexpectedly') is what client.end() produces; seen when the app or the pool ended a broken client")
    add(node_json({"errorType": "Error", "errorMessage": "timeout exceeded when trying to connect", "stackTrace": NODE_CTO_STACK}),
        "connection-timeout", "pg-pool", None, "connect", S4 + " node-postgres", "V", "nodejs20.x", "Error")
    add(node_text({"errorType": "Error", "errorMessage": "Connection terminated due to connection timeout",
                   "stack": node_stack("Error", "Connection terminated due to connection timeout", ["Connection.<anonymous> (/var/task/node_modules/pg/lib/client.js:132:36)", "Object.onceWrapper (node:events:634:28)"]),
                   }),
        "connection-timeout", "node-postgres (pg)", None, "connect", S4 + " node-postgres", "V2", "nodejs20.x", "Error")
    add(node_json({"errorType": "Error", "errorMessage": "Query read timeout", "stackTrace": NODE_QTO_STACK}),
        "query-timeout", "node-postgres (pg)", None, "query", S4 + " node-postgres", "V", "nodejs20.x", "Error")
    add(node_text({"errorType": "Error", "errorMessage": "Client has encountered a connection error and is not queryable",
                   "stack": node_stack("Error", "Client has encountered a connection error and is not queryable", ["/var/task/node_modules/pg/lib/client.js:564:27", "process.processTicksAndRejections (node:internal/process/task_queues:77:11)"])}),
        "stale-connection", "node-postgres (pg)", None, "query", S4 + " node-postgres", "V2", "nodejs20.x", "Error")
    add(node_text({"errorType": "Error", "errorMessage": "Client was closed and is not queryable",
                   "stack": node_stack("Error", "Client was closed and is not queryable", ["/var/task/node_modules/pg/lib/client.js:569:27", "process.processTicksAndRejections (node:internal/process/task_queues:77:11)"])}),
        "stale-connection", "node-postgres (pg)", None, "query", S4 + " node-postgres", "V2", "nodejs20.x", "Error")

    # ---------------- MySQL family
    mysql_c = py_c("return pymysql.connect(host=HOST, user=USER, password=PASSWORD, database=DB, connect_timeout=5)")
    add(node_text({"errorType": "Error", "errorMessage": "Connection lost: The server closed the connection.", "code": "PROTOCOL_CONNECTION_LOST", "fatal": True,
                   "stack": node_stack("Error", "Connection lost: The server closed the connection.", ["Protocol.end (/var/task/node_modules/mysql/lib/protocol/Protocol.js:112:13)", "Socket.<anonymous> (/var/task/node_modules/mysql/lib/Connection.js:94:28)", "Socket.emit (node:events:531:35)"])}),
        "stale-connection", "mysqljs/mysql", "PROTOCOL_CONNECTION_LOST", "query", S4 + " MySQL", "V", "nodejs20.x", "Error")
    add(node_text({"errorType": "Error", "errorMessage": "Can't add new command when connection is in closed state",
                   "stack": node_stack("Error", "Can't add new command when connection is in closed state", ["PoolConnection._addCommandClosedState (/var/task/node_modules/mysql2/lib/connection.js:164:17)", "PoolConnection.query (/var/task/node_modules/mysql2/lib/connection.js:572:17)"])}),
        "stale-connection", "mysql2", None, "query", S4 + " MySQL", "V2", "nodejs20.x", "Error")
    add(node_text({"errorType": "Error", "errorMessage": "Cannot enqueue Query after fatal error.", "code": "PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR", "fatal": False,
                   "stack": node_stack("Error", "Cannot enqueue Query after fatal error.", ["Protocol._validateEnqueue (/var/task/node_modules/mysql/lib/protocol/Protocol.js:212:16)", "Protocol._enqueue (/var/task/node_modules/mysql/lib/protocol/Protocol.js:138:13)"])}),
        "stale-connection", "mysqljs/mysql", "PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR", "query", S4 + " MySQL (jeremydaly/serverless-mysql#7)", "V2", "nodejs20.x", "Error")
    add(node_text({"errorType": "Error", "errorMessage": "connect ETIMEDOUT", "code": "ETIMEDOUT", "errorno": "ETIMEDOUT", "syscall": "connect", "fatal": True,
                   "stack": node_stack("Error", "connect ETIMEDOUT", ["PoolConnection._handleTimeoutError (/var/task/node_modules/mysql2/lib/connection.js:205:17)", "listOnTimeout (node:internal/timers:594:17)", "process.processTimers (node:internal/timers:529:7)"])}),
        "connection-timeout", "mysql2", "ETIMEDOUT", "connect", S4 + " MySQL (aws/apprunner-roadmap#167)", "V", "nodejs20.x", "Error")
    add(py("OperationalError", "(2006, \"MySQL server has gone away (BrokenPipeError(32, 'Broken pipe'))\")"),
        "stale-connection", "PyMySQL", "2006", "query", S4 + " MySQL (PyMySQL connections.py)", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "(2013, 'Lost connection to MySQL server during query')"),
        "stale-connection", "PyMySQL", "2013", "query", S4 + " MySQL (PyMySQL)", "V", "python3.12", "OperationalError")
    add(node_text({"errorType": "Error", "errorMessage": "Query execution was interrupted, maximum statement execution time exceeded", "errno": 3024, "sqlState": "HY000",
                   "sqlMessage": "Query execution was interrupted, maximum statement execution time exceeded", "sql": "SELECT * FROM orders WHERE customer_id = 88121",
                   "stack": node_stack("Error", "Query execution was interrupted, maximum statement execution time exceeded", ["Packet.asError (/var/task/node_modules/mysql2/lib/packets/packet.js:740:17)", "Query.execute (/var/task/node_modules/mysql2/lib/commands/command.js:29:26)"])}),
        "query-timeout", "mysql2", "3024", "query", S4 + " MySQL (knex tests; mysql2 has errno only)", "V", "nodejs20.x", "Error")
    add(py("OperationalError", "(3024, 'Query execution was interrupted, maximum statement execution time exceeded')"),
        "query-timeout", "PyMySQL", "3024", "query", S4 + " MySQL", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "(1028, 'Sort aborted: Query execution was interrupted, maximum statement execution time exceeded')"),
        "query-timeout", "PyMySQL", "1028", "query", S4 + " MySQL", "V2", "python3.12", "OperationalError")
    add(py("OperationalError", "(2013, 'Lost connection to MySQL server during query')",
           [("/var/task/handler.py", 61, "lambda_handler", "rows = repo.fetch(conn, key)"),
            ("/var/lang/lib/python3.12/site-packages/MySQLdb/cursors.py", 179, "execute", "res = self._query(mogrified_query)")]),
        "stale-connection", "mysqlclient (MySQLdb)", "2013", "query", S4 + " MySQL", "U", "python3.12", "OperationalError",
        note="same text as the C client; the tuple formatting is [U]")

    # ---------------- JDBC (Java 21, Log4j2 pattern layout)
    add(java("ERROR", "OrderRepository", "query failed", [
        "org.postgresql.util.PSQLException: This connection has been closed.",
        "\tat org.postgresql.jdbc.PgConnection.checkClosed(PgConnection.java:917)",
        "\tat org.postgresql.jdbc.PgConnection.prepareStatement(PgConnection.java:1816)",
        "\tat com.example.orders.OrderRepository.find(OrderRepository.java:41)"]),
        "stale-connection", "PgJDBC", None, "query", S4 + " JDBC (Glue incident)", "V2", "java21", "org.postgresql.util.PSQLException")
    add(java("ERROR", "OrderRepository", "query failed", [
        "org.postgresql.util.PSQLException: An I/O error occurred while sending to the backend.",
        "\tat org.postgresql.core.v3.QueryExecutorImpl.execute(QueryExecutorImpl.java:395)",
        "\tat org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:517)",
        "\tat com.example.orders.OrderRepository.find(OrderRepository.java:44)",
        "Caused by: java.net.SocketException: Connection reset",
        "\tat java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:318)",
        "\t... 12 more"]),
        "stale-connection", "PgJDBC", None, "query", S4 + " JDBC (Glue incident)", "V2", "java21", "org.postgresql.util.PSQLException")
    add(java("ERROR", "OrderRepository", "query failed", [
        "org.postgresql.util.PSQLException: ERROR: canceling statement due to user request",
        "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)",
        "\tat org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:517)"]),
        "query-timeout", "PgJDBC", "57014", "query", S4 + " JDBC (setQueryTimeout cancel)", "V2", "java21", "org.postgresql.util.PSQLException")
    add(java("ERROR", "OrderRepository", "query failed", [
        "org.postgresql.util.PSQLException: ERROR: canceling statement due to statement timeout",
        "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)",
        "\tat org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:517)"]),
        "query-timeout", "PgJDBC", "57014", "query", S4 + " JDBC (server-side statement_timeout)", "V2", "java21", "org.postgresql.util.PSQLException")
    add(java("ERROR", "DataSourceFactory", "cannot open connection", [
        "org.postgresql.util.PSQLException: The connection attempt failed.",
        "\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:354)",
        "Caused by: java.net.SocketTimeoutException: Connect timed out"]),
        "connection-timeout", "PgJDBC", "08001", "connect", S4 + " JDBC", "U", "java21", "org.postgresql.util.PSQLException")
    add(java("ERROR", "OrderRepository", "query failed", [
        "com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure",
        "",
        "The last packet successfully received from the server was 127 milliseconds ago.  The last packet sent successfully to the server was 8 milliseconds ago.",
        "\tat com.mysql.cj.jdbc.exceptions.SQLError.createCommunicationsException(SQLError.java:174)",
        "\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeQuery(ClientPreparedStatement.java:1003)"]),
        "stale-connection", "MySQL Connector/J", "08S01", "query", S4 + " JDBC (source #39891716802)", "V2", "java21", "com.mysql.cj.jdbc.exceptions.CommunicationsException")
    add(java("ERROR", "DataSourceFactory", "cannot open connection", [
        "com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure",
        "",
        "The last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.",
        "\tat com.mysql.cj.jdbc.exceptions.SQLError.createCommunicationsException(SQLError.java:174)",
        "\tat com.mysql.cj.jdbc.ConnectionImpl.createNewIO(ConnectionImpl.java:828)"]),
        "connection-timeout", "MySQL Connector/J", "08S01", "connect", S4 + " JDBC (mysql-connector-j ExceptionsTest)", "V", "java21", "com.mysql.cj.jdbc.exceptions.CommunicationsException")
    add(java("ERROR", "OrderRepository", "query failed", [
        "com.mysql.cj.jdbc.exceptions.MySQLTimeoutException: Statement cancelled due to timeout or client request",
        "\tat com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping.translateException(SQLExceptionsMapping.java:113)",
        "\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeQuery(ClientPreparedStatement.java:1009)"]),
        "query-timeout", "MySQL Connector/J", None, "query", S4 + " JDBC", "V", "java21", "com.mysql.cj.jdbc.exceptions.MySQLTimeoutException")
    add(java("ERROR", "OrderRepository", "query failed", [
        "java.sql.SQLNonTransientConnectionException: No operations allowed after connection closed.",
        "\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:111)",
        "\tat com.mysql.cj.jdbc.ConnectionImpl.checkClosed(ConnectionImpl.java:764)"]),
        "stale-connection", "MySQL Connector/J", "08003", "query", S4 + " JDBC (sysown/proxysql#4443)", "V2", "java21", "java.sql.SQLNonTransientConnectionException")
    add(java("ERROR", "LedgerRepository", "query failed", [
        "com.microsoft.sqlserver.jdbc.SQLServerException: The query has timed out.",
        "\tat com.microsoft.sqlserver.jdbc.TDSCommand.checkForInterrupt(IOBuffer.java:7694)",
        "\tat com.microsoft.sqlserver.jdbc.SQLServerPreparedStatement.executeQuery(SQLServerPreparedStatement.java:447)"]),
        "query-timeout", "mssql-jdbc", None, "query", S4 + " JDBC (source #70166500783)", "V2", "java21", "com.microsoft.sqlserver.jdbc.SQLServerException")
    add(java("ERROR", "LedgerRepository", "query failed", [
        "com.microsoft.sqlserver.jdbc.SQLServerException: Connection reset",
        "\tat com.microsoft.sqlserver.jdbc.SQLServerConnection.terminate(SQLServerConnection.java:4270)",
        "\tat com.microsoft.sqlserver.jdbc.TDSChannel.read(IOBuffer.java:2107)"]),
        "stale-connection", "mssql-jdbc", "08S01", "query", S4 + " JDBC", "U", "java21", "com.microsoft.sqlserver.jdbc.SQLServerException")
    add(java("ERROR", "LedgerRepository", "query failed", [
        "com.microsoft.sqlserver.jdbc.SQLServerException: Read timed out",
        "\tat com.microsoft.sqlserver.jdbc.SQLServerConnection.terminate(SQLServerConnection.java:4270)",
        "\tat com.microsoft.sqlserver.jdbc.TDSChannel.read(IOBuffer.java:2107)"]),
        "stale-connection", "mssql-jdbc", "08S01", "query", S4 + " JDBC", "U", "java21", "com.microsoft.sqlserver.jdbc.SQLServerException")
    t = nt()
    add("%s %s WARN  PoolBase - HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@3c9d0b7a (This connection has been closed.). Possibly consider using a shorter maxLifetime value.\n" % (java_ts(t), uid()),
        "stale-connection", "HikariCP", None, "query", S4 + " JDBC (brettwooldridge/HikariCP#2017)", "V", "java21", None,
        note="a warning from the pool: Hikari then opens a new connection, so this alone is not a failed invocation")
    add(java("ERROR", "JobRunner", "job failed", ["java.sql.SQLException: ConnectionException: Timed-out waiting to acquire database connection.",
                                                  "\tat com.example.jobs.JobRunner.run(JobRunner.java:88)"]),
        "connection-timeout", "JDBC via RDS Proxy", None, "query", S3 + " (Glue/JDBC)", "V2", "java21", "java.sql.SQLException",
        note="only 'ConnectionException: Timed-out waiting to acquire database connection.' is from the source; the java.sql.SQLException wrapper is assumed")

    # ---------------- Go (provided.al2023, log package)
    add(go("order 88121: query failed: driver: bad connection"),
        "stale-connection", "Go database/sql", None, "query", S4 + " Go (driver.ErrBadConn)", "V", "provided.al2023", None)
    add(go("order 88121: query failed: invalid connection"),
        "stale-connection", "go-sql-driver/mysql", None, "query", S4 + " Go (ErrInvalidConn)", "V", "provided.al2023", None)
    add("[mysql] %s packets.go:37: unexpected EOF\n" % go_ts(nt()),
        "stale-connection", "go-sql-driver/mysql", None, "query", S4 + " Go (driver log line)", "U", "provided.al2023", None,
        note="the driver's own log line often precedes 'invalid connection'")
    add(go("order 88121: query failed: sql: connection is already closed"),
        "stale-connection", "Go database/sql", None, "query", S4 + " Go", "U", "provided.al2023", None)
    add(go("order 88121: query failed: sql: database is closed"),
        "stale-connection", "Go database/sql", None, "query", S4 + " Go", "U", "provided.al2023", None)
    add(go("open db: context deadline exceeded"),
        "connection-timeout", "Go (context)", None, "connect", S4 + " Go", "U", "provided.al2023", None,
        note="context deadline exceeded is a connection timeout only in the connect phase")
    add(go("order 88121: query failed: context deadline exceeded"),
        "query-timeout", "Go (context)", None, "query", S4 + " Go", "U", "provided.al2023", None,
        note="the same text in the query phase is a query timeout")
    add(go("open db: dial tcp 10.42.33.206:5432: i/o timeout"),
        "connection-timeout", "Go net", None, "connect", S4 + " Go", "U", "provided.al2023", None)
    add(go("order 88121: query failed: read tcp 10.42.16.37:51022->10.42.33.206:5432: i/o timeout"),
        "query-timeout", "Go net", None, "query", S4 + " Go", "U", "provided.al2023", None,
        note="a read deadline on an established connection; formats.md lists it as CTO/QTO by phase")
    add(go("order 88121: query failed: Error 9501: Timed-out waiting to acquire database connection"),
        "connection-timeout", "go-sql-driver/mysql via RDS Proxy", "9501", "query", S4 + " Go (source #30284904374)", "V2", "provided.al2023", None)
    add(go("order 88121: query failed: Error 9501 (HY000): Timed-out waiting to acquire database connection"),
        "connection-timeout", "go-sql-driver/mysql via RDS Proxy", "9501", "query", S4 + " Go (newer driver format)", "U", "provided.al2023", None)

    # ---------------- SQLAlchemy wrappers
    add(py("OperationalError", "(pymysql.err.OperationalError) (2006, \"MySQL server has gone away (BrokenPipeError(32, 'Broken pipe'))\")\n[SQL: SELECT orders.id, orders.status FROM orders WHERE orders.id = %(id_1)s]\n[parameters: {'id_1': 88121}]\n(Background on this error at: https://sqlalche.me/e/14/e3q8)", SA_Q),
        "stale-connection", "SQLAlchemy + PyMySQL", "2006", "query", S4 + " SQLAlchemy", "V", "python3.12", "OperationalError",
        note="[SQL: ...] and [parameters: ...] lines are added by SQLAlchemy for statement errors")
    add(py("OperationalError", "(pyodbc.OperationalError) ('HYT00', '[HYT00] [Microsoft][ODBC Driver 18 for SQL Server]Login timeout expired (0) (SQLDriverConnect)')\n(Background on this error at: https://sqlalche.me/e/14/e3q8)",
           [("/var/task/handler.py", 52, "lambda_handler", "with engine.connect() as conn:"),
            ("/var/lang/lib/python3.12/site-packages/sqlalchemy/engine/base.py", 3278, "connect", "return self._connection_cls(self)")]),
        "connection-timeout", "SQLAlchemy + pyodbc", "HYT00", "connect", S4 + " SQLAlchemy", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "(psycopg2.errors.QueryCanceled) canceling statement due to statement timeout\n\n[SQL: SELECT items.sku, items.on_hand FROM items WHERE items.sku = %(sku_1)s]\n[parameters: {'sku_1': 'SKU-40417'}]\n(Background on this error at: https://sqlalche.me/e/20/e3q8)", SA_Q),
        "query-timeout", "SQLAlchemy + psycopg2", "57014", "query", S4 + " SQLAlchemy (wrapper form) + libpq", "V", "python3.12", "OperationalError")
    add(py("InvalidRequestError", "This session is in 'inactive' state, due to the SQL transaction being rolled back; no further SQL can be emitted within this transaction.", SA_Q),
        "transaction-state", "SQLAlchemy", None, "query", S4 + " SQLAlchemy (orm/session.py)", "V", "python3.12", "InvalidRequestError")
    add(py("PendingRollbackError", "This Session's transaction has been rolled back due to a previous exception during flush. To begin a new transaction with this Session, first issue Session.rollback(). Original exception was: (psycopg2.OperationalError) SSL SYSCALL error: EOF detected\n\n[SQL: INSERT INTO reservations (id, sku, qty) VALUES (%(id)s, %(sku)s, %(qty)s)]\n[parameters: {'id': 'res_7QfWm2', 'sku': 'SKU-40417', 'qty': 3}]\n(Background on this error at: https://sqlalche.me/e/20/e3q8) (Background on this error at: https://sqlalche.me/e/20/7s2a)", SA_Q),
        "transaction-state", "SQLAlchemy", "7s2a", "query", S4 + " SQLAlchemy", "V", "python3.12", "PendingRollbackError",
        note="SQLAlchemy 1.4+ raises PendingRollbackError (a subclass of InvalidRequestError) for code 7s2a")
    add(py("PendingRollbackError", "Can't reconnect until invalid transaction is rolled back.  Please rollback() fully before proceeding (Background on this error at: https://sqlalche.me/e/20/8s2b)", SA_Q),
        "transaction-state", "SQLAlchemy", "8s2b", "query", S4 + " SQLAlchemy", "V2", "python3.12", "PendingRollbackError")
    add(py("TimeoutError", "QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)",
           [("/var/task/handler.py", 52, "lambda_handler", "with engine.connect() as conn:"),
            ("/var/lang/lib/python3.12/site-packages/sqlalchemy/pool/impl.py", 167, "_do_get", "raise exc.TimeoutError(")]),
        "connection-timeout", "SQLAlchemy QueuePool", "3o7r", "connect", S4 + " SQLAlchemy", "V", "python3.12", "TimeoutError")
    add(py("TimeoutError", "QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30 (Background on this error at: http://sqlalche.me/e/3o7r)",
           [("/var/task/handler.py", 52, "lambda_handler", "with engine.connect() as conn:"),
            ("/var/lang/lib/python3.8/site-packages/sqlalchemy/pool/impl.py", 128, "_do_get", "raise exc.TimeoutError(")]),
        "connection-timeout", "SQLAlchemy QueuePool (older)", "3o7r", "connect", S4 + " SQLAlchemy (older builds print 'timeout 30')", "V", "python3.8", "TimeoutError")

    # ---------------- RDS Proxy client-visible errors
    add(py("OperationalError", "(9501, 'Timed-out waiting to acquire database connection')"),
        "connection-timeout", "PyMySQL via RDS Proxy", "9501", "query", S3 + " MySQL (ERROR 9501 (HY000))", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "(1040, 'Connections rate limit exceeded (1000)')", mysql_c),
        "other", "PyMySQL via RDS Proxy", "1040", "connect", S3 + " MySQL", "V", "python3.12", "OperationalError", note="limit_value in the docs replaced by a number")
    add(py("OperationalError", "(1040, 'Number simultaneous connections exceeded (2000)')", mysql_c),
        "other", "PyMySQL via RDS Proxy", "1040", "connect", S3 + " MySQL", "V", "python3.12", "OperationalError", note="limit_value in the docs replaced by a number")
    add(py("OperationalError", "(1040, 'IAM authentication rate limit exceeded')", mysql_c),
        "other", "PyMySQL via RDS Proxy", "1040", "connect", S3 + " MySQL", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "(1105, 'Unknown error')"),
        "other", "PyMySQL via RDS Proxy", "1105", "unknown", S3 + " MySQL", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "(3159, 'This RDS Proxy requires TLS connections.')", mysql_c),
        "other", "PyMySQL via RDS Proxy", "3159", "connect", S3 + " MySQL", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "(2026, 'SSL connection error: Internal Server Error')", mysql_c),
        "other", "PyMySQL via RDS Proxy", "2026", "connect", S3 + " MySQL", "V", "python3.12", "OperationalError")
    host = "inventory-pg-proxy.%s.%s.rds.amazonaws.com" % (PROXY_SUFFIX, REGION)
    add(py("ConnectionException", "Timed-out waiting to acquire database connection.\n"),
        "connection-timeout", "psycopg2 via RDS Proxy", "08000", "query", S3 + " PostgreSQL", "V", "python3.12", "ConnectionException",
        note="the PostgreSQL doc text ends with a full stop; the source #54547532754 sample has none (see the libpq rows)")
    for text in ("The maximum number of client connections to the proxy exceeded 2000.",
                 "Rate of connection to proxy exceeded 400.",
                 "The IAM authentication failed because of too many competing requests.",
                 "Request returned an error: database_error.",
                 "Unknown error."):
        add(py("OperationalError", 'connection to server at "%s" (10.42.33.206), port 5432 failed: FATAL:  %s\n' % (host, text), pg_c),
            "other", "psycopg2 via RDS Proxy", None, "connect", S3 + " PostgreSQL", "V", "python3.12", "OperationalError",
            note="proxy text from the troubleshooting doc (number_value replaced); the libpq 'FATAL:  ' rendering is assumed")
    add(node_text({"errorType": "Error", "errorMessage": "Unknown error. SSL connection has been closed unexpectedly",
                   "stack": node_stack("Error", "Unknown error. SSL connection has been closed unexpectedly", ["Parser.parseErrorMessage (/var/task/node_modules/pg-protocol/dist/parser.js:283:98)", "Parser.handlePacket (/var/task/node_modules/pg-protocol/dist/parser.js:122:29)"])}),
        "stale-connection", "node-postgres via RDS Proxy", None, "query", S3 + " (hashicorp/terraform-provider-aws#34747)", "V2", "nodejs20.x", "Error")

    write("errors/driver-errors.ndjson", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    return rows


# --------------------------------------------------------------------------------------
# bad: small hostile inputs
# --------------------------------------------------------------------------------------

def small_page(n, group_stream=None, start=None):
    stream = group_stream or "2026/03/14/[$LATEST]" + hexid()
    t = start or lt(21, 0, 0)
    items = []
    for i in range(n // 4 + 1):
        r = uid()
        items += [(t, "START RequestId: %s Version: $LATEST\n" % r),
                  (t + 3, py_text(t + 3, r, "INFO", "GET /v1/items/SKU-%05d warehouse=ams-1" % R.randint(100, 99999))),
                  (t + 41, "END RequestId: %s\n" % r),
                  (t + 41, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: 512 MB\tMax Memory Used: 109 MB\n" % (r, 38 + R.random(), 39))]
        t += R.randint(900, 20000)
    return cw_events([(ts, stream, m) for ts, m in items[:n]])


def build_bad():
    B = "bad/"
    exp = {}

    ev = small_page(8)
    text = cli_json({"events": ev, "searchedLogStreams": []})
    gz = gz_bytes(text.encode())
    cut = int(len(gz) * 0.55)
    write(B + "truncated.json.gz", gz[:cut])
    prefix = zlib.decompressobj(31).decompress(gz[:cut]).decode("utf-8", "replace")
    ends, pos = [], 0
    for e in ev:
        pos = text.index(e["eventId"], pos)
        pos = text.index("}", pos) + 1
        ends.append(pos)
    complete = sum(1 for p in ends if p <= len(prefix))
    exp["truncated.json.gz"] = {"what": "a valid 8-event filter-log-events page, gzipped, cut at 55% of the compressed bytes", "events_in_original": len(ev), "events_complete_before_cut": complete,
                                "inflated_bytes_available": len(prefix), "error": "truncated gzip stream (unexpected end of deflate data, no trailer)",
                                "expected": "report the file as truncated; a streaming reader may keep the %d events completed before the cut, or drop the file; never hang or crash" % complete}

    ev = small_page(9)
    text = cli_json({"events": ev, "searchedLogStreams": []})
    m = ev[6]["message"]
    at_ = text.index(json.dumps(m, ensure_ascii=False)[1:-1][:20], text.index(ev[6]["eventId"]) - 400)
    cutpos = at_ + 14
    write(B + "truncated-page.json", text[:cutpos])
    exp["truncated-page.json"] = {"what": "a 9-event page cut inside the 7th event's message string", "events_in_original": len(ev), "events_complete_before_cut": 6,
                                  "error": "truncated JSON: unterminated string inside events[6].message",
                                  "expected": "keep the 6 complete events (streaming) or none (whole-document parse), and name the file and the reason"}

    blob = bytes(R.getrandbits(8) for _ in range(4096))
    if blob[:1] in (b"\x1f", b"{", b"[", b" "):
        blob = b"\x00" + blob[1:]
    write(B + "binary.bin", blob)
    exp["binary.bin"] = {"what": "4096 random bytes", "events": 0, "error": "unrecognised binary content", "expected": "skip with a reason; do not try to inflate or decode it as UTF-8 text lines"}

    write(B + "empty.json", b"")
    exp["empty.json"] = {"what": "0 bytes", "events": 0, "error": "empty file", "expected": "0 events; a warning (not a crash)"}

    ev = small_page(5)
    marker = "@@BADBYTES@@"
    ev[1]["message"] = ev[1]["message"].replace("warehouse=ams-1", "warehouse=ams-1 tag=" + marker)
    raw = cli_json({"events": ev, "searchedLogStreams": []}).encode().replace(marker.encode(), b"\xff\xfe")
    write(B + "invalid-utf8.json", raw)
    exp["invalid-utf8.json"] = {"what": "a valid 5-event page whose second message contains the raw bytes 0xff 0xfe", "events": len(ev), "error": "invalid UTF-8 (bytes 0xff 0xfe) inside events[1].message",
                                "expected": "keep all 5 events with the two bytes replaced by U+FFFD (or reject the file with the byte offset); never drop events silently"}

    stream = "2026/03/14/[$LATEST]" + hexid()
    t = lt(22, 10, 0)
    r = uid()
    tev = cw_events([(t, stream, "START RequestId: %s Version: $LATEST\n" % r),
                     (t + 4, stream, dn_text(t + 4, r, "info", "Received payload \x00\x00\x00\x07ledger\x00 from queue journal-events")),
                     (t + 9, stream, dn_text(t + 9, r, "warn", "Payload contained 4 NUL bytes; stripped")),
                     (t + 12, stream, "END RequestId: %s\n" % r),
                     (t + 12, stream, "REPORT RequestId: %s\tDuration: 11.93 ms\tBilled Duration: 12 ms\tMemory Size: 1024 MB\tMax Memory Used: 133 MB\n" % r)])
    write(B + "nul-bytes.log", tail_detailed(tev))
    exp["nul-bytes.log"] = {"what": "`aws logs tail --format detailed` text with NUL bytes inside a .NET message", "events": 5, "error": None,
                            "expected": "aws logs tail text; the second event carries 4 NUL bytes inside its message: keep the event (NULs kept or replaced), do not treat NUL as end of line or end of file"}

    write(B + "not-a-log.txt", "Notes from the 14 March review\n\nThe payments team will move the ledger writes behind the queue next sprint.\n"
                               "Nobody could say why the proxy dashboards were empty before 09:05; ask the platform group on Monday.\n"
                               "Action items: rotate the reporting credentials, add alarms on pinned sessions, re-read the runbook.\n")
    exp["not-a-log.txt"] = {"what": "meeting notes in prose", "events": 0, "error": "unrecognised format", "expected": "skip with a reason; prose must not produce events"}

    ev = small_page(4)
    name = "exported logs \u2013 caf\u00e9.json"
    write(B + name, cli_json({"events": ev, "searchedLogStreams": []}))
    exp[name] = {"what": "a valid 4-event filter-log-events page under an awkward file name", "events": 4, "error": None, "expected": "a valid filter-log-events page; the path has spaces, an EN DASH and a precomposed e-acute (UTF-8 NFC)"}

    write(B + "expected.json", json.dumps(exp, indent=2, ensure_ascii=False) + "\n")
    return exp


# --------------------------------------------------------------------------------------
# README and read-back verification
# --------------------------------------------------------------------------------------

def all_files():
    out = []
    for root, _, files in os.walk(HERE):
        for f in files:
            p = os.path.relpath(os.path.join(root, f), HERE)
            if p.split(os.sep)[0] in ("incident", "incident-truth", "containers", "lines", "errors", "bad"):
                out.append(p)
    return sorted(out)


def incident_row(p, summary):
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
        raw = open(os.path.join(HERE, p), "rb").read()
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


def build_readme(summary, manifest, lines, errors, bad_exp):
    files = all_files()
    size = sum(os.path.getsize(os.path.join(HERE, p)) for p in files) + os.path.getsize(os.path.abspath(__file__))
    L = []
    w = L.append
    w("# samples/")
    w("")
    w("Small, real-looking exports for proxylens tests and for the README's main command")
    w("(`proxylens analyze samples/incident`, or `analyze samples`). Everything here is written by")
    w("`python3 samples/make_samples.py` (Python 3 standard library, fixed seed %d: rerunning gives the same bytes)." % SEED)
    w("Formats follow `formats.md` (section numbers below) and the mechanics of the public corpus; ids, times and")
    w("counts are fresh (2026-03-14, 09:00-09:30 UTC, account %s, region %s). Do not edit the files by hand: change" % (ACCOUNT, REGION))
    w("the generator and rerun it. Total size: %d bytes." % size)
    w("")
    w("| folder | what |")
    w("|---|---|")
    w("| `incident/` | one complete 20-minute incident: 3 functions, 2 proxies, 5 export containers, configs |")
    w("| `incident-truth/` | its answer key (`truth.ndjson`, `summary.json`), kept outside `incident/` so `analyze samples/incident` never reads it |")
    w("| `containers/` | one small file per export container and variant; `manifest.json` says what each must parse to |")
    w("| `lines/` | one CloudWatch message per row with the fields a parser must extract (`expect`) |")
    w("| `errors/` | every driver / proxy error string of formats.md sections 3-4, as it appears in a Lambda log |")
    w("| `bad/` | hostile inputs; `expected.json` says what each must produce |")
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
            what, sec, get = incident_row(p, summary)
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
    write("README.md", "\n".join(L) + "\n")
    return size


def verify(summary, manifest, lines, errors, bad_exp):
    import gzip
    import re
    problems = []

    def check(cond, msg):
        if not cond:
            problems.append(msg)

    def read_page(path):
        raw = open(os.path.join(HERE, path), "rb").read()
        if path.endswith(".gz"):
            raw = gzip.decompress(raw)
        return json.loads(raw.decode("utf-8"))

    def ok_event_id(e, key="eventId"):
        return len(e[key]) == 56 and int(e[key]) >> 144 == e["timestamp"]

    # inventory-api pages
    inv_pages = sorted(p for p in all_files() if p.startswith("incident/cloudwatch/lambda/"))
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
    for p in (p for p in all_files() if p.startswith("incident/cloudwatch/rds-proxy/")):
        for e in read_page(p)["events"]:
            pg[e["eventId"]] = e
    check(len(pg) == summary["events"]["inventory-pg-proxy"], "pg proxy event count")
    rx = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?)\s+\[([A-Z]+)\]\s+((?:\[[A-Za-z]+=[^\]]*\]\s*)*)(.*)$")

    def emb(msg):
        return int(datetime.strptime(msg[:23], "%Y-%m-%dT%H:%M:%S.%f").replace(tzinfo=timezone.utc).timestamp() * 1000)
    for e in pg.values():
        check(rx.match(e["message"]) is not None, "pg proxy line regex: " + e["message"][:60])
        check(500 <= e["timestamp"] - emb(e["message"]) <= 5000, "pg proxy lag")
        check(re.fullmatch(r"[0-9a-f]{32}", e["logStreamName"]) is not None, "pg proxy stream name")
    # journal tail
    tail = open(os.path.join(HERE, "incident/proxy-journal.log"), encoding="utf-8").read().splitlines()
    check(len(tail) == summary["events"]["journal-sql-proxy"], "journal tail count")
    sql_lines = []
    for ln in tail:
        ts, stream, msg = ln.split(" ", 2)
        t = int(datetime.fromisoformat(ts).timestamp() * 1000)
        check(500 <= t - emb(msg) <= 5000, "sql proxy lag")
        sql_lines.append((t, msg))
    # firehose
    pay, controls, members_max = [], 0, 0
    for p in (p for p in all_files() if p.startswith("incident/firehose/")):
        raw = open(os.path.join(HERE, p), "rb").read()
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
    tasks = json.load(open(os.path.join(HERE, "incident/s3/describe-export-tasks.json")))["exportTasks"]
    check(tasks[0]["logGroupName"] == "/aws/lambda/journal-writer", "export task group")
    jn = []
    for p in (p for p in all_files() if p.startswith("incident/s3/") and p.endswith("000000.gz")):
        check(tasks[0]["taskId"] in p, "task id in key")
        stream = p.split(tasks[0]["taskId"] + "/")[1].rsplit("/", 1)[0]
        text = gzip.decompress(open(os.path.join(HERE, p), "rb").read()).decode("utf-8")
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
    truth = [json.loads(l) for l in open(os.path.join(HERE, "incident-truth/truth.ndjson"))]
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
    # containers
    for p, e in manifest["files"].items():
        full = os.path.join(HERE, "containers", p)
        check(os.path.exists(full), "missing " + p)
        if e["container"] in ("filter-log-events", "get-log-events"):
            check(len(read_page("containers/" + p)["events"]) == e["events"], "count " + p)
        if e["container"] == "insights-console-csv":
            with open(full, newline="", encoding="utf-8") as f:
                rows_ = list(csv.reader(f))
            check(rows_[0] == ["@timestamp", "@message", "@logStream", "@log"] and len(rows_) - 1 == e["events"], "csv " + p)
        if e["container"] == "insights-get-query-results":
            check(len(json.load(open(full))["results"]) == e["events"], "insights " + p)
    # lines and errors
    for fam, rows_ in lines.items():
        for r in rows_:
            if fam == "rds-proxy" and r["expect"]["kind"] != "proxy_credentials_error":
                check(rx.match(r["message"]) is not None, "proxy regex on lines row")
    check(all(r["category"] in ("stale-connection", "query-timeout", "connection-timeout", "transaction-state", "other") for r in errors), "error categories")
    # bad
    try:
        gzip.decompress(open(os.path.join(HERE, "bad/truncated.json.gz"), "rb").read())
        problems.append("truncated.json.gz decompresses")
    except (EOFError, zlib.error, OSError):
        pass
    try:
        open(os.path.join(HERE, "bad/invalid-utf8.json"), "rb").read().decode("utf-8")
        problems.append("invalid-utf8 decodes")
    except UnicodeDecodeError:
        pass
    check(b"\x00" in open(os.path.join(HERE, "bad/nul-bytes.log"), "rb").read(), "no NUL")
    # no corpus identifiers
    blob = b"".join(open(os.path.join(HERE, p), "rb").read() for p in all_files())
    for s in (b"418295730164", b"orders-pg-proxy", b"ledger-sql-proxy.proxy-dq983owcb0xg", b"billing-worker", b"dq983owcb0xg"):
        check(s not in blob, "corpus identifier found: " + s.decode())
    return problems


def main():
    for d in ["incident", "incident-truth", "containers", "lines", "errors", "bad"]:
        shutil.rmtree(os.path.join(HERE, d), ignore_errors=True)
    inc, summary = build_incident()
    manifest = build_containers()
    lines = build_lines()
    errors = build_errors()
    bad_exp = build_bad()
    size = build_readme(summary, manifest, lines, errors, bad_exp)
    problems = verify(summary, manifest, lines, errors, bad_exp)
    print("invocations %d, failures %d, labels %s" % (summary["invocations"], summary["failures"], summary["labels"]))
    print("samples/ size %d bytes" % size)
    for p in problems:
        print("PROBLEM:", p)
    if problems:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
