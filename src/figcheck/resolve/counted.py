"""What a figure counts: the head of the noun phrase after it ("400 charging stations by 2020" → "charging stations")."""

from __future__ import annotations

import functools

import regex

from figcheck.resolve.lexicon import Lexicon

WORD = regex.compile(r"[\p{L}\p{M}\d'’]+(?:-[\p{L}\p{M}\d'’]+)*|[^\s\p{L}\p{M}\d]")
CONJUNCTIONS = {"and", "or", "but", "nor", "plus"}
FUNCTION_WORDS = {"of", "the", "a", "an", "in", "on", "at", "to", "for", "from", "with", "by", "as", "is", "was", "are", "were",
                  "be", "been", "has", "have", "had", "that", "which", "who", "this", "these", "those", "its", "their", "his", "her"}
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
# A comparative right after a figure: "25k or 40k cheaper than", "3 points higher than".
COMPARATIVE = regex.compile(r"\s*\p{L}+er\s+than(?!\w)", regex.I)
# A figure in bare digits right before its phrase: no currency, percent or scale word ("12 page
# document", not "$500 billion infrastructure fund" or "10% baseline tariff").
BARE_DIGITS = regex.compile(r"(?<![\p{Sc}\p{L}0-9.,/-])[0-9]+\s*\Z")
# A verb in -ing right after a figure, with its object: "around 73 raising the prospect of".
GERUND = regex.compile(r"\s*\p{L}{3,}ing\s+(?:the|a|an|its|their|his|her|our|this|that|these|those)(?!\w)", regex.I)
# The plural of an abbreviation: "TDs", "MPs", "IEDs".
ACRONYM_PLURAL = regex.compile(r"\p{Lu}{2,5}s")
# A figure whose hyphen waits for the noun of the last in its list ("four-, five- and
# six-cylinder engines", "two- or three-bedroom flats").
SUSPENDED = regex.compile(
    r"-,?\s+(?:(?:and|or|to)\s+)?(?:[\p{L}0-9]+-,?\s+(?:(?:and|or|to)\s+)?){0,4}[\p{L}0-9]+-(\p{L}[\p{L}\p{M}]+)(?![\w-])", regex.I
)
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
        if w in self.plurals or w.endswith("men") or ACRONYM_PLURAL.fullmatch(word):
            return True  # "2 TDs", "40 MPs", "12 IEDs"
        return len(w) > 3 and w.isalpha() and w.endswith("s") and not w.endswith(("ss", "us", "is")) and w not in self.not_plural and word[0].islower() == word[-2].islower()

    def read(self, text: str, np: tuple[int, int], value: float) -> str | None:
        glued = HYPHENED.match(text, np[0]) or SUSPENDED.match(text, np[0])
        if glued:
            return glued.group(1)  # "a four-cylinder engine" counts cylinders, "four-, five- and six-cylinder" too
        if self.english and (COMPARATIVE.match(text, np[0]) or GERUND.match(text, np[0])):
            return None  # "40k cheaper than its rivals", "around 73, raising the prospect": no counted noun
        written = " ".join(text[np[0] : np[1]].split())
        if self.english and written.startswith(","):
            return None  # "the toll has risen to 158, officials said": a comma ends the figure
        phrase = OF_THE.sub("", written).strip(" ,'")
        measure = BARE_DIGITS.search(text, max(0, np[0] - 24), np[0]) is not None
        if self.english:
            # "one of the best wireless speakers": one of a set counts what the set's plural names.
            of_set = value == 1 and written[:3].casefold() == "of "
            phrase = self._head(phrase, 2 if of_set else value, measure=measure and not of_set, written=written)
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

    def _head(self, phrase: str, value: float, measure: bool = True, written: str = "") -> str:
        """Cut an English phrase where it stops naming the counted thing.

        A comma or a stop word ends it; so does its first plural noun ("liverpool fans went"),
        unless "of" and another plural follow ("categories of products"); for one thing, the first
        word that looks plural is a verb ("one proposal asks") and "of" ends the phrase too
        ("one count of wire fraud").
        """
        words = [m.group() for m in WORD.finditer(phrase)]
        if measure and value != 1 and len(words) >= 2 and phrase == written and self._measure(words[0], words[1], words[2] if len(words) > 2 else ""):
            return words[0]  # "a 12 page document", "a 3 cylinder engine": the figure counts pages
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


    def _measure(self, first: str, second: str, third: str) -> bool:
        """Two singular nouns after a plural figure: the first, with the figure, describes the
        second, as if hyphenated ("12 page document" is a "12-page document"); not when a plural
        noun follows them ("1,100 public housing properties")."""
        if not (first.isalpha() and second.isalpha() and first.islower() and second.islower()):
            return False
        if {first, second} & (self.stop | CONJUNCTIONS | FUNCTION_WORDS) or first.endswith("ly"):
            return False
        if third and self.plural(third):
            return False
        return not self.plural(first) and not self.plural(second) and not first.endswith("s")


@functools.cache
def counted(lexicon: Lexicon, lang: str) -> Counted:
    return Counted(lexicon, lang)
