"""Bad input end to end: a folder of broken files audits like the seeds alone, plus one note each."""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from conftest import SEEDS, run_cli
from figcheck.cli import main

ENGLISH = "date 2025-01-04 Officials said 1,200 Israelis were killed on October 7.\n"


def _finding_view(data: dict) -> list[tuple]:
    claims = {c["id"]: c for c in data["claims"]}
    return [
        (f["rule"], f["level"], f["message"], f["suggestion"], [(claims[i]["text"], claims[i]["line"]) for i in f["claims"]])
        for f in data["findings"]
    ]


def _bad_folder(root: Path) -> dict[str, str]:
    """Seeds plus one file of every bad kind; returns {file name: what its note must say}."""
    shutil.copytree(SEEDS, root)
    notes = {
        "photo.png": "not a text document",
        "blob.txt": "skipped, a binary file",
        "scan.pdf": "not a text document",
        "damaged.txt": "invalid UTF-8",
        "hebrew-1255.txt": "decoded as cp1255",
        "arabic-1256.txt": "decoded as cp1256",
        "empty.txt": "empty document",
        "front.md": "malformed front matter",
        "dangling.txt": "broken symbolic link",
    }
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (root / "blob.txt").write_bytes(b"date 2025-01-04 \x00\x01\x02\x03" * 50)
    (root / "scan.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    (root / "damaged.txt").write_bytes(ENGLISH.encode().replace(b"Officials", b"Offi\xe9cials"))
    (root / "hebrew-1255.txt").write_bytes(
        "date 2025-01-04 בבוקר יום שלישי נפגשו ראשי הערים כדי לדון בתקציב, ואמרו כי הדיונים יימשכו גם בשבוע הבא.\n".encode("cp1255")
    )
    (root / "arabic-1256.txt").write_bytes(
        "date 2025-01-04 اجتمع رؤساء البلديات صباح الثلاثاء لمناقشة الميزانية، وقالوا إن المناقشات ستستمر الأسبوع المقبل.\n".encode("cp1256")
    )
    (root / "empty.txt").write_bytes(b"")
    (root / "front.md").write_text("---\ntitle: [oops\ndate: 2025-01-04\n---\nOfficials met on Sunday.\n", encoding="utf-8")
    (root / "dangling.txt").symlink_to(root / "gone.txt")
    # Unusual but valid: no note expected.
    (root / "utf16.txt").write_bytes(ENGLISH.encode("utf-16"))
    (root / "crlf.txt").write_bytes(b"date 2025-01-04 First line.\r\n\r\nLater, 39 people were killed in a strike.\r\n")
    return notes


def test_a_folder_of_bad_files_audits_like_the_seeds_plus_one_note_each(tmp_path):
    seeds = json.loads(run_cli("audit", str(SEEDS), "--format", "json").stdout)
    root = tmp_path / "mixed"
    notes = _bad_folder(root)
    result = run_cli("audit", str(root), "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 1  # the seeds' error finding decides the exit code
    assert _finding_view(data) == _finding_view(seeds)
    assert len(data["findings"]) == 1
    messages = result.stderr.splitlines() + [w for d in data["documents"] for w in d["warnings"]]
    for name, says in notes.items():
        about = [m for m in messages if f"{name}:" in m]
        assert len(about) == 1, (name, about)
        assert says in about[0]
    for name in ("utf16.txt", "crlf.txt"):
        doc = next(d for d in data["documents"] if d["path"].endswith(name))
        assert doc["warnings"] == [] and doc["published"] == "2025-01-04"
    crlf = [c for c in data["claims"] if c["document"].endswith("crlf.txt")]
    assert [(c["text"], c["line"], c["column"]) for c in crlf] == [("39", 3, 8)]
    assert "Traceback" not in result.stderr


def test_unreadable_file_is_reported_and_the_rest_goes_on(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "c")
    locked = tmp_path / "c" / "locked.txt"
    locked.write_text(ENGLISH, encoding="utf-8")
    locked.chmod(0)
    try:
        result = run_cli("audit", str(tmp_path / "c"), "--format", "json")
    finally:
        locked.chmod(0o644)
    data = json.loads(result.stdout)
    assert len(data["findings"]) == 1
    if os.access(locked, os.R_OK) and os.geteuid() == 0:
        # root reads a mode-000 file anyway: then it must simply be audited like any other.
        assert any(d["path"].endswith("locked.txt") for d in data["documents"])
    else:
        assert [line for line in result.stderr.splitlines() if "locked.txt" in line] == [
            f"figcheck: error: {locked.as_posix()}: cannot read: Permission denied"
        ]


def test_stdin_is_read_for_a_dash():
    text = (SEEDS / "000_124fe2fdb2909855.txt").read_bytes()
    result = CliRunner().invoke(main, ["extract", "-", "--format", "jsonl"], input=text, catch_exceptions=False)
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    from_file = [json.loads(line) for line in run_cli("extract", str(SEEDS / "000_124fe2fdb2909855.txt"), "--format", "jsonl").stdout.splitlines()]
    assert claims and all(c["document"] == "-" for c in claims)
    assert [(c["text"], c["line"], c["as_of"]) for c in claims] == [(c["text"], c["line"], c["as_of"]) for c in from_file]


def test_declared_encoding_reads_a_legacy_file_without_a_warning(tmp_path):
    (tmp_path / "he.txt").write_bytes("date 2025-01-04 לפחות 45,581 פלסטינים נהרגו מאז תחילת המלחמה.\n".encode("cp1255"))
    data = json.loads(run_cli("audit", str(tmp_path), "--format", "json", "--encoding", "windows-1255").stdout)
    assert data["documents"][0]["language"] == "he" and data["documents"][0]["warnings"] == []
    assert [c["value"] for c in data["claims"]] == [45581]


def test_unknown_encoding_is_a_one_line_usage_error():
    result = CliRunner().invoke(main, ["audit", str(SEEDS), "--encoding", "klingon-8"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "figcheck: --encoding klingon-8: unknown encoding (try utf-8, windows-1255, windows-1256, utf-16)"


def _corpus(root: Path, copies: int) -> list[str]:
    names = []
    for i in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            path = root / f"{i:02d}" / seed.name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(seed.read_bytes())
            names.append(str(path))
    return names


def test_output_is_byte_identical_across_jobs_and_input_order(tmp_path, monkeypatch):
    monkeypatch.setattr(importlib.import_module("figcheck.pipeline"), "PARALLEL_MIN_BYTES", 0)
    files = _corpus(tmp_path, 4)
    runs = [
        run_cli("audit", *files, "--format", "json", "--jobs", "1").stdout,
        run_cli("audit", *reversed(files), "--format", "json", "--jobs", "2").stdout,
        run_cli("audit", str(tmp_path), "--format", "json", "--jobs", "3").stdout,
        run_cli("audit", str(tmp_path), "--format", "json", "--jobs", "2").stdout,
    ]
    assert len(json.loads(runs[0])["documents"]) == 12
    assert all(r == runs[0] for r in runs[1:])


def test_report_is_written_atomically(tmp_path, monkeypatch):
    out = tmp_path / "report.md"
    out.write_text("the previous report\n", encoding="utf-8")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    result = CliRunner().invoke(main, ["audit", str(SEEDS), "-o", str(out)])
    assert result.exit_code != 0 and "Aborted" in result.stderr  # click's answer to Ctrl-C
    assert out.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_a_50_mb_file_finishes_in_bounded_memory(tmp_path):
    """50 MB of a badly converted dump: mostly padding, with articles at both ends.

    The padding is what makes it fast (pieces with no word in them are not scanned); the memory
    bound is what is tested: the process may hold the file and its text, not a copy per stage.
    """
    seed = (SEEDS / "003_ee67936dca785b92.txt").read_text(encoding="utf-8")
    big = tmp_path / "dump.txt"
    pad = ("\n" + " " * 99) * 10_000  # 1 MB of blank lines
    with big.open("w", encoding="utf-8") as fh:
        fh.write(seed)
        for _ in range(50):
            fh.write(pad)
        fh.write("\n" + seed.split(" ", 3)[-1])
    assert big.stat().st_size > 50_000_000
    code = (
        "import resource, sys\n"
        "from figcheck.cli import main\n"
        "try:\n    main(['extract', sys.argv[1], '--format', 'jsonl'])\n"
        "except SystemExit as e:\n    code = e.code\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, code, file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(big)], capture_output=True, text=True, timeout=120)
    rss_kb, exit_code = proc.stderr.split()[-2:]
    claims = [json.loads(line) for line in proc.stdout.splitlines()]
    assert exit_code == "0"
    assert int(rss_kb) < 600_000  # 50 MB of text: well under 12 times its size
    lines = seed.count("\n")
    first = [c for c in claims if c["line"] <= lines + 1]
    last = [c for c in claims if c["line"] > lines + 1]
    assert len(first) == len(last) > 10
    offset = 50 * 10_000 + lines + 1
    assert [(c["text"], c["line"] - offset) for c in last] == [(c["text"], c["line"]) for c in first]


def test_progress_shows_files_claims_and_time_left_only_on_a_terminal():
    import io

    from figcheck.progress import ProgressBar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    piped, terminal = io.StringIO(), Terminal()
    for stream in (piped, terminal):
        bar = ProgressBar(stream, interval=0)
        for done in range(1, 5):
            bar(done, 4, done * 10)
        bar.close()
    assert piped.getvalue() == ""
    last = terminal.getvalue().rstrip("\n").split("\r")[-1]
    assert "4/4 files" in last and "40 claims" in last and "left" in last
    assert terminal.getvalue().endswith("\n")


def test_audit_with_progress_keeps_stdout_clean(tmp_path):
    result = run_cli("audit", str(SEEDS), "--format", "json")
    assert json.loads(result.stdout)["summary"]["documents"] == 3
    assert "files," not in result.stderr  # CliRunner's stderr is not a terminal
