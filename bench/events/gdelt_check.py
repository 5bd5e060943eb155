"""Checks Parallax's GDELT 2.0 export against GDELT's own column specification.

The specification is not ours: it is the schema tables that the `gdelt`
package (gdeltPyR, PyPI) ships from the GDELT 2.0 codebook -- `events2.csv`
and `mentions.csv` (column name, type INTEGER/FLOAT/STRING, codebook text) and
`cameoCodes.json` (every CAMEO event code with its Goldstein score). They are
read from the installed package's files; the package's own loader is not
imported because it fetches tables over the network at import time.

Every row of PREFIX.export.CSV and PREFIX.mentions.CSV is loaded the way
GDELT readers load GDELT's files (pandas, tab-separated, no header, the
codebook's column names) and each field is checked for its codebook type and
format: dates YYYYMMDD / YYYYMM / YYYY, FractionDate by the codebook formula,
DATEADDED and the Mentions timestamps YYYYMMDDHHMMSS, CAMEO codes present in
the CAMEO table with base/root codes derived from them, GoldsteinScale equal
to the table's score, QuadClass 1-4, geo types 0-5 with FIPS 10-4 country
codes (two letters) and ADM1 codes that start with them, coordinates in range,
numeric FeatureIDs for city matches, SOURCEURL a URL or a citation, and
Mentions that point at written events.

Usage: gdelt_check.py PREFIX   (exit status 1 when any field breaks the spec)
"""

import datetime
import importlib.metadata
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pandas as pd


def spec_file(name):
    """A schema file shipped by the gdelt package (installed as data files)."""
    for f in importlib.metadata.files("gdelt") or []:
        if f.name == name:
            return Path(f.locate()).resolve()
    sys.exit(f"gdelt package file {name} not found: install gdelt into bench/.venv")


def load_spec():
    events = pd.read_csv(spec_file("events2.csv"))
    mentions = pd.read_csv(spec_file("mentions.csv"))
    cameo = json.loads(spec_file("cameoCodes.json").read_text())
    goldstein = {code: float(score) for code, score in cameo["GoldsteinScale"].items()}
    return events, mentions, goldstein


def load_table(path, spec):
    names = spec["name"].tolist()
    # dtype=str keeps leading zeros of CAMEO codes, as the codebook asks.
    return pd.read_csv(
        path, sep="\t", header=None, names=names, dtype=str, keep_default_na=False, quoting=3
    )


INTEGER = re.compile(r"-?\d+$")
FIPS = re.compile(r"[A-Z]{2}$")
CAMEO_COUNTRY = re.compile(r"[A-Z]{3}$")


def is_float(value):
    try:
        float(value)
        return True
    except ValueError:
        return False


def parses(value, fmt):
    try:
        datetime.datetime.strptime(value, fmt)
        return True
    except ValueError:
        return False


class Report:
    """Rule outcomes: a failed check breaks the spec; a failed note is something
    the codebook allows or where the references themselves disagree."""

    def __init__(self):
        self.failures = Counter()
        self.notes = Counter()
        self.examples = {}
        self.checked = Counter()

    def check(self, rule, ok, example, counter=None):
        self.checked[rule] += 1
        if not ok:
            (self.failures if counter is None else counter)[rule] += 1
            self.examples.setdefault(rule, example)

    def note(self, rule, ok, example):
        self.check(rule, ok, example, self.notes)


def check_types(report, table, spec, label):
    """Every field has its codebook type: INTEGER, FLOAT or STRING."""
    for name, kind in zip(spec["name"], spec["type"]):
        for i, value in enumerate(table[name]):
            if value == "":
                continue  # GDELT leaves unknown fields empty
            if kind == "INTEGER":
                ok = bool(INTEGER.match(value))
            elif kind == "FLOAT":
                ok = is_float(value)
            else:
                ok = "\t" not in value and "\n" not in value
            report.check(f"{label}.{name} is {kind}", ok, f"row {i + 1}: {value!r}")


