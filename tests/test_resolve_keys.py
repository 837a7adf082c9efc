"""Metric and group read from the whole claim: units, linked figures, shares, lists, verbs first."""

from __future__ import annotations

import datetime as dt

import pytest

from figcheck.load import load_text
from figcheck.pipeline import extract_document


def claims(text: str, published: dt.date = dt.date(2025, 1, 10)) -> dict[str, object]:
    doc = load_text("case.txt", text + "\n")
    doc.published, doc.published_basis = published, "header"
    return {c.text: c for c in extract_document(doc).claims}


def assert_keys(text: str, expected: dict[str, object], key: str) -> None:
    """Each figure of ``expected`` is extracted from ``text`` and its ``key`` is as expected."""
    got = claims(text)
    for figure, want in expected.items():
        assert figure in got, f"{figure!r} not extracted from {text!r}: {sorted(got)}"
        assert getattr(got[figure], key) == want, f"{figure!r} in {text!r}: {getattr(got[figure], key)}"



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count metric needs a count; a money metric needs money; temperature needs degrees.
        ("Wildfires have burned more than 27,000 acres and destroyed an estimated 2,000 homes.", {"more than 27,000 acres": None}),
        ("The cabinet approved a plan to call up tens of thousands of reservists that could cost the economy billions.", {"tens of thousands": None}),
        ("1,301 people died during the hajj, 83% of them unregistered pilgrims who walked in temperatures of 51.8C.", {"83%": "deaths", "51.8C": "temperature"}),
        # A comma ends the figure: the speaker after it is no counted noun, the toll before it names the metric.
        ("The death toll has risen to 158, officials said.", {"158": "deaths"}),
        ("The number of wounded has climbed to 2,400, hospital staff said.", {"2,400": "injuries"}),
        # A linking verb makes the figure its subject's value, whatever follows.
        ("Quarterly profit nearly doubled to $22.1 billion, and the firm guided for sales of $43 billion.", {"$22.1 billion": "profit"}),
        ("The fiscal 2024 deficit came in at $1.833 trillion, up 8% from the prior year.", {"$1.833 trillion": "debt", "8%": "debt"}),
        # A noun nearest the figure wins over a verb spelt the same ("interest costs").
        ("Interest costs will exceed $1 trillion this year.", {"exceed $1 trillion": "cost"}),
        # Words inside a body's name are no metric ("the Congressional Budget Office").
        ("Federal debt stands at $28.9 trillion, roughly 98% of output, the Congressional Budget Office said.", {"roughly 98%": "debt"}),
        # A noun hyphenated to the figure is part of it.
        ("A 7.7-magnitude quake centred near Mandalay killed more than 1,000 people.", {"more than 1,000": "deaths"}),
        # In "A of the B nouns VERB" the verb is the part's, the noun the whole's.
        ("Officials believe 35 of the 79 hostages still in Gaza are dead.", {"35": "deaths", "79": "hostages"}),
        # The noun after an English figure outranks a noun later in the sentence.
        ("Putin won a fifth term with 87.28% of the vote, the commission said, on a record turnout of 77.49%.", {"87.28%": "votes", "77.49%": "turnout"}),
        # Days since a start are a day count; days held are a duration.
        ("Ukraine marked 1,000 days since Russia's full-scale invasion on Tuesday.", {"1,000 days": "day_count"}),
        ("The women were released after 471 days in captivity.", {"471 days": "duration"}),
        # A rate is a percentage: "capacity grew by 357 gigawatts" is no growth rate.
        ("China's wind capacity grew by 357 gigawatts in 2024.", {"357 gigawatts": None}),
        ("The economy grew 2.1% in 2024.", {"2.1%": "growth"}),
        # The noun phrase's own verb outranks a noun later in the predicate.
        ("At least 50,000 people died in the first 10 months of the year from illnesses.", {"At least 50,000": "deaths"}),
        # "bringing the total to …" continues the count before it.
        ("Five more people had died of hunger, bringing the total to 227, including 103 children.", {"227": "deaths", "103": "deaths"}),
        ("سجلت الوزارة خمس حالات وفاة جديدة، ليرتفع العدد الإجمالي إلى 230 شخصا.", {"230": "deaths"}),
        ("سجلت الوزارة خمس حالات وفاة جديدة، ليرتفع العدد الإجمالي إلى 230 حالة.", {"230": "deaths"}),
        # ... unless the total names its own metric with a verb.
        ("52 bodies arrived and 203 people were injured, bringing the cumulative toll to 45,129 killed.", {"45,129": "deaths"}),
        # A part named with "including" gets its metric's group when it names none.
        ("Tobacco kills more than 8 million people a year, including around 1.3 million non-smokers.", {"around 1.3 million": "deaths"}),
        # A population is a count: a share of it takes the verb's metric, not "population".
        ("About 96% of the population faces crisis levels of hunger.", {"About 96%": None}),
        ("Roughly 90% of the population have been displaced at least once.", {"Roughly 90%": "displaced"}),
        ("The country had a pre-war population of 22 million.", {"22 million": "population"}),
        # A trigger the unit cannot carry leaves room for the next one: "residents" is no population.
        ("The blaze forced the evacuation of some 20,000 residents and destroyed about 130 structures.", {"some 20,000": "evacuations", "about 130": "buildings_destroyed"}),
        # Figures joined by "to", "from", "up" are one measure.
        ("Tesla's profit rose 17% to $2.17 billion in the third quarter.", {"17%": "profit", "$2.17 billion": "profit"}),
        ("UK inflation jumped to 3% in January from 2.5% in December.", {"3%": "inflation", "2.5%": "inflation"}),
        ("Average monthly rent reached ₪7,850 last year, up 6.2%.", {"₪7,850": "price", "6.2%": "price"}),
        ("שיעור ההתחסנות עומד על כ־60%, לעומת 95% הנדרשים.", {"כ־60%": "vaccinations", "95%": "vaccinations"}),
        ("تباطأ معدل التضخم إلى 24% في يناير، من 24.1% في ديسمبر.", {"24%": "inflation", "24.1%": "inflation"}),
        # A bound written apart from its number spans the noun that names the metric.
        ("بلغ عدد الشهداء ٤٦٬٥٦٥ شهيدا، فيما تجاوز عدد الجرحى ١٠٩ آلاف.", {"تجاوز عدد الجرحى ١٠٩ آلاف": "injuries"}),
        # Hebrew and Arabic verbs come first, with a word or two before the figure.
        ("ב־24 השעות האחרונות נהרגו ברצועה 61 בני אדם ונפצעו 215.", {"61": "deaths", "215": "injuries"}),
        ("أفرجت سلطات الاحتلال فجر الاثنين عن 90 أسيرا من سجن عوفر.", {"90": "releases"}),
        # Lists where the counted noun follows its figure.
        ("בתקיפה נהרגו חמישה בני משפחה אחת, בהם שתי נשים ושלושה ילדים.", {"שתי": "deaths", "שלושה": "deaths"}),
        ("أسفرت الغارات عن استشهاد 400 فلسطيني، بينهم 183 طفلا و94 امرأة.", {"183": "deaths", "94": "deaths"}),
        # A verb with a conjunction glued to it ends the noun phrase before it.
        ("מתחילת העונה אובחנו בישראל 312 חולי קדחת ונפטרו 21.", {"312": "cases", "21": "deaths"}),
        # The previous figure's noun is its own: "59 חברי כנסת מול 53" are two vote counts.
        ("ההצעה אושרה ברוב של 59 חברי כנסת מול 53.", {"59": "votes", "53": "votes"}),
        # The whole counts what its part counts.
        ("לקואליציה 68 חברי כנסת מתוך 120.", {"68": "seats", "120": "seats"}),
        ("טראמפ זכה ב־312 אלקטורים לעומת 226 של האריס.", {"226": "votes"}),
        # A tally written "name – figure" is a list of one measure.
        ("בסקר: כחול לבן – 18 מנדטים, העבודה – 9, מרצ – 6.", {"9": "seats", "6": "seats"}),
        # A share "of them" counts what the figure before counts, unless it names its own metric.
        ("توفي ١٬٣٠١ حاج خلال موسم الحج، ٨٣٪ منهم غير مصرح لهم.", {"٨٣٪": "deaths"}),
        ("59 חטופים עדיין מוחזקים בעזה, ולפחות 35 מהם אינם בחיים.", {"ולפחות 35": "deaths"}),
    ],
)
def test_metric(text, expected):
    got = claims(text)
    assert {k: got[k].metric for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "more" / "נוספים" count more of the same people.
        ("דובר צה\"ל מסר כי שלושה לוחמים נהרגו בקרב, ושניים נוספים נפצעו באורח קשה.", {"שניים": "soldiers"}),
        ("Three soldiers were killed and two more were wounded.", {"two": "soldiers"}),
        # A part set off by a comma is another phrase: the figure keeps its own noun's group.
        ("Eighteen people, most of them women and children, died in the strike.", {"Eighteen": "people"}),
        # A bare figure continues the main count, not a part named with "including".
        ("Floods killed at least 82 people, including 28 children, and officials said 41 were still unaccounted for.", {"41": "people"}),
        # "of them" shares the group even when the figure names its own metric.
        ("More than 10,000 Palestinians are held in Israeli jails, around 3,400 of them in administrative detention.", {"around 3,400": "palestinians"}),
        # An abbreviation with dots is one word of the noun phrase.
        ("A data centre uses as much power as some 750,000 U.S. homes.", {"some 750,000": "homes"}),
        # Who hostages and prisoners are where the story is set (places.yml 'populations').
        ("Officials believe 101 hostages remain in Gaza.", {"101": "israelis"}),
        ("על פי ההערכות, 59 חטופים עדיין מוחזקים בעזה.", {"59": "israelis"}),
        ("Troops detained 18 suspects in the West Bank overnight.", {"18": "palestinians"}),
        # ... and nowhere else.
        ("Gunmen abducted 20 hostages in the north of the country.", {"20": "people"}),
        # The whole takes the part's group: "16 hospitals out of 36".
        ("قالت منظمة الصحة العالمية إن 16 مستشفى فقط من أصل 36 تعمل جزئيا.", {"16": "hospitals", "36": "hospitals"}),
    ],
)
def test_group(text, expected):
    got = claims(text)
    assert {k: got[k].group for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "figure", "scope"),
    [
        # A rate or a level moves both ways: "rose to" makes no running total of it.
        ("Consumer price inflation rose to 3.8% in July, the statistics office said.", "3.8%", None),
        ("The jobless rate has risen to 5.1% since the spring.", "5.1%", None),
        ("Core inflation rose to 3.5% from 3.3%.", "3.5%", None),
        ("The gap in the polls has climbed to 4.5 percentage points since the debate.", "4.5 percentage points", None),
        ("Bitcoin's price rose to $103,800 on Thursday.", "$103,800", None),
        ("Temperatures climbed to 41C in Seville on Sunday.", "41C", None),
        ("Wind speeds rose to 150 km/h as the storm neared the coast.", "150 km/h", None),
        ("The magnitude of the quake was revised and has risen to 7.1.", "7.1", None),
        # A count or a sum of money still adds up.
        ("The death toll rose to 2,012, the interior ministry said.", "2,012", "cumulative"),
        ("The cost of the war has risen to $67 billion since October.", "$67 billion", "cumulative"),
    ],
)
def test_rates_and_levels_are_no_running_total(text, figure, scope):
    got = claims(text)
    assert figure in got, sorted(got)
    assert got[figure].scope == scope


