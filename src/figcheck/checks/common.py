"""Helpers the check kinds share: reading a claim's interval in a series' unit, naming sources,
and wording a typo suggestion."""

from __future__ import annotations

import functools
from collections.abc import Callable

import regex

from figcheck.checks.conflicts import Reader
from figcheck.checks.intervals import Interval, interval, tally
from figcheck.checks.series import fmt_number
from figcheck.checks.units import convert
from figcheck.model import Claim

SLIPS = {
    "doubled": "a doubled digit", "swapped": "two swapped digits", "dropped": "a dropped digit",
    "extra": "an extra digit", "mistyped": "a mistyped digit", "scale": "a slip of scale",
}


def in_unit(iv: Interval, unit: str, to: str) -> Interval:
    if unit == to:
        return iv
    return Interval(convert(iv.low, unit, to), convert(iv.high, unit, to), iv.low_open, iv.high_open)


def rescaled(c: Claim, v: float) -> Claim:
    """The claim as if its figure were ``v``, keeping its qualifier's shape."""
    ratio = v / c.value if c.value else 1.0
    return c.model_copy(update={
        "value": v,
        "low": None if c.low is None else c.low * ratio,
        "high": None if c.high is None else c.high * ratio,
    })


def reader(unit: str, tallies: bool = False, approx_factor: float | None = None) -> Reader:
    """Read claims as intervals in ``unit``; ``tallies`` reads "at least N" as the count N.

    A claim read as if its figure were another value scales its interval by the ratio: every
    qualifier's interval is proportional to the figure, and so is a conversion of units."""
    base: Callable[[Claim], Interval] = tally if tallies else (lambda c: interval(c, approx_factor))
    seen: dict[str, Interval] = {}

    def read(c: Claim, value: float | None) -> Interval:
        iv = seen.get(c.id)
        if iv is None:
            iv = seen[c.id] = in_unit(base(c), c.unit, unit)
        if value is None:
            return iv
        if not c.value or value / c.value <= 0:
            return in_unit(base(rescaled(c, value)), c.unit, unit)
        r = value / c.value
        return Interval(iv.low * r, iv.high * r, iv.low_open, iv.high_open)

    return read


def src(c: Claim) -> str:
    return c.source_text or "no source given"


def typo(c: Claim, fix: tuple[float, str] | None, fits: str = "the series") -> str | None:
    if fix is None:
        return None
    value, kind = fix
    return f"{fmt_number(c.value)} may be a typo for {fmt_number(value)} ({SLIPS[kind]}), which fits {fits}."


def phrase_matcher(words: list[str]) -> regex.Pattern[str] | None:
    """Whole-word, case-insensitive match of any of ``words``; None when there are none."""
    return _compiled(tuple(words)) if words else None


@functools.cache
def _compiled(words: tuple[str, ...]) -> regex.Pattern[str]:
    return regex.compile(r"(?i)(?<!\w)(?:" + "|".join(regex.escape(w) for w in words) + r")(?!\w)")


def near(c: Claim, pattern: regex.Pattern[str] | None, before: int = 40, after: int = 40) -> bool:
    """Whether ``pattern`` stands within a few words around the figure in its sentence."""
    if pattern is None:
        return False
    at = c.sentence.find(c.text)
    if at < 0:
        return bool(pattern.search(c.sentence))
    return bool(pattern.search(c.sentence[max(0, at - before) : at + len(c.text) + after]))


def nearest(c: Claim, others: list[Claim]) -> Claim:
    """The other claim closest in date (then in the same document) to ``c``."""
    return min(others, key=lambda o: (abs((o.as_of - c.as_of).days) if o.as_of and c.as_of else 0,
                                      o.document != c.document, o.line))


SIDES = 12
"""At most this many figures are set side by side in one finding: a slip early in a long series
contradicts every later report, and the nearest in time say enough."""


def sides(wrong: Claim, other: Claim, rest: list[Claim]) -> list[Claim]:
    """The claims of a finding: the likely wrong one, the one its message names, then the nearest."""
    rest = sorted((o for o in rest if o is not other), key=lambda o: (
        abs((o.as_of - wrong.as_of).days) if o.as_of and wrong.as_of else 0, o.document, o.line))
    return [wrong, other, *rest[: SIDES - 2]]
