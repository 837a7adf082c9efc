"""The markdown report for editors: what clashes, why it cannot be right, what to do."""

from __future__ import annotations

import posixpath

from figcheck.checks.series import fmt_number
from figcheck.model import AuditReport, Claim, Finding

MARKER = "<!-- figcheck:report -->"


def _esc(text: str) -> str:
    """Escape table pipes and break GitHub's auto-linking of paths and handles."""
    return text.replace("|", "\\|").replace("\n", " ").replace("@", "@\u200b")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _interval(c: Claim) -> str:
    low = "−∞" if c.low is None else fmt_number(c.low)
    high = "∞" if c.high is None else fmt_number(c.high)
    if c.low is not None and c.low == c.high:
        return f"exactly {low}"
    left = "(" if c.qualifier == "more_than" or c.low is None else "["
    right = ")" if c.qualifier in {"nearly", "less_than"} or c.high is None else "]"
    return f"{left}{low}, {high}{right}"


def _link(c: Claim, base: str) -> str:
    target = posixpath.relpath(c.document, base) if base else c.document
    return f"[{_esc(c.document)}:{c.line}]({target.replace(' ', '%20')}#L{c.line})"


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


def _finding_section(n: int, f: Finding, claims: dict[str, Claim], base: str) -> list[str]:
    sides = [claims[i] for i in f.claims if i in claims]
    out = [f"### {n}. {f.level.upper()}: {f.title} (`{f.rule}`)", "", _esc(f.message), ""]
    out += ["| | where | date | source | figure as written | asserts |", "|---|---|---|---|---|---|"]
    for k, c in enumerate(sides):
        mark = "likely wrong" if k == 0 and len(sides) > 1 else ""
        date = f"{c.as_of} ({c.as_of_basis})" if c.as_of else "undated"
        out.append(
            f"| {mark} | {_link(c, base)} | {date} | {_esc(c.source_text or '—')} | {_esc(c.text)} | {_interval(c)} |"
        )
    out.append("")
    for c in sides:
        out += [f"> {_bold_figure(c)}", f"> — {_esc(c.document)}, line {c.line}", ""]
    out += [f"**Why:** {_esc(f.explanation)}", ""]
    action = f.suggestion or "Check both figures against the original source before publishing."
    if f.suggestion and sides:
        action = f"{f.suggestion} Check {sides[0].text} against {sides[0].source_text or 'the original source'} and correct it."
    out += [f"**Suggested action:** {_esc(action)}", ""]
    return out


def render(report: AuditReport, base: str = "") -> str:
    """``base`` is the folder the report is written to, so that file links resolve from there."""
    claims = {c.id: c for c in report.claims}
    out = [MARKER, "# figcheck report", "", summary_sentence(report), ""]
    out += ["## Documents", "", "| document | published | language | figures | conflicts |", "|---|---|---|---|---|"]
    per_doc: dict[str, int] = {}
    for f in report.findings:
        for path in {claims[i].document for i in f.claims if i in claims}:
            per_doc[path] = per_doc.get(path, 0) + 1
    for d in report.documents:
        out.append(f"| {_esc(d.path)} | {d.published or 'unknown'} | {d.language} | {d.claims} | {per_doc.get(d.path, 0)} |")
    out.append("")
    if report.findings:
        out += ["## Conflicts", ""]
        for n, f in enumerate(report.findings, 1):
            out += _finding_section(n, f, claims, base)
    undated_docs = [d for d in report.documents if d.published is None]
    if undated_docs:
        out += ["## Documents with no date", "", "Figures in these documents are dated only when the sentence gives a date.", ""]
        out += [f"- {_esc(d.path)}" for d in undated_docs] + [""]
    undated = [c for c in report.claims if c.as_of is None]
    if undated:
        out += ["<details><summary>Undated figures (" + str(len(undated)) + ")</summary>", ""]
        out += [f"- {_esc(c.document)}:{c.line}: {_esc(c.text)}" for c in undated] + ["", "</details>", ""]
    warnings = [(d.path, w) for d in report.documents for w in d.warnings if w != "no publication date found"]
    if warnings:
        out += ["<details><summary>Input warnings</summary>", ""]
        out += [f"- {_esc(p)}: {_esc(w)}" for p, w in warnings] + ["", "</details>", ""]
    out += ["<details><summary>Rules that ran</summary>", ""]
    out += [f"- `{r}`" for r in report.tool.rules] + ["", "</details>", ""]
    return "\n".join(out).rstrip() + "\n"