@pytest.mark.parametrize(
    ("text", "whole", "part", "part_scope"),
    [
        # A part that counts what its whole counts is no second figure for the running total.
        ("The number of people killed in the Air India crash in Ahmedabad has risen to 270, including 29 people on the ground.", "270", "29", None),
        ("The death toll has risen to 158, among them 12 people who died in hospital.", "158", "12", None),
        ("The death toll from the floods in eastern Spain rose to 217 on Monday, with 213 of the victims in Valencia province, officials said.", "217", "213", None),
        # A part of other people keeps its own running total.
        ("At least 45,000 Palestinians have been killed since October 7, including 17,000 children.", "At least 45,000", "17,000", "cumulative"),
    ],
)
def test_a_part_of_the_same_count_is_no_running_total(text, whole, part, part_scope):
    got = claims(text)
    assert got[whole].scope == "cumulative"
    assert got[part].scope == part_scope


@pytest.mark.parametrize(
    ("text", "scopes"),
    [
        # The figure a sentence brings the total to is the running total; what brought it there is not.
        ("Five more people died on Monday, bringing the total to 227.", {"Five": None, "227": "cumulative"}),
        (
            "The Eaton Fire killed 17 people and the Palisades Fire killed 12, bringing the total death toll from the Los Angeles fires to 29, the medical examiner said.",
            {"17": None, "12": None, "29": "cumulative"},
        ),
        # A rate is never a running total, whatever brings it there.
        ("Inflation rose 0.3% in May, bringing the annual rate to 3.1%.", {"0.3%": None, "3.1%": None}),
        # The total is no increment though the sentence counts one; its parts share its scope.
        (
            "Gaza's health ministry said five more people had died in the past 24 hours, bringing the total to 227, including 103 children.",
            {"five": "increment", "227": "cumulative", "103": "cumulative"},
        ),
        # Words may stand between the phrase and its "to" (إلى).
        (
            "قال نادي الأسير الفلسطيني إن قوات الاحتلال اعتقلت نحو 25 مواطنا من الضفة الغربية منذ مساء أمس، ليرتفع عدد حالات الاعتقال منذ بدء الحرب إلى أكثر من 14,300.",
            {"نحو 25": None, "أكثر من 14,300": "cumulative"},
        ),
    ],
)
def test_what_a_sentence_brings_the_total_to(text, scopes):
    got = claims(text)
    assert {figure: got[figure].scope for figure in scopes} == scopes


