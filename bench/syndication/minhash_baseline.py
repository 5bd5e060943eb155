#!/usr/bin/env python3
"""MinHash-LSH baseline for copy detection (datasketch).

Usage: minhash_baseline.py DOCS.jsonl PAIRS.tsv
Word 2-gram shingles of the body (lower-cased words), 128 permutations,
MinHashLSH at Jaccard threshold 0.45. Predicted copy groups are the connected
components of the LSH candidate pairs (the same grouping rule as Parallax's),
and every pair inside a group is written to PAIRS.tsv.
"""

import json
import re
import sys
import time

from datasketch import MinHash, MinHashLSH


def shingles(text):
    w = re.findall(r"[a-z0-9']+", text.lower())
    return {" ".join(w[i:i + 2]) for i in range(max(0, len(w) - 1))}


def main():
    docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
    start = time.perf_counter()
    lsh = MinHashLSH(threshold=0.45, num_perm=128)
    parent = {d["id"]: d["id"] for d in docs}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for d in docs:
        m = MinHash(num_perm=128)
        m.update_batch([s.encode("utf-8") for s in shingles(d["body"])])
        for other in lsh.query(m):
            a, b = find(d["id"]), find(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
        lsh.insert(d["id"], m)
    elapsed = time.perf_counter() - start
    groups = {}
    for d in docs:
        groups.setdefault(find(d["id"]), []).append(d["id"])
    pairs = set()
    for members in groups.values():
        members.sort()
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pairs.add((a, b))
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        for a, b in sorted(pairs):
            f.write(f"{a}\t{b}\n")
    print(f"datasketch MinHashLSH: {len(docs)} docs, {len(pairs)} pairs; {elapsed:.3f}s "
          f"({len(docs) / elapsed:.0f} docs/s)")


if __name__ == "__main__":
    main()
