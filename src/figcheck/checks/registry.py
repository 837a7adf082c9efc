"""The closed registry of check kinds: a rule's ``kind`` names one of these, and nothing else runs."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from figcheck.checks.increment import increment
from figcheck.checks.kinds import day_count, decrease, disagree
from figcheck.checks.parts import subset, sum_of_parts
from figcheck.checks.scale import unit
from figcheck.checks.series import Conflict
from figcheck.model import Claim

Check = Callable[[list[Claim], Any], list[Conflict]]

REGISTRY: dict[str, Check] = {
    "disagree": disagree,
    "decrease": decrease,
    "increment": increment,
    "sum": sum_of_parts,
    "subset": subset,
    "day-count": day_count,
    "unit": unit,
}


def describe(rule: Any) -> str:
    """``figcheck rules show``: what the rule does, why it matters, an example, its message and
    parameters, in plain text sections."""
    check = REGISTRY[rule.kind]
    first = " ".join((check.__doc__ or "").split("\n\n")[0].split()).rstrip(".")
    what_kind = first[:1].lower() + first[1:]
    levels = rule.level if rule.cross_source_level == rule.level else (
        f"{rule.level} when one source contradicts itself, {rule.cross_source_level} across sources")
    example = rule.metadata.get("example") or rule.metadata.get("example_bad")
    params = rule.model_dump(exclude={"id", "kind", "level", "cross_source_level", "title", "message",
                                      "explanation", "description", "metadata"}, mode="json")
    params["select"] = {k: v for k, v in params["select"].items() if v}
    sections = [
        f"{rule.id}: {rule.title}",
        f"kind: {rule.kind} ({what_kind})\nlevel: {levels}",
        "What it does:\n  " + " ".join(rule.description.split()),
        "Why it matters:\n  " + " ".join(rule.explanation.split()),
    ]
    if example:
        sections.append(f"Example:\n  {example}")
    sections.append("Message:\n  " + " ".join(rule.message.split()))
    sections.append("Parameters:\n" + "\n".join(f"  {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in params.items()))
    return "\n\n".join(sections) + "\n"
