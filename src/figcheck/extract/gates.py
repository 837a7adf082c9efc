"""Whether a text can hold a match of a pattern at all, answered by a cheap literal search.

Most of the masks' and periods' patterns are alternations of lexicon phrases behind a
look-behind: ``regex`` tries them at every character (40-120 µs for a 450-character English
text each), though a text of the generated corpus rarely holds any of their phrases. Every match
of such a pattern holds one of a few literal strings (a phrase's longest run without a space,
which ``alt`` writes as an escaped literal), so a text without any of them has no match and the
scan can be skipped: the answer is the same empty list. The literals are found by one stdlib
``re`` search, written as a trie (see ``numbers._trie``); for a case-insensitive pattern on the
probe of the text (``numbers._probe``: lower case, after mapping the code points regex's
case-insensitive match takes for an ASCII letter besides its cases). tests/test_gates.py checks
each gated pattern against its scan with hypothesis, and the case rule against every code point.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from figcheck.extract.numbers import _probe, _trie


def longest_run(phrase: str) -> str:
    """The longest part of ``phrase`` between spaces: every match of the phrase as ``alt``
    writes it (each space a run of whitespace) holds it as written, up to case."""
    return max(phrase.split(" "), key=len)


class Gate:
    """Whether a text holds one of ``literals`` (each lowered with ``ignore_case``)."""

    def __init__(self, literals: Iterable[str], ignore_case: bool) -> None:
        words = sorted({w.lower() if ignore_case else w for w in literals})
        self.words, self.ignore_case = words, ignore_case
        # No literal (or an empty one) tells nothing: such a gate is always open.
        self.rx = re.compile(_trie(words)) if words and all(words) else None

    def open(self, text: str, probe: str | None = None) -> bool:
        """Whether the pattern may match in ``text``; ``probe`` is ``_probe(text)`` if already made."""
        if self.rx is None:
            return True
        if self.ignore_case:
            return self.rx.search(probe if probe is not None else _probe(text)) is not None
        return self.rx.search(text) is not None


def phrases_gate(phrases: Iterable[str], ignore_case: bool, before: str = "") -> Gate:
    """The gate of an alternation of ``phrases`` (as ``alt`` writes them): each phrase's longest
    run, or with ``before`` (the literal every match has right before the phrase, as the "-" of
    "30-year") that and the phrase's first run."""
    runs = [before + p.split(" ")[0] if before else longest_run(p) for p in phrases]
    return Gate(runs, ignore_case)


def probe(text: str) -> str:
    return _probe(text)
