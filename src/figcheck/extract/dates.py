"""Find dates, years, weekdays and times in text: they are never claims, and they date the claims."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import regex

Precision = Literal["day", "month", "year"]

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
        ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
        ("october", "oct"), ("november", "nov"), ("december", "dec"),
    ],
    start=1,
):
    for _n in _names:
        MONTHS[_n] = _i
HE_MONTHS = ["ינואר", "פברואר", "מרץ", "מרס", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר", "אוקטובר", "נובמבר", "דצמבר"]
HE_MONTH_NUM = [1, 2, 3, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
AR_MONTHS = {
    "يناير": 1, "كانون الثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "آذار": 3, "أبريل": 4, "ابريل": 4,
    "نيسان": 4, "مايو": 5, "أيار": 5, "يونيو": 6, "حزيران": 6, "يوليو": 7, "تموز": 7, "أغسطس": 8,
    "آب": 8, "سبتمبر": 9, "أيلول": 9, "أكتوبر": 10, "اكتوبر": 10, "تشرين الأول": 10, "نوفمبر": 11,
    "تشرين الثاني": 11, "ديسمبر": 12, "كانون الأول": 12,
}
for _name, _num in zip(HE_MONTHS, HE_MONTH_NUM, strict=True):
    MONTHS[_name] = _num
MONTHS.update(AR_MONTHS)

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "שני": 0, "שלישי": 1, "רביעי": 2, "חמישי": 3, "שישי": 4, "שבת": 5, "ראשון": 6,
    "الاثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6,
}

_EN_M = r"(?P<m>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_HE_M = r"(?:ב|ל|מ|ה|-)*(?P<m>" + "|".join(HE_MONTHS) + ")"
_AR_M = r"(?:من\s+)?(?P<m>" + "|".join(sorted(AR_MONTHS, key=len, reverse=True)) + ")"
_D = r"(?P<d>[0-3]?[0-9])(?:st|nd|rd|th)?"
_Y = r"(?P<y>(?:1[6-9]|2[0-9])[0-9][0-9])"

PATTERNS: list[tuple[str, regex.Pattern[str]]] = [
    ("iso", regex.compile(r"(?<![\w])(?P<y>[0-9]{4})-(?P<mo>[0-9]{1,2})-(?P<d>[0-9]{1,2})(?![\w])")),
    ("dmy", regex.compile(r"(?<![\w./])(?P<a>[0-9]{1,2})[./](?P<b>[0-9]{1,2})[./](?P<y>[0-9]{4}|[0-9]{2})(?![\w])")),
    # "Sept. 20-24": a span of days reads as its first day; the second number is no figure.
    ("mdy", regex.compile(rf"(?<!\w){_EN_M}\s+{_D}(?:[-–][0-3]?[0-9](?![0-9]))?(?:,?\s+{_Y})?(?![\w])", regex.I)),
    ("dmy_en", regex.compile(rf"(?<![\w]){_D}\s+(?:of\s+)?{_EN_M}(?:,?\s+{_Y})?(?![\w])", regex.I)),
    ("dmy_he", regex.compile(rf"(?<![\w]){_D}\s*(?:[בל]?-?\s*)?{_HE_M}(?:\s*,?\s*{_Y})?(?![\w])")),
    ("dmy_ar", regex.compile(rf"(?<![\w]){_D}\s+{_AR_M}(?:\s+(?:عام\s+|سنة\s+)?{_Y})?(?![\w])")),
    ("my", regex.compile(rf"(?<!\w){_EN_M},?\s+{_Y}(?![\w])", regex.I)),
    ("my_he", regex.compile(rf"(?<!\w){_HE_M}\s+{_Y}(?![\w])")),
    ("my_ar", regex.compile(rf"(?<!\w){_AR_M}\s+(?:عام\s+)?{_Y}(?![\w])")),
    ("years", regex.compile(r"(?<![\w$€£₪.,])(?:1[6-9]|20)[0-9]{2}[-–/](?:[0-9]{2}|(?:1[6-9]|20)[0-9]{2})(?![\w%])")),
    ("decade", regex.compile(r"(?<![\w$€£₪])(?:(?:1[6-9]|20)[0-9]0s|'[0-9]0s)(?!\w)", regex.I)),
    # (?=[0-9]) first: the engine then skips the letters between figures at once.
    ("time", regex.compile(r"(?=[0-9])(?:(?<![\w:])[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s?[ap]\.?m\.?)?(?![\w])|(?<![\w.,])[0-9]{1,2}\s?[ap]\.m\.|(?<![\w.,])[0-9]{1,2}(?:\.[0-5][0-9])?\s?[ap]m(?!\w)|(?<![\w.,])[0-9]{1,2}\.[0-5][0-9]\s?[ap]\.m\.|(?<![\w.,])[0-2][0-9][0-5][0-9]\s?(?:GMT|UTC|EDT|EST|BST|CET)(?!\w))", regex.I)),
]
WEEKDAY_RX = regex.compile(
    r"(?<!\w)(?:(?:ב?יום\s+)|(?:يوم\s+))?(?P<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday|שני|שלישי|רביעי|חמישי|שישי|שבת|ראשון|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد)(?!\w)",
    regex.I,
)
# "אמש" is last night; "last night" and "الليلة الماضية" too date a figure to the day before.
RELATIVE_RX = regex.compile(r"(?<!\w)[ו]?(?P<w>yesterday|last night|today|אתמול|אמש|היום|أمس|الليلة الماضية|اليوم)(?!\w)", regex.I)


@dataclass(frozen=True)
class DateHit:
    """A date-like span. ``date`` is None when the text names no full date (a time, a decade)."""

    start: int
    end: int
    kind: str
    date: dt.date | None = None
    precision: Precision | None = None
    has_year: bool = True
    month: int | None = None
    day: int | None = None


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def infer_year(month: int, day: int, reference: dt.date | None) -> dt.date | None:
    """A yearless date is the latest such day on or before the reference (publication) date."""
    if reference is None:
        return None
    for year in (reference.year, reference.year - 1):
        candidate = _safe_date(year, month, day)
        if candidate and candidate <= reference:
            return candidate
    return None


def find_dates(text: str, reference: dt.date | None = None) -> list[DateHit]:
    """All dates and times in ``text`` (already folded), non-overlapping, earliest first."""
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    starts = _Starts(text)
    for kind, rx in PATTERNS:
        for m in starts.matches(kind, rx):
            if not free(m.start(), m.end()):
                continue
            hit = _build(kind, m, reference)
            if hit is not None:
                hits.append(hit)
                taken.append((m.start(), m.end()))
    for m in WEEKDAY_RX.finditer(text):
        if free(m.start(), m.end()):
            hits.append(DateHit(m.start(), m.end(), "weekday", _weekday(m.group("w"), reference), "day", False))
    for m in RELATIVE_RX.finditer(text):
        if free(m.start(), m.end()):
            w = m.group("w").casefold()
            delta = 1 if w in {"yesterday", "last night", "אתמול", "אמש", "أمس", "الليلة الماضية"} else 0
            date = reference - dt.timedelta(days=delta) if reference else None
            hits.append(DateHit(m.start(), m.end(), "relative", date, "day", False))
    hits.sort(key=lambda h: h.start)
    return hits


# Where each pattern's matches can start. Every one of DIGIT_FIRST starts at a digit with no
# word character before it; MONTH_FIRST at an English month name, whose first three letters are
# one of MONTH_STARTS (matched with the same flags, so with the same case equivalences); the
# Hebrew and Arabic patterns need a month name in their script.
DIGIT_FIRST = {"iso", "dmy", "dmy_en", "dmy_he", "dmy_ar", "years", "time"}
MONTH_FIRST = {"mdy", "my"}
SCRIPT = {"dmy_he": "he", "my_he": "he", "dmy_ar": "ar", "my_ar": "ar"}
DIGIT_START = regex.compile(r"(?<!\w)[0-9]")
MONTH_START = regex.compile(r"(?<!\w)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", regex.I)
SCRIPT_LETTER = {"he": regex.compile(r"[\u05D0-\u05EA]"), "ar": regex.compile(r"[\u0621-\u064A]")}


class _Starts:
    """``rx.finditer(text)`` for each pattern, trying a pattern only where one of its matches can
    start: the patterns are long alternations and the engine tries each at every character."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._digits: list[int] | None = None
        self._months: list[int] | None = None
        self._script: dict[str, bool] = {}

    def matches(self, kind: str, rx: regex.Pattern[str]) -> Iterator[regex.Match[str]]:
        script = SCRIPT.get(kind)
        if script is not None:
            if script not in self._script:
                self._script[script] = SCRIPT_LETTER[script].search(self.text) is not None
            if not self._script[script]:
                return iter(())
        if kind in DIGIT_FIRST:
            if self._digits is None:
                self._digits = [m.start() for m in DIGIT_START.finditer(self.text)]
            return _matches_at(rx, self.text, self._digits)
        if kind in MONTH_FIRST:
            if self._months is None:
                self._months = [m.start() for m in MONTH_START.finditer(self.text)]
            return _matches_at(rx, self.text, self._months)
        return rx.finditer(self.text)


