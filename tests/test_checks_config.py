"""Project settings: figcheck.toml or [tool.figcheck] found upward, select/ignore, fail level,
per-file overrides, rule folders, and located errors for a broken config."""

from __future__ import annotations

import shutil

from conftest import SEEDS, audit_json, run_cli

GOOD_RULE = """\
kind: decrease
level: warning
title: Wounded counts went down
message: "{measure}: {earlier} then {later}"
explanation: e
description: d
select:
  metric: [injuries]
"""


def test_ignore_in_figcheck_toml_drops_the_rule(tmp_path, monkeypatch):
    (tmp_path / "figcheck.toml").write_text('ignore = ["casualties/cumulative-decrease"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    data, code = audit_json(SEEDS)
    assert code == 0 and data["findings"] == []
    assert "casualties/cumulative-decrease" not in data["tool"]["rules"]
    assert "timeline/day-count" in data["tool"]["rules"]


def test_pyproject_table_is_found_from_a_subfolder(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.figcheck]\nfail-level = "never"\n',
                                             encoding="utf-8")
    deeper = tmp_path / "articles" / "2025"
    deeper.mkdir(parents=True)
    monkeypatch.chdir(deeper)
    data, code = audit_json(SEEDS)
    assert len(data["findings"]) == 1 and code == 0
    _, code = audit_json(SEEDS, extra=("--fail-level", "error"))
    assert code == 1, "the command line wins over the config"


