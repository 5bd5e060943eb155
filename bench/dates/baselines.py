"""Runs the Python baselines over a WCXB-style directory and writes one JSON
line per page: htmldate's date with its default settings and with
original_date=True, and trafilatura's metadata (date, title, author).

Usage: baselines.py DIR OUT.jsonl
"""
import gzip
import json
import pathlib
import sys
import time

import htmldate
import trafilatura


def main(directory: str, out_path: str) -> None:
    root = pathlib.Path(directory)
    with open(out_path, "w", encoding="utf-8") as out:
        for truth_file in sorted((root / "ground-truth").glob("*.json")):
            page_id = truth_file.stem
            url = json.loads(truth_file.read_text(encoding="utf-8")).get("url")
            html = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", "replace")
            row = {"id": page_id}
            started = time.perf_counter()
            row["htmldate_default"] = safe(lambda: htmldate.find_date(html, url=url))
            row["htmldate_default_s"] = time.perf_counter() - started
            started = time.perf_counter()
            row["htmldate_original"] = safe(lambda: htmldate.find_date(html, url=url, original_date=True))
            row["htmldate_original_s"] = time.perf_counter() - started
            started = time.perf_counter()
            meta = safe(lambda: trafilatura.extract_metadata(html, default_url=url))
            row["trafilatura_s"] = time.perf_counter() - started
            row["trafilatura_date"] = getattr(meta, "date", None)
            row["trafilatura_title"] = getattr(meta, "title", None)
            row["trafilatura_author"] = getattr(meta, "author", None)
            out.write(json.dumps(row) + "\n")


def safe(call):
    """A baseline that raises on a page is scored as "unknown" on it."""
    try:
        return call()
    except Exception:  # noqa: BLE001 - third-party code, any failure counts as no answer
        return None


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