def test_a_multiplier_is_no_figure_of_the_count():
    got = claims("COVID-19 killed more than 7 million people, though the WHO believes the true toll is two to three times higher.")
    assert got["more than 7 million"].scope == "cumulative"
    assert got["two to three"].scope is None


@pytest.mark.parametrize(
    "text",
    [
        "Gaza's health ministry said five more people had died of malnutrition and starvation, bringing the total to 227.",
        "أعلنت وزارة الصحة في غزة تسجيل خمس حالات وفاة جديدة بسبب المجاعة وسوء التغذية، ليرتفع العدد الإجمالي إلى 227 حالة.",
    ],
)
def test_hunger_deaths_are_a_count_of_their_own(text):
    assert claims(text)["227"].definition == "malnutrition"


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        # "since" after a superlative marks a record, not a running total.
        ("Turnout was 70.6%, the highest since 2015.", None),
        ("The consumer price index rose 0.5% in January, the biggest monthly gain since August 2023.", None),
        ("46,565 Palestinians have been killed since the war began.", "cumulative"),
    ],
)
def test_record_since_is_no_running_total(text, scope):
    assert next(iter(claims(text).values())).scope == scope


@pytest.mark.parametrize(
    ("text", "figure", "source", "group"),
    [
        # A generic name stands for the source that works where the story is set.
        ("The death toll in Gaza has passed 50,000, the Health Ministry says.", "passed 50,000", "gaza_health_ministry", "palestinians"),
        ("Gaza death toll nears 52,000, ministry says.", "nears 52,000", "gaza_health_ministry", "palestinians"),
        ("The death toll in Lebanon rose to 4,000, the health ministry said.", "4,000", "lebanon_health_ministry", "lebanese"),
        # Without the place, "the ministry" stays whatever it is called.
        ("The death toll rose to 4,000, the Health Ministry said.", "4,000", "health_ministry", "people"),
        # A reporting verb with a glued conjunction: "وقالت الوزارة".
        ("وقالت الوزارة إن مستشفيات القطاع استقبلت 52 شهيدا.", "52", "gaza_health_ministry", "palestinians"),
        # A post's label in a script without capitals is a known source's name.
        ("משרד הבריאות בעזה: 47,000 הרוגים מאז תחילת המלחמה.", "47,000", "gaza_health_ministry", "palestinians"),
        ("نقاط مهمة: قتل 30 شخصا.", "30", None, "people"),
    ],
)
def test_source_and_its_population(text, figure, source, group):
    got = claims(text)[figure]
    assert (got.source, got.group) == (source, group)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A share names no people: it takes no default group.
        ("The death toll in Gaza has passed 50,000, the Health Ministry says, with women and children more than half of the dead.", {"more than half": None}),
        # Money after a count does not borrow the count's group.
        ("The kingdom will build 15 stadiums at a cost of some $10bn.", {"15": "buildings", "some $10bn": None}),
    ],
)
def test_group_stays_with_what_is_counted(text, expected):
    got = claims(text)
    assert {k: got[k].group for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # In Hebrew and Arabic a comma ends the predicate: the next clause's noun is not the figure's.
        ("فاز الرئيس بنسبة 94.65% من الأصوات، فيما بلغت نسبة المشاركة 48.03%.", {"94.65%": "votes", "48.03%": "turnout"}),
        ("قال رئيس البلدية إن عدد الوفيات قد يصل إلى 20 ألفا، بعد انهيار سدين.", {"20 ألفا": "deaths"}),
    ],
)
def test_metric_stays_with_its_clause(text, expected):
    got = claims(text)
    assert {k: got[k].metric for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A result "A-B" after a result word: goals up to nine a side, points above.
        ("Arsenal won 3-1 at Brighton on Saturday.", {"3": "goals", "1": "goals"}),
        ("Celtic thrashed Rangers 4-0 in Glasgow.", {"4": "goals", "0": "goals"}),
        ("The Lakers beat the Celtics 112-104 in overtime.", {"112": "points", "104": "points"}),
        ("Maccabi stretched their run to 11 games with a 91-80 victory.", {"91": "points", "80": "points"}),
        # A division "by A-B" or "by A to B" is votes; a split after a chamber is its seats.
        ("The Senate passed the bill by 68 to 31 on Tuesday.", {"68": "votes", "31": "votes"}),
        ("Democrats will control the House 220-215.", {"220": "seats", "215": "seats"}),
        # No result word, no result: a plain pair keeps no metric.
        ("The shop is open 9-5 on weekdays.", {"9": None, "5": None}),
    ],
)
def test_score_lines(text, expected):
    assert_keys(text, expected, "metric")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A figure that names a thing no metric counts borrows no metric from its neighbour ...
        ("He had 24 points and eight rebounds in the win.", {"24": "points", "eight": None}),
        ("Her lead was cut to 47 points with four races left.", {"47": "points", "four": None}),
        # ... nor from a verb or a metric noun further on in its sentence.
        ("More than 8,000 firefighters battled the blaze, which forced the evacuation of some 20,000 residents.",
         {"More than 8,000": None, "some 20,000": "evacuations"}),
        ("The outbreak has caused 10 deaths, and nearly 300 contacts were being monitored.", {"10": "deaths", "nearly 300": None}),
        # A part named with "including" still counts what its whole counts.
        ("Tobacco kills more than 8 million people a year, including around 1.3 million non-smokers.", {"around 1.3 million": "deaths"}),
        # Candidates elected outright are seats.
        ("A record 76 candidates were elected outright.", {"76": "seats"}),
    ],
)
def test_own_counted_noun(text, expected):
    assert_keys(text, expected, "metric")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A generic people noun gives way to the group named beside it ...
        ("Fewer than 30,000 Palestinian workers now enter Israel each day.", {"Fewer than 30,000": "palestinians"}),
        ("About 4,000 Lebanese residents returned home.", {"About 4,000": "lebanese"}),
        # ... but a telling noun at the head still wins, and "people" alone stays people.
        ("More than 1,000 Palestinian health workers have been killed.", {"More than 1,000": "health_workers"}),
        ("At least 23 people were killed overnight.", {"At least 23": "people"}),
    ],
)
def test_generic_people_noun(text, expected):
    assert_keys(text, expected, "group")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Eligible voters are an electorate (population), not votes; casting ballots are votes.
        ("Some 6.8 million eligible voters will choose a new parliament.", {"Some 6.8 million": ("population", "people")}),
        ("6.8 מיליון בעלי זכות בחירה רשאים להצביע.", {"6.8 מיליון": ("population", "people")}),
        ("Nearly 41 million Americans had already voted early.", {"Nearly 41 million": ("votes", "people")}),
        # A purse is prize money, and a share "of the record" purse is part of it.
        ("He collected $4.2m of the record $21m purse.", {"$4.2m": ("revenue", None), "$21m": ("revenue", None)}),
    ],
)
def test_electorate_and_prize_money(text, expected):
    got = claims(text)
    for figure, (metric, group) in expected.items():
        assert figure in got, f"{figure!r} not extracted from {text!r}: {sorted(got)}"
        assert (got[figure].metric, got[figure].group) == (metric, group), f"{figure!r} in {text!r}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A metric word that introduces the next figure is that figure's, not the one before it.
        ("The AfD doubled its share to 20.8% in the election, and turnout of 82.5% was the highest since 1990.",
         {"20.8%": "votes", "82.5%": "turnout"}),
        ("Dan won the runoff with 53.6% against 46.4% for Simion, the bureau said, on turnout of almost 65%.",
         {"46.4%": "votes", "almost 65%": "turnout"}),
        # What someone is to be paid is wages, however far back the verb.
        ("The 25-year-old will reportedly earn about €15 million a year after tax, plus a signing bonus of more than €100m.",
         {"about €15 million": "wages", "more than €100m": "wages"}),
    ],
)
def test_word_of_the_next_figure(text, expected):
    assert_keys(text, expected, "metric")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A crowd "in front of" a figure is attendance; the verb is that figure's, not the score's.
        ("Hapoel extended their run to 11 games with an 89-84 victory, in front of 11,600 at the arena.",
         {"89": "points", "84": "points", "11,600": "attendance"}),
        # Prisoners "in exchange for" hostages are released, not detained.
        ("Hamas is to free 33 hostages in exchange for hundreds of Palestinian prisoners.", {"hundreds": "releases"}),
        # A far verb still reaches a subject across a part named on the way.
        ("Four members of one family, including two toddlers, were killed on Thursday.", {"Four": "deaths"}),
    ],
)
def test_verb_of_a_later_figure(text, expected):
    assert_keys(text, expected, "metric")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A poll's sample and its margin of error count no metric, whatever stands beside them.
        ("Harris leads Trump 48% to 47%, within the poll's margin of error of plus or minus 3.5 percentage points, "
         "a Marist survey of 1,400 adults found.", {"3.5 percentage points": (None, None), "1,400": (None, "people")}),
        ("The poll gave Likud 24 seats and Bennett 21; the survey of 503 respondents had a 4.4% margin of error.",
         {"24": ("seats", None), "503": (None, "people")}),
        ("הסקר נערך בקרב 503 משיבים, וטעות הדגימה המרבית היא 4.4%.", {"503": (None, "people")}),
        ("The chipmaker guided for sales of $43 billion, plus or minus 2%.", {"2%": (None, None)}),
        # A candidate who polled a share still has a vote share.
        ("Georgescu, who had polled under 5%, took 22.9% of the vote.", {"under 5%": ("votes", None)}),
    ],
)
def test_poll_sample_and_error(text, expected):
    got = claims(text)
    for figure, (metric, group) in expected.items():
        assert figure in got, f"{figure!r} not extracted from {text!r}: {sorted(got)}"
        assert (got[figure].metric, got[figure].group) == (metric, group), f"{figure!r} in {text!r}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A part "A of the B nouns" counts what its whole counts, across a possessive too.
        ("The WHO says only 16 of the territory's 36 hospitals are even partially functioning.", {"16": "hospitals", "36": "hospitals"}),
        ("Only 16 of the 36 hospitals are functioning.", {"16": "hospitals"}),
    ],
)
def test_part_takes_its_wholes_group(text, expected):
    assert_keys(text, expected, "group")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A place's name later in the noun phrase is where, not who ("سوريا": Syria) ...
        ("ضرب زلزال بقوة 7.8 درجات جنوب تركيا وشمال سوريا فجر الاثنين.", {"7.8": None}),
        # ... but right after the number the same word is the counted people ("15 Syrians").
        ("غرق 15 سوريا قبالة السواحل.", {"15": "syrians"}),
    ],
)
def test_place_name_is_no_group(text, expected):
    assert_keys(text, expected, "group")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The own-noun rule past an apposition, and in Hebrew and Arabic.
        ("Salah finished with 29 goals and 18 assists, the most goal involvements in a season.", {"29": "goals", "18": None}),
        ("דני אבדיה קלע 30 נקודות ומסר 10 אסיסטים בניצחון של פורטלנד.", {"30": "points", "10": None}),
        ("أنهى محمد صلاح الموسم برصيد 29 هدفا و18 تمريرة حاسمة.", {"29": "goals", "18": None}),
        # A comparison is no counted noun: "almost twice the national average" stays a price.
        ("מחיר דירה ממוצע בתל אביב חצה את רף ה־4 מיליון ₪, כמעט פי שניים מהממוצע הארצי.", {"כמעט פי שניים": "price"}),
    ],
)
def test_own_counted_noun_everywhere(text, expected):
    assert_keys(text, expected, "metric")


