"""The check stage at archive scale: every built-in rule on 10^4, 10^5 and 10^6 synthetic claims.

Claims are spread over many series (metric × group × place × definition), each a running toll
reported day after day by several sources, with a few slips: doubled digits, stale figures one
day late, same-day disagreements, daily figures and parts. Prints time and the peak memory the
check stage adds (claims are built first and not counted) and the time per n log2 n, which
stays flat when the stage grows as n log n.

    python bench/checks_scale.py            # 10^4, 10^5, 10^6
    python bench/checks_scale.py 10000 100000
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import random
import resource
import sys
import time

from figcheck.checks.engine import run_checks
from figcheck.model import Claim
from figcheck.ruleset import load_rules

METRICS = ["deaths", "injuries", "missing", "displaced", "detentions"]
GROUPS = ["palestinians", "israelis", "lebanese", "people", "children", "women", "health_workers", "journalists"]
PLACES = ["gaza", "west_bank", "israel", "lebanon", "north_gaza", "rafah", "khan_younis", "syria", "turkey", None]
SOURCES = ["gaza_health_ministry", "un_ocha", "who", "israeli_military", None]
START = dt.date(2023, 10, 7)


def claims(n: int, seed: int = 1) -> list[Claim]:
    rnd = random.Random(seed)
    keys = [(m, g, p, d) for m in METRICS for g in GROUPS for p in PLACES for d in (None, "identified")]
    per_series = 1000
    out: list[Claim] = []
    s = 0
    while len(out) < n:
        metric, group, place, definition = keys[s % len(keys)]
        scope_suffix = s // len(keys)  # beyond the key space, repeat keys with another group label
        group = group if scope_suffix == 0 else f"{group}_{scope_suffix}"
        # Parts of a toll (children, health workers) stay well below the tolls they belong to.
        share = 0.02 if group.split("_")[0] in {"children", "women", "health", "journalists"} else 1.0
        share *= 0.7 if definition == "identified" else 1.0  # identified deaths are a part of all deaths
        toll, day = rnd.randint(1000, 5000) * share, START
        primary = rnd.choice(SOURCES)  # one body keeps each count; others quote it now and then
        history: list[float] = []
        for i in range(min(per_series, n - len(out))):
            if rnd.random() < 0.7:
                day += dt.timedelta(days=1)
                toll += rnd.randint(0, 300) * share
            value = float(int(toll))
            r = rnd.random()
            if r < 0.001:  # a doubled digit
                text = str(int(value))
                value = float(text[0] + text)
            elif r < 0.011 and len(history) > 3:  # a stale figure from a few days before
                value = history[-3]
            elif r < 0.016:  # a same-day disagreement
                value += rnd.choice([-1, 1]) * rnd.randint(1, 9) * 10
            history.append(value)
            qualifier = "at_least" if rnd.random() < 0.2 else "exact"
            scope = "increment" if rnd.random() < 0.02 else "cumulative"
            if scope == "increment":
                value = float(rnd.randint(10, 300))
            out.append(Claim.model_construct(
                id=f"c_{len(out):016x}", document=f"archive/{s:05d}/{i:04d}.md", line=1 + i % 40, column=1,
                end_line=1 + i % 40, end_column=10, text=f"{int(value):,}", sentence="synthetic",
                value=value, low=value, high=None if qualifier == "at_least" else value, qualifier=qualifier,
                unit="count", metric=metric, counted=None, group=group, place=place, scope=scope,
                definition=definition, source=primary if rnd.random() < 0.9 else rnd.choice(SOURCES), source_text=None, as_of=day,
                as_of_basis="published", since=START,
            ))
        s += 1
    return out


def measure(n: int) -> tuple[float, float, int]:
    data = claims(n)
    rules = load_rules()
    run_checks(data[:2000], rules)  # warm the caches (pint registry, lexicon, regexes)
    gc.collect()
    # The high-water mark of the process before and after: what the check stage adds on top of
    # the claims it is given (tracemalloc would slow the stage itself several times over).
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    findings = run_checks(data, rules)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return elapsed, (after - before) / 1024, len(findings)


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [10**4, 10**5, 10**6]
    print(f"{'claims':>10} {'seconds':>9} {'+peak MiB':>9} {'findings':>9} {'µs per n·log2 n':>16}")
    for n in sizes:
        elapsed, peak, found = measure(n)
        print(f"{n:>10,} {elapsed:>9.2f} {peak:>9.1f} {found:>9,} {elapsed / (n * math.log2(n)) * 1e6:>16.3f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
