"""How fast could extraction be if figcheck's own Python cost nothing? The regex engine's share.

    python bench/regex_floor.py [--docs 300] [--runs 5]

Extraction runs over bench/throughput.py's generated documents twice. The first run is timed as
it is (CPU seconds per document). In the second, every compiled pattern (`regex` and the standard
library's `re`) is wrapped, and every call figcheck makes to a pattern while it extracts is
recorded: the pattern, the method, its arguments and, for ``finditer``, how many matches were
taken. Then those calls alone are replayed against the same patterns and text objects, with none
of figcheck's Python around them, and timed (the minimum and median of ``--runs``; the machine is
shared). The loop that replays them is timed empty and taken off.

What is printed is a ceiling: with every other line of figcheck free, the matching it asks the
engine for still costs the replay's time, so extraction cannot run faster than the replay allows.
The claims of the recorded run are checked against the plain run's, so the wrapping changed
nothing.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

CALLS: list[tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any], int]] = []
"""(bound method of the real pattern, args, kwargs, matches taken or -1 for a plain call)."""
METHODS = Counter[str]()
RECORDING = False
WRAPPED = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")


class _Counted:
    """A finditer iterator that notes, in its CALLS row, how many matches were taken."""

    def __init__(self, row: int, it: Iterator[Any]) -> None:
        self.row, self.it, self.taken = row, it, 0

    def __iter__(self) -> _Counted:
        return self

    def __next__(self) -> Any:
        item = next(self.it)
        self.taken += 1
        f, a, k, _ = CALLS[self.row]
        CALLS[self.row] = (f, a, k, self.taken)
        return item


class Recorded:
    """A compiled pattern whose calls are recorded while RECORDING is on; anything else is the
    pattern's own (``.pattern``, ``.flags``, ``.groupindex`` ...)."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def __getattr__(self, name: str) -> Any:
        real = getattr(self._real, name)
        if name not in WRAPPED:
            return real

        def call(*args: Any, **kwargs: Any) -> Any:
            result = real(*args, **kwargs)
            if RECORDING:
                METHODS[name] += 1
                CALLS.append((real, args, kwargs, 0 if name == "finditer" else -1))
                if name == "finditer":
                    return _Counted(len(CALLS) - 1, result)
            return result

        return call

    def __reduce__(self) -> Any:
        return (_recompile, (self._real,))


def _recompile(real: Any) -> Any:
    return real


def _wrap_module(module: Any) -> None:
    """Compiles return Recorded patterns; module-level calls compile first and are recorded too."""
    compile_ = module.compile

    def compile_wrapped(pattern: Any, flags: int = 0, **kwargs: Any) -> Any:
        if isinstance(pattern, Recorded):
            pattern = pattern._real
        return Recorded(compile_(pattern, flags, **kwargs))

    module.compile = compile_wrapped
    for name in WRAPPED:
        if not hasattr(module, name):
            continue

        def function(pattern: Any, *args: Any, _name: str = name, **kwargs: Any) -> Any:
            flags = kwargs.pop("flags", 0)
            if isinstance(pattern, Recorded):
                pattern = pattern._real
            compiled = compile_(pattern, flags) if isinstance(pattern, str) else pattern
            return getattr(Recorded(compiled), _name)(*args, **kwargs)

        setattr(module, name, function)


def _documents(count: int) -> list[Any]:
    from throughput import article

    from figcheck.load import load_bytes

    return [load_bytes(f"/generated/{i}.txt", article(i)[1].encode()) for i in range(count)]


def _extract(docs: list[Any]) -> list[Any]:
    from figcheck.pipeline import extract_document

    return [extract_document(d) for d in docs]


def _dump(results: list[Any]) -> list[str]:
    return [r.document.model_dump_json() + "".join(c.model_dump_json() for c in r.claims) for r in results]


def _replay() -> float:
    start = time.process_time()
    for f, args, kwargs, taken in CALLS:
        if taken < 0:
            f(*args, **kwargs)
        elif taken:
            it = f(*args, **kwargs)
            for _ in range(taken):
                next(it)
        else:
            f(*args, **kwargs)
    return time.process_time() - start


def _empty() -> float:
    def nothing(*args: Any, **kwargs: Any) -> None:
        return None

    start = time.process_time()
    for _f, args, kwargs, taken in CALLS:
        if taken < 0:
            nothing(*args, **kwargs)
        elif taken:
            nothing(*args, **kwargs)
            for _ in range(taken):
                pass
        else:
            nothing(*args, **kwargs)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    global RECORDING
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warm", type=int, default=30, help="documents run first, untimed (caches, lazy patterns)")
    args = parser.parse_args(argv)

    _wrap_module(regex)
    _wrap_module(re)
    warm = _documents(args.warm)
    docs = _documents(args.warm + args.docs)[args.warm :]
    chars = sum(len(d.text) for d in docs)
    _extract(warm)

    plain = []
    for _ in range(args.runs):
        start = time.process_time()
        reference = _extract(docs)
        plain.append(time.process_time() - start)

    RECORDING = True
    recorded = _extract(docs)
    RECORDING = False
    if _dump(recorded) != _dump(reference):
        print("the recorded run's claims differ from the plain run's: the floor would not be figcheck's", file=sys.stderr)
        return 1

    replay = [_replay() for _ in range(args.runs)]
    empty = min(_empty() for _ in range(args.runs))
    engine = [max(r - empty, 1e-9) for r in replay]
    claims = sum(len(r.claims) for r in reference)
    per_doc = statistics.median(plain) / len(docs)
    floor = statistics.median(engine) / len(docs)
    print(f"{len(docs)} documents, {chars:,} characters, {claims:,} claims; {len(CALLS):,} pattern calls "
          f"({len(CALLS) / len(docs):.0f} per document, {len(CALLS) / max(claims, 1):.0f} per claim)")
    print("calls by method: " + ", ".join(f"{m} {n:,}" for m, n in METHODS.most_common()))
    print(f"extraction as it is:     {per_doc * 1e3:6.2f} ms CPU per document "
          f"(median of {args.runs}; min {min(plain) / len(docs) * 1e3:.2f}), {chars / statistics.median(plain) / 1e6:.3f} MB per CPU s")
    print(f"its pattern calls alone: {floor * 1e3:6.2f} ms CPU per document "
          f"(median; min {min(engine) / len(docs) * 1e3:.2f}; replay loop {empty / len(docs) * 1e3:.2f} ms taken off), "
          f"{floor / per_doc:.0%} of it")
    cap = chars / statistics.median(engine) / 1e6
    print(f"ceiling with figcheck's own Python free: {cap:.2f} MB per CPU s, {2 * cap:.2f} MB/s on two cores "
          f"({cap / (chars / statistics.median(plain) / 1e6):.1f}x today)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