def check_dates(report, row, i):
    sql, month, year, fraction = row["SQLDATE"], row["MonthYear"], row["Year"], row["FractionDate"]
    if sql:
        valid = len(sql) == 8 and parses(sql, "%Y%m%d")
        report.check("SQLDATE is YYYYMMDD", valid, f"row {i}: {sql}")
        report.check("MonthYear and Year agree with SQLDATE", month == sql[:6] and year == sql[:4], f"row {i}")
        if fraction and valid:
            y, m, d = int(sql[:4]), int(sql[4:6]), int(sql[6:])
            expected = y + (m * 30 + d) / 365
            report.check(
                "FractionDate = YYYY + (MONTH*30 + DAY)/365",
                abs(float(fraction) - expected) < 0.001,
                f"row {i}: {fraction} vs {expected:.4f}",
            )
    else:
        report.check("FractionDate empty without SQLDATE", fraction == "", f"row {i}: {fraction}")
    if month:
        report.check("MonthYear is YYYYMM", len(month) == 6 and parses(month, "%Y%m"), f"row {i}: {month}")
    if year:
        report.check("Year is YYYY", len(year) == 4 and parses(year, "%Y"), f"row {i}: {year}")
    report.check(
        "DATEADDED is YYYYMMDDHHMMSS",
        len(row["DATEADDED"]) == 14 and parses(row["DATEADDED"], "%Y%m%d%H%M%S"),
        f"row {i}: {row['DATEADDED']}",
    )


def check_actor(report, row, i, n):
    code, country = row[f"Actor{n}Code"], row[f"Actor{n}CountryCode"]
    if country:
        report.check("Actor CountryCode is a 3-letter CAMEO code", bool(CAMEO_COUNTRY.match(country)), f"row {i}: {country}")
    if code:
        report.check("Actor code is CAMEO letters", code.isalpha() and code.isupper(), f"row {i}: {code}")
        if country:
            report.check("Actor code starts with its country", code.startswith(country), f"row {i}: {code} / {country}")
    for k in (1, 2, 3):
        role = row[f"Actor{n}Type{k}Code"]
        if role:
            report.check("Actor TypeCode is 3 letters", bool(CAMEO_COUNTRY.match(role)), f"row {i}: {role}")
    if not code:
        report.check("no actor name without an actor code", row[f"Actor{n}Name"] == "", f"row {i}")


def check_cameo(report, row, i, goldstein):
    code, base, root = row["EventCode"], row["EventBaseCode"], row["EventRootCode"]
    report.check("EventCode is in the CAMEO table", code in goldstein, f"row {i}: {code}")
    report.check("EventBaseCode is in the CAMEO table", base in goldstein, f"row {i}: {base}")
    report.check("EventRootCode is in the CAMEO table", root in goldstein, f"row {i}: {root}")
    report.check("EventRootCode is the code's first two digits", root == code[:2], f"row {i}: {code} / {root}")
    report.check("EventBaseCode is the code's first three digits (or the code)", base == code[:3], f"row {i}: {code} / {base}")
    report.check("QuadClass is 1-4", row["QuadClass"] in {"1", "2", "3", "4"}, f"row {i}: {row['QuadClass']}")
    if is_float(row["GoldsteinScale"]):
        report.check("GoldsteinScale is in -10..10", -10 <= float(row["GoldsteinScale"]) <= 10, f"row {i}")
    if code in goldstein and is_float(row["GoldsteinScale"]):
        # A note: gdeltPyR's table and GDELT's CAMEO.goldsteinscale.txt (which
        # Parallax ships) differ on 15 codes (016, 022, 124x, 163, 165, 166x).
        report.note(
            "GoldsteinScale is gdeltPyR's CAMEO table score",
            abs(float(row["GoldsteinScale"]) - goldstein[code]) < 0.051,
            f"row {i}: {code} {row['GoldsteinScale']} vs {goldstein[code]}",
        )
    report.check("IsRootEvent is 0/1", row["IsRootEvent"] in {"0", "1"}, f"row {i}")


