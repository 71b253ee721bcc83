#!/usr/bin/env python3
"""`sam logs -n <function> --stack-name <stack>` text output, by the rules of AWS SAM CLI
(https://github.com/aws/aws-sam-cli/blob/develop/samcli/lib/observability/cw_logs/cw_log_formatters.py
and samcli/commands/logs/console_consumers.py, generate_text_consumer): a message that starts
with `{` and is JSON is re-indented (`json.dumps(..., indent=2)`), then CWPrettyPrintFormatter
writes `<stream> <timestamp> <message>` with the timestamp
`datetime.utcfromtimestamp(ts / 1000.0).isoformat()` (samcli/lib/utils/time.py: microseconds,
no zone, no fraction at all when it is zero), and CWAddNewLineIfItDoesntExist ends it with a
newline. click strips the colours when stdout is not a terminal. (`sam logs --output json`
writes the events one JSON object per line: the event-lines container.)

    python3 make_sam_logs.py   # writes the sample next to this file
"""
import json
import os
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
CONTAINERS = os.path.dirname(HERE)


def timestamp_to_iso(ms):
    return datetime.fromtimestamp(int(ms) / 1000.0, timezone.utc).replace(tzinfo=None).isoformat()


def convert(events):
    lines = []
    for e in events:
        message = e['message']
        if message.startswith('{'):
            try:
                message = json.dumps(json.loads(message), indent=2)
            except ValueError:
                pass
        line = '%s %s %s' % (e['logStreamName'], timestamp_to_iso(e['timestamp']), message)
        lines.append(line if line.endswith('\n') else line + '\n')
    return ''.join(lines)


def main():
    with open(os.path.join(CONTAINERS, 'filter-log-events/catalog-sync_2026-03-14T0900Z_0915Z_page1.json'), encoding='utf-8') as f:
        events = json.load(f)['events']
    with open(os.path.join(HERE, 'catalog-sync_sam-logs.log'), 'w', encoding='utf-8', newline='') as f:
        f.write(convert(events))


if __name__ == '__main__':
    main()
