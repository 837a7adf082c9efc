"""The conflict counting behind decrease and disagree: n log n counts equal the all-pairs ones,
and the claims named wrong, once removed, leave a series without conflicts."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.checks.common import reader
from figcheck.checks.conflicts import Series
from figcheck.model import Claim

DAY0 = dt.date(2024, 1, 1)
QUALIFIERS = {"exact": (1, 1), "at_least": (1, None), "more_than": (1, None), "nearly": (0.9, 1), "approx": (0.9, 1.1)}


def claim(i: int, day: int, value: int, qualifier: str = "exact") -> Claim:
    lo, hi = QUALIFIERS[qualifier]
    return Claim(
        id=f"c{i}", document=f"d{i}.md", line=1, column=1, end_line=1, end_column=2, text=f"{value:,}",
        sentence="s", value=value, low=value * lo, high=None if hi is None else value * hi, qualifier=qualifier,
        unit="count", metric="deaths", scope="cumulative", place="gaza", as_of=DAY0 + dt.timedelta(days=day),
    )


series_data = st.lists(
    st.tuples(st.integers(0, 6), st.integers(1, 60), st.sampled_from(sorted(QUALIFIERS))), min_size=1, max_size=25
)


def build(rows: list[tuple[int, int, str]], ordered: bool, tallies: bool) -> Series:
    members = sorted((claim(i, d, v, q) for i, (d, v, q) in enumerate(rows)), key=lambda c: (c.as_of, c.id))
    return Series(members, reader("count", tallies=tallies), ordered=ordered)


@settings(max_examples=300, deadline=None)
@given(series_data, st.booleans(), st.booleans())
def test_counts_match_all_pairs(rows, ordered, tallies):
    s = build(rows, ordered, tallies)
    n = len(s.members)
    brute = [sum(s.conflicts(i, j) for j in range(n) if j != i) for i in range(n)]
    assert s.degrees() == brute
    assert s.any_conflict() == any(brute)


@settings(max_examples=300, deadline=None)
@given(series_data, st.booleans(), st.booleans())
def test_removing_the_named_claims_resolves_every_conflict(rows, ordered, tallies):
    s = build(rows, ordered, tallies)
    named = {r.wrong.id for r in s.resolve()}
    rest = [i for i, c in enumerate(s.members) if c.id not in named]
    assert not any(s.conflicts(i, j) for i in rest for j in rest if i < j)


def test_the_claim_in_most_conflicts_is_named_first():
    # An early 233,210 (a doubled digit) sits above every later figure of the series.
    rows = [(0, 23084, "exact"), (1, 233210, "exact"), (2, 23357, "exact"), (3, 23469, "exact"), (4, 23708, "exact")]
    s = build(rows, ordered=True, tallies=True)
    (first, *rest) = s.resolve()
    assert first.wrong.value == 233210 and len(first.others) == 3 and not rest
    assert first.fix == (23210.0, "doubled")


def test_a_mend_must_fit_the_claims_on_both_sides():
    # 99,999 and 23,357 contradict each other alone; 99,999 is far off the rest of the series,
    # and no single edit brings it between 23,084 and 23,357: no suggestion beats a wrong one.
    rows = [(0, 23084, "exact"), (1, 99999, "exact"), (2, 23357, "exact")]
    (res,) = build(rows, ordered=True, tallies=True).resolve()
    assert res.wrong.value == 99999
    assert res.fix is None


def test_a_slip_early_in_a_long_series_is_one_finding_with_the_nearest_reports():
    from figcheck.checks.engine import run_checks
    from figcheck.ruleset import load_rules

    rows = [claim(i, i, 23000 + 100 * i) for i in range(30)]
    rows[2] = claim(2, 2, 232000)  # a doubled digit: 23,200 → 232,000 contradicts every later report
    decrease = [r for r in load_rules() if r.id == "casualties/cumulative-decrease"]
    (finding,) = run_checks(rows, decrease)
    assert finding.claims[0] == "c2" and len(finding.claims) == 12
    assert finding.claims[1:4] == ["c3", "c4", "c5"]
    assert "23,200" in finding.suggestion
