"""Each trigger word added to rules/lexicon/ reads as its metric or group in a sentence of its own."""

from __future__ import annotations

import datetime as dt

import pytest

from figcheck.load import load_text
from figcheck.pipeline import extract_document


def claim(text: str, figure: str):
    doc = load_text("case.txt", text + "\n")
    doc.published, doc.published_basis = dt.date(2025, 1, 10), "header"
    found = {c.text: c for c in extract_document(doc).claims}
    assert figure in found, list(found)
    return found[figure]


METRICS = [
    # missing
    ("Rescuers said 12 miners were believed trapped after the collapse.", "12", "missing"),
    ("Hundreds more were feared trapped in the mud, officials said.", "Hundreds", "missing"),
    ("About 40 workers remained buried under the debris.", "About 40", "missing"),
    # evacuations
    ("Coast guards rescued 300 migrants off the island.", "300", "evacuations"),
    ("Some 5,000 residents were under evacuation orders on Monday.", "Some 5,000", "evacuations"),
    ("The flood forced the evacuation of some 9,000 people.", "some 9,000", "evacuations"),
    ("Some 2,000 evacuees slept in school gyms.", "Some 2,000", "evacuations"),
    # detentions
    ("About 600 Palestinians are held in administrative detention.", "About 600", "detentions"),
    ("Rights groups say 45 journalists remain in Israeli detention.", "45", "detentions"),
    # releases
    ("Under the deal Hamas is to free 33 hostages.", "33", "releases"),
    # hospitalizations
    ("Eleven passengers were taken to hospital after the crash.", "Eleven", "hospitalizations"),
    # cases
    ("The outbreak has sickened 120 people in the province.", "120", "cases"),
    ("Officials estimate 2 million illnesses from flu this season.", "2 million", "cases"),
    # deaths
    ("Forty of the victims were children, the coroner said.", "Forty", "deaths"),
    ("Air pollution kills 7 million people a year, the agency said.", "7 million", "deaths"),
    # buildings destroyed
    ("The storm toppled 300 power pylons across the state.", "300", "buildings_destroyed"),
    ("The quake damaged more than 1,000 houses in the valley.", "more than 1,000", "buildings_destroyed"),
    # injuries
    ("Doctors said 14 patients were in critical condition.", "14", "injuries"),
    # arrests
    ("Police said 23 suspects were questioned overnight.", "23", "arrests"),
    # money and prices
    ("Shares of the company fell 12% in early trading.", "12%", "price"),
    ("Median household income reached $74,580 in the state.", "$74,580", "wages"),
    ("The bank will take a one-off charge of $300m this quarter.", "$300m", "cost"),
    ("Rebuilding the port will require more than $2 billion.", "more than $2 billion", "cost"),
    ("The consumer price index rose 0.4% in March.", "0.4%", "inflation"),
    ("Analysts put the total damage and economic loss at $40 billion.", "$40 billion", "cost"),
    ("The yen weakened past ¥160 to the dollar.", "past ¥160", "price"),
    ("Parliament backed a €200 billion infrastructure fund.", "€200 billion", "budget"),
    ("The plan has €30 billion earmarked for schools.", "€30 billion", "budget"),
    ("The measure raises taxes by £25bn a year.", "£25bn a year", "revenue"),
    ("The agency warned that funding covers less than 30% of needs.", "less than 30%", "aid"),
    ("The clinic treated 45 patients for burns overnight.", "45", "hospitalizations"),
    ("The firm agreed to pay $2.1bn to end the lawsuits.", "$2.1bn", "cost"),
    # health and elections
    ("Only 12% of children in the district received routine vaccines.", "12%", "vaccinations"),
    ("The vaccination rate in the region fell to 81%.", "81%", "vaccinations"),
    ("Polls closed with turnout of 61% in the capital.", "61%", "turnout"),
    ("The coalition controls 64 seats in the 120-member assembly.", "120", "seats"),
    # Hebrew
    ("משרד הבריאות דיווח על מותם של ארבעה מטופלים.", "ארבעה", "deaths"),
    ("בעיר נרשמו 250 חולי שעלת מתחילת החודש.", "250", "cases"),
    ("שיעור ההצבעה בבחירות עמד על 62%.", "62%", "turnout"),
    ("ההצעה אושרה ברוב של 61 חברי כנסת.", "61", "votes"),
    ("לסיעה 12 חברי כנסת באופוזיציה.", "12", "seats"),
    ("רעידת האדמה נמדדה בעוצמה של 5.1 בסולם ריכטר.", "5.1", "magnitude"),
    ("שער הדולר עלה ל־3.7 שקלים.", "3.7 שקלים", "price"),
    ("הגירעון בתקציב עמד על 5% מהתוצר.", "5%", "debt"),
    ("המשטרה עצרה 11 חשודים בהפגנה.", "11", "arrests"),
    ("בבחירות הגיעו לקלפיות כ־49% מבעלי זכות הבחירה.", "כ־49%", "turnout"),
    ("יום שביתה עולה למשק כמיליארד שקלים.", "כמיליארד שקלים", "cost"),
    ("Turnout reached 64% of eligible voters in the state.", "64%", "turnout"),
    # A bare percentage in a sentence about an election is a vote share.
    ("The centre-right led the first round with 31.2%, ahead of the Greens.", "31.2%", "votes"),
    ("ההצבעה בבחירות הסתיימה, והמפלגה קיבלה 12%.", "12%", "votes"),
    ("حصل المرشح على 61% في الجولة الأولى من الانتخابات.", "61%", "votes"),
    # ... and nowhere else.
    ("The team won 61% of its games this season.", "61%", None),
    # Arabic
    ("أدى الزلزال إلى انهيار 200 منزل في القرية.", "200", "buildings_destroyed"),
    ("نقل 30 مصابا، بينهم 9 في حالة حرجة.", "9", "injuries"),
    ("توقع البنك نمو الاقتصاد بنسبة 3.5% هذا العام.", "3.5%", "growth"),
    ("يتقاضى اللاعب راتبا يقارب 20 مليون يورو.", "يقارب 20 مليون يورو", "wages"),
    ("قالت الأمم المتحدة إن نحو 3 ملايين سوداني لجأوا إلى دول الجوار.", "نحو 3 ملايين", "displaced"),
    ("بلغت نسبة التصويت في الانتخابات 45%.", "45%", "turnout"),
]


