#!/usr/bin/env python3
"""Synthesise a large, realistic news corpus for the link-stage scale benchmark.

Writes N articles (default 100,000) as JSONL in the news-please shape that
`parallax ingest` reads (`title`, `maintext`, `url`, `date_publish`,
`source_domain`, `authors`, `language`; see docs/input-formats.md), built from
the texts of the shared corpora (PolNeAR train+dev, BASIL 2010-2014, Zyte and
WCXB-dev ground truth). Nothing from those corpora is copied into the
repository: the output goes to a path outside it.

The mix (fractions of N, deterministic for a given --seed):

- 60 % distinct articles: runs of one to three sentences from 10-16 different
  source texts of one *family* (a PolNeAR publisher, BASIL, Zyte, WCXB; each
  family holds 120-700 texts and thousands of sentences), regrouped into
  paragraphs of 2-4 sentences (about 400 words), so two distinct articles rarely share a
  sentence and are never copies of each other, but articles of one family
  share vocabulary and names like real coverage of one beat does.
- 20 % syndicated copies of an earlier generated article: another outlet,
  another URL, a new headline, trimmed to 40-100 % of its paragraphs, a
  boilerplate line added, published 0-2 days later. These must end up in copy
  groups.
- 20 % members of multi-outlet events: one source text's paragraphs dealt out
  round-robin to 2-5 outlets (disjoint paragraphs: no shared text, shared
  names and terms), each report padded with one family sentence, published
  within 3 days. These should link into stories.

Publication dates are spread uniformly over 2010-01-01 .. 2025-12-31; outlets
are ~200 synthetic domains. `--offset` numbers articles from another start
(a second, disjoint batch for the incremental measurement); `--shuffle SEED`
writes the same articles in another order (the order-independence check).
"""

import argparse
import ast
import datetime as dt
import glob
import gzip
import json
import os
import random
import sys

CITIES = [
    "springfield", "riverside", "fairview", "kingston", "ashland", "clinton", "dover",
    "georgetown", "hudson", "jackson", "lexington", "madison", "milton", "newport",
    "oxford", "salem", "troy", "winchester", "bristol", "camden",
]
PAPERS = ["herald", "tribune", "gazette", "courier", "post", "times", "ledger", "chronicle", "dispatch", "observer"]
OUTLETS = [f"{city}{paper}.com" for city in CITIES for paper in PAPERS]  # 200

BOILERPLATE = [
    "Sign up for our daily newsletter to get the top stories in your inbox.",
    "Read more: the day's top stories, curated by our editors.",
    "This article was provided by a wire service and edited for length.",
    "Follow us on social media for the latest updates.",
]

FIRST_DAY = dt.date(2010, 1, 1)
DAY_SPAN = (dt.date(2025, 12, 31) - FIRST_DAY).days


def paragraphs_of(text):
    """Non-trivial paragraphs of a plain text (blank-line or line separated)."""
    parts = [p.strip() for p in text.replace("\r", "").split("\n")]
    return [p for p in parts if len(p.split()) >= 8]


def sentences_of(paragraph):
    """The sentences of a paragraph, split after . ! ? followed by a space and
    a capital (good enough to recombine; abbreviations merely split early)."""
    out, start = [], 0
    for i in range(1, len(paragraph) - 1):
        if paragraph[i - 1] in ".!?" and paragraph[i] == " " and paragraph[i + 1].isupper():
            out.append(paragraph[start:i].strip())
            start = i + 1
    out.append(paragraph[start:].strip())
    return [s for s in out if s] or [paragraph]


