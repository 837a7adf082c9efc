"""Article text, title, language and publication date from news HTML.

trafilatura separates the article from navigation, comments and boilerplate far better than a tag
filter can; the standard-library parser below stays as the fallback for pages it rejects (too short,
or not an article) and as the first source of the date, because an explicit
``article:published_time`` or ``<time datetime>`` is better evidence than any heuristic.
"""

from __future__ import annotations

import html
import logging
import re
from html.parser import HTMLParser

DATE_KEYS = {"article:published_time", "datepublished", "date", "pubdate", "og:published_time", "dc.date", "publish-date"}


class _HTMLText(HTMLParser):
    """Collect visible text, the title, the language and the publication date."""

    SKIP = {"script", "style", "noscript", "nav", "footer", "header", "aside", "form", "template", "svg"}
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
            if key in DATE_KEYS:
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


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip() + "\n"


def parse_html(source: str) -> tuple[str, str | None, str | None, str | None]:
    """(article text with one paragraph per line, title, language, publication date as written)."""
    parser = _HTMLText()
    try:
        parser.feed(source)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient, but a hostile page must not stop the run
        pass
    fallback = _tidy(html.unescape("".join(parser.parts)))
    article = _trafilatura(source)
    text = fallback
    title, lang, published = parser.title, parser.lang, parser.published
    if article is not None and article.text and article.text.strip():
        text = _tidy(article.text)
        title = title or article.title
        lang = lang or (article.language or None)
        published = published or article.date
    return text, title, lang, published


def _trafilatura(source: str):  # type: ignore[no-untyped-def]
    try:
        import trafilatura
    except ImportError:  # the standard-library parser is good enough when it is missing
        return None
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        return trafilatura.bare_extraction(
            source, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # noqa: BLE001 - a page trafilatura cannot read falls back to the plain parser
        return None
