"""The interval a claim asserts, and when two intervals cannot overlap."""

from __future__ import annotations

import math
from dataclasses import dataclass

from figcheck.model import Claim

INF = math.inf


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def below(self, other: Interval) -> bool:
        """Every value of self is smaller than every value of other."""
        if self.high < other.low:
            return True
        return self.high == other.low and (self.high_open or other.low_open)

    def disjoint(self, other: Interval) -> bool:
        return self.below(other) or other.below(self)


def interval(claim: Claim, approx_factor: float | None = None) -> Interval:
    """DESIGN.md's semantics: "more than" opens the low end; "nearly", "fewer than" and rounding
    open the high end."""
    low = -INF if claim.low is None else claim.low
    high = INF if claim.high is None else claim.high
    if approx_factor is not None and claim.qualifier == "approx":
        low, high = claim.value * (1 - approx_factor), claim.value * (1 + approx_factor)
    # A rounded figure ("1.2 million": [1.15 M, 1.25 M)) excludes the value it would round up from.
    rounded = claim.qualifier == "exact" and low < claim.value < high
    return Interval(
        low, high,
        low_open=claim.qualifier == "more_than",
        high_open=claim.qualifier in {"less_than", "nearly"} or rounded,
    )


def tally(claim: Claim) -> Interval:
    """A running tally as reported: "at least 445,581" is the count 445,581 so far, the true toll
    aside. A round figure is the count rounded down to its last figure: "the toll passed 46,000"
    a day after 46,565 is no fall ([46,000, 47,000)), but "at least 4,000" after 45,581 is."""
    if claim.qualifier in {"at_least", "more_than"}:
        step = rounding_step(claim.value)
        return Interval(claim.value, claim.value + step, low_open=False, high_open=True) if step else Interval(claim.value, claim.value)
    return interval(claim)


def rounding_step(value: float) -> int:
    """How far a round figure may lie below the count it rounds: 1,000 for 46,000, 100 for 1,200
    and 300; none for a figure that is not round (at most two significant digits, from 100 up)."""
    if value != int(value) or value < 100:
        return 0
    n = int(value)
    digits = len(str(n))
    if n % 10 ** (digits - 2):
        return 0
    step = 1
    while n % (step * 10) == 0:
        step *= 10
    return step
