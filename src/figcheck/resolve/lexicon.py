"""The lexicon under rules/lexicon/: trigger words, aliases and markers, compiled once into matchers."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
import yaml

# libyaml's loader reads the lexicon about six times faster; fall back where it is not built in.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

from figcheck.paths import builtin_rules_dir

LANGS = ("en", "he", "ar")

# Hebrew and Arabic glue prepositions and conjunctions to the word: "ובעזה" is "and in Gaza".
PREFIXES = {"he": "(?:[ובלמהשכ]{1,3}[-־]?)?", "ar": "(?:(?:و|ف)?(?:ب|ل|ك)?(?:ال)?)?", "en": ""}

# Typographic quotes and dashes fold to ASCII for matching; each is one character for one, so
# offsets in the folded text are offsets in the original.
FOLD = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "״": '"', "׳": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
     "٬": ",", "٫": ".", "،": ",", "\u200f": " ", "\u200e": " ", "\u061c": " ",
     **{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}
)


def fold(text: str) -> str:
    return text.translate(FOLD)


# Hebrew points and Arabic short vowels are optional in writing: "قُتلوا" is "قتلوا". Phrases match
# with or without them (folding cannot drop them: offsets must stay one to one).
MARKS = regex.compile(r"[\u0591-\u05C7\u0610-\u061A\u064B-\u065F\u0670\u0640]")
MARK_RUN = r"[\u0591-\u05C7\u0610-\u061A\u064B-\u065F\u0670\u0640]*"


def _phrase_pattern(phrase: str, lang: str) -> str:
    if lang not in {"he", "ar"}:
        return regex.escape(phrase).replace(r"\ ", r"\s+")
    return MARK_RUN.join(r"\s+" if ch == " " else regex.escape(ch) for ch in phrase)


@dataclass(frozen=True)
class Hit:
    """One lexicon phrase found in a text."""

    key: str
    start: int
    end: int
    text: str


class PhraseMatcher:
    """Find whole-word phrases of several canonical keys in one pass, longest phrase first."""

    def __init__(self, table: dict[str, list[str]], lang: str, ignore_case: bool = True, after_digits: bool = False) -> None:
        self.lookup: dict[str, str] = {}
        phrases: list[str] = []
        for key, words in table.items():
            for word in words or []:
                norm = self._norm(str(word), ignore_case)
                if norm and norm not in self.lookup:
                    self.lookup[norm] = key
                    phrases.append(norm)
        self.ignore_case = ignore_case
        self.pattern: regex.Pattern[str] | None = None
        if phrases:
            phrases.sort(key=len, reverse=True)
            body = "|".join(_phrase_pattern(p, lang) for p in phrases)
            prefix = PREFIXES.get(lang, "")
            flags = regex.IGNORECASE if ignore_case else 0
            # Units may stand glued to their figure ("6kW", "120Hz"): then a digit may precede them.
            before = r"(?<![^\W\d])" if after_digits else r"(?<![\w])"
            self.pattern = regex.compile(rf"{before}{prefix}(?P<p>{body})(?![\w])", flags)

    @staticmethod
    def _norm(text: str, ignore_case: bool) -> str:
        text = " ".join(MARKS.sub("", fold(text)).split())
        return text.casefold() if ignore_case else text

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        if self.pattern is None:
            return []
        end = len(text) if end is None else end
        hits = []
        for m in self.pattern.finditer(text, start, end, overlapped=False):
            phrase = self._norm(m.group("p"), self.ignore_case)
            key = self.lookup.get(phrase)
            if key is not None:
                hits.append(Hit(key, m.start("p"), m.end("p"), m.group("p")))
        return hits


@dataclass(eq=False)
class Lexicon:
    """Every piece of language and world knowledge the extractor and resolver use."""

    root: Path
    data: dict[str, Any] = field(default_factory=dict)

    def section(self, name: str) -> Any:
        return self.data.get(name) or {}

    @functools.cache  # noqa: B019 - one lexicon per process, cached matchers are the point
    def matcher(self, name: str, lang: str, part: str | None = None) -> PhraseMatcher:
        """A matcher over ``name`` (e.g. ``metrics``), keyed by canonical id."""
        table: dict[str, list[str]] = {}
        for key, entry in self.section(name).items():
            if not isinstance(entry, dict):
                continue
            node = entry.get(part) if part else entry
            if name == "sources":
                node = entry.get("aliases")
            if isinstance(node, dict):
                table[key] = list(node.get(lang) or [])
        return PhraseMatcher(table, lang)

    @functools.cache  # noqa: B019
    def flat_matcher(self, name: str, lang: str, path: tuple[str, ...] = ()) -> PhraseMatcher:
        """A matcher over ``section[path...][qualifier][lang]`` tables such as bounds and scope."""
        node: Any = self.section(name)
        for step in path:
            node = node.get(step) or {}
        table = {key: list((val or {}).get(lang) or []) for key, val in node.items() if isinstance(val, dict)}
        return PhraseMatcher(table, lang)

    def words(self, name: str, *path: str) -> list[str]:
        node: Any = self.section(name)
        for step in path:
            node = (node or {}).get(step)
        return list(node or [])

    def within(self, place: str) -> str | None:
        entry = self.section("places").get(place) or {}
        return entry.get("within")

    def events(self) -> dict[str, dict[str, Any]]:
        return {k: v for k, v in self.section("events").items() if isinstance(v, dict)}

    def event_start(self, key: str) -> dt.date | None:
        start = self.events().get(key, {}).get("start")
        return start if isinstance(start, dt.date) else None


def load_lexicon(root: Path | None = None) -> Lexicon:
    root = root or builtin_rules_dir()
    data: dict[str, Any] = {}
    for file in sorted((root / "lexicon").glob("*.yml")):
        with file.open(encoding="utf-8") as fh:
            data[file.stem] = yaml.load(fh, Loader=_Loader) or {}
    units = root / "units.yml"
    if units.exists():
        with units.open(encoding="utf-8") as fh:
            data["units"] = yaml.load(fh, Loader=_Loader) or {}
    return Lexicon(root=root, data=data)


@functools.cache
def default_lexicon() -> Lexicon:
    return load_lexicon()
