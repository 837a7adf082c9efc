"""Read numerals: digits with separators, number words, ordinals and scale words."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from figcheck.resolve.lexicon import Lexicon


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
    groups = regex.split(r"[, ]", integer)
    malformed = len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]))
    digits = "".join(groups)
    value = float(f"{digits}.{frac}") if frac else float(digits)
    return Numeral(value, len(frac), malformed)


class WordNumbers:
    """English number words: "Eighteen", "two million", "one hundred and five", "thirtieth"."""

    def __init__(self, lexicon: Lexicon, lang: str = "en") -> None:
        data = lexicon.section("numerals").get(lang) or {}
        self.cardinals: dict[str, int] = {k.casefold(): int(v) for k, v in (data.get("cardinals") or {}).items()}
        self.scales: dict[str, int] = {k.casefold(): int(v) for k, v in (data.get("scales") or {}).items()}
        self.ordinals: dict[str, int] = {k.casefold(): int(v) for k, v in (data.get("ordinals") or {}).items()}
        self.articles = {a.casefold() for a in data.get("article_one") or []}
        self.dozen = str(data.get("dozen") or "").casefold()
        words = sorted({*self.cardinals, *self.scales, *([self.dozen] if self.dozen else [])}, key=len, reverse=True)
        ords = sorted(self.ordinals, key=len, reverse=True)
        if not words:
            self.pattern = None
            return
        w = "|".join(words)
        o = "|".join(ords) or "(?!)"
        art = "|".join(self.articles) or "(?!)"
        sep = r"(?:\s+and\s+|[\s-]+)"
        # An optional article ("a million"), number words joined by spaces, hyphens or "and",
        # optionally ending in an ordinal ("twenty-fifth") or standing as an ordinal alone.
        self.pattern = regex.compile(
            rf"(?<![\w-])(?:(?:(?:{art})\s+(?=(?:{'|'.join(self.scales) or '(?!)'}|{self.dozen or '(?!)'})\b))?"
            rf"(?:{w})(?:{sep}(?:{w}))*(?:-(?:{o}))?|(?:{o}))(?![\w-])",
            regex.I,
        )

    def finditer(self, text: str) -> list[tuple[int, int, float, bool]]:
        """(start, end, value, is_ordinal) for each run of number words."""
        if self.pattern is None:
            return []
        out = []
        for m in self.pattern.finditer(text):
            parsed = self.parse(m.group())
            if parsed is not None:
                out.append((m.start(), m.end(), parsed[0], parsed[1]))
        return out

    def parse(self, phrase: str) -> tuple[float, bool] | None:
        tokens = [t for t in regex.split(r"[\s-]+", phrase.casefold()) if t and t != "and"]
        if not tokens or tokens[0] in self.scales:
            return None  # "million" alone is a word, not a figure; "a million" is one
        total, current, ordinal, seen = 0, 0, False, False
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
            elif tok in self.ordinals:
                current += self.ordinals[tok]
                ordinal = True
            else:
                return None
            seen = True
        if not seen:
            return None
        return float(total + current), ordinal


@functools.cache
def word_numbers(lexicon: Lexicon, lang: str) -> WordNumbers:
    return WordNumbers(lexicon, lang)
