"""Throughput at archive scale: documents/s, MB/s and peak memory of `extract` and `audit`, and
figcheck against quantulum3 on the same text in the same run.

    python bench/throughput.py [--sizes 1000,10000,100000] [--jobs 0] [--workdir /tmp/figcheck-bench]
                               [--quantulum-seconds 30] [--no-quantulum] [--commands extract,audit]
                               [--json results.json]

For each size it writes a corpus generated deterministically (seeded; English, Hebrew and Arabic
wire stories of 1-5 KB; dated casualty series, budgets, elections, sport, events, day counts;
three planted swapped-digit tolls at any size), then times the real CLI as a subprocess:
`figcheck extract DIR --format jsonl` and `figcheck audit DIR --format markdown`, both to
/dev/null. Peak memory is the largest sum of resident set sizes of the process and its workers,
polled every 50 ms from /proc (forked workers share pages with the parent, so this overstates).

quantulum3 (`pip install -e '.[bench]'`) is fed one sentence at a time, its fastest mode, on
whole documents of the smallest corpus until --quantulum-seconds of CPU run out; figcheck
extracts each same document right after, in the same process on one core; the ratio of
characters per CPU second is reported.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

START = dt.date(2023, 10, 7)
FIRST_DAY = dt.date(2024, 1, 1)
DAYS = 700
SOURCES_EN = ["Gaza's Ministry of Health", "the Gaza Health Ministry", "the health ministry in Gaza"]
PLACES = ["Deir al-Balah", "Khan Younis", "Rafah", "Jabalia", "Nuseirat", "Beit Lahia"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FILLER_EN = [
    "The talks were expected to resume later in the week, officials said.",
    "Residents described long queues at the few bakeries still open.",
    "The statement did not say when the crossing would reopen.",
    "Aid agencies warned that fuel shortages were forcing hospitals to ration power.",
    "Mediators from Egypt and Qatar met both delegations in Cairo.",
    "Witnesses said the strike came without warning shortly before dawn.",
    "The army said it was reviewing the incident.",
    "Schools sheltering displaced families were again overcrowded.",
    "A spokesman declined to comment on the reports.",
    "Prices of flour and cooking gas rose sharply in the markets of the south.",
]
FILLER_HE = [
    "השיחות צפויות להתחדש בהמשך השבוע, כך מסרו גורמים רשמיים.",
    "תושבים תיארו תורים ארוכים במאפיות המעטות שעדיין פתוחות.",
    "ההודעה לא ציינה מתי ייפתח המעבר מחדש.",
    "ארגוני הסיוע הזהירו כי המחסור בדלק מאלץ את בתי החולים לקצוב חשמל.",
    "הצבא מסר כי הוא בוחן את האירוע.",
]
FILLER_AR = [
    "ومن المتوقع أن تستأنف المحادثات في وقت لاحق من الأسبوع، بحسب مسؤولين.",
    "ووصف السكان طوابير طويلة أمام المخابز القليلة التي لا تزال تعمل.",
    "ولم يذكر البيان موعد إعادة فتح المعبر.",
    "وحذرت وكالات الإغاثة من أن نقص الوقود يجبر المستشفيات على تقنين الكهرباء.",
    "وقال الجيش إنه يراجع الحادث.",
]


def toll(day: int) -> int:
    """The cumulative series every document of a day repeats: it only ever rises."""
    return 22_000 + 35 * day + (day * day) // 400


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


PLANT_NEAR = (501, 5_000, 50_000)


def _day(i: int) -> int:
    return random.Random(i * 7919 + 17).randrange(DAYS)


def _planted() -> frozenset[int]:
    """A few documents, at any corpus size, whose toll has its last two digits swapped upwards by
    more than a day's rise (41,427 → 41,472): it then exceeds the next days' tolls, a decrease the
    checks must find. The first English document at or after each of PLANT_NEAR that allows it."""
    chosen = set()
    for i in PLANT_NEAR:
        while not (i % 7 not in (3, 5) and _swap(toll(_day(i))) - toll(_day(i)) > 2 * (toll(_day(i) + 1) - toll(_day(i)))):
            i += 1
        chosen.add(i)
    return frozenset(chosen)


def _swap(n: int) -> int:
    digits = list(f"{n}")
    digits[-1], digits[-2] = digits[-2], digits[-1]
    return int("".join(digits))


PLANTED = _planted()


def article(i: int) -> tuple[str, str]:
    """(language, text) of document ``i``; the same i always gives the same text.

    Facts come from the day (``fact``), so every report of a day agrees and every series only
    rises; only wording, language, source alias and filler vary per document (``rng``).
    """
    rng = random.Random(i * 7919 + 17)
    day = rng.randrange(DAYS)
    fact = random.Random(day)
    date = FIRST_DAY + dt.timedelta(days=day)
    n = _swap(toll(day)) if i in PLANTED else toll(day)
    increment = toll(day) - toll(day - 1)
    lang = "he" if i % 7 == 3 else "ar" if i % 7 == 5 else "en"
    if lang == "he":
        paras = [f"משרד הבריאות בעזה מסר כי לפחות {n:,} פלסטינים נהרגו מאז 7 באוקטובר 2023."]
        paras += [" ".join(rng.sample(FILLER_HE, 2)) for _ in range(rng.randint(4, 12))]
        paras.insert(rng.randint(1, len(paras)), f"לפי הדיווח, {increment} בני אדם נהרגו ביממה האחרונה.")
    elif lang == "ar":
        paras = [f"قالت وزارة الصحة في غزة إن ما لا يقل عن {n:,} فلسطينيا قتلوا منذ 7 أكتوبر 2023."]
        paras += [" ".join(rng.sample(FILLER_AR, 2)) for _ in range(rng.randint(4, 12))]
        paras.insert(rng.randint(1, len(paras)), f"وأضافت الوزارة أن {increment} شخصا قتلوا خلال الـ24 ساعة الماضية.")
    else:
        source = rng.choice(SOURCES_EN)
        place = PLACES[fact.randrange(len(PLACES))]
        paras = [
            f"{source} said at least {n:,} Palestinians have been killed in Gaza since October 7, 2023.",
            f"Another {toll(day) * 2 + 311:,} have been wounded, the ministry said.",
            f"{['Four', 'Six', 'Nine', 'Eleven'][fact.randrange(4)]} people were killed in a strike on a house in {place} "
            f"on {WEEKDAYS[(date.weekday() - 1) % 7]}, witnesses said.",
        ]
        extras = [
            f"It was the {_ordinal((date - START).days + 1)} day of the war.",
            f"The government approved a budget of ${31 + date.year - 2024:.0f} billion, up {fact.randint(2, 14)}% on last year.",
            f"Turnout was {fact.randint(450, 780) / 10:.1f}% with {fact.randint(100_000, 2_000_000):,} votes counted in {fact.randint(12, 60)} districts.",
            f"Unemployment rose to {30 + day // 30} percent, according to the labour ministry.",
            f"More than {1 + day // 100} million people have been displaced, the United Nations said.",
            f"Hapoel won {fact.randint(0, 5)}-{fact.randint(0, 5)} in front of {fact.randint(5_000, 40_000):,} fans.",
            f"Between {fact.randint(20, 40)} and {fact.randint(50, 90)} trucks entered through the Kerem Shalom crossing.",
        ]
        paras += rng.sample(extras, rng.randint(1, 4))
        paras += [" ".join(rng.sample(FILLER_EN, rng.randint(1, 3))) for _ in range(rng.randint(3, 14))]
        rng.shuffle(paras[2:])
    title = {"en": f"Gaza toll passes {n:,}", "he": "מספר ההרוגים בעזה עולה", "ar": "ارتفاع حصيلة الضحايا في غزة"}[lang]
    return lang, f"date {date.isoformat()} {title}\n\n" + "\n\n".join(paras) + "\n"


def write_corpus(root: Path, size: int) -> tuple[Path, int]:
    folder = root / f"corpus-v2-{size}"
    done = folder / ".complete"
    if done.exists():
        return folder, int(done.read_text())
    total = 0
    for i in range(size):
        _, text = article(i)
        path = folder / f"{i // 1000:03d}" / f"{i:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    done.write_text(str(total))
    return folder, total


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants, from /proc."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def run_measured(args: list[str]) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds, peak tree RSS in bytes, exit code) of a command, output discarded.

    CPU seconds (user + system, the process and its workers) do not depend on what else the
    machine is doing; wall seconds do.
    """
    peak = 0
    cpu_before = os.times()
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stop = threading.Event()

    def poll() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            stop.wait(0.05)

    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - started
    stop.set()
    watcher.join()
    cpu_after = os.times()
    cpu = (cpu_after.children_user - cpu_before.children_user) + (cpu_after.children_system - cpu_before.children_system)
    if proc.returncode not in (0, 1):
        sys.stderr.write(err.decode(errors="replace")[-2000:])
    return elapsed, cpu, peak, proc.returncode


