"""Read numerals: digits with separators, number words, ordinals and scale words."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

import regex

from figcheck.resolve.lexicon import Lexicon


GROUP_SEP = regex.compile(r"[, ]")
UNIT_AND = regex.compile(r"(?i)(?<!\w)(?:a|an|one)\s+\p{L}+\s+and\s+\Z")
OF_OR_END = regex.compile(r"\s+(?:of|are|were|have|had)\b|\s*(?:[,.;:)]|\Z)", regex.I)
DETERMINER_AFTER = regex.compile(r"\s+(?:of|the|a|an|their|its|all)\b", regex.I)
ORDER_BEFORE = regex.compile(r"(?i)(?:first|second|third|fourth|last|final|latter|former|the|this|next)\s+\Z")
FOLLOWING_WORD = regex.compile(r"[\s\-־]*([\p{L}\p{M}]+)")
SENTENCE_END = regex.compile(r"[.!?:\"“”\n]\s*\Z")
WORD_SEP = regex.compile(r"[\s\-־]+")
# Punctuation no run of number words holds (WordNumbers.barriers keeps those that are in none
# of the language's words); WordNumbers._spans scans only between them.
BARRIER_CHARS = ".,;:!?()[]{}\"“”«»|/\\"
# The code points regex's case-insensitive matching takes for an ASCII letter besides its two
# cases (tests/test_number_words_scan.py checks this against every code point). Mapped onto the
# letter, then lower-cased, a text holds a number word's letters where the pattern can match it.
PARTNERS = "\u0130\u017f\u212a"
CASE_PARTNERS = str.maketrans(PARTNERS, "isk")


@dataclass(frozen=True)
class Numeral:
    value: float
    decimals: int
    """Digits after the decimal point as written; sets the rounding a scale word implies."""
    malformed: bool = False


def parse_digits(text: str) -> Numeral:
    """``1,057`` → 1057; ``1 057`` → 1057; ``3.5`` → 3.5; ``91,72`` → malformed.

    Commas and spaces group thousands; a point is the decimal mark. A group that is not three
    digits long means the writer mistyped or used another convention: we flag it, never guess.
    """
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    integer, _, frac = text.partition(".")
    groups = GROUP_SEP.split(integer)
    malformed = len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]))
    digits = "".join(groups)
    value = float(f"{digits}.{frac}") if frac else float(digits)
    return Numeral(value, len(frac), malformed)


@dataclass(frozen=True)
class WordHit:
    """A run of number words. ``fraction`` marks a share ("a third of") read as a percentage."""

    start: int
    end: int
    value: float
    ordinal: bool = False
    fraction: bool = False
    scaled: bool = False
    """A scale word was read ("two million"): the figure is rounded to that scale."""
    scale: float = 1
    """The last scale word's value ("five thousand" → 1000), so "four to five thousand" shares it."""
    share: float = 0
    """A fraction's share of one ("two-thirds" → 0.667), for a fraction of a unit ("half a mile")."""


