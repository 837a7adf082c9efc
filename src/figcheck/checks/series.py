"""Group claims into series by key, and find the figure most likely wrong and its likely correction."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import regex

from figcheck.checks.units import dimension
from figcheck.model import Claim
from figcheck.ruleset import Select

Key = tuple[str | None, ...]


def series_key(claim: Claim) -> Key:
    """Claims with equal keys measure the same thing: DESIGN.md's metric, group, place, scope,
    definition and unit dimension. A figure that names no place is tied to what else says where
    it belongs (``anchor``)."""
    return (claim.metric, claim.group, claim.place or anchor(claim), claim.scope, claim.definition, dimension(claim.unit))


def anchor(claim: Claim) -> str:
    """Where a figure with no place belongs: the series its own source keeps, when the source is a
    named body ("the Texas Department of State Health Services"), else its own document. "The
    death toll rose to 19, police said" is no figure for the floods another story reports the same
    week: with neither a place nor a named source, two stories' tolls may be any two events."""
    if claim.source and not names_no_body(claim):
        return f"source:{claim.source}"
    return f"document:{claim.document}"


def names_no_body(claim: Claim) -> bool:
    """Whether a figure's source names no one body. A known source (sources.yml) always does. In
    a script with capitals, the name tells: a proper name ("the State Department", "Nielsen",
    "the Moroccan interior ministry") names one, a name in lower case ("police", "the disaster
    management agency", "The country's forensic service") does not. Elsewhere, a name made only
    of speaker words ("המשטרה"; ``generic_source``) does not."""
    return claim.source is not None and _no_body(claim.source, claim.source_text or "")


@functools.cache
def _no_body(source: str, text: str) -> bool:
    """``names_no_body``, once per source as written: the checks ask it for every unplaced claim."""
    if source in _known_sources():
        return False
    if not LATIN.search(text):
        return generic_source(source)
    words = text.split()
    first = POSSESSIVE.sub("", words[0].casefold())
    return not (any(w[:1].isupper() for w in words[1:]) or (words[0][:1].isupper() and first not in _generic_words()))


LATIN = regex.compile(r"\p{Latin}")
POSSESSIVE = regex.compile(r"['’]s$")


@functools.cache
def _known_sources() -> frozenset[str]:
    from figcheck.resolve.lexicon import default_lexicon

    return frozenset(default_lexicon().section("sources"))


@functools.cache
def _generic_words() -> frozenset[str]:
    from figcheck.resolve.lexicon import default_lexicon  # the checks read claims; only this reads words

    section = default_lexicon().section("attribution")
    words: set[str] = set()
    for key in ("speaker_nouns", "roles", "generic_modifiers"):
        for lang_words in (section.get(key) or {}).values():
            words.update(str(w).casefold() for w in lang_words or [])
    return frozenset(words)


@functools.cache
def generic_source(source: str) -> bool:
    """A source id made only of words any speaker could be ("police", "regional_authorities",
    "המשטרה"; attribution.yml 'speaker_nouns', 'roles', 'generic_modifiers') names no one body."""
    words = _generic_words()
    return all(part.casefold() in words for part in source.split("_") if part)


@functools.cache
def _causes() -> tuple[frozenset[str], str]:
    from figcheck.resolve.lexicon import default_lexicon

    section = default_lexicon().section("causes")
    prefix = str((section.get("named_storms") or {}).get("key_prefix") or "storm_")
    return frozenset(section.get("causes") or ()), prefix


def unnamed_storm(definition: str | None) -> bool:
    """"The storm", "the hurricane": a storm whose report gives it no name."""
    return definition is not None and definition == _causes()[1].rstrip("_")


def is_cause(definition: str | None) -> bool:
    """Whether a definition names the event a figure is of (rules/lexicon/causes.yml: a flood,
    Hurricane Helene, measles) rather than narrowing what is counted (identified, estimated)."""
    if not definition:
        return False
    keys, prefix = _causes()
    return definition in keys or definition.startswith(prefix)


DEFINITION = 4
"""The definition's place in a series key."""


def join_unnamed_events(groups: dict[Key, list[Claim]]) -> None:
    """A figure whose report names no event belongs to the one event its series is named for
    elsewhere: "The number of people killed in Turkey rose to 17,134, AFAD said" and AFAD's
    earthquake toll are one series. Where two events share the rest of the key (a heatwave's and
    a flood's toll in Spain) such a figure could be either's, and stays a series of its own. So
    with "the storm": it is the one named storm of its series, if there is one."""
    events: dict[Key, list[Key]] = defaultdict(list)
    for key in groups:
        if is_cause(key[DEFINITION]):
            events[(*key[:DEFINITION], None, *key[DEFINITION + 1 :])].append(key)
    for unnamed, keys in events.items():
        storm = [k for k in keys if unnamed_storm(k[DEFINITION])]
        named = [k for k in keys if k[DEFINITION].startswith(_causes()[1])]  # type: ignore[union-attr]
        if storm and len(named) == 1:
            groups[named[0]].extend(groups.pop(storm[0]))
            keys.remove(storm[0])
        if len(keys) == 1 and unnamed in groups:
            groups[keys[0]].extend(groups.pop(unnamed))


