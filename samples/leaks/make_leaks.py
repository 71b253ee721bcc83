#!/usr/bin/env python3
"""Writes samples/leaks/: small exports of Lambda timeouts that leak a pinned RDS Proxy session,
each with its transaction start in one ORM's own words, one with no application marker at all
(found from the proxy's side), and one timeout in a downstream HTTP call (not a leak).
Standard library only, fixed seed: rerunning gives the same bytes. See README.md."""
import copy, json, os, random, uuid
from datetime import datetime, timezone

R = random.Random(20260314)
HERE = os.path.dirname(os.path.abspath(__file__))
INCIDENT = os.path.join(HERE, "..", "incident", "config")
ACCOUNT, REGION = "730335218964", "eu-west-1"
PROXY = "leaks-pg-proxy"
ENDPOINT = PROXY + ".proxy-c4w1n8q2ztke.eu-west-1.rds.amazonaws.com"
IDLE_S = 900            # IdleClientTimeout
TIMEOUT_S = 10          # every function's Timeout
BASE = 1773486000000    # 2026-03-14T11:00:00.000Z
WINDOW_END = BASE + 16 * 60_000  # the proxy export ends at 11:16 (ORM leaks are reclaimed after it)


def rid():
    return str(uuid.UUID(int=R.getrandbits(128), version=4))


def hexn(n):
    return "%0*x" % (n, R.getrandbits(4 * n))


def event_id(ts):
    # as samples/make_samples.py: (timestamp << 144) | 140 random bits, 56 digits
    return str((ts << 144) | R.getrandbits(140))


