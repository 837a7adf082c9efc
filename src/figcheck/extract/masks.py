"""Spans that hold numbers but never claims: links, handles, codes, identifiers, ages, phones, dates."""

from __future__ import annotations

import functools

import regex

from figcheck.extract.dates import DateHit
from figcheck.extract.gates import Gate, phrases_gate, probe
from figcheck.resolve.lexicon import Lexicon, fold

UNIT_CODE = regex.compile(r"[$]?\p{Lu}+[$]?")
NEXT_WORD = regex.compile(r"\s+([\p{L}]+)")
SENTENCE_START = regex.compile(r"(?:[.!?:\n\"]\s*|\A\s*)\Z")
PATTERNS = [
    r"(?:https?://|www\.)\S+",
    r"(?<!\w)(?:pic\.twitter\.com|t\.co|bit\.ly|youtu\.be)/\S+",
    r"(?<!\w)[\w.-]+\.(?:com|org|net|gov|edu|int|io|co|il|uk|ps|news)(?:/\S*)?(?!\w)",
    r"[\w.+-]+@[\w-]+\.[\w.]+",
    r"(?<![\w])@\w+",
    r"(?<![\w&])#\w+",
    r"\[\d{1,3}\]",
    # Codes where letters and digits touch or are hyphenated: COVID-19, F-16, G7, MH17, A320, 10-K, 3D.
    # Not Hebrew's glued prefixes written with a hyphen: "עלה ל-9,057", "כ-200", "מ-60 אלף".
    r"(?<![\w])(?!minus-|sub-|[והבכלמש]{1,3}-)\p{L}{1,12}-[0-9]+\w*",
    r"(?<![\w.,])\d+-\p{Lu}\w*",
    r"(?<![\w.,])\d+D(?!\w)",
    # Ages in names: "John Smith, 45, said".
    r"(?<=\p{Lu}\p{Ll}+,\s)[0-9]{1,3}(?=,(?![0-9]))",
    # A player's shirt number after the name: "Dak Prescott (4) celebrates".
    r"(?<=\p{Lu}\p{Ll}+\s\()[0-9]{1,3}(?=\))",
    # Phone numbers.
    r"(?<![\w])\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s-]?\d{2,4}){2,4}(?![\w])",
    r"(?<![\w.,])(?:1[\s-])?\(?\d{3}\)?[\s-]\d{3}-\d{4}(?![\w])",
    r"(?<![\w.,])0\d{1,2}-\d{7}(?![\w])",
    # Years with an era: "between A.D. 1000 and 1260", "500 BC".
    r"(?<![\w.])(?:A\.D\.|AD|C\.E\.)\s*[0-9]{1,4}(?:\s*(?:and|to|-|–)\s*[0-9]{1,4})?(?![\w])",
    r"(?<![\w.,])[0-9]{1,4}(?:\s*(?:and|to|-|–)\s*[0-9]{1,4})?\s*(?:B\.C\.E\.|B\.C\.|BCE|BC|A\.D\.|AD|C\.E\.|CE)(?![\w])",
    # A code written in capitals, a space and its hyphenated number: "COVID -19" (as "COVID-19").
    r"(?<![\w])\p{Lu}{2,12}\s-[0-9]+(?![\w.,%])",
    # Scores and ratios with a colon are times or results, not figures.
    r"(?<![\w.,])\d+:\d+(?![\w])",
]
# Literals every match of a pattern above holds: a text without any of them is not scanned for it.
NEEDS = {
    r"[\w.+-]+@[\w-]+\.[\w.]+": ("@",),
    r"(?<![\w])@\w+": ("@",),
    r"(?<![\w&])#\w+": ("#",),
    r"(?<!\w)[\w.-]+\.(?:com|org|net|gov|edu|int|io|co|il|uk|ps|news)(?:/\S*)?(?!\w)": tuple(
        f".{d}" for d in ("com", "org", "net", "gov", "edu", "int", "io", "co", "il", "uk", "ps", "news")
    ),
}
# Ages written as ages: "a 45-year-old", "aged 45". No claim, but quantities (see age_spans).
AGE_PATTERNS = [
    r"(?i)(?<![\w.,])\d{1,3}[\s-]+(?:year|month|week)s?[\s-]+old",
    r"(?i)(?<=\baged?\s+(?:between\s+)?)[0-9]{1,3}(?:\s*(?:to|-|–|and)\s*[0-9]{1,3})?(?![0-9])",
    # "those 65 and older", "adults 50 or over are": not "killed 30 and over 100 were wounded".
    r"(?i)(?<![\w.,$€£₪])[0-9]{1,3}(?=\s+(?:and|or)\s+(?:older|younger|over(?!\s+(?:[0-9$€£₪]|a\b|an\b|one\b|two\b|three\b|half\b))))",
]
# A generation of wireless networks ("5G", "4G"): no claim, but a quantity (see generation_spans).
GENERATION = r"(?<![\w.,])\d{1,2}G(?!\w)"