def versus_quantulum(folder: Path, budget: float) -> dict[str, float] | None:
    """figcheck and quantulum3 on the same whole documents, one core each, characters per second."""
    try:
        from quantulum3 import parser as q3
    except ImportError:
        return None
    from figcheck.extract.sentences import paragraphs, sentences
    from figcheck.load import load_file
    from figcheck.pipeline import extract_document

    files = sorted(folder.rglob("*.txt"))
    q3.parse("warm up with 3 apples")  # its first call loads models; not part of the rate
    for lang_sample in files[:3]:
        extract_document(load_file(str(lang_sample)))  # compile figcheck's patterns for each language
    used: list[Path] = []
    chars = 0
    q_time = f_time = 0.0
    # Alternating per document and counting CPU time (process_time), so that other work on the
    # machine weighs on neither side more than the other.
    for path in files:
        text = load_file(str(path)).text
        parts = [text[s.start : s.end] for p in paragraphs(text) for s in sentences(text, p)]
        started = time.process_time()
        for sentence in parts:
            q3.parse(sentence)
        q_time += time.process_time() - started
        started = time.process_time()
        extract_document(load_file(str(path)))
        f_time += time.process_time() - started
        used.append(path)
        chars += len(text)
        if q_time > budget:
            break
    return {
        "documents": len(used), "characters": chars,
        "quantulum3_chars_per_s": chars / q_time, "figcheck_chars_per_s": chars / f_time,
        "ratio": q_time / f_time,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--jobs", type=int, default=0, help="passed to figcheck --jobs (0: all cores)")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/figcheck-bench"))
    ap.add_argument("--quantulum-seconds", type=float, default=30.0)
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--commands", default="extract,audit", help="which figcheck commands to time")
    ap.add_argument("--no-quantulum", action="store_true", help="skip the side-by-side with quantulum3")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    args.workdir.mkdir(parents=True, exist_ok=True)
    cli = [sys.executable, "-m", "figcheck.cli"]
    rows: list[dict[str, object]] = []
    results: dict[str, object] = {"runs": rows, "versus_quantulum3": None}
    write_corpus(args.workdir, min(sizes))
    versus = None if args.no_quantulum else versus_quantulum(args.workdir / f"corpus-v2-{min(sizes)}", args.quantulum_seconds)
    results["versus_quantulum3"] = versus
    if args.no_quantulum:
        pass
    elif versus is None:
        print("quantulum3 is not installed (pip install -e '.[bench]'): no side-by-side figure.")
    else:
        print(f"Same {versus['documents']} documents ({versus['characters']:,} characters), one core each, one sentence "
              f"at a time for quantulum3: figcheck {versus['figcheck_chars_per_s']:,.0f} chars/s, quantulum3 "
              f"{versus['quantulum3_chars_per_s']:,.0f} chars/s: figcheck is {versus['ratio']:.1f}x faster.\n")
    print(f"cores: {os.cpu_count()}, --jobs {args.jobs}", flush=True)
    print("| documents | MB | command | wall s | CPU s | documents/s | MB/s | MB per CPU s | peak RSS (MB) |\n"
          "|---:|---:|---|---:|---:|---:|---:|---:|---:|", flush=True)
    for size in sizes:
        folder, total = write_corpus(args.workdir, size)
        for command in [c for c in args.commands.split(",") if c]:
            fmt = "jsonl" if command == "extract" else "markdown"
            seconds, cpu, peak, code = run_measured([*cli, command, str(folder), "--format", fmt, "--jobs", str(args.jobs)])
            rows.append({"documents": size, "bytes": total, "command": command, "seconds": seconds, "cpu_seconds": cpu,
                         "peak_rss": peak, "exit": code})
            print(f"| {size:,} | {total / 1e6:.1f} | {command} | {seconds:.1f} | {cpu:.1f} | {size / seconds:,.0f} | "
                  f"{total / 1e6 / seconds:.2f} | {total / 1e6 / cpu:.2f} | {peak / 1e6:,.0f} |", flush=True)
            if args.json:  # after every run, so a long run interrupted still leaves its numbers
                args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
