"""What a figure counts: the head of the noun phrase after it ("400 charging stations by 2020" → "charging stations")."""

from __future__ import annotations

import functools

import regex

from figcheck.resolve.lexicon import Lexicon

WORD = regex.compile(r"[\p{L}\p{M}\d'’]+(?:-[\p{L}\p{M}\d'’]+)*|[^\s\p{L}\p{M}\d]")
CONJUNCTIONS = {"and", "or", "but", "nor", "plus"}
OF_THE = regex.compile(r"^(?:of\s+)?(?:the(?:\s+|\Z))?", regex.I)
# Between a counted figure and a later bare one that counts the same thing: "435 homes by open
# sale and 187 by tender", "3.9 million headsets, up from 2.4 million", "64.06 points to 4,577.10".
SHARED_GAP = regex.compile(
    r"(?:[\s,]+[\p{L}'’-]+){0,4}?[\s,]+(?:and|or|to|from|up\s+from|down\s+from|including|of\s+which|versus|vs\.?|compared\s+with|against)\s+\Z",
    regex.I,
)
# The set a superlative ranks in, closing the clause: "one of the oldest ballparks in America",
# "in the world with ...", "in his life."; not "in this price range in terms of quality".
DOMAIN = regex.compile(
    r"\s+in\s+(?:(?:the|his|her|their|its|our|my)\s+)?[\p{L}'’-]+(?:\s+[\p{L}'’-]+)?(?=\s*(?:[,.;:!?)]|\Z|\s+with\s))", regex.I
)
# A comparison further on: "460 Kia and Hyundai vehicles have been stolen so far this year compared
# with 63", "13 units whilst a gross is 144".
COMPARED_GAP = regex.compile(
    r"(?:[\s,]+[\p{L}'’-]+){0,12}?[\s,]+(?:compared\s+(?:with|to)|versus|vs\.?|against|while|whilst|whereas)(?:\s+[\p{L}'’-]+){0,3}?\s+\Z",
    regex.I,
)
TRAILING_JOINER = regex.compile(r"(?:(?:^|[\s,]+)(?:and|or|but|nor|plus))+\Z", regex.I)
# A noun hyphenated to its figure ("four-cylinder", "a 12-page report").
HYPHENED = regex.compile(r"-(\p{L}[\p{L}\p{M}]+)(?![\w-])")


class Counted:
    """The counted-phrase reader of one language, from rules/lexicon/counted.yml."""

    def __init__(self, lexicon: Lexicon, lang: str) -> None:
        data = lexicon.section("counted").get(lang) or {}
        self.stop = {str(w).casefold() for w in data.get("after_noun") or []}
        self.skip_first = {str(w).casefold() for w in data.get("before_noun") or []}
        self.plurals = {str(w).casefold() for w in data.get("plurals") or []}
        self.not_plural = {str(w).casefold() for w in data.get("not_plural") or []}
        self.english = lang == "en"

    def plural(self, word: str) -> bool:
        w = word.casefold()
        if w in self.plurals or w.endswith("men"):
            return True
        return len(w) > 3 and w.isalpha() and w.endswith("s") and not w.endswith(("ss", "us", "is")) and w not in self.not_plural and word[0].islower() == word[-2].islower()

    def read(self, text: str, np: tuple[int, int], value: float) -> str | None:
        glued = HYPHENED.match(text, np[0])
        if glued:
            return glued.group(1)  # "a four-cylinder engine" counts cylinders
        written = " ".join(text[np[0] : np[1]].split())
        if self.english and written.startswith(","):
            return None  # "the toll has risen to 158, officials said": a comma ends the figure
        phrase = OF_THE.sub("", written).strip(" ,'")
        if self.english:
            # "one of the best wireless speakers": one of a set counts what the set's plural names.
            of_set = value == 1 and written[:3].casefold() == "of "
            phrase = self._head(phrase, 2 if of_set else value)
            domain = DOMAIN.match(text, np[1]) if of_set and phrase else None
            if domain:
                phrase = f"{phrase} {' '.join(domain.group().split())}"  # "one of the oldest ballparks in America"
        # "15.3 ppg and 5 points": the phrase ends before a dangling conjunction.
        phrase = TRAILING_JOINER.sub("", phrase).strip(" ,'")
        return phrase or None

    def shared(self, text: str, gap: tuple[int, int], counted: str | None) -> str | None:
        """The previous figure's counted noun, when a bare figure stands parallel to it."""
        if not counted or not self.english:
            return None
        if not SHARED_GAP.fullmatch(text, gap[0], gap[1]) and not COMPARED_GAP.fullmatch(text, gap[0], gap[1]):
            return None
        return counted

    def _head(self, phrase: str, value: float) -> str:
        """Cut an English phrase where it stops naming the counted thing.

        A comma or a stop word ends it; so does its first plural noun ("liverpool fans went"),
        unless "of" and another plural follow ("categories of products"); for one thing, the first
        word that looks plural is a verb ("one proposal asks") and "of" ends the phrase too
        ("one count of wire fraud").
        """
        words = [m.group() for m in WORD.finditer(phrase)]
        out: list[str] = []
        i = 0
        while i < len(words):
            word, low = words[i], words[i].casefold()
            if not word[0].isalnum() or (not out and low in CONJUNCTIONS):
                break  # "0.2% and the FTSE fell": no counted noun
            if not out and i == 0 and low in self.skip_first and i + 1 < len(words):
                i += 1
                continue  # "2.7m combined digital sales" count digital sales
            if low in self.stop or (len(out) >= 2 and low.endswith("ed") and len(low) > 4):
                break
            if value == 1 and out and (low == "of" or self.plural(word)):
                break
            out.append(word)
            if value != 1 and self.plural(word):
                rest = words[i + 1 :]
                if len(rest) >= 2 and rest[0].casefold() == "of" and rest[1][0].islower() and self.plural(rest[1]):
                    out += rest[:2]
                break
            i += 1
        return " ".join(out)


@functools.cache
def counted(lexicon: Lexicon, lang: str) -> Counted:
    return Counted(lexicon, lang)
