"""The built-in check kinds. Each takes all claims and one rule and returns its conflicts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

import regex

from figcheck.checks.intervals import Interval, interval, tally
from figcheck.checks.series import Conflict, fmt_number, group_series, likely_wrong
from figcheck.checks.units import convert
from figcheck.model import Claim
from figcheck.ruleset import DayCountRule, DecreaseRule, DisagreeRule

Check = Callable[[list[Claim], object], list[Conflict]]


def _in_unit(iv: Interval, unit: str, to: str) -> Interval:
    if unit == to:
        return iv
    return Interval(convert(iv.low, unit, to), convert(iv.high, unit, to), iv.low_open, iv.high_open)


def disagree(claims: list[Claim], rule: DisagreeRule) -> list[Conflict]:
    """Same key, same as-of date, intervals that cannot overlap."""
    conflicts = []
    for members in group_series(claims, rule.select).values():
        by_day: dict[dt.date, list[Claim]] = defaultdict(list)
        for c in members:
            by_day[c.as_of].append(c)  # type: ignore[index]
        for day, same_day in by_day.items():
            if len(same_day) < 2:
                continue
            unit = same_day[0].unit
            ivs = {c.id: _in_unit(interval(c, rule.approx_factor), c.unit, unit) for c in same_day}
            # Sorting by the low end finds every disjoint pair without comparing all pairs blindly.
            ordered = sorted(same_day, key=lambda c: ivs[c.id].low)
            pairs = [
                (a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :]
                if ivs[a.id].disjoint(ivs[b.id])
            ]
            if not pairs:
                continue

            def consistent(c: Claim, v: float, day_claims: list[Claim] = same_day) -> bool:
                probe = _in_unit(interval(c.model_copy(update=_rescaled(c, v)), rule.approx_factor), c.unit, unit)
                return not any(probe.disjoint(ivs[o.id]) for o in day_claims if o.id != c.id)

            wrong, fix = likely_wrong(same_day, pairs, consistent)
            others = [o for a, b in pairs for o in (a, b) if wrong.id in (a.id, b.id) and o.id != wrong.id]
            other = others[0] if others else pairs[0][1]
            first, second = sorted([wrong, other], key=lambda c: (c.document, c.line))
            conflicts.append(
                Conflict(
                    claims=[wrong, *dict.fromkeys(o for p in pairs for o in p if o.id != wrong.id)],
                    fields={"date": day.isoformat(), "first": first.text, "second": second.text,
                            "first_source": _src(first), "second_source": _src(second)},
                    suggestion=_typo(wrong, fix),
                )
            )
    return conflicts


def decrease(claims: list[Claim], rule: DecreaseRule) -> list[Conflict]:
    """A cumulative series whose later figure lies wholly below an earlier one."""
    conflicts = []
    read = tally if rule.lower_bounds_are_tallies else interval
    revision = (
        regex.compile(r"(?i)(?<!\w)(?:" + "|".join(regex.escape(w) for w in rule.revision_words) + r")(?!\w)")
        if rule.revision_words else None
    )
    for members in group_series(claims, rule.select).values():
        unit = members[0].unit
        ivs = {c.id: _in_unit(read(c), c.unit, unit) for c in members}
        pairs = [
            (a, b) for i, a in enumerate(members) for b in members[i + 1 :]
            if a.as_of < b.as_of and ivs[b.id].below(ivs[a.id])  # type: ignore[operator]
        ]
        if not pairs:
            continue

        def consistent(c: Claim, v: float, series: list[Claim] = members) -> bool:
            probe = _in_unit(read(c.model_copy(update=_rescaled(c, v))), c.unit, unit)
            for o in series:
                if o.id == c.id or o.as_of == c.as_of:
                    continue
                earlier, later = (ivs[o.id], probe) if o.as_of < c.as_of else (probe, ivs[o.id])  # type: ignore[operator]
                if later.below(earlier):
                    return False
            return True

        wrong, fix = likely_wrong(members, pairs, consistent)
        pair = next(p for p in pairs if wrong in p)
        earlier, later = pair
        revised = bool(revision and revision.search(later.sentence))
        conflicts.append(
            Conflict(
                claims=[wrong, *dict.fromkeys(o for p in pairs for o in p if o.id != wrong.id)],
                fields={"earlier": earlier.text, "earlier_date": earlier.as_of.isoformat(),  # type: ignore[union-attr]
                        "earlier_source": _src(earlier), "later": later.text,
                        "later_date": later.as_of.isoformat(), "later_source": _src(later)},  # type: ignore[union-attr]
                revision=revised,
                level=rule.revision_level if revised else None,
                suggestion=None if revised else _typo(wrong, fix),
            )
        )
    return conflicts


def day_count(claims: list[Claim], rule: DayCountRule) -> list[Conflict]:
    """"The Nth day" against the calendar from its start date, the start being ``first_day``."""
    conflicts = []
    for c in claims:
        if c.scope != "day_count" or c.since is None or c.as_of is None:
            continue
        expected = (c.as_of - c.since).days + rule.first_day
        if abs(expected - c.value) <= rule.tolerance_days:
            continue
        conflicts.append(
            Conflict(
                claims=[c],
                fields={"expected": str(expected), "since": c.since.isoformat()},
                suggestion=f"{fmt_number(c.value)} may be a typo for {expected}, which fits the calendar; "
                f"or the date {c.as_of.isoformat()} is wrong.",
            )
        )
    return conflicts


def _rescaled(c: Claim, v: float) -> dict[str, float | None]:
    """The claim's bounds if its figure were ``v`` instead, keeping its qualifier's shape."""
    ratio = v / c.value if c.value else 1.0
    return {
        "value": v,
        "low": None if c.low is None else c.low * ratio,
        "high": None if c.high is None else c.high * ratio,
    }


def _src(c: Claim) -> str:
    return c.source_text or "no source given"


def _typo(c: Claim, fix: tuple[float, str] | None) -> str | None:
    if fix is None:
        return None
    value, kind = fix
    how = {"doubled": "a doubled digit", "swapped": "two swapped digits", "dropped": "a dropped digit",
           "extra": "an extra digit", "mistyped": "a mistyped digit", "scale": "a slip of scale"}[kind]
    return f"{fmt_number(c.value)} may be a typo for {fmt_number(value)} ({how}), which fits the series."


REGISTRY: dict[str, Check] = {
    "disagree": disagree,  # type: ignore[dict-item]
    "decrease": decrease,  # type: ignore[dict-item]
    "day-count": day_count,  # type: ignore[dict-item]
}
