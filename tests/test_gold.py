"""Score extraction against the hand-annotated gold set under tests/gold/, per language.

A predicted claim and a gold claim are aligned when their spans overlap in the case's text
(gold spans are found in order of appearance, as validate_gold.py requires). Two scores:

- value+qualifier: an aligned pair counts when the value (and a range's high end) and the
  qualifier agree;
- metric+group+as_of: an aligned pair counts when metric, group and as-of date all agree.

Precision divides by all predicted claims, recall by all gold claims. Run this file directly
(``python tests/test_gold.py``) to print the table and the misses.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from figcheck.load import load_text
from figcheck.model import Claim
from figcheck.pipeline import extract_document

GOLD = Path(__file__).parent / "gold"

# Thresholds of issue 3, and the floors reached so far where a language is still below them
# (every language meets the value+qualifier target; Hebrew and Arabic meet metric+group+as_of,
# and keep their floor at what they reach).
# A floor is what the extractor measurably does today: the test fails if it gets worse.
TARGET = {"value+qualifier": 0.95, "metric+group+as_of": 0.90}
FLOORS: dict[tuple[str, str], float] = {
    ("en", "metric+group+as_of"): 0.93,
    ("he", "metric+group+as_of"): 0.94,
    ("ar", "metric+group+as_of"): 0.92,
}


def load_cases() -> list[dict]:
    cases = []
    for path in sorted(GOLD.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        cases.extend(c for c in data if isinstance(c, dict) and c.get("text"))
    return cases


def predict(case: dict) -> list[Claim]:
    doc = load_text(f"{case['id']}.txt", case["text"] + "\n")
    doc.published, doc.published_basis = case.get("published"), "header"
    return extract_document(doc).claims


def _spans(text: str, claims: list[dict]) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for c in claims:
        written = str(c.get("text"))
        at = text.find(written, pos)
        if at < 0:
            at = text.find(written)
        spans.append((at, at + len(written)) if at >= 0 else (-1, -1))
        if at >= 0:
            pos = at + 1
    return spans


def _offset(claim: Claim, text: str) -> tuple[int, int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts[claim.line - 1] + claim.column - 1, starts[claim.end_line - 1] + claim.end_column - 1


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _as_date(v: object) -> dt.date | None:
    if isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(v) if isinstance(v, str) else None


@dataclass
class Tally:
    predicted: int = 0
    gold: int = 0
    hits: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[str] = field(default_factory=list)

    def scores(self, what: str) -> tuple[float, float]:
        tp = self.hits[what]
        return (tp / self.predicted if self.predicted else 1.0, tp / self.gold if self.gold else 1.0)


def score(cases: list[dict]) -> dict[str, Tally]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    for case in cases:
        tally = tallies[case["language"]]
        text = case["text"]
        gold = case.get("claims") or []
        predicted = predict(case)
        tally.predicted += len(predicted)
        tally.gold += len(gold)
        spans = [_offset(p, text + "\n") for p in predicted]
        used: set[int] = set()
        for g, (gs, ge) in zip(gold, _spans(text, gold), strict=True):
            overlapping = [i for i, (ps, pe) in enumerate(spans) if i not in used and ps < ge and gs < pe]
            if not overlapping:
                tally.misses.append(f"{case['id']}: missed {g['text']!r}")
                continue
            # Prefer the overlapping prediction with the gold value, then the first one.
            i = next((i for i in overlapping if _close(predicted[i].value, g["value"])), overlapping[0])
            used.add(i)
            p = predicted[i]
            high_ok = g.get("qualifier") != "range" or _close(p.high, g.get("high"))
            if _close(p.value, g["value"]) and p.qualifier == g["qualifier"] and high_ok:
                tally.hits["value+qualifier"] += 1
            else:
                tally.misses.append(f"{case['id']}: {g['text']!r} read {p.value:g} {p.qualifier}, gold {g['value']} {g['qualifier']}")
            want = (g.get("metric"), g.get("group"), _as_date(g.get("as_of")))
            got = (p.metric, p.group, p.as_of)
            if got == want:
                tally.hits["metric+group+as_of"] += 1
            else:
                tally.misses.append(f"{case['id']}: {g['text']!r} keyed {got}, gold {want}")
        for i, p in enumerate(predicted):
            if i not in used:
                tally.misses.append(f"{case['id']}: spurious {p.text!r}")
    return tallies


CASES = load_cases()
LANGUAGES = sorted({c["language"] for c in CASES})


@pytest.fixture(scope="module")
def tallies() -> dict[str, Tally]:
    return score(CASES)


@pytest.mark.parametrize("what", sorted(TARGET))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_gold_precision_and_recall(tallies, lang, what):
    precision, recall = tallies[lang].scores(what)
    floor = FLOORS.get((lang, what), TARGET[what])
    assert precision >= floor and recall >= floor, (
        f"{lang} {what}: precision {precision:.3f}, recall {recall:.3f} below {floor}\n"
        + "\n".join(tallies[lang].misses[:40])
    )


def test_gold_set_covers_every_language_it_claims():
    assert len(CASES) >= 1 and set(LANGUAGES) <= {"en", "he", "ar"}


if __name__ == "__main__":
    result = score(CASES)
    print(f"{'lang':<5}{'cases':>6}{'gold':>6}{'pred':>6}  {'value+qualifier P/R':>22}  {'metric+group+as_of P/R':>24}")
    for lang in sorted(result):
        t = result[lang]
        n = sum(1 for c in CASES if c["language"] == lang)
        vq, key = t.scores("value+qualifier"), t.scores("metric+group+as_of")
        print(f"{lang:<5}{n:>6}{t.gold:>6}{t.predicted:>6}  {vq[0]:>10.3f} / {vq[1]:<9.3f}  {key[0]:>11.3f} / {key[1]:<9.3f}")
    if "-v" in sys.argv:
        for lang in sorted(result):
            print("\n".join(result[lang].misses))
