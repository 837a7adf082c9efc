"""Run the stages in order: load → extract → resolve → check → an AuditReport."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
import multiprocessing
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from figcheck import __version__
from figcheck.checks.engine import run_checks
from figcheck.extract import scanner
from figcheck.extract.quantities import Mention, Scanner
from figcheck.load import Found, LoadedDocument, discover, load_bytes, load_file, pieces
from figcheck.model import AuditReport, Claim, Document, Summary, ToolInfo
from figcheck.resolve.lexicon import Lexicon, default_lexicon, fold
from figcheck.resolve.resolver import resolve_text
from figcheck.ruleset import Rule, load_rules


HAS_WORD = re.compile(r"\w")
DIGIT_TO_LINE_END = re.compile(r"\d[^\n]*")
"""From a line's first digit to its end: one match for each line that holds a digit."""
NEWLINE = re.compile(r"\n")


@dataclass
class DocumentResult:
    document: Document
    claims: list[Claim]


@dataclass
class Notes:
    """What went wrong with inputs, one line each; the run goes on."""

    errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


SKIP_FIGURELESS_LINES = True
"""Scan only the lines that hold a digit, a number word or a vague quantity (and the first line).

Extraction and resolution never look beyond a paragraph, and a paragraph is a line, so the other
lines cannot yield a claim; in wire copy they are most of the text (quotes, background), and
skipping them is the largest single saving in bench/NOTES.md. tests/test_load.py checks that the
claims are the same with and without it.
"""


def figure_lines(folded: str, scan: Scanner) -> list[int]:
    """Indexes of the lines of ``folded`` that something a figure is made of appears on."""
    newlines = [m.start() for m in NEWLINE.finditer(folded)]
    hits = [m.start() for m in DIGIT_TO_LINE_END.finditer(folded)]
    hits += [hit.start for hit in scan.words.finditer(folded)]
    if scan.vague_rx is not None:
        hits += [m.start() for m in scan.vague_rx.finditer(folded)]
    first = HAS_WORD.search(folded)
    lines = {bisect.bisect_left(newlines, h) for h in hits}
    if first is not None:
        lines.add(bisect.bisect_left(newlines, first.start()))  # title or dateline: context for the rest
    return sorted(lines)


def extract_document(doc: LoadedDocument, lexicon: Lexicon | None = None, quantities: bool = False) -> DocumentResult:
    """The claims of a document; with ``quantities``, every quantity it states (see Scanner.scan):
    the claims and the figures set aside as no claim, in the same record shape."""
    lexicon = lexicon or default_lexicon()
    lang = doc.language if doc.language in {"en", "he", "ar"} else "en"
    claims: list[Claim] = []
    scan = scanner(lexicon, lang)
    for piece in pieces(doc.text):
        if not HAS_WORD.search(piece.text):
            continue  # padding and rules of dashes hold no figure; scanning them costs a second a megabyte
        folded = fold(piece.text)
        whole = piece
        if SKIP_FIGURELESS_LINES:
            keep = figure_lines(folded, scan)
            if len(keep) <= folded.count("\n"):
                piece = piece.only(keep)
                folded = fold(piece.text)
        ex = scan.scan(folded, doc.published)
        found = resolve_text(doc.path, piece.text, ex, lexicon, lang, doc.published, doc.title, doc.text)
        if piece is not whole and not all(piece.contiguous(c.line, c.end_line) for c in found):
            # A figure ran across lines that were not neighbours (a bound word at the end of one
            # paragraph read with a number on a later one): read the piece whole, as without the filter.
            piece, folded = whole, fold(whole.text)
            ex = scan.scan(folded, doc.published)
            found = resolve_text(doc.path, piece.text, ex, lexicon, lang, doc.published, doc.title, doc.text)
        if quantities:
            found = _quantities(doc, piece.text, folded, scan, lexicon, lang, found)
        doc.warnings.extend(piece.place_note(w) for w in ex.warnings)
        for claim in map(piece.place, found):
            if math.isfinite(claim.value):
                claims.append(claim)
            else:  # hundreds of digits overflow a float; JSON has no infinity to print
                doc.warnings.append(f"line {claim.line}: figure of {len(claim.text):,} characters too large to read")
    return DocumentResult(doc.to_document(len(claims)), claims)


def extract_quantities(doc: LoadedDocument, lexicon: Lexicon | None = None) -> DocumentResult:
    """Every quantity of a document, claims and set-aside figures alike, as claim records."""
    return extract_document(doc, lexicon, quantities=True)


