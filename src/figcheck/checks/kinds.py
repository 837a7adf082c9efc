"""The series check kinds: disagree (one day, one value), decrease (a running total falls) and
day-count ("the Nth day" against the calendar). Each takes all claims and one rule."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from figcheck.checks.common import nearest, phrase_matcher, reader, sides, src, typo
from figcheck.checks.conflicts import Series
from figcheck.checks.series import Conflict, fmt_number, group_series, names_no_body, selected
from figcheck.model import Claim
from figcheck.ruleset import DayCountRule, DecreaseRule, DisagreeRule


def disagree(claims: list[Claim], rule: DisagreeRule) -> list[Conflict]:
    """Same key, same as-of date, intervals that cannot overlap."""
    if rule.same_value_other_source:
        return misattribution(claims, rule)
    conflicts = []
    for members in group_series(claims, rule.select).values():
        read = reader(members[0].unit, approx_factor=rule.approx_factor)
        i = 0
        while i < len(members):
            j = i
            while j < len(members) and members[j].as_of == members[i].as_of:
                j += 1
            for res in Series(members[i:j], read, ordered=False).resolve():
                other = nearest(res.wrong, res.others)
                first, second = sorted([res.wrong, other], key=lambda c: (c.document, c.line, c.column))
                conflicts.append(Conflict(
                    claims=sides(res.wrong, other, res.others),
                    fields={"date": str(res.wrong.as_of), "first": first.text, "second": second.text,
                            "first_source": src(first), "second_source": src(second)},
                    suggestion=typo(res.wrong, res.fix),
                ))
            i = j
    return conflicts


def misattribution(claims: list[Claim], rule: DisagreeRule) -> list[Conflict]:
    """One exact figure credited to two different bodies on the same day."""
    conflicts = []
    for members in group_series(claims, rule.select).values():
        by_value: dict[tuple[dt.date | None, float], dict[str, Claim]] = defaultdict(dict)
        for c in members:
            # "police" and "officials" are no bodies that count (series.names_no_body).
            if c.source and not names_no_body(c) and c.qualifier == "exact" and c.value >= rule.min_value:
                by_value[(c.as_of, c.value)].setdefault(c.source, c)
        for (day, value), sources in by_value.items():
            if len(sources) < 2:
                continue
            named = sorted(sources.values(), key=lambda c: (c.document, c.line))
            conflicts.append(Conflict(
                claims=named,
                fields={"date": str(day), "value": fmt_number(value),
                        "first_source": src(named[0]), "second_source": src(named[1])},
                level=rule.level,
            ))
    return conflicts


def decrease(claims: list[Claim], rule: DecreaseRule) -> list[Conflict]:
    """A cumulative series whose later figure lies wholly below an earlier one."""
    conflicts = []
    revision = phrase_matcher(rule.revision_words)
    for members in group_series(claims, rule.select).values():
        read = reader(members[0].unit, tallies=rule.lower_bounds_are_tallies)
        for res in Series(members, read, ordered=True).resolve():
            other = nearest(res.wrong, res.others)
            earlier, later = sorted([res.wrong, other], key=lambda c: c.as_of)  # type: ignore[arg-type, return-value]
            revised = bool(revision and revision.search(later.sentence))
            named = sides(res.wrong, other, res.others)
            if revised:  # the revised (later) figure stands; the superseded one goes first
                named = [earlier, later, *named[2:]]
            conflicts.append(Conflict(
                claims=named,
                fields={"earlier": earlier.text, "earlier_date": str(earlier.as_of),
                        "earlier_source": src(earlier), "later": later.text,
                        "later_date": str(later.as_of), "later_source": src(later)},
                revision=revised,
                level=rule.revision_level if revised else None,
                suggestion=None if revised else typo(res.wrong, res.fix),
            ))
    return conflicts


def day_count(claims: list[Claim], rule: DayCountRule) -> list[Conflict]:
    """"The Nth day" against the calendar from its start date, the start being ``first_day``."""
    conflicts = []
    for c in claims:
        if c.scope != "day_count" or c.since is None or c.as_of is None or not selected(c, rule.select):
            continue
        expected = (c.as_of - c.since).days + rule.first_day
        if abs(expected - c.value) <= rule.tolerance_days:
            continue
        conflicts.append(
            Conflict(
                claims=[c],
                fields={"expected": fmt_number(expected), "since": c.since.isoformat()},
                suggestion=f"{fmt_number(c.value)} may be a typo for {fmt_number(expected)}, which fits the calendar; "
                f"or the date {c.as_of.isoformat()} is wrong.",
            )
        )
    return conflicts