class WordNumbers:
    """Number words of one language: "Eighteen", "two million", "שלושת", "خمسة وعشرون", "half".

    Everything language-specific — words, prefixes glued to the first word (Hebrew "ו", "ב",
    "כ"; Arabic "و", "ب"), the conjunction glued to later words — comes from numerals.yml.
    """

    def __init__(self, lexicon: Lexicon, lang: str = "en") -> None:
        data = lexicon.section("numerals").get(lang) or {}
        cf = _casefold
        self.cardinals: dict[str, int] = {cf(k): int(v) for k, v in (data.get("cardinals") or {}).items()}
        self.scales: dict[str, int] = {cf(k): int(v) for k, v in (data.get("scales") or {}).items()}
        self.standalone = {cf(k) for k in data.get("standalone_scales") or []}
        self.ordinals: dict[str, int] = {cf(k): int(v) for k, v in (data.get("ordinals") or {}).items()}
        self.fractions: dict[str, float] = {cf(k): float(v) for k, v in (data.get("fractions") or {}).items()}
        self.articles = {cf(a) for a in data.get("article_one") or []}
        self.never_alone = {cf(a) for a in data.get("never_alone") or []}
        self.not_numbers = {cf(a) for a in data.get("not_numbers") or []}
        self.fraction_stop = {cf(a) for a in data.get("fraction_stop") or []}
        self.dozen = cf(str(data.get("dozen") or ""))
        self.joiner = str(data.get("joiner") or "")
        prefixes = str(data.get("prefixes") or "")
        words = sorted({*self.cardinals, *self.scales, *([self.dozen] if self.dozen else [])}, key=len, reverse=True)
        ords = sorted(self.ordinals, key=len, reverse=True)
        self.pattern = self.fraction_rx = None
        if not words:
            return
        alt = lambda xs: "|".join(regex.escape(x) for x in xs) or "(?!)"  # noqa: E731
        w, o, art = alt(words), alt(ords), alt(self.articles)
        pre = f"(?:[{regex.escape(prefixes)}]{{1,2}}[-־]?)?" if prefixes else ""
        join = f"(?:{regex.escape(self.joiner)}[-־]?)?" if self.joiner else ""
        sep = rf"(?:\s+and\s+|[\s-]+{join}|\s*[-־]\s*{join})"
        # An optional article ("a million"), number words joined by spaces, hyphens or "and",
        # optionally ending in an ordinal ("twenty-fifth") or standing as an ordinal alone.
        self.pattern = regex.compile(
            rf"(?<![\w-]){pre}(?P<n>(?:(?:{art})\s+(?=(?:{alt(self.scales)}|{self.dozen or '(?!)'})\b))?"
            rf"(?:{w})(?:{sep}(?:{w}))*(?:-(?:{o}))?|(?:{o}))(?![\w]|-(?:{w}|{o})(?![\w]))",
            regex.I,
        )
        if self.fractions:
            # "half", "a third", "two-thirds", "כשליש", "نحو ربع".
            fr = alt(sorted(self.fractions, key=len, reverse=True))
            count = alt(sorted({*self.articles, *(k for k, v in self.cardinals.items() if 1 <= v <= 9)}, key=len, reverse=True))
            self.fraction_rx = regex.compile(
                rf"(?<![\w-]){pre}(?P<n>(?:(?P<count>{count})[\s-]+)?(?P<f>{fr}))(?![\w-])", regex.I
            )
        self.and_fraction = regex.compile(rf"\s+and\s+(?:{art})\s+(?P<f>{alt(sorted(self.fractions, key=len, reverse=True))})(?![\w-])", regex.I) if self.fractions and self.articles else None
        self.scale_after = regex.compile(rf"\s+(?:of\s+)?(?:a\s+|an\s+)?(?P<s>{alt(sorted(self.scales, key=len, reverse=True))})(?![\w])", regex.I)
        self.literals = self._literals([*words, *ords, *self.fractions], prefixes + self.joiner)
        glue = [*self.articles, "and", prefixes, self.joiner]
        # Characters no match holds (no word character, space or dash, in no number word, article
        # or glue): a match lies between two of them, and they read the same as the text's end.
        barriers = "".join(
            ch for ch in BARRIER_CHARS
            if not regex.match(r"[\w\s\-־]", ch) and not any(ch in w for w in [*words, *ords, *self.fractions, *glue])
        )
        self.barriers = re.compile(f"[{re.escape(barriers)}]") if barriers else None

    @staticmethod
    def _literals(words: list[str], glue: str) -> re.Pattern[str] | None:
        """A stdlib ``re`` alternation of the number words, case-sensitive, for ``_spans``: None
        when it could miss a place the patterns match (a word with a space, or a cased letter
        other than ASCII lower case, whose case partners CASE_PARTNERS does not list).

        A number word the patterns read stands after a character that is no word character, a
        separator, or a prefix or conjunction glued to it (``glue``): never right after another
        letter of the number words ("ست" inside "مستشفى"), so the search skips those places.
        """
        if not words or any(not w or regex.search(r"\s", w) for w in words):
            return None
        letters = set("".join(words))
        for ch in letters:
            if ch.isascii() and ch.isupper() or not ch.isascii() and (ch.lower() != ch or ch.upper() != ch):
                return None
        inner = "".join(sorted(ch for ch in letters - set(glue) - set("-־") if regex.match(r"\w", ch)))
        body = _trie(words)
        return re.compile(f"(?<![{re.escape(inner)}])(?:{body})" if inner else body)

    def _spans(self, text: str) -> list[tuple[int, int]]:
        """The stretches of ``text`` that hold every match of the number-word patterns.

        Scanning only these finds the whole text's matches (``regex`` finditer with pos and
        endpos). A match holds no barrier (punctuation such as ".,;:()": ``self.barriers``) and
        ends in a number word, found with ``self.literals``; so it lies in a stretch between two
        barriers that holds a number word. At a stretch's edge stands a barrier, neither a word
        character nor a dash nor a space, which the look-behind and look-aheads read as they
        read the text's start and end.
        """
        literals, barriers = self.literals, self.barriers
        size = len(text)
        if literals is None or barriers is None:
            return [(0, size)]
        probe = _probe(text)
        if len(probe) != size:
            return [(0, size)]
        spans: list[tuple[int, int]] = []
        walls: list[int] | None = None
        end = -1
        for m in literals.finditer(probe):
            at = m.start()
            if at < end:
                continue  # same stretch
            if walls is None:
                walls = [w.start() for w in barriers.finditer(text)]
            i = bisect.bisect_left(walls, at)
            start = walls[i - 1] + 1 if i else 0
            end = walls[i] if i < len(walls) else size
            spans.append((start, end))
        return spans

    def finditer(self, text: str) -> list[WordHit]:
        """Each run of number words, and each fraction, with its value."""
        if self.pattern is None:
            return []
        return self._scan(text, self._spans(text))

    def _scan(self, text: str, spans: list[tuple[int, int]]) -> list[WordHit]:
        out: list[WordHit] = []
        if self.pattern is None:
            return out
        for m in (m for lo, hi in spans for m in self.pattern.finditer(text, lo, hi)):
            parsed = self.parse(m.group("n"))
            if parsed is not None:
                value, end = parsed[0], m.end("n")
                # "five and a half years": a fraction joined with "and" adds to the whole number.
                extra = self.and_fraction.match(text, end) if self.and_fraction and not parsed[1] else None
                if extra:
                    value, end = value + self.fractions[_casefold(extra.group("f"))], extra.end()
                out.append(WordHit(m.start("n"), end, value, parsed[1], scaled=parsed[2] > 1, scale=parsed[2]))
        if self.fraction_rx is not None:
            for m in (m for lo, hi in spans for m in self.fraction_rx.finditer(text, lo, hi)):
                hit = self._fraction(text, m)
                if hit is not None:
                    out.append(hit)
        return out

    def _fraction(self, text: str, m: regex.Match[str]) -> WordHit | None:
        share = self.fractions.get(_casefold(m.group("f")))
        if share is None:
            return None  # a case partner of a letter ("fİfth"): regex matched what folds to no word of ours
        count = _casefold(m.group("count") or "")
        n = self.cardinals.get(count, 1)
        after = text[m.end() : m.end() + 8]
        if count and self.articles and not OF_OR_END.match(after):
            return None  # "a third straight title" is an ordinal; "a third of" and "about a third." are shares
        if count and self.articles and UNIT_AND.search(text, max(0, m.start() - 30), m.start()):
            return None  # "more than it gets in a year and a half": part of a span, no share
        if not count and self.articles:
            # A bare English fraction word is a share only when it takes "of" or a determiner
            # ("half of the", "half the"), not in "the first half" or "third quarter"; capitalised
            # inside a sentence it is a name ("the Fourth of July", "Half Moon Bay").
            before = text[max(0, m.start() - 12) : m.start()]
            if m.group("f")[:1].isupper() and before.strip() and not SENTENCE_END.search(before):
                return None
            if not DETERMINER_AFTER.match(text[m.end() : m.end() + 8]):
                return None
            if ORDER_BEFORE.search(before):
                return None
        following = FOLLOWING_WORD.match(text[m.end() : m.end() + 30])
        if following and _casefold(following.group(1)) in self.fraction_stop:
            return None
        scale = self.scale_after.match(text, m.end())
        if scale:
            value = n * share * self.scales[_casefold(scale.group("s"))]
            return WordHit(m.start("n"), scale.end(), round(value, 6), scaled=True)
        return WordHit(m.start("n"), m.end("n"), round(n * share * 100, 1), fraction=True, share=n * share)

    def _token(self, tok: str) -> str | None:
        """The number word a token is, with a glued conjunction removed ("וחמישה" → "חמישה")."""
        if tok in self.cardinals or tok in self.scales or tok in self.ordinals or tok in self.articles or tok == self.dozen:
            return tok
        if self.joiner and tok.startswith(self.joiner):
            rest = tok[len(self.joiner) :].lstrip("-־")
            if rest in self.cardinals or rest in self.scales:
                return rest
        return None

    def parse(self, phrase: str) -> tuple[float, bool, float] | None:
        """(value, is_ordinal, last scale ≥ 1000 or 1) of a run of number words, or None if it is no figure."""
        folded = _casefold(phrase)
        if folded in self.not_numbers:
            return None
        raw = [t for t in WORD_SEP.split(folded) if t and t != "and"]
        tokens = [self._token(t) for t in raw]
        if not tokens or any(t is None for t in tokens):
            return None
        if tokens[0] in self.scales and not (len(tokens) == 1 and tokens[0] in self.standalone):
            return None  # "million" alone is a word, not a figure; "a million" is one
        if len(tokens) == 1 and tokens[0] in self.never_alone:
            return None
        total, current, ordinal, seen, scaled = 0, 0, False, False, 1
        for i, tok in enumerate(tokens):
            if tok in self.articles and i == 0:
                current = 1
                continue
            if tok in self.cardinals:
                current += self.cardinals[tok]
            elif tok == self.dozen:
                current = (current or 1) * 12
            elif tok in self.scales:
                scale = self.scales[tok]
                if scale == 100:
                    current = (current or 1) * 100
                else:
                    total += (current or 1) * scale
                    current = 0
                    scaled = scale
            elif tok in self.ordinals:
                current += self.ordinals[tok]
                ordinal = True
            else:
                return None
            seen = True
        if not seen:
            return None
        return float(total + current), ordinal, scaled


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` written as a trie ("f(?:ive|our)"): the same strings, found
    three to four times faster by ``re``, which tries alternatives one by one."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a word ends here, a longer one goes on
            return f"(?:{body})?" if len(alts) == 1 else body + "?"
        return body

    return build(root)


def _probe(text: str) -> str:
    """``text`` as the literal search reads it: each case partner of a letter that regex's
    case-insensitive match accepts turned into that letter."""
    if not text.isascii() and any(ch in text for ch in PARTNERS):
        text = text.translate(CASE_PARTNERS)  # a dict lookup a character: only when one is there
    return text.lower()


def _casefold(text: str) -> str:
    return text.casefold()


@functools.cache
def word_numbers(lexicon: Lexicon, lang: str) -> WordNumbers:
    return WordNumbers(lexicon, lang)
