#!/usr/bin/env python3
"""Check a ``.warc.gz`` written by ``synth.py`` (or any record-per-member WARC).

Owns validation only: it decompresses the file one gzip member at a time (so
each member's CRC-32 and length are verified by zlib), insists on exactly one
WARC record per member, checks that ``Content-Length`` matches the record
block, that the HTTP payload length matches its own ``Content-Length``, that
target URIs and record ids are unique, and (with ``--markers``, for synth.py
output) that every response carries a distinct copy marker. Python standard library only; memory stays flat apart
from the sets of seen ids.

Usage: verify_warc.py [--markers] FILE.warc.gz
"""

from __future__ import annotations

import re
import sys
import zlib
from collections import Counter

MARKER = re.compile(rb"Synthetic copy (\d{7})\.")
CHUNK = 1 << 20


def members(path: str):
    """Yield the decompressed bytes of each gzip member in turn."""
    with open(path, "rb") as source:
        pending = b""
        while True:
            decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)  # gzip wrapper, checks CRC and ISIZE
            out = []
            data = pending
            while not decompressor.eof:
                if not data:
                    data = source.read(CHUNK)
                    if not data:
                        if out or pending:
                            raise ValueError("truncated gzip member at end of file")
                        return
                out.append(decompressor.decompress(data))
                data = decompressor.unused_data if decompressor.eof else b""
            pending = data
            yield b"".join(out)


def parse_headers(block: bytes) -> tuple[str, dict[str, str], bytes]:
    head, sep, rest = block.partition(b"\r\n\r\n")
    if not sep:
        raise ValueError("no blank line after headers")
    lines = head.decode("utf-8").split("\r\n")
    fields = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        fields[name.strip().lower()] = value.strip()
    return lines[0], fields, rest


def verify(path: str, expect_markers: bool) -> Counter:
    stats: Counter = Counter()
    uris, ids, markers = set(), set(), set()
    for index, member in enumerate(members(path)):
        version, fields, rest = parse_headers(member)
        if not version.startswith("WARC/"):
            raise ValueError(f"member {index}: not a WARC record ({version!r})")
        length = int(fields["content-length"])
        if rest[length:] != b"\r\n\r\n":
            raise ValueError(f"member {index}: Content-Length {length} does not end the record")
        if fields["warc-record-id"] in ids:
            raise ValueError(f"member {index}: duplicate record id")
        ids.add(fields["warc-record-id"])
        stats[fields["warc-type"]] += 1
        if fields["warc-type"] != "response":
            continue
        uri = fields["warc-target-uri"]
        if uri in uris:
            raise ValueError(f"member {index}: duplicate target URI {uri}")
        uris.add(uri)
        status, http, payload = parse_headers(rest[:length])
        if not status.startswith("HTTP/1.1 200") or int(http["content-length"]) != len(payload):
            raise ValueError(f"member {index}: bad HTTP block ({status!r})")
        stats["payload bytes"] += len(payload)
        if not expect_markers:
            continue
        found = MARKER.findall(payload)
        if len(found) != 1 or found[0] in markers:
            raise ValueError(f"member {index}: expected one new copy marker, found {found[:3]}")
        markers.add(found[0])
    return stats


def main() -> None:
    args = sys.argv[1:]
    expect_markers = "--markers" in args
    paths = [arg for arg in args if arg != "--markers"]
    if len(paths) != 1:
        sys.exit(__doc__.split("Usage: ")[1])
    try:
        stats = verify(paths[0], expect_markers)
    except (ValueError, KeyError, zlib.error, UnicodeDecodeError) as error:
        sys.exit(f"{paths[0]}: INVALID: {error!r}")
    print(f"{paths[0]}: OK: " + ", ".join(f"{k} {v}" for k, v in stats.items()))


if __name__ == "__main__":
    main()