def _quantities(
    doc: LoadedDocument, text: str, folded: str, scan: Scanner, lexicon: Lexicon, lang: str, claims: list[Claim],
) -> list[Claim]:
    """Every quantity of a text. A quantity that is also a claim carries the claim's record, so
    the figures set aside never change how a claim is read (a framing duration is no neighbour
    whose metric the next figure takes)."""
    ex = scan.scan(folded, doc.published, quantities=True)
    found = _set_aside(text, ex.mentions, resolve_text(doc.path, text, ex, lexicon, lang, doc.published, doc.title, doc.text))
    same = {(c.line, c.column, c.end_line, c.end_column): c for c in claims}
    return [same.get((q.line, q.column, q.end_line, q.end_column), q) for q in found]


AGE_METRIC = "age"


def _set_aside(text: str, mentions: list[Mention], claims: list[Claim]) -> list[Claim]:
    """Name what the quantity layer adds: an age (metric ``age``, no scope or group: it measures no
    metric of the lexicon, whatever words stand near it), a wireless generation (counted ``G``)."""
    named = {m.start: m.aside for m in mentions if m.aside in {AGE_METRIC, "generation"}}
    if not named:
        return claims
    line_starts = [0] + [m.end() for m in NEWLINE.finditer(text)]
    out = []
    for c in claims:
        aside = named.get(line_starts[c.line - 1] + c.column - 1)
        if aside == AGE_METRIC:
            c = c.model_copy(update={"metric": AGE_METRIC, "scope": None, "group": None, "definition": None})
        elif aside == "generation":
            c = c.model_copy(update={"metric": None, "counted": "G", "scope": None, "group": None, "definition": None})
        out.append(c)
    return out


@dataclass
class Outcome:
    """What became of one input: a result, or the one line that says why there is none."""

    path: str
    packed: tuple[Document, list[tuple[object, ...]]] | None = None
    skipped: str | None = None
    error: str | None = None


CLAIM_FIELDS = tuple(Claim.model_fields)
SHARED_STRINGS = {"document", "qualifier", "unit", "metric", "counted", "group", "place", "scope", "definition",
                  "source", "source_text", "as_of_basis"}
SHARED_FIELDS = tuple(f for f in CLAIM_FIELDS if f in SHARED_STRINGS or f in {"as_of", "since"})
"""Fields whose values repeat across claims (strings and the two dates): one object each per run."""
_ALL_SET = set(CLAIM_FIELDS)


def _pack(result: DocumentResult) -> tuple[Document, list[tuple[object, ...]]]:
    """A document's claims as plain tuples: a third of the bytes to send between processes."""
    return result.document, [tuple(getattr(c, f) for f in CLAIM_FIELDS) for c in result.claims]


def _plain_model(cls: type) -> bool:
    """Whether ``model_construct`` of ``cls`` with every field given only sets ``__dict__``: no
    aliases, no post-init hook, no private attributes."""
    return (
        not cls.__pydantic_post_init__ and not cls.__private_attributes__ and not cls.__pydantic_root_model__
        and cls.model_config.get("extra") != "allow"
        and all(f.alias is None and f.validation_alias is None for f in cls.model_fields.values())
    )


_FAST_CLAIMS = _plain_model(Claim)
_set = object.__setattr__


def _claim(values: dict[str, object]) -> Claim:
    """``Claim.model_construct(_fields_set=..., **values)`` for a full, validated set of values,
    without its per-field walk (a third of the parent's time at 100,000 documents)."""
    if not _FAST_CLAIMS:
        return Claim.model_construct(_fields_set=_ALL_SET, **values)
    claim = Claim.__new__(Claim)
    _set(claim, "__dict__", values)
    _set(claim, "__pydantic_fields_set__", _ALL_SET)
    _set(claim, "__pydantic_extra__", None)
    _set(claim, "__pydantic_private__", None)
    return claim


def _unpack(packed: tuple[Document, list[tuple[object, ...]]], shared: dict[object, object]) -> DocumentResult:
    """Rebuild the claims of a worker's (already validated) records, small.

    Every claim has all its fields set, so all share one fields-set object instead of a set of
    24 names each, and repeated values (paths, units, metrics, dates) are one object across the
    run: 1.5 KB a claim instead of 3.8 KB, which is what keeps 100,000 documents in memory.
    """
    document, rows = packed
    claims = []
    for row in rows:
        values = dict(zip(CLAIM_FIELDS, row, strict=True))
        for f in SHARED_FIELDS:
            v = values[f]
            if v is not None:
                values[f] = shared.setdefault(v, v)
        claims.append(_claim(values))
    return DocumentResult(document, claims)


