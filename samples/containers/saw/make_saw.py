#!/usr/bin/env python3
"""`saw watch <group>` (and `saw get --pretty <group>`) output, by the rules of blade/blade.go
(https://github.com/TylerBrock/saw/blob/master/blade/blade.go, formatEvent): `[<date>] (<stream>)
<message>` where the date is `time.UnixMilli(ts).Format(time.RFC3339)`, in the machine's local
zone (`Z` in UTC, else `+hh:mm`), whole seconds; the message has its trailing newlines removed
(`strings.TrimRight(message, "\\n")`) and is printed with `fmt.Println`; a message that is a JSON
object is re-marshalled by colorjson (not in this sample). fatih/color turns colour off when
stdout is not a terminal, so a saved file has none.

    python3 make_saw.py   # writes the sample next to this file
"""
import json
import os
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
CONTAINERS = os.path.dirname(HERE)


def rfc3339(ms, offset_minutes):
    zone = timezone(timedelta(minutes=offset_minutes))
    moment = datetime.fromtimestamp(ms // 1000, zone)
    text = moment.strftime('%Y-%m-%dT%H:%M:%S')
    if offset_minutes == 0:
        return text + 'Z'
    sign = '+' if offset_minutes > 0 else '-'
    return text + '%s%02d:%02d' % (sign, abs(offset_minutes) // 60, abs(offset_minutes) % 60)


def convert(events, offset_minutes=0):
    return ''.join('[%s] (%s) %s\n' % (rfc3339(e['timestamp'], offset_minutes), e['logStreamName'], e['message'].rstrip('\n'))
                   for e in events)


def main():
    with open(os.path.join(CONTAINERS, 'filter-log-events/catalog-sync_2026-03-14T0900Z_0915Z_page1.json'), encoding='utf-8') as f:
        events = json.load(f)['events']
    # Saved on a machine in Central European Time (UTC+01:00 in March).
    with open(os.path.join(HERE, 'catalog-sync_saw-watch.log'), 'w', encoding='utf-8', newline='') as f:
        f.write(convert(events, offset_minutes=60))


if __name__ == '__main__':
    main()
