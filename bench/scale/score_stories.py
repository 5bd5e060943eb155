#!/usr/bin/env python3
"""Score the stories stored in a Parallax data directory against the story
each generated article was made for (`make_corpus.py --gold`).

    python3 bench/scale/score_stories.py DATA_DIR GOLD.tsv [GOLD.tsv ...]

Prints one JSON line: B-cubed precision/recall/F1 over the articles that
have a gold label, the number of stories, the largest story and the
longest time span of a story (days between its first and last stated
publication date). Gold: a distinct article is its own story, a syndicated
copy belongs to its original's, the reports of one generated event to one.
"""

import collections
import datetime
import json
import sqlite3
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    data, gold_paths = sys.argv[1], sys.argv[2:]
    gold_by_url = {}
    for path in gold_paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                url, story = line.rstrip("\n").split("\t")
                gold_by_url[url] = story
    db = sqlite3.connect(f"file:{data}/parallax.db?mode=ro", uri=True)
    url_of = dict(db.execute("SELECT id, url FROM articles"))
    story_of = dict((a, s) for s, a in db.execute("SELECT story_id, article_id FROM story_articles"))
    spans = {}
    for story, first, last, size in db.execute(
        "SELECT id, first_published, last_published, article_count FROM stories"
    ):
        if first and last:
            day = lambda d: datetime.date.fromisoformat(d[:10])
            spans[story] = (day(last) - day(first)).days
    items = [a for a in url_of if url_of[a] in gold_by_url]
    gold = {a: gold_by_url[url_of[a]] for a in items}
    predicted = {a: story_of.get(a, "unlinked:" + a) for a in items}
    by_pred = collections.Counter(predicted.values())
    by_gold = collections.Counter(gold.values())
    both = collections.Counter((predicted[a], gold[a]) for a in items)
    precision = sum(both[(predicted[a], gold[a])] / by_pred[predicted[a]] for a in items) / len(items)
    recall = sum(both[(predicted[a], gold[a])] / by_gold[gold[a]] for a in items) / len(items)
    f1 = 2 * precision * recall / (precision + recall)
    sizes = collections.Counter(story_of.values())
    print(
        json.dumps(
            {
                "articles_scored": len(items),
                "bcubed_precision": round(precision, 4),
                "bcubed_recall": round(recall, 4),
                "bcubed_f1": round(f1, 4),
                "stories": len(set(story_of.values())),
                "largest_story": max(sizes.values(), default=0),
                "longest_span_days": max(spans.values(), default=0),
                "gold_stories": len(by_gold),
            }
        )
    )


if __name__ == "__main__":
    main()