SELECT_FIELDS = ("metric", "scope", "group", "place", "definition", "unit")


_TESTS: dict[int, tuple[Select, Callable[[Claim], bool]]] = {}


def _test(select: Select) -> Callable[[Claim], bool]:
    """Whether a claim is selected, as one function per select built once (rules are frozen):
    checks ask it of every claim for every rule, 400,000 times per 10,000 documents."""
    hit = _TESTS.get(id(select))
    if hit is None or hit[0] is not select:
        wanted = [(n, frozenset(getattr(select, n))) for n in SELECT_FIELDS if getattr(select, n)]
        if not wanted:
            test: Callable[[Claim], bool] = lambda claim: True  # noqa: E731
        elif len(wanted) == 1:
            (name, values), = wanted
            test = lambda claim: getattr(claim, name) in values  # noqa: E731
        else:
            test = lambda claim: all(getattr(claim, n) in values for n, values in wanted)  # noqa: E731
        hit = _TESTS[id(select)] = (select, test)
    return hit[1]


def selected(claim: Claim, select: Select) -> bool:
    return _test(select)(claim)


def group_series(claims: Iterable[Claim], select: Select) -> dict[Key, list[Claim]]:
    """Claims with a metric and a date, by key, each series sorted by date then position."""
    groups: dict[Key, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.metric and c.as_of and selected(c, select):
            groups[series_key(c)].append(c)
    join_unnamed_events(groups)
    for members in groups.values():
        members.sort(key=lambda c: (c.as_of, c.document, c.line, c.column))
    return dict(groups)


@dataclass
class Conflict:
    """Two or more claims that cannot all be true, as found by one check."""

    claims: list[Claim]
    fields: dict[str, str] = field(default_factory=dict)
    revision: bool = False
    suggestion: str | None = None
    level: str | None = None


EDIT_PRIOR = {"doubled": 1.0, "swapped": 0.8, "dropped": 0.6, "extra": 0.6, "mistyped": 0.5, "scale": 0.4}


PRECISE = {"exact", "at_least", "more_than", "at_most", "less_than"}


def precise(c: Claim) -> bool:
    """Written with all its digits ("23,210", "at least 445,581"), not rounded ("1.2 million",
    "nears 24,000"): only such a figure can carry a slip of the keyboard."""
    return c.qualifier in PRECISE and c.value in (c.low, c.high)


def slips(c: Claim) -> list[tuple[float, str]]:
    """The corrections worth suggesting for a claim: none for a rounded figure."""
    return digit_edits(c.value) if precise(c) else []


@functools.lru_cache(maxsize=65536)
def digit_edits(value: float) -> list[tuple[float, str]]:
    """Every value one slip of the keyboard away: (corrected value, kind of slip)."""
    if value != int(value) or value < 10:
        return []
    s = str(int(value))
    out: dict[float, str] = {}

    def add(text: str, kind: str) -> None:
        if text and not (len(text) > 1 and text[0] == "0"):
            v = float(text)
            if v != value and (v not in out or EDIT_PRIOR[kind] > EDIT_PRIOR[out[v]]):
                out[v] = kind

    for i in range(len(s)):
        deleted = s[:i] + s[i + 1 :]
        add(deleted, "doubled" if (i > 0 and s[i - 1] == s[i]) or (i + 1 < len(s) and s[i + 1] == s[i]) else "extra")
        if i + 1 < len(s) and s[i] != s[i + 1]:
            add(s[:i] + s[i + 1] + s[i] + s[i + 2 :], "swapped")
        for d in "0123456789":
            if d != s[i]:
                add(s[:i] + d + s[i + 1 :], "mistyped")
    for i in range(len(s) + 1):
        for d in "0123456789":
            add(s[:i] + d + s[i:], "dropped")
    for factor in (10, 1000):
        add(str(int(value * factor)), "scale")
        if value % factor == 0:
            add(str(int(value // factor)), "scale")
    return sorted(out.items(), key=lambda kv: (-EDIT_PRIOR[kv[1]], abs(kv[0] - value)))


def fmt_number(value: float) -> str:
    return f"{int(value):,}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")
