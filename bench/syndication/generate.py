#!/usr/bin/env python3
"""Generates the syndication (copy detection) benchmark, deterministically.

Usage: generate.py SHARED_DIR OUT_DIR [--seed N]

Reads PolNeAR (train+dev texts, metadata.tsv) and BASIL 2010-2014 from
SHARED_DIR and writes OUT_DIR/docs.jsonl: one JSON object per line,
{id, group, title, outlet, date, body, kind}. `group` is the copy group: an
original and the copies made of it share it; every other document has its own.
Nothing is written into the repository (the texts are third-party).

Copies of an original are made by composing, at random (seeded):
  - retitle: a new headline built from other words;
  - trim: drop the last 20-60% of paragraphs, or a middle chunk of them;
  - re-paragraph: merge neighbouring paragraphs or split at a sentence;
  - boilerplate: promo lines, a "Related stories" list, a byline, a
    copyright or newsletter line, at the top and/or bottom;
  - small edits: a few words replaced or dropped.
Distinct articles on the same topic: the other outlets' articles of the same
BASIL triplet (same event, written separately), and for each PolNeAR
original the PolNeAR article sharing the most capitalised words with it.

The source pool is first cleaned of near-duplicates already present in the
data (PolNeAR carries wire stories run by several publishers): a source is
dropped when 50% of its word 8-grams occur in an earlier kept source. Those
would be real copies the gold standard did not mark.
"""

import argparse
import csv
import glob
import json
import os
import random
import re

PROMOS = [
    "Sign up for our morning newsletter to get the day's top stories.",
    "Click here to get the app and never miss breaking news.",
    "Subscribe now for unlimited access to our journalism.",
    "Follow us on Twitter and Facebook for the latest updates.",
    "Advertisement",
    "Watch the latest video at our homepage.",
    "This story has been updated with additional reporting.",
]
RELATED = [
    "Related stories:",
    "Related: Five things to know before the vote",
    "Related: What the latest poll numbers mean",
    "Related: Lawmakers return to a crowded agenda",
    "Read more: The week in politics, explained",
]
BYLINES = ["By Staff Writers", "By Associated Press", "By Reuters staff", "From wire reports", "By Jane Carter"]
COPYRIGHT = [
    "Copyright 2016 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
    "(c) Reuters. All rights reserved.",
]
OUTLETS = ["Daily Ledger", "Metro Herald", "Evening Courier", "Valley News", "Coastal Times", "Capital Wire"]
SWAPS = {
    "said": "stated", "says": "states", "told": "informed", "big": "large", "new": "fresh",
    "also": "too", "major": "key", "important": "crucial", "people": "residents",
    "Monday": "Tuesday", "week": "month", "many": "several",
}


def words(text):
    return re.findall(r"[A-Za-z0-9']+", text.lower())


def ngrams(text, n):
    w = words(text)
    return {tuple(w[i:i + n]) for i in range(max(0, len(w) - n + 1))}


def norm(text):
    return " ".join(words(text))


def paragraphs(body):
    return [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]


def load_basil(shared):
    docs = []
    for path in sorted(glob.glob(os.path.join(shared, "data/stories/basil/articles/*/*.json"))):
        d = json.load(open(path, encoding="utf-8"))
        paras = []
        for p in d.get("body-paragraphs", []):
            text = " ".join(p) if isinstance(p, list) else str(p)
            if text.strip():
                paras.append(text.strip())
        docs.append({
            "source": "basil:" + os.path.basename(path)[:-5],
            "title": d.get("title") or "",
            "date": d.get("date"),
            "outlet": d.get("source"),
            "body": "\n\n".join(paras),
            "topic": "basil:" + d["triplet-uuid"],
        })
    return docs


