"""Read one file into a Document and its body text, keeping character offsets equal to the file's.

Headers (the ` date YYYY-MM-DD` line prefix, YAML front matter) are blanked with spaces rather
than cut, so that every claim's line and column point at the file as the user sees it.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

from figcheck.model import Document

HEADER_DATE = re.compile(r"\A\ufeff?[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})\b")
FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)

SCRIPTS = {
    "he": re.compile(r"[\u0590-\u05FF]"),
    "ar": re.compile(r"[\u0600-\u06FF\u0750-\u077F]"),
    "en": re.compile(r"[A-Za-z]"),
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
    counts = {lang: len(rx.findall(sample)) for lang, rx in SCRIPTS.items()}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else "en"


def decode(raw: bytes, path: str, warnings: list[str]) -> str:
    """Decode bytes: BOMs first, then strict UTF-8, then UTF-8 with replacement and a warning."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        warnings.append(f"{path}: invalid UTF-8 at byte {exc.start}; undecodable bytes replaced")
        return raw.decode("utf-8", errors="replace")


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


def _load_markdown(doc: LoadedDocument) -> None:
    m = FRONT_MATTER.match(doc.text)
    if m:
        try:
            meta = yaml.safe_load(m.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f":{mark.line + 2}" if mark is not None else ""
            doc.warnings.append(f"{doc.path}{where}: malformed front matter ignored; body still checked")
            meta = None
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


class _HTMLText(HTMLParser):
    """Collect visible text and the publication date from article HTML."""

    SKIP = {"script", "style", "noscript", "nav", "footer", "header", "aside", "form"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "article", "section"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: str | None = None
        self.in_title = False
        self.published: str | None = None
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.lang = a["lang"][:2].lower()
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in {"article:published_time", "datepublished", "date", "pubdate", "og:published_time"}:
                self.published = self.published or a.get("content")
        if tag == "time" and a.get("datetime"):
            self.published = self.published or a["datetime"]
        if tag == "title":
            self.in_title = True
        if tag in self.SKIP:
            self.skip += 1
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title = (self.title or "") + data.strip()
        elif not self.skip:
            self.parts.append(data)


def _load_html(doc: LoadedDocument) -> None:
    parser = _HTMLText()
    parser.feed(doc.text)
    parser.close()
    text = html.unescape("".join(parser.parts))
    text = re.sub(r"[ \t]+", " ", text)
    doc.text = re.sub(r"\n\s*\n+", "\n\n", text).strip() + "\n"
    doc.title = parser.title or _first_line(doc.text)
    published = _as_date(parser.published)
    if published:
        doc.published, doc.published_basis = published, "meta"
    if parser.lang:
        doc.language = parser.lang


def load_text(path: str, text: str, suffix: str = ".txt") -> LoadedDocument:
    """Build a LoadedDocument from already-decoded text; ``suffix`` picks the format."""
    doc = LoadedDocument(path=path, text=text)
    suffix = suffix.lower()
    if suffix in {".md", ".markdown"}:
        _load_markdown(doc)
    elif suffix in {".html", ".htm"}:
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
        doc.warnings.append(f"{path}: empty document")
    if doc.published is None:
        doc.warnings.append("no publication date found")
    return doc


def load_file(path: str) -> LoadedDocument:
    """Read and decode ``path``; raises OSError for unreadable files and ValueError for binaries."""
    raw = Path(path).read_bytes()
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError(f"{path}: skipped, binary file")
    warnings: list[str] = []
    text = decode(raw, path, warnings)
    doc = load_text(path, text, Path(path).suffix)
    doc.warnings[:0] = warnings
    return doc
