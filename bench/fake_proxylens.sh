#!/usr/bin/env bash
# HARNESS SELF-TEST ONLY. This is NOT proxylens and measures nothing about it: it stands in for
# the binary so that bench/run.sh can be tested end to end before proxylens exists:
#   bench/run.sh --corpus DIR --proxylens bench/fake_proxylens.sh
# `ingest --db X PATH...` creates X with sqlite3 and imports nothing; `report` writes "{}";
# `classify` and `analyze` answer like an unknown subcommand, to exercise the "n/a" path.
set -euo pipefail
cmd="${1:-}"; shift || true
db=""; output=""
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --output) output="$2"; shift 2 ;;
    --format) shift 2 ;;
    *) shift ;;
  esac
done
case "$cmd" in
  --version) echo "fake_proxylens (harness self-test)" ;;
  ingest)
    [ -n "$db" ] || { echo "Error: Missing expected argument '--db <db>'" >&2; exit 64; }
    sqlite3 "$db" "CREATE TABLE IF NOT EXISTS event(logStreamName TEXT, timestamp INTEGER, message TEXT, ingestionTime INTEGER, eventId TEXT);" ;;
  report)
    [ -n "$output" ] && echo '{}' > "$output" || echo '{}' ;;
  *)
    echo "Error: Unexpected argument '$cmd'" >&2
    echo "Usage: proxylens <subcommand>" >&2
    exit 64 ;;
esac
