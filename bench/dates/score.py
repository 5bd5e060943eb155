"""Scores publication date, title and first author against WCXB ground truth
for Parallax (metadata_bench output) and the Python baselines
(baselines.py output), on the same pages, and prints a side-by-side table.

Dates: pages whose ground truth has a full-day publish_date. A system is
"correct" when it gives that day, "unknown" when it gives no day (Parallax may
give only a month or year: counted as unknown, shown separately), and
"wrong" otherwise. Titles: whitespace- and case-normalised equality. Authors:
the first credited name against the ground truth's first name (text before
the first comma, semicolon, "&" or " and "), on pages that have an author.

Usage: score.py DIR parallax.jsonl baselines.jsonl
"""
import json
import pathlib
import re
import statistics
import sys


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return {row["id"]: row for row in map(json.loads, f)}


def norm(text):
    text = re.sub(r"\s+", " ", (text or "").replace("\u00a0", " ")).strip().casefold()
    return text.strip(" \"'“”‘’")


def first_name(author):
    return norm(re.split(r",|;|&| and ", author or "", maxsplit=1)[0])


def day(value):
    if not value or not re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return None
    return value[:10]


def main(directory, parallax_path, baselines_path):
    truth = {}
    for path in sorted(pathlib.Path(directory, "ground-truth").glob("*.json")):
        truth[path.stem] = json.loads(path.read_text(encoding="utf-8"))["ground_truth"]
    parallax = load_jsonl(parallax_path)
    baselines = load_jsonl(baselines_path)
    ids = sorted(set(truth) & set(parallax) & set(baselines))

    systems = {
        "parallax": lambda i: parallax[i].get("date") if parallax[i].get("precision") == "day" else None,
        "htmldate (default)": lambda i: baselines[i].get("htmldate_default"),
        "htmldate (original_date)": lambda i: baselines[i].get("htmldate_original"),
        "trafilatura metadata": lambda i: baselines[i].get("trafilatura_date"),
    }
    dated = [i for i in ids if day(truth[i].get("publish_date"))]
    print(f"Publication date, exact day, on {len(dated)} WCXB dev pages with a full-day ground-truth date")
    print(f"{'system':28} {'correct':>8} {'wrong':>8} {'unknown':>8} {'accuracy':>9} {'precision':>10}")
    for name, predict in systems.items():
        correct = wrong = unknown = 0
        for i in dated:
            guess = day(predict(i))
            if guess is None:
                unknown += 1
            elif guess == day(truth[i]["publish_date"]):
                correct += 1
            else:
                wrong += 1
        answered = correct + wrong
        print(
            f"{name:28} {correct:8} {wrong:8} {unknown:8} {correct / len(dated):9.3f} "
            f"{(correct / answered if answered else 0):10.3f}"
        )
    coarse = sum(1 for i in dated if parallax[i].get("date") and parallax[i].get("precision") != "day")
    print(f"(parallax 'unknown' includes {coarse} pages where it gave only a month or year)")
    provenance = {}
    for i in dated:
        key = parallax[i].get("provenance") or "none"
        ok = day(parallax[i].get("date")) == day(truth[i]["publish_date"])
        stats = provenance.setdefault(key, [0, 0])
        stats[0] += 1
        stats[1] += ok
    print("parallax by provenance: " + ", ".join(f"{k} {v[1]}/{v[0]}" for k, v in sorted(provenance.items())))

    titled = [i for i in ids if norm(truth[i].get("title"))]
    authored = [i for i in ids if first_name(truth[i].get("author"))]
    print()
    print(f"{'metadata field':28} {'parallax':>9} {'trafilatura':>12}   pages")
    p_title = sum(norm(parallax[i].get("title")) == norm(truth[i]["title"]) for i in titled)
    t_title = sum(norm(baselines[i].get("trafilatura_title")) == norm(truth[i]["title"]) for i in titled)
    print(f"{'title (exact, normalised)':28} {p_title / len(titled):9.3f} {t_title / len(titled):12.3f}   {len(titled)}")
    p_author = sum(
        first_name((parallax[i].get("authors") or [""])[0]) == first_name(truth[i]["author"]) for i in authored
    )
    t_author = sum(first_name(baselines[i].get("trafilatura_author")) == first_name(truth[i]["author"]) for i in authored)
    print(f"{'first author':28} {p_author / len(authored):9.3f} {t_author / len(authored):12.3f}   {len(authored)}")
    p_none = sum(not parallax[i].get("authors") for i in authored)
    t_none = sum(not baselines[i].get("trafilatura_author") for i in authored)
    print(f"{'  of which no author given':28} {p_none:9} {t_none:12}")

    print()
    micros = [parallax[i]["micros"] for i in ids]
    print(
        f"speed per page: parallax parse+metadata median {statistics.median(micros) / 1000:.2f} ms "
        f"(mean {statistics.mean(micros) / 1000:.2f} ms, release build); "
        f"htmldate original_date median {statistics.median(baselines[i]['htmldate_original_s'] for i in ids) * 1000:.1f} ms; "
        f"trafilatura metadata median {statistics.median(baselines[i]['trafilatura_s'] for i in ids) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main(*sys.argv[1:4])
