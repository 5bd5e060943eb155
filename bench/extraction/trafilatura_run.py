#!/usr/bin/env python3
"""Runs Python trafilatura over a directory of ID.html.gz pages.

Usage: trafilatura_run.py --format zyte|wcxb --pages DIR --out FILE [--runs N]

Pages are read and decompressed before timing; only trafilatura.extract()
is timed (process CPU time, as for Parallax: the machine is shared), repeated
--runs times; the median docs/s is printed as JSON, the
same shape as Parallax's extraction_bench example prints.
"""
import argparse
import gzip
import json
import statistics
import time
from pathlib import Path

import trafilatura


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--format", required=True, choices=["zyte", "wcxb"])
    parser.add_argument("--pages", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    pages = []
    for path in sorted(args.pages.glob("*.html.gz")):
        page_id = path.name[: -len(".html.gz")]
        pages.append((page_id, gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")))

    rates, bodies = [], []
    for _ in range(max(1, args.runs)):
        start = time.process_time()
        # Article body only: comments are not part of either benchmark's truth.
        bodies = [trafilatura.extract(html, include_comments=False) or "" for _, html in pages]
        rates.append(len(pages) / (time.process_time() - start))

    if args.format == "zyte":
        output = {page_id: {"articleBody": body} for (page_id, _), body in zip(pages, bodies)}
    else:
        output = {page_id: body for (page_id, _), body in zip(pages, bodies)}
    args.out.write_text(json.dumps(output))
    print(json.dumps({"docs": len(pages), "docs_per_s": statistics.median(rates), "runs": rates}))


if __name__ == "__main__":
    main()
