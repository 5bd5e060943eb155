#!/usr/bin/env python3
"""Checks the story Parallax made of the five seeds against bench/seeds/story.tsv.

Usage: story_check.py EXPECTATIONS ARTICLES_JSONL STORY_JSON...
  ARTICLES_JSONL: `parallax list --json` (maps article ids to seed file prefixes)
  STORY_JSON:     `parallax story ID --json`, one file per story
Prints PASS/FAIL per expectation with what was found, and a summary; exits 1 when one fails.
"""

import json
import os
import sys


def seed_of(path):
    return os.path.basename(path or "")[:3]


def load_expectations(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def anchors(field):
    """'000:phrase | 001:phrase' -> [('000', 'phrase'), ('001', 'phrase')]"""
    out = []
    for part in field.split(" | "):
        seed, _, phrase = part.strip().partition(":")
        out.append((seed, phrase))
    return out


class Story:
    def __init__(self, reports, seeds):
        self.reports = reports
        self.seed = seeds  # article id -> seed prefix

    def entries(self):
        """Every timeline, undated and background entry, with its list name."""
        for r in self.reports:
            for name in ("timeline", "undated", "background"):
                for entry in r.get(name, []):
                    yield name, entry

    def entry_with(self, seed, phrase):
        return [
            (name, e)
            for name, e in self.entries()
            if any(self.seed.get(x["article"]) == seed and phrase in x["text"] for x in e["evidence"])
        ]

    def seeds(self, ids):
        return sorted(self.seed.get(i, i) for i in ids)

    def describe(self, name, entry):
        when = entry.get("date") or "undated:" + entry.get("when", "?")
        inferred = " inferred %.2f" % entry["date_inferred"] if entry.get("date_inferred") is not None else ""
        return '%s %s%s "%s" cites %s' % (
            name, when, inferred, entry["summary"], ",".join(self.seeds(entry["sources"])))


def check_story(story, row):
    _, _, seeds = row[:3]
    want = seeds.split(",")
    for r in story.reports:
        have = story.seeds(a["id"] for a in r["articles"])
        if set(want) <= set(have):
            return True, "one story holds %s" % ",".join(have)
    return False, "no story holds all of %s (stories: %s)" % (
        seeds, "; ".join(",".join(story.seeds(a["id"] for a in r["articles"])) for r in story.reports))


def first_of_each(anchor_field, find):
    """The first thing `find(seed, phrase)` returns for each anchor, or the
    first anchor nothing holds."""
    found = []
    for seed, phrase in anchors(anchor_field):
        hits = find(seed, phrase)
        if not hits:
            return None, "%s:%r" % (seed, phrase)
        found.append(hits[0])
    return found, None


def check_happening(story, row):
    _, _, date, basis, seeds, anchor_field = row[:6]
    found, missing = first_of_each(anchor_field, story.entry_with)
    if missing:
        return False, "no entry has evidence " + missing
    first = found[0][1]
    if any(e is not first for _, e in found):
        return False, "the anchors are in different entries: " + " || ".join(
            story.describe(n, e) for n, e in found)
    name, entry = found[0]
    detail = story.describe(name, entry)
    if date.startswith("undated:"):
        if name != "undated" or entry.get("when") != date[len("undated:"):]:
            return False, "expected undated (%s), got %s" % (date, detail)
    else:
        if name != "timeline" or entry.get("date") != date or entry.get("precision") != "day":
            return False, "expected timeline %s, got %s" % (date, detail)
        inferred = entry.get("date_inferred") is not None
        if basis == "stated" and inferred:
            return False, "date should be stated, is marked inferred: " + detail
        if basis == "inferred" and not inferred:
            return False, "date rests on an inferred publication date but is not marked: " + detail
    missing = set(seeds.split(",")) - set(story.seeds(entry["sources"]))
    if missing:
        return False, "does not cite %s: %s" % (",".join(sorted(missing)), detail)
    return True, detail


def statements_with(story, seed, phrase):
    return [
        s for r in story.reports for s in r["statements"]
        if any(story.seed.get(q["article"]) == seed and phrase in q["text"] for q in s["quotes"])
    ]


def check_statement(story, row):
    _, _, seeds, anchor_field = row[:4]
    found, missing = first_of_each(anchor_field, lambda seed, phrase: statements_with(story, seed, phrase))
    if missing:
        return False, "no statement quotes " + missing
    if any(s is not found[0] for s in found):
        return False, "quotes in different statements: " + ", ".join(s["id"] for s in found)
    s = found[0]
    sources = story.seeds(s["sources"])
    detail = "%s (%s) sources %s" % (s["id"], (s.get("speaker") or {}).get("name"), ",".join(sources))
    if sources != sorted(seeds.split(",")):
        return False, "expected sources %s: %s" % (seeds, detail)
    return True, detail


def check_separate(story, row):
    _, _, a, b = row[:4]
    (sa, pa), (sb, pb) = anchors(a)[0], anchors(b)[0]
    xa, xb = statements_with(story, sa, pa), statements_with(story, sb, pb)
    if not xa or not xb:
        return False, "a quote was not found (%d, %d statements)" % (len(xa), len(xb))
    if xa[0] is xb[0]:
        return False, "both in %s" % xa[0]["id"]
    return True, "%s and %s" % (xa[0]["id"], xb[0]["id"])


def check_figure(story, row):
    _, _, agreement, anchor_field = row[:4]

    def groups_with(seed, phrase):
        return [
            g for r in story.reports for g in r["figures"]
            if any(story.seed.get(m["article"]) == seed and (phrase in m["text"] or m["text"] in phrase)
                   for m in g["mentions"])
        ]

    groups, missing = first_of_each(anchor_field, groups_with)
    if missing:
        return False, "no figure group holds " + missing
    if any(g is not groups[0] for g in groups):
        return False, "figures in different groups: " + ", ".join(g["id"] for g in groups)
    g = groups[0]
    detail = "%s %s: %s" % (g["id"], g["agreement"], " / ".join(m["text"] for m in g["mentions"]))
    return g["agreement"] == agreement, detail


def check_background(story, row):
    seed, phrase = anchors(row[2])[0]
    hits = story.entry_with(seed, phrase)
    names = sorted({n for n, _ in hits})
    if names == ["background"]:
        return True, story.describe(*hits[0])
    return False, "found in %s" % (names or "nothing")


def check_absent(story, row):
    seed, phrase = anchors(row[2])[0]
    hits = [(n, e) for n, e in story.entry_with(seed, phrase) if n == "timeline"]
    if hits:
        return False, "in the timeline: " + story.describe(*hits[0])
    return True, "not in the timeline"


def check_labels(story, row):
    bad = [a["id"] for r in story.reports for a in r["articles"] if not a.get("label") or a["label"] == a["id"]]
    if bad:
        return False, "named only by id: " + ", ".join(bad)
    return True, "; ".join(
        "%s %s" % (story.seed.get(a["id"]), a["label"]) for r in story.reports for a in r["articles"])


CHECKS = {
    "labels": check_labels,
    "story": check_story,
    "happening": check_happening,
    "statement": check_statement,
    "separate": check_separate,
    "figure": check_figure,
    "background": check_background,
    "absent": check_absent,
}


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    rows = load_expectations(sys.argv[1])
    seeds = {}
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                seeds[a["id"]] = seed_of(a.get("source_path"))
    reports = []
    for path in sys.argv[3:]:
        with open(path, encoding="utf-8") as f:
            reports.append(json.load(f))
    story = Story(reports, seeds)
    failed = 0
    for row in rows:
        kind = row[0]
        ok, detail = CHECKS[kind](story, row)
        failed += not ok
        print("%s  %-10s %-26s %s" % ("PASS" if ok else "FAIL", kind, row[1], detail))
    print("%d/%d expectations hold" % (len(rows) - failed, len(rows)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
