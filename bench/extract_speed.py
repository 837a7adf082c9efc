"""Throughput of the extract stage (load + extract + resolve) on the seeds repeated to 10 MB.

    python bench/extract_speed.py [--mb 10] [--runs 3]

The seed documents are read once and fed again and again, each copy as its own document (as an
archive of articles would be), until the text adds up to ``--mb`` megabytes of UTF-8. Each run
times every document through ``load_text`` and ``extract_document`` in one process; the script
prints each run and the median in MB/s of wall-clock time and of the process's CPU time. Compiled patterns are warmed on one document first.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from figcheck.load import load_file, load_text
from figcheck.pipeline import extract_document

REPO = Path(__file__).resolve().parents[1]


def corpus(megabytes: float) -> list[tuple[str, str, str]]:
    """(name, text, suffix) copies of the seeds until their UTF-8 size reaches ``megabytes``."""
    seeds = sorted(p for p in (REPO / "seeds").iterdir() if p.is_file())
    texts = [(p.name, load_file(str(p)).text, p.suffix) for p in seeds]
    target, size, out = megabytes * 1_000_000, 0, []
    while size < target:
        for name, text, suffix in texts:
            out.append((f"{len(out)}_{name}", text, suffix))
            size += len(text.encode("utf-8"))
    return out


def run(docs: list[tuple[str, str, str]]) -> tuple[float, float, int]:
    """Wall-clock seconds, CPU seconds of this process, and claims found."""
    claims = 0
    started, cpu = time.perf_counter(), time.process_time()
    for name, text, suffix in docs:
        claims += len(extract_document(load_text(name, text, suffix)).claims)
    return time.perf_counter() - started, time.process_time() - cpu, claims


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    docs = corpus(args.mb)
    megabytes = sum(len(t.encode("utf-8")) for _, t, _ in docs) / 1_000_000
    run(docs[:3])  # warm the compiled patterns and lexicon caches
    speeds, cpu_speeds = [], []
    for i in range(args.runs):
        seconds, cpu, claims = run(docs)
        speeds.append(megabytes / seconds)
        cpu_speeds.append(megabytes / cpu)
        print(f"run {i + 1}: {megabytes:.1f} MB, {len(docs)} documents, {claims} claims in {seconds:.1f} s "
              f"({cpu:.1f} s CPU) = {speeds[-1]:.2f} MB/s ({cpu_speeds[-1]:.2f} MB/s of CPU time)")
    # CPU time is the steadier figure on a shared machine; wall time is what a user waits.
    print(f"median: {statistics.median(speeds):.2f} MB/s wall, {statistics.median(cpu_speeds):.2f} MB/s per CPU (extract stage, one process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
