"""The closed registry of check kinds: a rule's ``kind`` names one of these, and nothing else runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from figcheck.checks.increment import increment
from figcheck.checks.kinds import day_count, decrease, disagree
from figcheck.checks.parts import subset, sum_of_parts
from figcheck.checks.scale import unit
from figcheck.checks.series import Conflict
from figcheck.model import Claim

Check = Callable[[list[Claim], Any], list[Conflict]]

REGISTRY: dict[str, Check] = {
    "disagree": disagree,
    "decrease": decrease,
    "increment": increment,
    "sum": sum_of_parts,
    "subset": subset,
    "day-count": day_count,
    "unit": unit,
}
