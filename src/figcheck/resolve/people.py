"""Who a figure counts: the Resolver's group reading (a mixin, as metric.py and dating.py).

The figure's own words first ("46,565 Palestinians", "103 children"); then the people its clause
places it among ("1,520 measles cases, mostly among unvaccinated children"), whose residents it
counts ("Gaza's 2.1 million people"), or the subject it estimates ("displaced Palestinians,
estimated at over 300,000"); the Resolver falls back on the figure before it, where the story is
set and who keeps the tally.
"""

from __future__ import annotations

import regex

from figcheck.extract.quantities import Mention
from figcheck.extract.sentences import Span
from figcheck.resolve.context import Zones
from figcheck.resolve.dating import alt, gapped
from figcheck.resolve.lexicon import Hit, Lexicon, PhraseMatcher

# The group of a noun that says only "people" ("workers", "residents"): a more telling group
# named beside it wins.
GENERIC_GROUP = "people"
POSSESSIVE = regex.compile(r"['’]s\b")
# Words that may stand between "among" and its group: "among unvaccinated children".
AMONG_GAP = regex.compile(r"(?:the\s+)?(?:[\p{L}'’-]+\s+){0,2}")
# "90% of Gaza's 2.1 million people": the possessor's figure is the whole a part is taken of.
OF_BEFORE = regex.compile(r"(?i)\bof\s+\Z")


