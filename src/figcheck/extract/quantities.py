"""Find every figure in a text with its bounds, unit and interval; drop what is never a claim."""

from __future__ import annotations

import datetime as dt
import functools
import math
from decimal import Decimal
from dataclasses import dataclass, field, replace

import regex

from figcheck.extract.dates import DateHit, find_dates
from figcheck.extract.durations import joined_spans, race_times, signed_by_par
from figcheck.extract.masks import NonClaims, nonclaims
from figcheck.extract.bounds import bounds
from figcheck.extract.periods import periods
from figcheck.extract.numbers import WordHit, parse_digits, word_numbers
from figcheck.resolve.lexicon import Lexicon, PhraseMatcher, fold

NUM = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]{1,3}(?: [0-9]{3})+(?![0-9])|[0-9]+(?:[.,][0-9]+)?|\.[0-9]+"
# A sign glued to the figure ("-1.3%", "+0.2%", "minus-5", "minus 233"); "20 - 30" is a range.
SIGN = r"(?P<sign>(?<=^|[\s(\[$:])[-−+](?=[.]?[0-9])|(?<!\w)(?<!plus or )minus[\s-](?=[0-9]))"


SCALE_SEP = regex.compile(r"[\s-]+")
NEXT_WORD = regex.compile(r"\s+([\p{L}]+)")
YEAR_DIGITS = regex.compile(r"(1[89][0-9][0-9]|20[0-9][0-9]|2100)")
SHARE_IN = regex.compile(r"\s+in\s+([0-9]|\p{L}+)")
PRONOUN_AFTER = regex.compile(r"\s*(?:of|another|and|or|who|which|that|in|is|was|has|had|day|time|more|another|side|way|thing|hand|point|such|must|can|could|would|will|should|may|might|[,.;:!?)\"']|$)")
PRONOUN_BEFORE = regex.compile(r"(?:no|any|every|each|the|this|that|which|someone|anyone|last|only|same)\s+$")
# The end of a sentence or paragraph between two figures.
SENTENCE_BREAK = regex.compile(r"[.!?](?:\s|\Z)|\n")
# Between two figures that share the unit written after the second: "eight or nine euros", "7- or 8-inch".
UNIT_PAIR = regex.compile(r"-?\s*(?:or|and|to|of\s+the|of)\s+", regex.I)
# Between a bare figure and a second with its currency before it: "8 or $9" (not "sixfold to HK $3.7
# billion", a change).
CURRENCY_PAIR = regex.compile(r"\s+or\s+", regex.I)
# Between a figure with a unit and a later bare one that repeats it: a comparison in a few words.
UNIT_REPEAT = regex.compile(r"(?:,\s*|\s+)(?:while|whereas|but|and|or|versus|vs\.?|against|compared\s+with|from|to)(?:\s+[\p{L}'’]+){0,4}\s+", regex.I)
# What may follow a bare figure: the end of its clause, or a preposition.
BARE_AFTER = regex.compile(r"\s*(?:[.,;:)]|\Z)|\s+(?:in|on|at|by|for|during|last|this|a|an|per)\s", regex.I)
# Between a fraction and the unit it divides: "half a", "two-thirds of a".
OF_A = regex.compile(r"\s+(?:of\s+)?an?\s+", regex.I)
# A power of ten after a figure: "1.99×10−30", "6.02 x 10^23", "3×10⁸" (a bare "3 x 10" is a size).
POWER_OF_TEN = regex.compile(r"\s*(?:×\s*10\s*(?:\^|\*\*)?\s*(?P<exp>[-−]?[0-9]{1,3}|⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|x\s*10\s*(?:\^|\*\*)\s*(?P<exp>[-−]?[0-9]{1,3}))(?![0-9])")
SUPERSCRIPT = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")
# A fraction written in digits: "1/2 pound", "1⁄32 of a quart".
SLASH = regex.compile(r"[/⁄]([0-9]{1,3})(?![0-9/⁄])")
OF = regex.compile(r"\s+of\s", regex.I)
# "one of the best", "one of four": one of a set, a quantity (not a claim).
ONE_OF = regex.compile(r"\s+of\s+(?!them\b|us\b|you\b|those\b|these\b)", regex.I)
# After "37m": what makes the "m" metres ("-high", "(121ft)").
METRES = regex.compile(r"[\s-]?(?:long|high|tall|wide|deep|away|thick)(?!\w)|\s*\(\s*[0-9.,]+\s*(?:ft|feet|foot)(?!\w)", regex.I)
FAR_YEAR = regex.compile(r"2[1-2][0-9][0-9]")
# An earlier year as the first end of a span of years: "between 1600 and 1900", "from 1750 to 1850".
EARLY_YEAR_SPAN = regex.compile(r"(?i)(?<=(?<!\w)(?:between|from)\s+)1(?!000)[0-7][0-9][0-9](?=\s*(?:and|to|-|–)\s*(?P<then>1[0-9][0-9][0-9]|20[0-9][0-9])(?![0-9]))")
TIME_PREPOSITION = regex.compile(r"(?i)(?<!\w)(?:by|in|until|till|before|after|through|from|since)\s+\Z")
# "sub-7 nanometer": a hyphenated "below".
SUB = regex.compile(r"(?<![\w-])sub-", regex.I)
# A word in capitals after a figure ("11 FEET"), three letters or more.
CAPS_WORD = regex.compile(r"[\s-]?(\p{Lu}{3,})(?![\w])")
# Latin letters glued to a number's last digit.
GLUED_WORD = regex.compile(r"\p{Latin}")


