"""The ``unit`` kind: figures for the same thing on the same day that differ by a slip of scale
(×10, ×1000: "$12 billion" for "$1.2 billion") or give one number in two incompatible units."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import defaultdict

from figcheck.checks.common import reader, src
from figcheck.checks.conflicts import high_key, low_key
from figcheck.checks.intervals import Interval
from figcheck.checks.series import Conflict, anchor, fmt_number, selected
from figcheck.checks.units import dimension
from figcheck.model import Claim
from figcheck.ruleset import UnitRule


def unit(claims: list[Claim], rule: UnitRule) -> list[Conflict]:
    """Figures for one thing on one day that are a slip of scale apart, or in incompatible units."""
    groups: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    for c in claims:
        # A vague quantity ("tens of thousands", "thousands") is no figure a decimal point slipped in.
        if c.metric and c.as_of and c.qualifier != "vague" and selected(c, rule.select):
            groups[(c.metric, c.group, c.place or anchor(c), c.scope, c.definition, c.as_of)].append(c)
    conflicts = []
    for members in groups.values():
        if len(members) > 1:
            conflicts += _mixed_units(members, rule)
            by_dim: dict[str, list[Claim]] = defaultdict(list)
            for c in members:
                by_dim[dimension(c.unit)].append(c)
            for same in by_dim.values():
                conflicts += _scale_slips(same, rule)
    return conflicts


def _mixed_units(members: list[Claim], rule: UnitRule) -> list[Conflict]:
    """One number written with two incompatible units: one of the units is wrong."""
    by_value: dict[float, dict[str, Claim]] = defaultdict(dict)
    for c in members:
        dim = dimension(c.unit)
        if dim not in rule.ignore_dimensions:
            by_value[c.value].setdefault(dim, c)
    out = []
    for value, dims in by_value.items():
        if len(dims) > 1:
            a, b = sorted(dims.values(), key=lambda c: (c.document, c.line))[:2]
            out.append(Conflict(
                claims=[b, a],
                fields={"first": a.text, "second": b.text, "first_source": src(a), "second_source": src(b),
                        "date": str(a.as_of), "problem": f"the same number in two incompatible units ({a.unit} and {b.unit})"},
            ))
    return out


def _scale_slips(members: list[Claim], rule: UnitRule) -> list[Conflict]:
    """Pairs that cannot overlap but would if one were multiplied by a factor; found by sorting."""
    read = reader(members[0].unit)
    # A figure with no upper bound slips by its own value: "more than 10,000" held, "around 3,400
    # of them" is no tenth of it (every smaller figure times ten is "more than 10,000").
    ivs = [iv if iv.high != math.inf else Interval(iv.low, iv.low) for iv in (read(c, None) for c in members)]
    order = sorted(range(len(members)), key=lambda i: ivs[i].low)
    lows = [ivs[i].low for i in order]
    # How many figures of the day each one agrees with (all but those wholly below or above it):
    # the slip is the figure fewer agree with. Sorted bounds count it in log n per figure.
    his, los = sorted(high_key(iv) for iv in ivs), sorted(low_key(iv) for iv in ivs)
    support = [
        len(ivs) - bisect_left(his, low_key(iv)) - (len(ivs) - bisect_right(los, high_key(iv))) for iv in ivs
    ]
    slipped: dict[int, list[tuple[int, float]]] = defaultdict(list)
    seen = set()
    for i in range(len(members)):
        for f in rule.factors:
            # Claims that would overlap claim i if they were f times larger start at or below its
            # high / f; those starting below half its low / f would have to be vague ranges, whose
            # slips of scale mean nothing.
            for k in order[bisect_left(lows, ivs[i].low / f / 2) : bisect_right(lows, ivs[i].high / f)]:
                if k == i or (min(i, k), max(i, k)) in seen or not _apart(ivs[i], ivs[k]):
                    continue
                if ivs[k].high * f < ivs[i].low or ivs[i].high < ivs[k].low * f:
                    continue
                seen.add((min(i, k), max(i, k)))
                # The figure fewer others agree with is the slip; on a tie, the larger one.
                wrong, right = (k, i) if (support[k], -members[k].value) < (support[i], -members[i].value) else (i, k)
                slipped[wrong].append((right, f))
    out = []
    for wrong, rights in slipped.items():
        w = members[wrong]
        rights.sort(key=lambda kf: members[kf[0]].source != w.source)
        right, f = rights[0]
        r = members[right]
        fixed = w.value * f if w.value < r.value else w.value / f
        out.append(Conflict(
            claims=[w, *(members[k] for k, _ in rights)],
            fields={"first": w.text, "second": r.text, "first_source": src(w), "second_source": src(r),
                    "date": str(w.as_of), "problem": f"{fmt_number(f)} times apart"},
            suggestion=f"{fmt_number(w.value)} may be a typo for {fmt_number(fixed)} (a slip of scale), "
            f"which matches {r.text}.",
        ))
    return out


def _apart(a, b) -> bool:  # type: ignore[no-untyped-def]
    return high_key(a) < low_key(b) or high_key(b) < low_key(a)
