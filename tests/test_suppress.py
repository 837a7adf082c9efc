"""Suppressions writers keep in articles: which figures they cover, the required reason, and the
report of those nothing used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli
from figcheck.suppress import parse_text

TOLL = "Gaza's Ministry of Health said at least {n} Palestinians have been killed in Gaza since October 7, 2023."
RULE = "casualties/cumulative-decrease"


@pytest.mark.parametrize(
    ("text", "rules", "target", "problem"),
    [
        ('<!-- figcheck: ignore[a/b] reason="known" -->\nThe figure.\n', ("a/b",), 2, None),
        ('<!-- figcheck: ignore[a/b, c/*] reason="known" -->\n\n\nThe figure.\n', ("a/b", "c/*"), 4, None),
        ("The figure. <!-- figcheck: ignore[a/b] reason='said so' -->\n", ("a/b",), 1, None),
        ("<!--\n  figcheck: ignore[a/b]\n  reason=\"long\"\n-->\nThe figure.\n", ("a/b",), 5, None),
        ("<!-- figcheck: ignore[a/b] -->\nThe figure.\n", None, None, "needs reason"),
        ('<!-- figcheck: ignore[a/b] reason="" -->\nThe figure.\n', None, None, "needs reason"),
        ('<!-- figcheck: ignore[] reason="x" -->\nThe figure.\n', None, None, "names no rule"),
        ('The figure.\n<!-- figcheck: ignore[a/b] reason="x" -->\n', None, None, "not followed"),
    ],
)
def test_comment_directives(text: str, rules, target, problem) -> None:
    parsed = parse_text("a.md", text)
    if problem:
        assert parsed.suppressions == [] and problem in parsed.problems[0] and parsed.problems[0].startswith("a.md:")
    else:
        [s] = parsed.suppressions
        assert (s.rules, s.target_line, parsed.problems) == (rules, target, [])


@pytest.mark.parametrize(
    ("front", "rules", "problem"),
    [
        ('figcheck:\n  ignore: [a/b]\n  reason: "agreed with the desk"', ("a/b",), None),
        ('figcheck: {ignore: [{rule: a/b, reason: "x"}, {rule: c/d, reason: "y"}]}', ("a/b", "c/d"), None),
        ("figcheck: {ignore: [a/b]}", (), "needs a reason"),
        ("figcheck: {skip: [a/b]}", (), "needs an 'ignore' list"),
    ],
)
def test_front_matter_directives(front: str, rules, problem) -> None:
    parsed = parse_text("a.md", f"---\ntitle: T\n{front}\n---\nBody.\n")
    assert tuple(r for s in parsed.suppressions for r in s.rules) == rules
    assert all(s.target_line is None for s in parsed.suppressions)
    if problem:
        assert problem in parsed.problems[0] and parsed.problems[0].startswith("a.md:3:")


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.figcheck]\ncorpus = "content/"\n', encoding="utf-8")

    def write(rel: str, date: str, body: str, front: str = "") -> str:
        path = tmp_path / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: T\ndate: {date}\n{front}---\n{body}\n", encoding="utf-8")
        return f"content/{rel}"

    write("world/feb.md", "2025-02-10", TOLL.format(n="48,200"))
    return write


def check(*args: str):
    result = run_cli("check", *args, "--format", "json")
    return json.loads(result.stdout), result.exit_code, result.stderr


def test_a_comment_before_the_figure_lets_the_article_through_and_says_so(newsroom) -> None:
    bad = newsroom("world/mar.md", "2025-03-01",
                   f'<!-- figcheck: ignore[{RULE}] reason="quotes the wrong bulletin" -->\n' + TOLL.format(n="4,820"))
    report, code, err = check(bad)
    assert code == 0 and report["findings"] == []
    assert "suppressed casualties/cumulative-decrease" in err and "quotes the wrong bulletin" in err


def test_a_comment_before_another_line_does_not_cover_the_figure(newsroom) -> None:
    bad = newsroom("world/mar.md", "2025-03-01",
                   f'<!-- figcheck: ignore[{RULE}] reason="r" -->\nShares rose 3 percent.\n\n' + TOLL.format(n="4,820"))
    report, code, err = check(bad)
    assert code == 1 and len(report["findings"]) == 1
    assert "unused" in err and "content/world/mar.md:5" in err


def test_front_matter_covers_the_whole_article(newsroom) -> None:
    bad = newsroom("world/mar.md", "2025-03-01", TOLL.format(n="4,820"),
                   front=f'figcheck:\n  ignore: [casualties/*]\n  reason: "a correction piece"\n')
    report, code, _ = check(bad)
    assert code == 0 and report["findings"] == []


def test_a_suppression_without_reason_is_not_applied_and_fails(newsroom) -> None:
    bad = newsroom("world/mar.md", "2025-03-01", f"<!-- figcheck: ignore[{RULE}] -->\n" + TOLL.format(n="4,820"))
    report, code, err = check(bad)
    assert code == 1 and len(report["findings"]) == 1
    assert 'needs reason="…"' in err
    clean = newsroom("world/apr.md", "2025-04-01", "<!-- figcheck: ignore[x/y] -->\nShares rose 3 percent.")
    _, code, err = check(clean)
    assert code == 2 and "content/world/apr.md:5" in err


def test_a_misspelt_rule_id_is_reported(newsroom) -> None:
    bad = newsroom("world/mar.md", "2025-03-01",
                   '<!-- figcheck: ignore[casualties/cumulative-decrese] reason="r" -->\n' + TOLL.format(n="4,820"))
    _, code, err = check(bad)
    assert code == 1 and "no rule matches 'casualties/cumulative-decrese'" in err


def test_a_suppressed_figure_does_not_hide_a_later_clash_in_its_series(newsroom) -> None:
    newsroom("world/mar.md", "2025-03-01",
             f'<!-- figcheck: ignore[{RULE}] reason="quotes the misprinted bulletin" -->\n' + TOLL.format(n="4,820"))
    later = newsroom("world/apr.md", "2025-04-01", TOLL.format(n="6,000"))
    report, code, _ = check(later)
    assert code == 1 and len(report["findings"]) == 1
    involved = {c["document"] for c in report["claims"] if c["id"] in report["findings"][0]["claims"]}
    assert "content/world/mar.md" not in involved and later in involved


def test_the_markdown_report_lists_what_was_suppressed_and_why(newsroom) -> None:
    bad = newsroom("world/mar.md", "2025-03-01",
                   f'<!-- figcheck: ignore[{RULE}] reason="quotes the wrong bulletin" -->\n' + TOLL.format(n="4,820"))
    result = run_cli("check", bad)
    assert result.exit_code == 0
    assert "quotes the wrong bulletin" in result.stdout and RULE in result.stdout
