"""Unknown speakers, organisations' acronyms, generic names, and figures for several places.

A fact-checker's archive is full of sources the lexicon has never heard of: the same agency must
come out as one source however a story writes it, and a toll for two countries together must not
be read as one country's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from figcheck.checks.series import generic_source
from figcheck.load import load_text
from figcheck.pipeline import extract_document
from figcheck.resolve.lexicon import default_lexicon

RULES = Path(__file__).resolve().parents[1] / "rules" / "lexicon"


def claim(text: str, figure: str):
    doc = load_text("case.txt", text + "\n")
    doc.published, doc.published_basis = dt.date(2023, 2, 10), "header"
    found = {c.text: c for c in extract_document(doc).claims}
    assert figure in found, list(found)
    return found[figure]


ATTRIBUTION = yaml.safe_load((RULES / "attribution.yml").read_text(encoding="utf-8"))
SPEAKER_NOUNS = ATTRIBUTION["speaker_nouns"]["en"]


@pytest.mark.parametrize("noun", SPEAKER_NOUNS)
def test_a_lower_case_speaker_noun_ends_a_named_speaker(noun):
    got = claim(f"The Ruritanian {noun} said 40 people were killed.", "40")
    assert got.source_text == f"The Ruritanian {noun}"
    assert got.source == f"ruritanian_{ATTRIBUTION['spellings'].get(noun, noun)}"  # one spelling: "center" is "centre"


def test_lower_case_words_before_the_speaker_noun_belong_to_the_name():
    got = claim("Ruritania's national disaster agency said 40 people were killed.", "40")
    assert got.source_text == "Ruritania's national disaster agency"


@pytest.mark.parametrize(
    ("text", "source_text"),
    [
        ("At least 40 people were killed, the regional disaster agency said.", "the regional disaster agency"),  # no capitalised word
        ("At least 40 people were killed and the agency said more were missing.", "the agency"),
    ],
)
def test_a_speaker_noun_alone_says_who_spoke_but_names_no_body(text, source_text):
    got = claim(text, "At least 40")
    assert got.source_text == source_text
    assert generic_source(got.source)


@pytest.mark.parametrize(
    "text",
    [
        "AFAD said 9,057 people had been killed.",
        "Turkey's AFAD disaster agency said 9,057 people had been killed.",
        "The disaster agency AFAD said 9,057 people had been killed.",
        "According to AFAD, 9,057 people had been killed.",
    ],
)
def test_an_organisation_is_one_source_under_its_acronym(text):
    assert claim(text, "9,057").source == "afad"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("At least 40 people were killed in Syria, the civil defence agency said.", None),
        ("At least 40 people were killed in Gaza, the civil defence agency said.", "civil_defence_gaza"),
        ("قتل 40 شخصا في سوريا، بحسب الدفاع المدني.", None),
        ("قتل 40 شخصا في غزة، بحسب الدفاع المدني.", "civil_defence_gaza"),
    ],
)
def test_a_bare_civil_defence_is_gazas_only_in_a_story_set_there(text, source):
    figure = "At least 40" if text.startswith("At") else "40"
    got = claim(text, figure).source
    assert (got if got == "civil_defence_gaza" else None) == source


SCOPE_WORDS = [
    "had been killed", "had died", "had been wounded", "had been injured", "had been displaced",
    "had been detained", "had been destroyed", "have been damaged", "had been damaged",
]


@pytest.mark.parametrize("phrase", SCOPE_WORDS)
def test_reported_speech_of_a_running_total_is_cumulative(phrase):
    assert claim(f"Officials said on Friday that 8,574 people {phrase} in the region.", "8,574").scope == "cumulative"


@pytest.mark.parametrize("phrase", ["had risen to", "had climbed to", "had reached"])
def test_a_total_that_had_risen_is_cumulative(phrase):
    assert claim(f"Officials said the death toll {phrase} 8,574 by Friday.", "8,574").scope == "cumulative"


@pytest.mark.parametrize(
    ("text", "figure", "place"),
    [
        ("The death toll in Turkey and Syria rose to more than 12,000.", "more than 12,000", None),
        ("More than 12,000 people were killed in Turkey and in Syria.", "More than 12,000", None),
        ("Dozens were killed in Gaza and the West Bank.", "Dozens", None),
        ("More than 12,000 people were killed in Turkey.", "More than 12,000", "turkey"),
        ("Four people were killed in Rafah, Gaza, on Monday.", "Four", "rafah"),
        ("הרעידה בטורקיה ובסוריה גבתה את חייהם של 12,000 בני אדם.", "12,000", None),
        ("נהרגו 12,000 בני אדם בטורקיה.", "12,000", "turkey"),
        ("قتل 12 ألف شخص في تركيا وسوريا.", "12 ألف", None),
        ("قتل 12 ألف شخص في تركيا.", "12 ألف", "turkey"),
    ],
)
def test_a_figure_for_two_places_together_is_no_one_places(text, figure, place):
    assert claim(text, figure).place == place


PLACES = yaml.safe_load((RULES / "places.yml").read_text(encoding="utf-8"))
NEIGHBOURHOODS = [
    (key, lang, name)
    for key in ("gaza_city", "central_gaza", "mawasi")
    for lang in ("en", "he", "ar")
    for name in PLACES[key][lang]
]
SENTENCE = {
    "en": "Twelve people were killed in {name} on Monday.",
    "he": "12 בני אדם נהרגו ב{name} ביום שני.",
    "ar": "قتل 12 شخصا في {name} يوم الاثنين.",
}


@pytest.mark.parametrize(("key", "lang", "name"), NEIGHBOURHOODS)
def test_a_gaza_neighbourhood_or_camp_is_its_place(key, lang, name):
    figure = "Twelve" if lang == "en" else "12"
    assert claim(SENTENCE[lang].format(name=name), figure).place == key


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The toll rose to 5,300, an official in the Interior Ministry told Reuters on Wednesday.", "interior_ministry"),
        ("The toll rose to 5,300, a local official told Reuters on Wednesday.", "local_official"),
        ("The toll rose to 5,300, Reuters reported on Wednesday.", "reuters"),
        ("The toll rose to 5,300, the mayor told reporters.", "mayor"),
    ],
)
def test_the_outlet_a_speaker_told_is_not_the_source(text, source):
    assert claim(text, "5,300").source == source


@pytest.mark.parametrize(
    ("text", "figure", "metric"),
    [
        ("The toll in Derna had reached 3,283 on Monday, the ministry said.", "3,283", "deaths"),
        ("The toll of injured reached 300 by the evening.", "300", "injuries"),
    ],
)
def test_a_bare_toll_counts_the_dead_unless_it_says_what_else(text, figure, metric):
    assert claim(text, figure).metric == metric


SOURCES = yaml.safe_load((RULES / "sources.yml").read_text(encoding="utf-8"))
SAID = {"en": "{name} said 10,000 people were missing.", "he": "{name} מסר כי 10,000 בני אדם נעדרים.", "ar": "قال {name} إن 10,000 شخص مفقودون."}


@pytest.mark.parametrize(("lang", "name"), [(lang, n) for lang, names in SOURCES["ifrc"]["aliases"].items() for n in names])
def test_the_red_cross_federation_is_not_the_red_cross_committee(lang, name):
    assert claim(SAID[lang].format(name=name), "10,000").source == "ifrc"


ATTRIBUTION = yaml.safe_load((RULES / "attribution.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("noun", ATTRIBUTION["speaker_nouns"]["he"])
def test_a_hebrew_name_opening_with_a_head_noun_is_the_speaker_before_the_verb(noun):
    got = claim(f"{noun} האזורי מסר היום כי 40 בני אדם נהרגו.", "40")
    assert got.source_text == f"{noun} האזורי"


@pytest.mark.parametrize("noun", ATTRIBUTION["speaker_nouns"]["ar"])
def test_an_arabic_name_opening_with_a_head_noun_is_the_speaker_after_the_verb(noun):
    got = claim(f"وقالت {noun} الإقليمية يوم الجمعة إن 40 شخصا قتلوا.", "40")
    assert got.source_text == f"{noun} الإقليمية"
    assert claim(f"وقالت ال{noun} الإقليمية إن 40 شخصا قتلوا.", "40").source_text == f"ال{noun} الإقليمية"


@pytest.mark.parametrize(
    ("text", "figure", "source_text"),
    [
        ("רשות החירום הטורקית מסרה היום (חמישי) כי 17,134 בני אדם נהרגו בטורקיה.", "17,134", "רשות החירום הטורקית"),
        ("מסרה רשות החירום הטורקית כי 17,134 בני אדם נהרגו.", "17,134", "רשות החירום הטורקית"),
        ("בטורקיה נהרגו 17 בני אדם, כך מסרה רשות החירום.", "17", "רשות החירום"),
        ("أعلنت إدارة الكوارث والطوارئ التركية (آفاد) يوم الجمعة أن عدد القتلى بلغ 8574 شخصا.", "8574", "إدارة الكوارث والطوارئ التركية"),
        ("قتل 12 شخصا، وفق ما قال مسؤول محلي.", "12", "مسؤول محلي"),
        ("قتل 12 شخصا في القصف، حسبما أفاد مسؤولون في المستشفى.", "12", "مسؤولون في المستشفى"),
        ("قتل 12 شخصا، قال الجيش.", "12", "الجيش"),
        # A word that is no head noun names nobody: the verb's subject is not read as a source.
        ("בטורקיה נהרגו 17 בני אדם, אמרו התושבים.", "17", None),
        ("قتل 12 شخصا، قال السكان.", "12", None),
    ],
)
def test_hebrew_and_arabic_speakers_the_lexicon_does_not_know(text, figure, source_text):
    assert claim(text, figure).source_text == source_text


@pytest.mark.parametrize("verb", ATTRIBUTION["also_nouns"]["en"])
def test_one_unknown_word_before_a_noun_like_verb_is_a_compound_noun(verb):
    text = f"Damage {verb} ranged from $15 billion to $25 billion, according to Moody's Analytics."
    assert claim(text, "from $15 billion to $25 billion").source == "moody_s_analytics"


def test_a_known_source_before_a_noun_like_verb_is_still_the_speaker():
    assert claim("Reuters reports 5 people were killed.", "5").source == "reuters"


@pytest.mark.parametrize(
    "text",
    [
        "More than 1 million homes were without power on Monday, according to PowerOutage.us, a day after the storm.",
        "More than 1 million homes were without power on Monday, according to PowerOutage.us.",
        "More than 1 million homes were without power on Monday, PowerOutage.us reported.",
    ],
)
def test_a_website_is_one_source_however_the_sentence_ends(text):
    assert claim(text, "More than 1 million").source == "poweroutage_us"


@pytest.mark.parametrize(
    ("text", "source_text"),
    [
        ("The Texas Department of State Health Services said Tuesday that 223 cases were confirmed.", "The Texas Department of State Health Services"),
        ("The measles outbreak has grown to 223 cases, state health officials said Friday.", "state health officials"),
        ("There are 223 cases, the agency reported last week.", "the agency"),
        ("There are 223 cases, said Ashraf al-Qudra, a ministry spokesman.", "Ashraf al-Qudra"),
        ("There are 223 cases, said Dr. Naim.", "Dr. Naim"),
        ("There are 223 cases, reported Al Jazeera.", "Al Jazeera"),
    ],
)
def test_a_speaker_after_the_verb_is_a_name_closing_its_clause_never_a_day(text, source_text):
    assert claim(text, "223").source_text == source_text


DEFINITIONS = yaml.safe_load((RULES / "definitions.yml").read_text(encoding="utf-8"))
SUSPECTED = {"en": "Officials reported 40 {w} cholera cases.", "he": "דווח על 40 מקרים {w} של כולרה.", "ar": "سجلت 40 حالة {w} بالكوليرا."}


@pytest.mark.parametrize(("lang", "word"), [(lang, w) for lang, ws in DEFINITIONS["suspected"].items() for w in ws])
def test_suspected_cases_are_a_series_of_their_own(lang, word):
    got = claim(SUSPECTED[lang].format(w=word), "40")
    assert (got.metric, got.definition) == ("cases", "suspected")


@pytest.mark.parametrize(
    ("text", "figure", "definition"),
    [
        # Not "confirmed": the disease is what narrows a case count (rules/lexicon/causes.yml).
        ("The department said 223 measles cases have been confirmed since late January.", "223", "measles"),
        ("The department said 223 confirmed measles cases were recorded.", "223", "measles"),
        ("The department said 223 cases have been confirmed since late January.", "223", None),
        ("The ministry said 300 confirmed deaths were recorded.", "300", "confirmed"),
    ],
)
def test_confirmed_is_no_narrowing_of_a_case_count(text, figure, definition):
    assert claim(text, figure).definition == definition


@pytest.mark.parametrize(
    ("text", "since"),
    [
        ("On the 1,000th day of the war in Ukraine, sirens sounded across the country.", dt.date(2022, 2, 24)),
        ("In Sudan, on the 551st day of the war, aid groups warned of famine.", dt.date(2023, 4, 15)),
        ("On the 455th day of the war in Gaza, the ministry said the toll had risen.", dt.date(2023, 10, 7)),
    ],
)
def test_a_day_count_counts_from_the_war_of_the_place_it_names(text, since):
    c = next(c for c in extract_document(_doc(text)).claims if c.scope == "day_count")
    assert c.since == since


def _doc(text: str):
    doc = load_text("case.txt", text + "\n")
    doc.published, doc.published_basis = dt.date(2024, 11, 25), "header"
    return doc


SCOPE = yaml.safe_load((RULES / "scope.yml").read_text(encoding="utf-8"))
GAPPED = {
    "ar": "{verb} عدد الوفيات بالكوليرا {prep} 165 حالة.",
    "he": "{verb} מספר ההרוגים בטורקיה {prep}9,057.",
}


@pytest.mark.parametrize(
    ("lang", "phrase"), [(lang, p) for lang in ("he", "ar") for p in SCOPE["linking"][lang] if "…" in p]
)
def test_a_linking_verb_reaches_its_figure_past_the_subject(lang, phrase):
    verb, prep = (p.strip() for p in phrase.split("…"))
    if lang == "he":
        prep += "-" if len(prep) == 1 else " "  # a glued prefix takes a hyphen, a word a space
    figure = "165" if lang == "ar" else "9,057"
    assert claim(GAPPED[lang].format(verb=verb, prep=prep), figure).metric == "deaths"


@pytest.mark.parametrize(
    ("text", "figure", "metric", "group"),
    [
        ("רק 3 בתי חולים פועלים ברצועה.", "3", None, "hospitals"),
        ("בעזה פועלים 16 מתוך 36 בתי החולים.", "36", None, "hospitals"),
        ("יש 40 חולים במחלקה.", "40", "cases", "people"),
        ("בסוף השבוע עלה ל־410 מספר חללי צה\"ל בלחימה.", "410", "deaths", "soldiers"),
    ],
)
def test_a_metric_word_that_only_qualifies_a_group_word_names_no_metric(text, figure, metric, group):
    got = claim(text, figure)
    assert (got.metric, got.group) == (metric, group)


@pytest.mark.parametrize(
    "name", ["Hawaii Gov. Josh Green", "Gov. Josh Green", "Governor Josh Green"],
)
def test_a_person_is_one_source_whatever_title_precedes_the_name(name):
    assert claim(f"{name} said 2,207 structures were destroyed.", "2,207").source == "josh_green"


@pytest.mark.parametrize(
    ("speaker", "source"),
    [("Maui County officials", "maui_county"), ("Maui County", "maui_county"), ("AFAD officials", "afad"), ("Turkish officials", "turkish_officials")],
)
def test_officials_speak_for_the_body_they_are_named_after(speaker, source):
    assert claim(f"{speaker} said 55 people had died.", "55").source == source


@pytest.mark.parametrize(("lang", "phrase"), [(lang, p) for lang in ("en", "he", "ar") for p in DEFINITIONS["including_damaged"][lang]])
def test_damaged_or_destroyed_is_a_count_of_its_own_of_buildings_destroyed(lang, phrase):
    ar = f"بلغ عدد المباني {phrase} 2,207 مبنى." if phrase.startswith("ال") else f"قالت السلطات إن 2,207 مبنى {phrase}."
    text = {"en": f"Officials said 2,207 structures were {phrase}.", "he": f"לדברי הרשות, 2,207 מבנים {phrase}.", "ar": ar}[lang]
    got = claim(text, "2,207")
    assert (got.metric, got.definition) == ("buildings_destroyed", "including_damaged")


@pytest.mark.parametrize(
    ("text", "figure", "phrase"),
    [
        ("Officials said 2,207 structures have been damaged or destroyed.", "2,207", "cumulative number of buildings damaged or destroyed"),
        ("Officials said 1,700 structures have been destroyed.", "1,700", "cumulative number of buildings destroyed"),
        ("Israel said 300 Palestinians were released on Monday.", "300", "number of Palestinians released"),
        ("The ministry said 46,565 Palestinians have been killed in Gaza.", "46,565", "cumulative death toll of Palestinians in Gaza"),
        ("The ministry said 300 identified Palestinians have been killed in Gaza.", "300", "cumulative identified death toll of Palestinians in Gaza"),
    ],
)
def test_a_finding_names_the_measure_in_plain_english(text, figure, phrase):
    from figcheck.checks.engine import measure

    assert measure(claim(text, figure), default_lexicon()) == phrase


@pytest.mark.parametrize(("lang", "verb"), [(lang, v) for lang in ("he", "ar") for v in ATTRIBUTION["verbs"][lang]])
def test_each_hebrew_and_arabic_reporting_verb_introduces_a_speaker_after_it(lang, verb):
    text = {"he": f"{verb} משרד הפנים כי 40 בני אדם נהרגו.", "ar": f"{verb} وزارة الداخلية أن 40 شخصا قتلوا."}[lang]
    assert claim(text, "40").source_text == {"he": "משרד הפנים", "ar": "وزارة الداخلية"}[lang]


@pytest.mark.parametrize(("lang", "word"), [(lang, w) for lang in ("he", "ar") for w in ATTRIBUTION["time_words"][lang]])
def test_a_time_word_between_the_verb_and_the_speaker_is_skipped(lang, word):
    text = {"he": f"כך מסר {word} משרד הפנים: 40 בני אדם נהרגו.", "ar": f"أعلنت {word} وزارة الداخلية أن 40 شخصا قتلوا."}[lang]
    assert claim(text, "40").source_text == {"he": "משרד הפנים", "ar": "وزارة الداخلية"}[lang]


@pytest.mark.parametrize(
    ("text", "source_text"),
    [
        ("לפי עדכון של משרד הפנים המרוקאי, מספר ההרוגים עומד על 2,122.", "משרד הפנים המרוקאי"),
        ("بحسب تحديث لوزارة الداخلية المغربية، بلغ عدد القتلى 2,122.", "وزارة الداخلية المغربية"),
    ],
)
def test_according_to_a_bodys_update_names_the_body(text, source_text):
    assert claim(text, "2,122").source_text == source_text


@pytest.mark.parametrize(
    ("text", "figure", "place"),
    [
        # Countries the hand-written entries do not name come from CLDR's names (tools/gen_countries.py).
        ("The death toll from floods and landslides in Nepal rose to 217 on Tuesday, police said.", "217", "nepal"),
        ("The death toll from flash floods in eastern Spain rose to 205, regional authorities said.", "205", "spain"),
        ("At least 18 people were killed in floods in Bosnia, police said.", "At least 18", "bosnia_and_herzegovina"),
        ("Fighting in the Democratic Republic of Congo has displaced 400,000 people this year.", "400,000", "congo_kinshasa"),
        ("Cyclone Chido killed at least 94 people in Mozambique.", "at least 94", "mozambique"),
        ("מספר ההרוגים בשיטפונות בנפאל עלה ל-217.", "217", "nepal"),
        ("ارتفع عدد قتلى الفيضانات في نيبال إلى 217 شخصا.", "217", "nepal"),
        # A name that is as often a US state stays out in English: no place rather than a wrong one.
        ("Hurricane Helene killed at least 25 people in Georgia.", "at least 25", None),
    ],
)
def test_a_country_the_lexicon_was_not_written_for_is_the_figures_place(text, figure, place):
    assert claim(text, figure).place == place


@pytest.mark.parametrize(
    ("text", "figure", "place"),
    [
        # Cities of half a million people and capitals come from GeoNames (tools/gen_cities.py).
        ("The death toll from the Los Angeles wildfires has risen to 24, the county medical examiner said.", "24", "los_angeles"),
        ("The number of people killed in the Air India crash in Ahmedabad has risen to 270.", "270", "ahmedabad"),
        ("The death toll in London rose to 7.", "7", "london"),
        # Hebrew and Arabic names where CLDR gives them.
        ("מספר ההרוגים בשריפות בלוס אנג'לס עלה ל-24.", "24", "los_angeles"),
        ("ارتفع عدد قتلى الغارات على دمشق إلى 24 شخصا.", "24", "damascus"),
        # A name two large cities share is no place (Valencia, Spain, and Valencia, Venezuela).
        ("The death toll from the floods in Valencia rose to 95.", "95", None),
        # A city is the figure's place only when the sentence names no larger place holding it.
        ("A 7.7-magnitude quake centred near Mandalay killed more than 1,000 people in Myanmar.", "more than 1,000", "myanmar"),
        ("At least 10 people have died in the wildfires in Los Angeles, California.", "At least 10", "california"),
        # Where a figure was said, or a city in a body's name, is not where it counts.
        ("Kenya has recorded 62 cholera cases, the health minister told reporters in Nairobi.", "62", None),
        ("The strongest tremor was a 5.2, according to the University of Athens.", "5.2", None),
        ("The death toll in Lebanon rose to 4,000, the ministry said on Sunday in Beirut.", "4,000", "lebanon"),
    ],
)
def test_a_large_city_is_the_figures_place(text, figure, place):
    assert claim(text, figure).place == place


def _titled(title: str, body: str) -> dict:
    doc = load_text("case.md", f"---\ntitle: {title}\ndate: 2025-06-20\n---\n{body}\n", ".md")
    return {c.text: c for c in extract_document(doc).claims}


@pytest.mark.parametrize(
    ("title", "body", "figure", "place"),
    [
        # A running toll in a paragraph that names no place is the place the headline names,
        # without a locative ("Ahmedabad crash ...") and through a name that is no place ("Air India").
        ("Ahmedabad crash victims identified", "Authorities have identified 210 victims of the Air India crash. The total death toll stands at 27, he said.", "27", "ahmedabad"),
        ("Spain's flood toll rises", "The death toll has risen to 158, officials said.", "158", "spain"),
        # A paragraph that names a place keeps its own reading; a headline of two places names none.
        ("Spain's flood toll rises", "Rescuers searched homes in Portugal. The death toll has risen to 12, officials said.", "12", "portugal"),
        ("Turkey, Syria quake toll rises", "The death toll has risen to 5,000, officials said.", "5,000", None),
        # Only a running toll takes it: one event's figure may have happened anywhere.
        ("Spain's flood toll rises", "Four people were killed when a bridge collapsed, officials said.", "Four", None),
    ],
)
def test_a_running_toll_whose_paragraph_names_no_place_is_the_headlines(title, body, figure, place):
    got = _titled(title, body)
    assert figure in got, list(got)
    assert got[figure].place == place


def test_a_city_lies_within_its_country_or_us_state():
    lexicon = default_lexicon()
    assert lexicon.within("ahmedabad") == "india"
    assert lexicon.within("los_angeles") == "california"
    assert lexicon.within("california") == "united_states"


def test_the_country_block_is_only_what_the_hand_written_entries_leave_out():
    """tools/gen_countries.py writes no country twice: a hand-written entry wins, and no name is
    claimed by two places."""
    places = yaml.safe_load((RULES / "places.yml").read_text(encoding="utf-8"))
    seen: dict[tuple[str, str], str] = {}
    for key, entry in places.items():
        for lang in ("en", "he", "ar"):
            for name in (entry or {}).get(lang) or []:
                other = seen.setdefault((lang, str(name).casefold()), key)
                assert other == key, f"{name!r} ({lang}) names both {other} and {key}"


@pytest.mark.parametrize(
    ("text", "figure", "place"),
    [
        # A running toll whose sentence names no place is the toll of the one place its paragraph is set in.
        ("About 400,000 homes in Florida were without power. The governor said the state's death toll had risen to 11.", "11", "florida"),
        ("Rescue teams worked through the night in eastern Spain. The death toll has risen to 158, officials said.", "158", "spain"),
        ("فيضانات في نيبال. وارتفع عدد القتلى إلى 217 شخصا.", "217", "nepal"),
        # Two places side by side set the paragraph in neither; a place in a city of it keeps the narrower one.
        ("The quake struck southern Turkey and northern Syria. The death toll has risen to 5,000.", "5,000", None),
        ("Floods hit homes in Valencia, in Spain, on Tuesday. The death toll has risen to 95.", "95", "spain"),
        # A figure of one event takes no place from its paragraph: only a running toll does.
        ("Crews restored power in Florida. A tree fell on a house and killed two people.", "two", None),
    ],
)
def test_a_running_toll_takes_the_place_its_paragraph_is_set_in(text, figure, place):
    assert claim(text, figure).place == place


def test_a_place_named_in_a_part_is_the_parts_not_the_wholes():
    text = "The army said 840 soldiers have been killed on all fronts, including 405 in Gaza."
    assert (claim(text, "840").place, claim(text, "405").place) == (None, "gaza")
