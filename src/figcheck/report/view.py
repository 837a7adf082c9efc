"""What every output format shares: a canonical order, the sides of a finding, the likely correction."""

from __future__ import annotations

import os
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import quote

from figcheck.checks.series import Key, digit_edits, fmt_number, join_unnamed_events, series_key
from figcheck.model import AuditReport, Claim, Finding

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def canonical(report: AuditReport) -> AuditReport:
    """The same report whatever order the inputs were named in: documents by path, claims by
    position, findings by path, line, column and rule (the order CI tools and diffs expect)."""
    claims = sorted(report.claims, key=lambda c: (c.document, c.line, c.column, c.end_line, c.end_column, c.id))
    by_id = {c.id: c for c in claims}
    findings = sorted(report.findings, key=lambda f: finding_sort_key(f, by_id))
    return report.model_copy(
        update={
            "documents": sorted(report.documents, key=lambda d: d.path),
            "claims": claims,
            "findings": findings,
        }
    )


def finding_sort_key(f: Finding, claims: dict[str, Claim]) -> tuple:
    return (f.path, f.line, finding_column(f, claims), f.rule, f.id)


def finding_column(f: Finding, claims: dict[str, Claim]) -> int:
    """Findings carry path and line; the column is their focus claim's."""
    focus = claims.get(f.claims[0]) if f.claims else None
    return focus.column if focus is not None else 1


def sides(f: Finding, claims: dict[str, Claim]) -> list[Claim]:
    """The claims of a finding in the contract's order: the likely wrong one first."""
    return [claims[i] for i in f.claims if i in claims]


def correction(f: Finding, focus: Claim) -> float | None:
    """The value the suggestion proposes for the focus claim, if it proposes one.

    The suggestion is prose; the proposed value is the number in it that one slip of the
    keyboard away from the figure as written, which is how the checks chose it.
    """
    if not f.suggestion:
        return None
    edits = {v for v, _ in digit_edits(focus.value)}
    for token in _NUMBER.findall(f.suggestion):
        value = float(token.replace(",", ""))
        if value in edits:
            return value
    return None


def series_of(focus: Claim, claims: list[Claim]) -> list[Claim]:
    """Every dated claim measuring the same thing as ``focus``, by date: the series a chart shows."""
    groups: dict[Key, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.as_of is not None and c.metric:
            groups[series_key(c)].append(c)
    join_unnamed_events(groups)  # as the checks group them
    members = next((m for m in groups.values() if focus in m), [focus])
    return sorted(members, key=lambda c: (c.as_of, c.document, c.line, c.column))


def interval_text(c: Claim) -> str:
    """The interval a claim asserts, in the bracket notation of the report tables."""
    low = "−∞" if c.low is None else fmt_number(c.low)
    high = "∞" if c.high is None else fmt_number(c.high)
    if c.low is not None and c.low == c.high:
        return f"exactly {low}"
    left = "(" if c.qualifier == "more_than" or c.low is None else "["
    right = ")" if c.qualifier in {"nearly", "less_than"} or c.high is None else "]"
    return f"{left}{low}, {high}{right}"


def where(c: Claim) -> str:
    return f"{c.document}:{c.line}"


def describe(c: Claim) -> str:
    """"at least 70,369 on 2025-12-12 (Gaza's Ministry of Health)" — one side, in words."""
    date = f" on {c.as_of}" if c.as_of else ""
    source = f" ({c.source_text})" if c.source_text else ""
    return f"{' '.join(c.text.split())}{date}{source}"


def relative_target(document: str, base: str) -> str:
    """A URL-encoded link to ``document`` from the folder ``base`` the report is written to."""
    if base:
        target = os.path.relpath(os.path.abspath(document), os.path.abspath(base)).replace(os.sep, "/")
    else:
        target = posixpath.normpath(document)
    return quote(target, safe="/._-~")


@dataclass(frozen=True)
class LevelWords:
    """How each output vocabulary names figcheck's levels."""

    sarif: str
    github: str


LEVELS = {
    "error": LevelWords(sarif="error", github="error"),
    "warning": LevelWords(sarif="warning", github="warning"),
    "info": LevelWords(sarif="note", github="notice"),
}
