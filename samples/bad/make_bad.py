#!/usr/bin/env python3
"""Writes samples/bad/: small hostile inputs, and expected.json, what each must produce.

    python3 samples/bad/make_bad.py [--out SAMPLES_ROOT]

Python 3 standard library only; shared helpers in samples/sample_model.py.
"""

import gzip
import json
import os
import sys
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from sample_model import *  # noqa: E402,F403  (the helpers read as they did in the single script)

# SEED advanced by the 45435 words that the shared ids, the incident, containers/, lines/ and errors/ drew before this builder
# when one generator fed them all: this folder keeps its bytes from before the split, and no
# longer moves when another builder changes.
SKIP = 45435


# --------------------------------------------------------------------------------------
# bad: small hostile inputs
# --------------------------------------------------------------------------------------

def small_page(n, group_stream=None, start=None):
    stream = group_stream or "2026/03/14/[$LATEST]" + hexid()
    t = start or lt(21, 0, 0)
    items = []
    for i in range(n // 4 + 1):
        r = uid()
        items += [(t, "START RequestId: %s Version: $LATEST\n" % r),
                  (t + 3, py_text(t + 3, r, "INFO", "GET /v1/items/SKU-%05d warehouse=ams-1" % R.randint(100, 99999))),
                  (t + 41, "END RequestId: %s\n" % r),
                  (t + 41, "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: 512 MB\tMax Memory Used: 109 MB\n" % (r, 38 + R.random(), 39))]
        t += R.randint(900, 20000)
    return cw_events([(ts, stream, m) for ts, m in items[:n]])


def build_bad():
    B = "bad/"
    exp = {}

    ev = small_page(8)
    text = cli_json({"events": ev, "searchedLogStreams": []})
    gz = gz_bytes(text.encode())
    cut = int(len(gz) * 0.55)
    write(B + "truncated.json.gz", gz[:cut])
    prefix = zlib.decompressobj(31).decompress(gz[:cut]).decode("utf-8", "replace")
    ends, pos = [], 0
    for e in ev:
        pos = text.index(e["eventId"], pos)
        pos = text.index("}", pos) + 1
        ends.append(pos)
    complete = sum(1 for p in ends if p <= len(prefix))
    exp["truncated.json.gz"] = {"what": "a valid 8-event filter-log-events page, gzipped, cut at 55% of the compressed bytes", "events_in_original": len(ev), "events_complete_before_cut": complete,
                                "inflated_bytes_available": len(prefix), "error": "truncated gzip stream (unexpected end of deflate data, no trailer)",
                                "expected": "report the file as truncated; a streaming reader may keep the %d events completed before the cut, or drop the file; never hang or crash" % complete}

    ev = small_page(9)
    text = cli_json({"events": ev, "searchedLogStreams": []})
    m = ev[6]["message"]
    at_ = text.index(json.dumps(m, ensure_ascii=False)[1:-1][:20], text.index(ev[6]["eventId"]) - 400)
    cutpos = at_ + 14
    write(B + "truncated-page.json", text[:cutpos])
    exp["truncated-page.json"] = {"what": "a 9-event page cut inside the 7th event's message string", "events_in_original": len(ev), "events_complete_before_cut": 6,
                                  "error": "truncated JSON: unterminated string inside events[6].message",
                                  "expected": "keep the 6 complete events (streaming) or none (whole-document parse), and name the file and the reason"}

    blob = bytes(R.getrandbits(8) for _ in range(4096))
    if blob[:1] in (b"\x1f", b"{", b"[", b" "):
        blob = b"\x00" + blob[1:]
    write(B + "binary.bin", blob)
    exp["binary.bin"] = {"what": "4096 random bytes", "events": 0, "error": "unrecognised binary content", "expected": "skip with a reason; do not try to inflate or decode it as UTF-8 text lines"}

    write(B + "empty.json", b"")
    exp["empty.json"] = {"what": "0 bytes", "events": 0, "error": "empty file", "expected": "0 events; a warning (not a crash)"}

    ev = small_page(5)
    marker = "@@BADBYTES@@"
    ev[1]["message"] = ev[1]["message"].replace("warehouse=ams-1", "warehouse=ams-1 tag=" + marker)
    raw = cli_json({"events": ev, "searchedLogStreams": []}).encode().replace(marker.encode(), b"\xff\xfe")
    write(B + "invalid-utf8.json", raw)
    exp["invalid-utf8.json"] = {"what": "a valid 5-event page whose second message contains the raw bytes 0xff 0xfe", "events": len(ev), "error": "invalid UTF-8 (bytes 0xff 0xfe) inside events[1].message",
                                "expected": "keep all 5 events with the two bytes replaced by U+FFFD (or reject the file with the byte offset); never drop events silently"}

    stream = "2026/03/14/[$LATEST]" + hexid()
    t = lt(22, 10, 0)
    r = uid()
    tev = cw_events([(t, stream, "START RequestId: %s Version: $LATEST\n" % r),
                     (t + 4, stream, dn_text(t + 4, r, "info", "Received payload \x00\x00\x00\x07ledger\x00 from queue journal-events")),
                     (t + 9, stream, dn_text(t + 9, r, "warn", "Payload contained 4 NUL bytes; stripped")),
                     (t + 12, stream, "END RequestId: %s\n" % r),
                     (t + 12, stream, "REPORT RequestId: %s\tDuration: 11.93 ms\tBilled Duration: 12 ms\tMemory Size: 1024 MB\tMax Memory Used: 133 MB\n" % r)])
    write(B + "nul-bytes.log", tail_detailed(tev))
    exp["nul-bytes.log"] = {"what": "`aws logs tail --format detailed` text with NUL bytes inside a .NET message", "events": 5, "error": None,
                            "expected": "aws logs tail text; the second event carries 4 NUL bytes inside its message: keep the event (NULs kept or replaced), do not treat NUL as end of line or end of file"}

    write(B + "not-a-log.txt", "Notes from the 14 March review\n\nThe payments team will move the ledger writes behind the queue next sprint.\n"
                               "Nobody could say why the proxy dashboards were empty before 09:05; ask the platform group on Monday.\n"
                               "Action items: rotate the reporting credentials, add alarms on pinned sessions, re-read the runbook.\n")
    exp["not-a-log.txt"] = {"what": "meeting notes in prose", "events": 0, "error": "unrecognised format", "expected": "skip with a reason; prose must not produce events"}

    ev = small_page(4)
    name = "exported logs \u2013 caf\u00e9.json"
    write(B + name, cli_json({"events": ev, "searchedLogStreams": []}))
    exp[name] = {"what": "a valid 4-event filter-log-events page under an awkward file name", "events": 4, "error": None, "expected": "a valid filter-log-events page; the path has spaces, an EN DASH and a precomposed e-acute (UTF-8 NFC)"}

    write(B + "expected.json", json.dumps(exp, indent=2, ensure_ascii=False) + "\n")
    return exp


def verify():
    """Each file is damaged the way expected.json says."""
    problems = []
    try:
        gzip.decompress(read_file("bad/truncated.json.gz"))
        problems.append("truncated.json.gz decompresses")
    except (EOFError, zlib.error, OSError):
        pass
    try:
        read_file("bad/invalid-utf8.json").decode("utf-8")
        problems.append("invalid-utf8 decodes")
    except UnicodeDecodeError:
        pass
    if b"\x00" not in read_file("bad/nul-bytes.log"):
        problems.append("no NUL in nul-bytes.log")
    return problems


def previous_files(root):
    """What the last run wrote, from its expected.json: the only files here this builder may remove."""
    try:
        with open(os.path.join(root, "bad", "expected.json"), encoding="utf-8") as f:
            return ["bad/" + name for name in json.load(f)]
    except (OSError, ValueError):
        return []


def build(root):
    previous = previous_files(root)
    begin(root, SKIP)
    expected = build_bad()
    return finish(__file__, "bad", expected, verify(), previous=previous,
                  alone_in=("bad",))


if __name__ == "__main__":
    main("bad", build)
