"""Sources read as an editor reads them: a speaker named only by what it is ("police said"), a
country written as its demonym or its possessive, a body that owns what is cited ("the health
ministry's daily mortality monitor"), and pronouns that name no one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from figcheck.checks.series import anchor, generic_source, names_no_body
from figcheck.load import load_text
from figcheck.pipeline import extract_document
from figcheck.resolve.demonyms import _inflections

RULES = Path(__file__).resolve().parents[1] / "rules" / "lexicon"


def claim(text: str, figure: str):
    doc = load_text("case.txt", text + "\n")
    doc.published, doc.published_basis = dt.date(2024, 3, 11), "header"
    found = {c.text: c for c in extract_document(doc).claims}
    assert figure in found, list(found)
    return found[figure]


@pytest.mark.parametrize(
    ("text", "figure", "source_text", "source"),
    [
        ("The death toll has risen to 158, officials said.", "158", "officials", "officials"),
        ("The death toll rose to 19 on Saturday, police said.", "19", "police", "police"),
        ("Another 31 people were injured, the government said.", "31", "the government", "government"),
        ("Rescuers were searching for 12 missing people, local media reported.", "12", "local media", "local_media"),
        ("At least 19 of the dead were women, state media said.", "At least 19", "state media", "state_media"),
        ("According to local health officials, 23 people died.", "23", "local health officials", "local_health_officials"),
    ],
)
def test_a_lower_case_speaker_after_a_figure_is_its_source(text, figure, source_text, source):
    got = claim(text, figure)
    assert (got.source_text, got.source) == (source_text, source)


@pytest.mark.parametrize("text", ["The death toll has risen to 158, officials said.", "The death toll has risen to 158, local media reported."])
def test_a_speaker_only_source_still_ties_an_unplaced_figure_to_its_own_story(text):
    got = claim(text, "158")
    assert generic_source(got.source)
    assert anchor(got) == "document:case.txt"


@pytest.mark.parametrize("text", ["The toll rose to 23, the report said.", "The toll rose to 23, the latest statement said."])
def test_lower_case_words_that_are_no_speaker_name_no_source(text):
    assert claim(text, "23").source is None


@pytest.mark.parametrize("text", ["He said 23 people died.", "They said 23 people died.", "She said on Monday that 23 people died."])
def test_a_pronoun_names_no_source(text):
    assert claim(text, "23").source is None


@pytest.mark.parametrize(
    ("text", "source_text", "source"),
    [
        ("Heat deaths reached 2,100 in July, according to the health ministry's daily mortality monitor.", "the health ministry", "health_ministry"),
        ("Heat deaths reached 2,100 in July, according to the agency's latest count.", "the agency", "agency"),
        ("Heat deaths reached 2,100 in July, according to the Health Ministry's daily update.", "the Health Ministry", "health_ministry"),
        ("Heat deaths reached 2,100 in July, according to Gaza's health ministry's daily report.", "Gaza's health ministry", "gaza_health_ministry"),
        # The possessive of a place is the body's own name, not its owner.
        ("Heat deaths reached 2,100 in July, according to Morocco's interior ministry.", "Morocco's interior ministry", "moroccan_interior_ministry"),
    ],
)
def test_a_body_that_owns_what_is_cited_is_the_source(text, source_text, source):
    got = claim(text, "2,100")
    assert (got.source_text, got.source) == (source_text, source)


@pytest.mark.parametrize(
    "names",
    [
        ("the Moroccan interior ministry", "Morocco's interior ministry", "the Morocco interior ministry"),
        ("the Spanish government", "Spain's government"),
        ("the Ukrainian military", "Ukraine's military"),
        ("the Nepalese police", "Nepal's police", "the Nepal police", "the Nepali police"),
        ("the British health ministry", "Britain's health ministry", "the UK health ministry"),
        ("the American military", "the U.S. military", "the US military"),
        ("the Texas health department", "Texas's health department"),  # a place with no demonym keeps its name
    ],
)
def test_a_country_written_as_its_demonym_or_possessive_is_one_source(names):
    sources = {claim(f"Eight people died, {name} said.", "Eight").source for name in names}
    assert len(sources) == 1, sources
    assert not generic_source(sources.pop())


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("Israel's military", "israeli_military"),
        ("the Israeli military", "israeli_military"),
        ("Lebanon's health ministry", "lebanon_health_ministry"),
        ("the Lebanese health ministry", "lebanon_health_ministry"),
        ("the South Sudanese army", "south_sudanese_army"),  # not Sudan's
        ("the Sudanese army", "sudanese_army"),
    ],
)
def test_a_demonym_reaches_the_known_body_it_names(name, source):
    assert claim(f"Eight people died, {name} said.", "Eight").source == source


@pytest.mark.parametrize(
    "texts",
    [
        ("משרד הפנים המרוקאי מסר כי 41 בני אדם נהרגו בשיטפונות.", "משרד הפנים במרוקו מסר כי 41 בני אדם נהרגו בשיטפונות."),
        ("أعلنت وزارة الداخلية المغربية أن 41 شخصا لقوا حتفهم.", "أعلنت وزارة الداخلية في المغرب أن 41 شخصا لقوا حتفهم.",
         "أعلنت وزارة الداخلية بالمغرب أن 41 شخصا لقوا حتفهم."),
    ],
)
def test_hebrew_and_arabic_demonyms_and_in_country_are_one_source(texts):
    sources = {claim(t, "41").source for t in texts}
    assert len(sources) == 1, sources


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # "משרד הבריאות" alone is Israel's; with another country's demonym it is that country's.
        ("לפי משרד הבריאות, 41 בני אדם נהרגו.", "israel_health_ministry"),
        ("לפי משרד הבריאות הפלסטיני, 41 בני אדם נהרגו.", "palestinian_health_ministry"),
        ("לפי משרד הבריאות המצרי, 41 בני אדם נהרגו.", "משרד_הבריאות_המצרי"),
        ("أعلنت وزارة الصحة الفلسطينية أن 41 شخصا لقوا حتفهم.", "palestinian_health_ministry"),
        ("قال الجيش الإسرائيلي إن 41 صاروخا أطلقت.", "israeli_military"),
    ],
)
def test_a_known_name_with_another_countrys_demonym_is_another_body(text, source):
    assert claim(text, "41").source == source


def test_hebrew_and_arabic_demonyms_agree_with_their_noun():
    assert set(_inflections("מרוקאי", "he")) == {"מרוקאי", "מרוקאית", "המרוקאי", "המרוקאית"}
    assert set(_inflections("مغربي", "ar")) == {"مغربي", "مغربية", "المغربي", "المغربية"}


def test_no_demonym_stands_for_two_countries():
    """A demonym, in any of its forms, names one country only, and no other place ("سورية" is
    Syria's name and its demonym: one country)."""
    places = yaml.safe_load((RULES / "places.yml").read_text(encoding="utf-8"))
    names = {(lang, str(n).casefold()): k for k, e in places.items() for lang in ("en", "he", "ar") for n in (e or {}).get(lang) or []}
    seen: dict[tuple[str, str], str] = {}
    for key, entry in places.items():
        for lang, bases in ((entry or {}).get("demonyms") or {}).items():
            for base in bases:
                for form in _inflections(str(base), lang):
                    other = seen.setdefault((lang, form.casefold()), key)
                    assert other == key, f"{form!r} ({lang}) is a demonym of {other} and {key}"
                    assert names.get((lang, form.casefold()), key) == key, f"{form!r} ({lang}) is a demonym of {key} and another place's name"


@pytest.mark.parametrize(
    ("text", "figure", "no_body"),
    [
        ("The death toll has risen to 158, police said.", "158", True),
        ("Police said the death toll had risen to 158.", "158", True),  # capitalised only as the sentence opens
        ("The toll rose to 158, the government said.", "158", True),
        ("The aid package is worth $1.2 billion, the State Department said.", "$1.2 billion", False),  # a proper name
        ("The death toll has risen to 158, the Moroccan interior ministry said.", "158", False),
    ],
)
def test_only_a_speaker_that_names_no_body_is_no_body(text, figure, no_body):
    assert names_no_body(claim(text, figure)) is no_body


@pytest.mark.parametrize(
    ("text", "figure", "source_text"),
    [
        ("Typhoon Yagi has killed 143 people, the country's disaster management agency said.", "143", "disaster management agency"),
        ("Floods killed 143 people and the disaster management agency said more were missing.", "143", "the disaster management agency"),
        ("The country's forensic service said 32 bodies had been identified.", "32", "The country's forensic service"),
    ],
)
def test_a_lower_case_body_is_a_source_that_names_no_body(text, figure, source_text):
    got = claim(text, figure)
    assert got.source_text == source_text
    assert names_no_body(got)


def test_a_proper_name_is_a_body_even_in_one_word():
    assert not names_no_body(claim("Some 120 million people watched, Nielsen said.", "Some 120 million"))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Russia's defense ministry later said 24 drones had been destroyed.", "russian_defence_ministry"),
        ("The Russian defence ministry said 24 drones had been destroyed.", "russian_defence_ministry"),
        ("Police have said 24 people died.", "police"),
        ("The ministry also said 24 people died.", "ministry"),
    ],
)
def test_an_adverb_before_the_verb_and_a_spelling_keep_one_source(text, source):
    assert claim(text, "24").source == source


@pytest.mark.parametrize(
    "names",
    [
        ("Chile's interior minister", "the Chilean interior minister"),
        ("Ukraine's air force", "the Ukrainian air force"),
    ],
)
def test_ministers_and_forces_are_speakers(names):
    sources = {claim(f"Forest fires have killed 46 people, {name} said.", "46").source for name in names}
    assert len(sources) == 1 and None not in sources, sources