def load_polnear(shared):
    base = os.path.join(shared, "data/quotes/polnear")
    meta = {}
    with open(os.path.join(base, "metadata.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            meta[row["filename"]] = row
    docs = []
    for split in ("train", "dev"):
        for path in sorted(glob.glob(os.path.join(base, split, "text", "*.txt"))):
            name = os.path.basename(path)[:-4]
            m = meta.get(name, {})
            paras = paragraphs(open(path, encoding="utf-8").read())
            title = m.get("title") or (paras[0] if paras else "")
            if paras and norm(paras[0]) == norm(title):
                paras = paras[1:]
            if len(paras) < 4:
                continue
            docs.append({
                "source": "polnear:" + name,
                "title": title,
                "date": m.get("publication_date"),
                "outlet": m.get("publisher"),
                "body": "\n\n".join(paras),
                "topic": None,
            })
    return docs


def clean_pool(docs):
    """Drops sources that are near-copies of an earlier kept source."""
    kept, index, dropped = [], {}, 0
    for doc in docs:
        grams = ngrams(doc["body"], 8)
        if not grams:
            continue
        hits = {}
        for g in grams:
            for k in index.get(g, ()):
                hits[k] = hits.get(k, 0) + 1
        if any(c / min(len(grams), kept[k][1]) >= 0.5 for k, c in hits.items()):
            dropped += 1
            continue
        for g in grams:
            index.setdefault(g, []).append(len(kept))
        kept.append((doc, len(grams)))
    return [d for d, _ in kept], dropped


def split_sentences(p):
    return [s for s in re.split(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])", p) if s]


def retitle(rng, doc):
    w = [x for x in re.findall(r"[A-Za-z']+", doc["body"]) if len(x) > 4][:60]
    pick = rng.sample(w, min(5, len(w))) if w else ["Update"]
    return " ".join(x.capitalize() for x in pick)


def trim(rng, paras):
    if len(paras) < 3:
        return paras
    if rng.random() < 0.6:
        keep = max(1, round(len(paras) * (1 - rng.uniform(0.2, 0.6))))
        return paras[:keep]
    start = rng.randrange(1, len(paras) - 1)
    length = max(1, round(len(paras) * rng.uniform(0.2, 0.4)))
    return paras[:start] + paras[start + length:]


def reparagraph(rng, paras):
    out, i = [], 0
    while i < len(paras):
        r = rng.random()
        if r < 0.3 and i + 1 < len(paras):
            out.append(paras[i] + " " + paras[i + 1])
            i += 2
            continue
        if r < 0.6:
            s = split_sentences(paras[i])
            if len(s) > 1:
                cut = rng.randrange(1, len(s))
                out.extend([" ".join(s[:cut]), " ".join(s[cut:])])
                i += 1
                continue
        out.append(paras[i])
        i += 1
    return out


def boilerplate(rng, paras):
    top = []
    if rng.random() < 0.6:
        top.append(rng.choice(BYLINES))
    if rng.random() < 0.3:
        top.append(rng.choice(PROMOS))
    bottom = []
    if rng.random() < 0.6:
        bottom.append(rng.choice(PROMOS))
    if rng.random() < 0.5:
        bottom.extend(rng.sample(RELATED, 3))
    if rng.random() < 0.4:
        bottom.append(rng.choice(COPYRIGHT))
    mid = list(paras)
    if len(mid) > 4 and rng.random() < 0.4:
        mid.insert(rng.randrange(2, len(mid) - 1), rng.choice(PROMOS))
    return top + mid + bottom


def edit(rng, paras):
    out = []
    for p in paras:
        tokens = p.split(" ")
        for _ in range(rng.randrange(0, 2)):
            i = rng.randrange(len(tokens))
            t = tokens[i]
            if t in SWAPS:
                tokens[i] = SWAPS[t]
            elif rng.random() < 0.5 and len(tokens) > 8:
                tokens.pop(i)
        out.append(" ".join(tokens))
    return out


def make_copy(rng, doc):
    paras = paragraphs(doc["body"])
    if rng.random() < 0.8:
        paras = trim(rng, paras)
    if rng.random() < 0.7:
        paras = reparagraph(rng, paras)
    if rng.random() < 0.8:
        paras = boilerplate(rng, paras)
    if rng.random() < 0.7:
        paras = edit(rng, paras)
    title = retitle(rng, doc) if rng.random() < 0.8 else doc["title"]
    return {"title": title, "body": "\n\n".join(paras), "outlet": rng.choice(OUTLETS), "date": doc["date"]}


def capitalised(doc):
    return set(re.findall(r"\b[A-Z][a-z]{2,}\b", doc["body"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("shared")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--originals", type=int, default=200)
    args = ap.parse_args()
    rng = random.Random(args.seed)

    basil = load_basil(args.shared)
    polnear = load_polnear(args.shared)
    pool, dropped = clean_pool(basil + polnear)
    by_topic = {}
    for d in pool:
        if d["topic"]:
            by_topic.setdefault(d["topic"], []).append(d)
    pol_pool = [d for d in pool if d["source"].startswith("polnear:")]
    caps = {d["source"]: capitalised(d) for d in pol_pool}

    originals = rng.sample(pool, min(args.originals, len(pool)))
    chosen = {d["source"]: d for d in originals}
    # Distinct same-topic articles for every original.
    for d in originals:
        if d["topic"]:
            for other in by_topic.get(d["topic"], []):
                chosen.setdefault(other["source"], other)
        else:
            mine = caps[d["source"]]
            best = max((o for o in pol_pool if o["source"] != d["source"]),
                       key=lambda o: (len(mine & caps[o["source"]]), o["source"]), default=None)
            if best is not None:
                chosen.setdefault(best["source"], best)

    out = []
    for source in sorted(chosen):
        d = chosen[source]
        out.append({"id": source, "group": source, "title": d["title"], "outlet": d["outlet"],
                    "date": d["date"], "body": d["body"], "kind": "source"})
    for d in sorted(originals, key=lambda x: x["source"]):
        for n in range(rng.choice([1, 1, 2, 3])):
            c = make_copy(rng, d)
            out.append({"id": f"{d['source']}#copy{n + 1}", "group": d["source"], "title": c["title"],
                        "outlet": c["outlet"], "date": c["date"], "body": c["body"], "kind": "copy"})
    rng.shuffle(out)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "docs.jsonl"), "w", encoding="utf-8") as f:
        for d in out:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    groups = {}
    for d in out:
        groups.setdefault(d["group"], 0)
        groups[d["group"]] += 1
    pairs = sum(n * (n - 1) // 2 for n in groups.values())
    print(f"generated {len(out)} documents ({sum(d['kind'] == 'copy' for d in out)} copies of "
          f"{len(originals)} originals), {pairs} gold copy pairs; seed {args.seed}; "
          f"{dropped} near-duplicate sources dropped from the pool of {len(basil) + len(polnear)}")


if __name__ == "__main__":
    main()
