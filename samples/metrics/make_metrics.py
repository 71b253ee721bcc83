#!/usr/bin/env python3
"""Writes the metric samples for the shared public corpus's incident (2025-12-07 13:30-14:10 UTC,
proxies orders-pg-proxy and ledger-sql-proxy, functions orders-api, billing-worker and
ledger-writer), shaped exactly as the AWS CLI v2 prints `get-metric-data` and
`get-metric-statistics` (JSON output: 4-space indent, keys in the output shape's order,
timestamps ISO-8601 with +00:00, get-metric-data newest first, get-metric-statistics unordered),
the `--metric-data-queries` JSON, and the console's CSV download of a graph.

The series follow the incident's truth (../../../shared/corpus/public/truth): the ledger proxy's
pool (MaxDatabaseConnectionsAllowed 24) is fully borrowed in the minutes its borrow timeouts
happen, pinned sessions rise with the pinning leaks, QueryDatabaseResponseLatency spikes in the
slow-query windows. Deterministic: run it again and nothing changes.

    python3 samples/metrics/make_metrics.py [path/to/corpus/public]
"""
import collections
import json
import os
import random
import sys
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "shared", "corpus", "public")
START = datetime(2025, 12, 7, 13, 30, tzinfo=timezone.utc)
MINUTES = 40
PROXIES = {"orders-pg-proxy": 80, "ledger-sql-proxy": 24}
FUNCTION_PROXY = {"orders-api": "orders-pg-proxy", "billing-worker": "orders-pg-proxy", "ledger-writer": "ledger-sql-proxy"}
SLOW = {"orders-pg-proxy": (25, 30), "ledger-sql-proxy": (15, 19)}  # minutes after 13:30 (truth slow_windows_s)
SPIKES = [(8, 16, 5.0), (29, 37, 3.0)]  # truth spikes_s, in minutes

rng = random.Random(15)


def iso(minute):
    return (START + timedelta(minutes=minute)).isoformat()


