"""Metric, group and as-of in Hebrew and Arabic: verbs first, glued prefixes, attributions, actors."""

from __future__ import annotations

import datetime as dt

import pytest

from figcheck.load import load_text
from figcheck.pipeline import extract_document


def claims(text: str, published: dt.date = dt.date(2025, 1, 10)) -> dict[str, object]:
    doc = load_text("case.txt", text + "\n")
    doc.published, doc.published_basis = published, "header"
    return {c.text: c for c in extract_document(doc).claims}


def check(text: str, expected: dict[str, tuple], fields: tuple[str, ...], published: dt.date = dt.date(2025, 1, 10)) -> None:
    got = claims(text, published)
    for figure, want in expected.items():
        assert figure in got, f"{figure!r} not extracted from {text!r}: {sorted(got)}"
        have = tuple(getattr(got[figure], f) for f in fields)
        assert have == want, f"{figure!r} in {text!r}: {have} != {want}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count of hostages in a story that names their captors (sources.yml 'populations').
        ("שלושת החטופות שוחררו ביום ראשון, אחרי 471 ימים בשבי חמאס.", {"שלושת": ("releases", "israelis")}),
        ("Hamas is to free 33 hostages under the first phase of the deal.", {"33": ("releases", "israelis")}),
        # ... or in a story set in Israel (places.yml 'populations').
        ("גופותיהם של ארבעת החטופים הוחזרו לישראל ביום חמישי.", {"ארבעת": ("releases", "israelis")}),
        # Prisoners released in a story citing a body that counts Palestinian prisoners.
        ("أفرجت السلطات عن 90 أسيرا من سجن عوفر، وفق هيئة شؤون الأسرى.", {"90": ("releases", "palestinians")}),
        # Without any of these, released people stay unnamed.
        ("The militia released 12 captives on Friday.", {"12": ("releases", None)}),
    ],
)
def test_population_of_an_actor(text, expected):
    check(text, expected, ("metric", "group"))


def test_commission_of_detainees_is_a_source_after_wafq():
    got = claims("أفرجت السلطات عن 90 أسيرا من سجن عوفر، وفق هيئة شؤون الأسرى.")
    assert got["90"].source == "palestinian_detainees_commission"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "…, and at least 35 of them": part of the people counted before, not people at large.
        ("על פי הערכות, 59 חטופים עדיין מוחזקים בעזה, ולפחות 35 מהם אינם בחיים.", {"ולפחות 35": ("deaths", "israelis")}),
        # A Hebrew predicate adjective after a dashed apposition is the clause's verb.
        ("לפי OCHA, כ־90% מתושבי הרצועה – כ־1.9 מיליון בני אדם – עקורים.", {"כ־90%": ("displaced", "palestinians"), "כ־1.9 מיליון": ("displaced", "people")}),
        # Commas around "أي" (i.e.) enclose an apposition too; the verb after it is both figures'.
        ("قدرت الأمم المتحدة أن نحو 1.9 مليون شخص، أي قرابة 90 في المئة من سكان القطاع، نزحوا من منازلهم.",
         {"نحو 1.9 مليون": ("displaced", "people"), "قرابة 90 في المئة": ("displaced", "palestinians")}),
        # A comma with no "أي" still ends the clause: the later verb is not the figure's.
        ("قتل 12 شخصا في غارة، ونزح آلاف السكان من منازلهم.", {"12": ("deaths", "people")}),
    ],
)
def test_part_of_them_and_appositions(text, expected):
    check(text, expected, ("metric", "group"))
