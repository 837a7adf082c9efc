"""When a figure holds: the as-of date and the start ("since") the resolver reads for each figure,
from the dates, periods, weekdays, named days, datelines and tweet dates around it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

import regex

from figcheck.extract.dates import WEEKDAY_RX, WEEKDAYS, DateHit, infer_year
from figcheck.extract.quantities import Mention
from figcheck.extract.sentences import Span
from figcheck.resolve.lexicon import Lexicon, PhraseMatcher

if TYPE_CHECKING:
    from figcheck.resolve.resolver import ParagraphContext

SINCE_BEFORE = {
    # "since the outbreak was declared on September 27", "since the start of the ground offensive on
    # October 27": the start may stand up to seven words back.
    "en": regex.compile(r"(?i)(?:since(?:\s+[^\s,.;:]+){0,7}?\s+on|since|starting(?:\s+on|\s+from)?|beginning(?:\s+on)?|began\s+on|from|taken\s+on|abducted\s+on|kidnapped\s+on|captured\s+on)\s+(?:the\s+)?\Z"),
    # "מאז תחילת התמרון הקרקעי ב־27 באוקטובר": the start named a few words after "since".
    "he": regex.compile(r"(?:מאז(?:\s+[^\s,.;:]+){0,7}?\s+ב[-־]?|מאז|מ-|מ־|החל\s+מ)\s*\Z"),
    "ar": regex.compile(r"(?:منذ|ابتداء\s+من|اعتبارا\s+من)\s*(?:(?:صباح|مساء|فجر|ظهر)\s*)?\Z"),
}
# Words after a year that do not make it describe the next noun ("between 2009 and 2018").
NOT_ATTRIBUTIVE = (
    "and", "or", "to", "in", "on", "at", "with", "from", "by", "for", "of", "as", "than", "when", "after", "before",
    "is", "was", "were", "are", "had", "has", "have", "the", "a", "an", "but", "until", "through", "levels", "level",
)
# Where the clause whose dates date a figure ends: a semicolon, a colon, a dash, a bracket (a
# full stop inside a sentence is an abbreviation's: "the U.N. said on Monday"), or a comma that
# opens a contrast or a comparison ("…on Tuesday, but hopes were fading for the remaining few").
DATE_BREAK = {
    "en": regex.compile(r"[;!?—–()\[\]]|:\s|,\s+(?:but|compared|up\s+from|down\s+from|from)\b"),
    "he": regex.compile(r"[;!?—–()\[\]]|:\s|,\s*(?:אך|אבל|לעומת)"),
    "ar": regex.compile(r"[;!?—–()\[\]]|:\s|,\s*(?:لكن|مقارنة)"),
}
# Between a figure and a period written right after it: "rose to 78.4 years in 2023".
ATTACHED = regex.compile(r"(?i)\s+(?:in|during|for)\s+(?:the\s+(?:year\s+|month\s+of\s+)?)?")
YEAR = regex.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
# A clause that opens with its own attribution is a new report, not the previous clause's sequel.
NEW_REPORT = regex.compile(r"\s*(?:according\s+to|per|לפי|על\s+פי|بحسب|حسب|وفق|وفقا\s+ل)(?!\w)")
# A yearless date read as more than this many days before publication is a date ahead ("on
# November 5", written in October), not one from last year.
YEARLESS_PAST_DAYS = 180


def alt(words: Iterable[str]) -> str:
    """An alternation of lexicon words, longest first, spaces matching any run of blanks."""
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) or "(?!)"


def gapped(words: Iterable[str]) -> str:
    """``alt`` where "…" in a phrase stands for up to four words: "ارتفع … إلى" (the subject
    between the verb and its preposition, as Hebrew and Arabic write it)."""
    out = []
    for w in sorted(words, key=len, reverse=True):
        parts = [regex.escape(p.strip()).replace(r"\ ", r"\s+") for p in ELLIPSIS.split(w)]
        out.append(r"(?:\s+\S+){0,4}?\s+".join(parts))
    return "|".join(out) or "(?!)"


ELLIPSIS = regex.compile(r"\s*(?:…|\.\.\.)\s*")


class DateReader:
    """The date half of the Resolver (a mixin): its patterns, built once per language, and the
    reading of one figure's dates. ``event_names``, ``lexicon`` and ``dateline``/``dateline_at``
    (set per document) come from the Resolver."""

    lexicon: Lexicon
    event_names: PhraseMatcher
    _figure_starts: list[int] = []  # where the current sentence's figures start (set by the Resolver)

    def _init_dates(self, lexicon: Lexicon, lang: str) -> None:
        self.since_before = SINCE_BEFORE.get(lang, SINCE_BEFORE["en"])
        breaks = lexicon.folded("periods", "clause_breaks", lang)
        # A comma and one of these opens a clause with its own time (periods.yml 'clause_breaks').
        self.date_break = regex.compile(rf"{DATE_BREAK.get(lang, DATE_BREAK['en']).pattern}|,\s*(?i:{alt(breaks)})(?!\w)")
        self.dateline: dt.date | None = None
        self.dateline_at = -1
        named = (lexicon.section("periods").get("named_days") or {})
        self.named_day_dates = {k: tuple(int(x) for x in str(v["date"]).split("-")) for k, v in named.items() if isinstance(v, dict)}
        self.named_days = PhraseMatcher({k: list((v.get("names") or {}).get(lang) or []) for k, v in named.items() if isinstance(v, dict)}, lang)
        periods = lexicon.section("periods")
        fiscal = lexicon.folded("periods", "fiscal_words", lang)
        end = str((periods.get("fiscal_year_end") or {}).get(lang) or "12-31").split("-")
        self.fiscal_end = (int(end[0]), int(end[1]))
        # A year that names the period of what follows: possessive, attributive or fiscal.
        self.year_words = regex.compile(
            rf"(?<![\w$€£₪.,/-])(?:(?P<fiscal>{alt(fiscal)})\s+)?(?P<y>(?:19|20)[0-9]{{2}})"
            rf"(?:['’]s|(?=\s+(?!(?:{'|'.join(NOT_ATTRIBUTIVE)})\b)[a-z]))(?![\w%-])"
            if lang == "en" else
            # "2024 הייתה השנה החמה ביותר …": a year that is the subject of the sentence (periods.yml 'year_subject').
            rf"(?<![\w$€£₪.,/-])(?P<fiscal>(?!))?(?P<y>(?:19|20)[0-9]{{2}})(?=\s+(?:{alt(lexicon.folded('periods', 'year_subject', lang))})(?!\w))"
        )
        # ", who was detained last month,": a relative clause between commas dates its own verb.
        asides = lexicon.folded("periods", "aside_openers", lang)
        self.aside = regex.compile(rf",\s*(?i:{alt(asides)})(?!\w)[^,;:()\n]*,")
        # "the Labor Department said on Friday": the day a report was made, not a figure's.
        reporting = lexicon.folded("attribution", "verbs", lang)
        self.report_day = regex.compile(rf"(?i)(?<!\w)(?:{alt(reporting)})\s+(?:on\s+|early\s+|late\s+)?\Z")
        comparison = lexicon.folded("periods", "baseline", lang)
        self.comparison = regex.compile(rf"(?i),\s*(?:{alt(comparison)})(?!\w)")
        began = lexicon.folded("periods", "began", lang)
        # "began in 2011", "since Katrina in 2005": a start named up to three words before the period.
        self.began = regex.compile(rf"(?i)(?<!\w)(?:{alt(began)})\s+(?:[^\s,.;:]+\s+){{0,3}}?(?:(?:in|on|from|the|of)\s+)*\Z")
        target = lexicon.folded("periods", "target", lang)
        self.target = regex.compile(rf"(?i)(?<!\w)(?:{alt(target)})\s*\Z")
        self.baseline = regex.compile(rf"(?i)(?<!\w)(?:{alt(comparison)})\s*\Z")

    def _date_clause(self, text: str, m: Mention, sent: Span) -> tuple[int, int]:
        """The stretch of the sentence whose dates can date the figure: its own clause.

        A semicolon after a clause with no figure does not cut it off: "A jet flipped on landing
        in Toronto on Monday; all 80 people on board survived" (the event's day is the figures'),
        unless a new report opens after it ("; according to economists, a strike day costs …").
        """
        start = sent.start
        for b in self.date_break.finditer(text, sent.start, m.start):
            if b.group() == ";" and not any(sent.start <= f < b.start() for f in self._figure_starts) and not NEW_REPORT.match(text, b.end()):
                continue
            start = b.end()
            if self.comparison.match(text, b.start()):
                # "down from 57.5% in 2019, with results in from more than half": the comparison's
                # clause ends at the next comma.
                close = text.find(",", b.end(), m.start)
                if close >= 0:
                    start = close + 1
        stop = self.date_break.search(text, m.end, sent.end)
        return start, stop.start() if stop else sent.end

    def _dates_figure(
        self, text: str, at: int, m: Mention, sent: Span, clause: tuple[int, int], between: tuple[int, int], cumulative: bool,
    ) -> bool:
        """Whether a period named at ``at`` dates the figure ``m``."""
        if not clause[0] <= at < clause[1]:
            return False
        # In Hebrew and Arabic the verb and its time come first and serve every figure after them:
        # "שיעור האבטלה ירד בדצמבר ל־3%, ומספר המועסקים עלה לכ־4.3 מיליון".
        opening = getattr(self, "lang", "en") in {"he", "ar"} and bool(self._figure_starts) and at < self._figure_starts[0]
        if not (between[0] <= at < between[1] or opening):
            return False
        if cumulative and not ATTACHED.fullmatch(text, m.end, at):
            return False  # a running total's period is only one written right after it: "rose to 78.4 years in 2023"
        return not (self.began.search(text, max(sent.start, at - 40), at) or self.baseline.search(text, max(sent.start, at - 30), at))

    def _target(self, text: str, d: DateHit, sent: Span, published: dt.date | None) -> bool:
        """A yearless period after "by" that is still ahead at publication: a target, not a date."""
        if published is None or d.date is None or YEAR.search(text, d.start, d.end) or not self.target.search(text, max(sent.start, d.start - 30), d.start):
            return False
        try:
            return d.date.replace(year=published.year) > published
        except ValueError:
            return False

    def _dates(
        self, text: str, m: Mention, sent: Span, ctx: ParagraphContext, dates: list[DateHit], published: dt.date | None,
        cumulative: bool = False, between: tuple[int, int] = (0, 1 << 62),
    ) -> tuple[dt.date | None, str | None, dt.date | None]:
        since, explicit, relative, period, cut_off = None, [], [], [], []
        clause = self._date_clause(text, m, sent)
        asides = [(a.start(), a.end()) for a in self.aside.finditer(text, sent.start, sent.end) if not a.start() <= m.start < a.end()]
        for d in dates:
            if not (sent.start <= d.start < sent.end):
                continue
            aside = any(a <= d.start < b for a, b in asides)
            if d.kind == "period" and d.date is not None:
                if aside:
                    continue
                # A figure for a named period holds as of its end: "256,000 jobs in December".
                # A running total holds as of its report, whatever period a side clause names.
                # Only a period in the figure's own clause, not cut off from it by another
                # figure, dates it, and not the period a comparison starts from ("up 4% from a
                # year earlier"). One cut off by another figure is kept aside: it outranks the
                # day a report was made.
                if self._dates_figure(text, d.start, m, sent, clause, (sent.start, sent.end), cumulative) and not self._target(text, d, sent, published):
                    within = self._dates_figure(text, d.start, m, sent, clause, between, cumulative)
                    (period if within else cut_off).append((abs(d.start - m.start), d.date))
                continue
            if d.precision != "day":
                continue
            date, inferred = d.date, not d.has_year and d.kind == "date"
            if inferred:
                named = self.event_names.finditer(text, d.start, d.end)
                if named and (start := self.lexicon.event_start(named[0].key)):
                    date, inferred = start, False
            if date is None:
                continue
            if self.since_before.search(text, max(sent.start, d.start - 60), d.start):
                if since is None or abs(d.start - m.end) < 200:
                    since = date
            elif aside or not clause[0] <= d.start < clause[1]:
                continue  # "up from 159 on Tuesday; 23 patients have been hospitalised": not the 23's day
            elif inferred and published is not None and (published - date).days > YEARLESS_PAST_DAYS:
                continue  # "will elect … on November 5", read in October: a date ahead, not one a year back
            elif d.kind in {"weekday", "relative"}:
                if self.dateline is not None and d.kind == "weekday":
                    # "said Sunday" in a story datelined Monday Feb. 24 is Feb. 23.
                    date = weekday_before(text[d.start : d.end], self.dateline) or date
                report = d.start > m.end and self.report_day.search(text, max(sent.start, d.start - 40), d.start) is not None
                relative.append((abs(d.start - m.start), date, report))
            elif d.start == self.dateline_at or (published is not None and date > published):
                continue  # the dateline dates the story, not this figure; a future date is a plan
            else:
                explicit.append((abs(d.start - m.start), date))
        taken = [(d.start, d.end) for d in dates if sent.start <= d.start < sent.end]
        for y in self.year_words.finditer(text, *clause):
            # "2024's global average temperature", "Canada's 2023 wildfire season", "fiscal 2024".
            if any(a <= y.start() < b for a, b in taken) or published is None or int(y["y"]) > published.year:
                continue
            if self._dates_figure(text, y.start(), m, sent, clause, between, cumulative):
                month, day = self.fiscal_end if y["fiscal"] else (12, 31)
                held = (abs(y.start() - m.start), min(dt.date(int(y["y"]), month, day), published))
                # A year that is the sentence's subject outranks "השנה" in "השנה החמה ביותר" (the
                # hottest year), which the date reader takes for "this year".
                (period if self.lang == "en" else explicit).append(held)
        for h in self.named_days.finditer(text, *clause):
            # "on Christmas Eve", "the New Year's Day quake": a day named without a date.
            month, day = self.named_day_dates[h.key]
            date = infer_year(month, day, published)
            if date is not None and (published is None or (published - date).days <= YEARLESS_PAST_DAYS):
                explicit.append((abs(h.start - m.start), date))
        if explicit:
            return min(explicit)[1], "explicit", since
        # A period still running ("this year") says no more than its report's day: a named day wins.
        period = [p for p in period if not (relative and p[1] == published)]
        cut_off = [p for p in cut_off if p[1] != published]
        if period:
            return min(period)[1], "explicit", since
        if ctx.tweet_date:
            return ctx.tweet_date, "explicit", since
        if relative and cut_off and all(r[2] for r in relative):
            # "… 256,000 jobs in December, …, and the unemployment rate slipped to 4.1%, the Labor
            # Department said on Friday": the month the report covers, not the day it was made.
            return min(cut_off)[1], "explicit", since
        if relative:
            return min(relative)[:2][1], "relative", since
        if self.dateline is not None:
            return self.dateline, "dateline", since
        if published:
            return published, "published", since
        return None, None, since



# "GAZA CITY, Jan. 12 (AP) —": a place in capitals, a date, an optional agency, a dash.
DATELINE = regex.compile(r"\A\s*\p{Lu}[\p{Lu}\p{M}\s.'-]+(?:,\s*[\p{L}\s.'-]+?)?,\s*\Z")
DATELINE_AFTER = regex.compile(r"\A\s*(?:\([^()\n]{1,30}\)\s*)?[—–-]")


def find_dateline(text: str, dates: list[DateHit]) -> tuple[dt.date | None, int]:
    """The date of a wire-style dateline opening the article, and where it stands (-1 if none)."""
    first = next((d for d in dates if d.start < 80), None)
    if first is None or first.date is None or first.precision != "day" or first.kind != "date":
        return None, -1
    if DATELINE.match(text[: first.start]) and DATELINE_AFTER.match(text[first.end : first.end + 40]):
        return first.date, first.start
    return None, -1


def weekday_before(written: str, reference: dt.date) -> dt.date | None:
    m = WEEKDAY_RX.search(written)
    if m is None:
        return None
    target = WEEKDAYS[m.group("w").casefold()]
    return reference - dt.timedelta(days=(reference.weekday() - target) % 7)


