"""Rule files: strict validation with located errors, listing, schema."""

from __future__ import annotations

import json

import pytest

from conftest import SEEDS, run_cli
from figcheck.ruleset import RuleError, load_rules, parse_rule

GOOD = """\
kind: decrease
level: error
title: t
message: m
explanation: e
description: d
select:
  scope: [cumulative]
"""


@pytest.mark.parametrize(
    "text, where, what",
    [
        (GOOD + "tolerence: 3\n", ":9:1:", "unknown key 'tolerence'"),
        (GOOD.replace("level: error", "level: fatal"), ":2:8:", "level"),
        (GOOD.replace("kind: decrease", "kind: shrink"), ":1:7:", "unknown kind 'shrink'"),
        (GOOD + "select: [oops\n", ":10:", "invalid YAML"),
        (GOOD.replace("  scope: [cumulative]", "  scpoe: [cumulative]"), ":8:3:", "unknown key 'scpoe'"),
        (GOOD + "lower_bounds_are_tallies: sometimes\n", ":9:27:", "lower_bounds_are_tallies"),
        (GOOD + "revision_words: revised\n", ":9:17:", "revision_words"),
    ],
)
def test_broken_rule_is_located(text, where, what):
    with pytest.raises(RuleError) as err:
        parse_rule(text, "x/y", "rules/x/y.yml")
    message = str(err.value)
    assert message.startswith("rules/x/y.yml" + where), message
    assert what in message


def test_broken_rule_dir_exits_2_naming_file_line_col(tmp_path):
    bad = tmp_path / "mine" / "bad.yml"
    bad.parent.mkdir()
    bad.write_text(GOOD + "tolerence: 3\n", encoding="utf-8")
    result = run_cli("audit", str(SEEDS), "--rules", str(tmp_path))
    assert result.exit_code == 2
    assert f"{bad.as_posix()}:9:1: unknown key 'tolerence'" in result.stderr


def test_user_rules_are_added_and_listed(tmp_path):
    mine = tmp_path / "mine" / "strict.yml"
    mine.parent.mkdir()
    mine.write_text(GOOD, encoding="utf-8")
    result = run_cli("rules", "list", "--rules", str(tmp_path))
    assert "mine/strict\tdecrease" in result.stdout
    assert "casualties/cumulative-decrease" in result.stdout


def test_rules_show_and_schema():
    shown = run_cli("rules", "show", "casualties/cumulative-decrease")
    assert shown.exit_code == 0 and "What it does" in shown.stdout and "lower_bounds_are_tallies" in shown.stdout
    schema = json.loads(run_cli("rules", "schema").stdout)
    assert set(schema["discriminator"]["mapping"]) == {"disagree", "decrease", "increment", "sum", "subset", "day-count", "unit"}
    assert run_cli("rules", "show", "no/such").exit_code == 2


def test_every_builtin_rule_loads_with_its_path_as_id():
    ids = {r.id for r in load_rules()}
    assert {"casualties/cumulative-decrease", "casualties/same-day-disagree", "timeline/day-count"} <= ids


def test_every_rule_is_shown_with_what_why_and_an_example():
    for rule in load_rules():
        shown = run_cli("rules", "show", rule.id)
        assert shown.exit_code == 0
        for section in ("What it does:", "Why it matters:", "Example:", "Message:", "Parameters:"):
            assert section in shown.stdout, f"{rule.id}: no {section}"
        assert f"kind: {rule.kind} (" in shown.stdout


def test_rule_files_validate_against_the_printed_schema():
    import jsonschema
    import yaml

    from figcheck.paths import builtin_rules_dir
    from figcheck.ruleset import rule_files

    schema = json.loads(run_cli("rules", "schema").stdout)
    files = rule_files(builtin_rules_dir())
    assert len(files) >= 7
    for path in files:
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
    good = yaml.safe_load(GOOD)
    for broken in ({**good, "tolerence": 3}, {**good, "kind": "shrink"}, {**good, "level": "fatal"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


def test_the_registry_is_closed_over_the_kinds_rule_files_may_name():
    from figcheck.checks.registry import REGISTRY
    from figcheck.ruleset import KINDS

    assert set(REGISTRY) == set(KINDS) == {"disagree", "decrease", "increment", "sum", "subset", "day-count", "unit"}


def test_a_good_run_lists_the_rules_that_ran():
    from conftest import audit_json

    data, _ = audit_json(SEEDS)
    assert sorted(data["tool"]["rules"]) == sorted(r.id for r in load_rules())
    markdown = run_cli("audit", str(SEEDS)).stdout
    assert "`casualties/cumulative-decrease`" in markdown and "`timeline/day-count`" in markdown


@pytest.mark.parametrize(
    "text, where",
    [
        (GOOD + "tolerence: 3\n", ":9:1: unknown key 'tolerence'"),
        (GOOD + "lower_bounds_are_tallies: sometimes\n", ":9:27: lower_bounds_are_tallies"),
        (GOOD.replace("kind: decrease", "kind: shrink"), ":1:7: unknown kind 'shrink'"),
        (GOOD + "select: [oops\n", ":10:1: invalid YAML"),
    ],
    ids=["unknown-key", "wrong-type", "unknown-kind", "bad-yaml"],
)
def test_a_broken_rule_file_stops_the_run_with_its_place(tmp_path, text, where):
    bad = tmp_path / "desk" / "bad.yml"
    bad.parent.mkdir()
    bad.write_text(text, encoding="utf-8")
    result = run_cli("audit", str(SEEDS), "--rules", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"figcheck: {bad.as_posix()}{where}"), result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
