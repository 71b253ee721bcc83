#!/usr/bin/env bash
# proxylens ingest benchmark. Usage (from anywhere):
#   bench/run.sh [--corpus DIR] [--runs 3] [--proxylens PATH] [--skip jq,...] [--mb 850]
#   bench/run.sh --scale 0.5,1,2,4,8 [--keep-corpora] [...]   (time and memory against corpus size)
# Sets up .bench/venv with the Python duckdb and chdb packages when missing, then runs bench/bench.py
# (which generates .bench/corpus once if no --corpus is given). See bench/README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.bench/venv"
for tool in sqlite3 jq zcat xargs; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' is missing (apt-get install sqlite3 jq gzip findutils)" >&2; exit 1; }
done
if [ ! -x /usr/bin/time ]; then
  echo "bench: installing GNU time (apt) for peak-RSS measurement" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq time >/dev/null
  else echo "bench: /usr/bin/time missing: sudo apt-get install time" >&2; exit 1; fi
fi
if ! "$VENV/bin/python" -c 'import duckdb, chdb' 2>/dev/null; then
  echo "bench: creating $VENV with duckdb" >&2
  mkdir -p "$ROOT/.bench"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check duckdb chdb
fi
exec "$VENV/bin/python" "$ROOT/bench/bench.py" "$@"
