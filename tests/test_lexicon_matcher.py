"""The lexicon's phrase matcher finds, in any window of any text, what one scan of its pattern finds.

PhraseMatcher.finditer answers the resolver's many small windows through an index of the
text's words instead of scanning each window with the whole alternation; these properties hold
it to the scan, on texts built from the lexicon's own phrases with the variations a news text
has: Hebrew and Arabic prefixes, a maqaf or a hyphen after a prefix, points and vowel marks,
letter case (the dotted and dotless i included), glued words and windows cut anywhere.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.extract import scanner
from figcheck.resolve.lexicon import FOLD, SHORT_TEXT, Hit, PhraseMatcher, default_lexicon, fold
from figcheck.resolve.resolver import resolver

LANGS = ("en", "he", "ar")


def matchers(lang: str) -> list[PhraseMatcher]:
    r = resolver(default_lexicon(), lang)
    found = [r.metric_nouns, r.metric_verbs, r.groups, r.places, r.definitions, r.scopes, r.event_names,
             *r.event_words.values(), r.shadowing, r.attr.aliases, r.attr.aliases_en]
    return [m for m in found if m.pattern is not None]


def scanned(m: PhraseMatcher, text: str, start: int, end: int) -> list[Hit]:
    """What the matcher's pattern finds scanning the window once: the meaning of finditer."""
    hits = []
    for found in m.pattern.finditer(text, start, min(end, len(text))):  # type: ignore[union-attr]
        key = m.lookup.get(m._norm(found.group("p"), m.ignore_case))
        if key is not None:
            hits.append(Hit(key, found.start("p"), found.end("p"), found.group("p")))
    return hits


GLUE = ["", "", " ", " ", "ו", "וב", "ב־", "ל-", "ש", "ال", "وال", "بال", "ف", "x", "-", "־", "ְ", "َ", "İ", "ı", "I", "\n", ", ", "."]


@st.composite
def texts(draw: st.DrawFn, lang: str) -> str:
    phrases = [p for m in matchers(lang) for p in m.lookup]
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        phrase = draw(st.sampled_from(phrases))
        if draw(st.booleans()):
            phrase = phrase.upper() if draw(st.booleans()) else phrase.title()
        if "i" in phrase.casefold() and draw(st.booleans()):  # regex lets İ and ı match i
            phrase = phrase.replace("i", draw(st.sampled_from("İı"))).replace("I", draw(st.sampled_from("İı")))
        if lang != "en" and draw(st.booleans()) and len(phrase) > 1:  # a mark inside a word; a maqaf counts as one
            at = draw(st.integers(1, len(phrase) - 1))
            phrase = phrase[:at] + draw(st.sampled_from(["ִ", "־"] if lang == "he" else ["ُ", "ـ"])) + phrase[at:]
        parts += [draw(st.sampled_from(GLUE)), phrase, draw(st.sampled_from(GLUE))]
    return "".join(parts)


def assert_drawn_windows_match(data, m, text: str, lang: str) -> None:
    """The matcher's answer for the whole text and three drawn windows is a scan's."""
    windows = [(0, len(text))] + [
        tuple(sorted(data.draw(st.tuples(st.integers(0, len(text)), st.integers(0, len(text) + 3))))) for _ in range(3)
    ]
    for start, end in windows:
        assert m.finditer(text, start, end) == scanned(m, text, start, end), (lang, text, start, end)


def assert_fixed_windows_match(m, text: str) -> None:
    """The same for the whole text and two windows cut at fixed fractions of it."""
    for start, end in ((0, len(text)), (len(text) // 3, len(text) - 2), (1, len(text) // 2)):
        assert m.finditer(text, start, end) == scanned(m, text, start, end)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_indexed_matching_finds_what_a_scan_of_the_window_finds(data):
    lang = data.draw(st.sampled_from(LANGS))
    text = data.draw(texts(lang))
    for m in matchers(lang):
        assert_drawn_windows_match(data, m, text, lang)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(LANGS), st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120))
def test_indexed_matching_equals_the_scan_on_arbitrary_text(lang, text):
    text = fold(text)
    for m in matchers(lang):
        assert_fixed_windows_match(m, text)


