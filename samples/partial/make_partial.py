#!/usr/bin/env python3
"""Builds samples/partial/ from the events of samples/incident (inventory-api, a Python 3.12
function behind an RDS Proxy for PostgreSQL): the same incident as people really hold it.

  filtered/        filter-log-events --filter-pattern "?ERROR ?Exception ?exception ?timed ?timeout": error and timeout lines only
  insights/        the Logs Insights console's CSV download of an error query, newest first
  tail-fragment/   a piece of `aws logs tail --format short` pasted into a ticket, cut mid-invocation
  forwarder/       a CloudWatch Logs subscription DATA_MESSAGE whose forwarder escaped the text twice
  duplicate-burst/ a filter-log-events page holding a retry burst: one text, one millisecond, three eventIds,
                   with an overlapping second page and the same events as tail text

Each folder's truth is samples/partial-truth/<folder>.ndjson: the failures of
samples/incident-truth/truth.ndjson whose request id it holds.
Deterministic: the only random choices (the burst's ids) come from --seed. Run from the repository root:
    python3 samples/partial/make_partial.py
"""
import argparse, csv, gzip, io, json, os, random, re
from datetime import datetime, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOURCE = os.path.join(ROOT, "samples/incident/cloudwatch/lambda/inventory-api")
TRUTH = os.path.join(ROOT, "samples/incident-truth/truth.ndjson")
OUT = os.path.join(ROOT, "samples/partial")
TRUTH_OUT = os.path.join(ROOT, "samples/partial-truth")
GROUP = "/aws/lambda/inventory-api"
ACCOUNT = "730335218964"
REQUEST_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def load_events():
    events = []
    for name in sorted(os.listdir(SOURCE)):
        path = os.path.join(SOURCE, name)
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            events += json.load(f)["events"]
    events.sort(key=lambda e: (e["timestamp"], e["eventId"]))
    return events


def truth_rows():
    with open(TRUTH) as f:
        return [json.loads(line) for line in f if json.loads(line)["function"] == "inventory-api"]


def terms_match(message, terms):
    """A CloudWatch filter pattern of ?-joined terms: an event matches when any term is in its
    message as a whole word (letters, digits and _ around it do not continue it). Case-sensitive."""
    return any(re.search(r"(?<![A-Za-z0-9_])" + re.escape(t) + r"(?![A-Za-z0-9_])", message) for t in terms)


def write_page(path, events, extra=None):
    """As the AWS CLI prints a FilterLogEvents response (--output json): four-space indent, the
    events' keys in the service's order, then searchedLogStreams."""
    page = {"events": [{k: e[k] for k in ("logStreamName", "timestamp", "message", "ingestionTime", "eventId")} for e in events]}
    page.update(extra or {"searchedLogStreams": []})
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(page, indent=4, ensure_ascii=False) + "\n")


def write_truth(folder, request_ids, rows, incomplete=()):
    # Beside the samples, not in them (as samples/incident-truth): a folder given to ingest is read whole.
    # Rows with "status": "incomplete" are invocations the sample shows begun and not ended, with
    # nothing that says they failed: to be reported as incomplete, never as a success or a failure.
    os.makedirs(TRUTH_OUT, exist_ok=True)
    with open(os.path.join(TRUTH_OUT, os.path.basename(folder) + ".ndjson"), "w") as f:
        for row in rows:
            if row["request_id"] in request_ids:
                f.write(json.dumps(row) + "\n")
        for request_id in sorted(incomplete):
            f.write(json.dumps({"request_id": request_id, "status": "incomplete"}) + "\n")


def not_seen_ending(events, failed):
    # Invocations the events name that did not fail and whose END or REPORT the events do not hold:
    # an export filtered to errors keeps their error lines (a handled error) and nothing that says
    # how they ended.
    named = {i for e in events for i in REQUEST_ID.findall(e["message"])}
    ended = {i for e in events if e["message"].startswith(("END ", "REPORT ")) for i in REQUEST_ID.findall(e["message"])}
    return named - ended - failed


