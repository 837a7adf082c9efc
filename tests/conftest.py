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
