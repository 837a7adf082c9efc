"""Read one file into a Document and its body text, keeping character offsets equal to the file's.

Headers (the ` date YYYY-MM-DD` line prefix, YAML front matter) are blanked with spaces rather
than cut, so that every claim's line and column point at the file as the user sees it.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from figcheck.load.encoding import BinaryFile, decode, sniff_binary
from figcheck.report.markdown import MARKER as REPORT_MARKER
from figcheck.load.html import parse_html
from figcheck.model import Document

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
LOOKS_HTML = re.compile(r"\A\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)

HEADER_DATE = re.compile(r"\A\ufeff?[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})\b")
FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)

# Runs, not single letters: counting a word's letters as one match is ten times faster.
SCRIPTS = {
    "he": re.compile(r"[\u0590-\u05FF]+"),
    "ar": re.compile(r"[\u0600-\u06FF\u0750-\u077F]+"),
    "en": re.compile(r"[A-Za-z]+"),
}


@dataclass
class LoadedDocument:
    """A document's metadata and its text, offsets aligned with the file on disk."""

    path: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    published_basis: str = "unknown"
    language: str = "en"
    warnings: list[str] = field(default_factory=list)

    def to_document(self, claims: int) -> Document:
        return Document(
            path=self.path,
            title=self.title,
            published=self.published,
            published_basis=self.published_basis,  # type: ignore[arg-type]
            language=self.language,
            claims=claims,
            warnings=list(self.warnings),
        )


def detect_language(text: str) -> str:
    """The script with the most letters wins; Latin text is taken as English."""
    sample = text[:200_000]
    if sample.isascii():
        return "en"  # no Hebrew or Arabic letter: three passes would count only Latin ones
    counts = {lang: sum(map(len, rx.findall(sample))) for lang, rx in SCRIPTS.items()}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else "en"


def _blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping newlines, so offsets stay put."""
    return text[:start] + re.sub(r"[^\r\n]", " ", text[start:end]) + text[end:]


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:160]
    return None


LOOSE_FIELD = re.compile(r"^(date|published|publishDate)[ \t]*:[ \t]*(\S[^\n]*)$", re.M | re.I)


def _load_markdown(doc: LoadedDocument) -> None:
    m = FRONT_MATTER.match(doc.text)
    if m:
        try:
            meta = yaml.safe_load(m.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f":{mark.line + 2}" if mark is not None else ""
            # Keep what can still be read line by line: a title with a colon in it breaks the YAML
            # ("title: Quake: 17,000 dead"), it should not also lose the article's date.
            meta = {k.casefold(): v.strip().strip("'\"") for k, v in LOOSE_FIELD.findall(m.group(1))}
            kept = " (its date is still read)" if _as_date(meta.get("date") or meta.get("published") or meta.get("publishdate")) else ""
            doc.warnings.append(f"{doc.path}{where}: malformed front matter ignored{kept}; body still checked")
            meta = {"date": meta.get("date") or meta.get("published") or meta.get("publishdate")} if kept else None
        if isinstance(meta, dict):
            published = _as_date(meta.get("date") or meta.get("published") or meta.get("publishDate"))
            if published:
                doc.published, doc.published_basis = published, "front_matter"
            if isinstance(meta.get("title"), str):
                doc.title = meta["title"].strip()
            if isinstance(meta.get("lang") or meta.get("language"), str):
                doc.language = str(meta.get("lang") or meta.get("language"))[:2].lower()
        doc.text = _blank(doc.text, 0, m.end())
    if doc.title is None:
        h = MD_HEADING.search(doc.text)
        doc.title = h.group(1) if h else _first_line(doc.text)


def _load_html(doc: LoadedDocument) -> None:
    doc.text, title, lang, published_as_written = parse_html(doc.text)
    doc.title = title or _first_line(doc.text)
    published = _as_date(published_as_written)
    if published:
        doc.published, doc.published_basis = published, "meta"
    if lang:
        doc.language = lang


def load_text(path: str, text: str, suffix: str = ".txt") -> LoadedDocument:
    """Build a LoadedDocument from already-decoded text; ``suffix`` picks the format."""
    doc = LoadedDocument(path=path, text=text)
    suffix = suffix.lower()
    if suffix not in HTML_SUFFIXES and suffix not in {".md", ".markdown"} and LOOKS_HTML.match(text[:4096]):
        suffix = ".html"  # a page piped on stdin or saved as .txt announces itself
    if suffix in {".md", ".markdown"}:
        _load_markdown(doc)
    elif suffix in HTML_SUFFIXES:
        _load_html(doc)
    else:
        m = HEADER_DATE.match(doc.text)
        if m:
            published = _as_date(m.group(1))
            if published:
                doc.published, doc.published_basis = published, "header"
            doc.text = _blank(doc.text, 0, m.end())
        doc.title = _first_line(doc.text)
    if doc.language == "en" or doc.language not in SCRIPTS:
        doc.language = detect_language(doc.text)
    if not doc.text.strip():
        # An empty file has nothing to date: one warning says all there is to say.
        doc.warnings.append(f"{path}: empty document")
    elif doc.published is None:
        doc.warnings.append("no publication date found")
    return doc


def load_bytes(path: str, raw: bytes, suffix: str = ".txt", encoding: str | None = None) -> LoadedDocument:
    """Decode ``raw`` and load it; raises BinaryFile (a ValueError) for anything that is not text."""
    kind = sniff_binary(raw)
    if kind is not None:
        raise BinaryFile(f"{path}: skipped, {kind}, not a text document")
    warnings: list[str] = []
    text = decode(raw, path, warnings, encoding)
    if text.lstrip("\ufeff \t\r\n").startswith(REPORT_MARKER):
        # `figcheck audit . -o report.md` writes into the folder it reads: the next run must not
        # read the report's own figures as news.
        raise BinaryFile(f"{path}: skipped, a figcheck report, not a news document")
    doc = load_text(path, text, suffix)
    doc.warnings[:0] = warnings
    return doc


def load_file(path: str, encoding: str | None = None) -> LoadedDocument:
    """Read and load ``path`` (``-`` is standard input); OSError for unreadable files, ValueError for binaries."""
    if path == "-":
        return load_bytes(path, sys.stdin.buffer.read(), "", encoding)
    return load_bytes(path, Path(path).read_bytes(), Path(path).suffix, encoding)
