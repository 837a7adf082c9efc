"""Cut a long text into line-aligned pieces, and put what was found in a piece back in place.

Extraction looks no further than a paragraph (one line), so a document cut between lines yields
the same claims as the whole; working piece by piece keeps a 50 MB file's memory and time linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from figcheck.model import Claim

PIECE_CHARS = 200_000
"""Long enough that ordinary articles are one piece, short enough to keep big files linear."""

LINE_NOTE = re.compile(r"\Aline (\d+):")


@dataclass
class Piece:
    """``text`` starts at character ``offset`` and line ``lines_before + 1`` of the document.

    A piece made by ``only`` keeps some lines of another and remembers, in ``rows``, where in the
    document each of its lines began: (line index, character offset).
    """

    text: str
    offset: int = 0
    lines_before: int = 0
    rows: list[tuple[int, int]] | None = None
    _starts: list[int] = field(default_factory=list, repr=False)

    def place(self, claim: Claim) -> Claim:
        """The claim with its line, and the offsets inside its id, counted from the document's start."""
        if not self.offset and self.rows is None:
            return claim
        line, line_start = self._row(claim.line - 1)
        end_line, end_line_start = self._row(claim.end_line - 1)
        start, end = line_start + claim.column - 1, end_line_start + claim.end_column - 1
        return claim.model_copy(update={
            "id": Claim.make_id(claim.document, start, end, claim.text), "line": line + 1, "end_line": end_line + 1,
        })

    def place_note(self, note: str) -> str:
        """Put right the ``line N:`` an extraction warning starts with."""
        return LINE_NOTE.sub(lambda m: f"line {self._row(int(m.group(1)) - 1)[0] + 1}:", note, count=1)

    def contiguous(self, line: int, end_line: int) -> bool:
        """Whether this piece's lines ``line`` to ``end_line`` (1-based) follow each other in the document."""
        return self._row(end_line - 1)[0] - self._row(line - 1)[0] == end_line - line

    def only(self, keep: Iterable[int]) -> Piece:
        """A piece of the lines ``keep`` (indexes into this piece) alone, each still placed where it was."""
        lines = self.text.split("\n")
        chosen = sorted({i for i in keep if 0 <= i < len(lines)})
        return Piece("\n".join(lines[i] for i in chosen) + "\n", rows=[self._row(i) for i in chosen])

    def _row(self, index: int) -> tuple[int, int]:
        if self.rows is not None:
            return self.rows[min(index, len(self.rows) - 1)]
        if not self._starts:
            self._starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        index = min(index, len(self._starts) - 1)
        return self.lines_before + index, self.offset + self._starts[index]


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
