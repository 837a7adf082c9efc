"""Every output format, byte for byte, on a small fixed corpus (tests/snapshots/corpus).

The snapshots are the review surface: a change to any format shows up as a diff of
tests/snapshots/*. Regenerate them after an intended change with
``FIGCHECK_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_report_snapshots.py`` and read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import REPO, run_cli

SNAPSHOTS = REPO / "tests" / "snapshots"
CORPUS = "tests/snapshots/corpus"
FILES = sorted(p.name for p in (SNAPSHOTS / "corpus").iterdir())
AUDIT = ["markdown", "text", "json", "jsonl", "sarif", "github"]
EXTRACT = ["table", "jsonl", "csv"]
SUFFIX = {"markdown": "md", "text": "txt", "json": "json", "jsonl": "jsonl", "sarif": "sarif", "github": "txt",
          "table": "txt", "csv": "csv"}


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch):
    """Paths in the outputs are relative to the repository root, as a user would type them."""
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def _check(name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("FIGCHECK_UPDATE_SNAPSHOTS"):
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"no snapshot {path}; run with FIGCHECK_UPDATE_SNAPSHOTS=1 to create it"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from its snapshot"


@pytest.mark.parametrize("fmt", AUDIT)
def test_audit_format_matches_its_snapshot(fmt):
    result = run_cli("audit", CORPUS, "--format", fmt)
    assert result.exit_code == 1  # the corpus holds errors
    _check(f"audit.{fmt}.{SUFFIX[fmt]}", result.stdout)


@pytest.mark.parametrize("fmt", EXTRACT)
def test_extract_format_matches_its_snapshot(fmt):
    result = run_cli("extract", CORPUS, "--format", fmt)
    assert result.exit_code == 0
    _check(f"extract.{fmt}.{SUFFIX[fmt]}", result.stdout)


@pytest.mark.parametrize("fmt", AUDIT)
def test_audit_output_does_not_depend_on_the_order_inputs_are_named(fmt):
    forward = run_cli("audit", *(f"{CORPUS}/{f}" for f in FILES), "--format", fmt).stdout
    backward = run_cli("audit", *(f"{CORPUS}/{f}" for f in reversed(FILES)), "--format", fmt).stdout
    assert forward == backward
    assert forward == run_cli("audit", CORPUS, "--format", fmt).stdout


def test_chart_bytes_are_the_same_on_every_run(tmp_path: Path):
    first, second = tmp_path / "one", tmp_path / "two"
    for folder in (first, second):
        folder.mkdir()
        run_cli("audit", CORPUS, "-o", str(folder / "report.md"))
    charts = sorted(p.name for p in (first / "report_files").iterdir())
    assert charts, "the corpus has a broken series, so the report must carry a chart"
    for name in charts:
        assert (first / "report_files" / name).read_bytes() == (second / "report_files" / name).read_bytes()