def truth_counts():
    """(mechanism, function) -> Counter of minute index."""
    counts = collections.defaultdict(collections.Counter)
    path = os.path.join(CORPUS, "truth", "truth.ndjson")
    with open(path) as f:
        for line in f:
            row = json.loads(line)
            t = datetime.strptime(row["time"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)
            counts[(row["mechanism"], row["function"])][int((t - START).total_seconds() // 60)] += 1
    return counts


def load_factor(minute):
    for a, b, f in SPIKES:
        if a <= minute < b:
            return f
    return 1.0


def proxy_series(counts, proxy):
    maximum = PROXIES[proxy]
    functions = [f for f, p in FUNCTION_PROXY.items() if p == proxy]
    borrow_timeouts = collections.Counter()
    leaks = collections.Counter()
    for f in functions:
        borrow_timeouts.update(counts[("borrow-timeout-pool-exhausted-by-leak", f)])
        for mech in ("open-txn-on-pinned-session-fin", "open-txn-on-pinned-session-no-fin"):
            leaks.update(counts[(mech, f)])
    series = collections.defaultdict(list)
    held = 0.0
    for m in range(MINUTES):
        load = load_factor(m)
        # Leaked pinned sessions stay held for a few minutes.
        held = held * 0.6 + leaks[m] * 1.5
        pinned = round(min(maximum, 2 + held + rng.random() * 2))
        busy = min(maximum, round(maximum * (0.18 + 0.06 * load) + held + rng.random() * 3))
        if borrow_timeouts[m] or borrow_timeouts[m - 1] and borrow_timeouts[m + 1]:
            busy = maximum
        series["MaxDatabaseConnectionsAllowed"].append(float(maximum))
        series["DatabaseConnectionsCurrentlyBorrowed"].append(float(busy))
        series["DatabaseConnections"].append(float(min(maximum, busy + round(maximum * 0.1))))
        series["DatabaseConnectionsCurrentlySessionPinned"].append(float(min(pinned, busy)))
        series["DatabaseConnectionsCurrentlyInTransaction"].append(float(max(1, round(busy * 0.55))))
        series["ClientConnections"].append(float(round(maximum * 0.45 * load + rng.random() * 6)))
        slow = SLOW[proxy][0] <= m < SLOW[proxy][1]
        latency = rng.uniform(2_800, 6_500) if not slow else rng.uniform(2_400_000, 4_800_000)
        series["QueryDatabaseResponseLatency"].append(round(latency, 2))
        borrow_latency = rng.uniform(150, 420) if busy < maximum else rng.uniform(4_000_000, 9_000_000)
        series["DatabaseConnectionsBorrowLatency"].append(round(borrow_latency, 2))
    return series


STATS = {"DatabaseConnectionsBorrowLatency": "Average", "QueryDatabaseResponseLatency": "Average"}
UNITS = {"DatabaseConnectionsBorrowLatency": "Microseconds", "QueryDatabaseResponseLatency": "Microseconds"}
IDS = {
    "ClientConnections": "clientConnections", "DatabaseConnections": "dbConnections",
    "DatabaseConnectionsCurrentlyBorrowed": "borrowed", "DatabaseConnectionsCurrentlySessionPinned": "pinned",
    "DatabaseConnectionsCurrentlyInTransaction": "inTransaction", "MaxDatabaseConnectionsAllowed": "maxAllowed",
    "QueryDatabaseResponseLatency": "queryLatency", "DatabaseConnectionsBorrowLatency": "borrowLatency",
}


def queries(proxy):
    out = []
    for metric, qid in IDS.items():
        out.append({
            "Id": qid,
            "MetricStat": {
                "Metric": {"Namespace": "AWS/RDS", "MetricName": metric, "Dimensions": [{"Name": "ProxyName", "Value": proxy}]},
                "Period": 60,
                "Stat": STATS.get(metric, "Sum"),
            },
            "ReturnData": True,
        })
    out.append({"Id": "pinnedPercent", "Expression": "100 * pinned / dbConnections", "Label": "Pinned %", "ReturnData": True})
    return out


def metric_data_results(series, ids_minutes, with_percent=True):
    results = []
    for metric, qid in IDS.items():
        minutes = ids_minutes
        results.append({
            "Id": qid,
            "Label": metric,
            "Timestamps": [iso(m) for m in reversed(minutes)],
            "Values": [series[metric][m] for m in reversed(minutes)],
            "StatusCode": "Complete",
        })
    if with_percent:
        results.append({
            "Id": "pinnedPercent",
            "Label": "Pinned %",
            "Timestamps": [iso(m) for m in reversed(ids_minutes)],
            "Values": [round(100 * series["DatabaseConnectionsCurrentlySessionPinned"][m] / series["DatabaseConnections"][m], 4)
                       for m in reversed(ids_minutes)],
            "StatusCode": "Complete",
        })
    return results


def js_number(value):
    """A number as the console's JavaScript prints it: integers without a fraction, others in
    the shortest form that reads back the same (Python's repr does the same for these values)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def write(relative, document):
    path = os.path.join(HERE, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        if isinstance(document, str):
            f.write(document)
        else:
            f.write(json.dumps(document, indent=4, ensure_ascii=False) + "\n")


def main():
    counts = truth_counts()
    all_minutes = list(range(MINUTES))
    for proxy in PROXIES:
        series = proxy_series(counts, proxy)
        write(f"{proxy}/metric-data-queries_{proxy}.json", queries(proxy))
        # The CLI's default: every page joined, no NextToken.
        write(f"{proxy}/get-metric-data_{proxy}.json", {"MetricDataResults": metric_data_results(series, all_minutes), "Messages": []})
        if proxy == "orders-pg-proxy":
            # `--no-paginate --max-datapoints 200`: the first page, newest 25 minutes of each
            # metric, PartialData and a NextToken (as the service returns it); the same points
            # as the joined file, so they are stored once.
            page = metric_data_results(series, all_minutes[15:], with_percent=False)
            for result in page:
                result["StatusCode"] = "PartialData"
            write(f"{proxy}/get-metric-data_{proxy}_page1.json", {
                "MetricDataResults": page,
                "NextToken": "AQICAHiU0x9aW5hb2JvYm9hcmdzLWV4YW1wbGUtdG9rZW4tZm9yLXByb3h5bGVucy1zYW1wbGUtb25seQ==",
                "Messages": [],
            })
            # get-metric-statistics: Label then Datapoints (unordered), each with the stats asked.
            datapoints = []
            for m in all_minutes:
                v = series["ClientConnections"][m]
                datapoints.append({"Timestamp": iso(m), "Sum": v, "Maximum": v, "Unit": "Count"})
            rng.shuffle(datapoints)
            write(f"{proxy}/get-metric-statistics_{proxy}_ClientConnections.json", {"Label": "ClientConnections", "Datapoints": datapoints})
            # The console's CSV download of a graph (Actions > Download as .csv), in the layout of
            # the one real download found (../containers/metrics-console-csv/README.md): rows keyed
            # by their first field (Id, StatusCode, Messages, Full label, Label), then one row per
            # period, oldest first, `YYYY/MM/DD HH:MM:SS` with no zone (the console set to UTC),
            # values as JavaScript prints numbers, LF line ends and no final newline. One column
            # per series is inferred from the row names; the real file has one series.
            metrics = ["DatabaseConnectionsCurrentlyBorrowed", "MaxDatabaseConnectionsAllowed", "DatabaseConnectionsCurrentlySessionPinned"]
            lines = [
                "Id," + ",".join(f"m{index + 1}" for index in range(len(metrics))),
                "StatusCode," + ",".join("Complete" for _ in metrics),
                "Messages," + ",".join("" for _ in metrics),
                "Full label," + ",".join(f"us-east-1:AWS/RDS ProxyName:{proxy} {metric} Sum 60" for metric in metrics),
                "Label," + ",".join(metrics),
            ]
            for m in all_minutes:
                stamp = (START + timedelta(minutes=m)).strftime("%Y/%m/%d %H:%M:%S")
                lines.append(stamp + "," + ",".join(js_number(series[metric][m]) for metric in metrics))
            write(f"{proxy}/console-graph_{proxy}.csv", "\n".join(lines))

    # Lambda function metrics, with labels that name them (no queries file).
    results = []
    per_function = {}
    for index, function in enumerate(FUNCTION_PROXY):
        failures = collections.Counter()
        for (mech, f), c in counts.items():
            if f == function:
                failures.update(c)
        base = [210, 160, 120][index]
        values = collections.defaultdict(list)
        for m in all_minutes:
            load = load_factor(m)
            invocations = round(base * load * rng.uniform(0.92, 1.08))
            concurrency = round(invocations * [0.9, 2.2, 3.1][index] / 60 * 10) / 10 + 1
            throttles = max(0, round((load - 2.5) * rng.uniform(4, 9))) if function == "billing-worker" else 0
            values["Invocations"].append(float(invocations))
            values["Errors"].append(float(failures[m]))
            values["Throttles"].append(float(throttles))
            values["ConcurrentExecutions"].append(float(round(concurrency)))
            values["Duration"].append(round(rng.uniform(180, 420) * (1.6 if load > 1 else 1.0), 2))
        per_function[function] = values
        for metric, stat in [("Invocations", "Sum"), ("Errors", "Sum"), ("Throttles", "Sum"), ("ConcurrentExecutions", "Maximum"),
                             ("Duration", "Average")]:
            results.append({
                "Id": f"m{len(results) + 1}",
                "Label": f"{function} {metric} {stat} 60",
                "Timestamps": [iso(m) for m in reversed(all_minutes)],
                "Values": [values[metric][m] for m in reversed(all_minutes)],
                "StatusCode": "Complete",
            })
    write("functions/get-metric-data_labelled.json", {"MetricDataResults": results, "Messages": []})
    throttles = [{"Timestamp": iso(m), "Sum": per_function["orders-api"]["Throttles"][m], "Unit": "Count"} for m in all_minutes]
    rng.shuffle(throttles)
    write("functions/get-metric-statistics_orders-api_Throttles.json", {"Label": "Throttles", "Datapoints": throttles})
    durations = []
    for m in all_minutes:
        avg = per_function["billing-worker"]["Duration"][m]
        durations.append({"Timestamp": iso(m), "Average": avg, "Unit": "Milliseconds",
                          "ExtendedStatistics": {"p99": round(avg * 3.4, 2)}})
    rng.shuffle(durations)
    write("functions/get-metric-statistics_billing-worker_Duration.json", {"Label": "Duration", "Datapoints": durations})


if __name__ == "__main__":
    main()
