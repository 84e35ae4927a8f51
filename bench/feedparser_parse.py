#!/usr/bin/env python3
"""Parses every FILE with Python feedparser in this one process, timed inside (import excluded).

    feedparser_parse.py FILE [FILE...]

Prints one line: `<seconds>\t<total entries>\t<bozo feeds>`.
"""
import sys
import time

import feedparser


def main():
    files = sys.argv[1:]
    entries = bozo = 0
    start = time.perf_counter()
    for path in files:
        with open(path, "rb") as f:
            parsed = feedparser.parse(f.read())
        entries += len(parsed.entries)
        bozo += 1 if parsed.bozo else 0
    elapsed = time.perf_counter() - start
    print(f"{elapsed:.6f}\t{entries}\t{bozo}")


if __name__ == "__main__":
    main()
