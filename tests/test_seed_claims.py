"""The figures a fact-checker cares about in the English seeds, read correctly."""

from __future__ import annotations

import pytest

from conftest import SEEDS, audit_json

EXPECTED = [
    # (value, qualifier, metric, group, scope, source, as_of)
    (445581, "at_least", "deaths", "palestinians", "cumulative", "gaza_health_ministry", "2025-01-04"),
    (108438, "exact", "injuries", "palestinians", "cumulative", "gaza_health_ministry", "2025-01-04"),
    (11000, "at_least", "missing", None, "cumulative", None, "2025-01-04"),
    (1057, "more_than", "deaths", "health_workers", "cumulative", "un_special_rapporteurs", "2025-01-04"),
    (22, "at_least", "buildings_destroyed", "hospitals", "cumulative", None, "2025-01-04"),
    (18, "exact", "releases", "palestinians", None, None, "2024-12-08"),
    (4, "exact", "deaths", "palestinians", "event", "al_jazeera", "2025-01-03"),
    (1200, "exact", "deaths", None, "event", "israeli_government", "2023-10-07"),
    (2000000, "nearly", "displaced", None, "cumulative", None, "2025-01-04"),
    (455, "exact", "day_count", None, "day_count", None, "2025-01-03"),
    (30, "exact", "day_count", None, "day_count", None, "2025-01-04"),
    (70369, "at_least", "deaths", "palestinians", "cumulative", "gaza_health_ministry", "2025-12-12"),
    (47, "exact", "hostages", None, None, None, "2025-12-12"),
]


@pytest.fixture(scope="module")
def claims():
    data, _ = audit_json(SEEDS)
    return data["claims"]


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: str(e[0]))
def test_seed_figure(claims, expected):
    value, qualifier, metric, group, scope, source, as_of = expected
    match = [c for c in claims if c["value"] == value]
    assert len(match) == 1, f"{value} found {len(match)} times"
    c = match[0]
    got = (c["qualifier"], c["metric"], c["scope"], c["source"], c["as_of"])
    assert got == (qualifier, metric, scope, source, as_of)
    if group is not None:
        assert c["group"] == group


def test_no_date_year_or_link_is_a_claim(claims):
    values = {c["value"] for c in claims}
    assert not values & {2023, 2024, 2025, 12, 7, 3, 8}  # years, Channel 12, day numbers of dates
    for c in claims:
        assert not any(m in c["text"] for m in ("pic.twitter", "October", "January", "December", "Channel"))


def test_side_figures_never_pair_with_the_toll():
    data, _ = audit_json(SEEDS)
    by_id = {c["id"]: c for c in data["claims"]}
    for f in data["findings"]:
        values = {by_id[i]["value"] for i in f["claims"]}
        assert not values & {1200, 4, 1057, 108438}


def test_455th_day_holds_against_the_calendar(claims):
    day = next(c for c in claims if c["value"] == 455)
    assert day["since"] == "2023-10-07"
    data, _ = audit_json(SEEDS)
    assert not any(f["rule"] == "timeline/day-count" for f in data["findings"])
