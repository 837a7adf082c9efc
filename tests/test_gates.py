"""The masks and periods skip a pattern on a text that holds none of its literals
(extract/gates.py): a closed gate must mean that the pattern has no match in the text, in each
language, whatever the case of the text."""

from __future__ import annotations

from pathlib import Path

import regex
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.extract.gates import Gate, longest_run, phrases_gate
from figcheck.extract.masks import NEEDS, PATTERNS, nonclaims
from figcheck.extract.numbers import CASE_PARTNERS
from figcheck.extract.periods import periods
from figcheck.resolve.lexicon import default_lexicon, fold

ROOT = Path(__file__).resolve().parent.parent

LEXICON = default_lexicon()
LANGS = ("en", "he", "ar")


def _gated(lang: str) -> list[tuple[regex.Pattern[str], Gate]]:
    """Every gated pattern of a language with its gate."""
    nc, pr = nonclaims(LEXICON, lang), periods(LEXICON, lang)
    pairs = [(getattr(nc, name), gate) for name, gate in nc.gates.items()]
    pairs += [(rx, nc.needs[rx.pattern]) for rx in nc.fixed if rx.pattern in nc.needs]
    pairs += [(pr.phrases[key], gate) for key, gate in pr.phrase_gates.items()]
    pairs += [(pr.years_back, pr.back_gate)]
    return [(rx, gate) for rx, gate in pairs if rx is not None]


def _literals(gate: Gate) -> list[str]:
    """The characters of a gate's literals."""
    return sorted({ch for w in gate.words for ch in w}) if gate.rx is not None else []


def test_the_gates_close_on_most_text():
    """Every gate of a pattern with phrases has literals; a text of other words closes it."""
    for lang in LANGS:
        gated = _gated(lang)
        assert len(gated) >= 6, lang
        for rx, gate in gated:
            if gate.rx is not None:
                assert not gate.open("the 45 soldiers said on Monday"), (lang, rx.pattern[:60])
    en = nonclaims(LEXICON, "en")
    assert en.gates["modifier"].open("a 30-YEAR sentence") and not en.gates["modifier"].open("a 30 year sentence")


def test_every_case_partner_of_a_gate_letter_is_lowered_onto_it():
    """Whatever code point regex's case-insensitive match takes for a letter of a literal, the
    probe (CASE_PARTNERS, then lower case) turns it into that letter's lower case."""
    letters = sorted({ch for lang in LANGS for _, gate in _gated(lang) if gate.ignore_case for ch in _literals(gate)})
    assert "y" in letters
    cased = [chr(c) for c in range(0x110000) if chr(c).lower() != chr(c) or chr(c).upper() != chr(c)]
    for x in letters:
        rx = regex.compile(regex.escape(x), regex.I)
        for c in [*cased, x]:
            if rx.fullmatch(c):
                assert c.translate(CASE_PARTNERS).lower() == x.lower(), (x, hex(ord(c)))


def test_the_needs_name_patterns_of_the_masks():
    assert set(NEEDS) <= set(PATTERNS)


def _pieces(rx: regex.Pattern[str], gate: Gate) -> list[str]:
    """Words a gated pattern is made of and its gate's literals, in odd cases, with what stands
    around them."""
    words = [w for w in regex.split(r"\\s\+|[|()?:<!=\\\]\[^]", rx.pattern) if w and len(w) < 20][-40:]
    words = sorted({*words, *gate.words})
    cased = [w.upper() for w in words] + [w.title() for w in words]
    cased += [w.replace("i", "\u0130").replace("s", "\u017f").replace("k", "\u212a") for w in words]
    return [*words, *cased, " ", " ", "\n", "-", "30", "7", "2019", "years", "a", "the", ".", ",", "@", "x.com", "'"]


@settings(max_examples=500, deadline=None)
@given(st.data())
def test_a_closed_gate_means_no_match(data):
    lang = data.draw(st.sampled_from(LANGS))
    rx, gate = data.draw(st.sampled_from(_gated(lang)))
    text = data.draw(st.lists(st.sampled_from(_pieces(rx, gate)), max_size=12).map("".join))
    if not gate.open(text):
        assert rx.search(text) is None, (rx.pattern[:80], text)


def test_a_phrase_is_gated_by_its_longest_run():
    assert longest_run("in every one of the") == "every"
    gate = phrases_gate(["a decade", "years"], ignore_case=True)
    assert gate.open("A DECADE") and gate.open("Years") and not gate.open("a")
    assert phrases_gate(["hour"], ignore_case=True, before="-").open("a 24-Hour day")
    assert not phrases_gate(["hour"], ignore_case=False, before="-").open("a 24-Hour day")


def _texts() -> list[str]:
    """Every text of the extraction cases, the gold sets and the seeds."""
    texts: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    texts.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for file in sorted([*(ROOT / "tests" / "cases").glob("*.yaml"), *(ROOT / "tests" / "gold").rglob("*.yaml")]):
        walk(yaml.safe_load(file.read_text(encoding="utf-8")))
    return texts + [f.read_text(encoding="utf-8") for f in sorted((ROOT / "seeds").glob("*.txt"))]


def test_on_every_case_gold_and_seed_text_in_any_case_a_match_opens_its_gate():
    texts = [fold(t) for t in _texts()]
    assert len(texts) > 1000
    variants = [str.upper, str.title, str.swapcase, lambda t: t.replace("i", "\u0130").replace("s", "\u017f").replace("k", "\u212a")]
    matched = 0
    for lang in LANGS:
        for rx, gate in _gated(lang):
            hits = 0
            for text in texts:
                for variant in (text, *(f(text) for f in variants)):
                    if rx.search(variant) is not None:
                        hits += 1
                        assert gate.open(variant), (lang, rx.pattern[:80], variant[:200])
            matched += hits > 0
    assert matched >= 20
