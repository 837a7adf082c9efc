"""Properties of the number reader: written figures read back as the numbers they were written from."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.load import load_text
from figcheck.pipeline import extract_document

HE_UNITS = ["", "אחד", "שניים", "שלושה", "ארבעה", "חמישה", "שישה", "שבעה", "שמונה", "תשעה"]
HE_TENS = ["", "", "עשרים", "שלושים", "ארבעים", "חמישים", "שישים", "שבעים", "שמונים", "תשעים"]
AR_DIGITS = "٠١٢٣٤٥٦٧٨٩"


def values(text: str, language: str | None = None) -> list[float]:
    doc = load_text("p.txt", text + "\n")
    doc.published, doc.published_basis = dt.date(2025, 1, 4), "header"
    if language:
        doc.language = language
    return [c.value for c in extract_document(doc).claims]


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9), st.sampled_from(["million", "billion"]))
def test_scale_words_round_trip(whole, tenth, scale):
    factor = {"million": 10**6, "billion": 10**9}[scale]
    assert values(f"Officials said {whole}.{tenth} {scale} people were counted.") == [round((whole + tenth / 10) * factor)]


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=999))
def test_k_suffix_round_trips(n):
    assert values(f"The rally drew {n}k supporters.") == [n * 1000]


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1000, max_value=10**8))
def test_arabic_indic_digits_with_arabic_separator_round_trip(n):
    written = f"{n:,}".translate(str.maketrans("0123456789,", AR_DIGITS + "٬"))
    assert values(f"قالت الوزارة إن {written} شخصا أصيبوا.", "ar") == [n]


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=21, max_value=99).filter(lambda n: n % 10))
def test_hebrew_compound_number_words_round_trip(n):
    words = f"{HE_TENS[n // 10]} ו{HE_UNITS[n % 10]}"
    assert values(f"בתאונה נפצעו {words} בני אדם.", "he") == [n]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(whitelist_categories=("L", "N", "P", "Zs", "S")), max_size=200))
def test_claim_text_is_the_slice_at_its_span_in_any_script(text):
    for language in ("en", "he", "ar"):
        doc = load_text("p.txt", text + "\n")
        doc.language = language
        lines = (text + "\n").split("\n")
        for c in extract_document(doc).claims:
            if c.line == c.end_line:
                assert lines[c.line - 1][c.column - 1 : c.end_column - 1] == c.text
