"""DESIGN.md's interval semantics, as the checks read them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.checks.intervals import interval, tally
from figcheck.model import Claim


def claim(value: float, qualifier: str, low: float | None, high: float | None) -> Claim:
    return Claim(id="c", document="d", line=1, column=1, end_line=1, end_column=2, text="t", sentence="s",
                 value=value, low=low, high=high, qualifier=qualifier, unit="count")


values = st.integers(10, 10**9).map(float)


@settings(max_examples=200)
@given(values)
def test_nearly_lies_below_the_figure_and_more_than_above(v):
    nearly = interval(claim(v, "nearly", 0.9 * v, v))
    assert nearly.high == v and nearly.high_open, "'nears 24,000' is below 24,000"
    more = interval(claim(v, "more_than", v, None))
    assert more.low == v and more.low_open and more.high == float("inf")
    assert nearly.below(more)


@settings(max_examples=200)
@given(values, values)
def test_exact_figures_conflict_exactly_when_they_differ(a, b):
    ia, ib = interval(claim(a, "exact", a, a)), interval(claim(b, "exact", b, b))
    assert ia.disjoint(ib) == (a != b)


def test_a_rounded_figure_stops_below_the_next_rounding_step():
    rounded = interval(claim(1.2e6, "exact", 1.15e6, 1.25e6))
    assert not rounded.disjoint(interval(claim(1_249_999, "exact", 1_249_999, 1_249_999)))
    assert not rounded.disjoint(interval(claim(1_150_000, "exact", 1_150_000, 1_150_000)))
    assert rounded.disjoint(interval(claim(1_250_000, "exact", 1_250_000, 1_250_000)))


def test_about_follows_the_rules_factor():
    about = claim(30000, "approx", 27000, 33000)
    assert interval(about, approx_factor=0.05).low == 28500
    assert interval(about).low == 27000


def test_at_least_is_read_as_the_tally_in_a_running_total():
    read = tally(claim(445581, "at_least", 445581, None))
    assert (read.low, read.high) == (445581, 445581)