def test_survivors_are_people():
    got = claims("Rescuers pulled 14 survivors from the rubble on Thursday.")
    assert got["14"].group == "people"
    got = claims("הכוחות חילצו 14 ניצולים מההריסות.")
    assert got["14"].group == "people"


def _lexicon_words(section: str, key: str) -> list[str]:
    from figcheck.resolve.lexicon import default_lexicon

    return default_lexicon().words(section, key, "en")


@pytest.mark.parametrize("words", _lexicon_words("scope", "introduces"))
def test_every_introducing_word_gives_its_metric_to_the_next_figure(words):
    got = claims(f"Hapoel won with an 89-84 victory, and the crowd {words} 11,600.")
    assert (got["84"].metric, got["11,600"].metric) == ("points", "attendance")


@pytest.mark.parametrize("lead", _lexicon_words("scope", "introduces_lead"))
def test_every_lead_word_between_a_metric_word_and_its_figure(lead):
    got = claims(f"Hapoel won with an 89-84 victory, and the crowd was {lead} 11,600.")
    assert got["84"].metric == "points"


@pytest.mark.parametrize("hedge", _lexicon_words("scope", "hedges"))
def test_every_hedge_is_no_counted_noun(hedge):
    from figcheck.resolve.lexicon import default_lexicon
    from figcheck.resolve.resolver import resolver

    # A figure whose "noun" is a hedge names nothing of its own and may borrow a metric ...
    assert not resolver(default_lexicon(), "en")._counts_other(hedge, "count")
    if hedge not in {"about", "around", "some", "nearly", "almost"}:  # these open the next figure instead
        # ... such as the verb it shares with a second estimate.
        got = claims(f"The minister said several hundred, {hedge} a thousand, people may have died.")
        assert got["several hundred"].metric == "deaths"


