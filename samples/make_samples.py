#!/usr/bin/env python3
"""Regenerate the proxylens fixtures that the five folder builders own, then samples/README.md.

    python3 samples/make_samples.py [--out SAMPLES_ROOT]

Each builder also runs alone (`python3 samples/<folder>/make_<folder>.py`, see README.md,
"Regenerating"); this script runs them in turn and describes what they wrote. Each writes only
its own files: the other scripts' samples and the real files collected by hand stay as they are.
Python 3 standard library only.
"""

import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import sample_model  # noqa: E402
import sample_readme  # noqa: E402

# Any order gives the same bytes (each builder seeds itself); this one is the README's.
BUILDERS = [
    "incident-truth/make_incident.py",  # incident/ and incident-truth/
    "containers/make_containers.py",
    "lines/make_lines.py",
    "errors/make_errors.py",
    "bad/make_bad.py",
]


def load(path):
    spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], os.path.join(HERE, path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    root = sample_model.output_root(sys.argv[1:])
    built = {}
    for path in BUILDERS:
        result = load(path).build(root)
        built[result.name] = result
    scripts = [os.path.abspath(__file__), sample_model.__file__, sample_readme.__file__] + [os.path.join(HERE, p) for p in BUILDERS]
    size = sample_readme.build_readme(root, built, scripts)
    summary = built["incident"].data
    print("invocations %d, failures %d, labels %s" % (summary["invocations"], summary["failures"], summary["labels"]))
    print("samples/ size %d bytes" % size)
    problems = [p for b in built.values() for p in b.problems]
    for p in problems:
        print("PROBLEM:", p)
    if problems:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
