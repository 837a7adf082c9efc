"""Bounds and ranges around figures: "at least 45", "כ־60 אלף", "between 20 and 30", "18 و20 ألفا"."""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import TYPE_CHECKING

import regex

from figcheck.resolve.lexicon import Lexicon, fold

if TYPE_CHECKING:
    from figcheck.extract.quantities import Mention

TO_GAP = regex.compile(r"\s+to\s+")
# Between the ends of a change: "to", perhaps after the time or the measure of the start ("from
# $36,040 at 10.45pm last night to $34,935", "from 21 mpg combined to 23"). Figures between
# consecutive mentions are none (dates, times), so the words are read, not the figures.
CHANGE_GAP = regex.compile(r"(?:\s+[^\s,;:!?()]+){0,5}?\s+to\s+", regex.I)
FRAME_ARTICLE = regex.compile(r"(?i)(?<!\w)(?:the|its|their|his|her|our)\s+\Z")
GAP_WORD = regex.compile(r"[\p{L}\p{M}]+")
# Between two items of an English list of counts: the first one's plural noun, then a comma or
# "and" ("at least 5.3 million illnesses, 63,000 hospitalizations and 2,700 deaths").
LIST_GAP = regex.compile(r"\s+(?:[\p{L}-]+\s+)?(?P<noun>[\p{L}-]+)\s*(?P<sep>,\s*(?:and\s+)?|\s+and\s+)")
LIST_NOUN = regex.compile(r"(?i)(?:[\p{L}-]*[^s\W]s|people|children|men|women)")
SPREAD = frozenset({"at_least", "more_than", "approx", "nearly", "at_most", "less_than"})
GAP_STOP = regex.compile(r"[\d,.;:!?()\n]")

# Letters glued before a bound phrase: "ו" (and), "ב" ("בכ־250", at about 250); Arabic "و", "ب"
# ("بنحو 101").
BOUND_PREFIX = {"he": r"(?:[ובל]{0,2})", "ar": r"(?:[وبف]?)", "en": ""}


def _alt(phrases: list[str]) -> str:
    ordered = sorted({fold(p) for p in phrases}, key=len, reverse=True)
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in ordered) or "(?!)"