class GroupReader:
    """The group half of the Resolver; its matchers (groups, places, metric nouns) are the Resolver's."""

    groups: PhraseMatcher
    places: PhraseMatcher
    metric_nouns: PhraseMatcher
    lexicon: Lexicon
    lang: str

    def _init_groups(self, lexicon: Lexicon, lang: str) -> None:
        self.populations = {
            k: {str(a): str(b) for a, b in (v.get("populations") or {}).items()}
            for k, v in lexicon.section("places").items() if isinstance(v, dict) and v.get("populations")
        }
        self.toll_of_place = regex.compile(rf"(?i)(?<!\w)(?:[וה]|و|ال)?(?:{alt(lexicon.folded('scope', 'toll_of_place', lang))})(?!\w)")
        self.place_people = {k: str(v["people"]) for k, v in lexicon.section("places").items() if isinstance(v, dict) and v.get("people")}
        # Who a count names in a story that names a body holding or counting them (sources.yml
        # 'populations'): "שלושת החטופות … בשבי חמאס" are Israelis.
        self.actor_populations = {
            k: {str(a): str(b) for a, b in (v.get("populations") or {}).items()}
            for k, v in lexicon.section("sources").items() if isinstance(v, dict) and v.get("populations")
        }
        self.source_counts = {k: v["counts"] for k, v in lexicon.section("sources").items() if isinstance(v, dict) and v.get("counts")}
        attacks, attack_on = lexicon.folded("scope", "attacks", lang), lexicon.folded("scope", "attack_on", lang)
        self.attacks_on = regex.compile(rf"(?i)\s*(?:of\s+)?(?:{alt(attacks)})\s+(?:{alt(attack_on)})\s+(?:the\s+)?") if attacks and attack_on else None
        targets = (lexicon.section("scope").get("attack_targets") or {}).items()
        self.attack_targets = PhraseMatcher({k: list((v or {}).get(lang) or []) for k, v in targets}, lang)
        glued = {"he": "[ו]?", "ar": "(?:و|ف)?(?:ب|ل)?(?:ال)?"}.get(lang, "")
        self.count_of = regex.compile(rf"(?i)(?<!\w){glued}(?:{alt(lexicon.folded('scope', 'count_of', lang))})\s*(?:the\s+|ה|ال)?\Z")
        among = lexicon.folded("scope", "among", lang)
        self.among = regex.compile(rf"(?i)(?<!\w)(?:{alt(among)})\s+") if among else None
        estimated = lexicon.folded("scope", "estimated_at", lang)
        self.estimated_at = regex.compile(rf"(?i)(?<!\w)(?:{gapped(estimated)})\s*\Z") if estimated else None
        subject = lexicon.folded("scope", "subject_verbs", lang)
        self.subject_verb = regex.compile(
            rf"(?i)\s+(?:(?!(?:said|says|told|reported|that|and|but|while|who|which)\b)[\p{{L}}'’.-]+\s+){{0,5}}?(?:{alt(subject)})(?:\s+(?:to|by|at))?\s+"
        ) if subject else None
        anaphors = lexicon.folded("scope", "place_anaphors", lang)
        # "the country's pre-war population of 22 million", "Gaza's 2.1 million people": a
        # possessive, at most two words and the figure.
        self.resident_of = regex.compile(
            rf"(?i)['’]s\s+(?:[\p{{L}}-]+\s+){{0,2}}?(?P<population>(?:{alt(lexicon.folded('scope', 'population_of', lang))})\s+)?\Z"
        ) if anaphors else None
        self.place_anaphor = regex.compile(rf"(?i)(?<!\w)the\s+(?:{alt(anaphors)})\Z")

    def _own_group(self, text: str, m: Mention, z: Zones, sent: Span) -> str | None:
        """The group the figure's own phrase or clause names, or None."""
        group = self._group(self._group_hits(text, z))
        if group is None and self.attacks_on is not None and (hit := self.attacks_on.match(text, m.end)):
            # "654 هجوما على المنشآت الصحية": attacks count what they hit.
            targets = self.groups.finditer(text, hit.end(), min(sent.end, hit.end() + 40)) + self.attack_targets.finditer(text, hit.end(), min(sent.end, hit.end() + 40))
            group = self._last(sorted((h for h in targets if h.start == hit.end()), key=lambda h: h.end - h.start))
        if group is None:
            # "the number of employed rose to 4.3 million": the group the figure's subject counts.
            group = self._last([h for h in self.groups.finditer(text, *z.before) if self.count_of.search(text, max(z.before[0], h.start - 20), h.start)])
        if group is None and self.estimated_at is not None and self.estimated_at.search(text, *z.before):
            # "Crowds of displaced Palestinians, estimated by the U.N. at over 300,000": the figure
            # is the size of the subject it estimates.
            group = self._last(self.groups.finditer(text, *z.before))
        if group is None and self.subject_verb is not None:
            # "Housing starts fell 9.8%", "Palestinian deaths rose to 46,000": the subject of the
            # verb that introduces the figure names who it counts.
            group = self._last([h for h in self.groups.finditer(text, *z.before) if self.subject_verb.fullmatch(text, h.end, m.start)])
        if group is None and m.unit == "count":
            group = self._among(text, z)  # a share among voters is a vote share, of no people
        return group

    def _among(self, text: str, z: Zones) -> str | None:
        """"1,520 measles cases this year, mostly among unvaccinated children": the people the
        figure's clause counts it among (scope.yml 'among')."""
        if self.among is None:
            return None
        for hit in self.among.finditer(text, *z.predicate):
            gap = AMONG_GAP.match(text, hit.end(), z.predicate[1])
            found = [h for h in self.groups.finditer(text, hit.end(), min(z.predicate[1], hit.end() + 60)) if gap and h.start <= gap.end()]
            if found:
                return found[0].key
        return None

    def _residents(self, text: str, m: Mention, z: Zones, sent: Span, places: frozenset[str]) -> tuple[str, bool] | None:
        """The people of the place whose residents the figure counts, and whether it is the whole
        of a part before it: "90% of Gaza's 2.1 million people" (Palestinians, the population),
        "the country's pre-war population of 22 million" (the one country the sentence names)."""
        if self.resident_of is None:
            return None
        found = self.resident_of.search(text, z.before[0], m.start)
        if found is None:
            return None
        noun = found.group("population") is not None or self._group(self._group_hits(text, z)) == GENERIC_GROUP
        noun = noun or any(h.key == "population" for h in self.metric_nouns.finditer(text, *z.np))
        if not noun:
            return None
        anaphor = self.place_anaphor.search(text, sent.start, found.start())
        if anaphor is not None:
            owner = anaphor.start()
            named = {h.key for h in self.places.finditer(text, sent.start, sent.end)} or set(places)
            peoples = {p for p in (self._people_of(k) for k in named) if p}
        else:
            hits = [h for h in self.places.finditer(text, sent.start, found.start()) if h.end == found.start()]
            owner = hits[0].start if hits else found.start()
            peoples = {p for h in hits if (p := self._people_of(h.key))}
        if len(peoples) != 1:
            return None
        return peoples.pop(), OF_BEFORE.search(text, sent.start, owner) is not None

    def _people_of(self, place: str) -> str | None:
        return self.place_people.get(place) or self.place_people.get(self.lexicon.within(place) or "")

    def _population(self, text: str, z: Zones, metric: str | None, places: frozenset[str], actors: frozenset[str] = frozenset()) -> str | None:
        """The population a counted noun stands for where the story is set, or with whom."""
        keys = [h.key for h in self.metric_nouns.finditer(text, *z.np)] + ([metric] if metric else [])
        for key in keys:
            for table, names in ((self.populations, places), (self.actor_populations, actors)):
                for name in sorted(names):
                    group = table.get(name, {}).get(key)
                    if group:
                        return group
        return None

    def _place_people(self, text: str, z: Zones) -> str | None:
        """The people of the one place a toll before the figure is named for, or of the place it lies in."""
        toll = self.toll_of_place.search(text, *z.before)
        if toll is None:
            return None
        hits = self.places.finditer(text, toll.end(), z.before[1])
        if len({h.key for h in hits}) != 1 or POSSESSIVE.match(text[hits[0].end : hits[0].end + 3]):
            return None  # "in Turkey and Syria": two countries' toll is no one people's
        return self._people_of(hits[0].key)

    def _group_hits(self, text: str, z: Zones) -> list[Hit]:
        """The group words of the figure's noun phrase. A word that is also a place's name
        ("سوريا": Syria, or Syrians after a number) names a group only as the figure's own noun:
        "بقوة 7.8 درجات جنوب تركيا وشمال سوريا" counts no Syrians."""
        places = [(h.start, h.end) for h in self.places.finditer(text, *z.np)]
        return [
            h for h in self.groups.finditer(text, *z.np)
            if not (any(a <= h.start < b for a, b in places) and text[z.np[0] : h.start].strip(" \t-־"))
        ]

    @staticmethod
    def _group(hits: list[Hit]) -> str | None:
        """The group nearest the noun's head, unless that is only the generic ``people``:
        "30,000 Palestinian workers" count Palestinians, "Palestinian health workers" health workers."""
        named = [h for h in hits if h.key != GENERIC_GROUP]
        return named[-1].key if named else (hits[-1].key if hits else None)

    @staticmethod
    def _last(hits: list[Hit]) -> str | None:
        return hits[-1].key if hits else None
