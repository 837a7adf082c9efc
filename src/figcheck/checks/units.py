"""Unit dimensions through pint, with the currency and count definitions from rules/units.yml."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from figcheck.resolve.lexicon import default_lexicon

if TYPE_CHECKING:
    import pint

# pint takes a fifth of a second to import; the pre-commit path must not pay it unless a claim's
# unit is something other than a count or a percentage.


@functools.cache
def registry() -> pint.UnitRegistry:
    import pint

    ureg = pint.UnitRegistry()
    for line in default_lexicon().section("units").get("definitions") or []:
        ureg.define(line)
    return ureg


@functools.cache
def dimension(unit: str) -> str:
    """A comparable name for the unit's dimension: ``[count]``, ``[currency_usd]``, ``[length]``."""
    if unit in {"count", "percent"}:
        return f"[{unit}]"
    import pint

    try:
        return str(registry().parse_units(unit).dimensionality) or "[dimensionless]"
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, KeyError):
        return f"[{unit}]"


def convert(value: float, unit: str, to: str) -> float:
    return float(registry().Quantity(value, unit).to(to).magnitude)
