"""Suppressions writers keep in the article: an HTML comment before a figure, or front matter.

```markdown
<!-- figcheck: ignore[casualties/same-day-disagree] reason="the ministry revised it that evening" -->
The ministry said 8,805 people had been killed.
```

or, for the whole article, in its front matter::

    figcheck:
      ignore: [casualties/same-day-disagree]
      reason: "quotes the disputed early figure on purpose"

A comment covers the figures on the first non-blank line after it (or on its own line, when it
trails the text). A reason is required, so that the next editor knows why the clash was let
through; a suppression without one is not applied and is reported. Rule ids may use shell
wildcards (``casualties/*``).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from figcheck.load.reader import FRONT_MATTER
from figcheck.model import Claim, Finding

DIRECTIVE = re.compile(r"<!--\s*figcheck:\s*ignore\s*\[(?P<rules>[^\]]*)\](?P<rest>.*?)-->", re.S)
REASON = re.compile(r"""reason\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|“(?P<cq>[^”]*)”)""")


@dataclass(frozen=True)
class Suppression:
    """One writer's decision to let a rule's findings pass for some figures of one document."""

    path: str
    line: int
    """Where the directive is written (1-based), for messages."""
    rules: tuple[str, ...]
    reason: str
    target_line: int | None
    """The line whose figures it covers; None covers the whole document (front matter)."""

    def covers(self, rule_id: str, claim: Claim) -> bool:
        if claim.document != self.path:
            return False
        if self.target_line is not None and not claim.line <= self.target_line <= claim.end_line:
            return False
        return any(fnmatch.fnmatchcase(rule_id, pattern) for pattern in self.rules)

    def describe(self) -> str:
        return f"{self.path}:{self.line}: ignore[{', '.join(self.rules)}]"

    def to_json(self) -> dict[str, object]:
        return {"path": self.path, "line": self.line, "rules": list(self.rules), "reason": self.reason,
                "target_line": self.target_line}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Suppression:
        return cls(path=str(data["path"]), line=int(data["line"]), rules=tuple(data["rules"]),  # type: ignore[arg-type, call-overload]
                   reason=str(data["reason"]), target_line=data["target_line"])  # type: ignore[arg-type]


@dataclass
class Parsed:
    suppressions: list[Suppression] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """One line each: a directive that is not applied and why."""


def _rule_list(text: str) -> tuple[str, ...]:
    return tuple(r.strip() for r in text.split(",") if r.strip())


def _front_matter(path: str, text: str, out: Parsed) -> None:
    m = FRONT_MATTER.match(text)
    if not m:
        return
    try:
        meta = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return  # the loader already reports malformed front matter
    block = meta.get("figcheck") if isinstance(meta, dict) else None
    if block is None:
        return
    line = 1 + text[: m.start(1)].count("\n") + next(
        (i for i, ln in enumerate(m.group(1).splitlines()) if ln.lstrip().startswith("figcheck")), 0
    )
    where = f"{path}:{line}"
    if not isinstance(block, dict) or "ignore" not in block:
        out.problems.append(f"{where}: front matter 'figcheck' needs an 'ignore' list of rule ids")
        return
    items = block["ignore"] if isinstance(block["ignore"], list) else [block["ignore"]]
    for item in items:
        # Either a plain rule id sharing the block's reason, or {rule: id, reason: "..."}.
        rule, reason = (item.get("rule"), item.get("reason")) if isinstance(item, dict) else (item, block.get("reason"))
        if not isinstance(rule, str) or not rule.strip():
            out.problems.append(f"{where}: front matter figcheck.ignore entries must be rule ids")
            continue
        if not isinstance(reason, str) or not reason.strip():
            out.problems.append(f'{where}: suppression of {rule} needs a reason: "…" (not applied)')
            continue
        out.suppressions.append(Suppression(path, line, (rule.strip(),), reason.strip(), None))


def _target(lines: list[str], line: int, end_line: int, beside: tuple[str, str]) -> int | None:
    """The line a comment covers: its own, when it shares it with text; else the next non-blank."""
    before, after = beside
    if before.strip():
        return line
    if after.strip():
        return end_line
    for number in range(end_line + 1, len(lines) + 1):
        if lines[number - 1].strip():
            return number
    return None


def parse_text(path: str, text: str) -> Parsed:
    """Every suppression written in ``text`` (the raw file, front matter included)."""
    out = Parsed()
    if "figcheck" not in text:
        return out
    _front_matter(path, text, out)
    lines = text.splitlines()
    for m in DIRECTIVE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        end_line = text.count("\n", 0, m.end()) + 1
        rules = _rule_list(m.group("rules"))
        where = f"{path}:{line}"
        if not rules:
            out.problems.append(f"{where}: ignore[] names no rule (not applied)")
            continue
        reason_match = REASON.search(m.group("rest"))
        reason = next((g for g in reason_match.groups() if g is not None), "") if reason_match else ""
        if not reason.strip():
            out.problems.append(f'{where}: suppression ignore[{", ".join(rules)}] needs reason="…" (not applied)')
            continue
        line_end = text.find("\n", m.end())
        before = text[text.rfind("\n", 0, m.start()) + 1: m.start()]
        after = text[m.end(): len(text) if line_end < 0 else line_end]
        target = _target(lines, line, end_line, (before, after))
        if target is None:
            out.problems.append(f"{where}: suppression is not followed by any text (not applied)")
            continue
        out.suppressions.append(Suppression(path, line, rules, reason.strip(), target))
    return out


def parse_file(path: str) -> Parsed:
    """Read ``path`` and parse its suppressions; an unreadable file simply has none."""
    try:
        text = Path(path).read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return Parsed()
    return parse_text(path, text)


@dataclass
class Applied:
    kept: list[Finding]
    suppressed: list[tuple[Finding, Suppression]]
    """Findings that exist only because of a suppressed figure, with the suppression."""
    unused: list[Suppression]


Runner = Callable[[list[Claim], list[Any]], list[Finding]]


def apply(claims: list[Claim], rules: list[Any], findings: list[Finding], suppressions: list[Suppression],
          run: Runner) -> Applied:
    """Take each suppressed figure out of its rules' checks and run those rules again.

    A finding groups every figure of a series that clashes, so dropping whole findings in which
    a suppressed figure takes part would also hide clashes among the others (a later article
    joining the series); removing the figure keeps them. ``findings`` is ``run(claims, rules)``.
    """
    if not suppressions:
        return Applied(list(findings), [], [])
    by_doc: dict[str, list[Suppression]] = {}
    for s in suppressions:
        by_doc.setdefault(s.path, []).append(s)
    covered: dict[str, dict[str, Suppression]] = {}
    for rule in rules:
        for c in claims:
            hit = next((s for s in by_doc.get(c.document, ()) if s.covers(rule.id, c)), None)
            if hit is not None:
                covered.setdefault(rule.id, {})[c.id] = hit
    kept = [f for f in findings if f.rule not in covered]
    for rule in rules:
        if rule.id in covered:
            kept += run([c for c in claims if c.id not in covered[rule.id]], [rule])
    fingerprints = {f.fingerprint for f in kept}
    suppressed: list[tuple[Finding, Suppression]] = []
    used: set[Suppression] = set()
    for f in findings:
        hits = [covered[f.rule][cid] for cid in f.claims if cid in covered.get(f.rule, {})]
        used.update(hits)
        if hits and f.fingerprint not in fingerprints:
            suppressed.append((f, hits[0]))
    kept.sort(key=lambda f: (f.path, f.line, f.rule, f.id))
    return Applied(kept, suppressed, [s for s in suppressions if s not in used])


def unknown_rules(suppressions: Iterable[Suppression], rule_ids: Iterable[str]) -> list[str]:
    """Suppressions naming a rule that does not exist: likely a typo that suppresses nothing."""
    ids = list(rule_ids)
    return [
        f"{s.path}:{s.line}: no rule matches '{pattern}' (see figcheck rules list)"
        for s in suppressions for pattern in s.rules
        if not any(fnmatch.fnmatchcase(i, pattern) for i in ids)
    ]
