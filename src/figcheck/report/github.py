"""GitHub Actions workflow commands: annotations on the lines, and the report in the job summary."""

from __future__ import annotations

import os
from pathlib import Path

from figcheck.model import AuditReport, Finding
from figcheck.report import markdown
from figcheck.report.view import LEVELS, canonical, finding_column, sides, where

PER_LEVEL = 10
"""GitHub shows at most 10 annotations of each level per step; the rest are dropped silently."""
SUMMARY_LIMIT = 1024 * 1024 - 1
"""A step summary over 1 MiB is rejected whole; stay under it."""


def escape_data(text: str) -> str:
    """As @actions/core's escapeData."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """As @actions/core's escapeProperty: also ':' and ',', which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props: object) -> str:
    args = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind}{' ' + args if args else ''}::{escape_data(message)}"


def render(report: AuditReport, base: str = "") -> str:
    report = canonical(report)
    claims = {c.id: c for c in report.claims}
    lines: list[str] = []
    shown = {"error": 0, "warning": 0, "notice": 0}
    hidden = {"error": 0, "warning": 0, "notice": 0}
    total = {k: sum(1 for f in report.findings if LEVELS[f.level].github == k) for k in shown}
    hidden_any = any(total[k] > PER_LEVEL for k in ("error", "warning"))
    for f in report.findings:
        kind = LEVELS[f.level].github
        # The "+N more" line is a notice itself, so keep a notice slot free for it.
        cap = PER_LEVEL - 1 if kind == "notice" and (hidden_any or total["notice"] > PER_LEVEL) else PER_LEVEL
        if shown[kind] >= cap:
            hidden[kind] += 1
            continue
        shown[kind] += 1
        others = [where(c) for c in sides(f, claims)[1:]]
        message = f.message + (f" Other side: {', '.join(others)}." if others else "")
        message += f" {f.suggestion}" if f.suggestion else ""
        lines.append(command(kind, message, file=f.path, line=f.line, col=finding_column(f, claims),
                             title=f"figcheck ({f.rule})"))
    if any(hidden.values()):
        counts = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in hidden.items() if n)
        lines.append(command("notice", f"+{sum(hidden.values())} more findings not shown as annotations "
                             f"({counts}); see the job summary or run figcheck audit -o report.md.",
                             title="figcheck"))
    return "".join(line + "\n" for line in lines)


def append_step_summary(
    report: AuditReport, env: dict[str, str] | None = None, set_aside: list[tuple[Finding, str]] | None = None
) -> Path | None:
    """Append the markdown report to ``$GITHUB_STEP_SUMMARY`` when it is set, cut to fit the limit."""
    target = (env if env is not None else os.environ).get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    path = Path(target)
    room = SUMMARY_LIMIT - (path.stat().st_size if path.exists() else 0)
    data = markdown.render(report, "", None, set_aside).encode("utf-8")
    if len(data) > room:
        note = "\n\n_The report was cut to fit GitHub's 1 MiB summary limit; run `figcheck audit -o report.md` for all of it._\n".encode()
        cut = data[: max(room - len(note), 0)]
        cut = cut[: cut.rfind(b"\n### ") if b"\n### " in cut else len(cut)]
        data = cut.decode("utf-8", errors="ignore").encode() + note if room > len(note) else b""
    with path.open("ab") as fh:
        fh.write(data)
    return path
