"""Command line: click commands only; the work happens in pipeline, ruleset and report."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from figcheck import __version__
from figcheck.config import Config, ConfigError, all_rules, find_config, load_config
from figcheck.config import settings as run_settings
from figcheck.load import InputError, check_encoding
from figcheck.model import LEVEL_RANK, AuditReport, Finding
from figcheck.pipeline import DocumentResult, Notes, audit, extract_paths
from figcheck.progress import ProgressBar
from figcheck.report import EXTRACT_FORMATS, FORMATS, emit, write_atomic
from figcheck.ruleset import RuleError, rule_schema

EXIT_SUCCESS = 0
"""Nothing at or above the fail level."""
EXIT_FAIL = 1
"""Findings at or above the fail level."""
EXIT_ERROR = 2
"""Usage, configuration, rule-file or input error."""


def _fail(message: str) -> None:
    click.echo(f"figcheck: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _notes(notes: Notes) -> None:
    for line in notes.skipped:
        click.echo(f"figcheck: {line}", err=True)
    for line in notes.errors:
        click.echo(f"figcheck: error: {line}", err=True)


@contextlib.contextmanager
def _progress() -> Iterator[ProgressBar]:
    bar = ProgressBar()
    try:
        yield bar
    finally:
        bar.close()


def exit_code(report: AuditReport, fail_level: str, notes: Notes) -> int:
    """0 when nothing reaches ``fail_level``; 1 when a finding does; 2 when an input failed."""
    if fail_level != "never":
        threshold = LEVEL_RANK[fail_level]
        if any(LEVEL_RANK[f.level] >= threshold for f in report.findings):
            return EXIT_FAIL
    return EXIT_ERROR if notes.errors else EXIT_SUCCESS


def _encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check_encoding(value)
    except LookupError:
        _fail(f"--encoding {value}: unknown encoding (try utf-8, windows-1255, windows-1256, utf-16)")
    return None


def _input_settings(config: Config, jobs: int | None, encoding: str | None) -> tuple[int, str | None]:
    """--jobs and --encoding as given, else the config file's, else every core and detection."""
    return (config.jobs or 0) if jobs is None else jobs, encoding or config.encoding


def input_options(command):  # type: ignore[no-untyped-def]
    """--jobs and --encoding, shared by every command that reads documents."""
    command = click.option(
        "--encoding", callback=_encoding, default=None,
        help="Encoding of files without a byte-order mark that are not UTF-8 (default: detect).",
    )(command)
    return click.option(
        "-j", "--jobs", type=click.IntRange(min=0), default=None,
        help="Worker processes; 0 uses every core [default: the config's, else 0].",
    )(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="figcheck")
def main() -> None:
    """Find figures in news reports that cannot all be true."""


@main.command("audit")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="markdown", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here.")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path), help="Add a folder of rules.")
@click.option("--fail-level", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Exit 1 on findings at or above this level [default: the config's, else error].")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Accepted findings (figcheck baseline update); only new ones fail.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help="figcheck.toml or pyproject.toml to use [default: found upward from here].")
@click.option("--select", multiple=True, help="Run only these rules (ids, or prefixes ending in '/').")
@click.option("--ignore", multiple=True, help="Do not run these rules (ids, or prefixes ending in '/').")
@input_options
def audit_cmd(
    paths: tuple[str, ...], fmt: str, output: Path | None, rules_dirs: tuple[Path, ...], fail_level: str | None,
    jobs: int | None, encoding: str | None, baseline_file: Path | None = None, config_file: Path | None = None,
    select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
) -> None:
    """Audit every document under PATHS and report the conflicts between their figures."""
    notes = Notes()
    try:
        run = run_settings(config_file, list(rules_dirs), list(select), list(ignore), fail_level)
        rules, fail_level = run.rules, run.fail_level
        jobs, encoding = _input_settings(run.config, jobs, encoding)
        with _progress() as bar:
            report = run.apply(audit(list(paths), rules, notes, jobs=jobs, encoding=encoding, progress=bar))
    except (InputError, RuleError, ConfigError) as exc:
        _fail(str(exc))
    _notes(notes)
    report, set_aside = _audit_filters(report, rules, notes, baseline_file)
    _emit(report, fmt, output, set_aside)
    sys.exit(exit_code(report, fail_level, notes))


@main.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(sorted(EXTRACT_FORMATS)), default="table", show_default=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help="figcheck.toml or pyproject.toml to use [default: found upward from here].")
@click.option("--quantities", is_flag=True,
              help="Every quantity read, also those no claim is made of (ages, framing durations, "
                   "'one of', a change 'from X to Y' as one range), in the same record shape.")
@input_options
def extract_cmd(
    paths: tuple[str, ...], fmt: str, jobs: int | None, encoding: str | None, config_file: Path | None = None,
    quantities: bool = False,
) -> None:
    """Print the figures found in PATHS, one claim per line."""
    notes = Notes()
    try:
        jobs, encoding = _input_settings(load_config(config_file or find_config()), jobs, encoding)
    except ConfigError as exc:
        _fail(str(exc))
    header, row = EXTRACT_FORMATS[fmt]
    if header:
        click.echo(header, nl=False)

    def emit(result: DocumentResult) -> None:  # streamed: memory stays flat however many claims
        for c in result.claims:
            click.echo(row(c), nl=False)

    try:
        with _progress() as bar:
            extract_paths(list(paths), notes, jobs=jobs, encoding=encoding, progress=bar, sink=emit, quantities=quantities)
    except InputError as exc:
        _fail(str(exc))
    _notes(notes)
    sys.exit(EXIT_ERROR if notes.errors else EXIT_SUCCESS)


@main.group("rules")
def rules_cmd() -> None:
    """List, show and describe the rules."""


@rules_cmd.command("list")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path))
def rules_list(rules_dirs: tuple[Path, ...]) -> None:
    """One line per rule: id, kind, level, title (the config's rule folders included)."""
    try:
        rules = all_rules(list(rules_dirs))
    except (RuleError, ConfigError) as exc:
        _fail(str(exc))
    for r in rules:
        click.echo(f"{r.id}\t{r.kind}\t{r.level}\t{r.title}")


