"""Parts and wholes: ``sum`` (the parts a report gives against its stated total) and ``subset``
(a part larger than its whole, across reports too). Which values are parts of which wholes is
data in the rule file (women and children within all killed; Turkey and Syria within the
combined toll), never code."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict

from figcheck.checks.common import phrase_matcher, reader, src, typo
from figcheck.checks.conflicts import high_key, low_key
from figcheck.checks.intervals import Interval
from figcheck.checks.series import EDIT_PRIOR, Conflict, anchor, fmt_number, selected, slips
from figcheck.checks.units import dimension
from figcheck.model import Claim
from figcheck.ruleset import SubsetRule, SumRule

FIELDS = ("metric", "group", "place", "definition")


def _key(c: Claim, field: str) -> tuple[str | None, ...]:
    """The claim's key with ``field`` (and scope, which parts often lack) left out. A figure with
    no place is tied to its source or story, as a series is (``anchor``): two stories' unplaced
    figures may be of any two events."""
    key = [c.metric, c.group, c.place or anchor(c), c.definition, dimension(c.unit)]
    key[FIELDS.index(field)] = None
    return tuple(key)


def _total(ivs: list[Interval]) -> Interval:
    return Interval(sum(iv.low for iv in ivs), sum(iv.high for iv in ivs),
                    any(iv.low_open for iv in ivs), any(iv.high_open for iv in ivs))


def _position(c: Claim) -> int:
    at = c.sentence.find(c.text)
    return at if at >= 0 else 0


def _marked_wholes(members: list[Claim], rule: SumRule) -> set[str]:
    """Claims named the whole by a word before them ("the combined toll … 15,000"), that word
    standing after any other figure of the sentence."""
    pattern = phrase_matcher(rule.whole_words)
    if pattern is None:
        return set()
    marked = set()
    by_sentence: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in members:
        by_sentence[(c.document, c.sentence)].append(c)
    for (_, sentence), group in by_sentence.items():
        starts = sorted(_position(c) for c in group)
        for m in pattern.finditer(sentence):
            after = next((p for p in starts if p >= m.end()), None)
            if after is not None:
                marked.update(c.id for c in group if _position(c) == after)
    return marked


def sum_of_parts(claims: list[Claim], rule: SumRule) -> list[Conflict]:
    """In one report and one day, the parts given cannot add up to more than the stated whole
    (nor, when the parts make it up, to less)."""
    groups: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.metric and selected(c, rule.select):
            groups[(c.document, c.as_of, *_key(c, rule.field))].append(c)
    conflicts = []
    for members in groups.values():
        if len(members) < 2:
            continue
        marked = _marked_wholes(members, rule)
        wholes = [c for c in members if c.id in marked or getattr(c, rule.field) in rule.whole]
        read = reader(members[0].unit, tallies=rule.lower_bounds_are_tallies)
        for whole in wholes:
            parts = {}
            for c in members:
                name = getattr(c, rule.field)
                if c.id in marked or c is whole or name not in rule.parts or name in rule.whole:
                    continue
                if c.scope and whole.scope and c.scope != whole.scope:
                    continue  # "five more died ..., bringing the total to 227, including 103 children": 227's part
                best = parts.get(name)
                if best is None or _closeness(c, whole) < _closeness(best, whole):
                    parts[name] = c
            if not parts:
                continue
            chosen = [parts[p] for p in rule.parts if p in parts]
            complete = rule.exhaustive and len(chosen) == len(rule.parts)
            if _fits(read(whole, None), [read(p, None) for p in chosen], complete):
                continue
            wrong, fix = _mend_sum(whole, chosen, read, complete)
            named = [wrong, *(c for c in [whole, *chosen] if c is not wrong)]
            conflicts.append(Conflict(
                claims=named,
                fields={"whole": whole.text, "parts": " + ".join(p.text for p in chosen),
                        "parts_total": fmt_number(_total([read(p, None) for p in chosen]).low),
                        "date": str(whole.as_of), "whole_source": src(whole),
                        "relation": "fall short of" if complete and _short(read(whole, None), chosen, read) else "exceed"},
                suggestion=typo(wrong, fix, "the total"),
            ))
    return conflicts


def _closeness(c: Claim, whole: Claim) -> tuple[bool, int]:
    return (c.sentence != whole.sentence, abs(c.line - whole.line))


def _short(whole: Interval, parts: list[Claim], read) -> bool:  # type: ignore[no-untyped-def]
    return high_key(_total([read(p, None) for p in parts])) < low_key(whole)


def _fits(whole: Interval, parts: list[Interval], complete: bool) -> bool:
    total = _total(parts)
    if high_key(whole) < low_key(total):
        return False
    return not (complete and high_key(total) < low_key(whole))


def _mend_sum(whole: Claim, parts: list[Claim], read, complete: bool) -> tuple[Claim, tuple[float, str] | None]:  # type: ignore[no-untyped-def]
    """The claim whose one-digit edit makes the parts fit the whole, the likeliest edit first; else the whole."""
    best: tuple[float, Claim, tuple[float, str] | None] = (0.0, whole, None)
    for c in [whole, *parts]:
        for value, kind in slips(c):
            w = read(whole, value if c is whole else None)
            ps = [read(p, value if p is c else None) for p in parts]
            if _fits(w, ps, complete):
                if EDIT_PRIOR[kind] > best[0]:
                    best = (EDIT_PRIOR[kind], c, (value, kind))
                break
    return best[1], best[2]


def subset(claims: list[Claim], rule: SubsetRule) -> list[Conflict]:
    """A part (health workers killed) above its whole (all killed) on the same day, or above a
    running whole reported later."""
    groups: dict[tuple[object, ...], tuple[list[Claim], list[Claim]]] = defaultdict(lambda: ([], []))
    for c in claims:
        if not (c.metric and c.as_of and selected(c, rule.select)):
            continue
        value = getattr(c, rule.field)
        key = (c.scope, *_key(c, rule.field))
        if value in rule.part:
            groups[key][0].append(c)
        elif value in rule.whole:
            groups[key][1].append(c)
    conflicts = []
    for (scope, *_), (parts, wholes) in groups.items():
        if not parts or not wholes:
            continue
        read = reader(wholes[0].unit, tallies=rule.lower_bounds_are_tallies)
        wholes.sort(key=lambda c: c.as_of)  # type: ignore[arg-type, return-value]
        days = [w.as_of for w in wholes]
        # The smallest whole on or after each date: a running whole never shrinks back below a part.
        lowest: list[Claim] = wholes[:]
        for i in range(len(wholes) - 2, -1, -1):
            if high_key(read(lowest[i + 1], None)) < high_key(read(lowest[i], None)):
                lowest[i] = lowest[i + 1]
        for p in parts:
            i = bisect_left(days, p.as_of)  # type: ignore[arg-type]
            if i == len(wholes):
                continue
            w = lowest[i] if scope == "cumulative" else _same_day_lowest(wholes, days, i, p, read)
            if w is None or not high_key(read(w, None)) < low_key(read(p, None)):
                continue
            wrong, other, fix = _mend_subset(p, w, read)
            conflicts.append(Conflict(
                claims=[wrong, other],
                fields={"part": p.text, "part_date": str(p.as_of), "part_source": src(p),
                        "whole": w.text, "whole_date": str(w.as_of), "whole_source": src(w),
                        "part_name": str(getattr(p, rule.field)).replace("_", " ")},
                suggestion=typo(wrong, fix, "the whole"),
            ))
    return conflicts


def _same_day_lowest(wholes: list[Claim], days: list, i: int, p: Claim, read) -> Claim | None:  # type: ignore[no-untyped-def]
    same = wholes[i : bisect_right(days, p.as_of)]
    return min(same, key=lambda w: high_key(read(w, None))) if same else None


def _mend_subset(part: Claim, whole: Claim, read) -> tuple[Claim, Claim, tuple[float, str] | None]:  # type: ignore[no-untyped-def]
    """The part is named wrong unless a likelier one-digit edit of the whole mends the pair."""
    options = []
    for c, other in ((part, whole), (whole, part)):
        for value, kind in slips(c):
            p = read(part, value if c is part else None)
            w = read(whole, value if c is whole else None)
            if not high_key(w) < low_key(p):
                options.append((EDIT_PRIOR[kind], c is part, c, other, (value, kind)))
                break
    if not options:
        return part, whole, None
    _, _, c, other, fix = max(options, key=lambda o: (o[0], o[1]))
    return c, other, fix

