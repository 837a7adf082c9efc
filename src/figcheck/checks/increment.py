"""The ``increment`` kind: "N killed in the past 24 hours" against the rise of the running total
the same source gives for that day and the day before."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from figcheck.checks.common import near, phrase_matcher, reader, src, typo
from figcheck.checks.intervals import INF, Interval
from figcheck.checks.series import Conflict, fmt_number, selected, slips
from figcheck.checks.units import dimension
from figcheck.model import Claim
from figcheck.ruleset import IncrementRule


def _key(c: Claim) -> tuple[object, ...]:
    return (c.metric, c.group, c.place, c.definition, dimension(c.unit), c.source)


def _distinct(totals: list[Claim], read) -> list[Claim]:  # type: ignore[no-untyped-def]
    """One claim per distinct figure: syndicated copies of a total say the same thing once."""
    return list({(iv.low, iv.high): c for c in reversed(totals) for iv in [read(c, None)]}.values())


def _rise(now: Interval, before: Interval) -> Interval:
    return Interval(now.low - before.high, now.high - before.low)


def _gap(a: Interval, b: Interval) -> float:
    return max(0.0, b.low - a.high, a.low - b.high)


def _overlaps(a: Interval, b: Interval) -> bool:
    return not (a.high < b.low or b.high < a.low)


def increment(claims: list[Claim], rule: IncrementRule) -> list[Conflict]:
    """A figure for the past day against the rise of its source's running total over that day.

    The rise may also hold figures the report says were added (bodies recovered, missing people
    confirmed dead); a daily figure plus those additions fits too."""
    totals: dict[tuple[object, ...], dict[dt.date, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    steps = []
    for c in claims:
        if not (c.metric and c.as_of):
            continue
        if c.scope == rule.total_scope:
            totals[_key(c)][c.as_of].append(c)
        elif c.scope == "increment" and selected(c, rule.select):
            steps.append(c)
    if not steps:
        return []
    additions = phrase_matcher(rule.addition_words)
    by_sentence: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        by_sentence[(c.document, c.sentence)].append(c)
    conflicts = []
    for step in steps:
        series = totals.get(_key(step))
        if not series:
            continue
        now, before = series.get(step.as_of), series.get(step.as_of - dt.timedelta(days=rule.window_days))  # type: ignore[operator]
        if not now or not before:
            continue
        read = reader(now[0].unit, tallies=rule.lower_bounds_are_tallies)
        used = {step.id, *(c.id for c in now), *(c.id for c in before)}
        extra = [
            o for c in (step, *now) for o in by_sentence[(c.document, c.sentence)]
            if o.id not in used and near(o, additions, before=30, after=40)
        ]
        added = sum(o.value for o in {o.id: o for o in extra}.values())
        # Each pair of that day's and the day before's totals is one reading of the rise; the daily
        # figure holds if it fits any (a copy with a slip elsewhere in the archive is not its fault).
        pairs = [(n, b, _rise(read(n, None), read(b, None))) for n in _distinct(now, read) for b in _distinct(before, read)]

        def fits(v: float | None) -> bool:
            iv = read(step, v)
            shifted = Interval(iv.low + added, iv.high + added)
            return any(_overlaps(iv, r) or (added > 0 and _overlaps(shifted, r)) for _, _, r in pairs)

        if fits(None):
            continue
        fix = next(((v, kind) for v, kind in slips(step) if fits(v)), None)
        n, b, rise = min(pairs, key=lambda p: _gap(read(step, None), p[2]))
        difference = fmt_number(rise.low) if rise.low == rise.high and rise.low not in (INF, -INF) else (
            f"{fmt_number(rise.low)} to {fmt_number(rise.high)}")
        conflicts.append(Conflict(
            claims=[step, n, b],
            fields={"step": step.text, "date": str(step.as_of), "now": n.text, "before": b.text,
                    "before_date": str(b.as_of), "difference": difference, "source": src(step),
                    "added": fmt_number(added)},
            suggestion=typo(step, fix, "the rise of the total"),
        ))
    return conflicts
