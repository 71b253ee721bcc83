#!/usr/bin/env python3
"""Generate a large, realistic corpus of `aws logs filter-log-events` outputs for the
proxylens benchmark.

    bench/gen_corpus.py --out DIR --mb 850 [--seed 1] [--gzip-fraction 0.2] [--rate-scale 1]

Layout (same shape as shared/corpus/public/logs/cloudwatch):
    DIR/lambda/<fn>/<fn>_<n>.json[.gz]
    DIR/rds-proxy/<proxy>/<proxy>_<n>.json[.gz]
plus a manifest beside DIR (DIR.manifest.json, outside DIR so that an ingester walking DIR
never sees it) with per-file event counts.

What it writes, and why:
  * Files are byte-for-byte what the AWS CLI prints: `json.dumps(resp, indent=4,
    ensure_ascii=False)` + "\\n" (checked against the real corpus: raw UTF-8, e.g. the
    U+00A0 that Lambda puts in Python tracebacks, no \\uXXXX escapes), keys in the order
    logStreamName, timestamp, message, ingestionTime, eventId, then "searchedLogStreams": [].
  * Two kinds of files: single API pages (<= 10,000 events or <= 1 MB of response, as the
    FilterLogEvents API limits a page; every page but a source's last carries a
    "nextToken"), and 50-100 MB CLI outputs where the CLI auto-paginated and merged many
    pages into one events[] (no nextToken).  About half the bytes are in each kind.
  * `--gzip-fraction` of the bytes are gzipped (level 6, as `gzip` does).
  * Events of one log group are interleaved across concurrent log streams and sorted by
    timestamp, as filter-log-events returns them; eventIds are 56 digits and increase with
    timestamp; ingestionTime = timestamp + 0.15..2.6 s.
  * Lambda: three Python text-format functions (START/[INFO]/END/REPORT/XRAY, INIT_START +
    "Found credentials" + `Init Duration` on cold starts, ~2-3 % failures with the real
    error shapes: LAMBDA_WARNING + `[ERROR] QueryCanceled: ...Traceback`, OperationalError
    SSL SYSCALL / server closed / SSL closed / connect timeout, `Status: timeout`,
    Runtime.OutOfMemory), one Node.js JSON-format function (platform.initStart/start/report
    records, app JSON records, `message` objects with errorType/stackTrace), one .NET
    text-format function (`info`/`warn`/`fail` lines with SqlException stack traces).
  * RDS Proxy: two PostgreSQL proxies with connect / auth / pin WARN / TCP established /
    close / released lines exactly as in formats.md section 3 and the real corpus, embedded
    time up to ~5 s behind the event timestamp.

Speed: templates are precomputed, strings escaped with the C JSON string encoder, pages
written with one large write each, sources spread over 2 processes: ~850 MB in well under a
minute on 2 cores.
"""
import argparse
import base64
import gzip
import heapq
import json
import math
import multiprocessing as mp
import os
import random
import sys
import time
from json.encoder import encode_basestring  # C version; what json.dumps uses with ensure_ascii=False

MiB = 1024 * 1024
DAY0_MS = 1765065600000  # 2025-12-07T00:00:00Z
ACCOUNT = "418295730164"
REGION = "us-east-1"

# ---------------------------------------------------------------- small fast helpers

_SEC_CACHE = {}


def iso(ms):
    s, r = divmod(ms, 1000)
    p = _SEC_CACHE.get(s)
    if p is None:
        if len(_SEC_CACHE) > 200000:
            _SEC_CACHE.clear()
        p = _SEC_CACHE[s] = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(s))
    return "%s.%03dZ" % (p, r)


