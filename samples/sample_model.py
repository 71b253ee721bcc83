"""What the sample builders share: account, region and window, id and text helpers, the
RDS Proxy model, configuration documents, and how a builder writes its files.

Each folder's builder (`samples/<folder>/make_<folder>.py`) imports this module by path and
runs as `begin(root, skip)` ... `write(...)` ... `finish(...)`. Python 3 standard library only.
"""

import base64
import heapq
import json
import os
import random
import struct
import sys
import uuid
import zlib
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20260314

ACCOUNT = "730335218964"
REGION = "eu-west-1"

T0 = 1773479100000  # 2026-03-14T09:05:00.000Z, start of the incident window
T1 = 1773480300000  # 2026-03-14T09:25:00.000Z, end of the incident window
LAST_START = T1 - 32000  # no invocation starts later, so all finish inside the window

# The one generator every helper draws from. Builders import it with `from sample_model import *`,
# so begin() re-seeds this same object in place rather than binding a new one: a new object would
# leave the builders' and the helpers' names pointing at different generators.
R = random.Random(SEED)

# Where the running builder writes and what it has written; begin() resets it.
_run = {"root": HERE, "written": []}

# Strings from the labelled public corpus that must never reach a sample.
CORPUS_IDENTIFIERS = (b"418295730164", b"orders-pg-proxy", b"ledger-sql-proxy.proxy-dq983owcb0xg",
                      b"billing-worker", b"dq983owcb0xg")

# One RDS Proxy log line: time, level, [key=value] tags, text (checked on every proxy line written).
PROXY_LINE = r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?)\s+\[([A-Z]+)\]\s+((?:\[[A-Za-z]+=[^\]]*\]\s*)*)(.*)$"


# --------------------------------------------------------------------------------------
# running one builder
# --------------------------------------------------------------------------------------

def output_root(argv):
    """The samples root a builder writes under: `--out DIR`, else $PROXYLENS_SAMPLES_OUT,
    else this folder. Tests point it at a copy so the committed samples are never rewritten."""
    if "--out" in argv:
        i = argv.index("--out")
        if i + 1 >= len(argv):
            raise SystemExit("--out needs a folder")
        return os.path.abspath(argv[i + 1])
    return os.path.abspath(os.environ.get("PROXYLENS_SAMPLES_OUT") or HERE)


def begin(root, skip):
    """Starts a builder: writes go under root, and R is SEED advanced by `skip` 32-bit words.

    Before the split one generator fed every builder in turn, so each builder's output depended on
    every builder that ran before it. `skip` is how many words those earlier builders had drawn:
    a constant, so a builder now starts from the same state whether it runs alone or not, and
    changing one builder no longer moves the bytes of another. getrandbits(32 * n) draws exactly
    n words of the Mersenne Twister, the same state n single draws reach.
    """
    R.seed(SEED)
    if skip:
        R.getrandbits(32 * skip)
    _run["root"] = root
    _run["written"] = []


class Built:
    """What one builder run produced: its data for the README, the paths it wrote, its problems."""

    def __init__(self, name, data, written, problems):
        self.name, self.data, self.written, self.problems = name, data, written, problems


def finish(script, name, data, problems, previous=(), alone_in=()):
    """Ends a builder run: removes what it wrote last time and no longer writes, checks what it wrote.

    previous: the paths this builder's own manifest listed before this run (it wrote them, so it
    may remove them). alone_in: folders no other script writes into; a file there that this run did
    not write is named (the builder's own script aside), never removed. Nothing else is touched: other scripts' samples and files
    collected by hand share these folders.
    """
    root, written = _run["root"], list(_run["written"])
    mine = set(written)
    for path in sorted(set(previous) - mine):
        full = os.path.join(root, path)
        if os.path.isfile(full):
            os.remove(full)
            print("%s: removed %s (written by an earlier run, no longer)" % (name, path))
    for folder in alone_in:
        for dirpath, _, files in os.walk(os.path.join(root, folder)):
            for f in files:
                path = os.path.relpath(os.path.join(dirpath, f), root)
                if path not in mine and f != os.path.basename(script):
                    problems.append("%s was not written by %s: remove it if it is stale" % (path, name))
    for path in written:
        blob = open(os.path.join(root, path), "rb").read()
        for s in CORPUS_IDENTIFIERS:
            if s in blob:
                problems.append("corpus identifier %s in %s" % (s.decode(), path))
    return Built(name, data, sorted(mine), problems)


