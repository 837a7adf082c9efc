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
    """A running tally as reported: "at least N" is the count N so far, the true toll aside."""
    if claim.qualifier in {"at_least", "more_than"}:
        return Interval(claim.value, claim.value, low_open=False)
    return interval(claim)
