"""Report stage: render an AuditReport in each output format."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from figcheck.model import AuditReport
from figcheck.report import markdown


def render_json(report: AuditReport, base: str = "") -> str:
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def render_jsonl(report: AuditReport, base: str = "") -> str:
    return "".join(json.dumps(c.model_dump(mode="json"), ensure_ascii=False) + "\n" for c in report.claims)


FORMATS: dict[str, Callable[[AuditReport, str], str]] = {
    "markdown": markdown.render,
    "json": render_json,
    "jsonl": render_jsonl,
}


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file and rename, so a reader never sees half a report."""
    if not path.parent.is_dir():
        raise FileNotFoundError(f"{path}: output folder {path.parent} does not exist")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
