#!/usr/bin/env python3
"""Synthesise the ingest benchmark input from the shared extraction pages.

Owns one job: turn the few hundred real article pages under
``$PARALLAX_SHARED/data/extraction/{zyte,wcxb-dev}/html/*.html.gz`` into a
large, realistic ingest workload without copying anything into the repository
(output goes to ``bench/out/``, which is gitignored).

Default mode writes ONE ``.warc.gz`` of N response records (default 100,000),
one gzip member per record like Common Crawl, cycling through the pages. Every
copy is made distinct twice over: a unique ``WARC-Target-URI`` and a short
numbered sentence appended to the page's longest ``<p>`` (the likeliest place
to survive boilerplate removal), so extracted bodies, and therefore content
hashes, differ and the run measures real ingest rather than deduplication.

``--mixed`` instead writes a directory tree mixing formats (HTML pages, scraped
``.txt`` and news-please ``.jsonl``) for a smaller, multi-reader run.

Speed: recompressing ~18 GB of HTML for 100k records would take minutes, so
each page is deflated once up front in two byte-aligned halves (split where the
marker goes); a record is then gzip header + its freshly deflated WARC/HTTP
head + the cached first half + the deflated marker + the cached second half +
trailer. That is legal DEFLATE: every piece ends on a full flush, and a fresh
compressor never refers back past its own start. The trailer CRC-32 is
combined from per-piece CRCs, so memory holds only the compressed pages and
stays flat whatever N is. Python standard library only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import struct
import sys
import time
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPORA = ("zyte", "wcxb-dev")
# Fixed-width copy number: seven digits cover the 100k default with room to spare.
MARKER_TEMPLATE = " Synthetic copy {:07d}."
WARC_DATE_BASE = 1772352000  # 2026-03-01T08:00:00Z: a fixed clock keeps the output reproducible.


def shared_dir() -> Path:
    """``$PARALLAX_SHARED`` or ``../shared`` next to the repository root."""
    env = os.environ.get("PARALLAX_SHARED")
    return Path(env) if env else (REPO_ROOT.parent / "shared")


# --- CRC-32 combination -----------------------------------------------------
# zlib's crc32_combine (not exposed by Python's zlib), reformulated: a CRC
# register fed N zero bytes is a linear map over GF(2), represented as 32
# column vectors. Maps for 2^k zero *bits* are squared once and cached; the map
# for a page half is their product, computed once per page.


def _apply(matrix: list[int], vector: int) -> int:
    result = 0
    i = 0
    while vector:
        if vector & 1:
            result ^= matrix[i]
        vector >>= 1
        i += 1
    return result


def _compose(outer: list[int], inner: list[int]) -> list[int]:
    return [_apply(outer, column) for column in inner]


class CrcShifter:
    """Builds, per length, the map "append that many zero bytes" on a CRC register."""

    def __init__(self) -> None:
        one_bit = [0xEDB88320] + [1 << (i - 1) for i in range(1, 32)]
        self._powers = [one_bit]  # _powers[k] shifts by 2**k zero bits

    def _power(self, k: int) -> list[int]:
        while len(self._powers) <= k:
            last = self._powers[-1]
            self._powers.append(_compose(last, last))
        return self._powers[k]

    def for_length(self, length: int) -> list[int]:
        matrix = [1 << i for i in range(32)]  # identity
        bits = length * 8
        k = 0
        while bits:
            if bits & 1:
                matrix = _compose(self._power(k), matrix)
            bits >>= 1
            k += 1
        return matrix


def crc_combine(crc_a: int, crc_b: int, shift_by_len_b: list[int]) -> int:
    """CRC-32 of A‖B from CRC(A), CRC(B) and the zero-shift map for len(B)."""
    return _apply(shift_by_len_b, crc_a) ^ crc_b


# --- pages ------------------------------------------------------------------

PARAGRAPH = re.compile(rb"<p[\s>].*?</p\s*>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(rb"<[^>]*>")
BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)
WORD = re.compile(r"\w+")


def word_key(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def marker_position(html: bytes, truth: str) -> tuple[int, bool]:
    """Where to insert the copy marker: just before the ``</p>`` of the longest
    paragraph whose closing words occur in the page's ground-truth main text
    (so extraction keeps the marker and copies hash differently); failing that,
    the longest paragraph; failing that, before ``</body>``. The flag says
    whether the ground truth vouches for the spot."""
    truth_words = word_key(truth)
    best_rank, best_offset = (False, 0), -1  # rank: (vouched for by the truth, text length)
    for match in PARAGRAPH.finditer(html):
        text = TAG.sub(b"", match.group(0)).decode("utf-8", "replace")
        closing = " ".join(word_key(text).split()[-6:])
        rank = (bool(closing) and closing in truth_words, len(text.strip()))
        if rank > best_rank:
            best_rank, best_offset = rank, match.start() + match.group(0).rfind(b"</")
    if best_offset >= 0:
        return best_offset, best_rank[0]
    body_end = BODY_END.search(html)
    return (body_end.start() if body_end else len(html)), False


@dataclass
class Part:
    """One half of a page, deflated once (ending on a full flush or, for the
    last half, finished), with its CRC, length and zero-shift map."""

    deflated: bytes
    crc: int
    length: int
    shift: list[int]


@dataclass
class Page:
    corpus: str
    page_id: str
    url: str
    head: Part
    tail: Part
    marker_in_truth: bool


def deflate(data: bytes, level: int, finish: bool) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(zlib.Z_FINISH if finish else zlib.Z_FULL_FLUSH)


@dataclass
class Source:
    """One benchmark page on disk with what its ground truth says about it."""

    corpus: str
    page_id: str
    url: str
    title: str
    main_text: str
    path: Path


def page_sources(root: Path) -> Iterator[Source]:
    """Every benchmark page with its ground truth, in a stable order."""
    for corpus in CORPORA:
        base = root / "data" / "extraction" / corpus
        zyte_truth: dict = {}
        if corpus == "zyte" and (base / "ground-truth.json").exists():
            zyte_truth = json.loads((base / "ground-truth.json").read_text())
        for path in sorted((base / "html").glob("*.html.gz")):
            page_id = path.name[: -len(".html.gz")]
            if corpus == "zyte":
                item = zyte_truth.get(page_id, {})
                yield Source(corpus, page_id, item.get("url", ""), "", item.get("articleBody") or "", path)
                continue
            truth_path = base / "ground-truth" / f"{page_id}.json"
            item = json.loads(truth_path.read_text()) if truth_path.exists() else {}
            truth = item.get("ground_truth") or {}
            yield Source(
                corpus, page_id, item.get("url", ""), truth.get("title") or "", truth.get("main_content") or "", path
            )


def load_pages(sources: list[Source], level: int, shifter: CrcShifter) -> list[Page]:
    pages = []
    for source in sources:
        html = gzip.decompress(source.path.read_bytes())
        cut, in_truth = marker_position(html, source.main_text)
        halves = []
        for data, finish in ((html[:cut], False), (html[cut:] + b"\r\n\r\n", True)):
            halves.append(
                Part(deflate(data, level, finish), zlib.crc32(data), len(data), shifter.for_length(len(data)))
            )
        pages.append(Page(source.corpus, source.page_id, source.url, halves[0], halves[1], in_truth))
    return pages


def with_copy_query(url: str, copy: int) -> str:
    """The URL made unique per copy by a ``synth=N`` query parameter."""
    url = url.split("#", 1)[0]  # a query after a fragment would be part of the fragment
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}synth={copy}"


def unique_uri(page: Page, copy: int) -> str:
    if page.url:
        return with_copy_query(page.url, copy)
    return f"https://bench.example/{page.corpus}/{page.page_id}?synth={copy}"


# --- WARC -------------------------------------------------------------------


def warc_date(copy: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(WARC_DATE_BASE + copy))


def record_id(copy: int) -> str:
    # Deterministic UUIDs so two runs with the same N produce identical files.
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'parallax-bench/{copy}')}>"


def gzip_member(pieces: list[bytes], crc: int, size: int) -> bytes:
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # no name, mtime 0, OS unknown
    return header + b"".join(pieces) + struct.pack("<II", crc & 0xFFFFFFFF, size & 0xFFFFFFFF)


def warcinfo_member(count: int, level: int) -> bytes:
    body = (
        "software: parallax bench/ingest/synth.py\r\n"
        "format: WARC File Format 1.1\r\n"
        f"description: {count} synthetic copies of the zyte and wcxb-dev benchmark pages\r\n"
    ).encode()
    record = (
        "WARC/1.1\r\nWARC-Type: warcinfo\r\n"
        f"WARC-Date: {warc_date(0)}\r\nWARC-Record-ID: {record_id(-1)}\r\n"
        f"Content-Type: application/warc-fields\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body + b"\r\n\r\n"
    return gzip.compress(record, compresslevel=level, mtime=0)


def response_member(page: Page, copy: int, level: int) -> bytes:
    marker = MARKER_TEMPLATE.format(copy).encode()
    html_len = page.head.length + len(marker) + page.tail.length - 4  # tail carries the record's CRLFCRLF
    http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {html_len}\r\n\r\n".encode()
    block_len = len(http) + html_len
    warc = (
        "WARC/1.1\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {unique_uri(page, copy)}\r\n"
        f"WARC-Date: {warc_date(copy)}\r\nWARC-Record-ID: {record_id(copy)}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {block_len}\r\n\r\n"
    ).encode()
    lead = warc + http
    crc = crc_combine(zlib.crc32(lead), page.head.crc, page.head.shift)
    crc = zlib.crc32(marker, crc)
    crc = crc_combine(crc, page.tail.crc, page.tail.shift)
    pieces = [deflate(lead, level, False), page.head.deflated, deflate(marker, level, False), page.tail.deflated]
    return gzip_member(pieces, crc, len(lead) + page.head.length + len(marker) + page.tail.length)


def write_warc(pages: list[Page], count: int, out: Path, level: int) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    with open(partial, "wb") as sink:
        sink.write(warcinfo_member(count, level))
        for copy in range(count):
            sink.write(response_member(pages[copy % len(pages)], copy, level))
    partial.replace(out)  # never leave a truncated file under the final name


# --- mixed formats ----------------------------------------------------------


def with_marker_in_longest_line(text: str, copy: int) -> str:
    lines = text.split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += MARKER_TEMPLATE.format(copy)
    return "\n".join(lines)


def write_mixed(
    sources: list[Source], pages: list[Page], count: int, out: Path, jsonl_batch: int
) -> dict[str, int]:
    """Round-robin over three formats: HTML page, scraped text (the page's
    ground-truth main text, as a scraper would save it), news-please JSONL line.
    Text and JSONL copies get a unique URL; HTML copies keep the page's own
    canonical URL, like repeated crawls of one page, so the store may treat
    them as revisions of one article rather than new ones."""
    texts = [source for source in sources if source.main_text.strip()]
    if not texts:
        sys.exit("no ground-truth main texts to write as .txt / .jsonl")
    for sub in ("html", "txt", "jsonl"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    counts = {"html": 0, "txt": 0, "jsonl": 0}
    batch = None
    try:
        for copy in range(count):
            kind = ("html", "txt", "jsonl")[copy % 3]
            if kind == "html":
                page = pages[copy % len(pages)]
                html = zlib.decompress(page.head.deflated + page.tail.deflated, -15)[:-4]
                cut = page.head.length
                body = html[:cut] + MARKER_TEMPLATE.format(copy).encode() + html[cut:]
                (out / "html" / f"{copy:07d}-{page.page_id[:12]}.html").write_bytes(body)
            else:
                source = texts[copy % len(texts)]
                page_id, url, title = f"{source.corpus}-{source.page_id[:12]}", source.url, source.title
                text = with_marker_in_longest_line(source.main_text, copy)
                if kind == "txt":
                    header = f"url {with_copy_query(url, copy)}\n" if url else ""
                    (out / "txt" / f"{copy:07d}-{page_id}.txt").write_text(header + "\n" + text + "\n")
                else:
                    if counts["jsonl"] % jsonl_batch == 0:
                        if batch:
                            batch.close()
                        batch = open(out / "jsonl" / f"batch-{counts['jsonl'] // jsonl_batch:04d}.jsonl", "w")
                    domain = re.sub(r"^https?://(www\.)?([^/]+).*$", r"\2", url) if url else None
                    record = {
                        "url": with_copy_query(url, copy) if url else None,
                        "title": title or None,
                        "maintext": text,
                        "date_publish": None,
                        "authors": [],
                        "source_domain": domain,
                        "language": "en",
                    }
                    batch.write(json.dumps(record, ensure_ascii=False) + "\n")
            counts[kind] += 1
    finally:
        if batch:
            batch.close()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--count", type=int, default=100_000, help="number of articles (default 100000)")
    parser.add_argument("-o", "--out", type=Path, help="output file (WARC) or directory (--mixed)")
    parser.add_argument("--mixed", action="store_true", help="write a txt/html/jsonl tree instead of one WARC")
    parser.add_argument("--level", type=int, default=6, choices=range(1, 10), help="gzip level (default 6)")
    parser.add_argument("--jsonl-batch", type=int, default=1000, help="records per .jsonl file in --mixed")
    args = parser.parse_args()
    if args.count < 1:
        parser.error("--count must be positive")

    root = shared_dir()
    if not (root / "data" / "extraction").is_dir():
        sys.exit(f"benchmark pages not found under {root}; set PARALLAX_SHARED")
    started = time.time()
    sources = list(page_sources(root))
    if not sources:
        sys.exit(f"no *.html.gz pages under {root}/data/extraction/{{{','.join(CORPORA)}}}/html")
    pages = load_pages(sources, args.level, CrcShifter())
    unvouched = sum(not page.marker_in_truth for page in pages)
    print(
        f"{len(pages)} pages prepared in {time.time() - started:.1f}s; in {unvouched} of them no <p> matches "
        "the ground-truth text, so extraction may drop the marker and report their copies as duplicates",
        file=sys.stderr,
    )

    if args.mixed:
        out = args.out or REPO_ROOT / "bench" / "out" / f"synth-mixed-{args.count}"
        counts = write_mixed(sources, pages, args.count, out, args.jsonl_batch)
        print(f"wrote {out}: {counts}", file=sys.stderr)
    else:
        label = f"{args.count // 1000}k" if args.count % 1000 == 0 else str(args.count)
        out = args.out or REPO_ROOT / "bench" / "out" / f"synth-{label}.warc.gz"
        write_warc(pages, args.count, out, args.level)
        size_mb = out.stat().st_size / 1e6
        print(f"wrote {out}: {args.count} records, {size_mb:.1f} MB", file=sys.stderr)
    print(f"total {time.time() - started:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