def unit_matchers(lang: str) -> list[PhraseMatcher]:
    """The case-sensitive matchers (units after a figure), scanned by first character."""
    s = scanner(default_lexicon(), lang)
    return [s.unit_after, s.per_unit]


@st.composite
def unit_texts(draw: st.DrawFn, lang: str) -> str:
    phrases = [p for m in unit_matchers(lang) for p in m.lookup]
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        phrase = draw(st.sampled_from(phrases))
        if draw(st.booleans()):
            phrase = phrase.upper() if draw(st.booleans()) else phrase.title()
        parts += [draw(st.sampled_from([*GLUE, "5", "12", "3.5 ", "4-"])), phrase, draw(st.sampled_from(GLUE))]
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_case_sensitive_matching_finds_what_a_scan_of_the_window_finds(data):
    lang = data.draw(st.sampled_from(LANGS))
    found = unit_matchers(lang)  # built outside the strategy
    text = data.draw(unit_texts(lang))
    for m in found:
        assert not m.ignore_case
        assert_drawn_windows_match(data, m, text, lang)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(LANGS), st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120))
def test_case_sensitive_matching_equals_the_scan_on_arbitrary_text(lang, text):
    text = fold(text)
    for m in unit_matchers(lang):
        assert_fixed_windows_match(m, text)


def test_a_phrase_behind_a_hebrew_prefix_and_maqaf_is_found_once_the_text_is_indexed():
    m = resolver(default_lexicon(), "he").scopes
    text = "ב־24 השעות האחרונות נהרגו 61 בני אדם."
    hits = m.finditer(text, 0, 30)
    assert [(h.key, h.text) for h in hits] == [("increment", "ב־24 השעות האחרונות")]
    assert m.finditer(text, 0, 30) == hits  # the second window of the same text comes from the index


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_windows_cut_inside_a_word_find_what_a_scan_finds(data):
    """A window that ends inside a word ("… killed in Gaz|a") is answered from the index up to the
    cut word and a scan of that word: a phrase may end at the cut only inside the window."""
    lang = data.draw(st.sampled_from(LANGS))
    text = " ".join(data.draw(texts(lang)) for _ in range(3))
    cuts = [i for i in range(1, len(text)) if text[i].isalnum() and not text[i - 1].isspace()]
    if not cuts:
        return
    for m in matchers(lang):
        for _ in range(4):
            end = data.draw(st.sampled_from(cuts))
            start = data.draw(st.integers(0, end))
            assert m.finditer(text, start, end) == scanned(m, text, start, end), (lang, text, start, end)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_short_texts_read_whole_are_remembered_by_value(data):
    """A noun phrase or a name asked about again (another string of the same letters) gets the
    same hits as a scan, and a longer text of which it is a part is not answered from memory."""
    lang = data.draw(st.sampled_from(LANGS))
    text = data.draw(texts(lang))[:SHORT_TEXT]
    for m in matchers(lang):
        first = m.finditer(text)
        again = m.finditer("".join(list(text)))
        assert first == again == scanned(m, text, 0, len(text)), (lang, text)
        longer = text + " " + text
        assert m.finditer(longer) == scanned(m, longer, 0, len(longer))


def test_folding_a_text_twice_gives_one_string_for_both_readers():
    text = "The Gaza Health Ministry said 1,200 people were killed in the past 24 hours in the north."
    assert fold(text) is fold(text)
    assert fold("x" * 10) == "x" * 10


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*map(chr, FOLD), "a", "B", " ", "\n", "א", "ع", "7", "é", "\u200d"]), max_size=80))
def test_folding_replaces_exactly_what_the_fold_table_names(text):
    assert fold(text) == text.translate(FOLD)
    assert fold(text * 3) == (text * 3).translate(FOLD)  # long enough to be remembered


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ_9 .-'\nİıſKé", max_size=40))
def test_an_english_text_is_indexed_by_each_word_case_folded_where_it_starts(text):
    """The ASCII shortcut of the word index files the same words at the same offsets as the
    general path (each \\w+ run under its case-folded key), and non-ASCII text takes that path."""
    import regex

    from figcheck.resolve import lexicon

    expected: dict[str, list[int]] = {}
    for m in regex.finditer(r"\w+", text):
        expected.setdefault(lexicon._word_key(m.group()), []).append(m.start())
    assert lexicon._index_words(text, "en") == expected
