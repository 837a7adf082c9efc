"""rules/units.yml: every unit a surface form names is one pint can read."""

from __future__ import annotations

import pytest

from figcheck.checks.units import dimension, registry
from figcheck.resolve.lexicon import default_lexicon

UNITS = default_lexicon().section("units")
NAMED = sorted({str(u) for u in UNITS["prefix"].values()} | {str(u) for table in UNITS["suffix"].values() for u in table.values()})


@pytest.mark.parametrize("unit", NAMED)
def test_every_unit_parses_in_pint(unit):
    registry().parse_units(unit)


def test_torque_spellings_share_a_dimension_and_currencies_do_not():
    dims = {registry().parse_units(u).dimensionality for u in ("pound_foot", "foot_pound", "newton_meter")}
    assert len(dims) == 1
    assert dimension("DKK") != dimension("EUR")
