"""Extraction and resolution, sentence by sentence, from data in cases/extract_*.yaml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.load import load_text
from figcheck.pipeline import extract_document

CASES = [
    case
    for path in sorted((Path(__file__).parent / "cases").glob("extract_*.yaml"))
    for case in yaml.safe_load(path.read_text(encoding="utf-8"))
]


def extract(text: str, published: dt.date | None = dt.date(2025, 1, 4), quantities: bool = False):
    doc = load_text("case.txt", text + "\n")
    doc.published, doc.published_basis = published, "header"
    doc.warnings = [w for w in doc.warnings if w != "no publication date found"]
    return extract_document(doc, quantities=quantities)


def _plain(v):
    return v.isoformat() if isinstance(v, dt.date) else v


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    result = extract(case["text"], case.get("published", dt.date(2025, 1, 4)))
    claims = [c.model_dump(mode="json") for c in result.claims]
    expected = case["claims"]
    assert len(claims) == len(expected), [c["text"] for c in claims]
    for got, want in zip(claims, expected, strict=True):
        for key, value in want.items():
            assert got[key] == _plain(value), f"{key}: {got[key]!r} != {value!r} in {got['text']!r}"
    for text in case.get("none", []):
        assert all(c["text"] != text for c in claims)
    for warning in case.get("warnings", []):
        assert any(warning in w for w in result.document.warnings)


QUANTITY_CASES = [c for c in CASES if "quantities" in c]


@pytest.mark.parametrize("case", QUANTITY_CASES, ids=[c["id"] for c in QUANTITY_CASES])
def test_quantity_case(case):
    """The quantity layer: every quantity read, the claims' and the set-aside ones, never a date or code."""
    result = extract(case["text"], case.get("published", dt.date(2025, 1, 4)), quantities=True)
    found = [c.model_dump(mode="json") for c in result.claims]
    expected = case["quantities"]
    assert len(found) == len(expected), [c["text"] for c in found]
    for got, want in zip(found, expected, strict=True):
        for key, value in want.items():
            assert got[key] == _plain(value), f"{key}: {got[key]!r} != {value!r} in {got['text']!r}"
    for text in case.get("none", []):
        assert all(c["text"] != text for c in found)


def test_quantity_layer_adds_only_set_aside_figures():
    """Every claim is also a quantity, with the same record; the quantity layer only adds."""
    text = "A 50-year-old man was one of 12 people hurt; in the past two years 300 more were hurt."
    claims = [c.model_dump() for c in extract(text).claims]
    found = [c.model_dump() for c in extract(text, quantities=True).claims]
    assert [c["text"] for c in claims] == ["12", "300"]
    assert [c["text"] for c in found] == ["50-year", "one", "12", "two years", "300"]
    assert all(c in found for c in claims)
    assert set(found[0]) == set(claims[0])  # the same keys, key for key


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_quantity_layer_never_raises_and_spans_match(text):
    result = extract(text, quantities=True)
    lines = text.split("\n")
    for c in result.claims:
        if c.line == c.end_line:
            assert lines[c.line - 1][c.column - 1 : c.end_column - 1] == c.text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_extraction_never_raises_and_spans_match(text):
    result = extract(text)
    lines = text.split("\n")
    for c in result.claims:
        if c.line == c.end_line:
            assert lines[c.line - 1][c.column - 1 : c.end_column - 1] == c.text


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1000, max_value=10**9))
def test_grouped_numbers_round_trip(n):
    result = extract(f"Officials said {n:,} people were counted.")
    assert [c.value for c in result.claims] == [n]


def test_hebrew_seed_reads_as_hebrew_with_no_figures():
    """The Hebrew seed holds dates and names but no figure a fact-checker would compare."""
    from figcheck.load import load_file

    doc = load_file(str(Path(__file__).resolve().parents[1] / "seeds" / "004_cc3011eb7b10d63d.txt"))
    result = extract_document(doc)
    assert result.document.language == "he"
    assert result.claims == []


def test_cli_extract_quantities_prints_set_aside_figures_as_claim_records(tmp_path):
    """`figcheck extract --quantities` adds the ages and frames `extract` leaves out, same keys."""
    import json

    from figcheck.model import Claim
    from conftest import run_cli

    path = tmp_path / "a.txt"
    path.write_text("A 50-year-old man was one of 12 people hurt on March 3, 2021 in the past two years.\n", encoding="utf-8")
    plain = [json.loads(x) for x in run_cli("extract", str(path), "--format", "jsonl").stdout.splitlines()]
    result = run_cli("extract", str(path), "--format", "jsonl", "--quantities")
    assert result.exit_code == 0
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert [r["text"] for r in plain] == ["12"]
    assert [r["text"] for r in rows] == ["50-year", "one", "12", "two years"]
    assert all(list(r) == list(Claim.model_fields) for r in rows)
    assert rows[0]["metric"] == "age" and rows[0]["unit"] == "year"


def test_set_aside_figures_never_change_how_a_claim_reads():
    """A framing duration kept by the quantity layer is no neighbour a claim borrows from."""
    text = "There are 68,400 people unemployed for one to two years and 95,800 who have been unemployed for over two years."
    claims = {c.text: c.model_dump() for c in extract(text).claims}
    found = {c.text: c.model_dump() for c in extract(text, quantities=True).claims}
    assert set(claims) == {"68,400", "95,800"}
    assert {"one to two years", "over two years"} <= set(found)
    for written, record in claims.items():
        assert found[written] == record