def day_of(ms):
    return time.strftime("%Y/%m/%d", time.gmtime(ms // 1000))


ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


class Rnd(random.Random):
    def uuid(self):
        h = "%032x" % self.getrandbits(128)
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[int(h[16], 16) & 3],
                                      h[17:20], h[20:32])

    def hexs(self, n):
        return "%0*x" % (n, self.getrandbits(4 * n))

    def ident(self, n):
        return "".join(self.choices(ALNUM, k=n))

    def pool(self, fn, n):
        return [fn() for _ in range(n)]


# ---------------------------------------------------------------- output

EVENT_TMPL = ('        {\n'
              '            "logStreamName": %s,\n'
              '            "timestamp": %d,\n'
              '            "message": %s,\n'
              '            "ingestionTime": %d,\n'
              '            "eventId": "%s"\n'
              '        }')
HEAD = '{\n    "events": [\n'
TAIL_LAST = '\n    ],\n    "searchedLogStreams": []\n}\n'
TAIL_NEXT = '\n    ],\n    "searchedLogStreams": [],\n    "nextToken": "%s"\n}\n'


class Emitter:
    """Takes (timestamp, stream, message) in timestamp order and writes CLI output files."""

    def __init__(self, out, kind, name, budget, rnd, gzip_fraction, big_fraction=0.5):
        self.dir = os.path.join(out, kind, name)
        os.makedirs(self.dir, exist_ok=True)
        self.name, self.budget, self.rnd = name, budget, rnd
        self.gzip_fraction, self.big_fraction = gzip_fraction, big_fraction
        self.page, self.page_api_bytes, self.page_cap_events, self.page_cap_bytes = [], 0, 0, 0
        self.new_page_caps()
        self.written = 0          # uncompressed bytes of closed+open files
        self.disk = 0
        self.gz_bytes = 0
        self.big_bytes = 0
        self.events = 0
        self.nfile = 0
        self.files = []           # (relpath, events, bytes, disk)
        self.f = None             # open big file
        self.f_events = 0
        self.f_bytes = 0
        self.f_target = 0
        self.last_ts, self.sub, self.k = -1, 0, 0
        self.tails = [''.join(rnd.choices("0123456789", k=31)) for _ in range(4099)]
        self.delays = [int(rnd.triangular(150, 2600, 900)) for _ in range(8191)]
        self.stream_enc = {}
        self.done = False

    def new_page_caps(self):
        # the API stops a page at 10,000 events or 1 MB; filter pages are often a bit short
        r = self.rnd.random()
        self.page_cap_events = 10000 if r < 0.5 else int(10000 * (0.5 + r / 2))
        self.page_cap_bytes = MiB if r < 0.5 else int(MiB * (0.5 + r / 2))

    def add(self, ts, stream, msg):
        if ts == self.last_ts:
            self.sub += 1
        else:
            self.last_ts, self.sub = ts, 0
        k = self.k = self.k + 1
        eid = "%019d%06d%s" % (ts * 2230074, self.sub, self.tails[k % 4099])
        se = self.stream_enc.get(stream)
        if se is None:
            if len(self.stream_enc) > 5000:
                self.stream_enc.clear()
            se = self.stream_enc[stream] = encode_basestring(stream)
        m = encode_basestring(msg)
        self.page.append(EVENT_TMPL % (se, ts, m, ts + self.delays[k % 8191], eid))
        # response bytes as the API counts them (compact JSON): roughly this
        self.page_api_bytes += len(m) + len(se) + 130
        if len(self.page) >= self.page_cap_events or self.page_api_bytes >= self.page_cap_bytes:
            self.flush_page()

    def _open(self, rel):
        path = os.path.join(self.dir, rel)
        if rel.endswith(".gz"):
            return gzip.GzipFile(path, "wb", compresslevel=6, mtime=0), path
        return open(path, "wb", buffering=4 * MiB), path

    def _next_name(self, gz):
        self.nfile += 1
        return "%s_%05d.json%s" % (self.name, self.nfile, ".gz" if gz else "")

    def _want_gz(self, size):
        # keep the gzipped share of the bytes near --gzip-fraction, deciding before the file's size is final
        return self.gzip_fraction > 0 and self.gz_bytes + size / 2 < self.gzip_fraction * (self.written + size)

    def flush_page(self, last=False):
        if not self.page:
            if last and self.f:
                self._close_big()
            return
        body = ",\n".join(self.page)
        n = len(self.page)
        self.page, self.page_api_bytes = [], 0
        self.new_page_caps()
        last = last or self.written + len(body) >= self.budget
        if self.f is None and not last and self.big_bytes < self.big_fraction * self.written:
            # start a CLI auto-paginated output of 50-100 MB (scaled down for small corpora)
            self.f_target = self.rnd.uniform(50, 100) * MiB
            if self.budget < 150 * MiB:   # small corpora: keep several files per source
                self.f_target = min(self.f_target, max(self.budget / 4, 2 * MiB))
            gz = self._want_gz(min(self.f_target, self.budget - self.written))
            rel = self._next_name(gz)
            self.f, self.f_path = self._open(rel)
            self.f_rel, self.f_gz = rel, gz
            self.f_events, self.f_bytes = 0, 0
            b = HEAD.encode()
            self.f.write(b)
            self.f_bytes += len(b)
            self.written += len(b)
        if self.f is not None:
            b = ((",\n" if self.f_events else "") + body).encode()
            self.f.write(b)
            self.f_bytes += len(b)
            self.f_events += n
            self.events += n
            self.written += len(b)
            if last or self.f_bytes >= self.f_target:
                self._close_big()
        else:
            gz = self._want_gz(len(body))
            rel = self._next_name(gz)
            tail = TAIL_LAST if last else TAIL_NEXT % self.token()
            b = (HEAD + body + tail).encode()
            f, path = self._open(rel)
            f.write(b)
            f.close()
            disk = os.path.getsize(path)
            self.written += len(b)
            self.events += n
            self.disk += disk
            if gz:
                self.gz_bytes += len(b)
            self.files.append((os.path.relpath(path, os.path.dirname(os.path.dirname(self.dir))), n, len(b), disk))
        if last:
            self.done = True

    def _close_big(self):
        b = TAIL_LAST.encode()
        self.f.write(b)
        self.f.close()
        self.f_bytes += len(b)
        self.written += len(b)
        disk = os.path.getsize(self.f_path)
        self.disk += disk
        self.big_bytes += self.f_bytes
        if self.f_gz:
            self.gz_bytes += self.f_bytes
        self.files.append((os.path.relpath(self.f_path, os.path.dirname(os.path.dirname(self.dir))),
                           self.f_events, self.f_bytes, disk))
        self.f = None

    def token(self):
        raw = self.rnd.getrandbits(8 * 96).to_bytes(96, "big")
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def full(self):
        return self.done or self.written + self.page_api_bytes * 1.4 >= self.budget

    def finish(self):
        self.flush_page(last=True)
        if self.f is not None:
            self._close_big()


# ---------------------------------------------------------------- Lambda simulation

class Env:
    __slots__ = ("stream", "busy_until", "cold", "last_used")

    def __init__(self, stream, t):
        self.stream, self.busy_until, self.cold, self.last_used = stream, t, True, t


class LambdaSource:
    """Concurrent execution environments (one log stream each), Poisson arrivals, events
    merged through a heap so the output is in timestamp order across streams."""
    mean_rate = 6.0          # invocations / s
    version = "$LATEST"
    timeout_ms = 10000
    memory = 512

    def __init__(self, name, rnd, t0):
        self.name, self.rnd, self.t = name, rnd, t0
        self.t0 = t0
        self.heap, self.seq = [], 0
        self.envs = []
        self.ids = rnd.pool(lambda: rnd.ident(12), 20011)
        self.arn_hash = rnd.hexs(64)

    def push(self, ts, stream, msg):
        self.seq += 1
        heapq.heappush(self.heap, (ts, self.seq, stream, msg))

    def new_stream(self, t):
        return "%s/[%s]%s" % (day_of(t), self.version, self.rnd.hexs(32))

    def get_env(self, t):
        best = None
        for e in self.envs:
            if e.busy_until <= t:
                best = e
                break
        if best is None:
            best = Env(self.new_stream(t), t)
            self.envs.append(best)
        elif t - best.last_used > 20 * 60 * 1000 or self.rnd.random() < 0.0005:
            # environment was reclaimed: a fresh one with a fresh stream
            best.stream, best.cold = self.new_stream(t), True
        return best

    def rate(self, t):
        # slow diurnal swing plus noise
        x = (t - DAY0_MS) / 3600000.0
        return self.mean_rate * (1.0 + 0.5 * math.sin(x / 24 * 2 * math.pi * 3))

    def run(self, em):
        rnd = self.rnd
        while not em.full():
            self.t += max(1, int(rnd.expovariate(self.rate(self.t)) * 1000))
            t = self.t
            env = self.get_env(t)
            end = self.invoke(env, t)
            env.busy_until = end + 1
            env.last_used = end
            if len(self.envs) > 60:
                self.envs = [e for e in self.envs if t - e.last_used < 20 * 60 * 1000]
            h = self.heap
            while h and h[0][0] <= t:
                ts, _, s, m = heapq.heappop(h)
                em.add(ts, s, m)
        h = self.heap
        while h and not em.done:
            ts, _, s, m = heapq.heappop(h)
            em.add(ts, s, m)
        em.finish()

    def dur(self, median, sigma=0.5):
        return median * math.exp(self.rnd.gauss(0, sigma))

    def xray(self, t):
        return "XRAY TraceId: 1-%08x-%s\tSegmentId: %s\tSampled: true\n" % (
            t // 1000, self.rnd.hexs(24), self.rnd.hexs(16))


def report(rid, dur, billed, mem, used, init=None, status=None, err=None):
    s = "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\tMax Memory Used: %d MB" % (
        rid, dur, billed, mem, used)
    if init is not None:
        s += "\tInit Duration: %.2f ms" % init
    if status:
        s += "\tStatus: " + status
        if err:
            s += "\tError Type: " + err
    return s + "\n"


LAMBDA_WARNING = ("LAMBDA_WARNING: Unhandled exception. The most likely cause is an issue in the function code. "
                  "However, in rare cases, a Lambda runtime update can cause unexpected function behavior. For "
                  "functions using managed runtimes, runtime updates can be triggered by a function change, or can "
                  "be applied automatically. To determine if the runtime has been updated, check the runtime "
                  "version in the INIT_START log entry. If this error correlates with a change in the runtime "
                  "version, you may be able to mitigate this error by temporarily rolling back to the previous "
                  "runtime version. For more information, see "
                  "https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html")
NB = "\u00a0"


def tb(frames):
    """Python traceback as Lambda prints it for an unhandled exception (NBSP indents)."""
    out = ["Traceback (most recent call last):"]
    for path, line, fn, code in frames:
        out.append('%s%sFile "%s", line %d, in %s' % (NB, NB, path, line, fn))
        out.append(NB * 4 + code)
    return "\n".join(out)


class PythonFn(LambdaSource):
    runtime = "python:3.12.v38"
    app = "orders"
    proxy_host = "orders-pg-proxy.proxy-dq983owcb0xg.us-east-1.rds.amazonaws.com"
    proxy_ip = "10.0.20.80"
    fail_rate = 0.026
    tenants = ["us-retail", "eu-retail", "b2b", "marketplace", "apac"]
    names = ["José Álvarez", "Zoë Ångström", "Søren Kierkegård", "山田 太郎", "Łukasz Żółć", "Renée O'Brien",
             "François \"Frank\" Dubois", "Mëtàl Hëàd 🤘", "back\\slash Ltd", "Tab\tSeparated Co"]

    def __init__(self, name, rnd, t0, **kw):
        super().__init__(name, rnd, t0)
        for k, v in kw.items():
            setattr(self, k, v)
        self.init_line = "INIT_START Runtime Version: %s\tRuntime Version ARN: arn:aws:lambda:%s::runtime:%s\n" % (
            self.runtime, REGION, self.arn_hash)
        frames_q = [("/var/task/handler.py", 64, "lambda_handler", "%s = repo.fetch_%s(conn, %s_id)" % ((self.app[:-1],) * 3)),
                    ("/var/task/%s/repo.py" % self.app, 41, "fetch_" + self.app[:-1],
                     "cur.execute(SQL_%s_BY_ID, (%s_id,))" % (self.app[:-1].upper(), self.app[:-1]))]
        frames_c = [("/var/task/handler.py", 58, "lambda_handler", "conn = db.get_connection()"),
                    ("/var/task/%s/db.py" % self.app, 22, "get_connection", "_conn = psycopg2.connect(DSN, connect_timeout=5)"),
                    ("/var/lang/lib/python3.12/site-packages/psycopg2/__init__.py", 122, "connect",
                     "conn = _connect(dsn, connection_factory=connection_factory, **kwasync)")]
        self.errors = [
            # (weight, kind, text, duration-ms median)
            (30, "qto", "[ERROR] QueryCanceled: canceling statement due to statement timeout\n\n" + tb(frames_q), 5030),
            (6, "stale", "[ERROR] OperationalError: SSL SYSCALL error: EOF detected\n\n" + tb(frames_q), 40),
            (5, "stale", "[ERROR] OperationalError: server closed the connection unexpectedly\n\tThis probably means the "
                         "server terminated abnormally\n\tbefore or while processing the request.\n\n" + tb(frames_q), 35),
            (3, "stale", "[ERROR] OperationalError: SSL connection has been closed unexpectedly\n\n" + tb(frames_q), 30),
            (8, "cto", "[ERROR] OperationalError: connection to server at \"%s\" (%s), port 5432 failed: timeout "
                       "expired\n\n%s" % (self.proxy_host, self.proxy_ip, tb(frames_c)), 5010),
            (2, "stale", "[ERROR] InterfaceError: connection already closed\n" + tb(frames_q), 12),
            (4, "app", "[ERROR] KeyError: 'shipping_address'\n" + tb([
                ("/var/task/handler.py", 71, "lambda_handler", "body = render_%s(%s, items)" % (self.app[:-1], self.app[:-1])),
                ("/var/task/%s/render.py" % self.app, 33, "render_" + self.app[:-1],
                 '"ship_to": format_address(%s["shipping_address"]),' % self.app[:-1])]), 60),
            (6, "timeout", None, None),
            (2, "oom", None, None),
        ]
        self.err_w = [e[0] for e in self.errors]

    def route(self, rid, oid, t):
        r = self.rnd.random()
        ten = self.tenants[int(r * 97) % len(self.tenants)]
        if r < 0.8:
            return "GET /v1/%s/%s tenant=%s" % (self.app, oid, ten)
        return "POST /v1/%s/%s/confirm tenant=%s" % (self.app, oid, ten)

    def invoke(self, env, t):
        rnd, s, push = self.rnd, env.stream, self.push
        rid = rnd.uuid()
        oid = "%s_%s" % (self.app[:3], self.ids[rnd.randrange(20011)])
        init = None
        if env.cold:
            push(t, s, self.init_line)
            tc = t + rnd.randint(300, 450)
            push(tc, s, "[INFO]\t%s\t\tFound credentials in environment variables.\n" % iso(tc))
            init = rnd.uniform(450, 1000)
            t += int(init) + rnd.randint(5, 40)
            env.cold = False
        push(t, s, "START RequestId: %s Version: %s\n" % (rid, self.version))
        c = t + rnd.randint(2, 5)
        push(c, s, "[INFO]\t%s\t%s\t%s\n" % (iso(c), rid, self.route(rid, oid, c)))
        failed = rnd.random() < self.fail_rate
        kind = rnd.choices(self.errors, self.err_w)[0] if failed else None
        status = err_type = None
        if kind and kind[1] == "timeout":
            c += rnd.randint(10, 40)
            push(c, s, "[INFO]\t%s\t%s\tdb: begin transaction (reserve stock for %s)\n" % (iso(c), rid, oid))
            d = float(self.timeout_ms)
            status = "timeout"
        elif kind and kind[1] == "oom":
            c += rnd.randint(10, 30)
            push(c, s, "[INFO]\t%s\t%s\texporting %s history for customer cus_%s\n" % (iso(c), rid, self.app[:-1], self.ids[rnd.randrange(20011)][:14]))
            d = self.dur(2400, 0.2)
            push(t + int(d) - 3, s, "RequestId: %s Error: Runtime exited with error: signal: killed\nRuntime.ExitError\n" % rid)
            status, err_type = "error", "Runtime.OutOfMemory"
        elif kind:
            d = self.dur(kind[3], 0.05 if kind[3] > 1000 else 0.5)
            e = t + int(d) - 2
            if kind[1] != "app" or rnd.random() < 0.5:
                push(e, s, "[WARNING]\t%s\t%s\t%s\n" % (iso(e), rid, LAMBDA_WARNING))
            push(e, s, kind[2])
        else:
            d = self.dur(150, 0.45)
            r = rnd.random()
            if r < 0.35:
                c2 = c + rnd.randint(10, 80)
                push(c2, s, "[INFO]\t%s\t%s\tcalling https://inventory.internal.example/v1/availability?order=%s\n" % (iso(c2), rid, oid))
                if r < 0.01:
                    c3 = c2 + 30
                    push(c3, s, "[WARNING]\t%s\t%s\tinventory service slow (%d ms), serving cached availability\n" % (iso(c3), rid, rnd.randint(1500, 4000)))
                elif r < 0.012:
                    c3 = c2 + 30
                    push(c3, s, "[ERROR]\t%s\t%s\trecommendations unavailable: canceling statement due to statement timeout\n" % (iso(c3), rid))
            elif r < 0.37:
                c2 = c + rnd.randint(5, 30)
                nm = self.names[int(r * 1e5) % len(self.names)]
                push(c2, s, "[INFO]\t%s\t%s\tcustomer name=%s locale=%s\n" % (iso(c2), rid, nm, "fr_FR"))
            elif r < 0.38:
                push(c + 1, s, "payload keys=['id', 'items', 'tenant'] size=%d\n" % rnd.randint(200, 9000))
            e = t + int(d) - rnd.randint(1, 4)
            push(e, s, "[INFO]\t%s\t%s\t%s %s ok: %d items\n" % (iso(e), rid, self.app[:-1], oid, rnd.randint(1, 9)))
        end = t + int(d) + rnd.randint(1, 3)
        billed = int(math.ceil(d + (init or 0)))
        push(end, s, "END RequestId: %s\n" % rid)
        push(end, s, report(rid, d, billed, self.memory,
                            self.memory if err_type == "Runtime.OutOfMemory" else rnd.randint(98, 140),
                            init, status, err_type))
        push(end + 1, s, self.xray(end))
        if status:                      # environment is re-initialised after a timeout or crash
            env.cold = True
        return end


class NodeJsonFn(LambdaSource):
    """Node.js function with LoggingConfig.LogFormat = JSON (like the corpus's billing-worker)."""
    runtime = "nodejs:20.v45"
    memory = 1024
    timeout_ms = 15000
    fail_rate = 0.025
    mean_rate = 7.0

    def __init__(self, name, rnd, t0):
        super().__init__(name, rnd, t0)
        self.arn = "arn:aws:lambda:%s:%s:function:%s" % (REGION, ACCOUNT, name)
        st = lambda first, frames: json.dumps([first] + frames, ensure_ascii=False, separators=(",", ":"))
        self.errors = [
            (20, '{"errorType":"Error","errorMessage":"Query read timeout","stackTrace":%s}' % st(
                "Error: Query read timeout", ["    at Timeout._onTimeout (/var/task/node_modules/pg/lib/client.js:574:19)",
                                              "    at listOnTimeout (node:internal/timers:581:17)",
                                              "    at process.processTimers (node:internal/timers:519:7)"]), 8000),
            (10, '{"errorType":"Error","errorMessage":"timeout exceeded when trying to connect","stackTrace":%s}' % st(
                "Error: timeout exceeded when trying to connect", ["    at Timeout._onTimeout (/var/task/node_modules/pg-pool/index.js:45:11)",
                                                                   "    at listOnTimeout (node:internal/timers:581:17)",
                                                                   "    at process.processTimers (node:internal/timers:519:7)"]), 5005),
            (8, '{"errorType":"Error","errorMessage":"Connection terminated unexpectedly","stackTrace":%s}' % st(
                "Error: Connection terminated unexpectedly", ["    at Connection.<anonymous> (/var/task/node_modules/pg/lib/client.js:132:73)",
                                                              "    at Object.onceWrapper (node:events:634:28)",
                                                              "    at Connection.emit (node:events:520:28)",
                                                              "    at Socket.<anonymous> (/var/task/node_modules/pg/lib/connection.js:63:12)"]), 30),
            (8, '{"errorType":"error","errorMessage":"canceling statement due to statement timeout","code":"57014","stackTrace":%s}' % st(
                "error: canceling statement due to statement timeout", ["    at /var/task/node_modules/pg/lib/client.js:526:17",
                                                                        "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
                                                                        "    at async chargeCart (file:///var/task/lib/cart.mjs:88:20)",
                                                                        "    at async Runtime.handler (file:///var/task/index.mjs:31:5)"]), 5020),
            (5, '{"errorType":"ValidationError","errorMessage":"cart crt_%s has no billing address","stackTrace":%s,"code":"E_NO_BILLING_ADDRESS"}', 40),
            (5, None, None),  # Lambda timeout
        ]
        self.err_w = [e[0] for e in self.errors]

    def app(self, t, rid, level, msg):
        return '{"timestamp":"%s","level":"%s","requestId":"%s","message":%s}\n' % (
            iso(t), level, rid, json.dumps(msg, ensure_ascii=False))

    def invoke(self, env, t):
        rnd, s, push = self.rnd, env.stream, self.push
        rid = rnd.uuid()
        cart = self.ids[rnd.randrange(20011)]
        init = None
        if env.cold:
            push(t, s, '{"time":"%s","type":"platform.initStart","record":{"initializationType":"on-demand","phase":"init",'
                       '"runtimeVersion":"%s","runtimeVersionArn":"arn:aws:lambda:%s::runtime:%s","functionName":"%s",'
                       '"functionVersion":"$LATEST","instanceId":"%s","instanceMaxMemory":%d}}' % (
                           iso(t), self.runtime, REGION, self.arn_hash, self.name,
                           s.replace("/[", "/%s[" % self.name, 1), self.memory * MiB))
            init = rnd.uniform(300, 700)
            t += int(init) + rnd.randint(5, 30)
            env.cold = False
        push(t, s, '{"time":"%s","type":"platform.start","record":{"requestId":"%s","functionArn":"%s","version":"$LATEST"}}' % (
            iso(t), rid, self.arn))
        c = t + rnd.randint(2, 6)
        push(c, s, self.app(c, rid, "INFO", "checkout cart crt_%s items=%d tenant=%s" % (cart, rnd.randint(1, 9), "eu-retail")))
        failed = rnd.random() < self.fail_rate
        status, etype = "success", None
        if failed:
            k = rnd.choices(self.errors, self.err_w)[0]
            if k[1] is None:
                d = float(self.timeout_ms)
                status = "timeout"
            else:
                d = self.dur(k[2], 0.05 if k[2] > 1000 else 0.5)
                e = t + int(d) - 2
                body = k[1]
                if "%s" in body:
                    body = body % (cart, json.dumps(["ValidationError: cart crt_%s has no billing address" % cart,
                                                     "    at validateCart (file:///var/task/lib/validate.mjs:18:11)",
                                                     "    at Runtime.handler (file:///var/task/index.mjs:38:5)"]))
                push(e, s, '{"timestamp":"%s","level":"ERROR","requestId":"%s","message":%s}\n' % (iso(e), rid, body))
                status, etype = "error", "Error"
        else:
            d = self.dur(400, 0.4)
            c2 = c + rnd.randint(5, 20)
            push(c2, s, self.app(c2, rid, "INFO", "calling https://payments.internal.example/charge"))
            r = rnd.random()
            if r < 0.02:
                push(c2 + 50, s, self.app(c2 + 50, rid, "WARN", "payments API responded 429, retrying in 200 ms"))
            elif r < 0.025:
                push(c2 + 1, s, self.app(c2 + 1, rid, "WARN", "db: idle client error: Connection terminated unexpectedly; reconnecting"))
            elif r < 0.04:
                push(c2 + 1, s, self.app(c2 + 1, rid, "INFO", {"event": "address", "city": "Montréal", "note": "livraison à l’arrière — porte 2", "tags": ["🚚", "fragile"]}))
            e = t + int(d) - 2
            push(e, s, self.app(e, rid, "INFO", "payment captured ch_%s amount=%d USD" % (self.ids[rnd.randrange(20011)], rnd.randint(500, 90000))))
        end = t + int(d) + rnd.randint(1, 3)
        metrics = '"durationMs":%.3f,"billedDurationMs":%d,"memorySizeMB":%d,"maxMemoryUsedMB":%d' % (
            d, int(math.ceil(d + (init or 0))), self.memory, rnd.randint(140, 190))
        if init is not None:
            metrics += ',"initDurationMs":%.3f' % init
        push(end, s, '{"time":"%s","type":"platform.report","record":{"requestId":"%s","metrics":{%s},"status":"%s"%s}}' % (
            iso(end), rid, metrics, status, ',"errorType":"%s"' % etype if etype else ""))
        if status != "success" and status != "error":
            env.cold = True
        return end


DOTNET_AT_EXEC = [
    "   at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)",
    "   at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)",
    "   at Microsoft.Data.SqlClient.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, SqlCommand command, Boolean callerHasConnectionLock, Boolean asyncClose)",
    "   at Microsoft.Data.SqlClient.TdsParser.TryRun(RunBehavior runBehavior, SqlCommand cmdHandler, SqlDataReader dataStream, BulkCopySimpleResultSet bulkCopyHandler, TdsParserStateObject stateObj, Boolean& dataReady)",
    "   at Microsoft.Data.SqlClient.SqlCommand.RunExecuteNonQueryTds(String methodName, Boolean isAsync, Int32 timeout, Boolean asyncWrite)",
    "   at Microsoft.Data.SqlClient.SqlCommand.InternalExecuteNonQuery(TaskCompletionSource`1 completion, Boolean sendToPipe, Int32 timeout, Boolean& usedCache, Boolean asyncWrite, Boolean inRetry, String methodName)",
    "   at Microsoft.Data.SqlClient.SqlCommand.ExecuteNonQuery()",
    "   at LedgerWriter.Data.JournalRepository.InsertEntries(SqlTransaction tx, IReadOnlyList`1 entries) in /src/LedgerWriter/Data/JournalRepository.cs:line 88",
    "   at LedgerWriter.Function.FunctionHandler(SQSEvent sqsEvent, ILambdaContext context) in /src/LedgerWriter/Function.cs:line 61",
]
DOTNET_AT_OPEN = [
    "   at Microsoft.Data.ProviderBase.DbConnectionPool.CheckPoolBlockingPeriod(Exception e)",
    "   at Microsoft.Data.ProviderBase.DbConnectionPool.CreateObject(DbConnection owningObject, DbConnectionOptions userOptions, DbConnectionInternal oldConnection)",
    "   at Microsoft.Data.ProviderBase.DbConnectionPool.UserCreateRequest(DbConnection owningObject, DbConnectionOptions userOptions, DbConnectionInternal oldConnection)",
    "   at Microsoft.Data.ProviderBase.DbConnectionPool.TryGetConnection(DbConnection owningObject, UInt32 waitForMultipleObjectsTimeout, Boolean allowCreate, Boolean onlyOneCheckConnection, DbConnectionOptions userOptions, DbConnectionInternal& connection)",
    "   at Microsoft.Data.SqlClient.SqlConnection.TryOpen(TaskCompletionSource`1 retry, SqlConnectionOverrides overrides)",
    "   at Microsoft.Data.SqlClient.SqlConnection.Open(SqlConnectionOverrides overrides)",
    "   at LedgerWriter.Data.ConnectionFactory.GetOpenConnection() in /src/LedgerWriter/Data/ConnectionFactory.cs:line 31",
    "   at LedgerWriter.Function.FunctionHandler(SQSEvent sqsEvent, ILambdaContext context) in /src/LedgerWriter/Function.cs:line 49",
]
END_INNER = "   --- End of inner exception stack trace ---"


class DotnetFn(LambdaSource):
    """.NET 8 text-format function (like the corpus's ledger-writer)."""
    runtime = "dotnet:8.v29"
    memory = 1024
    timeout_ms = 30000
    fail_rate = 0.022
    mean_rate = 5.0

    def __init__(self, name, rnd, t0):
        super().__init__(name, rnd, t0)
        self.init_line = "INIT_START Runtime Version: %s\tRuntime Version ARN: arn:aws:lambda:%s::runtime:%s\n" % (
            self.runtime, REGION, self.arn_hash)
        sx = "Microsoft.Data.SqlClient.SqlException (0x80131904): "
        self.errors = [
            (20, sx + "Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.\n"
                      " ---> System.ComponentModel.Win32Exception (258): The wait operation timed out.\n" + END_INNER + "\n" +
             "\n".join(DOTNET_AT_EXEC) + "\nClientConnectionId:%s\nError Number:-2,State:0,Class:11\n", 30100),
            (6, sx + "A transport-level error has occurred when sending the request to the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)\n"
                     " ---> System.ComponentModel.Win32Exception (10054): An existing connection was forcibly closed by the remote host.\n" + END_INNER + "\n" +
             "\n".join(DOTNET_AT_EXEC) + "\nClientConnectionId:%s\nError Number:10054,State:0,Class:20\n", 15),
            (5, sx + "Connection Timeout Expired.  The timeout period elapsed while attempting to consume the pre-login handshake acknowledgement.  This could be because the pre-login handshake failed or the server was unable to respond back in time.  The duration spent while attempting to connect to this server was - [Pre-Login] initialization=15030; handshake=1; \n"
                     " ---> System.ComponentModel.Win32Exception (258): The wait operation timed out.\n" + END_INNER + "\n" +
             "\n".join(DOTNET_AT_OPEN) + "\nClientConnectionId:%s\nError Number:-2,State:0,Class:11\n", 15040),
            (8, sx + "Timed-out waiting to acquire database connection\n" + "\n".join(DOTNET_AT_EXEC) +
             "\nClientConnectionId:%s\nError Number:0,State:0,Class:20\n", 120),
            (3, "System.InvalidOperationException: The transaction associated with the current connection has completed but has not been disposed.  The transaction must be disposed before the connection can be used to execute SQL statements.\n"
                "   at Microsoft.Data.SqlClient.SqlInternalConnectionTds.ExecuteTransaction(TransactionRequest transactionRequest, String name, IsolationLevel iso, SqlInternalTransaction internalTransaction, Boolean isDelegateControlRequest)\n"
                "   at LedgerWriter.Function.FunctionHandler(SQSEvent sqsEvent, ILambdaContext context) in /src/LedgerWriter/Function.cs:line 57\n", 20),
            (3, "System.InvalidOperationException: Sequence contains no matching element\n   at System.Linq.ThrowHelper.ThrowNoMatchException()\n"
                "   at System.Linq.Enumerable.First[TSource](IEnumerable`1 source, Func`2 predicate)\n"
                "   at LedgerWriter.Mapping.AccountMapper.Resolve(String accountCode) in /src/LedgerWriter/Mapping/AccountMapper.cs:line 23\n"
                "   at LedgerWriter.Function.FunctionHandler(SQSEvent sqsEvent, ILambdaContext context) in /src/LedgerWriter/Function.cs:line 55\n", 25),
            (4, None, None),
        ]
        self.err_w = [e[0] for e in self.errors]

    def invoke(self, env, t):
        rnd, s, push = self.rnd, env.stream, self.push
        rid = rnd.uuid()
        batch = rnd.randint(100000, 999999)
        n = rnd.randint(5, 60)
        init = None
        if env.cold:
            push(t, s, self.init_line)
            init = rnd.uniform(900, 1500)
            t += int(init) + rnd.randint(5, 30)
            env.cold = False
        push(t, s, "START RequestId: %s Version: $LATEST\n" % rid)
        c = t + rnd.randint(3, 8)
        push(c, s, "%s\t%s\tinfo\tProcessing ledger batch %d (%d entries) from queue ledger-events\n" % (iso(c), rid, batch, n))
        status = None
        if rnd.random() < self.fail_rate:
            k = rnd.choices(self.errors, self.err_w)[0]
            if k[1] is None:
                d, status = float(self.timeout_ms), "timeout"
            else:
                d = self.dur(k[2], 0.02 if k[2] > 1000 else 0.5)
                if d >= self.timeout_ms:
                    d = self.timeout_ms - 50.0
                e = t + int(d) - 2
                body = k[1] % rnd.uuid() if "%s" in k[1] else k[1]
                push(e, s, "%s\t%s\tfail\t%s" % (iso(e), rid, body))
        else:
            d = self.dur(150, 0.5)
            if rnd.random() < 0.01:
                push(c + 2, s, "%s\t%s\twarn\tDuplicate batch %d ignored (idempotency key %s)\n" % (iso(c + 2), rid, batch, rnd.uuid()))
            e = t + int(d) - 4
            push(e, s, "%s\t%s\tinfo\tBatch %d committed: %d entries\n" % (iso(e), rid, batch, n))
        end = t + int(d) + rnd.randint(1, 4)
        push(end, s, "END RequestId: %s\n" % rid)
        push(end, s, report(rid, d, int(math.ceil(d + (init or 0))), self.memory, rnd.randint(145, 180), init, status))
        push(end + 2, s, self.xray(end))
        if status:
            env.cold = True
        return end


# ---------------------------------------------------------------- RDS Proxy simulation

PIN = ("The client session was pinned to the database connection [dbConnection=%d] for the remainder of the session. "
       "The proxy can't reuse this connection until the session ends. Reason: %s")
PIN_REASONS = [
    (75, "A parse message was detected."),
    (8, "SQL changed session settings that the proxy doesn't track. Consider moving session configuration to the "
        "proxy's initialization query. Digest: \"set search_path = $1; set names $2;\"."),
    (5, "SQL changed session settings that the proxy doesn't track. Consider moving session configuration to the "
        "proxy's initialization query. Digest: \"set client_encoding to $1\"."),
    (4, "SQL changed session settings that the proxy doesn't track. Consider moving session configuration to the "
        "proxy's initialization query. Digest: \"select pg_advisory_unlock_all(); close all; unlisten *; reset all;\"."),
    (5, "The connection ran a SQL query which exceeded the 16384 byte limit."),
]
CLOSE_REASONS = [
    (70, "The client connection was idle for longer than the idle client timeout."),
    (20, "The client requested that the connection close."),
    (10, "The TCP channel was closed by either the client or the proxy."),
]


class ProxySource:
    mean_rate = 1.2   # new client connections / s

    def __init__(self, name, rnd, t0, user="orders_app", db_ip="10.0.40.42", proxy_ip="10.0.20.80"):
        self.name, self.rnd, self.t = name, rnd, t0
        self.user, self.db_ip, self.proxy_ip = user, db_ip, proxy_ip
        self.heap, self.seq = [], 0
        self.streams = [rnd.hexs(32) for _ in range(2)]
        self.stream_switch = t0 + 3600000
        self.dbconns = [rnd.getrandbits(32) for _ in range(20)]
        self.pw = [w for w, _ in PIN_REASONS]
        self.cw = [w for w, _ in CLOSE_REASONS]

    def push(self, emb, stream, msg):
        # the event timestamp runs up to ~5 s ahead of the time embedded in the message
        self.seq += 1
        heapq.heappush(self.heap, (emb + self.rnd.randint(100, 5000), self.seq, stream, "%s %s" % (iso(emb), msg)))

    def run(self, em):
        rnd = self.rnd
        while not em.full():
            self.t += max(1, int(rnd.expovariate(self.mean_rate) * 1000))
            t = self.t
            if t > self.stream_switch:
                self.streams[rnd.randrange(2)] = rnd.hexs(32)
                self.stream_switch = t + rnd.randint(1800000, 7200000)
            s = self.streams[rnd.randrange(2)]
            cid = rnd.getrandbits(32)
            tag = "[proxyEndpoint=default] [clientConnection=%d]" % cid
            push = self.push
            push(t, s, "[INFO] %s A new client connected from 10.0.%d.%d:%d." % (tag, rnd.choice((10, 11)), rnd.randint(5, 250), rnd.randint(1024, 65535)))
            push(t + 9, s, "[INFO] %s Proxy authentication with PostgreSQL native password authentication succeeded for user \"%s\" with TLS on." % (tag, self.user))
            if rnd.random() < 0.2:
                db = rnd.getrandbits(32)
                self.dbconns[rnd.randrange(20)] = db
                push(t + 12, s, "[INFO] [dbConnection=%d] A TCP connection was established from the proxy at %s:%d to the database at %s:5432." % (
                    db, self.proxy_ip, rnd.randint(1024, 65535), self.db_ip))
            else:
                db = self.dbconns[rnd.randrange(20)]
            if rnd.random() < 0.8:
                push(t + 18, s, "[WARN] %s %s" % (tag, PIN % (db, rnd.choices(PIN_REASONS, self.pw)[0][1])))
            elif rnd.random() < 0.1:
                push(t + 18, s, "[INFO] %s If this prepared statement runs, the client session will be pinned to the database connection "
                                "[dbConnection=%d]. Reason: SQL changed session settings that the proxy doesn't track. Consider moving session "
                                "configuration to the proxy's initialization query. Digest: \"set session characteristics as transaction "
                                "isolation level $1 uncommitted\"." % (tag, db))
            te = t + int(60000 * math.exp(rnd.gauss(1.5, 1.0)))
            push(te, s, "[INFO] %s The client connection closed. Reason: %s" % (tag, rnd.choices(CLOSE_REASONS, self.cw)[0][1]))
            r = rnd.random()
            if r < 0.04:
                push(te + 3, s, "[INFO] [dbConnection=%d] The database connection closed. Reason: The client connection that borrowed "
                                "this database connection from the connection pool was closed in the middle of a request." % db)
            elif r < 0.15:
                push(te + 8, s, "[INFO] [dbConnection=%d] The database connection was released to the connection pool upon session reset." % db)
            h = self.heap
            while h and h[0][0] <= t:
                ts, _, st, m = heapq.heappop(h)
                em.add(ts, st, m)
        h = self.heap
        while h and not em.done:
            ts, _, st, m = heapq.heappop(h)
            em.add(ts, st, m)
        em.finish()


# ---------------------------------------------------------------- driver

SOURCES = [
    # (kind, name, weight, factory)
    ("lambda", "orders-api", 0.26, lambda n, r, t: PythonFn(n, r, t)),
    ("lambda", "inventory-sync", 0.12, lambda n, r, t: PythonFn(n, r, t, app="skus", mean_rate=3.0, fail_rate=0.03,
                                                                 runtime="python:3.11.v52")),
    ("lambda", "payments-webhook", 0.08, lambda n, r, t: PythonFn(n, r, t, app="payments", mean_rate=2.0, fail_rate=0.02,
                                                                   memory=256, version="12")),
    ("lambda", "checkout-api", 0.22, lambda n, r, t: NodeJsonFn(n, r, t)),
    ("lambda", "ledger-writer", 0.17, lambda n, r, t: DotnetFn(n, r, t)),
    ("rds-proxy", "orders-pg-proxy", 0.09, lambda n, r, t: ProxySource(n, r, t)),
    ("rds-proxy", "checkout-pg-proxy", 0.06, lambda n, r, t: ProxySource(n, r, t, user="checkout_svc", db_ip="10.0.41.17", proxy_ip="10.0.21.9")),
]


def gen_one(job):
    out, idx, seed, budget, gzf, rate_scale = job
    kind, name, _, factory = SOURCES[idx]
    rnd = Rnd("%s/%s/%d" % (seed, name, idx))
    t0 = DAY0_MS + rnd.randint(0, 60000) + 13 * 3600000
    em = Emitter(out, kind, name, budget, rnd, gzf)
    src = factory(name, rnd, t0)
    # Fewer invocations and connections per second spread the same bytes over more hours
    # (docs/report-multi-hour.png is drawn from a few MB spanning hours).
    src.mean_rate *= rate_scale
    t = time.time()
    src.run(em)
    return dict(kind=kind, name=name, events=em.events, bytes=em.written, disk=em.disk, files=em.files,
                seconds=round(time.time() - t, 2))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--mb", type=float, default=850, help="uncompressed MB (MiB) to write")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--gzip-fraction", type=float, default=0.2)
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--rate-scale", type=float, default=1.0, help="multiply every source's rate (0.02: the same MB over 50 x the time)")
    a = ap.parse_args()
    out = os.path.abspath(a.out)
    if os.path.exists(out) and os.listdir(out):
        sys.exit("gen_corpus: %s exists and is not empty" % out)
    os.makedirs(out, exist_ok=True)
    total = a.mb * MiB
    wsum = sum(s[2] for s in SOURCES)
    jobs = [(out, i, a.seed, int(total * s[2] / wsum), a.gzip_fraction, a.rate_scale) for i, s in enumerate(SOURCES)]
    jobs.sort(key=lambda j: -j[3])
    t = time.time()
    if a.jobs > 1:
        with mp.Pool(a.jobs) as pool:
            res = list(pool.imap_unordered(gen_one, jobs))
    else:
        res = [gen_one(j) for j in jobs]
    el = time.time() - t
    res.sort(key=lambda r: (r["kind"], r["name"]))
    files = [dict(path=p, events=e, bytes=b, disk=d) for r in res for (p, e, b, d) in r["files"]]
    files.sort(key=lambda f: f["path"])
    tot = dict(events=sum(r["events"] for r in res), bytes=sum(r["bytes"] for r in res),
               disk=sum(r["disk"] for r in res), files=len(files),
               gz_files=sum(1 for f in files if f["path"].endswith(".gz")),
               gz_bytes=sum(f["bytes"] for f in files if f["path"].endswith(".gz")))
    manifest = dict(generator="bench/gen_corpus.py", args=vars(a), corpus=out, seconds=round(el, 1), totals=tot,
                    sources=[{k: v for k, v in r.items() if k != "files"} for r in res], files=files)
    with open(out.rstrip("/") + ".manifest.json", "w") as f:
        json.dump(manifest, f, indent=1)
    for r in res:
        print("  %-9s %-18s %9d events %8.1f MB %8.1f MB on disk %4d files  (%.1fs)" % (
            r["kind"], r["name"], r["events"], r["bytes"] / MiB, r["disk"] / MiB, len(r["files"]), r["seconds"]))
    print("total: %d events, %.1f MB uncompressed (%d bytes), %.1f MB on disk, %d files (%d gzipped, %.1f MB "
          "uncompressed), %.1fs" % (tot["events"], tot["bytes"] / MiB, tot["bytes"], tot["disk"] / MiB, tot["files"],
                                    tot["gz_files"], tot["gz_bytes"] / MiB, el))
    print("manifest: %s" % (out.rstrip("/") + ".manifest.json"))


if __name__ == "__main__":
    main()