class Bounds:
    """Bound phrases and range joiners of one language, from bounds.yml."""

    def __init__(self, lexicon: Lexicon, lang: str) -> None:
        self.lexicon, self.lang = lexicon, lang
        section = lexicon.section("bounds")
        self.before = _anchored(section.get("before") or {}, lang)
        self.after = lexicon.flat_matcher("bounds", lang, ("after",))
        self.after_gap = int((section.get("after_gap_words") or {}).get(lang) or 0)
        subject = dict(section.get("before_subject") or {})
        n = int(subject.pop("subject_words", 0) or 0)
        verbs = _anchored(subject, lang, tail=False)
        self.across_subject = regex.compile(rf"(?:{verbs.pattern})(?:\s+[\p{{L}}\p{{M}}]+){{1,{n}}}\s+\Z", regex.I) if n and subject else None
        ratio = list((section.get("ratio_join") or {}).get(lang) or [])
        self.ratio = regex.compile(rf"(?i)\s+(?:{_alt(ratio)})\s+")
        particle = (section.get("particle_verbs") or {}).get(lang) or {}
        self.particle_verb = (
            regex.compile(rf"(?i)(?<!\w)(?:{_alt(list(particle.get('verbs') or []))})\s+\Z") if particle.get("verbs") else None
        )
        self.particle = fold(str(particle.get("particle") or "")).lower()
        ranges = section.get("ranges") or {}
        words = lambda key: list((ranges.get(key) or {}).get(lang) or [])  # noqa: E731
        glue = r"[\s\-־]*" if lang == "he" else r"\s*"
        self.open = regex.compile(rf"(?i)(?<!\w)(?:{_alt(words('open'))}){glue}\Z")
        # A joiner glued to the next figure ("و20", "ל־30") or standing apart ("and", "-").
        self.join = regex.compile(rf"(?i)\s*(?:{_alt(words('join'))})[\s\-־]*")
        self.join_alone = regex.compile(rf"(?i)\s*(?:{_alt(words('join_alone'))})[\s\-־]*")
        self.not_after = regex.compile(rf"(?i)(?<!\w)(?:{_alt(words('not_after'))})[\s\-־]*\Z")
        opener = {"en": "from", "he": "מ", "ar": "من"}.get(lang, "from")
        # The opening word of a change ("from 5% to 3%"), among the range openers.
        self.change_opener = regex.compile(rf"(?i)(?<!\w){opener}[\s\-־]*\Z")
        self.change_from = regex.compile(rf"(?i)(?<!\w)(?:{_alt(words('change_from'))})(?!\w)(?:\s+\S+){{0,6}}?\s+{opener}[\s\-־]*\Z")

    def ratios(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Join "1 in 5" into one share of 20 percent."""
        out: list[Mention] = []
        i = 0
        while i < len(mentions):
            a = mentions[i]
            b = mentions[i + 1] if i + 1 < len(mentions) else None
            if (
                b is not None and a.unit == b.unit == "count" and not (a.vague or b.vague or a.ordinal or b.ordinal)
                and 0 < a.value < b.value <= 1000 and a.end == a.num_end and self.ratio.fullmatch(text[a.end : b.start])
            ):
                share = round(100 * a.value / b.value, 1)
                out.append(replace(a, end=b.end, num_end=b.num_end, value=share, low=share, high=share, unit="percent"))
                i += 2
                continue
            out.append(a)
            i += 1
        return out

    def listed(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A bound before a list of counts bounds every item (README, gold conventions): "at least
        5.3 million illnesses, 63,000 hospitalizations and 2,700 deaths" are three lower bounds.
        Only a list with a comma: "more than 100 people and 30 soldiers" may be a bound and a count."""
        if self.lang != "en":
            return mentions
        out = list(mentions)
        i = 0
        while i < len(out):
            head, j, comma = out[i], i, False
            while (
                head.qualifier in SPREAD and j + 1 < len(out) and out[j + 1].qualifier == "exact" and out[j + 1].unit == head.unit == "count"
                and (gap := LIST_GAP.fullmatch(text, out[j].end, out[j + 1].start)) and LIST_NOUN.fullmatch(gap.group("noun"))
            ):
                comma, j = comma or "," in gap.group("sep"), j + 1
            if comma:
                out[i + 1 : j + 1] = [replace(m, qualifier=head.qualifier, **interval(head.qualifier, m, self.lexicon)) for m in out[i + 1 : j + 1]]
            i = j + 1
        return out

    def has_bound_before(self, text: str, start: int) -> bool:
        return bool(self.before.search(text, max(text.rfind("\n", 0, start) + 1, start - 40), start))

    def ranges(self, text: str, mentions: list[Mention], changes: bool = False) -> list[Mention]:
        """Join "between 20 and 30", "20-30", "20 to 30" and their Hebrew and Arabic forms.

        With ``changes`` (the quantity layer), a change "from X to Y" is joined too, in either
        direction: one quantity that runs from X (its ``value``) to Y. Claims keep X and Y apart.
        """
        out: list[Mention] = []
        i = 0
        while i < len(mentions):
            a = mentions[i]
            b = mentions[i + 1] if i + 1 < len(mentions) else None
            if b is not None and not (a.vague or b.vague or a.ordinal or b.ordinal or a.unit == "percent" and b.unit != "percent"):
                joined = self._join(text, a, b, changes)
                if joined is not None:
                    out.append(joined)
                    i += 2
                    continue
            out.append(a)
            i += 1
        return out

    def _join(self, text: str, a: Mention, b: Mention, changes: bool = False) -> Mention | None:
        gap = text[a.end : b.start]
        if "\n" in gap:
            return None  # the two figures stand in different paragraphs
        if a.unit == "count" and b.unit != "count" and b.start < b.num_start:
            return None  # "grew sixfold to HK $3.7 billion": a range writes its currency on both ends or after
        before = text[max(text.rfind("\n", 0, a.start) + 1, a.start - 20) : a.start]
        opened = self.open.search(before)
        if changes and opened and self.change_opener.search(opened.group()) and CHANGE_GAP.fullmatch(gap):
            change = self._change(a, b, a.start + opened.start() - len(before))
            if change is not None:
                return change
        if self.change_from.search(text, max(0, a.start - 80), a.start):
            return None
        if opened and self.join.fullmatch(gap):
            pass
        elif self.join_alone.fullmatch(gap) and not self.not_after.search(before):
            if TO_GAP.fullmatch(gap) is None and a.end != a.num_end and (a.unit == "count" or a.unit != b.unit):
                return None  # "20 people - 30 trucks" is two figures; "20-30" and "20%-30%" are one
        elif TO_GAP.fullmatch(gap) and a.unit == "count" and a.end == a.num_end and b.unit not in {"count", "percent"}:
            pass  # "dropped by 1 to 1.5 degrees Celsius": a bare number before "to" and a unit is a range, not a change
        else:
            return None
        # A range states its ends: "$1 million to $1.25 million" starts at 1,000,000, not at the
        # rounding interval of "1 million" alone.
        low = a.value
        value = a.value
        # "between 18 and 20 thousand", "1-2 million": the scale of the second end is shared.
        if b.scale > 1 and a.scale == 1 and a.value * b.scale <= b.value:
            value, low = a.value * b.scale, a.value * b.scale
        if b.value <= value:
            return None
        # "$48,000 and $90,000 a year": the rate written after the second end is the range's.
        unit = b.unit if a.unit == "count" or b.unit.startswith(f"{a.unit} / ") else a.unit
        start = a.start - len(opened.group()) if opened else a.start
        high = b.value
        return replace(a, start=start, end=b.end, num_end=b.num_end, value=value, low=low, high=high, qualifier="range", unit=unit, scale=b.scale)

    def _change(self, a: Mention, b: Mention, start: int) -> Mention | None:
        """"from 208 pounds to 193": a quantity from its start ``a`` (the value) to its end ``b``, up or down."""
        if a.unit == b.unit or a.unit == "count" and a.end == a.num_end or b.unit.startswith(f"{a.unit} / "):
            # "from 4.8 to 4.7 percent", "from $500,000 to $1 million a year": the unit written
            # after the end is the start's too.
            unit = b.unit
        elif b.unit == "count" and b.end == b.num_end:
            unit = a.unit  # "from 208 pounds to 193"
        else:
            return None
        value = a.value
        if b.scale > 1 and a.scale == 1 and a.value * b.scale <= b.value:
            value = a.value * b.scale  # "from 1 to 2 million"
        if value == b.value:
            return None
        return replace(
            a, start=start, end=b.end, num_end=b.num_end, value=value, low=min(value, b.value),
            high=max(value, b.value), qualifier="range", unit=unit, scale=b.scale, aside="change",
        )

    def bounded(self, text: str, m: Mention) -> Mention:
        """Widen a figure to the bound phrase before or after it and set its interval."""
        if m.qualifier != "exact" or m.ordinal:
            return m
        # A paragraph is a line: a bound never reaches across a line break to a figure.
        line_start = text.rfind("\n", 0, m.start) + 1
        bound = self.before.search(text, max(line_start, m.start - 40), m.start)
        if bound and m.aside == "frame" and FRAME_ARTICLE.search(text, max(0, bound.start() - 6), bound.start()):
            return m  # "in the past two years": "past" names the frame, it bounds nothing
        if bound and self._moved(text, bound.start(), bound.group(), line_start):
            return m  # "picked up to 5.2%": the verb's particle, no bound
        qualifier, start, end = "exact", m.start, m.end
        if bound:
            qualifier, start = bound.lastgroup or "exact", bound.start()
        elif self.across_subject is not None and (far := self.across_subject.search(text, max(line_start, m.start - 60), m.start)):
            qualifier, start = far.lastgroup or "exact", far.start()
        else:
            hit = self._after(text, m.end)
            if hit is not None:
                qualifier, end = hit
        if qualifier == "exact":
            return m
        core = m.end if end != m.end else -1
        return replace(m, start=start, end=end, core_end=core, qualifier=qualifier, **interval(qualifier, m, self.lexicon))

    def _moved(self, text: str, start: int, phrase: str, line_start: int) -> bool:
        """Whether a bound phrase opens with the particle of the verb before it (bounds.yml 'particle_verbs')."""
        words = phrase.split(None, 1)
        if self.particle_verb is None or not words or words[0].lower() != self.particle:
            return False
        return self.particle_verb.search(text, max(line_start, start - 30), start) is not None

    def _after(self, text: str, end: int) -> tuple[str, int] | None:
        """A bound after the figure, perhaps past its counted noun ("24 فلسطينيا على الأقل")."""
        return self._after_hit(text, end)

    def _after_hit(self, text: str, end: int) -> tuple[str, int] | None:
        hits = self.after.finditer(text, end, min(len(text), end + 20 + 15 * self.after_gap))
        if not hits:
            return None
        gap = text[end : hits[0].start]
        words = GAP_WORD.findall(gap)
        if GAP_STOP.search(gap) or len(words) > self.after_gap:
            return None
        return hits[0].key, hits[0].end


def _decimal(x: float) -> float:
    """A product's binary noise rounded off: "about 200" spans 180 to 220, not 220.00000000000003."""
    return float(f"{x:.12g}")


def interval(qualifier: str, m: Mention, lexicon: Lexicon) -> dict[str, float | None]:
    factors = lexicon.section("bounds").get("intervals") or {}
    v = m.value
    nonneg = 0.0 if m.unit not in {"degree_Celsius", "degree_Fahrenheit"} else None
    if qualifier in {"at_least", "more_than"}:
        return {"low": v, "high": None}
    if qualifier in {"at_most", "less_than"}:
        return {"low": nonneg, "high": v}
    if qualifier == "nearly":
        return {"low": _decimal(v * (1 - float(factors.get("nearly_factor", 0.1)))), "high": v}
    if qualifier == "approx":
        f = float(factors.get("approx_factor", 0.1))
        return {"low": _decimal(v * (1 - f)), "high": _decimal(v * (1 + f))}
    return {"low": m.low, "high": m.high}


def _anchored(table: dict, lang: str, tail: bool = True) -> regex.Pattern[str]:
    """One pattern whose named groups are qualifiers, matching a bound phrase that ends the window."""
    alts = []
    for qualifier, langs in table.items():
        phrases = (langs or {}).get(lang) or []
        if phrases:
            alts.append(f"(?P<{qualifier}>{_alt(phrases)})")
    if not alts:
        return regex.compile(r"(?!)")
    glue = r"[\s\-־]*" if lang == "he" else r"\s*" if lang == "ar" else r"\s+"
    prefix = BOUND_PREFIX.get(lang, "")
    # Arabic writes "الـ" before a figure ("نحو الـ25"); English "the" ("over the 1,000 mark").
    # No English "the": "more than the 160,000 expected" compares, it does not bound.
    article = "" if lang == "en" else r"(?:ال[ـ-]?\s*)?" if lang == "ar" else r"(?:ה[-־]?)?"
    if not tail:
        return regex.compile(rf"(?<!\w){prefix}(?:{'|'.join(alts)})(?!\w)", regex.I)
    return regex.compile(rf"(?<!\w){prefix}(?:{'|'.join(alts)}){glue}{article}\Z", regex.I)


@functools.cache
def bounds(lexicon: Lexicon, lang: str) -> Bounds:
    return Bounds(lexicon, lang)
