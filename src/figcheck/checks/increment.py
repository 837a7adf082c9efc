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


def _hull(ivs: list[Interval]) -> Interval:
    return Interval(min(iv.low for iv in ivs), max(iv.high for iv in ivs))


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
        hi, lo = _hull([read(c, None) for c in now]), _hull([read(c, None) for c in before])
        rise = Interval(hi.low - lo.high, hi.high - lo.low)
        used = {step.id, *(c.id for c in now), *(c.id for c in before)}
        extra = [
            o for c in (step, *now) for o in by_sentence[(c.document, c.sentence)]
            if o.id not in used and near(o, additions, before=30, after=40)
        ]
        added = sum(o.value for o in {o.id: o for o in extra}.values())

        def fits(v: float | None) -> bool:
            iv = read(step, v)
            return _overlaps(iv, rise) or (added > 0 and _overlaps(Interval(iv.low + added, iv.high + added), rise))

        if fits(None):
            continue
        fix = next(((v, kind) for v, kind in slips(step) if fits(v)), None)
        difference = fmt_number(rise.low) if rise.low == rise.high and rise.low not in (INF, -INF) else (
            f"{fmt_number(rise.low)} to {fmt_number(rise.high)}")
        conflicts.append(Conflict(
            claims=[step, now[0], before[0]],
            fields={"step": step.text, "date": str(step.as_of), "now": now[0].text, "before": before[0].text,
                    "before_date": str(before[0].as_of), "difference": difference, "source": src(step),
                    "added": fmt_number(added)},
            suggestion=typo(step, fix, "the rise of the total"),
        ))
    return conflicts
