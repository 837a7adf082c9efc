"""The markdown report for editors: what clashes, why it cannot be right, what to do."""

from __future__ import annotations

import re

from figcheck.model import AuditReport, Claim, Finding
from figcheck.report.view import canonical, interval_text, relative_target

RENDERED_SUFFIXES = (".md", ".markdown", ".html", ".htm")
"""GitHub renders these, so a line anchor needs the plain view."""

MARKER = "<!-- figcheck:report -->"


def _esc(text: str) -> str:
    """Escape markdown syntax, table pipes and raw HTML, and break GitHub's auto-linking of
    URLs, ``www.`` names and @handles, so a sentence shows exactly as written."""
    text = re.sub(r"[\r\n]+", " ", text)
    text = re.sub(r"([\\`*_\[\]<>|~#!])", r"\\\1", text)
    text = text.replace("://", "\\://").replace("www.", "www\\.")
    return text.replace("@", "@\u200b")


def _path(path: str) -> str:
    """A path as a code span: never auto-linked, never read as emphasis; pipes escaped for tables."""
    fence = "``" if "`" in path else "`"
    escaped = path.replace("|", "\\|")
    return f"{fence}{escaped}{fence}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _link(c: Claim, base: str) -> str:
    plain = "?plain=1" if c.document.lower().endswith(RENDERED_SUFFIXES) else ""
    return f"[{_path(f'{c.document}:{c.line}')}]({relative_target(c.document, base)}{plain}#L{c.line})"


def _bold_figure(c: Claim) -> str:
    sentence = c.sentence
    i = sentence.find(" ".join(c.text.split()))
    if i < 0:
        return _esc(sentence)
    j = i + len(" ".join(c.text.split()))
    return f"{_esc(sentence[:i])}**{_esc(sentence[i:j])}**{_esc(sentence[j:])}"


def summary_sentence(report: AuditReport) -> str:
    s = report.summary
    if not s.findings:
        tail = "no conflicts found"
    else:
        parts = [_plural(n, w) for n, w in ((s.errors, "error"), (s.warnings, "warning"), (s.infos, "note")) if n]
        tail = f"{_plural(s.findings, 'conflict')} found ({', '.join(parts)})"
    return f"figcheck read {_plural(s.documents, 'document')} and {_plural(s.claims, 'figure')}: {tail}."


def _finding_section(n: int, f: Finding, claims: dict[str, Claim], base: str, chart: str | None) -> list[str]:
    sides = [claims[i] for i in f.claims if i in claims]
    out = [f"### {n}. {f.level.upper()}: {f.title} (`{f.rule}`)", "", _esc(f.message), ""]
    out += ["| | where | date | source | figure as written | asserts |", "|---|---|---|---|---|---|"]
    for k, c in enumerate(sides):
        mark = "likely wrong" if k == 0 and len(sides) > 1 else ""
        date = f"{c.as_of} ({c.as_of_basis})" if c.as_of else "undated"
        out.append(
            f"| {mark} | {_link(c, base)} | {date} | {_esc(c.source_text or '—')} | {_esc(c.text)} | {interval_text(c)} |"
        )
    out.append("")
    if chart:
        out += [f"![Chart: the figures over time, {_esc(sides[0].text)} marked as likely wrong]({chart})", ""]
    for c in sides:
        out += [f"> {_bold_figure(c)}", f"> — {_path(c.document)}, line {c.line}", ""]
    out += [f"**Why:** {_esc(f.explanation)}", ""]
    action = f.suggestion or "Check both figures against the original source before publishing."
    if f.suggestion and sides:
        action = f"{f.suggestion} Check {sides[0].text} against {sides[0].source_text or 'the original source'} and correct it."
    out += [f"**Suggested action:** {_esc(action)}", ""]
    return out


def render(
    report: AuditReport, base: str = "", charts: dict[str, str] | None = None,
    set_aside: list[tuple[Finding, str]] | None = None,
) -> str:
    """``base`` is the folder the report is written to, so that file links resolve from there;
    ``charts`` maps finding ids to chart images relative to that folder."""
    report = canonical(report)
    charts = charts or {}
    claims = {c.id: c for c in report.claims}
    out = [MARKER, "# figcheck report", "", summary_sentence(report), ""]
    out += ["## Documents", "", "| document | published | language | figures | conflicts |", "|---|---|---|---|---|"]
    per_doc: dict[str, int] = {}
    for f in report.findings:
        for path in {claims[i].document for i in f.claims if i in claims}:
            per_doc[path] = per_doc.get(path, 0) + 1
    for d in report.documents:
        out.append(f"| {_path(d.path)} | {d.published or 'unknown'} | {d.language} | {d.claims} | {per_doc.get(d.path, 0)} |")
    out.append("")
    if report.findings:
        out += ["## Conflicts", ""]
        for n, f in enumerate(report.findings, 1):
            out += _finding_section(n, f, claims, base, charts.get(f.id))
    undated_docs = [d for d in report.documents if d.published is None]
    if undated_docs:
        out += ["## Documents with no date", "", "Figures in these documents are dated only when the sentence gives a date.", ""]
        out += [f"- {_path(d.path)}" for d in undated_docs] + [""]
    undated = [c for c in report.claims if c.as_of is None]
    if undated:
        out += ["<details><summary>Undated figures (" + str(len(undated)) + ")</summary>", ""]
        out += [f"- {_path(f'{c.document}:{c.line}')}: {_esc(c.text)}" for c in undated] + ["", "</details>", ""]
    warnings = [(d.path, w) for d in report.documents for w in d.warnings if w != "no publication date found"]
    if warnings:
        out += ["<details><summary>Input warnings</summary>", ""]
        out += [f"- {_path(p)}: {_esc(w)}" for p, w in warnings] + ["", "</details>", ""]
    if set_aside:
        out += [f"<details><summary>Suppressed or accepted findings ({len(set_aside)})</summary>", ""]
        for f, why in sorted(set_aside, key=lambda fw: (fw[0].path, fw[0].line, fw[0].rule, fw[0].id)):
            out.append(f"- {_path(f'{f.path}:{f.line}')} `{f.rule}`: {_esc(f.message)} ({_esc(why)})")
        out += ["", "</details>", ""]
    out += ["<details><summary>Rules that ran</summary>", ""]
    out += [f"- `{r}`" for r in report.tool.rules] + ["", "</details>", ""]
    return "\n".join(out).rstrip() + "\n"
