"""The loader: encodings, binaries, HTML, front matter, line endings and long texts."""

from __future__ import annotations

import codecs
import re
import datetime as dt
import importlib
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from figcheck.load import BinaryFile, load_bytes, load_file, load_text, pieces
from figcheck.pipeline import extract_document
from figcheck.resolve.lexicon import default_lexicon

HEBREW = "date 2025-01-04 משרד הבריאות בעזה מסר כי לפחות 45,581 פלסטינים נהרגו מאז תחילת המלחמה.\n"
ARABIC = "date 2025-01-04 قالت وزارة الصحة في غزة إن ما لا يقل عن 45,581 فلسطينيا قتلوا منذ بداية الحرب.\n"
ENGLISH = "date 2025-01-04 Gaza's Ministry of Health said at least 45,581 Palestinians have been killed.\n"


def figures(doc) -> list[tuple[float, str]]:
    return [(c.value, c.qualifier) for c in extract_document(doc).claims]


@pytest.mark.parametrize(
    ("text", "encoding", "language"),
    [(HEBREW, "cp1255", "he"), (ARABIC, "cp1256", "ar")],
)
def test_legacy_code_pages_are_detected_and_named_in_a_warning(text, encoding, language):
    doc = load_bytes("old.txt", text.encode(encoding))
    assert doc.text.endswith(text[len("date 2025-01-04"):])
    assert doc.language == language
    assert [w for w in doc.warnings if "old.txt" in w] == [
        f"old.txt: not UTF-8; decoded as {encoding} (detected; pass --encoding if that is wrong)"
    ]
    assert (45581, "at_least") in figures(doc)


def test_declared_encoding_is_used_without_a_warning():
    doc = load_bytes("old.txt", HEBREW.encode("cp1255"), encoding="cp1255")
    assert doc.language == "he" and doc.warnings == []


def test_declared_encoding_that_does_not_fit_still_loads_with_a_warning():
    doc = load_bytes("x.txt", "café 12\n".encode(), encoding="ascii")
    assert any("x.txt: not valid ascii as declared" in w for w in doc.warnings)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-8-sig", "utf-32"])
def test_byte_order_marks_decide_the_encoding(codec):
    raw = ENGLISH.encode(codec)
    if codec == "utf-16-be":
        raw = codecs.BOM_UTF16_BE + raw
    doc = load_bytes("bom.txt", raw)
    assert doc.warnings == []
    assert doc.published is not None and doc.published.isoformat() == "2025-01-04"
    assert (45581, "at_least") in figures(doc)


def test_invalid_utf8_is_replaced_with_a_warning_naming_the_file():
    raw = ENGLISH.encode().replace(b"Health", b"He\xffalth")
    doc = load_bytes("broken.txt", raw)
    bad = raw.index(b"\xff")
    assert "\ufffd" in doc.text
    assert doc.warnings == [f"broken.txt: invalid UTF-8 at byte {bad}; undecodable bytes replaced"]
    assert (45581, "at_least") in figures(doc)


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF file"),
        (b"some text\x00\x01\x02 and more", "a binary file"),
    ],
)
def test_binaries_are_refused_with_a_note(raw, kind):
    with pytest.raises(BinaryFile, match=f"x.txt: skipped, {kind}"):
        load_bytes("x.txt", raw)


def test_crlf_keeps_line_numbers():
    text = "date 2025-01-04 Opening line.\r\n\r\nOfficials said 1,200 Israelis were killed.\r\nLater, 39 people were killed in a strike.\r\n"
    unix = extract_document(load_text("a.txt", text.replace("\r\n", "\n"))).claims
    windows = extract_document(load_text("a.txt", text)).claims
    assert [(c.line, c.column, c.text) for c in windows] == [(c.line, c.column, c.text) for c in unix]
    assert [c.line for c in windows] == [3, 4]