@pytest.mark.parametrize("words", ["bringing its total for the region this year to", "bringing the total so far to", "bringing their total to"])
def test_running_total_with_words_before_its_to(words):
    got = claims(f"The EU pledged €3 million in emergency aid on Wednesday, {words} over €120m.")
    assert got["over €120m"].metric == "aid"


@pytest.mark.parametrize("words", _lexicon_words("scope", "restates"))
def test_every_restating_phrase_counts_what_the_figure_before_counts(words):
    got = claims(f"Turkey's annual inflation eased to 48.58% in October, while an independent group of economists {words} nearly 89.74%.")
    assert got["nearly 89.74%"].metric == "inflation"


@pytest.mark.parametrize("words", _lexicon_words("scope", "multiplier"))
def test_every_multiplier_counts_what_it_multiplies(words):
    got = claims(f"Dengue cases in the Americas topped 12.6 million this year, three {words} the 2023 total, PAHO said.")
    three = next(c for text, c in got.items() if text.startswith("three"))
    assert (three.metric, three.group) == ("cases", "people")


def test_a_multiplier_of_money_keeps_its_metric():
    got = claims("The average flat in Tel Aviv cost $1.2 million, almost two times the national average.")
    two = next(c for text, c in got.items() if "two" in text)
    assert two.metric == got["$1.2 million"].metric == "cost"


