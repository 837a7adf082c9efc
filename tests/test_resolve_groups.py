"""Who a figure counts when its own noun names no one, or only "people" (resolve/people.py)."""

from __future__ import annotations

import pytest

from test_resolve_keys import assert_keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The people a count is counted among (scope.yml 'among').
        ("Some 12,000 cholera cases were reported this month, mostly among displaced children.", {"Some 12,000": "children"}),
        ("Doctors recorded 640 dengue infections, largely among soldiers, in the past week.", {"640": "soldiers"}),
        # A share among voters is a vote share: it counts no people.
        ("Harris leads Trump 48% to 47% among likely voters in Pennsylvania.", {"47%": None}),
    ],
)
def test_counted_among(text, expected):
    assert_keys(text, expected, "group")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A place's residents are its people (places.yml 'people'), and the whole a share is taken
        # of is their number.
        ("About 40% of Ukraine's 38 million people live in cities.", {"About 40%": "ukrainians", "38 million": "ukrainians"}),
        ("Nearly half of Lebanon's 5.8 million residents now live in poverty.", {"5.8 million": "lebanese"}),
        # "the country" is the one country the sentence names.
        ("The war in Syria displaced half of the country's pre-war population of 22 million.", {"22 million": "syrians"}),
        # ... and nothing when it names none.
        ("Officials said 30% of the country's population of 11 million had fled.", {"11 million": "people"}),
    ],
)
def test_residents_of_a_place(text, expected):
    assert_keys(text, expected, "group")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 40% of Ukraine's 38 million people live in cities.", {"38 million": "population"}),
        ("Roughly 80% of Gaza's 2.2 million residents have fled their homes.", {"Roughly 80%": "displaced", "2.2 million": "population"}),
    ],
)
def test_residents_are_the_population(text, expected):
    assert_keys(text, expected, "metric")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The size of a subject named before "estimated … at" (scope.yml 'estimated_at').
        ("Tens of thousands of displaced Palestinians, estimated at over 200,000, crowded the beach.", {"over 200,000": "palestinians"}),
        ("Ukrainian refugees in Poland, put by the government at about 950,000, face new rules.", {"about 950,000": "refugees"}),
    ],
)
def test_size_of_the_subject(text, expected):
    assert_keys(text, expected, "group")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A part named with "including" / "among them" counts the whole's people ...
        ("Israel freed 90 Palestinian prisoners on Sunday, including 12 serving life terms.", {"12": "palestinians"}),
        # ... unless it names its own.
        ("Israel freed 90 Palestinian prisoners on Sunday, including 12 women.", {"12": "women"}),
        # A share that opens its clause is a share of the people just counted.
        ("About 4,000 babies were born in the camps last month; one in four was underweight.", {"one in four": "children"}),
        # A poll's error is no share of its sample.
        ("The survey was conducted among 503 respondents, and the margin of error is 4.4%.", {"4.4%": None}),
    ],
)
def test_part_of_the_people_counted(text, expected):
    assert_keys(text, expected, "group")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A part's own words before it belong to the whole: the part keeps the whole's metric.
        ("Israel freed 90 Palestinian prisoners on Sunday, including 12 serving life terms.", {"12": "releases"}),
        ("Hamas freed 33 hostages in the first phase, among them eight held in Rafah.", {"eight": "releases"}),
        # A marker behind a clause break governs no later figure.
        ("Floods killed 80 people, most of them farmers; the shelter housed almost 300.", {"almost 300": None}),
    ],
)
def test_part_keeps_the_whole_metric(text, expected):
    assert_keys(text, expected, "metric")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A target or a projection restates the count before it (scope.yml 'restates').
        ("Teams vaccinated 92,000 children in the north this week, short of the target of 110,000.", {"110,000": "vaccinations"}),
        ("Health workers gave 1.8 million vaccine doses, beating their target of 1.5 million.", {"1.5 million": "vaccinations"}),
        # A likelihood measures no metric of its sentence (scope.yml 'likelihood').
        ("Forecasters see a 60% chance that deaths from the heatwave will top 1,000.", {"60%": None}),
        ("There is a 30 percent probability of rainfall above 50 mm.", {"30 percent": None}),
        # A bare decimal in a sentence about earthquakes is a magnitude (metrics.yml 'bare_in').
        ("Seismologists recorded 240 aftershocks overnight, the largest a 4.8.", {"4.8": "magnitude", "240": None}),
        ("The quake was followed by a 6.1 near the coast.", {"6.1": "magnitude"}),
        # ... but not a whole number, nor a figure that names what it counts.
        ("The earthquake killed 5 and injured 3.4 thousand.", {"5": "deaths"}),
        # "no longer alive" counts the dead.
        ("Officials say 59 hostages remain in Gaza, of whom about 24 are believed to be no longer alive.", {"about 24": "deaths"}),
    ],
)
def test_restated_likely_and_bare_metrics(text, expected):
    assert_keys(text, expected, "metric")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Teams vaccinated 92,000 children in the north this week, short of the target of 110,000.", {"110,000": "children"}),
        # A projection counts the people of the figure it projects, metric or not.
        ("Some 320,000 people face acute hunger, a figure expected to rise to 400,000 by March.", {"400,000": "people"}),
        # A part after "of whom" is of the whole's people, even with a metric of its own.
        ("Officials say 59 hostages remain in Gaza, of whom about 24 are believed to be no longer alive.", {"about 24": "israelis"}),
    ],
)
def test_restated_and_part_groups(text, expected):
    assert_keys(text, expected, "group")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A gap in a budget is in the budget's measure (metrics.yml 'budget').
        ("The cuts leave a funding gap of about $400 million, the agency said.", {"about $400 million": "budget"}),
        ("Member states approved $4.2 billion after the withdrawal left a hole of roughly $1.7 billion.", {"roughly $1.7 billion": "budget"}),
        # ... not a hole in the ground.
        ("The blast left a hole of 12 metres in the road.", {"12 metres": "distance"}),
    ],
)
def test_budget_gaps(text, expected):
    assert_keys(text, expected, "metric")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The subject of the verb that introduces a figure names who it counts (scope.yml 'subject_verbs').
        ("Housing starts fell 9.8% in January, the department said.", {"9.8%": "homes"}),
        ("Palestinian deaths in the West Bank rose to 800 this year, the U.N. said.", {"800": "palestinians"}),
        # ... not a group named before another verb.
        ("Israeli officials said strikes hit 40 targets overnight.", {"40": None}),
        # A rate counts no people: its base is no group (metrics.yml 'measures: rate').
        ("Turnout reached an estimated 64% of eligible voters, the election lab said.", {"an estimated 64%": None}),
        ("Unemployment among young workers rose to 14.2% in March.", {"14.2%": None}),
    ],
)
def test_subject_and_rates(text, expected):
    assert_keys(text, expected, "group")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count of attacks or of acts done to people counts what they were done to (scope.yml 'attacks').
        ("The agency recorded 320 attacks on health care in Sudan this year.", {"320": "hospitals"}),
        ("Surgeons carried out dozens of amputations on children in a week.", {"dozens": "children"}),
        ("Doctors performed 40 operations on soldiers overnight.", {"40": "soldiers"}),
        # ... nothing when the target is no group.
        ("Israel carried out 30 strikes on Hezbollah targets.", {"30": None}),
    ],
)
def test_attacks_count_their_targets(text, expected):
    assert_keys(text, expected, "group")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Counts joined by "and" or a comma share the verb that ends the list's clause.
        ("More than 100 Palestinians and 30 soldiers were killed in the fighting.", {"More than 100": "deaths", "30": "deaths"}),
        ("Some 400 people, 60 children and 12 women were wounded overnight.", {"Some 400": "injuries", "60": "injuries"}),
        # ... not when the later item's own noun names the metric.
        ("Officials counted 100 people and 30 deaths.", {"100": None}),
    ],
)
def test_coordinated_counts_share_a_verb(text, expected):
    assert_keys(text, expected, "metric")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bare participle continues the people counted before it ...
        ("46,565 Palestinians have been killed and 109,660 wounded.", {"109,660": "palestinians"}),
        # ... a plural noun names people of its own, whom the story's actors name.
        ("Israel released 90 Palestinian prisoners and Hamas freed three hostages.", {"three": "israelis"}),
    ],
)
def test_continued_people(text, expected):
    assert_keys(text, expected, "group")