def _matches_at(rx: regex.Pattern[str], text: str, starts: list[int]) -> Iterator[regex.Match[str]]:
    """What ``rx.finditer(text)`` yields when every match starts at one of ``starts`` (in order):
    each search resumes where the last match ended, and no pattern here matches the empty string."""
    pos = 0
    for at in starts:
        if at < pos:
            continue
        m = rx.match(text, at)
        if m is not None:
            yield m
            pos = m.end()


def _weekday(name: str, reference: dt.date | None) -> dt.date | None:
    if reference is None:
        return None
    target = WEEKDAYS[name.casefold()]
    return reference - dt.timedelta(days=(reference.weekday() - target) % 7)


def _month(name: str) -> int | None:
    return MONTHS.get(name.casefold().rstrip("."))


def _build(kind: str, m: regex.Match[str], reference: dt.date | None) -> DateHit | None:
    s, e = m.start(), m.end()
    if kind in {"decade", "time", "years"}:
        return DateHit(s, e, kind, None, None)
    if kind == "iso":
        date = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
        return DateHit(s, e, "date", date, "day") if date else None
    if kind == "dmy":
        y = int(m["y"])
        y = y + 2000 if y < 100 else y
        a, b = int(m["a"]), int(m["b"])
        # Day-first unless that cannot be a date (13/01 is day-first either way; 01/13 is not).
        date = _safe_date(y, b, a) or _safe_date(y, a, b)
        return DateHit(s, e, "date", date, "day") if date else None
    month = _month(m["m"])
    if month is None:
        return None
    if kind.startswith("my"):
        return DateHit(s, e, "date", _safe_date(int(m["y"]), month, 1), "month", True, month)
    day = int(m["d"])
    if not 1 <= day <= 31:
        return None
    if m["y"]:
        date = _safe_date(int(m["y"]), month, day)
        return DateHit(s, e, "date", date, "day", True, month, day) if date else None
    return DateHit(s, e, "date", infer_year(month, day, reference), "day", False, month, day)


@functools.cache
def month_names_pattern() -> str:
    return _EN_M
