"""The event a toll or a case count is of (rules/lexicon/causes.yml), read as its definition.

Two disasters in one country are two series: a heatwave's toll and a flood's, Hurricane Helene's
and Hurricane Milton's, a measles outbreak's cases and a cholera outbreak's. A figure takes the
cause its own words name, else the one cause its paragraph, title or document names; war and
violence are never a cause, so a war's toll stays one series however it is worded.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from figcheck.checks.engine import measure
from figcheck.load import load_text
from figcheck.pipeline import extract_document
from figcheck.resolve.lexicon import default_lexicon

CAUSES = yaml.safe_load((Path(__file__).resolve().parents[1] / "rules" / "lexicon" / "causes.yml").read_text(encoding="utf-8"))
SENTENCE = {
    "en": "Officials said 40 deaths were linked to {w} in the region.",
    "he": "לדברי הרשויות, 40 בני אדם מתו בעקבות {w} באזור.",
    "ar": "قالت السلطات إن 40 شخصا لقوا حتفهم بسبب {w} في المنطقة.",
}


def claims(text: str, path: str = "case.md") -> list:
    doc = load_text(path, text + "\n", suffix=Path(path).suffix)
    doc.published, doc.published_basis = dt.date(2025, 11, 2), "header"
    return extract_document(doc).claims


def claim(text: str, figure: str, path: str = "case.md"):
    found = {c.text: c for c in claims(text, path)}
    assert figure in found, list(found)
    return found[figure]


@pytest.mark.parametrize(
    ("lang", "key", "word"),
    [(lang, key, w) for key, entry in CAUSES["causes"].items() for lang in ("en", "he", "ar") for w in entry[lang]],
)
def test_a_cause_word_near_a_toll_makes_it_that_event_s_toll(lang, key, word):
    got = claim(SENTENCE[lang].format(w=word), "40")
    assert (got.metric, got.definition) == ("deaths", key)


@pytest.mark.parametrize(
    ("text", "figure", "cause"),
    [
        ("Hurricane Helene has killed at least 230 people across six states.", "at least 230", "storm_helene"),
        ("Typhoon Yagi has left 59 dead in northern Vietnam.", "59", "storm_yagi"),
        ("Storm Boris killed 24 people across central Europe.", "24", "storm_boris"),
        ("Cyclone Chido killed at least 39 people in Mayotte.", "at least 39", "storm_chido"),
        # A storm's class changes as it grows; its name does not.
        ("Tropical Storm Helene killed 4 people in Georgia.", "4", "storm_helene"),
        # The storm's class word with no name is any storm; flooding from a named storm is the storm's.
        ("The hurricane killed 12 people in Cuba.", "12", "storm"),
        ("Flooding from Hurricane Helene killed 40 people in Asheville.", "40", "storm_helene"),
    ],
)
def test_a_named_storm_is_an_event_of_its_own(text, figure, cause):
    assert claim(text, figure).definition == cause


@pytest.mark.parametrize(
    "text",
    [
        "The National Hurricane Center said 12 people died in Cuba.",
        "Hurricane Deaths Rise To 12 In Cuba",  # a headline in title case: "Deaths" is no storm's name
    ],
)
def test_a_capitalised_word_after_a_storm_word_need_not_be_a_name(text):
    assert claim(text, "12").definition == "storm"


def test_the_storm_is_the_storm_its_paragraph_names():
    got = claim("Hurricane Helene made landfall in Florida on Thursday. The storm's death toll has risen to 57.", "57")
    assert got.definition == "storm_helene"


def test_a_toll_takes_the_cause_its_paragraph_names():
    got = claim("Flash floods swept through eastern Spain on Tuesday. The death toll has risen to 158, the government said.", "158")
    assert got.definition == "flood"


def test_a_toll_whose_paragraph_names_no_cause_takes_its_title_s():
    text = "---\ndate: 2025-11-02\n---\n# Spain flood toll rises\n\nThe death toll has risen to 158, the government said."
    assert claim(text, "158").definition == "flood"


def test_a_toll_takes_the_one_cause_its_document_names():
    text = "Rescuers searched for survivors after the floods.\n\nThe death toll has risen to 158, the government said."
    assert claim(text, "158", "case.txt").definition == "flood"


def test_a_document_naming_two_events_leaves_a_toll_that_names_neither_uncaused():
    text = (
        "Spain's year of disasters\n\nThe summer's heatwave was the worst on record.\n\nFloods hit the east in October.\n\n"
        "The death toll has risen to 158, the government said."
    )
    assert claim(text, "158", "case.txt").definition is None


def test_a_narrowing_definition_wins_over_the_event():
    got = claim("Officials said 300 identified deaths were recorded after the floods in Spain.", "300")
    assert got.definition == "identified"


def test_a_case_count_takes_the_disease_not_the_disaster_around_it():
    got = claim("Cholera cases in the flooded districts have risen to 300, the ministry said.", "300")
    assert (got.metric, got.definition) == ("cases", "cholera")


def test_a_disaster_names_no_kind_of_case_count():
    assert claim("The floods have left 300 cases of diarrhoea in the camps, doctors said.", "300").definition is None


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # War words are no cause, and a context naming war gives none.
        ("Israeli strikes have killed 30 people sheltering from the floods in Gaza.", "30"),
        ("Floods swept tents in Gaza as the war went on. The death toll has risen to 45,000 since October 7.", "45,000"),
        ("Gunmen killed 12 people at a wedding, police said.", "12"),
        # "Al-Aqsa Flood" names an attack, not a flood.
        ("Since Hamas's Al-Aqsa Flood attack, 1,200 people have been killed in Israel.", "1,200"),
    ],
)
def test_war_and_violence_are_no_cause(text, figure):
    assert claim(text, figure).definition is None


def test_a_war_toll_keeps_no_cause_from_a_document_that_also_names_a_flood():
    text = (
        "# Gaza death toll rises\n\nWinter floods swept through tents in Mawasi on Sunday.\n\n"
        "Israeli strikes continued across the territory.\n\nThe death toll has risen to 45,000, the ministry said."
    )
    assert claim(text, "45,000").definition is None


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("flood", "cumulative flood death toll in Spain"),
        ("storm_helene", "cumulative Storm Helene death toll in Spain"),
        ("building_collapse", "cumulative building collapse death toll in Spain"),
    ],
)
def test_a_finding_names_the_event_in_plain_words(key, words):
    c = claim("The death toll in Spain has risen to 158, the government said.", "158")
    assert measure(c.model_copy(update={"definition": key}), default_lexicon()) == words


VIOLENT = {
    "en": "Floods hit the region last week.\n\nOfficials said 40 people were killed in the {w} in the region.",
    "he": "שיטפונות פקדו את האזור בשבוע שעבר.\n\nלדברי הרשויות, 40 בני אדם נהרגו בעקבות {w} באזור.",
    "ar": "ضربت فيضانات المنطقة الأسبوع الماضي.\n\nقالت السلطات إن 40 شخصا قتلوا بسبب {w} في المنطقة.",
}


@pytest.mark.parametrize(("lang", "word"), [(lang, w) for lang in ("en", "he", "ar") for w in CAUSES["violence"][lang]])
def test_a_toll_worded_as_war_or_violence_takes_no_cause_from_its_document(lang, word):
    got = claim(VIOLENT[lang].format(w=word), "40", "case.txt")
    assert got.definition is None


@pytest.mark.parametrize("word", CAUSES["named_storms"]["not_names"])
def test_a_word_that_is_no_storm_s_name_makes_no_named_storm(word):
    got = claim(f"Hurricane {word.title()} said 12 people died in Cuba.", "12")
    assert got.definition == "storm"


@pytest.mark.parametrize(
    "text",
    [
        # No war word, but the place is where a war is fought (events.yml 'places').
        "# Floods swamp tents in Gaza\n\nThe death toll in Gaza has risen to 45,000, the ministry said.",
        # No war word and no war's place in the paragraph, but the toll counts from a war's start.
        "# Floods swamp tents\n\nThe death toll has risen to 45,000 since October 7, the ministry said.",
    ],
)
def test_a_toll_where_or_since_a_war_takes_no_cause_from_its_title(text):
    assert claim(text, "45,000").definition is None


def test_a_toll_where_a_war_is_fought_still_takes_the_cause_its_own_sentence_names():
    got = claim("The death toll from flooding after the dam burst has risen to 52 in Ukraine, officials said.", "52")
    assert got.definition == "flood"
