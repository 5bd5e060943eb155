#!/usr/bin/env python3
"""Pairwise precision/recall/F1 of predicted copy pairs against the gold
copy groups of docs.jsonl.

Usage: score.py DOCS.jsonl LABEL=PAIRS.tsv [LABEL=PAIRS.tsv ...]
"""

import json
import sys


def gold_pairs(path):
    groups = {}
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        groups.setdefault(d["group"], []).append(d["id"])
    pairs = set()
    for members in groups.values():
        members.sort()
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pairs.add((a, b))
    return pairs


def main():
    gold = gold_pairs(sys.argv[1])
    print(f"gold copy pairs: {len(gold)}")
    for arg in sys.argv[2:]:
        label, path = arg.split("=", 1)
        pred = set()
        for line in open(path, encoding="utf-8"):
            a, b = line.rstrip("\n").split("\t")
            pred.add((min(a, b), max(a, b)))
        right = len(pred & gold)
        p = right / len(pred) if pred else 1.0
        r = right / len(gold) if gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{label:<12} pairs {len(pred):>5}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


if __name__ == "__main__":
    main()