@dataclass(frozen=True)
class Mention:
    """A figure found in text, before resolution gives it meaning."""

    start: int
    end: int
    """Span of the figure as written, bound words and currency included."""
    num_start: int
    num_end: int
    """Span of the number itself (digits or number words)."""
    value: float
    low: float | None
    high: float | None
    qualifier: str
    unit: str = "count"
    ordinal: bool = False
    day_count: bool = False
    vague: bool = False
    scale: float = 1
    core_end: int = -1
    """End of the figure before a bound written after it ("24 فلسطينيا على الأقل"), or -1."""
    aside: str = ""
    """Why the claim layer sets this quantity aside (``age``, ``frame``, ``one_of``, ``change``);
    empty for a claim. Only the quantity layer (``scan(..., quantities=True)``) keeps such figures."""


@dataclass
class Extraction:
    """Figures, date spans and warnings of one text."""

    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateHit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class Scanner:
    """Compiled patterns for one language; built once per process."""

    def __init__(self, lexicon: Lexicon, lang: str) -> None:
        self.lang = lang
        self.lexicon = lexicon
        self.words = word_numbers(lexicon, lang)
        numerals = lexicon.section("numerals").get("en") or {}
        own = lexicon.section("numerals").get(lang) or {}
        self.suffix_scales = {k: int(v) for k, v in (numerals.get("scale_suffixes") or {}).items()}
        # Digits take the scale words of their language ("15 אלף", "12 ألفا") and English abbreviations.
        scale_words = {k.casefold(): int(v) for k, v in (own.get("scales") or {}).items() if int(v) >= 1000 or lang == "en"}
        scale_words.update({k.casefold(): int(v) for k, v in (numerals.get("scale_abbreviations") or {}).items()})
        self.scale_words = scale_words
        units = lexicon.section("units")
        self.prefix_units: dict[str, str] = dict(units.get("prefix") or {})
        # Symbols text converted to ASCII spells as letters ("£" → "PS"): money only when the
        # figure reads as money ("PS2.7m", "PS21,700"), never a model name ("PS5").
        self.transliterated: dict[str, str] = dict(units.get("transliterated_prefix") or {})
        self.prefix_units.update(self.transliterated)
        suffix_table: dict[str, list[str]] = {}
        for surface, unit in ((units.get("suffix") or {}).get(lang) or {}).items():
            suffix_table.setdefault(str(unit), []).append(str(surface))
        self.unit_after = PhraseMatcher(suffix_table, lang, ignore_case=False, after_digits=True)
        # A unit spelled out in capitals, as in a shouted headline ("rise 11 FEET per century"):
        # only words of three letters or more, whose case never tells two units apart.
        caps = {k: [w for w in v if w.isalpha() and w.islower() and len(w) >= 3] for k, v in suffix_table.items()}
        self.unit_caps = PhraseMatcher({k: v for k, v in caps.items() if v}, lang, ignore_case=True, after_digits=True) if lang == "en" else None
        rates = {k: list(v) for k, v in suffix_table.items()}
        for surface, unit in ((units.get("per_only") or {}).get(lang) or {}).items():
            rates.setdefault(str(unit), []).append(str(surface))
        self.per_unit = PhraseMatcher(rates, lang, ignore_case=False, after_digits=True)
        # "$6.78 billion a year earlier" dates the figure, it is no rate.
        self.not_rate = regex.compile(r"\s+(?:earlier|ago|later|before|after|on)(?!\w)" if lang == "en" else r"(?!)")
        # "an" before "a", and whole words only: "$1,271.2 an ounce" is a rate, "a-year" too.
        self.per = regex.compile(r"(?:\s*|-(?=an?-))(?:(?:per|an|a|each)(?!\w)[\s-]*|/\s*)" if lang == "en" else r"\s*(?:ל|/)\s*" if lang == "he" else r"\s*(?:في ال|/)\s*")
        prefixes = sorted(self.prefix_units, key=len, reverse=True)
        pre = "|".join(regex.escape(p) for p in prefixes)
        suf = "|".join(sorted(self.suffix_scales, key=len, reverse=True))
        sw = "|".join(sorted(scale_words, key=len, reverse=True))
        # Hebrew and Arabic glue conjunctions and prepositions to digits ("و108,856", "بـ10.25").
        glued = str(own.get("prefixes") or "")
        article = "|ال" if lang == "ar" else ""  # "الـ455": the article glued to a number
        # After a colon only the second side of a pair ("84:89"): clock times and ratios are masked
        # (extract/masks.py) unless a result word makes them a score.
        after = r"(?<![\w.,/\\@#&=+])(?<![^0-9]:|[0-9]:[0-9]{1,3}:)"
        start = rf"(?:(?<=(?<!\w)(?:[{regex.escape(glued)}]{{1,2}}{article})ـ?)|{after})" if glued else after
        # Hebrew writes its glued prefixes with a hyphen too ("עלה ל-9,057", "כ-200"): that hyphen
        # joins a word to the figure, it does not make a code of it.
        prefix_hyphen = rf"|(?<=(?<!\w)[{regex.escape(glued)}ה]{{1,3}}-)" if lang == "he" and glued else ""
        # The look-ahead for a digit within six characters lets the engine skip plain words fast.
        self.digit_rx = regex.compile(
            rf"(?=[^\n]{{0,6}}[0-9])(?:(?<!\p{{L}})(?P<cur>(?:{pre})\s?))?{SIGN}?(?(sign)|(?(cur)|{start}(?:(?<![^0-9\s%]-){prefix_hyphen}|(?<=(?<![\w-])sub-))))(?P<num>{NUM})"
            rf"(?:(?P<suf>{suf})(?![\w])|(?P<ord>st|nd|rd|th)(?![\w])|(?P<pct>%))?"
            rf"(?:[\s\-־]{{1,2}}(?P<scale>(?:{sw})(?:[\s-]+(?:{sw}))?)(?![\w]))?",
        )
        self.bounds = bounds(lexicon, lang)
        self.periods = periods(lexicon, lang)
        vague = lexicon.section("vague").get(lang) or []
        self.vague = {fold(v["phrase"]).casefold(): (float(v["low"]), float(v["high"])) for v in vague}
        ordered = sorted(self.vague, key=len, reverse=True)
        phrases = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in ordered if " " in p) or "(?!)"
        single = "|".join(regex.escape(p) for p in ordered if " " not in p) or "(?!)"
        prefix = r"(?:[ובלמהשכ]{1,2})?" if lang == "he" else r"(?:و|ب|ل)?" if lang == "ar" else ""
        # A lone English plural ("hundreds") counts only with "of" or a verb after it; a phrase
        # ("several hundred", "tens of thousands") always does.
        follow = r"(?=\s+(?:of|were|have|had|are|more|of\s+the|upon|still|remain|remained|died|killed|dead|missing|injured|wounded)\b)" if lang == "en" else ""
        self.vague_rx = regex.compile(rf"(?<!\w){prefix}(?P<v>{phrases}|(?:{single})(?!\w){follow})(?!\w)", regex.I) if self.vague else None
        day_words = lexicon.words("scope", "day_words", lang) + lexicon.words("scope", "day_words", "en")
        self.day_after = regex.compile(rf"\A[\s-]*(?:full\s+|straight\s+|consecutive\s+)?(?:{'|'.join(map(regex.escape, day_words))})(?!\w)", regex.I)
        # "Day 100 of the war", "היום ה־455 למלחמה", "اليوم الـ455": a day word, then the number.
        own_days = lexicon.words("scope", "day_words", lang) + lexicon.words("scope", "day_words_before", lang)
        self.day_before = regex.compile(
            rf"(?i)(?<!\w)(?:{'|'.join(map(regex.escape, own_days)) or '(?!)'})[\s\-־]*(?:ה|الـ|ال)?[\-־ـ]?\s*\Z"
        )
        self.nonclaims: NonClaims = nonclaims(lexicon, lang)
        section = lexicon.section("nonclaims")
        self.glued_gap = regex.compile(r"\s+[ה]" if lang == "he" else r"\s+(?:ال)" if lang == "ar" else r"(?!)")
        self.time_units = set(section.get("time_units") or [])
        time_nouns = [fold(str(w)) for w in (section.get("time_nouns") or {}).get(lang) or []]
        self.time_noun = regex.compile(rf"(?i)[\s-]+(?:{'|'.join(map(regex.escape, time_nouns))})(?!\w)") if time_nouns else None
        frame_before = [fold(p) for p in (section.get("time_frame_before") or {}).get(lang) or []]
        frame_after = [fold(p) for p in (section.get("time_frame_after") or {}).get(lang) or []]
        alt = lambda xs: "|".join(regex.escape(x).replace(r"\ ", r"\s+") for x in sorted(xs, key=len, reverse=True)) or "(?!)"  # noqa: E731
        det = {"en": r"(?:(?:the|its|their|a|his|her|our)\s+)?(?:(?:first|last|past|next|previous|following|coming|same|final)\s+)?"
                     r"(?:(?:nearly|almost|about|some|around|roughly|just|only|more\s+than|less\s+than|up\s+to)\s+)?",
               "he": r"(?:ה)?", "ar": r"(?:الـ?)?"}.get(lang, "")
        glue = r"[\s\-־]*" if lang == "he" else r"\s+"
        self.frame_before = regex.compile(rf"(?i)(?<!\w)(?:{alt(frame_before)}){glue}{det}\Z")
        self.frame_after = regex.compile(rf"(?i)\s*(?:{alt(frame_after)})(?!\w)")
        # "ألف يوم على بدء الحرب", "1,000 days since the invasion": days counted from a start are
        # a day count (scope.yml 'days_since'), never a frame, whatever stands before them.
        since = [fold(p) for p in ((lexicon.section("scope").get("days_since") or {}).get(lang) or [])]
        self.days_since = regex.compile(rf"(?i)\s*(?:{alt(since)})(?!\w)") if since else regex.compile(r"(?!)")
        looks = [fold(p) for p in (section.get("time_frame_looks") or {}).get(lang) or []]
        self.frame_looks = regex.compile(rf"(?i)(?<!\w)(?:{alt(looks)})(?!\w)") if looks else regex.compile(r"")
        record = [fold(p) for p in (section.get("time_frame_record") or {}).get(lang) or []]
        self.frame_record = regex.compile(rf"(?i)(?<!\w)(?:{alt(record)})(?!\w)") if record else regex.compile(r"(?!)")

    def scan(self, text: str, reference: dt.date | None = None, quantities: bool = False) -> Extraction:
        """``text`` must be folded (see lexicon.fold); offsets are the same as the original's.

        With ``quantities``, every quantity read is kept, also those no claim is made of: ages
        ("a 50-year-old"), durations that frame another figure ("in the past two years"), "one of
        the ...", and a change "from X to Y" as one quantity. Dates, years, times, identifiers,
        links, handles and phone numbers stay out either way.
        """
        out = Extraction()
        out.dates = find_dates(text, reference)
        out.dates += self.periods.find(text, reference, [(d.start, d.end) for d in out.dates])
        out.dates.sort(key=lambda d: d.start)
        masked = self.nonclaims.spans(text, out.dates)
        ages = self.nonclaims.age_spans(text) if quantities else []
        generations = self.nonclaims.generation_spans(text) if quantities else []
        if ages or generations:
            aside = {*ages, *generations}
            masked = [s for s in masked if s not in aside]
        # Race times ("2:09:56") are read whole, where a colon would make two masked numbers.
        raw: list[Mention] = race_times(text)
        if raw:
            masked = [s for s in masked if not any(r.start <= s[0] and s[1] <= r.end for r in raw)]
        for m in self.digit_rx.finditer(text):
            mention = self._digits(text, m, out)
            if mention is not None:
                raw.append(mention)
        for hit in self.words.finditer(text):
            raw.append(self._words(text, hit))
        for a, b in generations:  # "5G": the number of a generation, its letter glued on
            v = float(text[a : b - 1])
            raw.append(Mention(a, b, a, b - 1, v, v, v, "exact", aside="generation"))
        if self.vague_rx is not None:
            for m in self.vague_rx.finditer(text):
                low, high = self.vague[" ".join(fold(m.group("v")).casefold().split())]
                raw.append(Mention(m.start("v"), m.end("v"), m.start("v"), m.end("v"), low, low, high, "vague", vague=True))
        kept = []
        for mention in sorted(raw, key=lambda x: (x.num_start, -(x.num_end - x.num_start))):
            if any(a < mention.num_end and mention.num_start < b for a, b in masked):
                continue
            if kept and mention.num_start < kept[-1].end:
                continue
            if mention.ordinal and not mention.day_count:
                continue
            if self._is_year(text, mention) and not self.bounds.has_bound_before(text, mention.start) and not self._counts(text, mention):
                continue
            if self._lone_one(text, mention):
                if not (quantities and ONE_OF.match(text, mention.num_end)):
                    continue
                mention = replace(mention, aside="one_of")
            if quantities and any(a <= mention.num_start < b for a, b in ages):
                mention = replace(mention, aside="age", unit="year" if mention.unit == "count" else mention.unit)
            kept.append(mention)
        kept = signed_by_par(text, joined_spans(text, kept))
        joined = self.bounds.ranges(text, self.bounds.ratios(text, kept), changes=quantities)
        if quantities:
            joined = [replace(m, aside="frame") if self._time_frame(text, m, joined) else m for m in joined]
        else:
            joined = [m for m in joined if not self._time_frame(text, m, joined)]
        out.mentions = self.bounds.listed(text, [self.bounds.bounded(text, m) for m in self._share_units(text, joined)])
        return out

    def _digits(self, text: str, m: regex.Match[str], out: Extraction) -> Mention | None:
        numeral = parse_digits(m.group("num"))
        if numeral.malformed:
            line = text.count("\n", 0, m.start("num")) + 1
            out.warnings.append(f"line {line}: malformed figure '{m.group('num')}' not read (digit groups should be three long)")
            return None
        value, unit, ordinal = numeral.value, "count", bool(m.group("ord"))
        scale: float = 1
        power = POWER_OF_TEN.match(text, m.end("num")) if m.end() == m.end("num") and not m.group("cur") else None
        if power:  # "2.998×10−8 metres per second", "6.02 x 10^23"
            exponent = power.group("exp").translate(SUPERSCRIPT).replace("−", "-")
            scale = 10.0 ** int(exponent)
        if m.group("suf") and m.group("suf") == "m" and not m.group("cur") and METRES.match(text, m.end("suf")):
            unit = "meter"  # "a 10m-high wall", "37m (121ft)-long": metres, not millions
        elif m.group("suf"):
            scale = self.suffix_scales[m.group("suf")]
        if m.group("scale"):
            for word in SCALE_SEP.split(m.group("scale").casefold()):
                scale *= self.scale_words[word]
        if m.group("cur"):
            written = " ".join(m.group("cur").split())
            if written in self.transliterated and not (m.group("suf") or m.group("scale") or numeral.decimals or len(m.group("num")) > 3):
                return None
            unit = self.prefix_units[written]
        if m.group("pct"):
            unit = "percent"
        end = power.end() if power else m.end()
        if unit == "meter":
            return Mention(m.start("num"), end, m.start("num"), m.end("num"), value, value, value, "exact", unit)
        slash = SLASH.match(text, end) if end == m.end("num") and unit == "count" and not ordinal and not numeral.decimals else None
        if slash and 0 < value < int(slash.group(1)):
            share = value / int(slash.group(1))
            named, after = self._unit_after(text, slash.end())
            if named == "count" and (of_a := OF_A.match(text, slash.end())):
                named, after = self._unit_after(text, of_a.end())
            if named != "count":  # "1/2 pound", "1/16 of a pint"
                return Mention(m.start("num"), after, m.start("num"), slash.end(), round(share, 9), round(share, 9), round(share, 9), "exact", named)
            if OF.match(text, slash.end()):  # "2/3 of the voters": a share, as "two-thirds of" is
                pct = round(100 * share, 1)
                return Mention(m.start("num"), slash.end(), m.start("num"), slash.end(), pct, pct, pct, "exact", "percent")
        if unit == "count" and not ordinal:
            unit, end = self._unit_after(text, end)
        elif not ordinal:
            unit, end = self._per(text, unit, end)
        if end == m.end("num") and GLUED_WORD.match(text, end):
            return None  # "49ers", "9AB8": letters glued to the digits that are no unit make a name or code
        if m.group("sign") and m.group("sign")[0] in "-−m":
            value = -value
        # Round off binary noise: 256.1 million is 256,100,000, not 256,100,000.00000003.
        places = max(0, numeral.decimals - round(math.log10(scale)))
        # Past 10^15 a float product drifts ("10 septillion" as 9.999…e24): multiply exactly.
        value = round(value * scale, places) if scale < 1e15 or not isinstance(scale, int) else float(Decimal(repr(value)) * scale)
        low = high = value
        if scale > 1 and not ordinal:
            half = 0.5 * 10 ** (-numeral.decimals) * scale
            low, high = round(value - half, places + 1), round(value + half, places + 1)
        start = m.start("cur") if m.group("cur") else m.start("sign") if m.group("sign") else m.start("num")
        if self.lang == "en" and not m.group("cur") and SUB.match(text, max(0, start - 4)) and start >= 4:
            # "sub-300 sq m office space": below the figure.
            return Mention(start - 4, end, m.start("num"), m.end("num"), value, 0.0, value, "less_than", unit, scale=scale)
        if not ordinal and unit == "count" and scale == 1 and self.day_before.search(text, max(0, start - 16), start):
            ordinal = True  # the number names a day of a count, it counts nothing itself
            return Mention(start, end, m.start("num"), m.end("num"), value, value, value, "exact", "count", True, True)
        return Mention(
            start, end, m.start("num"), power.end() if power else m.end("num") if not m.group("scale") else m.end("scale"),
            value, low, high, "exact", unit, ordinal, ordinal and self._is_day(text, m.start("num"), m.end()), scale=scale,
        )

    def _words(self, text: str, hit: WordHit) -> Mention:
        s, e, value, ordinal = hit.start, hit.end, hit.value, hit.ordinal
        unit, end = ("percent" if hit.fraction else "count"), e
        if not ordinal and not hit.fraction:
            unit, end = self._unit_after(text, e)
        elif hit.fraction and (of_a := OF_A.match(text, e)):
            # "a quarter of a percentage point", "half a mile": a fraction of a unit, not a share.
            named, after = self._unit_after(text, of_a.end())
            if named != "count":
                value, unit, end = round(hit.share, 6), named, after
        return Mention(s, end, s, e, value, value, value, "exact", unit, ordinal, ordinal and self._is_day(text, s, e), scale=hit.scale)

    def _share_units(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A bare number in a pair takes its neighbour's unit.

        "eight or nine euros", "a 7- or 8-inch screen", "280 million of the 1.5 billion shekels": the
        unit written after the second is the first's too. "The highest forecast is 84.75 cents,
        while the lowest is 74.07": the second repeats the first's. Percentages are not passed on
        backwards ("rose 0.1% to 1,333.18" is a level, not a share).
        """
        if self.lang != "en" or len(mentions) < 2:
            return mentions
        out = list(mentions)
        for i, m in enumerate(out):
            if m.unit != "count" or m.vague or m.ordinal or m.qualifier != "exact" or m.end != m.num_end:
                continue
            nxt = out[i + 1] if i + 1 < len(out) else None
            prev = out[i - 1] if i else None
            if nxt is not None and nxt.unit != "count" and nxt.start == nxt.num_start and UNIT_PAIR.fullmatch(text, m.end, nxt.start):
                out[i] = replace(m, unit=nxt.unit)
            elif nxt is not None and nxt.unit != "count" and nxt.start < nxt.num_start and CURRENCY_PAIR.fullmatch(text, m.end, nxt.start):
                out[i] = replace(m, unit=nxt.unit)  # "about 8 or $9": a currency written before the second
            elif (
                prev is not None and prev.unit not in {"count", "percent"} and BARE_AFTER.match(text, m.end)
                and UNIT_REPEAT.fullmatch(text, prev.end, m.start)
            ):
                out[i] = replace(m, unit=prev.unit)
        return out

    def _counts(self, text: str, m: Mention) -> bool:
        """A counted noun follows ("2000 people"): the number is a figure, not a year."""
        following = NEXT_WORD.match(text[m.end : m.end + 30])
        return bool(following and following.group(1).casefold() in self.nonclaims.group_words)

    def _unit_after(self, text: str, end: int) -> tuple[str, int]:
        """The unit written after a figure ("12 km", "6kW", "2.4-liter"), else ``count``."""
        after = self.unit_after.finditer(text, end, min(len(text), end + 30))
        if after and self._adjacent(text, end, after[0].start):
            return self._per(text, after[0].key, after[0].end)
        if self.unit_caps is not None and (caps := CAPS_WORD.match(text, end)):
            shouted = self.unit_caps.finditer(text, caps.start(1), caps.end(1))
            if shouted and shouted[0].start == caps.start(1) and shouted[0].end == caps.end(1):
                return self._per(text, shouted[0].key, shouted[0].end)
        return "count", end

    def _per(self, text: str, unit: str, end: int) -> tuple[str, int]:
        """A rate: "$100 a barrel", "52,000 barrels per day", "20 km/h" → "USD / barrel"."""
        glue = self.per.match(text, end)
        if glue is None:
            return unit, end
        after = self.per_unit.finditer(text, glue.end(), min(len(text), glue.end() + 25))
        if after and after[0].start == glue.end() and after[0].key != unit and "/" not in after[0].key and not self.not_rate.match(text, after[0].end):
            return f"{unit} / {after[0].key}", after[0].end
        return unit, end

    def _adjacent(self, text: str, end: int, start: int) -> bool:
        """Nothing but space, a hyphen ("10-year") or a glued Hebrew or Arabic article between a figure and its unit."""
        gap = text[end:start]
        return gap.strip() in {"", "-"} or bool(self.glued_gap.fullmatch(gap))

    def _time_frame(self, text: str, m: Mention, mentions: list[Mention]) -> bool:
        """A duration that frames another figure's period ("in the past 24 hours") is no claim.

        A frame that looks back or ahead ("in the past", "over the last") always frames; another
        ("for six weeks", "in 15 years", "nine days later") only when its sentence holds a figure
        for it to frame: alone, it is the figure ("no aid has entered for six weeks").
        """
        spans_time = m.unit in self.time_units or (m.unit == "count" and self.time_noun is not None and self.time_noun.match(text, m.end))
        if not spans_time or m.day_count or self.days_since.match(text, m.end):
            return False
        before = self.frame_before.search(text, max(0, m.start - 40), m.start)
        if not before and not self.frame_after.match(text, m.end):
            return False
        if before and self.frame_looks.search(before.group()):
            return True
        start = max((b.end() for b in SENTENCE_BREAK.finditer(text, max(0, m.start - 300), m.start)), default=max(0, m.start - 300))
        if before and self.frame_record.search(text, start, before.start()):
            return True  # "the first case in 25 years", "the biggest rise in 18 months"
        return any(o is not m and o.unit not in self.time_units and self._same_sentence(text, o, m) for o in mentions)

    @staticmethod
    def _same_sentence(text: str, a: Mention, b: Mention) -> bool:
        lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
        return not SENTENCE_BREAK.search(text, lo, max(lo, hi))

    def _is_day(self, text: str, s: int, e: int) -> bool:
        return bool(self.day_after.match(text[e : e + 40]))

    def _is_year(self, text: str, m: Mention) -> bool:
        """A bare four-digit number from 1800 to 2100 is a year unless something makes it a figure."""
        digits = text[m.num_start : m.num_end]
        if m.unit != "count" or m.start != m.num_start:
            return False
        if YEAR_DIGITS.fullmatch(digits):
            return True
        span = EARLY_YEAR_SPAN.match(text, m.num_start)
        if span and m.num_end == m.num_start + 4:
            # Not "between 1600 and 1900 people": the second end counts someone.
            return not self._counts(text, replace(m, end=span.end("then")))
        # "by 2120": a later year after a preposition of time.
        return bool(FAR_YEAR.fullmatch(digits) and TIME_PREPOSITION.search(text, max(0, m.start - 10), m.start))

    def _lone_one(self, text: str, m: Mention) -> bool:
        """"one" is a figure in "one person", not in "one of the" or "no one"."""
        word = text[m.num_start : m.num_end].casefold()
        if word not in {"one", "a", "an"}:
            return False
        after = text[m.num_end : m.num_end + 12].casefold()
        before = text[max(0, m.num_start - 8) : m.num_start].casefold()
        share = SHARE_IN.match(text[m.num_end : m.num_end + 20])
        if share and (share.group(1).isdigit() or share.group(1).casefold() in self.words.cardinals):
            return False  # "one in nine" is a share
        return bool(
            PRONOUN_AFTER.match(after)
            or PRONOUN_BEFORE.search(before)
        )


@functools.cache
def scanner(lexicon: Lexicon, lang: str) -> Scanner:
    return Scanner(lexicon, lang)
