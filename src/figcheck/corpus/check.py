"""Pre-publish check: audit some files against the cached claims of the whole corpus.

Only the claims that could meet the files' claims are read back (those sharing a metric), the
checks run on those, and only findings in which one of the files takes part are kept. Then the
writers' suppressions and the newsroom's baseline are applied, for ``check`` and ``audit`` alike.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from figcheck import __version__
from figcheck.baseline import Entry
from figcheck.corpus.index import ArchiveIndex, IndexError_, Refreshed, index_path
from figcheck.corpus.project import corpus_display, find_project
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


KEY = ("metric", "group", "place", "scope", "definition")
"""The fields of a series key (DESIGN.md) that the claims table can select on."""

LOCAL_KINDS = {"sum", "day-count"}
"""Check kinds that only compare figures of one document (``sum``: the parts and total of one
report) or look at one figure alone (``day-count``): they need nothing from the archive."""

Condition = tuple[tuple[str, object], ...]


def reach(rule, claim: Claim) -> list[Condition]:  # type: ignore[no-untyped-def]
    """What an archive claim must share with ``claim`` for ``rule`` to compare the two, following
    how each check kind groups claims (checks/): a whole series for ``decrease`` and
    ``increment``, the same day within it for ``disagree`` and ``unit``, the opposite side of a
    part-of-whole pair for ``subset``. A kind not listed here gets every claim of the metric,
    which is never too few."""
    from figcheck.checks.series import is_cause, selected

    if not claim.metric or not selected(claim, rule.select):
        return []
    same = {name: getattr(claim, name) for name in KEY}
    if same["definition"] is None or is_cause(same["definition"]):
        # A figure naming no event meets the one event its series is named for (series.py
        # ``join_unnamed_events``), and a named event the figures naming none.
        del same["definition"]
    if rule.kind == "decrease":
        return [tuple(same.items())]
    if rule.kind in {"disagree", "unit"}:
        return [(*same.items(), ("as_of", claim.as_of))]
    if rule.kind == "increment":
        return [tuple((k, v) for k, v in same.items() if k != "scope")]
    if rule.kind == "subset":
        value = getattr(claim, rule.field)
        other = (frozenset(rule.whole) if value in rule.part else frozenset()) | (
            frozenset(rule.part) if value in rule.whole else frozenset())
        if not other:
            return []
        return [(*((k, v) for k, v in same.items() if k != rule.field), (rule.field, other))]
    return [(("metric", claim.metric),)]


def split_rules(rules: list) -> tuple[list, list]:  # type: ignore[type-arg]
    local = [r for r in rules if r.kind in LOCAL_KINDS]
    return local, [r for r in rules if r.kind not in LOCAL_KINDS]


def _in(path: Path, folder: Path) -> Path | None:
    try:
        return path.relative_to(folder)
    except ValueError:
        return None


class CorpusCheck:
    """The index of one corpus, opened for one run."""

    def __init__(self, corpus: str | None, warn, config_file: Path | None = None) -> None:  # type: ignore[no-untyped-def]
        self.project = find_project(config_file)
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

    def settings(self, rules_dirs: list[Path], select: list[str], ignore: list[str], fail_level: str | None):  # type: ignore[no-untyped-def]
        """The run's rules, fail level and overrides, as ``figcheck.config.settings`` makes them
        for audit, but validated once and kept in the index: parsing rule YAML with located
        errors costs more than the rest of a warm check. The key hashes the config file, every
        rule folder's files and the options, so any edit is seen."""
        import hashlib

        from figcheck.config import Settings, load_config, settings
        from figcheck.ruleset import RULE_ADAPTER

        path = self.project.config
        config = load_config(path)
        dirs = [config.root / d for d in config.rules] + list(rules_dirs)
        digest = hashlib.sha256(json.dumps([str(path), sorted(map(str, dirs)), select, ignore, fail_level]).encode())
        # The code that reads rules and config too: a new parameter or default must not meet
        # rules validated by the old one.
        package = Path(__file__).resolve().parents[1]
        for file in [*([path] if path else []), package / "ruleset.py", package / "config.py"]:
            digest.update(file.read_bytes() if file.is_file() else b"")
        for folder in dirs:
            for file in sorted(Path(folder).rglob("*.y*ml")) if Path(folder).is_dir() else []:
                digest.update(file.as_posix().encode() + b"\0" + file.read_bytes() + b"\0")

        def compute() -> str:
            made = settings(path, list(rules_dirs), select, ignore, fail_level, discover=False)
            return json.dumps({"rules": [RULE_ADAPTER.dump_python(r, mode="json") for r in made.rules],
                               "fail_level": made.fail_level})

        try:
            stored = json.loads(self.index.remember(f"settings:{digest.hexdigest()}", compute))
            rules = [RULE_ADAPTER.validate_python(r) for r in stored["rules"]]
        except (sqlite3.DatabaseError, ValueError, KeyError, TypeError):
            stored = json.loads(compute())
            rules = [RULE_ADAPTER.validate_python(r) for r in stored["rules"]]
        return Settings(config, rules, stored["fail_level"])

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
        # String tests, not pathlib: this runs on every file of the archive on every commit.
        return sorted(
            p for p in listed.split("\0")
            if p and os.path.splitext(p)[1].lower() in TEXT_SUFFIXES and "/." not in f"/{p}"
        )

    def refresh(self, jobs: int | None = None, progress: bool = False, include: list[str] = ()) -> Refreshed:  # type: ignore[assignment]
        """Bring the index up to date; ``include``: files about to be checked, indexed even when
        git does not track them yet (a draft checked by hand before ``git add``)."""
        listed = self._listed(include)
        try:
            return self.index.refresh(self.corpus, jobs, progress, listed)
        except sqlite3.DatabaseError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise CheckError(f"{self.index.db}: index is locked by another figcheck run ({exc})") from None
            self._rebuild(f"index is corrupt ({exc})")
            return self.index.refresh(self.corpus, jobs, progress, listed)

    def _rebuild(self, reason: str) -> None:
        try:
            self.index.rebuild(reason)
        except IndexError_ as exc:
            raise CheckError(str(exc)) from None

    def _listed(self, include: list[str]) -> list[str] | None:
        listed = self.tracked()
        if listed is None:
            return None
        mapped = (self.as_corpus_path(f) for f in include if Path(f).is_file())
        return sorted(set(listed) | {p for p in mapped if p is not None})

    def as_corpus_path(self, given: str) -> str | None:
        """The path a corpus document has in the index, or None when ``given`` lies outside it."""
        rel = _in(Path(given).resolve(), Path(self.corpus).resolve())
        if rel is None:
            return None
        return (Path(self.corpus) / rel).as_posix()

    def check(self, files: list[str], rules: list, baseline: dict[str, Entry] | None) -> Outcome:  # type: ignore[type-arg]
        """Findings that involve at least one of ``files``, against the whole corpus."""
        return self._recovering(lambda: self._check(files, rules, baseline), files)

    def audit_all(self, rules: list, baseline: dict[str, Entry] | None) -> Outcome:  # type: ignore[type-arg]
        """Every finding across the corpus, from the cache."""
        return self._recovering(lambda: self._audit_all(rules, baseline), [])

    def _recovering(self, run, files: list[str]) -> Outcome:  # type: ignore[no-untyped-def]
        """A page found corrupt while reading claims back: rebuild the index once and run again."""
        try:
            return run()  # type: ignore[no-any-return]
        except sqlite3.DatabaseError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise CheckError(f"{self.index.db}: index is locked by another figcheck run ({exc})") from None
            self._rebuild(f"index is corrupt ({exc})")
            self.index.refresh(self.corpus, None, False, self._listed(files))
            return run()  # type: ignore[no-any-return]

    def _check(self, files: list[str], rules: list, baseline: dict[str, Entry] | None) -> Outcome:  # type: ignore[type-arg]
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
        local, wide = split_rules(rules)
        findings = run_checks(file_claims, local)
        decoded: dict[int, Claim] = {}
        for rule in wide:
            # Each rule sees only the claims it could pair with the files': a series for one, a
            # single day for another; running every rule on their union cost more than reading it.
            mates = self.index.matching((cond for c in file_claims for cond in reach(rule, c)), scope, decoded)
            if mates or any(reach(rule, c) for c in file_claims):
                findings += run_checks(file_claims + mates, [rule])
        near = list(decoded.values())
        findings = sorted((f for f in findings if mine.intersection(f.claims)), key=lambda f: (f.path, f.line, f.rule, f.id))
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

    def _audit_all(self, rules: list, baseline: dict[str, Entry] | None) -> Outcome:  # type: ignore[type-arg]
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
