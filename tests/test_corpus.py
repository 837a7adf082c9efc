"""The archive index and ``figcheck check``: cached claims, only the changed files' findings,
and an index that survives version changes, corruption and a killed build."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import TOLL, article, run_cli
from figcheck.corpus.index import ArchiveIndex, index_path


@pytest.fixture
def newsroom(cms):
    """An archive of two toll reports and an unrelated story."""
    write = cms
    write("world/jan.md", "2025-01-04", TOLL.format(n="45,581"))
    write("world/feb.md", "2025-02-10", TOLL.format(n="48,200"))
    write("business/markets.md", "2025-02-11", "Shares rose 3 percent on Tuesday.")
    return write


def check_json(*args: str) -> tuple[dict, int, str]:
    result = run_cli("check", *args, "--format", "json")
    return json.loads(result.stdout), result.exit_code, result.stderr


def index_db(root: Path) -> ArchiveIndex:
    return ArchiveIndex(index_path(root, "content"), lambda line: None)


def test_a_clean_article_passes_and_a_clashing_one_fails_naming_both_files(newsroom) -> None:
    clean = newsroom("world/mar.md", "2025-03-01", TOLL.format(n="49,000"))
    report, code, _ = check_json(clean)
    assert code == 0 and report["findings"] == []

    bad = newsroom("world/apr.md", "2025-04-01", TOLL.format(n="4,900"))
    report, code, _ = check_json(bad)
    assert code == 1
    [finding] = report["findings"]
    assert finding["rule"] == "casualties/cumulative-decrease"
    documents = {c["document"] for c in report["claims"] if c["id"] in finding["claims"]}
    assert bad in documents and len(documents) >= 2


def test_only_findings_that_involve_the_checked_files_are_reported(newsroom) -> None:
    # An old clash inside the archive: March says less than February.
    newsroom("world/mar.md", "2025-03-01", TOLL.format(n="4,820"))
    unrelated = newsroom("business/markets.md", "2025-03-02", "Shares rose 4 percent on Wednesday.")
    report, code, _ = check_json(unrelated)
    assert code == 0 and report["findings"] == []
    report, code, _ = check_json("--all")
    assert code == 1 and len(report["findings"]) == 1


def test_a_warm_check_reads_the_cache_and_an_edited_file_is_extracted_again(newsroom, tmp_path: Path) -> None:
    assert run_cli("index").exit_code == 0
    db = index_db(tmp_path)
    assert db.refresh("content").extracted == 0
    # Same size, new content: the hash, not the size or mtime, decides.
    path = tmp_path / "content/world/feb.md"
    old = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("48,200", "40,200"), encoding="utf-8")
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns))
    time.sleep(0.01)
    done = db.refresh("content")
    assert done.extracted == 1
    values = {c.value for c in db.claims_of(["content/world/feb.md"])}
    assert values == {40200}


def test_touching_a_file_without_changing_it_does_not_extract_it_again(newsroom, tmp_path: Path) -> None:
    db = index_db(tmp_path)
    db.refresh("content")
    later = time.time_ns() + 5_000_000_000
    for path in (tmp_path / "content").rglob("*.md"):
        os.utime(path, ns=(later, later))
    done = db.refresh("content")
    assert done.extracted == 0 and done.rehashed == 3


def test_deleted_articles_leave_the_index(newsroom, tmp_path: Path) -> None:
    db = index_db(tmp_path)
    db.refresh("content")
    (tmp_path / "content/world/jan.md").unlink()
    assert db.refresh("content").removed == 1
    assert db.claims_of(["content/world/jan.md"]) == []


def test_a_different_rules_or_code_version_rebuilds_the_index(newsroom, tmp_path: Path) -> None:
    db = index_db(tmp_path)
    db.refresh("content")
    db.close()
    warnings: list[str] = []
    again = ArchiveIndex(index_path(tmp_path, "content"), warnings.append, version="0.0.0+other")
    assert any("rebuilding" in w for w in warnings)
    assert again.refresh("content").extracted == 3


def test_a_corrupt_index_is_rebuilt_with_a_warning(newsroom, tmp_path: Path) -> None:
    assert run_cli("index").exit_code == 0
    db_file = index_path(tmp_path, "content")
    for suffix in ("-wal", "-shm"):
        Path(f"{db_file}{suffix}").unlink(missing_ok=True)
    db_file.write_bytes(b"this is not a database" * 100)
    bad = newsroom("world/apr.md", "2025-04-01", TOLL.format(n="4,900"))
    result = run_cli("check", bad, "--format", "json")
    assert result.exit_code == 1
    assert "corrupt" in result.stderr and "rebuilding" in result.stderr
    assert len(json.loads(result.stdout)["findings"]) == 1
    assert sqlite3.connect(db_file).execute("SELECT count(*) FROM files").fetchone()[0] == 4


def test_without_a_corpus_check_says_how_to_set_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(article("2025-01-01", TOLL.format(n="1,000")), encoding="utf-8")
    result = run_cli("check", "a.md")
    assert result.exit_code == 2
    assert "--corpus" in result.stderr and "Traceback" not in result.stderr


def test_a_draft_outside_the_corpus_is_checked_against_it(newsroom, tmp_path: Path) -> None:
    draft = tmp_path / "drafts" / "toll.md"
    draft.parent.mkdir()
    draft.write_text(article("2025-03-01", TOLL.format(n="4,000")), encoding="utf-8")
    report, code, _ = check_json("drafts/toll.md")
    assert code == 1 and report["findings"][0]["path"] == "drafts/toll.md"


def _big_corpus(root: Path, n: int) -> None:
    for i in range(n):
        path = root / "content" / f"s{i % 10}" / f"a{i:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        body = "\n\n".join([TOLL.format(n=f"{30_000 + i:,}")] + ["Officials met on Monday to discuss the plan."] * 12)
        path.write_text(article(day, body, f"Report {i}"), encoding="utf-8")


def test_killing_index_midway_leaves_an_index_the_next_run_completes(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.figcheck]\ncorpus = "content/"\n', encoding="utf-8")
    _big_corpus(tmp_path, 450)
    before = {p: p.read_bytes() for p in (tmp_path / "content").rglob("*.md")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "figcheck.cli", "index", "--jobs", "2"], cwd=tmp_path,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    db_file = index_path_in(tmp_path)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if _rows(db_file) > 0:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the index finished before it could be killed; make the corpus bigger"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _rows(db_file)
    assert 0 < partial < 450

    resumed = subprocess.run(
        [sys.executable, "-m", "figcheck.cli", "index"], cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert "Traceback" not in resumed.stderr
    assert _rows(db_file) == 450
    assert f"{450 - partial:,} extracted" in resumed.stderr or "rebuilding" in resumed.stderr
    assert {p: p.read_bytes() for p in (tmp_path / "content").rglob("*.md")} == before


def index_path_in(root: Path) -> Path:
    cwd = os.getcwd()
    os.chdir(root)
    try:
        return index_path(root, "content")
    finally:
        os.chdir(cwd)


def _rows(db_file: Path) -> int:
    if not db_file.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM files").fetchone()[0]
    except sqlite3.DatabaseError:
        return 0


def test_two_checks_at_once_both_finish(newsroom, tmp_path: Path) -> None:
    bad = newsroom("world/apr.md", "2025-04-01", TOLL.format(n="4,900"))
    procs = [
        subprocess.Popen([sys.executable, "-m", "figcheck.cli", "check", bad], cwd=tmp_path,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [1, 1], [o[1] for o in outs]
    assert all("4,900" in out for out, _ in outs)


def test_a_part_larger_than_the_archived_whole_is_found_across_groups(newsroom) -> None:
    # The archive's whole (Palestinians) and the new article's part (health workers) differ in
    # group: the neighbourhood the check reads must still bring them together.
    part = newsroom("health/medics.md", "2025-02-01",
                    "Gaza's Ministry of Health said at least 50,000 health workers have been killed in Gaza since October 7, 2023.")
    report, code, _ = check_json(part)
    assert code == 1
    assert any(f["rule"] == "casualties/part-within-whole" for f in report["findings"])


def test_check_follows_the_project_config_like_audit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "figcheck.toml").write_text('corpus = "archive"\nignore = ["casualties/cumulative-decrease"]\n', encoding="utf-8")
    for name, date, n in (("a.md", "2025-01-04", "45,581"), ("b.md", "2025-02-01", "4,558")):
        path = tmp_path / "archive" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(article(date, TOLL.format(n=n)), encoding="utf-8")
    report, code, _ = check_json("archive/b.md")
    assert code == 0 and "casualties/cumulative-decrease" not in report["tool"]["rules"]
    # The command line's --ignore replaces the config's, as for audit.
    report, code, _ = check_json("archive/b.md", "--config", "figcheck.toml", "--ignore", "casualties/same-day-disagree")
    assert code == 1 and report["findings"][0]["rule"] == "casualties/cumulative-decrease"
    result = run_cli("check", "archive/b.md", "--select", "casualties/no-such-rule")
    assert result.exit_code == 2 and "no-such-rule" in result.stderr


def test_index_keeps_stdout_clean_and_says_what_it_did_on_stderr(newsroom) -> None:
    result = run_cli("index")
    assert result.exit_code == 0 and result.stdout == ""
    assert "3 documents, 3 extracted" in result.stderr
    again = run_cli("index")
    assert "3 documents, 0 extracted" in again.stderr


def test_in_git_the_archive_is_what_git_tracks_but_a_named_draft_is_still_checked(newsroom, tmp_path: Path) -> None:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "content"], cwd=tmp_path, check=True)
    # An untracked draft that clashes with February is not part of the archive yet ...
    draft = newsroom("world/draft.md", "2025-03-01", TOLL.format(n="4,820"))
    report, code, _ = check_json("content/world/feb.md")
    assert code == 0 and report["findings"] == []
    # ... but checking the draft itself, before git add, compares it with the archive.
    report, code, _ = check_json(draft)
    assert code == 1 and report["findings"][0]["path"] == draft


def test_claims_found_corrupt_while_reading_back_are_rebuilt(newsroom, tmp_path: Path) -> None:
    bad = newsroom("world/apr.md", "2025-04-01", TOLL.format(n="4,900"))
    assert run_cli("index").exit_code == 0
    db_file = index_path(tmp_path, "content")
    with sqlite3.connect(db_file) as conn:  # a claim row whose JSON no longer parses
        conn.execute("UPDATE claims SET data = 'garbage' WHERE path = 'content/world/feb.md'")
    from figcheck.corpus.check import CorpusCheck

    warnings: list[str] = []
    run = CorpusCheck(None, warnings.append)
    run.refresh()
    outcome = run.check([bad], run.settings([], [], [], None).rules, None)
    assert len(outcome.report.findings) == 1
    run.close()


def test_an_index_folder_that_cannot_be_used_is_a_one_line_error(newsroom, tmp_path: Path) -> None:
    (tmp_path / ".figcheck").write_text("a file where the index folder should be", encoding="utf-8")
    result = run_cli("check", "content/world/feb.md")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and ".figcheck" in result.stderr and "Traceback" not in result.stderr


def test_a_broken_link_in_the_archive_is_named_and_the_rest_is_indexed(newsroom, tmp_path: Path) -> None:
    (tmp_path / "content" / "world" / "gone.md").symlink_to(tmp_path / "nowhere.md")
    result = run_cli("index")
    assert "content/world/gone.md: broken symbolic link" in result.stderr
    bad = newsroom("world/apr.md", "2025-04-01", TOLL.format(n="4,900"))
    data, code, _ = check_json(bad)
    assert code == 1 and data["findings"]