def iso_ms(ms):
    d = datetime.fromtimestamp(ms // 1000, timezone.utc)
    return d.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % (ms % 1000)


def ev(stream, ts, message):
    return {"logStreamName": stream, "timestamp": ts, "message": message,
            "ingestionTime": ts + R.randint(300, 2500), "eventId": event_id(ts)}


# Each runtime's text layout (samples/runtimes, research/runtimes.md) for one application line.
def python_line(ts, req, text, level="INFO"):
    return "[%s]\t%s\t%s\t%s\n" % (level, iso_ms(ts), req, text)


def node_line(ts, req, text, level="INFO"):
    return "%s\t%s\t%s\t%s\n" % (iso_ms(ts), req, level, text)


def dotnet_line(ts, req, text, level="info"):
    return "%s\t%s\t%s\t%s\n" % (iso_ms(ts), req, level, text)


def ruby_line(ts, req, text, level="I", name="INFO"):
    d = datetime.fromtimestamp(ts // 1000, timezone.utc)
    return "%s, [%s.%06d #8] %5s %s -- : %s" % (level, d.strftime("%Y-%m-%dT%H:%M:%S"), (ts % 1000) * 1000 + R.randint(0, 999), name, req, text)


def java_line(ts, req, text, level="INFO", logger="OrderHandler"):
    d = datetime.fromtimestamp(ts // 1000, timezone.utc)
    # aws-lambda-java-log4j2's documented pattern: %d{yyyy-MM-dd HH:mm:ss} %X{AWSRequestId} %-5p %c{1} - %m%n
    return "%s %s %-5s %s - %s\n" % (d.strftime("%Y-%m-%d %H:%M:%S"), req, level, logger, text)


RUNTIMES = {
    "python3.12": ("python:3.12.v64", "286cfed1ddfdfb830c664ddc4cb18178ab2b654e6099af4b53362a0063cad57d", python_line),
    "nodejs20.x": ("nodejs:20.v58", "04a15ed0be77777e6a7870601a48e2faef1c196ec926b182cf70e50307cf81e6", node_line),
    "java21": ("java:21.v41", "f7e5f403e15a4e79894a1a3fadafb74ebff60b7e75dfc277c69227904c1e464d", java_line),
    "ruby3.3": ("ruby:3.3.v27", "757b7cb1d3eca44e7696cf50359b3a63facc866c2776e8833caf501045c5fff2", ruby_line),
    "dotnet8": ("dotnet:8.v45", "f763d97dd33d32c8c05cdcc20cf2ec1fb8e4d2bcc1939bbd5182a61a140489f5", dotnet_line),
}

# name, runtime, start offset (s after 11:00), proxy side of the timeout, the timed-out invocation's lines
# (each: ms after its START, text, and "raw" when the ORM writes it itself, not through the runtime's logger).
CASES = [
    ("orders-psycopg", "python3.12", 0, "reclaimed-idle", [
        (12, "reserving stock for ord_7e21c9a4d0", None),
        (61, "stock row locked for sku 44-1093", None),
    ]),
    ("orders-sqlalchemy", "python3.12", 120, "fin", [
        (9, "reserving stock for ord_5d0b7f6c12", None),
        (14, "BEGIN (implicit)", "sqlalchemy"),
        (18, "SELECT stock.id, stock.qty FROM stock WHERE stock.sku = %(sku_1)s FOR UPDATE", "sqlalchemy"),
    ]),
    ("orders-sequelize", "nodejs20.x", 240, "fin", [
        (7, "reserving stock for ord_2a9c4e7b31", None),
        (11, "Executing (2f6b1c9e-8d3a-4e57-b0c2-7a1d9e4f6b38): START TRANSACTION;", None),
        (16, "Executing (2f6b1c9e-8d3a-4e57-b0c2-7a1d9e4f6b38): SELECT \"id\", \"qty\" FROM \"stock\" AS \"Stock\" WHERE \"Stock\".\"sku\" = '44-1093' FOR UPDATE;", None),
    ]),
    ("orders-spring", "java21", 360, "pinned-no-close", [
        (15, "reserving stock for ord_8c3e0a1f67", None),
        (19, "Creating new transaction with name [com.example.orders.StockService.reserve]: PROPAGATION_REQUIRED,ISOLATION_DEFAULT", "JpaTransactionManager"),
        (26, "select s1_0.id,s1_0.qty from stock s1_0 where s1_0.sku=? for update", "SQL"),
    ]),
    ("orders-activerecord", "ruby3.3", 480, "pinned-no-close", [
        (8, "reserving stock for ord_6f1d2b8a94", None),
        (12, "  TRANSACTION (0.2ms)  BEGIN", "activerecord"),
        (17, "  Stock Load (1.1ms)  SELECT \"stocks\".* FROM \"stocks\" WHERE \"stocks\".\"sku\" = $1 LIMIT $2 FOR UPDATE  [[\"sku\", \"44-1093\"], [\"LIMIT\", 1]]", "activerecord"),
    ]),
    ("orders-efcore", "dotnet8", 600, "pinned-no-close", [
        (10, "reserving stock for ord_0b7e5c2d18", None),
        (14, "Began transaction with isolation level 'ReadCommitted'.", "dbug"),
        (21, "Executed DbCommand (4ms) [Parameters=[@__sku_0='44-1093'], CommandType='Text', CommandTimeout='30']\nSELECT s.id, s.qty FROM stock AS s WHERE s.sku = @__sku_0 FOR UPDATE", "info"),
    ]),
    ("orders-http", "python3.12", 720, "idle", [
        (10, "reserving stock for ord_c41a7e2b05", None),
        (38, "stock reserved for ord_c41a7e2b05", None),
        (44, "calling https://quotes.partner.example/v2/shipping-quotes?sku=44-1093", None),
    ]),
]


def function_lines(runtime, ts, req, text, how):
    render = RUNTIMES[runtime][2]
    if how == "sqlalchemy":   # echo=True: its own stdout handler, "%(asctime)s %(levelname)s %(name)s %(message)s"
        d = datetime.fromtimestamp(ts // 1000, timezone.utc)
        return "%s,%03d INFO sqlalchemy.engine.Engine %s\n" % (d.strftime("%Y-%m-%d %H:%M:%S"), ts % 1000, text)
    if how == "activerecord":
        return ruby_line(ts, req, text, level="D", name="DEBUG")
    if how in ("JpaTransactionManager", "SQL"):
        return java_line(ts, req, text, level="DEBUG", logger=how)
    if how in ("dbug", "info"):
        return dotnet_line(ts, req, text, level=how)
    return render(ts, req, text)


def main():
    proxy_events = []
    client_ids = iter(R.sample(range(1_000_000_000, 4_294_967_295), 40))
    db_ids = iter(R.sample(range(1_000_000_000, 4_294_967_295), 40))
    truth = []
    for function, runtime, offset, proxy_side, lines in CASES:
        version, arn_hash, render = RUNTIMES[runtime]
        stream = "2026/03/14/[$LATEST]" + hexn(32)
        events = []
        t = BASE + offset * 1000 + R.randint(100, 900)
        events.append(ev(stream, t, "INIT_START Runtime Version: %s\tRuntime Version ARN: arn:aws:lambda:%s::runtime:%s\n" % (version, REGION, arn_hash)))
        # Invocation 1: cold start, connects through the proxy, succeeds.
        req1 = rid()
        s1 = t + R.randint(300, 600)
        client, db = next(client_ids), next(db_ids)
        client_ip = "10.42.%d.%d" % (R.randint(16, 31), R.randint(2, 250))
        events.append(ev(stream, s1, "START RequestId: %s Version: $LATEST\n" % req1))
        events.append(ev(stream, s1 + 4, function_lines(runtime, s1 + 4, req1, "connecting to %s:5432" % ENDPOINT, None)))
        events.append(ev(stream, s1 + 95, function_lines(runtime, s1 + 95, req1, "health check ok", None)))
        e1 = s1 + 120
        events.append(ev(stream, e1, "END RequestId: %s\n" % req1))
        events.append(ev(stream, e1, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: 512 MB\tMax Memory Used: 96 MB\tInit Duration: %.2f ms\t\n" % (req1, e1 - s1 - 0.37, e1 - s1 + 300, 412.58)))
        p = s1 + 10  # proxy-embedded time of the connect
        proxy_events.append((p, "[INFO] [proxyEndpoint=default] [clientConnection=%d] A new client connected from %s:%d." % (client, client_ip, R.randint(1024, 65000))))
        proxy_events.append((p + 6, "[INFO] [proxyEndpoint=default] [clientConnection=%d] Proxy authentication with PostgreSQL SCRAM SHA 256 authentication succeeded for user \"orders_app\" with TLS on." % client))
        proxy_events.append((p + 9, "[INFO] [dbConnection=%d] A TCP connection was established from the proxy at 10.42.32.17:%d to the database at 10.42.48.20:5432." % (db, R.randint(1024, 65000))))
        pinned = proxy_side != "idle"
        if pinned:
            proxy_events.append((p + 12, "[WARN] [proxyEndpoint=default] [clientConnection=%d] The client session was pinned to the database connection [dbConnection=%d] for the remainder of the session. The proxy can't reuse this connection until the session ends. Reason: A parse message was detected." % (client, db)))
        # Invocation 2, 20-30 s later on the same warm instance: times out.
        req2 = rid()
        s2 = e1 + R.randint(20_000, 30_000)
        events.append(ev(stream, s2, "START RequestId: %s Version: $LATEST\n" % req2))
        last_query = s2
        for after, text, how in lines:
            events.append(ev(stream, s2 + after, function_lines(runtime, s2 + after, req2, text, how)))
            last_query = s2 + after
        e2 = s2 + TIMEOUT_S * 1000
        events.append(ev(stream, e2, "END RequestId: %s\n" % req2))
        events.append(ev(stream, e2, "REPORT RequestId: %s\tDuration: %d.00 ms\tBilled Duration: %d ms\tMemory Size: 512 MB\tMax Memory Used: 118 MB\tStatus: timeout\n" % (req2, TIMEOUT_S * 1000, TIMEOUT_S * 1000)))
        if proxy_side == "fin":
            # The frozen environment's socket is closed: the proxy sees the client go mid-request.
            c = e2 + R.randint(200, 1500)
            proxy_events.append((c, "[INFO] [proxyEndpoint=default] [clientConnection=%d] The client connection closed. Reason: The TCP channel was closed by either the client or the proxy." % client))
            proxy_events.append((c + 3, "[INFO] [dbConnection=%d] The database connection closed. Reason: The client connection that borrowed this database connection from the connection pool was closed in the middle of a request." % db))
        elif proxy_side == "reclaimed-idle":
            # No FIN: the session stays until IdleClientTimeout after its last query, then the
            # proxy closes it, and its database connection, still in the request, with it.
            c = last_query + IDLE_S * 1000 + R.randint(100, 900)
            proxy_events.append((c, "[INFO] [proxyEndpoint=default] [clientConnection=%d] The client connection closed. Reason: The client connection was idle for longer than the idle client timeout." % client))
            proxy_events.append((c + 2, "[INFO] [dbConnection=%d] The database connection closed. Reason: The client connection that borrowed this database connection from the connection pool was closed in the middle of a request." % db))
        elif proxy_side == "idle":
            # The HTTP call's environment held no transaction: its database connection went back
            # to the pool after each statement, and the session is idle, not busy.
            proxy_events.append((s2 + 39, "[INFO] [dbConnection=%d] The database connection was released to the connection pool upon session reset." % db))
        # After the timeout the environment initialises again in the same stream.
        t3 = e2 + R.randint(400, 900)
        events.append(ev(stream, t3, "INIT_START Runtime Version: %s\tRuntime Version ARN: arn:aws:lambda:%s::runtime:%s\n" % (version, REGION, arn_hash)))
        os.makedirs(os.path.join(HERE, "cloudwatch", "lambda", function), exist_ok=True)
        with open(os.path.join(HERE, "cloudwatch", "lambda", function, "%s_2026-03-14T1100Z_1130Z.json" % function), "w") as f:
            json.dump({"events": events, "searchedLogStreams": []}, f, indent=4)
            f.write("\n")
        cause = "unclassified" if proxy_side == "idle" else "lambda-timeout-pinning-leak"
        decided_by = {"reclaimed-idle": "The database connection closed. Reason: The client connection that borrowed this database connection from the connection pool was closed in the middle of a request.",
                      "idle": None}.get(proxy_side, next((text for _, text, how in lines if how or "TRANSACTION" in text), None))
        truth.append({"function": function, "runtime": runtime, "request_id": req2, "cause": cause, "proxy_side": proxy_side, "decided_by": decided_by})
        # Function configuration, shaped as samples/incident's.
        with open(os.path.join(INCIDENT, "get-function-configuration_inventory-api.json")) as f:
            config = json.load(f)
        config.update({"FunctionName": function, "FunctionArn": "arn:aws:lambda:%s:%s:function:%s" % (REGION, ACCOUNT, function),
                       "Runtime": runtime, "Timeout": TIMEOUT_S, "Role": "arn:aws:iam::%s:role/%s-exec" % (ACCOUNT, function)})
        config["Environment"] = {"Variables": {"DB_HOST": ENDPOINT, "DB_PORT": "5432", "DB_NAME": "orders", "DB_USER": "orders_app"}}
        config["LoggingConfig"] = {"LogFormat": "Text", "LogGroup": "/aws/lambda/" + function}
        os.makedirs(os.path.join(HERE, "config"), exist_ok=True)
        with open(os.path.join(HERE, "config", "get-function-configuration_%s.json" % function), "w") as f:
            json.dump(config, f, indent=4)
            f.write("\n")
    # The proxy's log group: CloudWatch time lags the embedded time by up to ~5 s (formats.md §3).
    stream = hexn(32)
    proxy_events.sort()
    records = [ev(stream, p + R.randint(300, 4000), "%s %s" % (iso_ms(p), text)) for p, text in proxy_events if p < WINDOW_END]
    records.sort(key=lambda e: e["timestamp"])
    os.makedirs(os.path.join(HERE, "cloudwatch", "rds-proxy", PROXY), exist_ok=True)
    with open(os.path.join(HERE, "cloudwatch", "rds-proxy", PROXY, "%s_2026-03-14T1100Z_1116Z.json" % PROXY), "w") as f:
        json.dump({"events": records, "searchedLogStreams": []}, f, indent=4)
        f.write("\n")
    with open(os.path.join(INCIDENT, "describe-db-proxies.json")) as f:
        proxies = json.load(f)
    proxy = copy.deepcopy(proxies["DBProxies"][0])
    proxy.update({"DBProxyName": PROXY, "DBProxyArn": "arn:aws:rds:%s:%s:db-proxy:prx-%s" % (REGION, ACCOUNT, hexn(17)),
                  "Endpoint": ENDPOINT, "IdleClientTimeout": IDLE_S, "RoleArn": "arn:aws:iam::%s:role/%s-secrets-role" % (ACCOUNT, PROXY)})
    proxy["Auth"] = [dict(proxy["Auth"][0], UserName="orders_app", SecretArn="arn:aws:secretsmanager:%s:%s:secret:rds-proxy/orders_app-%s" % (REGION, ACCOUNT, hexn(6)))]
    with open(os.path.join(HERE, "config", "describe-db-proxies.json"), "w") as f:
        json.dump({"DBProxies": [proxy]}, f, indent=4)
        f.write("\n")
    with open(os.path.join(HERE, "truth.json"), "w") as f:
        json.dump(truth, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
