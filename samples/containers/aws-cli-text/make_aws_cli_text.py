#!/usr/bin/env python3
"""`aws logs filter-log-events` / `get-log-events --output text`, written by the rules of
awscli/text.py (https://github.com/aws/aws-cli/blob/v2/awscli/text.py) and the TextFormatter of
awscli/formatter.py: a dict's scalar values in sorted key order joined by tabs, prefixed by the
upper-cased name of the list it is in; a list of dicts uses the sorted union of the scalar keys
of all its dicts; values are written with str(), so a message's line breaks go out as they are.
Without pagination (--no-paginate, or a raw page) the response's own scalars (nextToken, or
nextBackwardToken and nextForwardToken) come first on a line with no name.

    python3 make_aws_cli_text.py   # writes the samples next to this file
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CONTAINERS = os.path.dirname(HERE)


def _scalar(value):
    return not isinstance(value, (dict, list))


def _format(item, out, identifier=None, scalar_keys=None):
    if isinstance(item, dict):
        if scalar_keys is None:
            scalars = [str(v) for k, v in sorted(item.items()) if _scalar(v)]
            rest = [(k, v) for k, v in sorted(item.items()) if not _scalar(v)]
        else:
            scalars = [str(item.get(k, '')) for k in scalar_keys]
            rest = [(k, item[k]) for k in sorted(set(item) - set(scalar_keys))]
        if scalars:
            if identifier is not None:
                scalars.insert(0, identifier.upper())
            out.append('\t'.join(scalars) + '\n')
        for key, value in rest:
            _format(value, out, identifier=key)
    elif isinstance(item, list):
        if not item:
            return
        if any(isinstance(e, dict) for e in item):
            keys = sorted({k for d in item for k, v in d.items() if _scalar(v)})
            for element in item:
                _format(element, out, identifier=identifier, scalar_keys=keys)
        else:
            for element in item:
                out.append('%s\t%s\n' % (identifier.upper(), element) if identifier else str(element) + '\n')
    else:
        out.append(str(item) + '\n')


def convert(response):
    """The text output of one response (a dict as the API returns it, unpaginated)."""
    out = []
    _format(response, out)
    return ''.join(out)


def main():
    pairs = [
        ('filter-log-events/catalog-sync_2026-03-14T0900Z_0915Z_page1.json', 'catalog-sync_filter-log-events.txt'),
        ('get-log-events/2026-03-14-[$LATEST]786b078e2b47ad9280de8f84f1e24165.json',
         '2026-03-14-[$LATEST]786b078e2b47ad9280de8f84f1e24165.txt'),
    ]
    for source, target in pairs:
        with open(os.path.join(CONTAINERS, source), encoding='utf-8') as f:
            response = json.load(f)
        with open(os.path.join(HERE, target), 'w', encoding='utf-8', newline='') as f:
            f.write(convert(response))


if __name__ == '__main__':
    main()
