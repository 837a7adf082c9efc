"""What each output format promises its reader: CI tools, GitHub, editors and terminals."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from conftest import REPO, SEEDS, run_cli

from figcheck.model import AuditReport, Claim, Finding, Summary, ToolInfo
from figcheck.report import github, sarif, text

SCHEMA = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
CORPUS = REPO / "tests" / "snapshots" / "corpus"


def _claim(doc: str, line: int, value: float, text: str) -> Claim:
    return Claim(
        id=Claim.make_id(doc, line, value, text), document=doc, line=line, column=3, end_line=line,
        end_column=3 + len(text), text=text, sentence=f"They said {text} people.", value=value, low=value,
        high=value, qualifier="exact", unit="count",
    )


def _report(findings: list[tuple[str, str, str]]) -> AuditReport:
    """A report with one two-sided finding per (level, path, message)."""
    claims, out = [], []
    for n, (level, path, message) in enumerate(findings):
        a, b = _claim(path, n + 1, 100 + n, f"{100 + n}"), _claim("other.txt", n + 1, 5, "5")
        claims += [a, b]
        out.append(Finding(
            id=f"f_{n:04d}", rule="test/rule", level=level, title="T", message=message, explanation="E",
            claims=[a.id, b.id], suggestion=None, fingerprint=f"fp{n}", path=path, line=n + 1,
        ))
    levels = [f.level for f in out]
    return AuditReport(
        tool=ToolInfo(version="0", rules=["test/rule"]), documents=[], claims=claims, findings=out,
        summary=Summary(documents=0, claims=len(claims), findings=len(out), errors=levels.count("error"),
                        warnings=levels.count("warning"), infos=levels.count("info")),
    )


def test_sarif_of_the_seeds_validates_against_the_official_2_1_0_schema():
    result = run_cli("audit", str(SEEDS), "--format", "sarif")
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, SCHEMA)
    run = doc["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    [res] = run["results"]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [res["ruleId"]]
    focus = res["locations"][0]["physicalLocation"]
    assert focus["artifactLocation"]["uri"].endswith("003_ee67936dca785b92.txt")
    assert focus["region"]["startLine"] == 65 and focus["region"]["snippet"]["text"] == "at least 445,581"
    other = res["relatedLocations"][0]["physicalLocation"]
    assert other["artifactLocation"]["uri"].endswith("000_124fe2fdb2909855.txt")
    assert res["partialFingerprints"] and "45,581" in res["message"]["text"]


def test_sarif_has_one_rules_entry_per_rule_used_and_escapes_uris():
    report = _report([("error", "a b/x%.txt", "m1"), ("warning", "a b/x%.txt", "m2"), ("info", "z.txt", "m3")])
    doc = json.loads(sarif.render(report))
    jsonschema.validate(doc, SCHEMA)
    run = doc["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["test/rule"]
    assert [r["level"] for r in run["results"]] == ["error", "warning", "note"]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert " " not in uri and unquote(uri) == "a b/x%.txt"


def test_github_escapes_data_and_properties_like_the_actions_toolkit():
    report = _report([("error", "dir,1/a:b.txt", "100% wrong\r\nsecond line")])
    [line] = github.render(report).splitlines()
    assert line.startswith("::error file=dir%2C1/a%3Ab.txt,line=1,col=3,title=figcheck (test/rule)::")
    assert line.split("::", 2)[2].startswith("100%25 wrong%0D%0Asecond line")


def test_github_shows_at_most_ten_per_level_and_says_how_many_more():
    report = _report([("error", f"e{n:02}.txt", "e") for n in range(13)] + [("info", f"i{n:02}.txt", "i") for n in range(12)])
    lines = github.render(report).splitlines()
    kinds = [line[2:].split(" ", 1)[0] for line in lines]
    assert kinds.count("error") == 10
    assert kinds.count("notice") <= 10
    assert "+6 more findings" in lines[-1] and "3 errors" in lines[-1] and "3 notices" in lines[-1]


def test_github_appends_the_markdown_report_to_the_step_summary(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run_cli("audit", str(SEEDS), "--format", "github")
    assert result.stdout.startswith("::error file=")
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("earlier step\n<!-- figcheck:report -->")
    assert "**at least 445,581**" in written


def test_step_summary_stays_under_one_mib(tmp_path):
    report = _report([("error", f"doc{n:05}.txt", "x" * 2000) for n in range(700)])
    summary = tmp_path / "summary.md"
    github.append_step_summary(report, {"GITHUB_STEP_SUMMARY": str(summary)})
    size = summary.stat().st_size
    assert 500_000 < size < 1024 * 1024
    assert "cut to fit" in summary.read_text(encoding="utf-8")


def test_text_is_one_line_per_finding_and_colour_only_when_asked():
    report = _report([("warning", "b.txt", "second"), ("error", "a.txt", "first")])
    plain = text.render(report)
    assert plain.splitlines() == ["a.txt:2:3: error test/rule first", "b.txt:1:3: warning test/rule second"]
    assert "\x1b[" not in plain
    assert "\x1b[" in text.render(report, color=True)
    piped = run_cli("audit", str(SEEDS), "--format", "text")  # CliRunner's stdout is not a terminal
    assert "\x1b[" not in piped.stdout and re.match(r"^\S+003_\w+\.txt:65:\d+: error ", piped.stdout)


def test_json_and_jsonl_sort_findings_by_path_line_column_rule():
    report = _report([("warning", "b.txt", "m"), ("error", "a.txt", "m"), ("info", "a.txt", "m")])
    from figcheck.report import render_json, render_jsonl

    data = json.loads(render_json(report))
    keys = [(f["path"], f["line"]) for f in data["findings"]]
    assert keys == sorted(keys) == [("a.txt", 2), ("a.txt", 3), ("b.txt", 1)]
    assert [json.loads(x)["path"] for x in render_jsonl(report).splitlines()] == ["a.txt", "a.txt", "b.txt"]


def test_report_with_o_links_files_and_charts_that_exist_from_its_folder(tmp_path, monkeypatch):
    (tmp_path / "my corpus").mkdir()
    for f in CORPUS.iterdir():
        (tmp_path / "my corpus" / f.name).write_bytes(f.read_bytes())
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    result = run_cli("audit", "my corpus", "-o", "out/report.md")
    assert result.exit_code == 1
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#?]+)(?:\?plain=1)?#L\d+\)", md)
    assert targets and all((tmp_path / "out" / unquote(t)).is_file() for t in targets)
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", md)
    assert images == ["report_files/" + p.name for p in sorted((tmp_path / "out" / "report_files").iterdir())]
    svg = (tmp_path / "out" / images[0]).read_text(encoding="utf-8")
    # The chart names the slip, marks it, and shows the likely correction.
    assert "332,845" in svg and "likely wrong" in svg and "likely 32,845" in svg


def test_seed_report_chart_marks_445581_and_its_likely_correction(tmp_path):
    run_cli("audit", str(SEEDS), "-o", str(tmp_path / "report.md"))
    [chart] = (tmp_path / "report_files").iterdir()
    svg = chart.read_text(encoding="utf-8")
    assert "at least 445,581: likely wrong" in svg and "likely 45,581" in svg and "at least 70,369" in svg
    assert f"](report_files/{chart.name})" in (tmp_path / "report.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("sentence", ["Visit http://example.com or www.example.org, @someone *now* [x] <b>"])
def test_markdown_sentences_cannot_link_or_format_themselves(sentence):
    from figcheck.report.markdown import _esc

    out = _esc(sentence)
    assert "http://" not in out and "www." not in out and "@s" not in out
    assert not re.search(r"(?<!\\)[*\[\]<>]", out)


def test_extract_csv_has_every_claim_key_as_a_column():
    import csv
    import io

    result = run_cli("extract", str(CORPUS), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and list(rows[0]) == list(Claim.model_fields)
    assert any(r["text"] == "at least 332,845" and r["metric"] == "deaths" for r in rows)


def test_baselined_findings_are_listed_under_details_not_as_conflicts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.figcheck]\ncorpus = "content/"\n', encoding="utf-8")
    toll = "Gaza's Ministry of Health said at least {} Palestinians have been killed in Gaza since October 7, 2023."
    (tmp_path / "content").mkdir()
    for name, date, n in (("jan.md", "2025-01-04", "45,581"), ("feb.md", "2025-02-10", "4,820")):
        (tmp_path / "content" / name).write_text(f"---\ntitle: T\ndate: {date}\n---\n{toll.format(n)}\n", encoding="utf-8")
    before = run_cli("audit", "content/").stdout
    assert "## Conflicts" in before and "<summary>Suppressed or accepted" not in before
    run_cli("baseline", "update")
    after = run_cli("audit", "content/", "--baseline", ".figcheck-baseline.json").stdout
    assert "## Conflicts" not in after
    appendix = after.split("<summary>Suppressed or accepted findings (1)</summary>")[1].split("</details>")[0]
    assert "casualties/cumulative-decrease" in appendix and "accepted in the baseline" in appendix


def test_a_rerun_removes_charts_of_findings_that_have_gone(tmp_path):
    (tmp_path / "report_files").mkdir()
    (tmp_path / "report_files" / "f_0000000000000000.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "report_files" / "keep-me.png").write_bytes(b"x")
    run_cli("audit", str(SEEDS), "-o", str(tmp_path / "report.md"))
    names = sorted(p.name for p in (tmp_path / "report_files").iterdir())
    assert "f_0000000000000000.svg" not in names and "keep-me.png" in names and len(names) == 2


def test_report_and_charts_are_readable_by_others_like_any_new_file(tmp_path):
    import os

    run_cli("audit", str(SEEDS), "-o", str(tmp_path / "report.md"))
    umask = os.umask(0)
    os.umask(umask)
    for path in [tmp_path / "report.md", *(tmp_path / "report_files").iterdir()]:
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask
