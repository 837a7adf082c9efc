"""Replay every PhraseMatcher.finditer call of N generated documents with fresh caches, timed.

    python bench/lexicon_replay.py [--docs 300] [--runs 7]

Extraction runs once over bench/throughput.py's generated documents while every call to
``PhraseMatcher.finditer`` (matcher, text object, window, answer) is recorded; then the calls
are replayed, caches emptied before each run, and the CPU time per document of the lexicon's
phrase matching alone is printed (each run and the minimum: the machine is shared). The first
replay is checked against the recorded answers. The same text objects are replayed, so caches
keyed by identity behave as in the pipeline.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import article  # noqa: E402

from figcheck.load import load_text  # noqa: E402
from figcheck.pipeline import extract_document  # noqa: E402
from figcheck.resolve import lexicon  # noqa: E402


def record(docs: int) -> list[tuple[lexicon.PhraseMatcher, str, int, int | None, list[lexicon.Hit]]]:
    calls = []
    original = lexicon.PhraseMatcher.finditer

    def spy(self, text, start=0, end=None):  # type: ignore[no-untyped-def]
        hits = original(self, text, start, end)
        calls.append((self, text, start, end, list(hits)))
        return hits

    lexicon.PhraseMatcher.finditer = spy  # type: ignore[method-assign]
    try:
        for i in range(docs):
            extract_document(load_text(f"{i:06d}.txt", article(i)[1], ".txt"))
    finally:
        lexicon.PhraseMatcher.finditer = original  # type: ignore[method-assign]
    return calls


def replay(calls: list, check: bool = False) -> float:
    for matcher in {id(c[0]): c[0] for c in calls}.values():
        for name in ("_seen", "_whole", "_keys", "_patterns"):
            cache = getattr(matcher, name, None)
            if isinstance(cache, dict) and name != "_patterns":
                cache.clear()
        matcher._last = None
    lexicon._WORD_INDEXES.clear()
    started = time.process_time()
    for matcher, text, start, end, hits in calls:
        found = matcher.finditer(text, start, end)
        if check:
            assert found == hits, (text, start, end)
    return time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args(argv)
    calls = record(args.docs)
    replay(calls, check=True)
    times = [replay(calls) / args.docs * 1000 for _ in range(args.runs)]
    print(f"{len(calls):,} finditer calls of {args.docs} documents; CPU ms per document: "
          + " ".join(f"{t:.3f}" for t in times) + f"; min {min(times):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
