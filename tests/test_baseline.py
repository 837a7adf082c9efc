"""The baseline of accepted old conflicts: only new findings fail, moved paragraphs stay
accepted, stale entries are listed, and a malformed baseline is a clear usage error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import TOLL, audit_json, run_cli


@pytest.fixture
def newsroom(cms):
    """An archive whose two toll reports clash: an old conflict the desk has accepted."""
    write = cms
    write("world/jan.md", "2025-01-04", TOLL.format(n="45,581"))
    write("world/feb.md", "2025-02-10", TOLL.format(n="4,820"))  # an old, accepted clash
    return write


def check(*args: str):
    result = run_cli("check", *args, "--format", "json")
    return json.loads(result.stdout) if result.stdout.strip() else None, result.exit_code, result.stderr


def test_update_writes_the_findings_and_they_no_longer_fail(newsroom, tmp_path: Path) -> None:
    _, code, _ = check("content/world/feb.md")
    assert code == 1
    result = run_cli("baseline", "update")
    assert result.exit_code == 0
    data = json.loads((tmp_path / ".figcheck-baseline.json").read_text(encoding="utf-8"))
    [entry] = data["findings"].values()
    assert entry["rule"] == "casualties/cumulative-decrease"
    assert set(entry["paths"]) == {"content/world/jan.md", "content/world/feb.md"}
    report, code, err = check("content/world/feb.md")
    assert code == 0 and report["findings"] == [] and "accepted by the baseline" in err


def test_moving_the_paragraph_keeps_the_finding_accepted(newsroom, tmp_path: Path) -> None:
    run_cli("baseline", "update")
    newsroom("world/feb.md", "2025-02-10", "Shares rose 3 percent.\n\nOfficials met.\n\n" + TOLL.format(n="4,820"))
    _, code, err = check("content/world/feb.md")
    assert code == 0 and "stale" not in err


def test_a_new_clash_still_fails_beside_an_accepted_one(newsroom) -> None:
    run_cli("baseline", "update")
    bad = newsroom("world/mar.md", "2025-03-01", TOLL.format(n="4,000"))
    report, code, _ = check(bad)
    assert code == 1
    assert all(f["path"] == bad or bad in {c["document"] for c in report["claims"] if c["id"] in f["claims"]}
               for f in report["findings"])


def test_fixing_the_figure_lists_the_entry_as_stale(newsroom) -> None:
    run_cli("baseline", "update")
    fixed = newsroom("world/feb.md", "2025-02-10", TOLL.format(n="48,200"))
    _, code, err = check(fixed)
    assert code == 0 and "stale entry" in err and "figcheck baseline update" in err
    # Checking an unrelated file does not call entries it did not look at stale.
    other = newsroom("world/mar.md", "2025-03-01", "Shares rose 3 percent.")
    _, code, err = check(other)
    assert code == 0 and "stale" not in err


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{not json", "not JSON"),
        ('{"schema_version": 1, "findings": []}', "'findings' object"),
        ('{"schema_version": 7, "findings": {}}', "schema_version"),
        ('{"schema_version": 1, "findings": {"abc": {"paths": []}}}', "'rule'"),
        ("\xff\xfe garbage", "baseline"),
    ],
)
def test_a_malformed_baseline_exits_2_naming_the_file(newsroom, tmp_path: Path, content: str, says: str) -> None:
    (tmp_path / "base.json").write_text(content, encoding="latin-1")
    for args in (("check", "content/world/feb.md"), ("audit", "content/")):
        result = run_cli(*args, "--baseline", "base.json")
        assert result.exit_code == 2, result.stderr
        assert result.stderr.count("\n") == 1 and "base.json" in result.stderr and says in result.stderr


def test_a_missing_baseline_named_on_the_command_line_is_a_usage_error(newsroom) -> None:
    result = run_cli("check", "content/world/feb.md", "--baseline", "nope.json")
    assert result.exit_code == 2 and "nope.json" in result.stderr and "baseline update" in result.stderr


def test_audit_takes_the_same_baseline(newsroom, tmp_path: Path) -> None:
    report, code = audit_json("content/")
    assert code == 1
    run_cli("baseline", "update")
    report, code = audit_json("content/", extra=("--baseline", ".figcheck-baseline.json"))
    assert code == 0 and report["findings"] == []
