"""Audit the gold texts as one archive and list what the checks find: a measure of false alarms.

    python bench/gold_archive.py [--show]

Each gold case (tests/gold/*.yaml) is a paragraph of a real report, from many different stories
in three languages, with its publication date. Written out as one folder of documents and audited
together they meet as an archive does: almost every finding among them is a false alarm (a
figure read with the wrong key, two stories' figures compared), and the few true ones are
differences between the reports themselves. The count is printed; ``--show`` prints each finding.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold"


def write_archive(folder: Path) -> int:
    count = 0
    for file in sorted(GOLD.glob("*.yaml")):
        for case in yaml.safe_load(file.read_text(encoding="utf-8")) or []:
            if not isinstance(case, dict) or "text" not in case:
                continue
            date = case.get("published")
            head = f"---\ndate: {date}\n---\n" if date else ""
            (folder / f"{case['id']}.md").write_text(head + case["text"] + "\n", encoding="utf-8")
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print each finding")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        documents = write_archive(folder)
        run = subprocess.run(
            [sys.executable, "-c", "from figcheck.cli import main; main()", "audit", str(folder), "--format", "json", "--fail-level", "never"],
            capture_output=True, text=True, check=False,
        )
        if run.returncode != 0:
            print(run.stderr, file=sys.stderr)
            return run.returncode
        report = json.loads(run.stdout)
    findings = report["findings"]
    levels = {level: sum(f["level"] == level for f in findings) for level in ("error", "warning", "info")}
    print(f"{documents} gold texts audited as one archive: {len(findings)} findings "
          f"({levels['error']} errors, {levels['warning']} warnings, {levels['info']} infos)")
    if args.show:
        for f in sorted(findings, key=lambda f: (Path(f["path"]).name, f["line"])):
            print(f"  {Path(f['path']).name}:{f['line']}: {f['level']} {f['rule']}: {f['message']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
