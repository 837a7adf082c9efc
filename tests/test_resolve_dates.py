"""As-of dates and metrics read across a whole sentence: which date dates which figure."""

from __future__ import annotations

import datetime as dt

import pytest

from figcheck.load import load_text
from figcheck.pipeline import extract_document


def claims(text: str, published: dt.date) -> dict[str, object]:
    doc = load_text("case.txt", text + "\n")
    doc.published, doc.published_basis = published, "header"
    return {c.text: c for c in extract_document(doc).claims}


D = dt.date


def assert_as_of(text: str, published, expected: dict) -> None:
    """Each figure of ``expected`` is extracted from ``text`` and holds on its date (None: only extracted)."""
    got = claims(text, published)
    for figure, want in expected.items():
        assert figure in got, f"{figure!r} not extracted from {text!r}: {sorted(got)}"
        if want is not None:
            assert got[figure].as_of == want, f"{figure!r} in {text!r}: {got[figure].as_of}"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A day named in another clause (after a semicolon, or after "up from <figure>") is not the figure's day.
        (
            "The outbreak has grown to 198 cases, officials said Friday, up from 159 on Tuesday; 23 patients have been hospitalised.",
            D(2025, 3, 7),
            {"198": D(2025, 3, 7), "159": D(2025, 3, 4), "23": D(2025, 3, 7)},
        ),
        (
            "Rescuers pulled 14 survivors from the rubble on Thursday, but hopes were fading for the remaining few dozen.",
            D(2025, 8, 1),
            {"14": D(2025, 7, 31), "few dozen": D(2025, 8, 1)},
        ),
        # A full stop inside a sentence is an abbreviation's, not a clause break.
        (
            "Fighters killed more than 300 civilians around the city, the U.N. said on Monday.",
            D(2025, 4, 8),
            {"more than 300": D(2025, 4, 7)},
        ),
        # "and" does not end the clause a date belongs to.
        (
            "Nearly 1,200 people were killed in the attack on October 7, 2023, and 251 were taken hostage.",
            D(2025, 2, 27),
            {"Nearly 1,200": D(2023, 10, 7), "251": D(2023, 10, 7)},
        ),
        # A yearless date that would fall more than half a year back is a date ahead.
        ("Voters will elect all 435 House members on November 5.", D(2024, 10, 14), {"435": D(2024, 10, 14)}),
        ("The coalition has 68 lawmakers, enough to pass the budget by the March 31 deadline.", D(2025, 3, 26), {"68": D(2025, 3, 26)}),
        # ... but a named event's date is that event's, however long ago.
        ("כמעט 1,200 בני אדם נרצחו במתקפת הפתע של חמאס ב־7 באוקטובר.", D(2024, 10, 7), {"כמעט 1,200": D(2023, 10, 7)}),
        # The period a change is measured from does not date the figure.
        ("Apple reported quarterly revenue of $124.3 billion, up 4% from a year earlier.", D(2025, 1, 31), {"4%": D(2025, 1, 31)}),
        # Figures joined by "to" share the period after them.
        ("Real median household income rose 4% to $80,610 in 2023.", D(2024, 9, 10), {"4%": D(2023, 12, 31), "$80,610": D(2023, 12, 31)}),
        # A period cut off by another figure is that figure's.
        (
            "Some 39 million people are living with HIV, UNAIDS said, and 630,000 died of AIDS-related illnesses last year.",
            D(2024, 7, 23),
            {"Some 39 million": D(2024, 7, 23), "630,000": D(2023, 12, 31)},
        ),
        # A day named without a date: the latest one on or before publication.
        ("The probe passed within 3.8 million miles of the sun on Christmas Eve.", D(2024, 12, 27), {"3.8 million miles": D(2024, 12, 24)}),
        ("The agency measured the New Year's Day quake at magnitude 7.6.", D(2024, 1, 2), {"7.6": D(2024, 1, 1)}),
        # A year that names the period of what follows it: possessive, attributive, fiscal (U.S.).
        ("NASA put 2024's global average temperature 1.28 degrees Celsius above its baseline.", D(2025, 1, 10), {"1.28 degrees Celsius": D(2024, 12, 31)}),
        ("Canada's 2023 wildfire season burned 18.5 million hectares.", D(2024, 8, 27), {"18.5 million hectares": D(2023, 12, 31)}),
        ("The Treasury's fiscal 2024 deficit came in at $1.833 trillion.", D(2024, 10, 30), {"$1.833 trillion": D(2024, 9, 30)}),
        ("Israel's 2025 budget totals NIS 620 billion.", D(2024, 12, 29), {"NIS 620 billion": D(2024, 12, 29)}),
        # A period still running says no more than its report's day: the named day wins.
        ("The number of mpox cases in Africa this year nears 17,000, Africa CDC said on Thursday.", D(2024, 8, 16), {"nears 17,000": D(2024, 8, 15)}),
        # "the most since Katrina in 2005": a period after "since" and a few words is a start.
        ("Hurricane Helene killed at least 230 people, the most since Katrina in 2005.", D(2024, 10, 7), {"at least 230": D(2024, 10, 7)}),
    ],
)
def test_as_of(text, published, expected):
    got = claims(text, published)
    assert {k: got[k].as_of for k in expected} == expected