def main(name, build):
    """Runs one builder alone: `python3 samples/<folder>/make_<folder>.py [--out ROOT]`."""
    built = build(output_root(sys.argv[1:]))
    print("%s: %d files" % (name, len(built.written)))
    for p in built.problems:
        print("PROBLEM:", p)
    if built.problems:
        raise SystemExit(1)


def current_root():
    """The samples root the running builder writes under."""
    return _run["root"]


def current_written():
    """The paths the running builder has written so far, relative to its root."""
    return list(_run["written"])


def read_file(path):
    return open(os.path.join(_run["root"], path), "rb").read()


def read_page(path):
    """A filter-log-events page this run wrote (gzipped or not), parsed."""
    import gzip
    raw = read_file(path)
    if path.endswith(".gz"):
        raw = gzip.decompress(raw)
    return json.loads(raw.decode("utf-8"))

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
    """Writes one file of the running builder under its root and remembers it as written."""
    full = os.path.join(_run["root"], path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(full, "wb") as f:
        f.write(data)
    _run["written"].append(path)
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


# ---------------------------- runtimes (the incident's three, also named by lines/ and containers/)

PY_VER = "python:3.12.v64"
PY_ARN = "arn:aws:lambda:eu-west-1::runtime:ff4122a96cc07b07f5aa48c3efe4c23f51ea40b07088b482c23174d06cde3e3a"
NODE_VER = "nodejs:20.v58"
NODE_ARN = "arn:aws:lambda:eu-west-1::runtime:ec073868e5adfacf5c876c19c5cdfc75d0fa9cc4484006a10358c2d6d005628e"
DOTNET_VER = "dotnet:8.v41"
DOTNET_ARN = "arn:aws:lambda:eu-west-1::runtime:dc33ca101f4c99e8efd5751c88b0482d723e7e5f666b0e4f7546cf315cc8f11b"


def token(prefix, n=12):
    alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return prefix + "".join(R.choice(alphabet) for _ in range(n))


FR_PSYCOPG = ("/var/lang/lib/python3.12/site-packages/psycopg2/__init__.py", 122, "connect",
              "conn = _connect(dsn, connection_factory=connection_factory, **kwasync)")


# ---------------------------- node-postgres stacks (payments-worker, lines/, errors/) --

NODE_QTO_STACK = ["Error: Query read timeout",
                  "    at Timeout._onTimeout (/var/task/node_modules/pg/lib/client.js:566:19)",
                  "    at listOnTimeout (node:internal/timers:594:17)",
                  "    at process.processTimers (node:internal/timers:529:7)"]
NODE_CTO_STACK = ["Error: timeout exceeded when trying to connect",
                  "    at Timeout._onTimeout (/var/task/node_modules/pg-pool/index.js:205:27)",
                  "    at listOnTimeout (node:internal/timers:594:17)",
                  "    at process.processTimers (node:internal/timers:529:7)"]


# ---------------------------- SqlClient text (journal-writer, lines/, errors/) --------

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


# The incident's proxies and VPC: drawn once from the single seed the builders shared before
# they were split, written here so that every builder names the same ones.
PROXY_SUFFIX = "proxy-iqhzlgaxg23f"
PG_AUTH = 'Proxy authentication with PostgreSQL native password authentication succeeded for user "%s" with TLS on.'
SQL_AUTH = 'Proxy authentication with SQL Server authentication succeeded for user "%s" with TLS on.'
VPC = "vpc-551ad51e66698aaef"
SUBNETS = ["subnet-acbb1e6184f4e6ca4", "subnet-53d09367f7d25bcc2", "subnet-2b99d5170ee351252"]


def subscription_payload(group, stream, events, filter_name):
    return {"messageType": "DATA_MESSAGE", "owner": ACCOUNT, "logGroup": group, "logStream": stream,
            "subscriptionFilters": [filter_name],
            "logEvents": [{"id": e["eventId"], "timestamp": e["timestamp"], "message": e["message"]} for e in events]}


def control_payload(ts, dest="Firehose"):
    return {"messageType": "CONTROL_MESSAGE", "owner": "CloudwatchLogs", "logGroup": "", "logStream": "",
            "subscriptionFilters": [],
            "logEvents": [{"id": "", "timestamp": ts, "message": "CWL CONTROL MESSAGE: Checking health of destination %s." % dest}]}


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


# --------------------------------------------------------------------------------------
# messages and events the small folders share (containers, lines, errors, bad)
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


def lt(mm, ss, ms):
    return T0 + ((mm - 5) * 60 + ss) * 1000 + ms


