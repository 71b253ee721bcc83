#!/usr/bin/env python3
"""`awslogs get <group> [<stream>]` output, by the rules of awslogs/core.py
(https://github.com/jorgebastida/awslogs/blob/master/awslogs/core.py, AWSLogs.list_logs):
' '.join of the group (unless --no-group), the stream (unless --no-stream), with --timestamp
and --ingestion-time each as milis2iso (`<utcfromtimestamp().isoformat()>` cut to
milliseconds, then `Z`), and the message with trailing white space removed (`rstrip()`), so
a multi-line message continues on lines of its own. Each prefix part is coloured with termcolor
when colour is on (group green, stream cyan, timestamp yellow, ingestion time blue); the stream
is padded with `ljust` to the longest stream matched when a stream pattern is given (10 without).

    python3 make_awslogs.py   # writes the samples next to this file
"""
import json
import os
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
CONTAINERS = os.path.dirname(HERE)
COLOURS = {'green': 32, 'cyan': 36, 'yellow': 33, 'blue': 34}


def milis2iso(milis):
    res = datetime.fromtimestamp(milis / 1000.0, timezone.utc).replace(tzinfo=None).isoformat()
    return (res + ".000")[:23] + 'Z'


def convert(events, group, show_group=True, show_stream=True, timestamp=False, ingestion_time=False,
            colour=False, streams_matched=None):
    def colored(text, name):
        return '\x1b[%dm%s\x1b[0m' % (COLOURS[name], text) if colour else text
    width = max(len(s) for s in streams_matched) if streams_matched else 10
    lines = []
    for event in events:
        output = []
        if show_group:
            output.append(colored(group.ljust(len(group), ' '), 'green'))
        if show_stream:
            output.append(colored(event['logStreamName'].ljust(width, ' '), 'cyan'))
        if timestamp:
            output.append(colored(milis2iso(event['timestamp']), 'yellow'))
        if ingestion_time:
            output.append(colored(milis2iso(event['ingestionTime']), 'blue'))
        output.append(event['message'].rstrip())
        lines.append(' '.join(output) + '\n')
    return ''.join(lines)


def main():
    with open(os.path.join(CONTAINERS, 'filter-log-events/catalog-sync_2026-03-14T0900Z_0915Z_page1.json'), encoding='utf-8') as f:
        events = json.load(f)['events']
    group = '/aws/lambda/catalog-sync'
    with open(os.path.join(HERE, 'catalog-sync_awslogs-get.log'), 'w', encoding='utf-8', newline='') as f:
        f.write(convert(events, group, colour=True))
    with open(os.path.join(HERE, 'catalog-sync_awslogs-get_timestamp_no-group.log'), 'w', encoding='utf-8', newline='') as f:
        f.write(convert(events, group, show_group=False, timestamp=True))


if __name__ == '__main__':
    main()