def load_families(shared):
    """Source texts grouped into families: {family: [(title, [paragraph])]}."""
    families = {}

    def add(family, title, paragraphs):
        if len(paragraphs) >= 3:
            families.setdefault(family, []).append((title.strip() or "Untitled", paragraphs))

    polnear = os.path.join(shared, "quotes/polnear")
    meta = {}
    with open(os.path.join(polnear, "metadata.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            meta[row["filename"]] = row
    for path in sorted(glob.glob(os.path.join(polnear, "*/text/*.txt"))):
        name = os.path.basename(path)[: -len(".txt")]
        row = meta.get(name, {})
        with open(path, encoding="utf-8", errors="replace") as f:
            add("polnear-" + row.get("publisher", "other"), row.get("title", ""), paragraphs_of(f.read()))

    for path in sorted(glob.glob(os.path.join(shared, "stories/basil/articles/*/*.json"))):
        with open(path, encoding="utf-8") as f:
            record = json.load(f)
        body = record.get("body-paragraphs") or []
        if isinstance(body, str):
            body = ast.literal_eval(body)
        paragraphs = [" ".join(p) if isinstance(p, list) else str(p) for p in body]
        add("basil", record.get("title", ""), [p for p in paragraphs if len(p.split()) >= 8])

    zyte = os.path.join(shared, "extraction/zyte/ground-truth.json")
    with open(zyte, encoding="utf-8") as f:
        for key, record in sorted(json.load(f).items()):
            body = record.get("articleBody") or ""
            add("zyte", body.split(".")[0][:90], paragraphs_of(body))

    for path in sorted(glob.glob(os.path.join(shared, "extraction/wcxb-dev/ground-truth/*.json"))):
        with open(path, encoding="utf-8") as f:
            truth = json.load(f).get("ground_truth") or {}
        add("wcxb", truth.get("title") or "", paragraphs_of(truth.get("main_content") or ""))
    return families


def date_text(day):
    return f"{day.isoformat()} {random_hour(day):02d}:00:00"


def random_hour(day):
    # Deterministic in the day, so a copy on the same day gets the same hour.
    return 6 + day.toordinal() % 14


class Generator:
    def __init__(self, families, seed, offset):
        self.rng = random.Random(seed)
        self.families = families
        self.names = sorted(families)
        # Families weighted by size, so the big ones carry more articles.
        self.weights = [len(families[n]) for n in self.names]
        self.offset = offset
        self.count = 0
        self.recent = []  # recently generated distinct articles, for syndication
        self.stories = []  # gold story label of each generated article, in order

    def article(self, kind, title, paragraphs, outlet, day, story=None):
        number = self.offset + self.count
        self.count += 1
        # The story the article was generated for (not written to the
        # corpus; `--gold` lists it): its own number for a distinct article,
        # its original's for a copy, the event's for an event report.
        self.stories.append(story or f"{kind}-{number:07d}")
        return {
            "url": f"https://{outlet}/{day.year}/{day.month:02d}/{kind}-{number:07d}",
            "title": title,
            "maintext": "\n\n".join(paragraphs),
            "date_publish": date_text(day),
            "source_domain": outlet,
            "language": "en",
            "authors": [],
        }

    def family(self):
        return self.rng.choices(self.names, weights=self.weights)[0]

    def distinct(self):
        # Runs of one or two sentences from 4-8 texts of one family: two
        # distinct articles almost never share a sentence, and never most of
        # their text (sharing whole paragraph blocks made 2-block articles
        # "copies" of each other and chained a family into one giant group).
        texts = self.families[self.family()]
        sources = self.rng.sample(texts, min(len(texts), self.rng.randint(10, 16)))
        sentences = []
        for _, source in sources:
            split = sentences_of(self.rng.choice(source))
            run = self.rng.randint(1, min(3, len(split)))
            start = self.rng.randrange(0, len(split) - run + 1)
            sentences.extend(split[start : start + run])
        paragraphs = []
        while sentences:
            size = self.rng.randint(2, 4)
            paragraphs.append(" ".join(sentences[:size]))
            sentences = sentences[size:]
        title = sources[0][0]
        day = FIRST_DAY + dt.timedelta(days=self.rng.randrange(DAY_SPAN + 1))
        record = self.article("a", title, paragraphs, self.rng.choice(OUTLETS), day)
        self.recent.append(record)
        if len(self.recent) > 2000:
            self.recent.pop(0)
        return [record]

    def copy(self):
        if not self.recent:
            return self.distinct()
        original = self.rng.choice(self.recent)
        paragraphs = original["maintext"].split("\n\n")
        keep = max(1, round(len(paragraphs) * self.rng.uniform(0.4, 1.0)))
        paragraphs = paragraphs[:keep] + [self.rng.choice(BOILERPLATE)]
        day = dt.date.fromisoformat(original["date_publish"][:10]) + dt.timedelta(days=self.rng.randint(0, 2))
        outlet = self.rng.choice([o for o in OUTLETS if o != original["source_domain"]])
        title = self.rng.choice(["UPDATE: ", "", "Wire: ", "Report: "]) + original["title"]
        story = "a-" + original["url"].rsplit("-", 1)[1]
        return [self.article("c", title, paragraphs, outlet, day, story)]

    def event(self):
        family = self.family()
        texts = [t for t in self.families[family] if len(t[1]) >= 4]
        if not texts:
            return self.distinct()
        title, source = self.rng.choice(texts)
        outlets = self.rng.sample(OUTLETS, min(5, max(2, len(source) // 2), self.rng.randint(2, 5)))
        day = FIRST_DAY + dt.timedelta(days=self.rng.randrange(DAY_SPAN + 1))
        padding = self.families[family]
        story = f"e-{self.offset + self.count:07d}"
        out = []
        for i, outlet in enumerate(outlets):
            dealt = source[i :: len(outlets)]
            extra = self.rng.choice(sentences_of(self.rng.choice(self.rng.choice(padding)[1])))
            out.append(
                self.article(
                    "e",
                    title if i == 0 else f"{title} ({outlet.split('.')[0]})",
                    dealt + [extra],
                    outlet,
                    day + dt.timedelta(days=self.rng.randint(0, 3)),
                    story,
                )
            )
        return out

    def records(self, n):
        # Each step makes the kind furthest below its share of the output so
        # far (events come in batches of 2-5, so a random roll per batch
        # would over-weight them).
        shares = {"distinct": 0.6, "copy": 0.2, "event": 0.2}
        made = {kind: 0 for kind in shares}
        total = 0
        while total < n:
            kind = max(shares, key=lambda k: (shares[k] * (total + 1) - made[k], k))
            batch = getattr(self, kind)()
            made[kind] += len(batch)
            for record in batch[: n - total]:
                yield record
                total += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=100_000, help="number of articles (default 100000)")
    parser.add_argument("-o", "--output", required=True, help="output .jsonl path (outside the repository)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--offset", type=int, default=0, help="first article number (for a disjoint second batch)")
    parser.add_argument("--shuffle", type=int, default=None, help="write the same articles in an order shuffled with this seed")
    parser.add_argument("--gold", default=None, help="also write url<TAB>story TSV: the story each article was generated for")
    parser.add_argument(
        "--shared",
        default=os.environ.get("PARALLAX_SHARED", os.path.join(os.path.dirname(__file__), "../../../shared")),
        help="shared data directory (default $PARALLAX_SHARED or ../shared)",
    )
    args = parser.parse_args()
    families = load_families(os.path.join(args.shared, "data"))
    if not families:
        sys.exit(f"no source texts under {args.shared}/data")
    generator = Generator(families, args.seed, args.offset)
    records = list(generator.records(args.n))
    labelled = list(zip(records, generator.stories))
    if args.shuffle is not None:
        random.Random(args.shuffle).shuffle(labelled)
    records = [record for record, _ in labelled]
    if args.gold:
        with open(args.gold, "w", encoding="utf-8") as out:
            for record, story in labelled:
                out.write(f"{record['url']}\t{story}\n")
    opener = gzip.open if args.output.endswith(".gz") else open
    with opener(args.output, "wt", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    sizes = {name: len(texts) for name, texts in sorted(families.items())}
    print(f"wrote {len(records)} articles to {args.output} from source families {sizes}", file=sys.stderr)


if __name__ == "__main__":
    main()