def test_a_year_before_a_conjunction_names_no_period():
    """'between 2009 and 2018': 2009 does not describe a noun after it."""
    assert claims("Researchers found 14% of reefs had been lost between 2009 and 2018.", D(2024, 5, 1))["14%"].as_of != D(2009, 12, 31)


def test_since_a_few_words_before_the_date_in_hebrew():
    got = claims("עלה ל־406 מספר חללי צה\"ל מאז תחילת התמרון הקרקעי ב־27 באוקטובר.", D(2025, 1, 16))
    assert (got["406"].as_of, got["406"].since) == (D(2025, 1, 16), D(2024, 10, 27))


def test_since_a_few_words_before_the_date():
    got = claims("Rwanda has recorded 62 Marburg cases since the outbreak was declared on September 27.", D(2024, 10, 16))
    assert (got["62"].as_of, got["62"].since) == (D(2024, 10, 16), D(2024, 9, 27))


def test_since_seven_words_before_the_date_is_no_as_of():
    """The date of a start named at length is the start, not the day the figure holds."""
    got = claims("The army said 405 soldiers have been killed since the start of the ground offensive on October 27, 2023.", D(2025, 1, 20))
    assert (got["405"].as_of, got["405"].since) == (D(2025, 1, 20), D(2023, 10, 27))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The subject's verb stands past a part named on the way.
        ("Four members of one family, including two toddlers, were killed on Thursday.", {"Four": "deaths", "two": "deaths"}),
        ("The monitor said 910 people, including 138 civilians, were killed during the offensive.", {"910": "deaths", "138": "deaths"}),
        # Dashes enclose an apposition: the verb after the closing dash is the clause's.
        ("Analysis shows some 69% of all structures — about 170,800 buildings — have been damaged or destroyed.", {"some 69%": "buildings_destroyed", "about 170,800": "buildings_destroyed"}),
        # A second estimate in between shares the verb: "several hundred, perhaps a thousand, … died".
        ("The minister said several hundred, perhaps a thousand, people may have died.", {"several hundred": "deaths"}),
        # A verb past another figure with a metric of its own is that figure's.
        ("Some 39 million people are living with HIV, UNAIDS said, and 630,000 died last year.", {"Some 39 million": None, "630,000": "deaths"}),
        # A mixed list still has no one metric.
        ("Aid groups worked to save hundreds of thousands of patients, wounded and displaced persons.", {"hundreds of thousands": None}),
    ],
)
def test_metric_from_the_clause_verb(text, expected):
    got = claims(text, D(2025, 1, 10))
    assert {k: got[k].metric for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A month still ahead after "by" is a target: the projection holds as of its report.
        ("The figure is projected to rise to 641,000 by the end of September.", D(2025, 8, 22), {"641,000": D(2025, 8, 22)}),
        # A month already past after "by" still dates the figure.
        ("The economy had added 1.2 million jobs by March, the agency said.", D(2025, 8, 22), {"1.2 million": D(2025, 3, 31)}),
        ("Exports reached $40 billion by the end of March.", D(2025, 8, 22), {"$40 billion": D(2025, 3, 31)}),
        # A month after "in" keeps dating its figure.
        ("Employers added 256,000 jobs in December.", D(2025, 1, 10), {"256,000": D(2024, 12, 31)}),
    ],
)
def test_target_period_is_no_as_of(text, published, expected):
    assert_as_of(text, published, expected)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # The day of an event told in a clause with no figure dates the figures after a semicolon ...
        ("A jet flipped on landing in Toronto on Monday; all 80 people on board survived, and 21 were taken to hospital.",
         D(2025, 2, 20), {"80": D(2025, 2, 17), "21": D(2025, 2, 17)}),
        # ... not when that clause has a figure of its own, nor when a new report opens after it.
        ("The outbreak grew from 159 cases on Tuesday; 23 patients have been hospitalised.", D(2025, 3, 7), {"23": D(2025, 3, 7)}),
        ("The union called a general strike on Monday; according to economists, a strike day costs the economy $500 million.",
         D(2025, 3, 7), {"$500 million": D(2025, 3, 7)}),
    ],
)
def test_event_day_across_a_semicolon(text, published, expected):
    assert_as_of(text, published, expected)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A figure "the year before" / "a year earlier" holds a year before the period named.
        ("Malaria deaths fell to an estimated 597,000 in 2023 from 600,000 the year before.", D(2024, 12, 19),
         {"an estimated 597,000": D(2023, 12, 31), "600,000": D(2022, 12, 31)}),
        ("Exports reached $40 billion in 2023, against $36 billion a year earlier.", D(2024, 5, 3), {"$36 billion": D(2022, 12, 31)}),
        # "up 4% from a year earlier" is a change over the period itself, not last year's figure.
        ("Revenue rose to $124.3 billion in the quarter, up 4% from a year earlier.", D(2025, 1, 31), {"4%": None}),
    ],
)
def test_a_year_before(text, published, expected):
    assert_as_of(text, published, expected)