def test_empty_file_gives_one_warning(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    doc = load_file(str(tmp_path / "empty.txt"))
    assert doc.warnings == [f"{tmp_path / 'empty.txt'}: empty document"]
    assert extract_document(doc).claims == []


def test_malformed_front_matter_warns_and_the_body_is_still_read():
    text = "---\ntitle: [unclosed\ndate: 2025-01-04\n---\nOfficials said at least 45,581 Palestinians have been killed.\n"
    doc = load_text("story.md", text, ".md")
    assert any(w.startswith("story.md:") and "malformed front matter" in w for w in doc.warnings)
    claims = extract_document(doc).claims
    assert [(c.value, c.line) for c in claims] == [(45581, 5)]


def test_front_matter_broken_by_a_colon_in_the_title_still_gives_the_date():
    text = "---\ntitle: Quake: 17,000 dead\ndate: 2023-02-09\n---\nThe toll rose to 17,134, officials said.\n"
    doc = load_text("story.md", text, ".md")
    assert (doc.published, doc.published_basis) == (dt.date(2023, 2, 9), "front_matter")
    assert doc.warnings == ["story.md:2: malformed front matter ignored (its date is still read); body still checked"]
    assert [c.as_of for c in extract_document(doc).claims] == [dt.date(2023, 2, 9)]


def test_a_megabyte_line_without_spaces_loads_and_extracts():
    doc = load_text("long.txt", "date 2025-01-04 " + "x7" * 500_000 + "\nThen 39 people were killed.\n")
    claims = extract_document(doc).claims
    assert (39, 2) in [(c.value, c.line) for c in claims]


ARTICLE_HTML = """<!doctype html>
<html lang="en"><head><title>Toll rises | The Daily</title>
<meta property="article:published_time" content="2025-01-04T09:30:00+02:00"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <span>Trending 24</span></nav>
<header><div class="ticker">Markets: 4,321 points</div></header>
<main><article><h1>Toll rises in Gaza</h1>
<p>Gaza's Ministry of Health said at least 45,581 Palestinians have been killed since October 7, 2023.</p>
<p>Another 108,438 people have been wounded, the ministry said.</p>
<script>var views = 98765;</script></article></main>
<aside>Most read: 12 stories you missed</aside>
<footer>&copy; 2025 The Daily. 3,000 comments</footer></body></html>
"""
ARTICLE_TEXT = (
    "date 2025-01-04 Toll rises in Gaza\n"
    "Gaza's Ministry of Health said at least 45,581 Palestinians have been killed since October 7, 2023.\n"
    "Another 108,438 people have been wounded, the ministry said.\n"
)


def _meaning(claims):
    return [(c.text, c.value, c.qualifier, c.metric, c.group, c.scope, c.source, c.as_of) for c in claims]


def test_html_article_gives_the_same_claims_as_its_text():
    page = load_bytes("story.html", ARTICLE_HTML.encode(), ".html")
    plain = load_text("story.txt", ARTICLE_TEXT)
    assert page.published is not None and page.published.isoformat() == "2025-01-04"
    assert page.published_basis == "meta"
    assert "98765" not in page.text and "4,321" not in page.text and "3,000" not in page.text
    assert _meaning(extract_document(page).claims) == _meaning(extract_document(plain).claims)


def test_html_on_stdin_is_recognised_by_its_first_tag():
    doc = load_bytes("-", ARTICLE_HTML.encode(), "")
    assert "<p>" not in doc.text and doc.published_basis == "meta"


def test_html_date_from_a_time_element():
    page = ARTICLE_HTML.replace('<meta property="article:published_time" content="2025-01-04T09:30:00+02:00">', "")
    page = page.replace("<h1>", '<time datetime="2024-12-30">Dec 30</time><h1>')
    assert load_bytes("s.html", page.encode(), ".html").published.isoformat() == "2024-12-30"


def test_pieces_cover_the_text_and_start_on_lines():
    text = "".join(f"line {i} " + "w" * (i % 37) + "\n" + ("\n" if i % 5 == 0 else "") for i in range(2000))
    parts = list(pieces(text, 1000))
    assert len(parts) > 10
    assert "".join(p.text for p in parts) == text
    for p in parts:
        assert p.offset == 0 or text[p.offset - 1] == "\n"
        assert p.lines_before == text.count("\n", 0, p.offset)


def test_a_long_document_cut_in_pieces_gives_the_claims_of_the_whole(monkeypatch):
    body = Path(next(SEEDS.glob("000_*.txt"))).read_text(encoding="utf-8").split(" ", 3)[-1]
    text = "date 2025-01-04 " + "\n\n".join([body] * 12)
    whole = extract_document(load_text("long.txt", text)).claims
    monkeypatch.setattr(importlib.import_module("figcheck.load.pieces"), "PIECE_CHARS", 3000)
    cut = extract_document(load_text("long.txt", text)).claims
    assert len(whole) > 20
    assert [c.model_dump() for c in cut] == [c.model_dump() for c in whole]


def _documents_for_the_line_filter() -> list[tuple[str, str]]:
    """Seeds, and every gold-set paragraph of a file in one dated document between figure-less lines."""
    docs = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    filler = {
        "en": "Residents described long queues at the bakeries still open.",
        "he": "תושבים תיארו תורים ארוכים במאפיות שעדיין פתוחות.",
        "ar": "ووصف السكان طوابير طويلة أمام المخابز.",
    }
    for gold in sorted((SEEDS.parent / "tests" / "gold").glob("*.yaml")):
        items = yaml.safe_load(gold.read_text(encoding="utf-8")) or []
        if not items:
            continue
        lang = items[0].get("language", "en")
        body = "\n\n".join(f"{filler[lang]}\n{' '.join(str(i['text']).split())}" for i in items)
        docs.append((gold.name + ".txt", f"date {items[0]['published']} {filler[lang]}\n\n{body}\n\n{filler[lang]}\n"))
    return docs


def test_skipping_lines_without_figures_changes_no_claim(monkeypatch):
    pipeline = importlib.import_module("figcheck.pipeline")
    docs = _documents_for_the_line_filter()
    assert len(docs) > 10
    fast = [extract_document(load_text(name, text)) for name, text in docs]
    monkeypatch.setattr(pipeline, "SKIP_FIGURELESS_LINES", False)
    full = [extract_document(load_text(name, text)) for name, text in docs]
    assert sum(len(r.claims) for r in full) > 300
    for a, b in zip(fast, full, strict=True):
        assert [c.model_dump() for c in a.claims] == [c.model_dump() for c in b.claims], a.document.path
        assert a.document == b.document


@pytest.mark.parametrize("text", ["at least \n\n٠", "Officials said at least\n\nQuotes follow.\n\n45 people died.\n"])
def test_figures_read_across_lines_come_out_the_same_with_the_line_filter(monkeypatch, text):
    pipeline = importlib.import_module("figcheck.pipeline")
    fast = extract_document(load_text("x.txt", text)).claims
    monkeypatch.setattr(pipeline, "SKIP_FIGURELESS_LINES", False)
    full = extract_document(load_text("x.txt", text)).claims
    assert [c.model_dump() for c in fast] == [c.model_dump() for c in full]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab 17٣\n.five", max_size=60))
def test_the_line_filter_keeps_every_line_a_digit_stands_on(text):
    """figure_lines finds the digit lines with one match a line; it keeps the lines a digit
    stands on, as finding every run of digits did, besides the lines of number words, vague
    quantities and the first line with a word."""
    pipeline = importlib.import_module("figcheck.pipeline")
    scan = pipeline.scanner(default_lexicon(), "en")
    lines = text.split("\n")
    kept = pipeline.figure_lines(text, scan)
    assert {i for i, line in enumerate(lines) if any(ch.isdecimal() for ch in line)} <= set(kept)
    others = [h.start for h in scan.words.finditer(text)] + [m.start() for m in scan.vague_rx.finditer(text)]
    others += [m.start() for m in re.finditer(r"\d+", text)] + [m.start() for m in re.finditer(r"\w", text)][:1]
    assert kept == sorted({text.count("\n", 0, at) for at in others})
