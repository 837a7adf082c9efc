"""Periods a figure holds for ("in December", "in 2020", "the fourth quarter", "last year"), read as their end."""

from __future__ import annotations

import calendar
import datetime as dt
import functools

import regex

from figcheck.extract.dates import AR_MONTHS, HE_MONTHS, MONTHS, DateHit
from figcheck.extract.gates import phrases_gate, probe
from figcheck.resolve.lexicon import Lexicon, fold

EN_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(fold(w)).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


class Periods:
    """Period phrases of one language, from periods.yml."""

    def __init__(self, lexicon: Lexicon, lang: str) -> None:
        section = lexicon.section("periods")
        get = lambda key: list((section.get(key) or {}).get(lang) or [])  # noqa: E731
        before, last = _alt(get("before")), _alt(get("last"))
        months = EN_MONTHS if lang == "en" else "|".join(map(regex.escape, HE_MONTHS if lang == "he" else sorted(AR_MONTHS, key=len, reverse=True)))
        glue = r"[\s\-־]*" if lang == "he" else r"\s+"
        # Capitalised month names only in English: "may" is a verb.
        self.month = regex.compile(rf"(?<!\w)(?:(?P<last>{last})\s+|(?:{before}){glue}(?:(?:early|mid|late)[\s-]+)?)(?P<m>{months})(?![\w])(?!\s+[0-9])")
        self.year = regex.compile(rf"(?<!\w)(?:{before}){glue}(?:the\s+(?:whole\s+|entire\s+|fiscal\s+)?year\s+)?(?P<y>(?:19|20)[0-9]{{2}})(?![\w%]|[.,][0-9])")
        quarters = {str(k): int(v) for k, v in ((section.get("quarters") or {}).get(lang) or {}).items()}
        self.quarter_names = {fold(k).casefold(): v for k, v in quarters.items()}
        qword = _alt(get("quarter_word"))
        qnames = _alt(list(quarters))
        if lang == "en":
            self.quarter = regex.compile(rf"(?i)(?<!\w)(?:(?P<q>{qnames})[\s-]+(?:{qword})|(?P<qq>Q[1-4]))(?:\s+(?:of\s+)?(?P<y>(?:19|20)[0-9]{{2}}))?(?!\w)")
        else:
            self.quarter = regex.compile(rf"(?<!\w)(?:{qword})\s+(?P<q>{qnames})(?:\s+(?:של\s+|من\s+|ל)?(?P<y>(?:19|20)[0-9]{{2}}))?(?!\w)")
        back = get("years_back")
        cardinals = {fold(str(k)).casefold(): int(v) for k, v in (((lexicon.section("numerals").get(lang) or {}).get("cardinals")) or {}).items()}
        self.cardinals = {**cardinals, "a": 1, "a decade": 10, "a century": 100}
        counts = _alt([k for k in cardinals if 1 < cardinals[k] <= 100] + ["a"])
        self.years_back = regex.compile(
            rf"(?i)(?<!\w)(?P<n>{counts}|[1-9][0-9]?)\s+years?\s+(?:{_alt(back)})(?!\w)|(?<!\w)(?P<n>a\s+decade|a\s+century)\s+(?:{_alt(back)})(?!\w)"
        ) if back else None
        span_open, span_join = get("year_span_open"), get("year_span_join")
        self.year_span = regex.compile(
            rf"(?i)(?<!\w)(?:{_alt(span_open)})\s+(?:19|20)[0-9]{{2}}\s+(?:{_alt(span_join)})\s+(?P<y>(?:19|20)[0-9]{{2}})(?![\w%]|[.,][0-9])"
        ) if span_open and span_join else None
        previous_quarter = get("previous_quarter")
        self.previous_quarter = regex.compile(rf"(?i)(?<!\w)(?:{_alt(previous_quarter)})(?!\w)") if previous_quarter else None
        phrases = section.get("phrases") or {}
        self.phrases = {key: regex.compile(rf"(?i)(?<!\w)(?:{_alt(list((val or {}).get(lang) or []))})(?!\w)") for key, val in phrases.items()}
        # Whether a text can hold these phrases at all (extract/gates.py): most hold none.
        self.phrase_gates = {key: phrases_gate([fold(w) for w in (val or {}).get(lang) or []], ignore_case=True) for key, val in phrases.items()}
        self.back_gate = phrases_gate([fold(w) for w in back], ignore_case=True)

    def find(self, text: str, reference: dt.date | None, taken: list[tuple[int, int]]) -> list[DateHit]:
        if reference is None:
            return []
        hits: list[DateHit] = []

        def add(s: int, e: int, end: dt.date | None, precision: str) -> None:
            if end is None or not all(e <= a or s >= b for a, b in taken):
                return
            taken.append((s, e))
            hits.append(DateHit(s, e, "period", min(end, reference), precision, True))  # type: ignore[arg-type]

        lowered = probe(text)
        for key, rx in self.phrases.items():
            if not self.phrase_gates[key].open(text, lowered):
                continue
            for m in rx.finditer(text):
                add(m.start(), m.end(), _phrase_end(key, reference), "month" if "month" in key else "day" if "day" in key else "year")
        if self.year_span is not None:
            for m in self.year_span.finditer(text):
                if int(m.group("y")) <= reference.year:
                    add(m.start(), m.end(), dt.date(int(m.group("y")), 12, 31), "year")
        if self.years_back is not None and self.back_gate.open(text, lowered):
            for m in self.years_back.finditer(text):
                n = self.cardinals.get(" ".join(m.group("n").casefold().split())) or (int(m.group("n")) if m.group("n").isdigit() else 0)
                if n:
                    add(m.start(), m.end(), dt.date(reference.year - n, 12, 31), "year")
        for m in self.quarter.finditer(text):
            q = int(m.group("qq")[1]) if m.groupdict().get("qq") else self.quarter_names.get(fold(m.group("q")).casefold())
            if q:
                add(m.start(), m.end(), _latest(lambda y, q=q: month_end(y, 3 * q), reference, m.group("y")), "quarter")
        if self.previous_quarter is not None:
            for m in self.previous_quarter.finditer(text):
                named = [h for h in hits if h.precision == "quarter" and m.start() - 300 < h.end <= m.start() and h.date is not None]
                add(m.start(), m.end(), _quarter_end_before(named[-1].date if named else reference), "quarter")
        for m in self.month.finditer(text):
            month = MONTHS.get(m.group("m").casefold().rstrip("."))
            if month:
                strict = bool(m.group("last"))
                add(m.start("m"), m.end(), _latest(lambda y, mo=month: month_end(y, mo), reference, None, strict), "month")
        for m in self.year.finditer(text):
            year = int(m.group("y"))
            if year <= reference.year:
                add(m.start("y"), m.end("y"), dt.date(year, 12, 31), "year")
        return hits


def _latest(end_of, reference: dt.date, year: str | None, strict: bool = False) -> dt.date | None:
    """The end of the latest such period that began before the reference date."""
    if year:
        return end_of(int(year))
    for y in (reference.year, reference.year - 1):
        end = end_of(y)
        start = end.replace(day=1)
        if (end < reference.replace(day=1)) if strict else start <= reference:
            return end
    return None


def _quarter_end_before(day: dt.date) -> dt.date:
    """The last day of the latest quarter that ended before ``day``'s quarter began."""
    first = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return first - dt.timedelta(days=1)


def _phrase_end(key: str, reference: dt.date) -> dt.date:
    if key == "previous_year":
        return dt.date(reference.year - 1, 12, 31)
    if key == "previous_month":
        first = reference.replace(day=1)
        return first - dt.timedelta(days=1)
    return reference


@functools.cache
def periods(lexicon: Lexicon, lang: str) -> Periods:
    return Periods(lexicon, lang)
