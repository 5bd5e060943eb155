#!/usr/bin/env python3
"""Rebuild ``articles/kestrel-times.warc.gz`` from the pages in ``warc-sources/``.

Owns the demo corpus's only generated file. The archive is shaped like a
Common Crawl file: one gzip member per record, a ``warcinfo`` record first,
then for each page a ``request`` record (which readers must skip) and its
``response`` record carrying the HTTP headers and the page encoded in the
charset the page declares (one page is windows-1252, to exercise decoding).

Reproducible: fixed capture dates, record ids derived from the target URI
(UUID 5), gzip headers with mtime 0 and no file name. Byte-identical output
also assumes the same zlib build, since compressed bytes may differ between
zlib versions; the decompressed records are identical everywhere.

Usage: python3 examples/make_warc.py   (Python standard library only)
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "articles" / "kestrel-times.warc.gz"
SITE = "https://www.kestreltimes.example"

# (source page, target URI path, capture time, charset the page declares)
PAGES = [
    (
        "kestrel-times-moscow-floats-minsk.html",
        "/world/moscow-floats-minsk-as-venue-for-shipping-talks-kyiv-refuses",
        "2026-03-04T16:02:11Z",
        "utf-8",
    ),
    (
        "kestrel-times-analysis-corridor-on-paper.html",
        "/world/analysis-geneva-black-sea-talks-corridor-on-paper",
        "2026-03-06T09:41:37Z",
        "windows-1252",
    ),
]


def sha1_label(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def record(fields: list[tuple[str, str]], block: bytes) -> bytes:
    """One WARC/1.1 record as a gzip member of its own."""
    head = "WARC/1.1\r\n" + "".join(f"{name}: {value}\r\n" for name, value in fields)
    head += f"WARC-Block-Digest: {sha1_label(block)}\r\nContent-Length: {len(block)}\r\n\r\n"
    return gzip.compress(head.encode() + block + b"\r\n\r\n", compresslevel=9, mtime=0)


def record_id(key: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key)}>"


def warcinfo() -> bytes:
    block = (
        b"software: parallax examples/make_warc.py\r\n"
        b"format: WARC File Format 1.1\r\n"
        b"description: Fictional pages written for testing Parallax\r\n"
    )
    fields = [
        ("WARC-Type", "warcinfo"),
        ("WARC-Date", PAGES[0][2]),
        ("WARC-Filename", OUTPUT.name),
        ("WARC-Record-ID", record_id("parallax-examples/warcinfo")),
        ("Content-Type", "application/warc-fields"),
    ]
    return record(fields, block)


def exchange(source: str, path: str, captured: str, charset: str) -> bytes:
    """The request and response records for one page."""
    uri = SITE + path
    payload = (HERE / "warc-sources" / source).read_text(encoding="utf-8").encode(charset)
    request = (
        f"GET {path} HTTP/1.1\r\nHost: www.kestreltimes.example\r\n"
        "User-Agent: parallax-examples/1.0\r\nAccept: text/html\r\n\r\n"
    ).encode()
    response = (
        "HTTP/1.1 200 OK\r\n"
        f"Content-Type: text/html; charset={charset}\r\n"
        f"Content-Length: {len(payload)}\r\n"
        "Server: nginx\r\n\r\n"
    ).encode() + payload
    response_id = record_id(uri)
    common = [("WARC-Date", captured), ("WARC-Target-URI", uri)]
    request_fields = [("WARC-Type", "request"), *common, ("WARC-Record-ID", record_id("request " + uri))]
    request_fields += [("WARC-Concurrent-To", response_id), ("Content-Type", "application/http; msgtype=request")]
    response_fields = [("WARC-Type", "response"), *common, ("WARC-Record-ID", response_id)]
    response_fields += [
        ("WARC-Payload-Digest", sha1_label(payload)),
        ("Content-Type", "application/http; msgtype=response"),
    ]
    return record(request_fields, request) + record(response_fields, response)


def main() -> None:
    archive = warcinfo() + b"".join(exchange(*page) for page in PAGES)
    OUTPUT.write_bytes(archive)
    print(f"wrote {OUTPUT.relative_to(HERE.parent)} ({len(archive)} bytes, {1 + 2 * len(PAGES)} records)")


if __name__ == "__main__":
    main()
