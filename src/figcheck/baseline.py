"""A baseline of accepted old conflicts: ``.figcheck-baseline.json``, keyed by finding fingerprints.

Fingerprints hash the rule and each figure's document, text, value and date, never its line, so
moving a paragraph does not resurrect an accepted finding (detect-secrets' habit). Only findings
not in the baseline fail; entries nothing matches any more are listed as stale.

File shape (sorted, so that updates make small diffs)::

    {"schema_version": 1, "tool": "figcheck 0.1.0",
     "findings": {"<fingerprint>": {"rule": "...", "paths": ["..."], "message": "..."}}}
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from figcheck import __version__
from figcheck.model import Claim, Finding

DEFAULT_NAME = ".figcheck-baseline.json"
SCHEMA_VERSION = 1


class BaselineError(Exception):
    """The baseline file cannot be used (exit 2): ``path: what is wrong``."""


@dataclass(frozen=True)
class Entry:
    fingerprint: str
    rule: str
    paths: tuple[str, ...]
    message: str


def finding_paths(finding: Finding, claims: dict[str, Claim]) -> tuple[str, ...]:
    """Every document a finding's figures come from, its own path first."""
    paths = [finding.path, *(claims[c].document for c in finding.claims if c in claims)]
    return tuple(dict.fromkeys(paths))


def load(path: Path) -> dict[str, Entry]:
    """Read a baseline; any mistake in it is a BaselineError naming the file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline not found (create it with: figcheck baseline update)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BaselineError(
            f"{path}:{exc.lineno}:{exc.colno}: malformed baseline, not JSON ({exc.msg}); "
            "fix it or rewrite it with: figcheck baseline update"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), dict):
        raise BaselineError(f"{path}: malformed baseline: expected an object with a 'findings' object")
    if data.get("schema_version") != SCHEMA_VERSION:
        raise BaselineError(f"{path}: unsupported baseline schema_version {data.get('schema_version')!r} (expected {SCHEMA_VERSION})")
    entries = {}
    for fp, item in data["findings"].items():
        if not isinstance(item, dict) or not isinstance(item.get("rule"), str):
            raise BaselineError(f"{path}: malformed baseline entry {fp!r}: expected an object with a 'rule'")
        paths = item.get("paths") or []
        if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            raise BaselineError(f"{path}: malformed baseline entry {fp!r}: 'paths' must be a list of strings")
        entries[fp] = Entry(fp, item["rule"], tuple(paths), str(item.get("message", "")))
    return entries


def render(findings: Iterable[Finding], claims: dict[str, Claim]) -> str:
    body = {
        f.fingerprint: {"rule": f.rule, "paths": list(finding_paths(f, claims)), "message": f.message}
        for f in findings
    }
    data = {"schema_version": SCHEMA_VERSION, "tool": f"figcheck {__version__}", "findings": dict(sorted(body.items()))}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@dataclass
class Filtered:
    kept: list[Finding]
    """Findings not in the baseline: the ones that fail."""
    accepted: list[Finding]
    stale: list[Entry]
    """Entries for the checked files that no finding matched any more."""


def apply(entries: dict[str, Entry], findings: Iterable[Finding], scope: set[str] | None = None) -> Filtered:
    """Split findings into new and accepted. ``scope``: when only some files were checked, an entry
    is stale only if it involves one of them (the others were not looked at)."""
    kept, accepted, seen = [], [], set()
    for f in findings:
        if f.fingerprint in entries:
            accepted.append(f)
            seen.add(f.fingerprint)
        else:
            kept.append(f)
    stale = [
        e for fp, e in entries.items()
        if fp not in seen and (scope is None or any(p in scope for p in e.paths))
    ]
    return Filtered(kept, accepted, stale)
