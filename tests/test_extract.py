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


def extract(text: str, published: dt.date | None = dt.date(2025, 1, 4)):
    doc = load_text("case.txt", text + "\n")
    doc.published, doc.published_basis = published, "header"
    doc.warnings = [w for w in doc.warnings if w != "no publication date found"]
    return extract_document(doc)


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