def mkdir(name):
    folder = os.path.join(OUT, name)
    os.makedirs(folder, exist_ok=True)
    return folder


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=2126)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    events = load_events()
    truth = truth_rows()
    failed = {row["request_id"] for row in truth}

    # filter-log-events --filter-pattern "?ERROR ?Exception ?exception ?timed ?timeout" over the incident's
    # window: errors and timeouts, as someone after the failures would filter (both spellings: Python's
    # runtime names the request only in "LAMBDA_WARNING: Unhandled exception"; "timeout" keeps the REPORT
    # lines of timed-out invocations, "Status: timeout", as well as the drivers' own timeouts).
    terms = ["ERROR", "Exception", "exception", "timed", "timeout"]
    selected = [e for e in events if terms_match(e["message"], terms)]
    folder = mkdir("filtered")
    write_page(os.path.join(folder, "inventory-api_filter-errors.json"), selected)
    write_truth(folder, {i for e in selected for i in REQUEST_ID.findall(e["message"])} & failed, truth,
                incomplete=not_seen_ending(selected, failed))

    # Logs Insights: fields @timestamp, @message, @logStream, @log
    #   | filter @message like /ERROR|Exception|exception|timed out|timeout/ | sort @timestamp desc | limit 10000
    # downloaded from the console as CSV (columns in the query's order, RFC 4180 quoting, rows end in \n).
    pattern = re.compile(r"ERROR|Exception|exception|timed out|timeout")
    rows = sorted((e for e in events if pattern.search(e["message"])), key=lambda e: e["timestamp"], reverse=True)
    folder = mkdir("insights")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["@timestamp", "@message", "@logStream", "@log"])
    for e in rows:
        when = datetime.fromtimestamp(e["timestamp"] / 1000, tz=timezone.utc).strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (e["timestamp"] % 1000)
        writer.writerow([when, e["message"], e["logStreamName"], ACCOUNT + ":" + GROUP])
    with open(os.path.join(folder, "inventory-api_errors.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(buffer.getvalue())
    write_truth(folder, {i for e in rows for i in REQUEST_ID.findall(e["message"])} & failed, truth,
                incomplete=not_seen_ending(rows, failed))

    # aws logs tail --format short: "<time to the second> <message>", no stream, no ids. A ticket's
    # paste: from one invocation's START to the error of a failed one, whose END/REPORT is not there.
    by_stream = {}
    for e in events:
        by_stream.setdefault(e["logStreamName"], []).append(e)
    stream, fragment = None, None
    for name in sorted(by_stream):
        lines = by_stream[name]
        starts = [k for k, e in enumerate(lines) if e["message"].startswith("START ")]
        for a, b in zip(starts, starts[1:]):
            ids = REQUEST_ID.findall(lines[b]["message"])
            if ids and ids[0] in failed:
                ends = [k for k in range(b, len(lines)) if lines[k]["message"].startswith("END ")]
                if ends:
                    stream, fragment = name, lines[a:ends[0]]
                    break
        if fragment:
            break
    folder = mkdir("tail-fragment")
    with open(os.path.join(folder, "pasted-from-ticket.txt"), "w", encoding="utf-8") as f:
        for e in fragment:
            when = datetime.fromtimestamp(e["timestamp"] / 1000, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
            f.write(when + " " + e["message"].rstrip("\n") + "\n")
    # The failed invocation is cut before anything says it failed (its END, REPORT, error): what
    # the fragment shows is an invocation that began and was not seen to end, not a failure.
    cut = {i for e in fragment if e["message"].startswith("START ") for i in REQUEST_ID.findall(e["message"])}
    cut -= {i for e in fragment if e["message"].startswith(("END ", "REPORT ")) for i in REQUEST_ID.findall(e["message"])}
    write_truth(folder, set(), truth, incomplete=cut)

    # A subscription DATA_MESSAGE (what a subscription filter delivers, decoded) that a log
    # forwarder wrote back with its messages escaped a second time: tabs and newlines as the two
    # characters backslash-t and backslash-n. One stream with failures, whole.
    stream = next(name for name in sorted(by_stream)
                  if sum(1 for e in by_stream[name] for i in REQUEST_ID.findall(e["message"])[:1] if i in failed) >= 2)
    lines = by_stream[stream]
    folder = mkdir("forwarder")
    message = {"messageType": "DATA_MESSAGE", "owner": ACCOUNT, "logGroup": GROUP, "logStream": stream,
               "subscriptionFilters": ["inventory-api-to-forwarder"],
               "logEvents": [{"id": e["eventId"], "timestamp": e["timestamp"],
                              "message": e["message"].replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")} for e in lines]}
    with open(os.path.join(folder, "inventory-api_forwarded.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(message, separators=(",", ":"), ensure_ascii=False) + "\n")
    write_truth(folder, {i for e in lines for i in REQUEST_ID.findall(e["message"])} & failed, truth)

    # A retry burst: the first failed invocation of another stream logs the same warning three
    # times in one millisecond (a driver retrying), three CloudWatch events with their own ids;
    # page 1 ends after the burst, page 2 starts before it (an overlap), and the tail text of the
    # same events holds the burst's line three times with no ids.
    stream = next(name for name in sorted(by_stream) if name != message["logStream"]
                  and any(REQUEST_ID.findall(e["message"])[:1] and REQUEST_ID.findall(e["message"])[0] in failed for e in by_stream[name]))
    lines = list(by_stream[stream])
    at = next(k for k, e in enumerate(lines) if e["message"].startswith("START ") and REQUEST_ID.findall(e["message"])[0] in failed)
    request = REQUEST_ID.findall(lines[at]["message"])[0]
    first = lines[at + 1]
    ts = first["timestamp"]
    when = datetime.fromtimestamp(ts / 1000, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (ts % 1000)
    text = "[WARNING]\t%s\t%s\tretrying query after OperationalError (attempt 1 of 1)\n" % (when, request)
    base = int(first["eventId"])
    burst = [{"logStreamName": stream, "timestamp": ts, "message": text, "ingestionTime": first["ingestionTime"],
              "eventId": "%056d" % (base + rnd.randrange(1, 1 << 20) * 16 + k)} for k in range(3)]
    lines[at + 2:at + 2] = burst
    folder = mkdir("duplicate-burst")
    cut = at + 2 + len(burst)
    write_page(os.path.join(folder, "inventory-api_page1.json"), lines[:cut], {"nextToken": "Bxkq6kVGFtq2y_MoigeqscPOdhXVbhiVtLoAmXb5jCrI7fXLrP-k7JtkJ32Es2ZHU9hlM8F1bL-AdDQDfhgxR2dbcXN1H2V3RA-rCT-9l-cTTQiENPbDK6_5BuwbJJ3_HsDv9xMNjVAmJw7ZqLRgSvWgfRN8", "searchedLogStreams": []})
    write_page(os.path.join(folder, "inventory-api_page2.json"), lines[at:])
    with open(os.path.join(folder, "inventory-api_tail.txt"), "w", encoding="utf-8") as f:
        for e in lines:
            moment = datetime.fromtimestamp(e["timestamp"] / 1000, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + "%03d000+00:00" % (e["timestamp"] % 1000)
            f.write(moment + " " + stream + " " + e["message"].rstrip("\n") + "\n")
    write_truth(folder, {i for e in lines for i in REQUEST_ID.findall(e["message"])} & failed, truth)


if __name__ == "__main__":
    main()
