"""Where a figure counts: the Resolver's place reading (a mixin, as people.py and metric.py).

A place counts for a figure when its sentence names it after a locative word (in English) and not
as a possessive actor; a generated city yields to a larger place holding it; where a figure was
said is none of its places. A running toll whose sentence names no place takes the one place its
paragraph is set in (``_located``), else the one its headline names (``_title_setting``).
"""

from __future__ import annotations

import regex

from figcheck.extract.quantities import Mention
from figcheck.extract.sentences import Span
from figcheck.model import Claim
from figcheck.resolve.lexicon import Hit, Lexicon, PhraseMatcher, fold
from figcheck.resolve.people import POSSESSIVE

LOCATIVE = {
    "en": regex.compile(r"(?i)(?:\b(?:in|across|throughout|into|inside|near|from|at|on|of|over|around)\s+(?:the\s+)?(?:(?:city|town|village|camp|area|region|district|province|governorate)\s+of\s+)?(?:(?:northern|southern|central|eastern|western|occupied|besieged|war-torn|ravaged)\s+)?)\Z"),
    "he": regex.compile(r"\Z"),
    "ar": regex.compile(r"\Z"),
}
# Where something was said, not what a figure counts: "the health minister told reporters in Kigali".
REPORTED_AT = regex.compile(r"(?i)\b(?:said|says|told\s+(?:reporters|journalists|the\s+press|a\s+(?:news\s+|press\s+)?(?:conference|briefing))|spoke|speaking|announced|addressing)\s+(?:(?:late\s+|early\s+)?on\s+\w+\s+)?(?:in|at|from)\s+(?:the\s+)?\Z")
# A headline: at most 20 words, not ended as a sentence is (a first line lent as a title may be one).
HEADLINE = regex.compile(r"\s*(?:\S+\s+){0,19}\S*[^\s.!?؟]\s*")
CITY_COMMA = regex.compile(r",\s*")
# A place after "of" inside a body's name is part of the name: "the University of Athens".
OF_NAME = regex.compile(r"(?i)\bof\s+(?:the\s+)?\Z")
# Two places joined into one ("Turkey and Syria", "בטורקיה ובסוריה", "تركيا وسوريا").
PLACE_AND = regex.compile(r"(?i)\s*(?:,\s*|\s(?:and|or|&)\s+(?:in\s+|the\s+)?|\s*ו[בלמה]?-?|\s*و(?:ب|ل|ال)?)")


class PlaceReader:
    """The place methods of the Resolver; its matchers and tables come from the Resolver."""

    lexicon: Lexicon
    lang: str
    places: PhraseMatcher
    cities: frozenset[str]
    locative: regex.Pattern[str]
    subset: regex.Pattern[str]
    _names: list[tuple[int, int]]
    _title: str | None
    _title_place: str | None | bool

    def _located(self, text: str, hits: list[Hit], para: Span) -> set[str]:
        """The places a paragraph names as places (as ``_place`` reads a sentence). Its setting is
        the one of them the others hold: "customers in Louisiana ... the state's death toll had
        risen to four" is Louisiana's toll. Two places side by side set it nowhere."""
        keys: set[str] = set()
        kept: Hit | None = None
        for h in hits:
            if POSSESSIVE.match(text[h.end : h.end + 3]):
                continue
            joined = kept is not None and PLACE_AND.fullmatch(text, kept.end, h.start)  # "in Turkey and Syria"
            if self.lang == "en" and not joined and not self.locative.search(text, max(para.start, h.start - 60), h.start):
                continue
            keys.add(h.key)
            kept = h
        return keys

    def _titled(self, claim: Claim) -> Claim:
        if claim.place is not None or claim.scope != "cumulative" or claim.metric is None:
            return claim
        place = self._title_setting()
        return claim if place is None else claim.model_copy(update={"place": place})

    def _title_setting(self) -> str | None:
        """The one place a document's title names, in any form: a headline names its place without
        a locative ("Ahmedabad crash victims identified", "Spain's flood toll rises"). Read once
        per document; two places side by side ("Turkey, Syria quake toll") set it nowhere."""
        if self._title_place is False:
            title = fold(self._title or "")
            if not HEADLINE.fullmatch(title):
                title = ""  # a document with no title lends its first line, which may be a sentence
            keys = {h.key for h in self.places.finditer(title)} if title else set()
            inner = [k for k in keys if all(k == o or o in self._containers(k) for o in keys)]
            self._title_place = inner[0] if len(inner) == 1 else None
        return self._title_place  # type: ignore[return-value]

    def _containers(self, key: str) -> set[str]:
        out: set[str] = set()
        while (key := self.lexicon.within(key) or "") and key not in out:
            out.add(key)
        return out

    def _place(self, text: str, m: Mention, sent: Span, nxt: int | None = None) -> str | None:
        best: tuple[int, Hit] | None = None
        hits = self.places.finditer(text, sent.start, sent.end)
        if nxt is not None and self.subset.search(text, m.end, nxt):
            # "840 soldiers killed on all fronts, including 405 in Gaza": the part's place is its own.
            hits = [h for h in hits if h.start < nxt]
        named: list[Hit] = []
        for h in hits:
            if POSSESSIVE.match(text[h.end : h.end + 3]):
                continue
            if self.lang == "en" and not self._where(text, h, m, sent):
                continue
            named.append(h)
            distance = abs(h.start - m.end) if h.start >= m.end else abs(m.start - h.end) + 1
            if best is None or distance < best[0]:
                best = (distance, h)
        if best is None:
            return None
        h = best[1]
        if h.key in self.cities:
            # A generated city stands for its figure only when the sentence names no larger place
            # holding it: "a quake centred near Mandalay killed more than 1,000 people in Myanmar".
            # "in Los Angeles, California": the larger place may follow the city after a comma.
            named += [o for o in hits if o.start >= h.end and CITY_COMMA.fullmatch(text, h.end, o.start)]
            h = next((o for o in named if self._holds(o.key, h.key)), h)
        # "in Turkey and Syria": a figure for two places together is no one place's.
        for other in hits:
            a, b = (h, other) if h.end <= other.start else (other, h)
            if other.key != h.key and a.end <= b.start and PLACE_AND.fullmatch(text, a.end, b.start) and not self._nested(h.key, other.key):
                return None
        return h.key

    def _nested(self, a: str, b: str) -> bool:
        return self.lexicon.within(a) == b or self.lexicon.within(b) == a

    def _holds(self, outer: str, inner: str) -> bool:
        """Whether ``inner`` lies within ``outer``, at any depth (a US city within its state and country)."""
        seen: set[str] = set()
        place: str | None = inner
        while place is not None and place not in seen:
            seen.add(place)
            place = self.lexicon.within(place)
            if place == outer:
                return True
        return False

    def _where(self, text: str, h: Hit, m: Mention, sent: Span) -> bool:
        """Whether an English place name says where the figure is: after a locative word, but not
        where the figure was said ("... 62 cases, the minister told reporters in Kigali"), nor a
        city inside a name ("according to the University of Athens")."""
        before = max(sent.start, h.start - 60)
        if not self.locative.search(text, before, h.start):
            return False
        if REPORTED_AT.search(text, max(before, m.end) if h.start >= m.end else before, h.start):
            return False
        if h.key not in self.cities:
            return True  # "the Bank of Israel held its key rate at 4.5%": the country's rate
        return not (OF_NAME.search(text, before, h.start) and any(a <= h.start and h.end <= b for a, b in self._names))
