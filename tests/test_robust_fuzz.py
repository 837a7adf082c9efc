"""Property tests: no input makes the loader or the extractor raise, and every span points into the text."""

from __future__ import annotations

import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figcheck.load import BinaryFile, load_bytes, load_text, pieces
from figcheck.pipeline import extract_document

# Letters and marks that break naive text handling: right-to-left and directional marks, zero-width
# joiners, combining accents, Hebrew and Arabic letters and digits, separators, and line breaks of
# every kind (CR, CRLF, U+2028, form feed), mixed with the words and digits figures are made of.
TRICKY = (
    "\u200f\u200e\u202b\u202c\u061c\u200d\u200c\ufeff\u0301\u0308\u05b7\u064b"
    "אבגדהוזחטיכלמנסעפצקרשת" "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" "٠١٢٣٤٥٦٧٨٩۰۱۲" "\u00a0\u202f\u2009"
    ",.%$€₪-–—:/#@()'\"\r\n\u2028\x0c\t "
)
WORDS = [
    "at least ", "more than ", "nearly ", "about ", "between ", " and ", "killed ", "wounded ", "Palestinians ",
    "million ", "billion ", "thousands of ", "dozens ", "October 7, 2023 ", "on Thursday ", "the 455th day ",
    "לפחות ", "כמעט ", "הרוגים ", "على الأقل ", "قتيلا ", "1,057 ", "45,581 ", "1.2 ", "٤٥٬٠٢٨ ", "date 2025-01-04 ",
    "---\n", "\n\n", "according to the ministry ", "COVID-19 ", "https://t.co/x1 ",
]
texts = st.lists(st.one_of(st.text(alphabet=TRICKY, max_size=12), st.sampled_from(WORDS)), max_size=40).map("".join)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _slice(text: str, line: int, column: int) -> int:
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return starts[line - 1] + column - 1


@FUZZ
@given(raw=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".md", ".html", ""]))
def test_loader_never_raises_on_arbitrary_bytes(raw, suffix):
    try:
        doc = load_bytes("fuzz" + suffix, raw, suffix)
    except BinaryFile:
        return
    assert isinstance(doc.text, str)
    assert all(isinstance(w, str) and w for w in doc.warnings)


@FUZZ
@given(text=texts, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_extraction_never_raises_and_spans_lie_inside_the_text(text, suffix):
    doc = load_text("fuzz" + suffix, text, suffix)
    result = extract_document(doc)
    assert result.document.claims == len(result.claims)
    for claim in result.claims:
        start = _slice(doc.text, claim.line, claim.column)
        end = _slice(doc.text, claim.end_line, claim.end_column)
        assert 0 <= start < end <= len(doc.text)
        assert doc.text[start:end] == claim.text
        assert math.isfinite(claim.value)
    json.dumps([c.model_dump(mode="json") for c in result.claims], allow_nan=False)


@FUZZ
@given(text=texts, size=st.integers(min_value=1, max_value=80))
def test_pieces_put_together_give_back_the_text(text, size):
    parts = list(pieces(text, size))
    assert "".join(p.text for p in parts) == text
    assert all(p.lines_before == text.count("\n", 0, p.offset) for p in parts)


@settings(max_examples=25, deadline=None)
@given(digits=st.integers(min_value=309, max_value=2000))
def test_a_figure_too_long_for_a_float_is_not_a_claim(digits):
    result = extract_document(load_text("x.txt", "date 2025-01-04 They counted " + "9" * digits + " people.\n"))
    assert all(math.isfinite(c.value) for c in result.claims)
    json.dumps([c.model_dump(mode="json") for c in result.claims], allow_nan=False)
