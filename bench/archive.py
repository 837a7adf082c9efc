"""The pre-publish hook at archive scale: build the index of a 10,000-article newsroom archive, then
time a warm ``figcheck check`` of one changed article, start-up included.

    python bench/archive.py [--articles 10000] [--runs 7] [--workdir /tmp/figcheck-archive] [--jobs 0]

The archive is generated deterministically (seeded) in the shape of a Hugo/Jekyll site:
``content/<section>/<yyyy>/<slug>.md`` with front matter (title, date, author, tags), 2-6 KB of
text, and dated series of figures that rise day after day (a casualty toll, the wounded and the
displaced by place, a jobless rate, a budget), quoted with their sources, plus filler paragraphs
and unrelated numbers (ages, scores, prices). It lives in a git repository, as the hook sees it.

Measured, each through the real CLI as a subprocess:
- cold index build: ``figcheck index`` from nothing (articles/s);
- warm check: before each run one article has a figure edited (so the hook re-reads and
  re-extracts it, as after a writer's change), then ``figcheck check FILE`` runs; median and
  spread of ``--runs`` runs, interpreter start-up included;
- a no-change refresh: ``figcheck index`` again (stat of every file, nothing to extract).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

START = dt.date(2023, 10, 7)
FIRST = dt.date(2024, 1, 1)
DAYS = 600
SECTIONS = ["world", "politics", "business", "health", "sport", "culture", "local"]
AUTHORS = ["Dana Levi", "Omar Haddad", "Ruth Cohen", "Sami Nasser", "Maya Stein", "Yusuf Karim"]
SOURCES = ["Gaza's Ministry of Health", "the Gaza Health Ministry", "the health ministry in Gaza"]
PLACES = ["Deir al-Balah", "Khan Younis", "Rafah", "Jabalia", "Nuseirat", "Beit Lahia"]
FILLER = [
    "The talks were expected to resume later in the week, officials said.",
    "Residents described long queues at the few bakeries still open.",
    "The statement did not say when the crossing would reopen.",
    "Aid agencies warned that fuel shortages were forcing hospitals to ration power.",
    "Mediators from Egypt and Qatar met both delegations in Cairo.",
    "Witnesses said the strike came without warning shortly before dawn.",
    "A spokesman declined to comment on the reports.",
    "Prices of flour and cooking gas rose sharply in the markets of the south.",
    "The council will vote on the proposal next month after a public consultation.",
    "Critics said the plan did little to address the shortage of affordable housing.",
    "The minister, 58, said the government would publish its figures in the spring.",
    "Shares in the company closed 2 percent higher after the announcement.",
    "The home side won 3-1 in front of a crowd of 41,000.",
    "Tickets for the festival, which runs for 10 days, sold out within hours.",
]


def toll(day: int) -> int:
    """A cumulative toll that rises every day: the series the archive's articles quote."""
    return 21_000 + day * 45 + (day * day) // 40


def paragraph(rng: random.Random, n: int = 4) -> str:
    return " ".join(rng.choice(FILLER) for _ in range(n))


def article(i: int) -> tuple[str, str]:
    """(relative path, text) of article ``i``; deterministic."""
    rng = random.Random(i)
    day = rng.randrange(DAYS)
    date = FIRST + dt.timedelta(days=day)
    section = SECTIONS[i % len(SECTIONS)]
    slug = f"{section}-{date.isoformat()}-{i:05d}"
    title = f"Report {i}: {section} on {date:%B %d, %Y}"
    parts = [paragraph(rng, rng.randint(3, 6)) for _ in range(rng.randint(4, 9))]
    if section in {"world", "health", "politics"}:
        source = rng.choice(SOURCES)
        parts.insert(1, f"{source} said on {date:%A} that at least {toll(day):,} Palestinians have been killed "
                        f"in Gaza since October 7, 2023.")
        parts.insert(3, f"More than {toll(day) * 2 + 1_000:,} people have been wounded, {source} said.")
        place = rng.choice(PLACES)
        parts.insert(4, f"In {place}, {rng.randint(3, 30)} people were killed in a strike on a house, witnesses said.")
    elif section == "business":
        parts.insert(1, f"The jobless rate rose to {4 + (day % 30) / 10:.1f} percent in {date:%B}, the statistics office said.")
        parts.insert(2, f"The government plans to spend ${1 + day % 9}.{day % 10} billion on the programme.")
    elif section == "sport":
        parts.insert(1, f"The striker has scored {day % 40} goals this season in {day % 50 + 10} appearances.")
    front = (
        f"---\ntitle: \"{title}\"\ndate: {date.isoformat()}\nauthor: {AUTHORS[i % len(AUTHORS)]}\n"
        f"tags: [{section}, archive]\n---\n"
    )
    body = f"# {title}\n\n" + "\n\n".join(parts) + "\n"
    return f"content/{section}/{date.year}/{slug}.md", front + body