def _lexicon_words(section: str, key: str) -> list[str]:
    from figcheck.resolve.lexicon import default_lexicon

    return default_lexicon().words(section, key, "en")


@pytest.mark.parametrize("words", _lexicon_words("periods", "year_before"))
def test_every_year_before_phrase_dates_its_figure_a_year_back(words):
    got = claims(f"Malaria deaths fell to an estimated 597,000 in 2023 from 600,000 {words}.", D(2024, 12, 19))
    assert got["600,000"].as_of == D(2022, 12, 31)


@pytest.mark.parametrize("words", _lexicon_words("scope", "alternative"))
def test_every_second_estimate_word_keeps_the_shared_verb(words):
    got = claims(f"The minister said several hundred, {words} a thousand, people may have died.", D(2025, 1, 10))
    assert got["several hundred"].metric == "deaths"


@pytest.mark.parametrize("words", _lexicon_words("periods", "clause_breaks"))
def test_every_clause_break_keeps_a_date_from_the_other_side(words):
    got = claims(
        f"Hezbollah's attack on October 7 was followed by more than a year of cross-border fire, {words} some 3,768 people were killed.",
        D(2024, 11, 26),
    )
    assert got["some 3,768"].as_of == D(2024, 11, 26)


@pytest.mark.parametrize("words", ["ending in", "ending", "that ends in", "which ends in"])
def test_a_period_still_ahead_after_ending_in_is_a_target(words):
    got = claims(f"Microsoft plans to spend $80bn on AI data centres in the fiscal year {words} June, its president wrote.", D(2025, 1, 24))
    assert got["$80bn"].as_of == D(2025, 1, 24)


@pytest.mark.parametrize(
    ("text", "published", "figure", "date"),
    [
        # A figure with no date of its own in its clause holds when the figure it parallels does ...
        ("NASA put 2024's global average temperature 1.28 degrees Celsius above its baseline, while NOAA's figure was slightly lower at 1.18C.",
         D(2025, 1, 10), "1.18C", D(2024, 12, 31)),
        ("The Treasury's fiscal 2024 deficit came in at $1.833 trillion, up 8% from the prior year.", D(2024, 10, 30), "8%", D(2024, 9, 30)),
        # ... but not across a semicolon, nor when its clause names a period of its own.
        ("Tesla's profit rose 17% to $2.17 billion in the third quarter; Musk said he expected vehicle growth of 20%-30% next year.",
         D(2024, 10, 24), "20%-30%", D(2024, 10, 24)),
        # A running total's period is one written right after it.
        ("Life expectancy in the U.S. rose to 78.4 years in 2023, the National Center for Health Statistics said.",
         D(2025, 4, 9), "78.4 years", D(2023, 12, 31)),
    ],
)
def test_shared_and_attached_periods(text, published, figure, date):
    assert claims(text, published)[figure].as_of == date