@pytest.mark.parametrize(
    ("text", "figure", "metric"),
    [
        # A noun hyphenated to the figure, hyphen and all.
        ("Labour won a majority in the 650-seat House of Commons.", "650", "seats"),
        # "more than half of it": a share of the figure before, counting what it counts.
        ("Microsoft plans to spend $80bn on data centres, more than half of it in the U.S.", "more than half", "cost"),
    ],
)
def test_glued_noun_and_share_of_it(text, figure, metric):
    got = claims(text)
    found = next(c for t, c in got.items() if t.startswith(figure))
    assert found.metric == metric


@pytest.mark.parametrize("words", ["left the island", "left the city", "left the area", "left the region"])
def test_leaving_a_place_is_an_evacuation(words):
    got = claims(f"More than 11,000 people have {words} by ferry and plane, the coastguard said.")
    assert got["More than 11,000"].metric == "evacuations"


@pytest.mark.parametrize("words", ["market value", "market capitalisation", "market capitalization", "market cap"])
def test_market_value_is_a_price(words):
    got = claims(f"Shares of Nvidia plunged 17% on Monday, wiping nearly $600 billion off its {words}.")
    assert got["nearly $600 billion"].metric == "price"


@pytest.mark.parametrize(
    ("text", "figure", "group"),
    [
        ("The cabinet approved a plan to call up tens of thousands of reservists.", "tens of thousands", "soldiers"),
        ("About 96% of the population is in crisis levels of food insecurity.", "About 96%", "people"),
    ],
)
def test_reservists_and_the_population(text, figure, group):
    assert claims(text)[figure].group == group