def write_archive(root: Path, n: int) -> int:
    size = 0
    for i in range(n):
        rel, text = article(i)
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        size += len(text.encode())
    (root / "pyproject.toml").write_text('[tool.figcheck]\ncorpus = "content/"\n', encoding="utf-8")
    (root / ".gitignore").write_text(".figcheck/\n", encoding="utf-8")
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "."], cwd=root, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "archive"], cwd=root, check=True)
    return size


REPO = Path(__file__).resolve().parents[1]
SNAPSHOT: Path | None = None


def snapshot(workdir: Path) -> Path:
    """A copy of this checkout's code and rules taken at start: the index is keyed by the code
    that extracts claims, so an edit made in the checkout while the benchmark runs would
    otherwise send it back to a cold build."""
    target = workdir / "code"
    subprocess.run(["rm", "-rf", str(target)], check=True)
    (target / "src").mkdir(parents=True)
    subprocess.run(["cp", "-r", str(REPO / "src" / "figcheck"), str(target / "src")], check=True)
    subprocess.run(["cp", "-r", str(REPO / "rules"), str(REPO / "pyproject.toml"), str(target)], check=True)
    return target


CPU: list[float] = []
"""User + system seconds of each run, children included: less sensitive than wall time to other
work on a shared machine."""


def figcheck(root: Path, *args: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Run the CLI as a hook would: a fresh interpreter, so start-up is part of the time."""
    env = dict(os.environ)
    command = ["figcheck"]
    if SNAPSHOT is not None:
        env["PYTHONPATH"] = str(SNAPSHOT / "src")
        command = [sys.executable, "-m", "figcheck.cli"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([*command, *args], cwd=root, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=0)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/figcheck-archive"))
    parser.add_argument("--archive", type=Path, help="Use this archive folder [default: WORKDIR/archive-N].")
    parser.add_argument("--live", action="store_true", help="Run the installed figcheck, not a snapshot of the checkout.")
    parser.add_argument("--code", type=Path, help="Run this copy of src/ instead of a fresh snapshot (implies reusing it).")
    parser.add_argument("--warm-only", action="store_true",
                        help="Keep the snapshot and the index of an earlier run; time only the warm checks.")
    args = parser.parse_args(argv)
    global SNAPSHOT
    if not args.live:
        existing = args.workdir / "code"
        SNAPSHOT = args.code or (existing if args.warm_only and existing.is_dir() else snapshot(args.workdir))
    parser_root = args.workdir / f"archive-{args.articles}"
    root = args.archive or parser_root
    if not (root / "content").is_dir():
        print(f"writing {args.articles:,} articles to {root} ...", file=sys.stderr)
        size = write_archive(root, args.articles)
    else:
        size = sum(p.stat().st_size for p in (root / "content").rglob("*.md"))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; "
          f"archive: {args.articles:,} articles, {size / 1e6:.1f} MB")
    if not args.warm_only:
        subprocess.run(["rm", "-rf", str(root / ".figcheck")], check=True)
        seconds, done = figcheck(root, "index", "--jobs", str(args.jobs))
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        print(f"cold index build: {seconds:.1f} s = {args.articles / seconds:,.0f} articles/s ({size / 1e6 / seconds:.2f} MB/s)")

    seconds, _ = figcheck(root, "index")
    print(f"no-change refresh (stat every file): {seconds:.2f} s (CPU {CPU[-1]:.2f} s)")

    rel, text = article(1)  # a world article: it quotes the toll, so it has a series to meet
    target = root / rel
    times, cpu, codes = [], [], set()
    for run in range(args.runs + 1):
        # A writer's edit with a new figure: the file must be re-read and re-extracted.
        target.write_text(text + f"\nAid officials said {40 + run} trucks crossed on Monday.\n", encoding="utf-8")
        seconds, done = figcheck(root, "check", rel)
        codes.add(done.returncode)
        if done.returncode not in (0, 1) or "Traceback" in done.stderr:
            print(done.stderr, file=sys.stderr)
            return 1
        if "rebuilding" in done.stderr:
            print("the index was rebuilt during a warm run (code or rules changed); rerun", file=sys.stderr)
            return 1
        if run:  # the first run after the build warms the page cache, as a hook's second commit would
            times.append(seconds)
            cpu.append(CPU[-1])
    target.write_text(text, encoding="utf-8")
    print(
        f"warm `figcheck check {rel}` (one edited article, start-up included), {len(times)} runs: "
        f"median {statistics.median(times):.3f} s, min {min(times):.3f} s, max {max(times):.3f} s "
        f"(CPU user+sys median {statistics.median(cpu):.3f} s); exit codes {sorted(codes)}; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
