"""Command line: click commands only; the work happens in pipeline, ruleset and report."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from figcheck import __version__
from figcheck.load import InputError
from figcheck.model import LEVEL_RANK, AuditReport
from figcheck.pipeline import Notes, audit
from figcheck.report import FORMATS, write_atomic
from figcheck.ruleset import RuleError, load_rules, rule_schema

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


def exit_code(report: AuditReport, fail_level: str, notes: Notes) -> int:
    """0 when nothing reaches ``fail_level``; 1 when a finding does; 2 when an input failed."""
    if fail_level != "never":
        threshold = LEVEL_RANK[fail_level]
        if any(LEVEL_RANK[f.level] >= threshold for f in report.findings):
            return EXIT_FAIL
    return EXIT_ERROR if notes.errors else EXIT_SUCCESS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="figcheck")
def main() -> None:
    """Find figures in news reports that cannot all be true."""


@main.command("audit")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="markdown", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here.")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path), help="Add a folder of rules.")
@click.option("--fail-level", type=click.Choice(["error", "warning", "info", "never"]), default="error", show_default=True)
def audit_cmd(paths: tuple[str, ...], fmt: str, output: Path | None, rules_dirs: tuple[Path, ...], fail_level: str) -> None:
    """Audit every document under PATHS and report the conflicts between their figures."""
    notes = Notes()
    try:
        rules = load_rules(list(rules_dirs))
        report = audit(list(paths), rules, notes)
    except (InputError, RuleError) as exc:
        _fail(str(exc))
    _notes(notes)
    base = str(output.parent) if output else ""
    text = FORMATS[fmt](report, base)
    if output:
        try:
            write_atomic(output, text)
        except OSError as exc:
            _fail(str(exc))
        click.echo(f"figcheck: wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
    sys.exit(exit_code(report, fail_level, notes))


@main.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True)
def extract_cmd(paths: tuple[str, ...], fmt: str) -> None:
    """Print the figures found in PATHS, one claim per line."""
    notes = Notes()
    try:
        report = audit(list(paths), [], notes)
    except InputError as exc:
        _fail(str(exc))
    _notes(notes)
    if fmt == "jsonl":
        click.echo(FORMATS["jsonl"](report, ""), nl=False)
    else:
        for c in report.claims:
            click.echo(
                f"{c.document}:{c.line}:{c.column}\t{c.text}\t{c.qualifier}\t{c.unit}\t{c.metric or '-'}\t"
                f"{c.group or '-'}\t{c.scope or '-'}\t{c.source or '-'}\t{c.as_of or '-'}"
            )
    sys.exit(EXIT_ERROR if notes.errors else EXIT_SUCCESS)


@main.group("rules")
def rules_cmd() -> None:
    """List, show and describe the rules."""


@rules_cmd.command("list")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path))
def rules_list(rules_dirs: tuple[Path, ...]) -> None:
    """One line per rule: id, kind, level, title."""
    try:
        rules = load_rules(list(rules_dirs))
    except RuleError as exc:
        _fail(str(exc))
    for r in rules:
        click.echo(f"{r.id}\t{r.kind}\t{r.level}\t{r.title}")


@rules_cmd.command("show")
@click.argument("rule_id")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path))
def rules_show(rule_id: str, rules_dirs: tuple[Path, ...]) -> None:
    """What a rule checks, why, and its parameters."""
    try:
        rules = {r.id: r for r in load_rules(list(rules_dirs))}
    except RuleError as exc:
        _fail(str(exc))
    if rule_id not in rules:
        _fail(f"no rule '{rule_id}' (see figcheck rules list)")
    r = rules[rule_id]
    click.echo(f"{r.id} ({r.kind}, {r.level})\n\n{r.title}\n\nWhat it does:\n  {' '.join(r.description.split())}")
    click.echo(f"\nWhy it matters:\n  {' '.join(r.explanation.split())}")
    example = r.metadata.get("example_bad")
    if example:
        click.echo(f"\nExample:\n  {example}")
    params = r.model_dump(exclude={"id", "kind", "level", "title", "message", "explanation", "description", "metadata"})
    click.echo("\nParameters:\n" + "\n".join(f"  {k}: {json.dumps(v, default=str)}" for k, v in params.items()))


@rules_cmd.command("schema")
def rules_schema_cmd() -> None:
    """The JSON Schema of rule files."""
    click.echo(json.dumps(rule_schema(), indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()
