"""Pre-publish check: audit some files against the cached claims of the whole corpus.

Only the claims that could meet the files' claims are read back (those sharing a metric), the
checks run on those, and only findings in which one of the files takes part are kept. Then the
writers' suppressions and the newsroom's baseline are applied, for ``check`` and ``audit`` alike.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from figcheck import __version__
from figcheck.baseline import Entry
from figcheck.corpus.index import ArchiveIndex, IndexError_, Refreshed, index_path
from figcheck.corpus.project import Project, corpus_display, find_project
from figcheck.load.discover import TEXT_SUFFIXES
from figcheck.model import AuditReport, Claim, Document, Finding, Summary, ToolInfo
from figcheck.suppress import Suppression


class CheckError(Exception):
    """A usage or input problem that stops the check (exit 2)."""


@dataclass
class Outcome:
    """A report plus everything the filters took out of it, for the one-line notes on stderr."""

    report: AuditReport
    suppressed: list[tuple[Finding, Suppression]] = field(default_factory=list)
    accepted: list[Finding] = field(default_factory=list)
    stale: list[Entry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def make_report(rules: list[str], documents: list[Document], claims: list[Claim], findings: list[Finding]) -> AuditReport:
    levels = [f.level for f in findings]
    return AuditReport(
        tool=ToolInfo(version=__version__, rules=rules), documents=documents, claims=claims, findings=findings,
        summary=Summary(
            documents=len(documents), claims=len(claims), findings=len(findings),
            errors=levels.count("error"), warnings=levels.count("warning"), infos=levels.count("info"),
        ),
    )


def filter_report(
    report: AuditReport, rules: list, suppressions: list[Suppression], problems: list[str],  # type: ignore[type-arg]
    baseline: dict[str, Entry] | None, scope: set[str] | None, claims: list[Claim] | None = None,
) -> Outcome:
    """Apply suppressions, then the baseline. ``claims``: what the checks ran on, when more than
    the report shows; ``scope``: the files checked (None: all), to which the report's findings are
    already narrowed and where unused suppressions and stale baseline entries are judged."""
    from figcheck import baseline as bl
    from figcheck import suppress
    from figcheck.checks.engine import run_checks

    ran = claims if claims is not None else report.claims
    mine = None if scope is None else {c.id for c in ran if c.document in scope}
    relevant = [s for s in suppressions if scope is None or s.path in scope or any(c.document == s.path for c in ran)]
    applied = suppress.apply(ran, rules, report.findings, relevant, run_checks)
    kept = [f for f in applied.kept if mine is None or mine.intersection(f.claims)]
    out = Outcome(report, suppressed=applied.suppressed, errors=list(problems))
    out.warnings.extend(suppress.unknown_rules(suppressions, report.tool.rules))
    out.warnings.extend(
        f"{s.describe()} is unused: no finding it covers (remove it)"
        for s in applied.unused if scope is None or s.path in scope
    )
    if baseline is not None:
        filtered = bl.apply(baseline, kept, scope)
        kept, out.accepted, out.stale = filtered.kept, filtered.accepted, filtered.stale
    if [f.id for f in kept] != [f.id for f in report.findings]:
        by_id = {c.id: c for c in ran}
        shown = {c.id: c for c in report.claims}
        for f in kept:
            shown.update({cid: by_id[cid] for cid in f.claims if cid in by_id})
        out.report = make_report(report.tool.rules, report.documents, list(shown.values()), kept)
    return out


def _in(path: Path, folder: Path) -> Path | None:
    try:
        return path.relative_to(folder)
    except ValueError:
        return None


class CorpusCheck:
    """The index of one corpus, opened for one run."""

    def __init__(self, corpus: str | None, warn, project: Project | None = None) -> None:  # type: ignore[no-untyped-def]
        self.project = project or find_project()
        shown = corpus_display(self.project, corpus)
        if shown is None:
            raise CheckError("no corpus: pass --corpus DIR or set corpus = \"content/\" under [tool.figcheck] in pyproject.toml")
        self.corpus = Path(shown).as_posix()
        if not Path(self.corpus).is_dir():
            raise CheckError(f"{self.corpus}: corpus folder not found")
        self.warn = warn
        try:
            self.index = ArchiveIndex(index_path(self.project.root, self.corpus), warn)
        except IndexError_ as exc:
            raise CheckError(str(exc)) from None

    def tracked(self) -> list[str] | None:
        """In a git work tree, the corpus is what git tracks (committed or staged): an untracked
        draft lying in content/ is not yet part of the archive. None outside git."""
        import subprocess

        if Path(self.corpus).is_absolute() or not (self.project.root / ".git").exists():
            return None
        try:
            listed = subprocess.run(
                ["git", "ls-files", "-z", "--cached", "--", self.corpus],
                capture_output=True, check=True, timeout=60,
            ).stdout.decode("utf-8", errors="surrogateescape")
        except (OSError, subprocess.SubprocessError):
            return None
        return sorted(
            p for p in listed.split("\0")
            if p and Path(p).suffix.lower() in TEXT_SUFFIXES and not any(part.startswith(".") for part in Path(p).parts)
        )

    def refresh(self, jobs: int | None = None, progress: bool = False) -> Refreshed:
        listed = self.tracked()
        try:
            return self.index.refresh(self.corpus, jobs, progress, listed)
        except sqlite3.DatabaseError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise CheckError(f"{self.index.db}: index is locked by another figcheck run ({exc})") from None
            self.index.rebuild(f"index is corrupt ({exc})")
            return self.index.refresh(self.corpus, jobs, progress, listed)

    def as_corpus_path(self, given: str) -> str | None:
        """The path a corpus document has in the index, or None when ``given`` lies outside it."""
        rel = _in(Path(given).resolve(), Path(self.corpus).resolve())
        if rel is None:
            return None
        return (Path(self.corpus) / rel).as_posix()

    def check(self, files: list[str], rules: list, baseline: dict[str, Entry] | None) -> Outcome:  # type: ignore[type-arg]
        """Findings that involve at least one of ``files``, against the whole corpus."""
        from figcheck.checks.engine import run_checks
        from figcheck.pipeline import Notes, extract_paths
        from figcheck.suppress import parse_file

        missing = [f for f in files if not Path(f).is_file()]
        if missing:
            raise CheckError(f"{missing[0]}: no such file")
        inside = {}
        outside = []
        for f in files:
            mapped = self.as_corpus_path(f)
            if mapped is None:
                outside.append(f)
            else:
                inside[mapped] = f
        notes = Notes()
        extra = extract_paths(outside, notes) if outside else []
        file_claims = self.index.claims_of(inside) + [c for r in extra for c in r.claims]
        mine = {c.id for c in file_claims}
        scope = set(inside) | {r.document.path for r in extra}
        near = self.index.claims_with_metrics({c.metric for c in file_claims if c.metric}, exclude=scope)
        findings = [f for f in run_checks(file_claims + near, rules) if mine.intersection(f.claims)]
        used = set().union(*(f.claims for f in findings)) if findings else set()
        claims = file_claims + [c for c in near if c.id in used]
        others = {c.document for c in claims} - scope
        documents = self.index.documents(sorted(inside)) + [r.document for r in extra] + self.index.documents(others)
        # Every suppression that touches a figure the checks ran on: removing a figure can change
        # the findings of the files checked even when its article is not among them.
        near_docs = {c.document for c in near}
        suppressions = [s for s in self.index.suppressions() if s.path in near_docs or s.path in inside]
        problems = self.index.suppression_problems(inside)
        for r in extra:
            parsed = parse_file(r.document.path)
            suppressions += parsed.suppressions
            problems += parsed.problems
        report = make_report([r.id for r in rules], documents, claims, findings)
        out = filter_report(report, rules, suppressions, problems, baseline, scope, file_claims + near)
        missing = {c.document for c in out.report.claims} - {d.path for d in out.report.documents}
        if missing:
            documents = out.report.documents + self.index.documents(missing)
            out.report = make_report(out.report.tool.rules, documents, out.report.claims, out.report.findings)
        out.errors.extend(notes.errors)
        out.warnings.extend(notes.skipped)
        return out

    def audit_all(self, rules: list, baseline: dict[str, Entry] | None) -> Outcome:  # type: ignore[type-arg]
        """Every finding across the corpus, from the cache."""
        from figcheck.checks.engine import run_checks

        claims = self.index.all_claims()
        findings = run_checks(claims, rules)
        report = make_report([r.id for r in rules], self.index.documents(), claims, findings)
        return filter_report(report, rules, self.index.suppressions(), self.index.suppression_problems(), baseline, None)

    def close(self) -> None:
        self.index.close()


def filter_audit(report: AuditReport, rules: list, baseline: dict[str, Entry] | None) -> Outcome:  # type: ignore[type-arg]
    """The writers' suppressions and the baseline, applied to a plain ``figcheck audit``."""
    from figcheck.suppress import parse_file

    suppressions: list[Suppression] = []
    problems: list[str] = []
    for document in report.documents:
        if document.path != "-":
            parsed = parse_file(document.path)
            suppressions += parsed.suppressions
            problems += parsed.problems
    return filter_report(report, rules, suppressions, problems, baseline, None)
