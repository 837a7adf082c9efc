"""Report stage: render an AuditReport in each output format."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from figcheck.model import AuditReport, Finding
from figcheck.report import claims_table, github, markdown, sarif, text
from figcheck.report.view import canonical


def render_json(report: AuditReport, base: str = "") -> str:
    return json.dumps(canonical(report).model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def render_jsonl(report: AuditReport, base: str = "") -> str:
    """One finding per line, in the contract's order, for tools that stream."""
    return "".join(json.dumps(f.model_dump(mode="json"), ensure_ascii=False) + "\n" for f in canonical(report).findings)


FORMATS: dict[str, Callable[[AuditReport, str], str]] = {
    "markdown": markdown.render,
    "text": text.render,
    "json": render_json,
    "jsonl": render_jsonl,
    "sarif": sarif.render,
    "github": github.render,
}
"""``figcheck audit --format`` choices."""

EXTRACT_FORMATS = claims_table.EXTRACT_FORMATS
"""``figcheck extract --format`` choices: the claims alone, as (header, row) pairs."""


def emit(
    report: AuditReport, fmt: str, output: Path | None, color: bool = False,
    set_aside: list[tuple[Finding, str]] | None = None,
) -> str | None:
    """Render ``report``; write it (and a markdown report's charts, into ``<stem>_files/``) to
    ``output`` and return None, or return the text for stdout. The github format also appends
    the markdown report to ``$GITHUB_STEP_SUMMARY`` when that is set. ``set_aside`` holds the
    findings suppressions and the baseline took out, with why; the markdown lists them."""
    if fmt == "github":
        github.append_step_summary(report, set_aside=set_aside)
    if output is not None and not output.parent.is_dir():
        raise FileNotFoundError(f"{output}: output folder {output.parent} does not exist")
    if fmt == "markdown" and output is not None:
        from figcheck.report.charts import charts

        folder = output.parent / f"{output.stem}_files"
        images = charts(canonical(report))
        links = {}
        created = images and not folder.exists()
        try:
            if images:
                folder.mkdir(exist_ok=True)
            for name, data in images.items():
                write_atomic(folder / name, data)
                links[name.removesuffix(".svg")] = f"{folder.name}/{name}"
            write_atomic(output, markdown.render(report, str(output.parent), links, set_aside))
            # Charts of findings that have gone would mislead whoever opens the folder.
            for stale in folder.glob("f_*.svg") if folder.is_dir() else ():
                if stale.name not in images:
                    stale.unlink()
        except BaseException:
            if created:  # an interrupted run leaves the folder as it found it
                shutil.rmtree(folder, ignore_errors=True)
            raise
        return None
    if fmt == "text":
        rendered = text.render(report, "", color=color)
    elif fmt == "markdown":
        rendered = markdown.render(report, str(output.parent) if output else "", None, set_aside)
    else:
        rendered = FORMATS[fmt](report, str(output.parent) if output else "")
    if output is None:
        return rendered
    write_atomic(output, rendered)
    return None


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write through a temporary file and rename, so a reader never sees half a report."""
    if not path.parent.is_dir():
        raise FileNotFoundError(f"{path}: output folder {path.parent} does not exist")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        data = text.encode("utf-8") if isinstance(text, str) else text
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        # mkstemp makes the file private; a report is for sharing, so give it the usual mode.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
