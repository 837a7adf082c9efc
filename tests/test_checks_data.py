"""Check kinds specified as data: documents in, findings out, run through the real CLI.

``tests/rule_cases/<rule id>.yml`` holds the cases of one rule (only that rule's findings are
compared); ``tests/scenarios/*.yml`` holds multi-document stories whose whole set of findings is
compared. An expectation names the rule, the level, the figure named most likely wrong, and
optionally words of the suggestion, message and title; ``expect: []`` is a true negative.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import audit_json
from figcheck.ruleset import load_rules

HERE = Path(__file__).parent
CASES = HERE / "rule_cases"
SCENARIOS = HERE / "scenarios"
EXPECT_KEYS = {"rule", "level", "wrong", "claims", "suggestion", "message", "title", "explanation"}


def _load(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = data["cases"] if "cases" in data else [data]
    return [{**case, "_file": path} for case in cases]


def _rule_case_params() -> list[Any]:
    params = []
    for path in sorted(CASES.rglob("*.yml")):
        rule_id = path.relative_to(CASES).with_suffix("").as_posix()
        for case in _load(path):
            params.append(pytest.param(rule_id, case, id=f"{rule_id}:{case['id']}"))
    return params


def _run(case: dict[str, Any], corpus) -> tuple[dict[str, Any], list[dict[str, Any]]]:  # type: ignore[no-untyped-def]
    root = corpus(case["documents"])
    data, code = audit_json(root, extra=("--fail-level", "never"))
    assert code == 0, f"audit failed on {case['_file'].name}"
    return data, data["findings"]


def _matches(finding: dict[str, Any], claims: dict[str, dict[str, Any]], want: dict[str, Any]) -> bool:
    assert set(want) <= EXPECT_KEYS, f"unknown expectation keys {set(want) - EXPECT_KEYS}"
    first = claims[finding["claims"][0]]
    if finding["rule"] != want["rule"] or finding["level"] != want.get("level", finding["level"]):
        return False
    if "wrong" in want and " ".join(first["text"].split()) != want["wrong"]:
        return False
    if "claims" in want and len(finding["claims"]) != want["claims"]:
        return False
    if "suggestion" in want:
        if want["suggestion"] is None:
            if finding["suggestion"] is not None:
                return False
        elif finding["suggestion"] is None or want["suggestion"] not in finding["suggestion"]:
            return False
    for key in ("message", "title", "explanation"):
        words = want.get(key) or []
        if any(w not in finding[key] for w in ([words] if isinstance(words, str) else words)):
            return False
    return True


def _compare(findings: list[dict[str, Any]], data: dict[str, Any], expected: list[dict[str, Any]]) -> None:
    claims = {c["id"]: c for c in data["claims"]}
    shown = "\n".join(
        f"  {f['rule']} {f['level']} wrong={claims[f['claims'][0]]['text']!r}: {f['message']} | {f['suggestion']}"
        for f in findings
    )
    assert len(findings) == len(expected), f"expected {len(expected)} findings, got:\n{shown}"
    left = list(findings)
    for want in expected:
        hit = next((f for f in left if _matches(f, claims, want)), None)
        assert hit is not None, f"no finding like {want}; got:\n{shown}"
        left.remove(hit)


@pytest.mark.parametrize("rule_id, case", _rule_case_params())
def test_rule_case(rule_id: str, case: dict[str, Any], corpus) -> None:  # type: ignore[no-untyped-def]
    data, findings = _run(case, corpus)
    assert rule_id in data["tool"]["rules"], "the report lists the rules that ran"
    _compare([f for f in findings if f["rule"] == rule_id], data, case["expect"] or [])


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yml")), ids=lambda p: p.stem)
def test_scenario(path: Path, corpus) -> None:  # type: ignore[no-untyped-def]
    (case,) = _load(path)
    data, findings = _run(case, corpus)
    _compare(findings, data, case["expect"] or [])


def test_every_rule_has_cases_that_fire_and_cases_that_stay_silent() -> None:
    missing, one_sided = [], []
    for rule in load_rules():
        path = CASES / f"{rule.id}.yml"
        if not path.is_file():
            missing.append(rule.id)
            continue
        cases = _load(path)
        if not any(c["expect"] for c in cases) or not any(not c["expect"] for c in cases):
            one_sided.append(rule.id)
    assert not missing, f"rules without a case file under tests/rule_cases/: {missing}"
    assert not one_sided, f"rules needing both a firing and a silent case: {one_sided}"


def test_scenarios_cover_every_kind_both_ways() -> None:
    kinds = {r.id: r.kind for r in load_rules()}
    fired, silent = set(), 0
    paths = sorted(SCENARIOS.glob("*.yml"))
    for path in paths:
        (case,) = _load(path)
        assert len(case["documents"]) >= 2, f"{path.name}: a scenario has several documents"
        fired |= {kinds[w["rule"]] for w in case["expect"] or []}
        silent += not case["expect"]
    assert len(paths) >= 25
    assert fired == set(kinds.values()), f"kinds no scenario fires: {set(kinds.values()) - fired}"
    assert silent >= 8, "true negatives are scenarios too"