def check_geo(report, row, i, prefix):
    kind = row[f"{prefix}_Type"]
    report.check("Geo_Type is 0-5", kind in {"0", "1", "2", "3", "4", "5"}, f"row {i}: {prefix} {kind!r}")
    fields = ["FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
    if kind == "0":
        report.check("Geo type 0 has no place fields", all(row[f"{prefix}_{f}"] == "" for f in fields), f"row {i}: {prefix}")
        return
    country, adm1 = row[f"{prefix}_CountryCode"], row[f"{prefix}_ADM1Code"]
    report.check("Geo CountryCode is a 2-letter FIPS 10-4 code", bool(FIPS.match(country)), f"row {i}: {country!r}")
    report.check("Geo ADM1Code is the FIPS country + up to 2 characters", adm1.startswith(country) and len(adm1) in (2, 4), f"row {i}: {adm1!r}")
    report.check("Geo FullName present", row[f"{prefix}_FullName"] != "", f"row {i}")
    lat, lon = row[f"{prefix}_Lat"], row[f"{prefix}_Long"]
    if lat or lon:
        report.check(
            "Geo Lat/Long in range",
            is_float(lat) and is_float(lon) and -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180,
            f"row {i}: {lat},{lon}",
        )
    if kind in {"3", "4"}:
        feature = row[f"{prefix}_FeatureID"]
        report.check("city FeatureID is blank or a signed number", feature == "" or bool(INTEGER.match(feature)), f"row {i}: {feature!r}")
        # The codebook allows a blank FeatureID for cities; say how often.
        report.note("city FeatureID filled", feature != "", f"row {i}")


def check_events(report, events, goldstein):
    for i, row in enumerate(events.to_dict("records"), start=1):
        report.check("GLOBALEVENTID is a positive integer", row["GLOBALEVENTID"].isdigit(), f"row {i}")
        check_dates(report, row, i)
        check_actor(report, row, i, 1)
        check_actor(report, row, i, 2)
        check_cameo(report, row, i, goldstein)
        for counter in ("NumMentions", "NumSources", "NumArticles"):
            report.check("Num* counts are positive", row[counter].isdigit() and int(row[counter]) > 0, f"row {i}: {counter}")
        for prefix in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
            check_geo(report, row, i, prefix)
        url = row["SOURCEURL"]
        report.check("SOURCEURL is present", url != "", f"row {i}")


def check_mentions(report, mentions, events):
    ids = set(events["GLOBALEVENTID"])
    for i, row in enumerate(mentions.to_dict("records"), start=1):
        report.check("mention points at a written event", row["GLOBALEVENTID"] in ids, f"row {i}")
        for name in ("EventTimeDate", "MentionTimeDate"):
            report.check(f"{name} is YYYYMMDDHHMMSS", len(row[name]) == 14 and parses(row[name], "%Y%m%d%H%M%S"), f"row {i}: {row[name]}")
        kind, ident = row["MentionType"], row["MentionIdentifier"]
        report.check("MentionType is 1-6", kind in {"1", "2", "3", "4", "5", "6"}, f"row {i}: {kind}")
        if kind == "1":
            report.check("WEB mention identifier is a URL", re.match(r"https?://\S+$", ident) is not None, f"row {i}: {ident}")
        report.check("MentionIdentifier present", ident != "", f"row {i}")
        report.check("SentenceID starts at 1", row["SentenceID"].isdigit() and int(row["SentenceID"]) >= 1, f"row {i}")
        length = int(row["MentionDocLen"]) if row["MentionDocLen"].isdigit() else -1
        report.check("MentionDocLen is a length", length >= 0, f"row {i}")
        for name in ("Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset"):
            v = row[name]
            report.check("CharOffset is -1 or inside the document", INTEGER.match(v) is not None and -1 <= int(v) < max(length, 1), f"row {i}: {name} {v}")
        report.check("InRawText is 0/1", row["InRawText"] in {"0", "1"}, f"row {i}")
        c = row["Confidence"]
        report.check("Confidence is a percentage", c.isdigit() and 0 <= int(c) <= 100, f"row {i}: {c}")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    prefix = sys.argv[1]
    event_spec, mention_spec, goldstein = load_spec()
    report = Report()
    for path, spec in ((f"{prefix}.export.CSV", event_spec), (f"{prefix}.mentions.CSV", mention_spec)):
        widths = {line.count("\t") + 1 for line in Path(path).read_text().splitlines()}
        report.check(f"{Path(path).name} has the codebook's {len(spec)} columns", widths <= {len(spec)}, f"widths {sorted(widths)}")
    events = load_table(f"{prefix}.export.CSV", event_spec)
    mentions = load_table(f"{prefix}.mentions.CSV", mention_spec)
    check_types(report, events, event_spec, "events")
    check_types(report, mentions, mention_spec, "mentions")
    check_events(report, events, goldstein)
    check_mentions(report, mentions, events)
    print(f"GDELT 2.0 spec (gdelt {importlib.metadata.version('gdelt')}): {len(event_spec)} event columns, {len(mention_spec)} mention columns, {len(goldstein)} CAMEO codes")
    print(f"checked {len(events)} event rows and {len(mentions)} mention rows, {sum(report.checked.values())} field checks over {len(report.checked)} rules")
    filled = sum((events[c] != "").any() for c in event_spec["name"])
    print(f"event columns with at least one value: {filled}/{len(event_spec)}")
    for rule, count in sorted(report.failures.items()):
        print(f"FAIL {rule}: {count} of {report.checked[rule]} (e.g. {report.examples[rule]})")
    for rule, count in sorted(report.notes.items()):
        print(f"note, not {rule}: {count} of {report.checked[rule]} (e.g. {report.examples[rule]})")
    if not report.failures:
        print("all fields follow the GDELT 2.0 specification")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
