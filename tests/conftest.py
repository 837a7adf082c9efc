"""Shared helpers: write small corpora to disk and run the real CLI on them."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from figcheck.cli import main

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


@pytest.fixture
def corpus(tmp_path: Path):
    """Write {name: text} to a folder; text is dedented."""

    def write(files: dict[str, str]) -> Path:
        for name, text in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return tmp_path

    return write


def run_cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def audit_json(*paths: str | Path, extra: tuple[str, ...] = ()) -> tuple[dict, int]:
    result = run_cli("audit", *map(str, paths), "--format", "json", *extra)
    return json.loads(result.stdout), result.exit_code


TOLL = "Gaza's Ministry of Health said at least {n} Palestinians have been killed in Gaza since October 7, 2023."


def article(date: str, body: str, title: str = "Report") -> str:
    """A CMS article: front matter with title and date, a heading, the body."""
    return f"---\ntitle: {title}\ndate: {date}\n---\n# {title}\n\n{body}\n"


@pytest.fixture
def cms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A CMS-shaped folder whose config names content/ as the corpus, as the working directory;
    returns a writer for content/<section>/<slug>.md that gives back the relative path."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.figcheck]\ncorpus = "content/"\n', encoding="utf-8")

    def write(rel: str, date: str, body: str) -> str:
        path = tmp_path / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(date, body), encoding="utf-8")
        return f"content/{rel}"

    return write
