"""Number words are scanned only in the stretches a cheap literal search points at
(WordNumbers._spans); that must find exactly what scanning the whole text finds, in each
language, with any case, across lines."""

from __future__ import annotations

import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.extract.numbers import CASE_PARTNERS, WordNumbers, _probe, _trie, word_numbers
from figcheck.resolve.lexicon import default_lexicon

LEXICON = default_lexicon()
LANGS = ("en", "he", "ar")


def _words(wn: WordNumbers) -> list[str]:
    return sorted({*wn.cardinals, *wn.scales, *wn.ordinals, *wn.fractions, *([wn.dozen] if wn.dozen else [])})


def _whole(wn: WordNumbers, text: str) -> list:
    return wn._scan(text, [(0, len(text))])


def test_every_language_uses_the_literal_search():
    for lang in LANGS:
        assert word_numbers(LEXICON, lang).literals is not None, lang


def test_every_case_partner_of_a_number_word_letter_is_lowered_onto_it():
    """Whatever code point regex's case-insensitive match takes for a letter of a number word,
    the literal search's probe (CASE_PARTNERS, then lower case) turns it into that letter."""
    letters = sorted({ch for lang in LANGS for w in _words(word_numbers(LEXICON, lang)) for ch in w})
    cased = [chr(c) for c in range(0x110000) if chr(c).lower() != chr(c) or chr(c).upper() != chr(c)]
    for x in letters:
        rx = regex.compile(regex.escape(x), regex.I)
        for c in [*cased, x]:
            if rx.fullmatch(c):
                assert c.translate(CASE_PARTNERS).lower() == x, (x, hex(ord(c)))
    # And no uncased code point other than the letter itself: one pass over every code point.
    any_letter = regex.compile("[" + "".join(regex.escape(x) for x in letters) + "]", regex.I)
    for c in range(0x110000):
        ch = chr(c)
        if any_letter.fullmatch(ch):
            assert ch in letters or ch in cased, hex(c)


def test_the_literal_search_skips_no_place_a_number_word_may_stand():
    """It skips a number word right after certain letters; regex must hold each of them (and
    whatever the probe turns into one) for a word character, after which no number word starts."""
    not_word = regex.compile(r"[^\w\-־]")
    probes = {chr(c): _probe(chr(c)) for c in range(0x110000)}
    for lang in LANGS:
        wn = word_numbers(LEXICON, lang)
        words = _words(wn)
        letters = set("".join(words))  # the search's look-behind names only letters of its words
        for ch, probe in probes.items():
            if probe in letters and not_word.match(ch):
                assert wn.literals.match(probe + words[0], 1), (lang, hex(ord(ch)))
        assert all(len(p) == 1 for p in probes.values())
    arabic = word_numbers(LEXICON, "ar")
    assert arabic.literals.search("مستشفى") is None and arabic.literals.search("وست") is not None


def test_runs_across_lines_are_found_whole():
    wn = word_numbers(LEXICON, "en")
    for text in ["The toll: a\n\nmillion people", "five\nand\nthousand", "twenty -\n-\n five", "x\nhalf\nof the", "One\nsaid\nTWO",
                 "five, thousand", "(two) million", "about a third. Of them", "a half-million"]:
        assert [(h.start, h.end, h.value) for h in wn.finditer(text)] == [(h.start, h.end, h.value) for h in _whole(wn, text)]
    assert [(h.start, h.end, h.value) for h in wn.finditer("it was a\n\nmillion")] == [(7, 17, 1_000_000)]


def _pieces(lang: str) -> list[str]:
    wn = word_numbers(LEXICON, lang)
    words = _words(wn)
    cased = [w.upper() for w in words] + [w.title() for w in words] + [w.replace("i", "\u0130").replace("s", "\u017f").replace("k", "\u212a") for w in words]
    glue = [*wn.articles, *(wn.joiner or ""), *str(LEXICON.section("numerals")[lang].get("prefixes") or "")]
    return [*words, *cased, *glue, "and", "AND", " ", " ", "  ", "\n", "\n", "\n\n", "-", "־", "of", "the", "a", "x", "said", ".", ",", ";", "(", ")", '"', "'", "/", "7", "\u05b8", "\u064e"]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_the_stretches_find_what_a_scan_of_the_whole_text_finds(data):
    lang = data.draw(st.sampled_from(LANGS))
    text = data.draw(st.lists(st.sampled_from(_pieces(lang)), max_size=40).map("".join))
    wn = word_numbers(LEXICON, lang)
    assert wn.finditer(text) == _whole(wn, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abfiv-ש", min_size=1, max_size=5), min_size=1, max_size=8), st.text(alphabet="abfiv-ש", max_size=6))
def test_the_trie_of_the_words_matches_exactly_the_words(words, other):
    trie = re.compile(_trie(words))
    assert all(trie.fullmatch(w) for w in words)
    assert bool(trie.fullmatch(other)) == (other in words)
