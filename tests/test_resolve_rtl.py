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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The counted noun right after the figure decides; a later noun is where, not a mixed count.
        ("ביום המאה למלחמה התכנסו אלפי מפגינים בכיכר החטופים בתל אביב.", {"אלפי": ("attendance", "people")}),
        # A share of a rate's base is that rate, whatever verb comes first.
        ("בבחירות לרשויות המקומיות הצביעו כ־49% מבעלי זכות הבחירה.", {"כ־49%": ("turnout", None)}),
        # "the number of X" before a figure names its group.
        ("שיעור האבטלה ירד ל־3%, ומספר המועסקים עלה לכ־4.3 מיליון.", {"לכ־4.3 מיליון": (None, "people")}),
        ("وارتفع عدد المرضى إلى 400 في المستشفى.", {"400": (None, "people")}),
        # A loan's tranche disbursed is aid, and so is the total disbursed.
        ("وافق صندوق النقد الدولي على صرف شريحة بقيمة 1.2 مليار دولار لمصر، ليصل إجمالي ما صُرف إلى نحو 3.2 مليار دولار.",
         {"1.2 مليار دولار": ("aid", None), "نحو 3.2 مليار دولار": ("aid", None)}),
        # In a sentence about a disease, the "injured" (إصابة) are cases; elsewhere injuries.
        ("أعلنت الوزارة وفاة 22 شخصا وإصابة 354 آخرين بالكوليرا منذ أواخر يوليو.", {"22": ("deaths", "people"), "354": ("cases", "people")}),
        ("قالت اللجنة إن الكوليرا أصابت قرابة 300 ألف شخص في اليمن.", {"قرابة 300 ألف": ("cases", "people")}),
        ("أسفرت الغارة عن مقتل 5 أشخاص وإصابة 30 آخرين.", {"30": ("injuries", "people")}),
    ],
)
def test_head_noun_rates_subjects_and_context(text, expected):
    check(text, expected, ("metric", "group"))


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A period named with the opening verb dates every figure after it, across the comma.
        ("שיעור האבטלה ירד בדצמבר ל־3%, ומספר המועסקים עלה לכ־4.3 מיליון.", dt.date(2025, 1, 28),
         {"3%": dt.date(2024, 12, 31), "לכ־4.3 מיליון": dt.date(2024, 12, 31)}),
        ("היצוא הביטחוני הגיע בשנה שעברה לשיא של 14.8 מיליארד דולר, עלייה של 13% לעומת 2023.", dt.date(2025, 2, 4),
         {"14.8 מיליארד דולר": dt.date(2024, 12, 31), "13%": dt.date(2024, 12, 31)}),
        # In English a period after the first figure stays with it.
        ("Unemployment fell to 3% in December, and employment rose to 4.3 million.", dt.date(2025, 1, 28),
         {"3%": dt.date(2024, 12, 31), "4.3 million": dt.date(2025, 1, 28)}),
    ],
)
def test_opening_period_dates_later_figures(text, published, expected):
    check(text, {k: (v,) for k, v in expected.items()}, ("as_of",), published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A verb right after the figure leaves it no noun of its own: it continues the figure before.
        ("כמעט 1,200 בני אדם נרצחו במתקפה, ו־251 נחטפו לרצועת עזה.", {"251": ("hostages", "people")}),
        # A thousand days since a start are a day count, not a frame of the figures after them.
        ("بعد ألف يوم على بدء الحرب، تقول الأمم المتحدة إن ما لا يقل عن 12 ألف مدني قتلوا.",
         {"ألف يوم": ("day_count", None, "day_count"), "ما لا يقل عن 12 ألف": ("deaths", "civilians", None)}),
    ],
)
def test_lead_verbs_and_day_counts(text, expected):
    got = claims(text)
    for figure, want in expected.items():
        assert figure in got, f"{figure!r} not extracted from {text!r}: {sorted(got)}"
        have = (got[figure].metric, got[figure].group, got[figure].scope)[: len(want)]
        if len(want) == 3 and want[2] is None:
            assert got[figure].scope != "day_count", f"{figure!r}: scope {got[figure].scope}"
            have, want = have[:2], want[:2]
        assert have == want, f"{figure!r} in {text!r}: {have} != {want}"


