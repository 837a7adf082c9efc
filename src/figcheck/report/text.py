"""The terminal format: one line per finding, ``path:line:col: level rule message``."""

from __future__ import annotations

from figcheck.model import AuditReport
from figcheck.report.view import canonical, finding_column

COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def render(report: AuditReport, base: str = "", color: bool = False) -> str:
    """Plain by default so pipes and files get clean text; ``color`` only for a terminal."""
    report = canonical(report)
    claims = {c.id: c for c in report.claims}
    lines = []
    for f in report.findings:
        where = f"{f.path}:{f.line}:{finding_column(f, claims)}:"
        message = " ".join(f.message.split())
        if color:
            lines.append(f"{BOLD}{where}{RESET} {COLOURS[f.level]}{f.level}{RESET} {DIM}{f.rule}{RESET} {message}")
        else:
            lines.append(f"{where} {f.level} {f.rule} {message}")
    return "".join(line + "\n" for line in lines)
