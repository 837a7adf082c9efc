"""The pre-publish hook with the real tools: a scratch newsroom repository (content/<section>/
<slug>.md with dated front matter) whose .pre-commit-config.yaml points at this checkout, the
hook installed by pre-commit, and ``git commit`` either going through or blocked.

pre-commit builds the hook's environment from this checkout's HEAD (``rev:``), so what is tested
is the committed code; the first run installs it (about 20 s), later runs reuse it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TOLL = "Gaza's Ministry of Health said at least {n} Palestinians have been killed in Gaza since October 7, 2023."

pytestmark = pytest.mark.precommit


def article(date: str, title: str, *paragraphs: str) -> str:
    body = "\n\n".join(paragraphs)
    return f"---\ntitle: {title}\ndate: {date}\nauthor: Desk\n---\n# {title}\n\n{body}\n"


class Newsroom:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "Desk", "GIT_AUTHOR_EMAIL": "desk@example.org",
            "GIT_COMMITTER_NAME": "Desk", "GIT_COMMITTER_EMAIL": "desk@example.org",
        }
        self.env.pop("GIT_DIR", None)
        self.env.pop("GIT_INDEX_FILE", None)

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(args, cwd=self.root, env=self.env, capture_output=True, text=True, timeout=600)
        if check and done.returncode != 0:
            raise AssertionError(f"{args} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
        return done

    def write(self, rel: str, text: str) -> str:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return rel

    def commit(self, *paths: str, message: str = "update") -> subprocess.CompletedProcess[str]:
        self.run("git", "add", "--", *paths)
        return self.run("git", "commit", "-m", message, check=False)

    def commits(self) -> int:
        return int(self.run("git", "rev-list", "--count", "HEAD").stdout)


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Newsroom:
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
    room = Newsroom(tmp_path_factory.mktemp("newsroom"))
    room.run("git", "init", "-q", "-b", "main")
    room.write("pyproject.toml", '[tool.figcheck]\ncorpus = "content/"\n')
    room.write(".gitignore", ".figcheck/\n")
    room.write(".pre-commit-config.yaml", (
        "repos:\n"
        f"  - repo: {REPO}\n"
        f"    rev: {head}\n"
        "    hooks:\n"
        "      - id: figcheck\n"
        "        files: ^content/\n"
        "      - id: figcheck-all\n"
        "        stages: [manual]\n"
    ))
    room.write("content/world/gaza-toll-january.md",
               article("2025-01-04", "Gaza toll passes 45,000", TOLL.format(n="45,581"), "Aid trucks waited at the crossing."))
    room.write("content/world/gaza-toll-february.md",
               article("2025-02-10", "Gaza toll in February", TOLL.format(n="48,200")))
    room.write("content/business/markets.md",
               article("2025-02-11", "Markets", "Shares rose 3 percent on Tuesday as traders returned."))
    room.run(sys.executable, "-m", "pre_commit", "install")
    room.run(sys.executable, "-m", "pre_commit", "install-hooks")
    first = room.commit(".")
    assert first.returncode == 0, first.stdout + first.stderr
    return room


def test_a_clean_article_commits(newsroom: Newsroom) -> None:
    before = newsroom.commits()
    done = newsroom.commit(newsroom.write("content/world/gaza-toll-march.md",
                                          article("2025-03-01", "March toll", TOLL.format(n="49,000"))))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "figcheck (figures against the archive)" in done.stderr + done.stdout and "Passed" in done.stderr + done.stdout
    assert newsroom.commits() == before + 1


def test_a_warning_goes_through_and_is_shown_to_the_journalist(newsroom: Newsroom) -> None:
    """Below the fail level (error) a finding does not block, but the journalist sees it: two
    bodies' Lebanon tolls that fall are a warning (a series of its own, apart from the Gaza tests)."""
    before = newsroom.commits()
    first = newsroom.write("content/world/lebanon-toll.md", article(
        "2025-05-01", "Lebanon toll", "Lebanon's health ministry said 4,047 people have been killed in Lebanon since October 2023."))
    later = newsroom.write("content/world/lebanon-may.md", article(
        "2025-05-03", "Lebanon in May", "At least 3,100 people have been killed in Lebanon since October 2023, a UN agency said."))
    done = newsroom.commit(first, later)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert newsroom.commits() == before + 1
    assert "Passed" in out and "warning" in out.lower() and "casualties/cumulative-decrease" in out and "3,100" in out