def test_year_as_subject_dates_the_sentence():
    got = claims("2024 הייתה השנה החמה ביותר שנמדדה, עם טמפרטורה ממוצעת גבוהה בכ־1.6 מעלות.", dt.date(2025, 1, 10))
    assert got["בכ־1.6 מעלות"].as_of == dt.date(2024, 12, 31)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # "שתי ה…"/"שני ה…" is "both"; Channel 12's news is a name.
        ("מספר ההרוגים עלה ליותר מ־5,000, כך לפי הרשויות בשתי המדינות.", ["ליותר מ־5,000"]),
        ("סקר חדשות 12: הליכוד – 24 מנדטים.", ["24"]),
        # A count before an indefinite noun stays a figure.
        ("שתי נשים נפצעו קל.", ["שתי"]),
    ],
)
def test_hebrew_non_figures(text, figures):
    assert sorted(claims(text)) == sorted(figures)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A toll named for one country counts its people ...
        ("ارتفعت حصيلة ضحايا الزلزال في سوريا إلى ٥٬٨١٤ قتيلا، بحسب الأمم المتحدة.", {"٥٬٨١٤": ("deaths", "syrians")}),
        ("The death toll in Gaza rose to 46,000 on Monday.", {"46,000": ("deaths", "palestinians")}),
        # ... not a toll for two, nor a figure that names its own people, nor a strike's dead.
        ("מספר ההרוגים ברעידת האדמה בטורקיה ובסוריה עלה ליותר מ־5,000.", {"ליותר מ־5,000": ("deaths", "people")}),
        ("ارتفعت حصيلة القتلى في سوريا إلى 100 شخص.", {"100": ("deaths", "people")}),
        ("בתקיפה בחאן יונס נהרגו חמישה בני משפחה אחת.", {"חמישה": ("deaths", "people")}),
        # Attacks count what they hit.
        ("وثقت منظمة الصحة العالمية ٦٥٤ هجوما على المنشآت الصحية في غزة.", {"٦٥٤": (None, "hospitals")}),
        ("The WHO verified 654 attacks on hospitals in Gaza.", {"654": (None, "hospitals")}),
    ],
)
def test_toll_of_a_country_and_attacks_on_a_group(text, expected):
    check(text, expected, ("metric", "group"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "פי" multiplies the figure before it, which keeps its metric whatever its unit.
        ("הגירעון הסתכם בכ־6.9% מהתוצר, כמעט פי שניים מהיעד המקורי.", {"כמעט פי שניים": "debt"}),
        # A relative clause with a linking verb restates the noun before it.
        ("מחיר דירה ממוצע בתל אביב חצה את רף ה־4 מיליון ₪, כמעט פי שניים מהממוצע הארצי, שעומד על 2.1 מיליון ₪.", {"2.1 מיליון ₪": "price"}),
    ],
)
def test_multipliers_and_restating_clauses(text, expected):
    check(text, {k: (v,) for k, v in expected.items()}, ("metric",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A body's own staff are the staff group sources.yml gives it.
        ("أعلنت الأونروا أن 273 من موظفيها قُتلوا في غزة منذ بداية الحرب.", {"273": ("deaths", "aid_workers")}),
        ("UNRWA says 272 of its staff have been killed since October 2023.", {"272": ("deaths", "aid_workers")}),
        # A body with no staff group, or staff not its own, leave the group as it was.
        ("The ministry says 40 of its staff have been killed.", {"40": ("deaths", "people")}),
        ("UNRWA says 30 people have been killed in its shelters.", {"30": ("deaths", "people")}),
    ],
)
def test_a_bodys_own_staff(text, expected):
    check(text, expected, ("metric", "group"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Displaced across a border are refugees; a figure continuing them counts the people named.
        ("تقول الأمم المتحدة إن نحو 6.8 مليون أوكراني لجأوا إلى الخارج.", {"نحو 6.8 مليون": ("displaced", "refugees")}),
        ("The UNHCR says 6.9 million Ukrainians are living as refugees abroad, and another 3.7 million are displaced inside the country.",
         {"6.9 million": ("displaced", "refugees"), "3.7 million": ("displaced", "ukrainians")}),
        # A singular demonym after a thousand or a million names the people.
        ("نزح نحو 12 ألف لبناني من قراهم.", {"نحو 12 ألف": ("displaced", "lebanese")}),
    ],
)
def test_refugees_and_singular_demonyms(text, expected):
    check(text, expected, ("metric", "group"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # In "A of B nouns VERB" the verb is the part's and the whole is what its noun names.
        ("כ־4.8 מיליון מתוך 6.8 מיליון בעלי זכות בחירה הצביעו.", {"כ־4.8 מיליון": ("votes", "people"), "6.8 מיליון": ("population", "people")}),
        ("Officials believe 35 of the 79 hostages still in Gaza are dead.", {"35": ("deaths", "israelis"), "79": ("hostages", "israelis")}),
    ],
)
def test_part_verb_and_whole_noun(text, expected):
    check(text, expected, ("metric", "group"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # How long people live is no duration: the group named before the figure, else people.
        ("תוחלת החיים בישראל עומדת על 82.7 שנים, נשים חיות בממוצע כ־3.5 שנים יותר מגברים.",
         {"82.7 שנים": (None, "people"), "כ־3.5 שנים": (None, "women")}),
        ("Life expectancy in the U.S. rose to 78.4 years in 2023.", {"78.4 years": (None, "people")}),
        # Other years stay a duration.
        ("The women were released after 471 days in captivity and a siege of 2 years.", {"471 days": ("duration", None)}),
    ],
)
def test_lifespan_is_no_duration(text, expected):
    check(text, expected, ("metric", "group"))
