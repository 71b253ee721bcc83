#!/usr/bin/env python3
"""`aws logs filter-log-events` / `get-log-events --output yaml` and `--output yaml-stream`
(AWS CLI v2), written the way awscli/formatter.py does it
(https://github.com/aws/aws-cli/blob/v2/awscli/formatter.py): YAMLDumper is ruamel.yaml's
`YAML(typ='safe')` with `default_flow_style = False` and no encoding; YAMLFormatter dumps the
whole response, StreamedYAMLFormatter dumps each page as a one-element list. The AWS CLI v2
locks ruamel.yaml 0.19.1 with ruamel.yaml.clib 0.2.15 (its C emitter); install those to rerun:

    pip install ruamel.yaml==0.19.1 ruamel.yaml.clib==0.2.15
    python3 make_aws_cli_yaml.py   # writes the samples next to this file
"""
import io
import json
import os

from ruamel.yaml import YAML

HERE = os.path.dirname(os.path.abspath(__file__))
CONTAINERS = os.path.dirname(HERE)


def _dumper():
    yaml = YAML(typ='safe')
    yaml.encoding = None
    yaml.representer.default_flow_style = False
    return yaml


def convert(response):
    """`--output yaml` of one response."""
    out = io.StringIO()
    _dumper().dump(response, out)
    return out.getvalue()


def convert_stream(pages):
    """`--output yaml-stream` of the pages of a paginated call."""
    out = io.StringIO()
    dumper = _dumper()
    for page in pages:
        dumper.dump([page], out)
    return out.getvalue()


def _load(path):
    with open(os.path.join(CONTAINERS, path), encoding='utf-8') as f:
        return json.load(f)


def main():
    page1 = _load('filter-log-events/catalog-sync_2026-03-14T0900Z_0915Z_page1.json')
    page2 = _load('filter-log-events/catalog-sync_2026-03-14T0900Z_0915Z_page2.json')
    single = _load('get-log-events/2026-03-14-[$LATEST]786b078e2b47ad9280de8f84f1e24165.json')
    outputs = {
        'catalog-sync_filter-log-events.yaml': convert(page1),
        'catalog-sync_filter-log-events_yaml-stream.yaml': convert_stream([page1, page2]),
        '2026-03-14-[$LATEST]786b078e2b47ad9280de8f84f1e24165.yaml': convert(single),
    }
    for name, text in outputs.items():
        with open(os.path.join(HERE, name), 'w', encoding='utf-8', newline='') as f:
            f.write(text)


if __name__ == '__main__':
    main()
