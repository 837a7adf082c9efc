"""SARIF 2.1.0 for code scanning: one result per finding, the other sides as related locations."""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from urllib.parse import quote

from figcheck.model import AuditReport, Claim
from figcheck.report.view import LEVELS, canonical, describe, sides, where

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _location(c: Claim, message: str | None = None, ident: int | None = None) -> dict:
    path = PurePosixPath(c.document)
    artifact: dict = {"uri": quote(path.as_posix(), safe="/._-~")}
    if path.is_absolute():
        artifact["uri"] = "file://" + artifact["uri"]
    else:
        artifact["uriBaseId"] = "%SRCROOT%"
    loc: dict = {
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": {
                "startLine": c.line, "startColumn": c.column, "endLine": c.end_line, "endColumn": c.end_column,
                "snippet": {"text": c.text},
            },
        }
    }
    if ident is not None:
        loc = {"id": ident, **loc}
    if message:
        loc["message"] = {"text": message}
    return loc


def render(report: AuditReport, base: str = "") -> str:
    report = canonical(report)
    claims = {c.id: c for c in report.claims}
    used = sorted({f.rule for f in report.findings})
    first = {}
    for f in report.findings:
        first.setdefault(f.rule, f)
    rules = [
        {
            "id": rule,
            "name": "".join(part.capitalize() for part in rule.replace("/", "-").split("-")),
            "shortDescription": {"text": first[rule].title.split(" (stated as")[0]},
            "fullDescription": {"text": first[rule].explanation},
            "help": {"text": f"figcheck rules show {rule}"},
        }
        for rule in used
    ]
    index = {rule: i for i, rule in enumerate(used)}
    results = []
    for f in report.findings:
        involved = sides(f, claims)
        related = [_location(c, describe(c), k) for k, c in enumerate(involved[1:], 1)]
        links = ", ".join(f"[{where(c)}]({k})" for k, c in enumerate(involved[1:], 1))
        text = f.message + (f" Other side: {links}." if links else "") + (f" {f.suggestion}" if f.suggestion else "")
        result: dict = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": LEVELS[f.level].sarif,
            "message": {"text": text},
            "locations": [_location(involved[0])] if involved else [],
            "partialFingerprints": {"figcheck/v1": f.fingerprint},
            "properties": {"findingId": f.id, "claims": f.claims, "suggestion": f.suggestion},
        }
        if related:
            result["relatedLocations"] = related
        results.append(result)
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "figcheck", "version": report.tool.version, "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