class NonClaims:
    """Masks for one language, compiled once."""

    def __init__(self, lexicon: Lexicon, lang: str) -> None:
        self.fixed = [regex.compile(p) for p in PATTERNS]
        self.ages = [regex.compile(p) for p in AGE_PATTERNS]
        self.generation = regex.compile(GENERATION)
        # Patterns that cannot match without one of these literals: skipped when all are absent.
        self.needs = {p: Gate(NEEDS[p], ignore_case=False) for p in PATTERNS if p in NEEDS}
        section = lexicon.section("nonclaims")
        words = {str(w).casefold() for w in (section.get("identifier_words") or {}).get(lang) or []}
        words |= {str(w).casefold() for w in (section.get("identifier_words") or {}).get("en") or []}
        alts = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
        prefix = r"(?:[ובלמה])?" if lang == "he" else r"(?:[وبل]?ال|[وبل])?" if lang == "ar" else ""
        # Matched from the digit backwards: the engine only stops at digits, not at every word.
        self.identifier = regex.compile(rf"(?i)(?=[0-9])(?<=(?<!\w){prefix}(?P<w>{alts})\s*(?:no\.?\s*|#\s*)?)(?<![0-9])(?P<n>[0-9]+(?:\.[0-9]+)*[a-z]?(?:[-–][0-9]+)?)(?![0-9]|,[0-9])") if alts else None
        # In English an identifier word is capitalised ("Sector 7", "Channel 12"); in lower case
        # only the words that are always references ("page 4", "flight 17") make one.
        self.lower_ok = {str(w).casefold() for w in section.get("identifier_words_lowercase_ok") or []}
        self.cased = lang == "en"
        # Codes where capitals and digits touch (G7, MH17, A320), unless the capitals are a
        # currency written before its figure (USD10m, $US113, $A82).
        codes = sorted((p for p in (lexicon.section("units").get("prefix") or {}) if UNIT_CODE.fullmatch(p)), key=len, reverse=True)
        money = "|".join(regex.escape(c.strip("$")) for c in codes) or "(?!)"
        # "PS2.7m" is "£2.7m" converted to ASCII; "PS5" stays a code (see units.yml).
        ascii_money = "|".join(regex.escape(c) for c in (lexicon.section("units").get("transliterated_prefix") or {})) or "(?!)"
        self.ascii_money = regex.compile(rf"(?:{ascii_money})(?=[0-9]+(?:[.,][0-9]|[0-9]{{3}}|(?:m|bn|k)(?!\w)))")
        money += f"|{self.ascii_money.pattern}"
        self.codes = regex.compile(rf"(?=\p{{Lu}}{{1,5}}[0-9])(?<![\w$])(?!(?:{money})[0-9])\p{{Lu}}{{1,5}}[0-9]+\w*|(?<=\$)(?!(?:{money})[0-9])\p{{Lu}}{{1,5}}[0-9]+\w*")
        ok = {str(w) for w in (section.get("capitalised_ok") or {}).get("en") or []}
        ok |= set((lexicon.section("units").get("prefix") or {}))
        self.capital_ok = ok
        alt = lambda xs: "|".join(regex.escape(fold(str(x))).replace(r"\ ", r"\s+") for x in sorted(xs, key=len, reverse=True))  # noqa: E731
        ages = (section.get("age_before") or {}).get(lang) or []
        glue = r"[\s\-־]*" if lang == "he" else r"\s+"
        pre = r"(?:[ולכש])?" if lang == "he" else r"(?:[وب])?" if lang == "ar" else ""
        self.age_before = regex.compile(rf"(?<!\w){pre}(?:{alt(ages)}){glue}(?P<n>[0-9]+|\p{{L}}+)") if ages else None
        modifiers = (section.get("modifier_nouns") or {}).get(lang) or []
        cardinals = [str(w) for w in ((lexicon.section("numerals").get(lang) or {}).get("cardinals") or {})]
        self.modifier = regex.compile(
            rf"(?i)(?<![\w.,$€£₪-])(?P<n>[0-9]+|{alt(cardinals)})-(?:{alt(modifiers)})(?=\s+[\p{{L}}$€£₪])"
        ) if modifiers and cardinals else None
        both = (section.get("both_before_definite") or {}).get(lang) or []
        self.both = regex.compile(rf"(?<!\w)[ובלמשכ]{{0,2}}(?P<n>{alt(both)})(?=\s+ה\p{{L}})") if both else None
        frames = (section.get("time_words_before") or {}).get(lang) or []
        self.frame_before = regex.compile(rf"(?<!\w)(?:{alt(frames)})\s+(?:الـ|ال)?\s*(?P<n>[0-9]+)") if frames else None
        single = (section.get("single_after") or {}).get(lang) or []
        self.single = regex.compile(
            rf"(?i)(?<!\w)(?:{alt(single)})\s+(?P<n>one)\s+(?!(?:to|and|or|of|in|per|percent|million|billion|thousand|hundred|dozen|more|fewer|third|half|quarter)\b)\p{{L}}"
        ) if single else None
        family = (section.get("family_before") or {}).get(lang) or []
        self.family = regex.compile(rf"(?i)(?<!\w)(?:{alt(family)})\s+(?P<n>[0-9]+|\p{{L}}+)(?![\w-])") if family else None
        clock = (section.get("clock_after") or {}).get(lang) or []
        self.clock_after = regex.compile(rf"(?P<n>[0-9]+|\p{{L}}+)\s+(?:{alt(clock)})(?!\w)") if clock else None
        names = [fold(str(n)) for n in (section.get("names_with_numbers") or {}).get(lang) or []]
        self.names = regex.compile("(?i)" + "|".join(regex.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))) if names else None
        # "נועה ארגמני, 26, אלמוג מאיר ג'אן, 22": ages after names in scripts without capitals.
        self.age_after_name = regex.compile(r"(?<=[\p{Hebrew}\p{Arabic}'\"]{2,},\s)[0-9]{1,2}(?=,\s*[\p{L}]|\.?\s*\Z)") if lang in {"he", "ar"} else None
        # "Windows 11", "Boeing 737": a capitalised name before a bare number names a thing. Not
        # a possessive ("Harris's 226"), a score ("Senate 53-47") or a count ("Likud 24 seats").
        self.capitalised = regex.compile(r"(?=\p{Lu})(?<![\w.])(?P<w>\p{Lu}[\p{L}']*)(?<!'s)\s+(?P<n>[0-9]+)(?![0-9%\w]|[.,][0-9]|(?<=(?<![0-9])[0-9]{1,3})[-–][0-9])")
        # Whether a text can hold a match of the phrase patterns at all (extract/gates.py): most
        # texts hold none of their phrases, and each scan costs 15-80 µs.
        phrases = lambda key: [fold(str(x)) for x in (section.get(key) or {}).get(lang) or []]  # noqa: E731
        self.gates = {
            "whole_set": phrases_gate(phrases("whole_set_before"), ignore_case=True),
            "modifier": phrases_gate(phrases("modifier_nouns"), ignore_case=True, before="-"),
            "names": phrases_gate(phrases("names_with_numbers"), ignore_case=True),
            "family": phrases_gate(phrases("family_before"), ignore_case=True),
            "clock_after": phrases_gate(phrases("clock_after"), ignore_case=False),
        }
        counted: set[str] = set()
        for entry in lexicon.section("groups").values():
            counted |= {str(w).casefold() for w in (entry or {}).get("en") or []}
        for entry in lexicon.section("metrics").values():
            if isinstance(entry, dict):
                counted |= {str(w).casefold() for w in ((entry.get("noun") or {}).get("en") or [])}
        counted |= {str(w).casefold() for w in ((lexicon.section("units").get("suffix") or {}).get("en") or {})}
        self.counted_words = counted
        # Set scores of tennis or volleyball: hyphenated pairs in a list ("6-3, 6-4, 7-5"). A single
        # result ("won 6-3") is two figures, goals or points.
        self.set_scores = regex.compile(
            r"(?<![\w.,:/-])[0-9]{1,2}[-–][0-9]{1,2}(?:,\s*(?:and\s+)?[0-9]{1,2}[-–][0-9]{1,2})+(?![\w-]|[.,:/][0-9])"
        )
        races = (section.get("race_after") or {}).get(lang) or []
        self.race = regex.compile(
            rf"(?i)(?<=(?<!\w)the\s+(?:[\p{{L}}']+\s+){{0,2}})[0-9]{{2,5}}\s?(?:m|metres|meters)(?=\s+(?:{alt(races)})(?!\w))"
        ) if races else None
        # A result written with a colon right after a word of play ("ניצחה 84:89", "won 3:1") is
        # a score, two figures (metrics.yml 'score_line' of a metric with a 'score_max').
        plays = [
            str(w) for entry in lexicon.section("metrics").values()
            if isinstance(entry, dict) and entry.get("score_max") is not None
            for w in (entry.get("score_line") or {}).get(lang) or []
        ]
        self.colon_score = regex.compile(
            rf"(?i)(?<=(?<!\w){prefix}(?:{alt(plays)})(?:\s+[\p{{L}}\p{{M}}'\"־-]+){{0,3}}?\s+)[0-9]{{1,3}}:[0-9]{{1,3}}(?![\w:]|[.,][0-9])"
        ) if plays else None
        references = (section.get("reference_after") or {}).get(lang) or []
        self.reference = regex.compile(
            rf"(?i)(?<=(?<!\w)the\s+[$€£₪]?)[0-9][0-9.,]*(?=(?:\s?(?:C|F|%)|\s+(?:degrees?(?:\s+Celsius)?|percent|per\s+cent))?[\s-]+(?:{alt(references)})(?!\w))"
        ) if references else None
        whole = (section.get("whole_set_before") or {}).get(lang) or []
        self.whole_set = regex.compile(
            rf"(?i)(?<=(?<!\w)(?:{alt(whole)})\s+)(?:[0-9]+|{alt(cardinals)})(?![\w,.%])(?=\s+\p{{L}})"
        ) if whole and cardinals else None
        priced, units = (section.get("priced_before") or {}).get(lang) or [], (section.get("priced_units") or {}).get(lang) or []
        self.priced = regex.compile(rf"(?i)(?<=(?<!\w)(?:{alt(priced)})\s+)(?:{alt(units)})(?!\w)") if priced and units else None
        streets = (section.get("street_words") or {}).get(lang) or []
        self.street = regex.compile(
            rf"(?<![\w.,$€£-])[0-9]{{1,5}}(?:[-–][0-9]{{1,5}})?(?=(?:\s+(?:\p{{Lu}}[\p{{L}}0-9]*|[0-9]+(?:st|nd|rd|th))\.?){{0,3}}\s+(?:{alt(streets)})\.?(?=[,;:)\n]|\s+\p{{Ll}}|\s*\Z))"
        ) if streets else None
        before = (section.get("street_words_before") or {}).get(lang) or []
        # "22 Ave Foch, Paris", "10 Rue de Rivoli": the street word between the number and a capitalised name.
        self.street_before = regex.compile(
            rf"(?<![\w.,$€£-])[0-9]{{1,5}}(?=\s+(?:{alt(before)})\.?\s+(?:\p{{Ll}}{{1,3}}\s+){{0,2}}\p{{Lu}})"
        ) if before else None
        codes_after = (section.get("code_after") or {}).get(lang) or []
        self.code_after = regex.compile(rf"(?i)(?<![\w.,$€£-])[0-9]{{2,6}}(?=\s+(?:{alt(codes_after)})(?!\w))") if codes_after else None
        models = (section.get("model_after") or {}).get(lang) or []
        # "11 Pro Max", "737 Max jets": a product line's word, capitalised, right after the number.
        self.model_after = regex.compile(
            rf"(?<![\w.,$€£-])[0-9]{{1,4}}(?=\s+(?:{'|'.join(regex.escape(str(m)) for m in models)})(?!\w))"
        ) if models else None
        # Who is counted ("people", "soldiers"): after a year-like number, these make it a count. In
        # Hebrew and Arabic a counted noun after the number is what it counts ("2012 قتيلا", "2059
        # מפונים"), a metric's noun too; a year's noun stands before it ("ميزانية 2024").
        self.group_words = {str(w).casefold() for entry in lexicon.section("groups").values() for w in (entry or {}).get(lang if lang in {"he", "ar"} else "en") or []}
        if lang in {"he", "ar"}:  # the first word of a phrase ("2012 בני אדם")
            self.group_words |= {w.split()[0] for w in self.group_words if " " in w}
        if lang in {"he", "ar"}:
            self.group_words |= {
                str(w).casefold() for entry in lexicon.section("metrics").values() if isinstance(entry, dict)
                for w in ((entry.get("noun") or {}).get(lang) or []) if " " not in str(w)
            }

    def age_spans(self, text: str) -> list[tuple[int, int]]:
        """Ages written as ages ("a 45-year-old", "aged 45", "children under 5"): masked for
        claims, kept by the quantity layer as ages."""
        spans = [(m.start(), m.end()) for rx in self.ages for m in rx.finditer(text)]
        if self.age_before is not None:
            spans.extend((m.start("n"), m.end("n")) for m in self.age_before.finditer(text))
        return spans

    def generation_spans(self, text: str) -> list[tuple[int, int]]:
        """Wireless generations ("5G"): masked for claims, the quantity layer reads the number."""
        return [(m.start(), m.end()) for m in self.generation.finditer(text)] if "G" in text else []

    def spans(self, text: str, dates: list[DateHit]) -> list[tuple[int, int]]:
        spans = [(d.start, d.end) for d in dates] + self.age_spans(text) + self.generation_spans(text)
        for rx in self.fixed:
            gate = self.needs.get(rx.pattern)
            if gate is not None and not gate.open(text):
                continue  # no "@" in the text: no e-mail address or handle to mask
            spans.extend((m.start(), m.end()) for m in rx.finditer(text))
        spans.extend((m.start(), m.end()) for m in self.codes.finditer(text))
        if self.identifier is not None:
            for m in self.identifier.finditer(text):
                word = m.group("w")
                if self.ascii_money.match(text, m.start("w")):
                    continue  # "PS2.7m" is £2.7m, not PlayStation 2
                if not self.cased or not word.islower() or word.casefold() in self.lower_ok:
                    spans.append((m.start("n"), m.end("n")))
        lowered = probe(text)
        gates = self.gates
        if self.names is not None and gates["names"].open(text, lowered):
            spans.extend((m.start(), m.end()) for m in self.names.finditer(text))
        if self.age_after_name is not None:
            spans.extend((m.start(), m.end()) for m in self.age_after_name.finditer(text))
        for rx, gate in (
            (self.clock_after, gates["clock_after"]), (self.frame_before, None), (self.modifier, gates["modifier"]),
            (self.both, None), (self.family, gates["family"]), (self.single, None),
        ):
            if rx is not None and (gate is None or gate.open(text, lowered)):
                spans.extend((m.start("n"), m.end("n")) for m in rx.finditer(text))
        if "-" in text or "–" in text:
            spans.extend((m.start(), m.end()) for m in self.set_scores.finditer(text))
        if self.race is not None:
            spans.extend((m.start(), m.end()) for m in self.race.finditer(text))
        for rx in (self.reference, self.priced):
            if rx is not None:
                spans.extend((m.start(), m.end()) for m in rx.finditer(text))
        if self.whole_set is not None and gates["whole_set"].open(text, lowered):
            spans.extend((m.start(), m.end()) for m in self.whole_set.finditer(text))
        for rx in (self.street, self.street_before, self.code_after, self.model_after):
            if rx is not None:
                spans.extend((m.start(), m.end()) for m in rx.finditer(text))
        if self.colon_score is not None and ":" in text:
            scores = [(m.start(), m.end()) for m in self.colon_score.finditer(text)]
            # Neither a clock time nor a ratio: the two sides are read as figures.
            spans = [s for s in spans if not any(a <= s[0] and s[1] <= b for a, b in scores)]
        for m in self.capitalised.finditer(text):
            following = NEXT_WORD.match(text[m.end("n") : m.end("n") + 30])
            if following and following.group(1).casefold() in self.counted_words:
                continue
            if m.group("w") not in self.capital_ok and not _sentence_initial(text, m.start("w")):
                spans.append((m.start("n"), m.end("n")))
        return spans


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos]
    return pos == 0 or bool(SENTENCE_START.search(before))


@functools.cache
def nonclaims(lexicon: Lexicon, lang: str) -> NonClaims:
    return NonClaims(lexicon, lang)
