"""Run the stages in order: load → extract → resolve → check → an AuditReport."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from figcheck import __version__
from figcheck.checks.engine import run_checks
from figcheck.extract import scanner
from figcheck.load import LoadedDocument, discover, load_file
from figcheck.model import AuditReport, Claim, Document, Summary, ToolInfo
from figcheck.resolve.lexicon import Lexicon, default_lexicon, fold
from figcheck.resolve.resolver import resolve_text
from figcheck.ruleset import Rule, load_rules


@dataclass
class DocumentResult:
    document: Document
    claims: list[Claim]


@dataclass
class Notes:
    """What went wrong with inputs, one line each; the run goes on."""

    errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def extract_document(doc: LoadedDocument, lexicon: Lexicon | None = None) -> DocumentResult:
    lexicon = lexicon or default_lexicon()
    lang = doc.language if doc.language in {"en", "he", "ar"} else "en"
    ex = scanner(lexicon, lang).scan(fold(doc.text), doc.published)
    claims = resolve_text(doc.path, doc.text, ex, lexicon, lang, doc.published)
    doc.warnings.extend(f"{w}" for w in ex.warnings)
    return DocumentResult(doc.to_document(len(claims)), claims)


def extract_paths(paths: Iterable[str], notes: Notes, lexicon: Lexicon | None = None) -> list[DocumentResult]:
    results = []
    for found in discover(list(paths)):
        if found.skipped:
            notes.skipped.append(found.skipped)
            continue
        try:
            loaded = load_file(found.path)
        except ValueError as exc:
            notes.skipped.append(str(exc))
            continue
        except OSError as exc:
            notes.errors.append(f"{found.path}: cannot read: {exc.strerror or exc}")
            continue
        results.append(extract_document(loaded, lexicon))
    return results


def audit(paths: list[str], rules: list[Rule] | None = None, notes: Notes | None = None) -> AuditReport:
    notes = notes if notes is not None else Notes()
    rules = rules if rules is not None else load_rules()
    results = extract_paths(paths, notes)
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
