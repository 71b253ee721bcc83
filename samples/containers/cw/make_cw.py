#!/usr/bin/env python3
"""`cw tail -t -s <group>` output, by the rules of main.go
(https://github.com/lucagrulla/cw/blob/master/main.go, formatLogMsg): the message as it is
(its own trailing newline kept, then `fmt.Println` adds one: a Lambda message is followed by
an empty line), prefixed in turn by `<eventId> - ` (-i), `<stream> - ` (-s), `<group> - ` (-n)
and `<time> - ` (-t), so the time comes first; the time is `time.Unix(ts/1000, 0)` formatted
`2006-01-02T15:04:05` in the machine's local zone, with no zone written. fatih/color turns
colour off when stdout is not a terminal.

    python3 make_cw.py   # writes the sample next to this file
"""
import json
import os
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
CONTAINERS = os.path.dirname(HERE)


def convert(events, group, time=True, stream=True, group_name=False, event_id=False):
    lines = []
    for e in events:
        msg = e['message']
        if event_id:
            msg = '%s - %s' % (e['eventId'], msg)
        if stream:
            msg = '%s - %s' % (e['logStreamName'], msg)
        if group_name:
            msg = '%s - %s' % (group, msg)
        if time:
            ts = datetime.fromtimestamp(e['timestamp'] // 1000, timezone.utc).strftime('%Y-%m-%dT%H:%M:%S')
            msg = '%s - %s' % (ts, msg)
        lines.append(msg + '\n')
    return ''.join(lines)


def main():
    with open(os.path.join(CONTAINERS, 'filter-log-events/catalog-sync_2026-03-14T0900Z_0915Z_page1.json'), encoding='utf-8') as f:
        events = json.load(f)['events']
    # Saved on a machine whose zone is UTC.
    with open(os.path.join(HERE, 'catalog-sync_cw-tail-t-s.log'), 'w', encoding='utf-8', newline='') as f:
        f.write(convert(events, '/aws/lambda/catalog-sync'))


if __name__ == '__main__':
    main()
