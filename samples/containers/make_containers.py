#!/usr/bin/env python3
"""Writes the container files samples/containers/manifest.json lists, and the manifest: one small
file per export container and variant, with what each must parse to.

    python3 samples/containers/make_containers.py [--out SAMPLES_ROOT]

Only the files in its manifest are its own. The other folders here (aws-cli-*, awslogs, cw, saw,
sam-logs, same-events, event-lines, metrics-console-csv) are written by their own scripts or
copied from real public files, and this builder never touches them.

Python 3 standard library only; shared helpers in samples/sample_model.py.
"""

import base64
import csv
import io
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from sample_model import *  # noqa: E402,F403  (the helpers read as they did in the single script)

# SEED advanced by the 43929 words that the shared ids and the incident drew before this builder
# when one generator fed them all: this folder keeps its bytes from before the split, and no
# longer moves when another builder changes.
SKIP = 43929


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


def verify(manifest):
    """Reads each listed file back: it exists, and page, CSV and Insights counts match the manifest."""
    problems = []

    def check(cond, msg):
        if not cond:
            problems.append(msg)

    for p, e in manifest["files"].items():
        check(os.path.exists(os.path.join(current_root(), "containers", p)), "missing " + p)
        if e["container"] in ("filter-log-events", "get-log-events"):
            check(len(read_page("containers/" + p)["events"]) == e["events"], "count " + p)
        if e["container"] == "insights-console-csv":
            rows_ = list(csv.reader(io.StringIO(read_file("containers/" + p).decode("utf-8"), newline="")))
            check(rows_[0] == ["@timestamp", "@message", "@logStream", "@log"] and len(rows_) - 1 == e["events"], "csv " + p)
        if e["container"] == "insights-get-query-results":
            check(len(json.loads(read_file("containers/" + p))["results"]) == e["events"], "insights " + p)
    return problems


def previous_files(root):
    """What the last run wrote, from its manifest: the only files here this builder may remove."""
    try:
        with open(os.path.join(root, "containers", "manifest.json"), encoding="utf-8") as f:
            return ["containers/" + p for p in json.load(f)["files"]]
    except (OSError, ValueError, KeyError):
        return []


def build(root):
    previous = previous_files(root)
    begin(root, SKIP)
    manifest = build_containers()
    return finish(__file__, "containers", manifest, verify(manifest), previous=previous)


if __name__ == "__main__":
    main("containers", build)
