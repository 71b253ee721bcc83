#!/usr/bin/env python3
"""Reference A of the proxylens benchmark: load every event of a set of
`aws logs filter-log-events` outputs (.json / .json.gz) into a table of a fresh on-disk
DuckDB database with DuckDB's `read_json`, the whole run being one measured process.

    duckdb_load.py --db OUT.duckdb --files LIST [--max-object-size BYTES] [--threads N]

LIST is a text file with one path per line.  Prints one JSON line: {"rows": N, ...}.
"""
import argparse
import json
import os
import sys
import time

EVENT_TYPE = ('STRUCT("logStreamName" VARCHAR, "timestamp" BIGINT, "message" VARCHAR, '
              '"ingestionTime" BIGINT, "eventId" VARCHAR)[]')


def sql_for(files, max_object_size):
    lit = "[" + ", ".join("'" + f.replace("'", "''") + "'" for f in files) + "]"
    # Each file is one pretty-printed JSON object {"events": [...], "searchedLogStreams": [],
    # maybe "nextToken"}: read it as one record with an explicit type for events[] (no
    # sampling / schema inference), then unnest events[] into one row per event.
    # .gz files are decompressed by DuckDB itself (compression='auto' goes by extension).
    return f"""
CREATE TABLE event AS
SELECT ev.logStreamName AS logStreamName,
       ev."timestamp"   AS "timestamp",
       ev.message       AS message,
       ev.ingestionTime AS ingestionTime,
       ev.eventId       AS eventId
FROM (
    SELECT unnest(events) AS ev
    FROM read_json({lit},
                   format = 'auto',
                   records = true,
                   compression = 'auto',
                   columns = {{'events': '{EVENT_TYPE}'}},
                   maximum_object_size = {max_object_size})
)"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--files", required=True)
    ap.add_argument("--max-object-size", type=int, default=256 * 1024 * 1024)
    ap.add_argument("--threads", type=int, default=0, help="0 = DuckDB default (all cores)")
    ap.add_argument("--print-sql", action="store_true")
    a = ap.parse_args()
    files = [l for l in open(a.files).read().splitlines() if l]
    sql = sql_for(files, a.max_object_size)
    if a.print_sql:
        print(sql)
        return
    import duckdb
    for suffix in ("", ".wal"):          # always a fresh database file
        if os.path.exists(a.db + suffix):
            os.remove(a.db + suffix)
    t = time.perf_counter()
    con = duckdb.connect(a.db)
    if a.threads:
        con.execute("SET threads = %d" % a.threads)
    con.execute(sql)
    rows = con.execute("SELECT count(*) FROM event").fetchone()[0]
    con.close()
    print(json.dumps(dict(rows=rows, seconds_in_process=round(time.perf_counter() - t, 3),
                          duckdb=duckdb.__version__, db_bytes=os.path.getsize(a.db))))


if __name__ == "__main__":
    main()
