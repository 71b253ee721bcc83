#!/usr/bin/env python3
"""Reference D of the proxylens benchmark: load every event of a set of
`aws logs filter-log-events` outputs (.json / .json.gz) into a MergeTree table of a fresh
on-disk chDB (ClickHouse in-process, PyPI `chdb`) session, the whole run being one measured
process (Python's start and `import chdb` included, as for DuckDB).

    chdb_load.py --db OUT_DIR --files LIST

LIST is a text file with one path per line.  Prints one JSON line: {"rows": N, ...}.
"""
import argparse
import json
import os
import time

EVENTS = ("events Array(Tuple(logStreamName String, timestamp Int64, message String, "
          "ingestionTime Int64, eventId String))")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True, help="session folder (created)")
    ap.add_argument("--files", required=True)
    a = ap.parse_args()
    files = [line.strip() for line in open(a.files, encoding="utf-8") if line.strip()]
    start = time.time()
    from chdb import session
    s = session.Session(a.db)
    s.query("CREATE TABLE event (logStreamName String, timestamp Int64, message String, ingestionTime Int64, "
            "eventId String) ENGINE = MergeTree ORDER BY tuple()")
    # One INSERT … SELECT per file: ClickHouse reads each (gzip by its extension) as one JSON
    # object with its events[] typed explicitly, no schema inference, and unnests the array.
    for f in files:
        lit = "'" + f.replace("\\", "\\\\").replace("'", "\\'") + "'"
        s.query(f"INSERT INTO event SELECT e.1, e.2, e.3, e.4, e.5 FROM file({lit}, 'JSONEachRow', '{EVENTS}') "
                f"ARRAY JOIN events AS e SETTINGS input_format_json_ignore_unknown_keys_in_named_tuple = 1")
    rows = int(str(s.query("SELECT count() FROM event", "CSV")).strip())
    print(json.dumps({"rows": rows, "seconds": time.time() - start}))


if __name__ == "__main__":
    main()
