"""Cut a long text into line-aligned pieces, and put what was found in a piece back in place.

Extraction looks no further than a paragraph (one line), so a document cut between lines yields
the same claims as the whole; working piece by piece keeps a 50 MB file's memory and time linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from figcheck.model import Claim

PIECE_CHARS = 200_000
"""Long enough that ordinary articles are one piece, short enough to keep big files linear."""

LINE_NOTE = re.compile(r"\Aline (\d+):")


@dataclass
class Piece:
    """``text`` starts at character ``offset`` and line ``lines_before + 1`` of the document."""

    text: str
    offset: int = 0
    lines_before: int = 0
    _starts: list[int] = field(default_factory=list, repr=False)

    def place(self, claim: Claim) -> Claim:
        """The claim with its line, and the offsets inside its id, counted from the document's start."""
        if not self.offset:
            return claim
        start = self._local(claim.line, claim.column)
        end = self._local(claim.end_line, claim.end_column)
        return claim.model_copy(update={
            "id": Claim.make_id(claim.document, self.offset + start, self.offset + end, claim.text),
            "line": claim.line + self.lines_before,
            "end_line": claim.end_line + self.lines_before,
        })

    def place_note(self, note: str) -> str:
        """Shift the ``line N:`` an extraction warning starts with."""
        return LINE_NOTE.sub(lambda m: f"line {int(m.group(1)) + self.lines_before}:", note, count=1)

    def _local(self, line: int, column: int) -> int:
        if not self._starts:
            self._starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        return self._starts[min(line, len(self._starts)) - 1] + column - 1


def pieces(text: str, size: int | None = None) -> Iterator[Piece]:
    """Line-aligned pieces of about ``size`` (default PIECE_CHARS) characters, cut at a blank line if one is near."""
    size = size or PIECE_CHARS
    if len(text) <= size:
        yield Piece(text)
        return
    offset = lines = 0
    while offset < len(text):
        end = len(text) if len(text) - offset <= size else _cut(text, offset, offset + size)
        chunk = text[offset:end]
        yield Piece(chunk, offset, lines)
        lines += chunk.count("\n")
        offset = end


def _cut(text: str, start: int, limit: int) -> int:
    """The end of the last blank line (else the last line) before ``limit``; a line longer than
    the piece is kept whole rather than split inside a sentence."""
    blank = text.rfind("\n\n", (start + limit) // 2, limit)
    if blank >= 0:
        return blank + 2
    newline = text.rfind("\n", start, limit)
    if newline > start:
        return newline + 1
    newline = text.find("\n", limit)
    return len(text) if newline < 0 else newline + 1


__all__ = ["PIECE_CHARS", "Piece", "pieces"]
