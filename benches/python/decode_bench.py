#!/usr/bin/env python3
"""The Python route on the decode bench's documents, against aggcat-rs on the same bytes.

python-aggcat parsed every answer with lxml and walked it into Python objects (one object per
element, child elements as attributes, lists for repeated ones, leaf text turned into Python
values). This script does the same walk -- our own code, written for this comparison -- and
times, on one XML file:

  lxml_parse      lxml.etree.fromstring(bytes): the C parser alone, an untyped tree
  lxml_walk       lxml_parse + the walk into Python objects (the python-aggcat route)
  objectify_walk  lxml.objectify.fromstring + reading every leaf's .pyval into objects

and, when the aggcat-types example binary is given (--rust), the Rust side on the same file:

  rust_typed      decode_file FILE          (aggcat_types::Document::from_xml)
  rust_floor      decode_file --floor FILE  (a bare quick-xml NsReader pass)

Each figure is the best of --runs runs. The Rust figures are the wall time of the whole
decode_file process (start, reading the file, decoding), so they overstate Rust's time by a
millisecond or two; the Python ones are the decode of bytes already in memory.

Setup and use (from the repository root):

  pip install lxml
  cargo build --release -p aggcat-types --example gen_transactions --example decode_file
  target/release/examples/gen_transactions bench /tmp/transactions-bench.xml
  target/release/examples/gen_transactions institutions /tmp/institutions-bench.xml
  python3 benches/python/decode_bench.py --rust target/release/examples/decode_file \\
      /tmp/transactions-bench.xml /tmp/institutions-bench.xml

It prints one line per file and measurement, with the ratio to rust_typed when measured.
"""

import argparse
import re
import subprocess
import sys
import time
from decimal import Decimal, InvalidOperation

try:
    from lxml import etree, objectify
except ImportError:  # pragma: no cover - told to the user
    sys.exit("decode_bench.py needs lxml: pip install lxml")


class Node:
    """One element as a Python object: child elements are attributes."""

    __slots__ = ("__dict__",)

    def __repr__(self):
        return "Node(%s)" % ", ".join(sorted(self.__dict__))


_INT = re.compile(r"^-?[0-9]+$")
_DECIMAL = re.compile(r"^-?[0-9]*\.[0-9]+$")


def leaf_value(text):
    """The Python value of a leaf's text, as an untyped reader has to guess it."""
    if text is None:
        return None
    if _INT.match(text):
        return int(text)
    if _DECIMAL.match(text):
        try:
            return Decimal(text)
        except InvalidOperation:
            return text
    if text == "true":
        return True
    if text == "false":
        return False
    return text


def local_name(tag):
    """`{namespace}name` -> `name`."""
    return tag.rsplit("}", 1)[-1] if tag[0] == "{" else tag


def walk(element):
    """The element and everything under it as Node objects and Python values."""
    children = [child for child in element if isinstance(child.tag, str)]
    if not children:
        return leaf_value(element.text)
    node = Node()
    fields = node.__dict__
    for child in children:
        name = local_name(child.tag)
        value = walk(child)
        if name in fields:
            existing = fields[name]
            if isinstance(existing, list):
                existing.append(value)
            else:
                fields[name] = [existing, value]
        else:
            fields[name] = value
    return node


def walk_objectify(element):
    """The same walk over an lxml.objectify tree, leaves read through .pyval."""
    children = element.getchildren()
    if not children:
        return getattr(element, "pyval", element.text)
    node = Node()
    fields = node.__dict__
    for child in children:
        name = local_name(child.tag)
        value = walk_objectify(child)
        if name in fields:
            existing = fields[name]
            if isinstance(existing, list):
                existing.append(value)
            else:
                fields[name] = [existing, value]
        else:
            fields[name] = value
    return node


def items_of(root):
    """The number of list items of the document (its root's children)."""
    return sum(1 for child in root if isinstance(child.tag, str))


def lxml_parse(data):
    return items_of(etree.fromstring(data))


def lxml_walk(data):
    root = etree.fromstring(data)
    tree = walk(root)
    return sum(len(v) if isinstance(v, list) else 1 for v in tree.__dict__.values())


def objectify_walk(data):
    root = objectify.fromstring(data)
    tree = walk_objectify(root)
    return sum(len(v) if isinstance(v, list) else 1 for v in tree.__dict__.values())


def best_of(runs, function, *args):
    best = None
    result = None
    for _ in range(runs):
        started = time.perf_counter()
        result = function(*args)
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def rust_run(binary, path, floor):
    command = [binary] + (["--floor"] if floor else []) + [path]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", help="XML list documents")
    parser.add_argument("--runs", type=int, default=5, help="best of this many runs")
    parser.add_argument(
        "--rust", metavar="DECODE_FILE", help="aggcat-types' decode_file example binary"
    )
    args = parser.parse_args()

    for path in args.files:
        with open(path, "rb") as f:
            data = f.read()
        print("%s: %d bytes" % (path, len(data)))
        figures = []
        if args.rust:
            seconds, _ = best_of(args.runs, rust_run, args.rust, path, False)
            figures.append(("rust_typed", seconds, None))
            seconds, _ = best_of(args.runs, rust_run, args.rust, path, True)
            figures.append(("rust_floor", seconds, None))
        for name, function in (
            ("lxml_parse", lxml_parse),
            ("lxml_walk", lxml_walk),
            ("objectify_walk", objectify_walk),
        ):
            seconds, items = best_of(args.runs, function, data)
            figures.append((name, seconds, items))
        typed = next((s for n, s, _ in figures if n == "rust_typed"), None)
        for name, seconds, items in figures:
            ratio = " = %.1fx rust_typed" % (seconds / typed) if typed else ""
            count = " (%d items)" % items if items is not None else ""
            print(
                "  %-15s %8.1f ms  %7.1f MB/s%s%s"
                % (name, seconds * 1e3, len(data) / seconds / 1e6, ratio, count)
            )


if __name__ == "__main__":
    main()