@pytest.mark.parametrize(("text", "figure", "metric"), METRICS, ids=[f"{m}:{t[:30]}" for t, _, m in METRICS])
def test_trigger_reads_as_its_metric(text, figure, metric):
    assert claim(text, figure).metric == metric


GROUPS = [
    ("قتل 30 مدني في القصف.", "30", "civilians"),
    ("قالت الوزارة إن 70 من العاملين الصحيين اعتقلوا.", "70", "health_workers"),
    ("ولد 500 طفل في المخيم هذا الشهر.", "500", "children"),
    ("The country will build 8 stadiums for the tournament.", "8", "buildings"),
    ("The clinic has fewer than 10 doctors left.", "fewer than 10", "health_workers"),
    ("Some 60 million households streamed the final.", "Some 60 million", "homes"),
    ("Brain scans of 1,200 volunteers showed no link.", "1,200", "people"),
    ("The database has been used by over 2 million researchers.", "over 2 million", "people"),
    ("تبني الدولة 8 ملاعب جديدة.", "8", "buildings"),
    ("בסוף השבוע עלה ל־410 מספר חללי צה\"ל בלחימה.", "410", "soldiers"),
]


@pytest.mark.parametrize(("text", "figure", "group"), GROUPS, ids=[f"{g}:{t[:30]}" for t, _, g in GROUPS])
def test_word_reads_as_its_group(text, figure, group):
    assert claim(text, figure).group == group


def test_indexed_matcher_reads_a_dashed_prefix_before_maqaf_joined_words():
    """'ל-ב־עזה': a scan matches the phrase 'בעזה' behind the prefix 'ל-'; the word index must too."""
    from figcheck.resolve.lexicon import default_lexicon
    from figcheck.resolve.resolver import resolver

    places = resolver(default_lexicon(), "he").places
    text = "ל-ב־עזה"
    scanned = [(m.start("p"), m.group("p")) for m in places.pattern.finditer(text)]
    assert [(h.start, h.text) for h in places.finditer(text, 0, len(text))] == scanned == [(2, "ב־עזה")]