@rules_cmd.command("show")
@click.argument("rule_id")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path))
def rules_show(rule_id: str, rules_dirs: tuple[Path, ...]) -> None:
    """What a rule checks, why, and its parameters."""
    try:
        rules = {r.id: r for r in all_rules(list(rules_dirs))}
    except (RuleError, ConfigError) as exc:
        _fail(str(exc))
    if rule_id not in rules:
        _fail(f"no rule '{rule_id}' (see figcheck rules list)")
    from figcheck.checks.registry import describe

    click.echo(describe(rules[rule_id]), nl=False)


@rules_cmd.command("schema")
def rules_schema_cmd() -> None:
    """The JSON Schema of rule files."""
    click.echo(json.dumps(rule_schema(), indent=2))


def _audit_filters(
    report: AuditReport, rules: list, notes: Notes, baseline_file: Path | None  # type: ignore[type-arg]
) -> tuple[AuditReport, list[tuple[Finding, str]]]:
    """Suppressions in the documents and the ``--baseline``, for audit; the findings they set
    aside come back with the reason, for the report's appendix."""
    from figcheck.corpus.check import filter_audit

    entries, shown = _baseline(baseline_file, default=False)
    outcome = filter_audit(report, rules, entries)
    notes.errors.extend(_filter_notes(outcome, shown).errors)
    return outcome.report, _set_aside(outcome, shown)


def _set_aside(outcome, baseline_shown: str | None) -> list[tuple[Finding, str]]:  # type: ignore[no-untyped-def]
    """The findings suppressions and the baseline took out, each with why, for the report."""
    out = [(f, f"suppressed at {s.path}:{s.line} ({s.reason})") for f, s in outcome.suppressed]
    return out + [(f, f"accepted in the baseline {baseline_shown}") for f in outcome.accepted]


def _emit(report: AuditReport, fmt: str, output: Path | None, set_aside: list[tuple[Finding, str]] | None = None) -> None:
    color = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    try:
        text = emit(report, fmt, output, color=color, set_aside=set_aside)
    except OSError as exc:
        _fail(str(exc))
    if text is None:
        click.echo(f"figcheck: wrote {output}", err=True)
    else:
        click.echo(text, nl=False, color=color or None)


def _filter_notes(outcome, baseline_shown: str | None) -> Notes:  # type: ignore[no-untyped-def]
    """Print what suppressions and the baseline took out; return the errors for the exit code."""
    for line in outcome.warnings:
        click.echo(f"figcheck: warning: {line}", err=True)
    for line in outcome.errors:
        click.echo(f"figcheck: error: {line}", err=True)
    for finding, s in outcome.suppressed:
        click.echo(f"figcheck: suppressed {finding.rule} at {finding.path}:{finding.line} by {s.path}:{s.line} ({s.reason})", err=True)
    if outcome.accepted:
        click.echo(f"figcheck: {len(outcome.accepted)} finding(s) accepted by the baseline {baseline_shown}", err=True)
    for e in outcome.stale:
        click.echo(
            f"figcheck: warning: {baseline_shown}: stale entry {e.fingerprint} ({e.rule}, {', '.join(e.paths)}) "
            "matches no finding any more; run figcheck baseline update", err=True,
        )
    return Notes(errors=list(outcome.errors))


def _baseline(path: Path | None, default: bool, root: Path | None = None):  # type: ignore[no-untyped-def]
    """The baseline's entries and how to name it: ``--baseline``, else (for check) the project's
    .figcheck-baseline.json when it exists."""
    from figcheck.baseline import DEFAULT_NAME, BaselineError, load

    if path is None and default and root is not None:
        candidate = root / DEFAULT_NAME
        path = candidate if candidate.is_file() else None
    if path is None:
        return None, None
    try:
        return load(path), os.path.relpath(path)
    except BaselineError as exc:
        _fail(str(exc))
    return None, None


def _open_corpus(corpus: str | None, config_file: Path | None = None):  # type: ignore[no-untyped-def]
    from figcheck.corpus.check import CheckError, CorpusCheck

    try:
        return CorpusCheck(corpus, lambda line: click.echo(f"figcheck: warning: {line}", err=True), config_file)
    except (CheckError, ConfigError) as exc:
        _fail(str(exc))


