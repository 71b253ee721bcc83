#!/usr/bin/env python3
"""The same events in every container proxylens reads: each `samples/runtimes/<set>.json`
(one filter-log-events response) written out as each container would hold it, by the
converters next to each container's sample (`../<container>/make_*.py`) and, for the
containers CloudWatch itself writes, by their documented shapes. `ContainerReaderTests`
ingests every file of a set and expects the invocations and failures of the set's JSON.

Events go out in time order (as filter-log-events returns them, interleaving streams).
Containers that name no stream (aws logs tail --format short, Insights without @logStream,
awslogs --no-stream) cannot give the same invocations and are left out; the YAML needs
ruamel.yaml (see ../aws-cli-yaml/make_aws_cli_yaml.py).

    python3 make_same_events.py   # rewrites the folders next to this file
"""
import gzip
import hashlib
import importlib.util
import json
import os
import shutil
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
CONTAINERS = os.path.dirname(HERE)
RUNTIMES = os.path.join(os.path.dirname(CONTAINERS), 'runtimes')
SETS = ['python-text', 'go-text']


def converter(folder, module):
    spec = importlib.util.spec_from_file_location(module, os.path.join(CONTAINERS, folder, module + '.py'))
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


def iso_ms(ms):
    return datetime.fromtimestamp(ms / 1000, timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (ms % 1000)


def write(path, text, mode='w'):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if mode == 'wb':
        with open(path, 'wb') as f:
            f.write(text)
    else:
        with open(path, 'w', encoding='utf-8', newline='') as f:
            f.write(text)


def stream_file(stream):
    # get-log-events files are named after their stream, '/' as '-'.
    return stream.replace('/', '-', 3)


def main():
    text = converter('aws-cli-text', 'make_aws_cli_text')
    yaml = converter('aws-cli-yaml', 'make_aws_cli_yaml')
    awslogs = converter('awslogs', 'make_awslogs')
    saw = converter('saw', 'make_saw')
    cw = converter('cw', 'make_cw')
    sam = converter('sam-logs', 'make_sam_logs')
    for name in SETS:
        with open(os.path.join(RUNTIMES, name + '.json'), encoding='utf-8') as f:
            response = json.load(f)
        events = sorted(response['events'], key=lambda e: e['timestamp'])
        group = '/aws/lambda/rt-' + name
        streams = sorted({e['logStreamName'] for e in events})
        out = os.path.join(HERE, name)
        shutil.rmtree(out, ignore_errors=True)
        page = {'events': events, 'searchedLogStreams': []}
        write(os.path.join(out, 'event-lines.ndjson'),
              ''.join(json.dumps(e, ensure_ascii=False, separators=(',', ':')) + '\n' for e in events))
        for stream in streams:
            own = [e for e in events if e['logStreamName'] == stream]
            get = {'events': [{'timestamp': e['timestamp'], 'message': e['message'], 'ingestionTime': e['ingestionTime']} for e in own],
                   'nextForwardToken': 'f/' + own[-1]['eventId'], 'nextBackwardToken': 'b/' + own[0]['eventId']}
            write(os.path.join(out, 'get-log-events', stream_file(stream) + '.json'), json.dumps(get, indent=4, ensure_ascii=False) + '\n')
            write(os.path.join(out, 'aws-cli-text', stream_file(stream) + '.txt'), text.convert(get))
            write(os.path.join(out, 'aws-cli-yaml', stream_file(stream) + '.yaml'), yaml.convert(get))
            payload = {'messageType': 'DATA_MESSAGE', 'owner': '730335218964', 'logGroup': group, 'logStream': stream,
                       'subscriptionFilters': ['to-firehose'],
                       'logEvents': [{'id': e['eventId'], 'timestamp': e['timestamp'], 'message': e['message']} for e in own]}
            digest = hashlib.sha1(stream.encode()).hexdigest()[:8]
            write(os.path.join(out, 'subscription', 'payload-%s.json.gz' % digest),
                  gzip.compress(json.dumps(payload, separators=(',', ':'), ensure_ascii=False).encode(), mtime=0), 'wb')
            task = 'a4c1f0de-5b7e-4c1a-9f3e-%012x' % (len(name) * 7919)
            write(os.path.join(out, 's3-export', 'exportedlogs', 'rt-' + name, task, stream, '000000.gz'),
                  gzip.compress(''.join('%s %s\n' % (iso_ms(e['timestamp']), e['message']) for e in own).encode(), mtime=0), 'wb')
        write(os.path.join(out, 'aws-cli-text', 'filter-log-events.txt'), text.convert(page))
        write(os.path.join(out, 'aws-cli-yaml', 'filter-log-events.yaml'), yaml.convert(page))
        write(os.path.join(out, 'aws-cli-yaml', 'filter-log-events_yaml-stream.yaml'),
              yaml.convert_stream([{'events': events[:len(events) // 2], 'searchedLogStreams': []},
                                   {'events': events[len(events) // 2:], 'searchedLogStreams': []}]))
        # Logs Insights `fields @timestamp, @message, @logStream, @log`: newest first.
        rows = [[{'field': '@timestamp', 'value': datetime.fromtimestamp(e['timestamp'] / 1000, timezone.utc).strftime('%Y-%m-%d %H:%M:%S.') + '%03d' % (e['timestamp'] % 1000)},
                 {'field': '@message', 'value': e['message']},
                 {'field': '@logStream', 'value': e['logStreamName']},
                 {'field': '@log', 'value': '730335218964:' + group},
                 {'field': '@ptr', 'value': hashlib.sha1(e['eventId'].encode()).hexdigest()}] for e in reversed(events)]
        write(os.path.join(out, 'insights-get-query-results.json'),
              json.dumps({'results': rows, 'statistics': {'recordsMatched': float(len(rows)), 'recordsScanned': float(len(rows)), 'bytesScanned': 1.0}, 'status': 'Complete'}, indent=4, ensure_ascii=False) + '\n')
        # aws logs tail --format detailed (awscli/customizations/logs/tail.py), colour off.
        write(os.path.join(out, 'tail-detailed.log'),
              ''.join('%s %s %s' % (datetime.fromtimestamp(e['timestamp'] / 1000, timezone.utc).isoformat(timespec='microseconds'),
                                    e['logStreamName'], e['message'] if e['message'].endswith('\n') else e['message'] + '\n') for e in events))
        write(os.path.join(out, 'awslogs-get.log'), awslogs.convert(events, group, colour=True))
        write(os.path.join(out, 'awslogs-get_timestamp.log'), awslogs.convert(events, group, timestamp=True, ingestion_time=True))
        write(os.path.join(out, 'saw-watch.log'), saw.convert(events, offset_minutes=60))
        write(os.path.join(out, 'cw-tail.log'), cw.convert(events, group, group_name=True, event_id=True))
        write(os.path.join(out, 'sam-logs.log'), sam.convert(events))


if __name__ == '__main__':
    main()