@pytest.mark.parametrize("opener", _lexicon_words("periods", "aside_openers"))
def test_a_date_in_a_relative_clause_dates_its_own_verb(opener):
    text = f"Hospital director Hussam Abu Safiya, {opener} was detained last month, is one of more than 160 health workers held by Israel, the WHO said."
    if opener == "whose":
        text = "Hospital director Hussam Abu Safiya, whose arrest came last month, is one of more than 160 health workers held by Israel, the WHO said."
    if opener == "whom":
        text = "Hospital director Hussam Abu Safiya, whom soldiers detained last month, is one of more than 160 health workers held by Israel, the WHO said."
    assert claims(text, D(2025, 1, 5))["more than 160"].as_of == D(2025, 1, 5)


@pytest.mark.parametrize(
    ("text", "published", "figure", "date"),
    [
        # The day a report was made ("said on Friday") gives way to the month the report covers.
        ("U.S. employers added 256,000 jobs in December, far more than the 160,000 economists had expected, and the unemployment "
         "rate slipped to 4.1%, the Labor Department said on Friday.", D(2025, 1, 10), "4.1%", D(2024, 12, 31)),
        ("Housing starts fell 9.8% to a seasonally adjusted annual rate of 1.366 million units in January, the Commerce Department "
         "said Wednesday.", D(2025, 2, 14), "9.8%", D(2025, 1, 31)),
        # Without a period in the sentence, the report's day still dates the figure.
        ("More than 300 civilians were killed around the city, the U.N. said on Monday.", D(2025, 4, 8), "More than 300", D(2025, 4, 7)),
        # A comparison's date stays in the comparison, up to its comma.
        ("The ANC's share of the vote was hovering near 40%, down from 57.5% in 2019, with results in from more than half of voting "
         "districts.", D(2024, 5, 30), "more than half", D(2024, 5, 30)),
        ("The ANC's share of the vote was hovering near 40%, down from 57.5% in 2019, with results in from more than half of voting "
         "districts.", D(2024, 5, 30), "57.5%", D(2019, 12, 31)),
        # A figure whose clause names a period of its own does not take its neighbour's.
        ("Nvidia's fourth-quarter profit nearly doubled to $22.1 billion, and the chipmaker guided for sales of $43 billion, plus or "
         "minus 2%, in the current quarter.", D(2025, 2, 26), "$43 billion", D(2025, 2, 26)),
    ],
)
def test_report_days_and_comparisons(text, published, figure, date):
    assert claims(text, published)[figure].as_of == date


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "N years earlier/ago" holds as of the end of that year before the report's.
        ("Donors gave $4.1 billion to the appeal, the agency said, up from $2.9 billion three years earlier.",
         D(2025, 6, 3), {"$2.9 billion": D(2022, 12, 31), "$4.1 billion": D(2025, 6, 3)}),
        ("The lake held 1.2 billion cubic metres two years ago.", D(2025, 6, 3), {"1.2 billion cubic metres": D(2023, 12, 31)}),
        # A span of years holds as of the later year's end ...
        ("Forest cover fell 9% between 2001 and 2020 across the basin.", D(2024, 3, 1), {"9%": D(2020, 12, 31)}),
        ("Sales grew 40% from 2015 to 2019, the report found.", D(2024, 3, 1), {"40%": D(2019, 12, 31)}),
        # ... and "now" dates a later figure on the report's day, not by the period before it.
        ("Output fell 12% in 2019, and the plant now runs at 55% of capacity.", D(2024, 3, 1),
         {"12%": D(2019, 12, 31), "55%": D(2024, 3, 1)}),
    ],
)
def test_years_back_spans_and_now(text, published, expected):
    assert_as_of(text, published, expected)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "the previous quarter" is the one before the quarter the sentence names ...
        ("The economy stalled in the fourth quarter after growing 0.4% in the previous quarter.", D(2025, 1, 30),
         {"0.4%": D(2024, 9, 30)}),
        # ... else the last quarter that ended before the report.
        ("Exports rose 2.3% in the previous three months, the agency said.", D(2025, 5, 10), {"2.3%": D(2025, 3, 31)}),
    ],
)
def test_previous_quarter(text, published, expected):
    assert_as_of(text, published, expected)


def test_a_contrast_shares_the_date_of_the_figure_in_its_own_measure():
    # "…, down 4%, while the national median was $1,980": the dollar figure before the contrast
    # (not the percentage between) gives its period.
    got = claims("Median rent in Austin was $1,650 in 2023, down 4%, while the national median was $1,980.", D(2024, 6, 1))
    assert (got["$1,980"].metric, got["$1,980"].as_of) == ("price", D(2023, 12, 31))