def test_select_runs_only_the_named_group(tmp_path, monkeypatch):
    (tmp_path / "figcheck.toml").write_text('select = ["timeline/"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    data, code = audit_json(SEEDS)
    assert data["tool"]["rules"] == ["timeline/day-count"] and code == 0
    data, code = audit_json(SEEDS, extra=("--select", "casualties/cumulative-decrease"))
    assert data["tool"]["rules"] == ["casualties/cumulative-decrease"] and code == 1


def test_override_sets_the_level_for_matching_files(tmp_path, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "archive")
    (tmp_path / "figcheck.toml").write_text(
        '[[overrides]]\nfiles = ["archive/003_*"]\nlevel = "info"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    data, code = audit_json("archive")
    assert [f["level"] for f in data["findings"]] == ["info"] and code == 0
    assert data["summary"]["infos"] == 1 and data["summary"]["errors"] == 0


def test_override_ignore_drops_findings_in_matching_files(tmp_path, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "archive")
    (tmp_path / "figcheck.toml").write_text(
        '[[overrides]]\nfiles = ["archive/*"]\nignore = ["casualties/"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    data, code = audit_json("archive")
    assert data["findings"] == [] and data["summary"]["findings"] == 0 and code == 0


def test_rule_folders_in_the_config_are_relative_to_it(tmp_path, monkeypatch):
    (tmp_path / "house" / "wounded").mkdir(parents=True)
    (tmp_path / "house" / "wounded" / "fall.yml").write_text(GOOD_RULE, encoding="utf-8")
    (tmp_path / "figcheck.toml").write_text('rules = ["house"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    data, _ = audit_json(SEEDS)
    assert "wounded/fall" in data["tool"]["rules"]


def test_unknown_key_is_located(tmp_path, monkeypatch):
    (tmp_path / "figcheck.toml").write_text('select = ["timeline/"]\n\nfail_levle = "never"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("audit", str(SEEDS))
    assert result.exit_code == 2
    assert "figcheck.toml:3: unknown key 'fail_levle'" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_key_in_an_override_is_located(tmp_path):
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.figcheck]\n[[tool.figcheck.overrides]]\nfiles = ["a/*"]\nlvl = "info"\n', encoding="utf-8")
    result = run_cli("audit", str(SEEDS), "--config", str(config))
    assert result.exit_code == 2
    assert "pyproject.toml:4: unknown key 'lvl'" in result.stderr


def test_wrong_type_and_bad_toml_exit_2(tmp_path):
    bad_type = tmp_path / "a.toml"
    bad_type.write_text('fail-level = "fatal"\n', encoding="utf-8")
    result = run_cli("audit", str(SEEDS), "--config", str(bad_type))
    assert result.exit_code == 2 and "a.toml:1: fail-level" in result.stderr
    broken = tmp_path / "b.toml"
    broken.write_text('select = ["x"\n', encoding="utf-8")
    result = run_cli("audit", str(SEEDS), "--config", str(broken))
    assert result.exit_code == 2 and "b.toml:" in result.stderr and "invalid TOML" in result.stderr


def test_selecting_a_rule_that_does_not_exist_exits_2():
    result = run_cli("audit", str(SEEDS), "--select", "casualties/no-such-rule")
    assert result.exit_code == 2 and "no rule matches 'casualties/no-such-rule'" in result.stderr


def test_rules_list_and_show_include_the_configs_rule_folders(tmp_path, monkeypatch):
    (tmp_path / "house" / "wounded").mkdir(parents=True)
    (tmp_path / "house" / "wounded" / "fall.yml").write_text(GOOD_RULE, encoding="utf-8")
    (tmp_path / "figcheck.toml").write_text('rules = ["house"]\nselect = ["timeline/"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    listed = run_cli("rules", "list").stdout
    assert "wounded/fall\tdecrease" in listed and "casualties/cumulative-decrease" in listed
    assert "Wounded counts went down" in run_cli("rules", "show", "wounded/fall").stdout


HEBREW_1255 = "date 2025-01-04 לפחות 45,581 פלסטינים נהרגו מאז תחילת המלחמה.\n".encode("cp1255")


def test_encoding_in_the_config_reads_legacy_files_for_audit_and_extract(tmp_path, monkeypatch):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "he.txt").write_bytes(HEBREW_1255)
    monkeypatch.chdir(tmp_path)
    guessed, _ = audit_json("news")
    assert guessed["documents"][0]["warnings"]  # without a declared encoding the guess is reported
    (tmp_path / "figcheck.toml").write_text('encoding = "windows-1255"\n', encoding="utf-8")
    declared, _ = audit_json("news")
    assert declared["documents"][0]["warnings"] == []
    assert [c["value"] for c in declared["claims"]] == [45581]
    extracted = run_cli("extract", "news", "--format", "jsonl")
    assert extracted.exit_code == 0 and '"value":45581' in extracted.stdout.replace(" ", "")


def test_encoding_on_the_command_line_wins_over_the_configs(tmp_path, monkeypatch):
    (tmp_path / "he.txt").write_bytes(HEBREW_1255)
    (tmp_path / "figcheck.toml").write_text('encoding = "windows-1256"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    data, _ = audit_json("he.txt", extra=("--encoding", "windows-1255"))
    assert data["documents"][0]["language"] == "he" and [c["value"] for c in data["claims"]] == [45581]


def test_unknown_encoding_or_bad_jobs_in_the_config_is_located(tmp_path):
    config = tmp_path / "figcheck.toml"
    config.write_text('select = ["casualties/"]\nencoding = "klingon-8"\n', encoding="utf-8")
    for command in ("audit", "extract"):
        result = run_cli(command, str(SEEDS), "--config", str(config))
        assert result.exit_code == 2 and "Traceback" not in result.stderr
        assert "figcheck.toml:2: encoding: unknown encoding 'klingon-8'" in result.stderr
    config.write_text("jobs = -1\n", encoding="utf-8")
    result = run_cli("audit", str(SEEDS), "--config", str(config))
    assert result.exit_code == 2 and "figcheck.toml:1: jobs" in result.stderr


def test_jobs_in_the_config_is_used_unless_given(tmp_path, monkeypatch):
    import figcheck.cli

    seen: list[int] = []
    real = figcheck.cli.audit

    def spy(*args, **kwargs):
        seen.append(kwargs["jobs"])
        return real(*args, **kwargs)

    monkeypatch.setattr(figcheck.cli, "audit", spy)
    config = tmp_path / "figcheck.toml"
    config.write_text("jobs = 3\n", encoding="utf-8")
    run_cli("audit", str(SEEDS), "--config", str(config))
    run_cli("audit", str(SEEDS), "--config", str(config), "--jobs", "1")
    run_cli("audit", str(SEEDS))
    assert seen == [3, 1, 0]