def test_a_toll_that_contradicts_the_archive_is_blocked_with_the_conflict_printed(newsroom: Newsroom) -> None:
    before = newsroom.commits()
    bad = newsroom.write("content/world/gaza-toll-april.md", article("2025-04-02", "April toll", TOLL.format(n="4,920")))
    done = newsroom.commit(bad)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert newsroom.commits() == before
    assert "Failed" in out and "casualties/cumulative-decrease" in out
    assert "4,920" in out and "49,000" in out and "content/world/gaza-toll-march.md" in out
    newsroom.run("git", "reset", "-q", "--", bad)
    (newsroom.root / bad).unlink()


def test_a_suppressed_figure_goes_through(newsroom: Newsroom) -> None:
    before = newsroom.commits()
    quoted = newsroom.write("content/world/bulletin-error.md", article(
        "2025-04-03", "Ministry bulletin error",
        '<!-- figcheck: ignore[casualties/cumulative-decrease] reason="the story is about the misprinted bulletin" -->\n'
        + TOLL.format(n="4,920"),
    ))
    done = newsroom.commit(quoted)
    assert done.returncode == 0, done.stdout + done.stderr
    assert newsroom.commits() == before + 1


def test_a_baselined_finding_goes_through_and_a_new_one_still_fails(newsroom: Newsroom) -> None:
    old = newsroom.write("content/world/old-typo.md", article("2025-04-05", "Old typo", TOLL.format(n="5,100")))
    assert newsroom.commit(old).returncode == 1
    update = newsroom.run(sys.executable, "-m", "figcheck.cli", "baseline", "update")
    baseline = json.loads((newsroom.root / ".figcheck-baseline.json").read_text(encoding="utf-8"))
    assert any(old in e["paths"] for e in baseline["findings"].values()), update.stderr
    before = newsroom.commits()
    done = newsroom.commit(old, ".figcheck-baseline.json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert newsroom.commits() == before + 1
    # Moving the figure down the article keeps it accepted.
    newsroom.write(old, article("2025-04-05", "Old typo", "Aid trucks waited.", "Talks resumed.", TOLL.format(n="5,100")))
    done = newsroom.commit(old)
    assert done.returncode == 0, done.stdout + done.stderr


def test_editing_an_unrelated_article_does_not_re_report_old_conflicts(newsroom: Newsroom) -> None:
    # An old clash that slipped in without the hook, neither suppressed nor baselined.
    sneaked = newsroom.write("content/world/sneaked.md", article("2025-04-20", "Sneaked", TOLL.format(n="6,000")))
    newsroom.run("git", "add", sneaked)
    newsroom.run("git", "commit", "-q", "--no-verify", "-m", "bypass the hook")
    before = newsroom.commits()
    edited = newsroom.write("content/business/markets.md",
                            article("2025-02-11", "Markets", "Shares rose 4 percent on Tuesday as traders returned."))
    done = newsroom.commit(edited)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "6,000" not in done.stdout + done.stderr
    assert newsroom.commits() == before + 1
    # Touching the sneaked article itself brings its clash back.
    newsroom.write(sneaked, article("2025-04-20", "Sneaked", "Updated.", TOLL.format(n="6,000")))
    done = newsroom.commit(sneaked)
    assert done.returncode == 1 and "6,000" in done.stdout + done.stderr


def test_the_whole_archive_hook_reports_every_conflict_not_accepted(newsroom: Newsroom) -> None:
    done = newsroom.run(sys.executable, "-m", "pre_commit", "run", "--hook-stage", "manual", "figcheck-all", check=False)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "6,000" in out  # the sneaked-in clash, neither suppressed nor in the baseline
    assert "accepted by the baseline" in out
