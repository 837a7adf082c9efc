"""Split text into paragraphs and sentences, keeping offsets."""

from __future__ import annotations

from dataclasses import dataclass

import regex

ABBREVIATIONS = {
    "dr", "mr", "mrs", "ms", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "prof", "rep", "sen",
    "gov", "inc", "ltd", "co", "corp", "no", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig",
}
BOUNDARY = regex.compile(r"[.!?؟…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[\p{Lu}\d\p{Lo}])|[.!?؟…]+[\"'”’)\]]*(?=\s*\Z)")

LAST_WORD = regex.compile(r"([\w.]+)[.!?]*\Z")
INITIAL = regex.compile(r"\p{Lu}")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def paragraphs(text: str) -> list[Span]:
    """Each non-blank line is a paragraph: news text is stored one paragraph per line."""
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            spans.append(Span(pos, pos + len(body)))
        pos += len(line)
    return spans


def sentences(text: str, para: Span) -> list[Span]:
    out, start = [], para.start
    for m in BOUNDARY.finditer(text, para.start, para.end):
        word = LAST_WORD.search(text[start : m.start() + 1])
        if word and m.group().startswith(".") and (
            word.group(1).rstrip(".").casefold() in ABBREVIATIONS or INITIAL.fullmatch(word.group(1).rstrip("."))
        ):
            continue
        end = m.end()
        if text[start:end].strip():
            out.append(Span(start, end))
        start = end
    if text[start : para.end].strip():
        out.append(Span(start, para.end))
    return out