@pytest.mark.parametrize("verb", ["pledged to invest", "will invest", "invest"])
def test_investing_is_a_cost(verb):
    got = claims(f"OpenAI and SoftBank {verb} up to $500 billion in U.S. AI infrastructure.")
    assert got["up to $500 billion"].metric == "cost"


@pytest.mark.parametrize(
    ("text", "figure", "metric"),
    [
        # A verb's one-word object may stand between it and its figure.
        ("The war has cost Israel some $67 billion so far, the central bank estimates.", "some $67 billion", "cost"),
        # A change after a period written with a hyphen ("for 2026-27, a cut of 21%") is the same measure.
        ("WHO member states approved a budget of $4.2 billion for 2026-27, a cut of 21%.", "21%", "budget"),
        # A noun, then what its people did: the noun is the figure's, the act its part's.
        ("Turnout was 70.6%, the highest since 2015, with roughly 4.8 million of the country's 6.8 million eligible voters casting ballots.",
         "6.8 million", "population"),
        ("Turnout was 70.6%, the highest since 2015, with roughly 4.8 million of the country's 6.8 million eligible voters casting ballots.",
         "roughly 4.8 million", "votes"),
        # ... but a list of counted things is still a mixed count.
        ("The hospital is overwhelmed with 500 patients, wounded and displaced persons.", "500", None),
    ],
)
def test_object_names_hyphenated_periods_and_acts(text, figure, metric):
    assert claims(text)[figure].metric == metric


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One side of a result read its metric from a word of its own; the other side shares it.
        ("Spain beat England 2-1 in Berlin with a late goal from Mikel Oyarzabal.", {"2": "goals", "1": "goals"}),
        # A figure restating the one before it takes the metric a later verb gave that one.
        ("Some 630,000 died of AIDS-related illnesses last year, the lowest since the peak of 2.1 million in 2004.",
         {"Some 630,000": "deaths", "2.1 million": "deaths"}),
    ],
)
def test_score_sides_and_restated_peaks(text, expected):
    assert_keys(text, expected, "metric")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Verbs read for money only: winning an amount is prize money, a levy raising one revenue ...
        ("Scheffler won the Masters and $3.6 million on Sunday.", {"$3.6 million": "revenue"}),
        ("The new levy would raise £4 billion a year, the Treasury said.", {"£4 billion a year": "revenue"}),
        # ... while a share that is won stays a vote share.
        ("The Greens won 14% of the vote in the state election.", {"14%": "votes"}),
        # A price is money: "behind closed doors" prices nothing; what a phrase's last word counts is its own.
        ("The club was fined $100,000 and ordered to play three home matches behind closed doors.", {"three": None}),
        ("Brent crude closed at $74.20 a barrel on Friday.", {"$74.20": "price"}),
        # Assets quoted by their price.
        ("Ether topped $4,000 for the first time since March.", {"topped $4,000": "price"}),
        ("The Nasdaq is down 12% from its December peak.", {"12%": "price"}),
        # A player's contract and a club's payroll are wages; a relative clause's verb is not the figure's.
        ("The striker signed a five-year, £200 million contract with the club.", {"£200 million": "wages"}),
        ("The Yankees' payroll this year will top $300 million, which could cost the owners $60m in tax.",
         {"$300 million": "wages", "$60m": "cost"}),
        # What an amount is, named right after it, outranks a verb further on ...
        ("Parliament approved a €200 billion defence fund to be spent over ten years.", {"€200 billion": "budget"}),
        # ... but not a noun past a conjunction.
        ("The 2026 budget totals $90 billion and sets a deficit target of 3% of GDP.", {"$90 billion": "budget"}),
        # A part's whole is the figure before it in the same unit, not a vote between them.
        ("The Senate passed $40 billion in disaster aid by 70-28, including $12 billion for farmers.", {"$12 billion": "aid"}),
        ("The firms pledged to invest $20 billion over five years, starting with $5 billion this year.", {"$5 billion": "cost"}),
        # A target the figure falls short of, or a restatement with a hedge, counts what it counts.
        ("Donors pledged $2 billion at the conference, far short of the $6 billion the U.N. had requested.", {"$6 billion": "aid"}),
        ("The ministry put the cost at $3 billion, though economists put the figure closer to $5 billion.", {"$5 billion": "cost"}),
        # A percentage that is a tariff's, a stake's or a discount's own rate is no share of anything.
        ("The EU imposed a 25% tariff on steel imports from China.", {"25%": None}),
        ("The fund bought a 5% stake in the airline for $300 million.", {"5%": None}),
        ("Some 30% of tax revenue comes from oil and gas.", {"Some 30%": "revenue"}),
    ],
)
def test_money_metrics(text, expected):
    assert_keys(text, expected, "metric")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A contrast after a comma reads nothing back across it, and a bare figure after it continues
        # the last figure in its own unit, not a percentage between them.
        ("The Liberals won 169 of the 343 seats on 43.7% of the vote, while the Conservatives fell to 144.", {"144": "seats"}),
        ("Brent rose 2% to $81 a barrel, but WTI slipped to $77.", {"$77": "price"}),
        # A source named between two figures of one measure does not part them.
        ("Unemployment rose to 4.2% in March, the Labor Department said, up from 4.1%.", {"4.1%": "unemployment"}),
        ("Donors gave $4.1 billion in aid to the appeal, the agency said, up from $2.9 billion three years earlier.",
         {"$2.9 billion": "aid"}),
    ],
)
def test_contrast_and_said_between_figures(text, expected):
    assert_keys(text, expected, "metric")


def test_subordinate_clause_is_not_the_figures_predicate():
    # "until …" opens a clause with its own subject: its noun names nothing about the figure.
    assert_keys("The club's payroll carries $40 million until the settlement is paid in full.", {"$40 million": "wages"}, "metric")
