#!/usr/bin/env python3
"""`aws logs filter-log-events --no-paginate --output table` (colour off), by the rules of
awscli/formatter.py (TableFormatter) and awscli/table.py
(https://github.com/aws/aws-cli/blob/v2/awscli/table.py): a section titled with the operation
name; a dict with one scalar key becomes a `key | value` row; a list of dicts a section of its
own (indent level 1) with the sorted scalar keys as headers; column widths are the widest cell
plus 4, scaled to the widest section; cells are left-aligned with 2 spaces of padding and
written as they are, so a message's line break splits its row. proxylens refuses this
output with a named problem; this sample shows why.

    python3 make_aws_cli_table.py   # writes the sample next to this file
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CONTAINERS = os.path.dirname(HERE)


class Section:
    def __init__(self, title, indent=0):
        self.title, self.indent, self.headers, self.rows, self.max_widths = title, indent, [], [], []

    def _update(self, row):
        if not self.max_widths:
            self.max_widths = [len(str(c)) for c in row]
        else:
            self.max_widths = [max(len(str(c)), w) for c, w in zip(row, self.max_widths)]

    def add_header(self, headers):
        self._update(headers)
        self.headers = headers

    def add_row(self, row):
        row = [str(c) for c in row]
        self.rows.append(row)
        self._update(row)

    def widths(self, padding=0, max_width=None):
        unscaled = [w + padding for w in self.max_widths]
        if max_width is None or not unscaled:
            return unscaled
        scale = max_width / float(sum(unscaled))
        scaled = [int(round(scale * w)) for w in unscaled]
        off_by = sum(scaled) - max_width
        while off_by != 0:
            order = range(len(scaled)) if off_by > 0 else reversed(range(len(scaled)))
            for i in order:
                if off_by > 0:
                    scaled[i] -= 1
                    off_by -= 1
                else:
                    scaled[i] += 1
                    off_by += 1
                if off_by == 0:
                    break
        return scaled

    def total_width(self):
        total = sum(w + 4 for w in self.widths()) + 2 + 2 * self.indent
        return max(len(self.title) + 2 + 2 * self.indent, total)


def center(text, length, left_edge='|'):
    start = (length // 2) - (len(text) // 2) - 1
    left = left_edge + ' ' * start + text
    return left + ' ' * (length - 1 - len(left)) + '|'


def align_left(text, length, left_edge):
    computed = len(text) + 2 + len(left_edge) + 1
    padding = 2 if length - computed >= 0 else 0
    out = left_edge + ' ' * padding + text
    return out + ' ' * (length - len(out) - 1) + '|'


def line_break(widths):
    return '+%s+' % ('-' * (widths[0] - 2)) + ''.join('%s+' % ('-' * (w - 1)) for w in widths[1:]) + '\n'


def render(sections):
    max_width = max(s.total_width() for s in sections)
    out = ['-' * max_width + '\n']
    for s in sections:
        width = max_width - 2 * s.indent
        lines = []
        if s.title:
            lines.append(center(s.title, width) + '\n')
            if not s.headers and not s.rows:
                lines.append('+%s+\n' % ('-' * (width - 2)))
        widths = s.widths(padding=4, max_width=width) if (s.headers or s.rows) else []
        if s.headers:
            lines.append(line_break(widths))
            lines.append(''.join(center(h, w, '|' if i == 0 else '') for i, (h, w) in enumerate(zip(s.headers, widths))) + '\n')
        if s.rows:
            lines.append(line_break(widths))
            for row in s.rows:
                lines.append(''.join(align_left(c, w, '|' if i == 0 else '') for i, (c, w) in enumerate(zip(row, widths))) + '\n')
            lines.append(line_break(widths))
        for text in lines:
            # IndentedStream: the indent's bars on both sides of each written line.
            body = text[:-1] if text.endswith('\n') else text
            out.append('|' * s.indent + body + ('|' * s.indent + '\n' if text.endswith('\n') else ''))
    return ''.join(out)


def convert(response, operation='FilterLogEvents'):
    sections = [Section(operation)]
    scalars = sorted(k for k, v in response.items() if not isinstance(v, (list, dict)))
    if len(scalars) == 1:
        sections[0].add_row([scalars[0], response[scalars[0]]])
    elif scalars:
        sections[0].add_header(scalars)
        sections[0].add_row([response[k] for k in scalars])
    for key in sorted(k for k, v in response.items() if isinstance(v, (list, dict))):
        value = response[key]
        if not value:
            continue
        section = Section(key, indent=1)
        headers = sorted({k for d in value for k, v in d.items() if not isinstance(v, (list, dict))})
        section.add_header(headers)
        for element in value:
            section.add_row([element.get(h, '') for h in headers])
        sections.append(section)
    return render(sections)


def main():
    with open(os.path.join(CONTAINERS, 'filter-log-events/catalog-sync_2026-03-14T0900Z_0915Z_page1.json'), encoding='utf-8') as f:
        response = json.load(f)
    with open(os.path.join(HERE, 'catalog-sync_filter-log-events_table.txt'), 'w', encoding='utf-8', newline='') as f:
        f.write(convert(response))


if __name__ == '__main__':
    main()