def corpus_options(command):  # type: ignore[no-untyped-def]
    """--corpus, --config, --rules, --select and --ignore, shared by the commands on the index."""
    for option in reversed([
        click.option("--corpus", help="The archive folder [default: corpus in the config: [tool.figcheck] or figcheck.toml]."),
        click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
                     help="figcheck.toml or pyproject.toml to use [default: found upward from here]."),
        click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path), help="Add a folder of rules."),
        click.option("--select", multiple=True, help="Run only these rules (ids, or prefixes ending in '/')."),
        click.option("--ignore", multiple=True, help="Do not run these rules (ids, or prefixes ending in '/')."),
    ]):
        command = option(command)
    return command


@main.command("check")
@click.argument("files", nargs=-1)
@click.option("--all", "whole", is_flag=True, help="Audit the whole corpus from the index instead of FILES.")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="markdown", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here.")
@click.option("--fail-level", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Exit 1 on findings at or above this level [default: the config's, else error].")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Accepted findings [default: .figcheck-baseline.json at the project root, when present].")
@corpus_options
def check_cmd(
    files: tuple[str, ...], whole: bool, fmt: str, output: Path | None, fail_level: str | None,
    baseline_file: Path | None, corpus: str | None, config_file: Path | None, rules_dirs: tuple[Path, ...],
    select: tuple[str, ...], ignore: tuple[str, ...],
) -> None:
    """Check FILES against every document in the corpus; report only findings that involve FILES.

    The pre-commit hook: claims of the corpus are cached in .figcheck/, so a warm check reads
    them instead of the articles.
    """
    from figcheck.corpus.check import CheckError

    if not files and not whole:
        click.echo("figcheck check: nothing to check (name FILES, or --all for the whole corpus)", err=True)
        sys.exit(EXIT_SUCCESS)
    run = _open_corpus(corpus, config_file)
    try:
        entries, shown = _baseline(baseline_file, default=True, root=run.project.root)
        conf = run.settings(list(rules_dirs), list(select), list(ignore), fail_level)
        run.refresh(include=list(files))
        outcome = run.audit_all(conf.rules, entries) if whole else run.check(list(files), conf.rules, entries)
    except (CheckError, InputError, RuleError, ConfigError) as exc:
        _fail(str(exc))
    finally:
        run.close()
    notes = _filter_notes(outcome, shown)
    report = conf.apply(outcome.report)
    _emit(report, fmt, output, _set_aside(outcome, shown))
    sys.exit(exit_code(report, conf.fail_level, notes))


@main.command("index")
@click.argument("corpus", required=False)
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None,
              help="Worker processes; 0 uses every core [default: the config's, else 0].")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help="figcheck.toml or pyproject.toml to use [default: found upward from here].")
def index_cmd(corpus: str | None, jobs: int | None, config_file: Path | None) -> None:
    """Build or refresh the archive index of CORPUS (default: the configured corpus) under .figcheck/."""
    import time

    started = time.perf_counter()
    run = _open_corpus(corpus, config_file)
    try:
        if jobs is None and run.project.config:
            jobs = load_config(run.project.config).jobs
        done = run.refresh(jobs=jobs or None, progress=sys.stderr.isatty())
    finally:
        run.close()
    for line in done.errors:
        click.echo(f"figcheck: error: {line}", err=True)
    click.echo(
        f"figcheck: indexed {run.corpus}: {done.files:,} documents, {done.extracted:,} extracted, "
        f"{done.removed:,} removed, {len(done.skipped):,} skipped ({time.perf_counter() - started:.1f} s)", err=True,
    )
    sys.exit(EXIT_ERROR if done.errors else EXIT_SUCCESS)


@main.group("baseline")
def baseline_cmd() -> None:
    """Accept today's findings so that only new ones fail."""


@baseline_cmd.command("update")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write it [default: .figcheck-baseline.json at the project root].")
@corpus_options
def baseline_update(
    baseline_file: Path | None, corpus: str | None, config_file: Path | None, rules_dirs: tuple[Path, ...],
    select: tuple[str, ...], ignore: tuple[str, ...],
) -> None:
    """Write every current finding of the corpus (after suppressions) to the baseline."""
    from figcheck.baseline import DEFAULT_NAME, render

    run = _open_corpus(corpus, config_file)
    try:
        conf = run.settings(list(rules_dirs), list(select), list(ignore), None)
        run.refresh()
        outcome = run.audit_all(conf.rules, None)
    except (RuleError, ConfigError) as exc:
        _fail(str(exc))
    finally:
        run.close()
    target = baseline_file or run.project.root / DEFAULT_NAME
    report = conf.apply(outcome.report)
    try:
        write_atomic(target, render(report.findings, {c.id: c for c in report.claims}))
    except OSError as exc:
        _fail(str(exc))
    click.echo(f"figcheck: wrote {os.path.relpath(target)} ({len(report.findings)} accepted findings)", err=True)

if __name__ == "__main__":  # pragma: no cover
    main()