Progress = Callable[[int, int, int], None]
"""Called after each input with (inputs done, inputs in all, claims so far)."""

PARALLEL_MIN_BYTES = 1_000_000
"""Below this much input, starting worker processes costs more than it saves."""


def _outcome(
    task: tuple[Found, bytes | None], encoding: str | None = None, lexicon: Lexicon | None = None, quantities: bool = False,
) -> Outcome:
    found, data = task
    if found.skipped or found.error:
        return Outcome(found.path, skipped=found.skipped, error=found.error)
    try:
        loaded = load_file(found.path, encoding) if data is None else load_bytes(found.path, data, "", encoding)
    except ValueError as exc:
        return Outcome(found.path, skipped=str(exc))
    except OSError as exc:
        return Outcome(found.path, error=f"{found.path}: cannot read: {exc.strerror or exc}")
    try:
        return Outcome(found.path, packed=_pack(extract_document(loaded, lexicon, quantities)))
    except Exception as exc:  # noqa: BLE001 - one bad document must not cost the fact-checker the others
        return Outcome(found.path, error=f"{found.path}: internal error while extracting ({type(exc).__name__}: {exc})")


def _size(found: Found) -> int:
    try:
        return os.stat(found.path).st_size if not (found.skipped or found.error or found.path == "-") else 0
    except OSError:
        return 0


def extract_paths(
    paths: Iterable[str], notes: Notes, lexicon: Lexicon | None = None, *,
    jobs: int = 1, encoding: str | None = None, progress: Progress | None = None,
    sink: Callable[[DocumentResult], None] | None = None, quantities: bool = False,
) -> list[DocumentResult]:
    """Load and extract every input, in parallel across ``jobs`` processes (0: all cores).

    With a ``sink``, each result is handed over as it arrives and none is kept (an empty list is
    returned): ``extract`` streams its output that way.

    Inputs are taken in path order whatever order they were named in, and results come back in
    that order, so the output is the same byte for byte for any ``jobs``. Each worker returns
    only a document's record and claims; the text itself never leaves the worker.
    """
    found = sorted({f.path: f for f in discover(list(paths))}.values(), key=lambda f: f.path)
    stdin = sys.stdin.buffer.read() if any(f.path == "-" for f in found) else None
    tasks = [(f, stdin if f.path == "-" else None) for f in found]
    jobs = jobs or os.cpu_count() or 1
    work = functools.partial(_outcome, encoding=encoding, lexicon=lexicon, quantities=quantities)
    results: list[DocumentResult] = []
    shared: dict[object, object] = {}
    claims = 0
    pool = None
    if jobs > 1 and len(tasks) > 1 and sum(map(_size, found)) >= PARALLEL_MIN_BYTES:
        method = "fork" if sys.platform == "linux" else "spawn"
        pool = multiprocessing.get_context(method).Pool(min(jobs, len(tasks)))
        outcomes: Iterable[Outcome] = pool.imap(work, tasks, chunksize=max(1, min(32, len(tasks) // (jobs * 8))))
    else:
        outcomes = map(work, tasks)
    try:
        for done, outcome in enumerate(outcomes, 1):
            if outcome.skipped:
                notes.skipped.append(outcome.skipped)
            if outcome.error:
                notes.errors.append(outcome.error)
            if outcome.packed is not None:
                result = _unpack(outcome.packed, shared)
                claims += len(result.claims)
                if sink is not None:
                    sink(result)
                else:
                    results.append(result)
            if progress is not None:
                progress(done, len(tasks), claims)
    finally:
        if pool is not None:
            pool.terminate()
    return results


def audit(
    paths: list[str], rules: list[Rule] | None = None, notes: Notes | None = None, *,
    jobs: int = 1, encoding: str | None = None, progress: Progress | None = None,
) -> AuditReport:
    notes = notes if notes is not None else Notes()
    rules = rules if rules is not None else load_rules()
    results = extract_paths(paths, notes, jobs=jobs, encoding=encoding, progress=progress)
    documents = [r.document for r in results]
    claims = [c for r in results for c in r.claims]
    findings = run_checks(claims, rules)
    levels = [f.level for f in findings]
    return AuditReport(
        tool=ToolInfo(version=__version__, rules=[r.id for r in rules]),
        documents=documents,
        claims=claims,
        findings=findings,
        summary=Summary(
            documents=len(documents), claims=len(claims), findings=len(findings),
            errors=levels.count("error"), warnings=levels.count("warning"), infos=levels.count("info"),
        ),
    )
