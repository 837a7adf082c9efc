"""The lexicon under rules/lexicon/: trigger words, aliases and markers, compiled once into matchers."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable
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


FOLD_CHARS = re.compile("[" + "".join(re.escape(chr(k)) for k in FOLD) + "]")


def _fold_char(m: re.Match[str]) -> str:
    return FOLD[ord(m.group())]  # type: ignore[return-value]


_FOLDED: list[str] = ["", ""]
"""The last text folded and its folding: the pipeline folds a piece for the scanner and the
resolver folds it again, and the same string object lets both share one word index."""


def fold(text: str) -> str:
    if text is _FOLDED[0]:
        return _FOLDED[1]
    # str.translate looks every character up in FOLD (330 µs for a 5 KB Hebrew article); the
    # characters to fold are few, so only they are replaced. ASCII text has none of them.
    folded = text if text.isascii() else FOLD_CHARS.sub(_fold_char, text)
    if len(text) > SHORT_TEXT:
        _FOLDED[0], _FOLDED[1] = text, folded
    return folded


# Hebrew points and Arabic short vowels are optional in writing: "قُتلوا" is "قتلوا". Phrases match
# with or without them (folding cannot drop them: offsets must stay one to one).
MARKS = regex.compile(r"[\u0591-\u05C7\u0610-\u061A\u064B-\u065F\u0670\u0640]")
MARK_RUN = r"[\u0591-\u05C7\u0610-\u061A\u064B-\u065F\u0670\u0640]*"


def _phrase_pattern(phrase: str, lang: str) -> str:
    if lang not in {"he", "ar"}:
        return regex.escape(phrase).replace(r"\ ", r"\s+")
    return MARK_RUN.join(r"\s+" if ch == " " else regex.escape(ch) for ch in phrase)


WORD = regex.compile(r"\w+")
ASCII_WORD = re.compile(r"\w+")
NEVER = regex.compile(r"(?!)")
DOTTED_I = str.maketrans({"İ": "i", "ı": "i"})
# Letters a prefix (PREFIXES) can be made of, and how many of them it takes at most.
PREFIX_LETTERS = {"he": ("ובלמהשכ", 3), "ar": ("وفبلكا", 4)}
PREFIX_DASHES = "-־"
# The characters of MARKS that are not word characters (the maqaf, paseq, sof pasuq, nun hafukha).
PUNCTUATION_MARKS = "".join(c for c in map(chr, range(0x0591, 0x0671)) if MARKS.match(c) and not WORD.match(c))
PUNCTUATION_MARK = regex.compile(f"[{PUNCTUATION_MARKS}]")
JOINED_WORDS = regex.compile(rf"[\w{PUNCTUATION_MARKS}]+")
SHORT_TEXT = 64
"""Texts up to this long read whole (the resolver's noun phrases and names) have their hits
remembered by value: the same few nouns come back in every document."""
REMEMBERED_SHORT_TEXTS = 4096
CACHED_TEXTS = 8
"""Texts whose word index (and each matcher's tries) are kept: the one being resolved and the
short ones (source names) looked up meanwhile."""


def _word_key(word: str) -> str:
    """A word as the index files it: without points and vowel marks, case-folded.

    Whenever the case-insensitive pattern matches a phrase at a word, the phrase's first word
    and the text's word have the same key: word-character runs are the same on both sides, marks may stand
    between letters, and regex lets a dotted or dotless i match i, which case-folding does not.
    """
    if not word.isascii():
        word = MARKS.sub("", word).translate(DOTTED_I)
    return word.casefold()


def _phrase_key(phrase: str) -> str:
    """What a (normalised) phrase is filed under: its first word's key, or its first character."""
    first = WORD.match(phrase)
    return _word_key(first.group()) if first else phrase[0]


def _bisected(seen: Any, start: int, end: int) -> list[Hit] | None:
    """The usual window, answered by two bisections: its matches on the whole text end inside it
    and none runs into the next, so the walk in ``_find`` would take each of them as it is. None
    when the window needs that walk."""
    found_at = seen.found_at
    i = bisect.bisect_left(found_at, start)
    j = bisect.bisect_left(found_at, end, i)
    if i == j:
        return []
    overlaps = seen.overlaps
    if seen.found_end[j - 1] <= end and overlaps[j - 1] == overlaps[i]:
        return seen.found[i:j] if seen.all_hits else [h for h in seen.found[i:j] if h is not None]  # type: ignore[misc]
    return None


def _remember(cache: dict[int, tuple[str, Any]], text: str, make: Callable[[], Any]) -> Any:
    """``make()`` for ``text``, kept for the last CACHED_TEXTS texts (by identity, least recent out)."""
    entry = cache.pop(id(text), None)
    if entry is None or entry[0] is not text:
        entry = (text, make())
        if len(cache) >= CACHED_TEXTS:
            del cache[next(iter(cache))]
    cache[id(text)] = entry
    return entry[1]


_WORD_INDEXES: dict[str, dict[int, tuple[str, Any]]] = {}


def _word_index(text: str, lang: str) -> dict[str, list[int]]:
    """Word key → the offsets in ``text`` where it may start a phrase.

    Shared by every matcher of ``lang``. A Hebrew or Arabic word is also filed under what
    follows each prefix it may start with ("ובעזה" under "בעזה" and "עזה" too), and a bare
    prefix before a dash ("ב־עזה") under the word after the dash, at the prefix's offset, where
    the pattern's match starts.
    """
    return _remember(_WORD_INDEXES.setdefault(lang, {}), text, lambda: _index_words(text, lang))


def _index_words(text: str, lang: str) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    letters, most = PREFIX_LETTERS.get(lang, ("", 0))

    def file(at: int, key: str) -> None:
        index.setdefault(key, []).append(at)
        for k in range(1, min(most, len(key) - 1) + 1):
            if key[k - 1] not in letters:
                break
            index.setdefault(key[k:], []).append(at)

    if not most and text.isascii():
        # An ASCII word's key is its lower case (_word_key), and lowering ASCII text keeps every
        # offset; on ASCII both engines' \w is [A-Za-z0-9_]: one pass, no call a word.
        for m in ASCII_WORD.finditer(text.lower()):
            index.setdefault(m.group(), []).append(m.start())
        return index
    if not most:  # no prefixes, and no marks inside a phrase (see _phrase_pattern)
        for m in WORD.finditer(text):
            index.setdefault(_word_key(m.group()), []).append(m.start())
        return index
    for m in WORD.finditer(text):
        key = _word_key(m.group())
        file(m.start(), key)
        if len(key) <= most and m.end() < len(text) and text[m.end()] in PREFIX_DASHES and all(c in letters for c in key):
            after = WORD.match(text, m.end() + 1)
            if after is not None:
                file(m.start(), _word_key(after.group()))
                # "ל-ב־עזה": the prefix's match may go on over maqaf-joined words ("בעזה").
                words = PUNCTUATION_MARK.split(JOINED_WORDS.match(text, after.start()).group())
                for j in range(1, len(words)):
                    file(m.start(), _word_key("".join(words[: j + 1])))
    if PUNCTUATION_MARK.search(text):
        # A maqaf (and the other Hebrew punctuation in MARKS) is no word character, so a match may
        # start right after one, yet a phrase's letters may have one between them ("ב־24" is
        # "ב24"): file every run of words joined by them, from each of its words to each later one.
        for run in JOINED_WORDS.finditer(text):
            words = PUNCTUATION_MARK.split(run.group())
            if len(words) < 2:
                continue
            offsets = [run.start()]
            for w in words[:-1]:
                offsets.append(offsets[-1] + len(w) + 1)
            for i, first in enumerate(words):
                if not first:
                    continue
                for j in range(i + 1, len(words)):
                    file(offsets[i], _word_key("".join(words[i : j + 1])))
    return index


@dataclass(frozen=True)
class Hit:
    """One lexicon phrase found in a text."""

    key: str
    start: int
    end: int
    text: str


_UNTRIED = object()


@dataclass
class _Seen:
    """What one matcher learnt about one text: where its phrases may start and under which keys,
    and the match found at each place tried so far."""

    text: str
    starts: list[int]
    keys: dict[int, frozenset[str]]
    tried: dict[int, tuple[int, Hit | None] | None] = field(default_factory=dict)
    windows: dict[tuple[int, int], tuple[Hit, ...]] = field(default_factory=dict)
    """Hits of each window asked for already (the resolver asks some twice)."""
    found_at: list[int] = field(default_factory=list)
    """Where a match on the whole text starts, for every candidate that has one, in order ..."""
    found_end: list[int] = field(default_factory=list)
    """... where it ends ..."""
    found: list[Hit | None] = field(default_factory=list)
    """... and its hit (None: the matched surface names no key)."""
    overlaps: list[int] = field(default_factory=lambda: [0])
    """``overlaps[k]``: how many of the matches before the k-th run into the next one."""
    all_hits: bool = True
    """Whether every match names a key (no None in ``found``)."""


class PhraseMatcher:
    """Find whole-word phrases of several canonical keys, longest phrase first.

    The result is that of one regex scan (``self.pattern``) over the window asked for; how it
    is computed quickly is finditer's business.
    """

    def __init__(self, table: dict[str, list[str]], lang: str, ignore_case: bool = True, after_digits: bool = False) -> None:
        self.lookup: dict[str, str] = {}
        phrases: list[str] = []
        for key, words in table.items():
            for word in words or []:
                norm = self._norm(str(word), ignore_case)
                if norm and norm not in self.lookup:
                    self.lookup[norm] = key
                    phrases.append(norm)
        self.ignore_case, self.lang = ignore_case, lang
        phrases.sort(key=len, reverse=True)
        prefix = PREFIXES.get(lang, "")
        flags = regex.IGNORECASE if ignore_case else 0
        # Units may stand glued to their figure ("6kW", "120Hz"): then a digit may precede them.
        before = r"(?<![^\W\d])" if after_digits else r"(?<![\w])"
        self._shape = (before, prefix, flags)
        self._full: regex.Pattern[str] | None = None
        # The index (see finditer) serves case-insensitive word phrases: units glued to digits,
        # and a Hebrew or Arabic phrase that starts with a non-word character behind a prefix,
        # are left to the plain scan.
        self.phrases = [(p, _phrase_key(p)) for p in phrases]
        self.first_keys = frozenset(k for _, k in self.phrases)
        self.first_chars = "".join(sorted(k for k in self.first_keys if not WORD.match(k)))
        self.indexed = bool(phrases) and ignore_case and not after_digits and not (self.first_chars and prefix)
        self._seen: dict[int, tuple[str, Any]] = {}
        self._last: _Seen | None = None
        self._patterns: dict[frozenset[str], regex.Pattern[str]] = {}
        self._keys: dict[str, str | None] = {}
        self._whole: dict[str, tuple[Hit, ...]] = {}
        self._starts_rx: regex.Pattern[str] | None = None
        self._prefix_letters = ""
        self._by_first: dict[str, regex.Pattern[str]] = {}
        """Hits of short texts read whole (a noun phrase, a source's name), by their value."""
        """The key each matched surface names (``lookup`` of its normal form), as found so far."""

    @property
    def pattern(self) -> regex.Pattern[str] | None:
        """The whole alternation (None without phrases), compiled on first use: the index serves
        most matchers with small patterns of a few phrases each, and compiling every matcher's
        alternation (a Hebrew or Arabic one has a class of marks between every two letters) was
        most of the two seconds each process spent before its first document."""
        if self._full is None and self.phrases:
            self._full = self._compose([p for p, _ in self.phrases])
        return self._full

    @staticmethod
    def _norm(text: str, ignore_case: bool) -> str:
        text = " ".join(MARKS.sub("", fold(text)).split())
        return text.casefold() if ignore_case else text

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """The hits of ``self.pattern.finditer(text, start, end)``, found through a word index.

        The resolver asks about a dozen small windows of one text per figure. The text's words
        are indexed once (``_word_index``); each place where a word (or character) stands that
        some phrase starts with is tried once on the whole text, with a pattern of only those
        phrases. The hits are the scan's because a match starts only where the look-behind
        allows, at a word's start (with its prefix) or at a phrase's leading non-word character,
        and its first word is then the phrase's; the phrases left out could not match there, and
        order among the others is kept. A window then takes the whole text's matches that start
        in it: as they are when they end inside it and none runs into the next (two bisections),
        else walking them as the scan would, a match that runs past the window's end tried again
        within it. A window that cuts through a word right after a non-space is read by ``_cut``
        (a phrase ending at the cut matches only in the window). Short texts read whole (noun
        phrases, names) are remembered by value.
        """
        size = len(text)
        if end is None or end > size:
            end = size
        seen = self._last
        if seen is not None and seen.text is text and (end == size or end <= 0 or text[end - 1].isspace() or not WORD.match(text, end)):
            quick = _bisected(seen, start, end)
            if quick is not None:
                return quick
        if not self.phrases:
            return []
        if size <= SHORT_TEXT and start <= 0 and end == size:
            done = self._whole.get(text)
            if done is None:
                if len(self._whole) >= REMEMBERED_SHORT_TEXTS:
                    self._whole.clear()
                done = self._whole[text] = tuple(self._find(text, 0, size))
            return list(done)
        return self._find(text, start, end)

    def _find(self, text: str, start: int, end: int) -> list[Hit]:
        size = len(text)
        if not self.indexed:
            return self._scan(text, start, end)
        seen = self._last
        if seen is None or seen.text is not text:
            seen = self._last = _remember(self._seen, text, lambda: self._candidates(text))
        if start < end < size and WORD.match(text, end) and not text[end - 1].isspace():
            return self._cut(seen, text, start, end)
        quick = _bisected(seen, start, end)
        if quick is not None:
            return quick
        done = seen.windows.get((start, end))
        if done is not None:
            return list(done)
        starts, tried = seen.starts, seen.tried
        hits: list[Hit] = []
        pos = start
        for i in range(bisect.bisect_left(starts, start), len(starts)):
            at = starts[i]
            if at >= end:
                break
            if at < pos:
                continue
            found = tried.get(at, _UNTRIED)
            if found is _UNTRIED:
                m = self._pattern(seen.keys[at]).match(text, at)
                found = tried[at] = None if m is None else (m.end(), self._hit(m))
            if found is None:
                continue
            last, hit = found  # type: ignore[misc]
            if last > end:  # runs past the window: what does the window itself hold here?
                m = self._pattern(seen.keys[at]).match(text, at, end)
                if m is None:
                    continue
                last, hit = m.end(), self._hit(m)
            pos = last
            if hit is not None:
                hits.append(hit)
        seen.windows[(start, end)] = tuple(hits)
        return hits

    def _cut(self, seen: _Seen, text: str, start: int, end: int) -> list[Hit]:
        """The hits of a window whose end cuts through a word right after a non-space.

        A phrase may end at the cut inside the window and not in the whole text, so matches are
        tried within the window. The index still holds the candidates before the cut word's
        whitespace-free run (a phrase's first word, with its prefix, dash or maqaf, has no space
        in it, so each of them is whole in the window and filed under the same key); that run
        itself, a few characters, is scanned.
        """
        cut = end
        while cut > start and not text[cut - 1].isspace():
            cut -= 1
        starts = seen.starts
        hits: list[Hit] = []
        pos = start
        for i in range(bisect.bisect_left(starts, start), len(starts)):
            at = starts[i]
            if at >= cut:
                break
            if at < pos:
                continue
            m = self._pattern(seen.keys[at]).match(text, at, end)
            if m is None:
                continue
            pos = m.end()
            hit = self._hit(m)
            if hit is not None:
                hits.append(hit)
        if pos < end:
            hits += self._scan(text, max(pos, cut), end)
        return hits

    def _scan(self, text: str, start: int, end: int) -> list[Hit]:
        """What ``self.pattern.finditer(text, start, end)`` finds. The whole alternation, tried
        at every place of the window, costs about 0.5-2 µs a character (and more per call: the
        units after each figure, the cut words of ``_cut``). A match starts where the look-behind
        allows, with a prefix letter or a phrase's first character (in the pattern's case
        rule); there only the phrases whose first character matches it are tried (in the
        pattern's order: the others cannot match there), or the whole pattern at a prefix
        letter. Going left to right and on from each match's end, as the scan does, the hits
        are the scan's."""
        starts = self._starts_rx
        if starts is None:
            before, prefix, flags = self._shape
            self._prefix_letters = PREFIX_LETTERS.get(self.lang, ("", 0))[0] if prefix else ""
            chars = {p[0] for p, _ in self.phrases} | set(self._prefix_letters)
            starts = self._starts_rx = regex.compile(before + "[" + "".join(regex.escape(c) for c in sorted(chars)) + "]", flags)
        hits: list[Hit] = []
        pos = start
        while pos < end:
            found = starts.search(text, pos, end)
            if found is None:
                break
            at = found.start()
            first = text[at]
            pattern = self._by_first.get(first)
            if pattern is None:
                pattern = self._by_first[first] = self._first_pattern(first)
            m = pattern.match(text, at, end)
            if m is None:
                pos = at + 1
                continue
            pos = m.end()
            hit = self._hit(m)
            if hit is not None:
                hits.append(hit)
        return hits

    def _first_pattern(self, first: str) -> regex.Pattern[str]:
        """The pattern tried where a match would start with the character ``first``."""
        if first in self._prefix_letters or not self.phrases:
            return self.pattern  # type: ignore[return-value]
        flags = self._shape[2]
        same = {x for x in {p[0] for p, _ in self.phrases} if x == first or flags and regex.fullmatch(regex.escape(x), first, flags)}
        if not same:
            return NEVER
        return self._compose([p for p, _ in self.phrases if p[0] in same])

    def _hit(self, m: regex.Match[str]) -> Hit | None:
        surface = m.group("p")
        key = self._keys.get(surface, _UNTRIED)
        if key is _UNTRIED:
            if len(self._keys) >= 4096:
                self._keys.clear()
            key = self._keys[surface] = self.lookup.get(self._norm(surface, self.ignore_case))
        return None if key is None else Hit(key, m.start("p"), m.end("p"), surface)  # type: ignore[arg-type]

    def _compose(self, phrases: list[str]) -> regex.Pattern[str]:
        """The pattern that finds ``phrases`` (in this order of preference) as whole words."""
        before, prefix, flags = self._shape
        body = "|".join(_phrase_pattern(p, self.lang) for p in phrases)
        return regex.compile(rf"{before}{prefix}(?P<p>{body})(?![\w])", flags)

    def _pattern(self, keys: frozenset[str]) -> regex.Pattern[str]:
        """The pattern of only the phrases filed under ``keys``, in the full pattern's order."""
        pattern = self._patterns.get(keys)
        if pattern is None:
            pattern = self._patterns[keys] = self._compose([p for p, k in self.phrases if k in keys])
        return pattern

    def _candidates(self, text: str) -> _Seen:
        """Where in ``text`` a phrase may start, and under which keys."""
        index = _word_index(text, self.lang)
        keys: dict[int, set[str]] = {}
        for word in index.keys() & self.first_keys:
            for at in index[word]:
                keys.setdefault(at, set()).add(word)
        for ch in self.first_chars:
            at = text.find(ch)
            while at >= 0:
                keys.setdefault(at, set()).add(ch)
                at = text.find(ch, at + 1)
        seen = _Seen(text, sorted(keys), {at: frozenset(ks) for at, ks in keys.items()})
        # Every candidate is tried once on the whole text: most windows are then two bisections.
        for at in seen.starts:
            m = self._pattern(seen.keys[at]).match(text, at)
            if m is None:
                seen.tried[at] = None
                continue
            hit = self._hit(m)
            seen.tried[at] = (m.end(), hit)
            if seen.found_at:
                seen.overlaps.append(seen.overlaps[-1] + (seen.found_end[-1] > at))
            seen.found_at.append(at)
            seen.found_end.append(m.end())
            seen.found.append(hit)
            if hit is None:
                seen.all_hits = False
        return seen


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

    def folded(self, name: str, *path: str) -> list[str]:
        """``words`` folded as the text is (``folded("scope", "of_them", "he")``)."""
        return [fold(str(w)) for w in self.words(name, *path)]

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
