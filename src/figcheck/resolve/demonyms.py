"""One way to write a country in a body's name: "Morocco's interior ministry", "the Morocco interior
ministry" and "the Moroccan interior ministry" are one source; so are "משרד הפנים המרוקאי" and
"משרד הפנים במרוקו", "وزارة الداخلية المغربية" and "وزارة الداخلية في المغرب".

The names are places.yml's; the demonyms are its entries' ``demonyms`` (a base form per language:
English as written, Hebrew and Arabic masculine and without the article, from which their
regular inflections are made here).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from figcheck.resolve.lexicon import Lexicon, fold


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


def _inflections(base: str, lang: str) -> list[str]:
    """A nisba adjective as it agrees with its noun: Hebrew "מרוקאי", "המרוקאי", "מרוקאית",
    "המרוקאית"; Arabic "مغربي", "المغربي", "مغربية", "المغربية"."""
    if lang == "he":
        forms = [base, base + "ת"] if base.endswith("י") else [base]
        return forms + ["ה" + f for f in forms]
    if lang == "ar":
        forms = [base, base + "ة"] if base.endswith("ي") else [base]
        return forms + ["ال" + f for f in forms]
    return [base]


@dataclass(frozen=True)
class Rewrite:
    place: str
    """The country's key in places.yml."""
    written: str
    """The name as written, spaces made single."""
    plain: str
    """The name with the country in its demonym's form."""
    at_written: tuple[int, int]
    at_plain: tuple[int, int]


class Demonyms:
    """Rewrites the country in a body's name to the one form its demonym takes."""

    def __init__(self, lexicon: Lexicon, lang: str, heads: frozenset[str]) -> None:
        self.lang = lang
        # Every way the language names the country, and the one form a name is rewritten to.
        canonical: dict[str, tuple[str, str]] = {}
        countries: dict[str, tuple[str, str]] = {}
        for key, entry in lexicon.section("places").items():
            if not isinstance(entry, dict) or entry.get("kind") == "city":
                continue  # only countries and the hand-written places: thousands of cities would slow every name
            bases = [fold(str(d)) for d in ((entry.get("demonyms") or {}).get(lang) or [])]
            names = [fold(str(n)) for n in entry.get(lang) or []]
            if lang == "en":
                names = [regex.sub(r"(?i)^the\s+", "", n) for n in names]
            if not bases and lang != "en":
                continue
            if lang == "en":
                to = bases[0] if bases else names[0] if names else None
            else:
                to = ("ה" if lang == "he" else "ال") + bases[0]
            if to is None:
                continue
            for base in bases:
                for form in _inflections(base, lang):
                    canonical.setdefault(form.casefold(), (to, key))
            for name in names:
                countries.setdefault(name.casefold(), (to, key))
        self.canonical, self.countries = canonical, countries
        head = _alt(sorted(heads))
        if lang == "en":
            # "Morocco's", "the Morocco", "the Moroccan" before a name that ends in a body's noun.
            self.front = regex.compile(
                rf"(?i)^(?:the\s+)?(?:(?P<country>{_alt(list(countries))})(?:['’]s)?|(?P<demonym>{_alt(list(canonical))}))"
                rf"(?P<rest>\s+(?:\S+\s+){{0,4}}?(?:{head}))$"
            )
            self.back = None
        else:
            # "משרד הפנים המרוקאי" / "במרוקו" / "של מרוקו"; "وزارة الداخلية المغربية" / "في المغرب" / "بالمغرب".
            by = r"(?:של\s+|ב-?)" if lang == "he" else r"(?:في\s+|ب)"
            self.front = None
            self.back = regex.compile(
                rf"^(?P<rest>\S+(?:\s+\S+){{0,4}}?)\s+(?:{by}(?P<country>{_alt(list(countries))})|(?P<demonym>{_alt(list(canonical))}))$"
            )

    def rewrite(self, name: str) -> Rewrite | None:
        """Where ``name`` names a country, and ``name`` with the country in its demonym's form;
        None when it names none."""
        name = " ".join(name.split())
        for rx in (self.front, self.back):
            m = rx.match(name) if rx is not None else None
            if m is None:
                continue
            group = "country" if m.group("country") else "demonym"
            to, place = (self.countries if group == "country" else self.canonical)[fold(m.group(group)).casefold()]
            if rx is self.front:
                return Rewrite(place, name, to + m.group("rest"), m.span(group), (0, len(to)))
            at = len(m.group("rest")) + 1
            return Rewrite(place, name, m.group("rest") + " " + to, (m.start("rest") + at, len(name)), (at, at + len(to)))
        return None


@functools.cache
def demonyms(lexicon: Lexicon, lang: str, heads: frozenset[str]) -> Demonyms:
    return Demonyms(lexicon, lang, heads)
