"""find_dates tries each date pattern only where its matches can start; that must find what
scanning the whole text with each pattern finds, in any script and with any case."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.extract import dates
from figcheck.extract.dates import find_dates

PIECES = ["2023-10-07", "10:30", "7/10/2023", "2023-24", "5pm", "0", "1", "2", "3", "7", "9", "12", "2023", "31", " ", " ", ".", "/", "-", "–", ":", ",", "'", "th", "am", "p.m.",
          "GMT", "of ", "Sept.", "OCT", "january", "ſept", "may", "Dec", "אוקטובר", "ב", "ל-", "מרץ", "أكتوبر", "تشرين الأول",
          "عام ", "x", "s", "\n", "Monday", "שני", "2000s", "'90s"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_each_pattern_finds_what_a_scan_of_the_whole_text_finds(text):
    starts = dates._Starts(text)
    for kind, rx in dates.PATTERNS:
        assert [m.span() for m in starts.matches(kind, rx)] == [m.span() for m in rx.finditer(text)], kind


def test_dates_in_every_script_are_found_on_one_line():
    text = "On Sept. 20, 2024 and 7 באוקטובר 2023 and 7 أكتوبر 2023, at 10:30 GMT, in the 1990s"
    kinds = [h.kind for h in find_dates(text)]
    assert kinds.count("date") == 3 and "time" in kinds and "decade" in kinds
