"""Score figcheck's number and unit layer on NewsQuant, side by side with quantulum3.

    python bench/newsquant.py [--misses | --misses-claims]

Two figcheck rows: its claims (``figcheck extract``) and its quantity layer (``figcheck extract
--quantities``: the claims plus the ages, framing durations, "one of" and changes "from X to Y"
the claim layer sets aside).

Reads ../shared/peers/NewsQuant.json relative to the repository root (the CQE paper's news
test set: 590 sentences, 904 quantities; see ../shared/peers/README.md); when it is absent the
script says so and exits 0. Scoring follows the published evaluation (CQE_Evaluation's
``calculate_metrics``): per sentence, each gold quantity counts for *value* when some
prediction has the same number (a range needs both ends, rtol 1e-5), and for *value + unit*
when that prediction's normalised unit also equals the gold ``normalized_unit``; a prediction
consumed by a value+unit match is not reused. Precision divides by all predictions, recall by
all gold quantities. quantulum3 (``pip install -e '.[bench]'``) runs in the same process on
the same sentences, with gold ranges averaged for it as the published evaluation does.

figcheck's records are named in NewsQuant's vocabulary before scoring (``figcheck_tagger``): pint
units by their English names (pence as NewsQuant's "point"), a counted thing (unit ``count``) by
its noun, lemmatised; a bare count whose metric is ``points`` (an index level) as "point"; a fraction word ("a third", read as 33.3 percent) as a share of one; an age
as "year of age"; a range by its ends in the order written; a vague plural by its order of
magnitude. ``--misses`` (the quantity layer; ``--misses-claims`` the claims) prints, per sentence, each gold value missed, each value read with another unit (and
the unit read), and each extra prediction, after a count of the three.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "peers" / "NewsQuant.json"

Value = float | tuple[float, float]
Prediction = tuple[Value, str]

# figcheck's pint units → NewsQuant's normalised names (British spelling, currency names).
CURRENCY_NAMES = {
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen", "CNY": "chinese yuan",
    "ILS": "shekel", "INR": "indian rupee", "RUB": "russian ruble", "TRY": "turkish lira", "CHF": "swiss franc",
    "AUD": "australian dollar", "CAD": "canadian dollar", "HKD": "hong kong dollar", "MYR": "malaysian ringgit",
    "EGP": "egyptian pound", "SAR": "saudi riyal", "AED": "uae dirham", "JOD": "jordanian dinar",
    "percent": "percentage", "degree_Celsius": "celsius", "degree_Fahrenheit": "fahrenheit",
    "metric_ton": "metric ton", "count": "-", "NZD": "new zealand dollar", "SGD": "singaporean dollar",
    "DKK": "danish krone", "KRW": "south korean won",
    # pint names whose NewsQuant spelling is not the pint name read aloud.
    "foot_pound": "foot pound-force", "pound_foot": "pound-foot", "newton_meter": "newton metre",
    "ppb": "parts-per-billion", "ppm": "part per million", "ksi": "kilopound per square inch",
    "revolutions_per_minute": "revolutions per minute", "milliampere_hour": "milliampere-hour",
    # NewsQuant names pence in share prices ("164p", "down 68 p") "point", every time.
    "penny": "point", "metric_horsepower": "horsepower",
}
SPELLING = {"meter": "metre", "liter": "litre", "kilowatt_hour": "kilowatt hour", "pound": "pound-mass", "ton": "ton"}


def normalise_unit(unit: str) -> str:
    if unit in CURRENCY_NAMES:
        return CURRENCY_NAMES[unit]
    words = []
    for token in unit.replace("**", "^").split():
        if token == "/":
            words.append("per")
        elif token == "^":
            continue
        elif token in {"2", "3"} and words:
            words[-1:] = ["square" if token == "2" else "cubic", words[-1]]
        elif token in CURRENCY_NAMES:
            words.append(CURRENCY_NAMES[token])
        else:
            name = token
            # A prefixed metric ton is a "gigaton" in NewsQuant, not a "gigametric ton".
            name = name.replace("metric_ton", "ton") if name != "metric_ton" else name
            for american, british in SPELLING.items():
                name = name.replace(american, british)
            words.append(name.replace("_", " "))
    return " ".join(words)


STOP = {"of", "in", "the", "a", "an", "and", "or", "more", "some", "all", "its", "their", "his", "her", "our", "my", "your", "those", "these", "this", "that", "most"}
# Sports statistics written as abbreviations, and the G of "5G", by the names NewsQuant gives them.
ABBREVIATIONS = {"g": "generation wireless", "ppg": "point per game", "rpg": "rebound per game", "apg": "assist per game", "war": "win above replacement"}


IRREGULAR = {"children": "child", "men": "man", "women": "woman", "feet": "foot", "teeth": "tooth", "mice": "mouse"}
# NewsQuant lemmatises adjectives too: "one of the best screens" is "good screen", "hottest" "hot".
SUPERLATIVE = {"best": "good", "worst": "bad", "largest": "large", "latest": "late", "finest": "fine", "closest": "close"}
NOT_SUPERLATIVE = {"interest", "forest", "honest", "modest", "harvest", "protest", "contest", "request", "conquest", "earnest",
                   "arrest", "digest", "manifest", "suggest", "invest", "west", "test", "rest", "nest", "pest", "chest",
                   "guest", "quest", "vest", "zest", "crest", "midwest", "southwest", "northwest"}


def positive(word: str) -> str:
    """The positive degree of a superlative adjective ("hottest" → "hot", "earliest" → "early")."""
    if word in SUPERLATIVE:
        return SUPERLATIVE[word]
    if not word.endswith("est") or len(word) < 6 or word in NOT_SUPERLATIVE:
        return word
    stem = word[:-3]
    if stem.endswith("i"):
        return stem[:-1] + "y"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "sl":
        return stem[:-1]
    return stem


def singular(word: str) -> str:
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word.endswith("men") and len(word) > 5:
        return word[:-3] + "man"  # fishermen
    if word in {"people", "series", "news", "species"} or len(word) <= 3:
        return word
    if word.endswith("uses") and len(word) > 5:
        return word[:-2]  # viruses, bonuses
    for plural, single in (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("sses", "ss"), ("s", "")):
        if word.endswith(plural) and not word.endswith(("ss", "us", "is")):
            return word[: -len(plural)] + single
    return word


def counted_noun(counted: str) -> str:
    """NewsQuant names a counted thing by its noun phrase, lower-case, lemmatised, without function words.

    A multiplier or a frequency ("3,200 times", "four times the number") is NewsQuant's ``count``.
    """
    if counted.casefold().split()[0] in {"times", "time", "fold"}:
        return "count"
    if counted.casefold() in ABBREVIATIONS:
        return ABBREVIATIONS[counted.casefold()]
    # Hyphenated compounds stay whole, as NewsQuant writes them ("first-team player").
    # A possessive keeps its noun ("Johnson's deputies" → "johnson deputy").
    words = [POSSESSIVE.sub("", w.strip(",.;:'\"()")) for w in counted.casefold().split()]
    words = [w for w in words if w not in STOP and w.replace("-", "").isalpha()]
    words = [singular(positive(w)) for w in words]
    return " ".join(words) or "-"


AGE = re.compile(r"[\s-]*old\b")
POSSESSIVE = re.compile(r"['’]s$")
DIGIT = re.compile(r"[0-9]")
PERCENT_WORD = re.compile(r"%|per\s*cent|\bpc\b", re.I)


DOZEN = re.compile(r"dozen", re.I)


def vague_range(low: float, text: str) -> tuple[float, float]:
    """NewsQuant writes a vague plural as the order of magnitude it names: "hundreds" 100-1000,
    "tens of thousands" 10,000-100,000, "dozens" 12-120. figcheck's interval for checks starts
    higher ("hundreds" [200, 999], DESIGN.md); the order of magnitude is read from its low end."""
    if DOZEN.search(text):
        return (12.0, 120.0)
    base = 10.0 ** math.floor(math.log10(low)) if low > 0 else 1.0
    return (base, base * 10)


def figcheck_tagger(quantities: bool = False) -> Callable[[str], list[Prediction]]:
    """figcheck's claims (``extract_document``), or with ``quantities`` every quantity it reads."""
    from figcheck.load import load_text
    from figcheck.pipeline import extract_document

    def tag(text: str) -> list[Prediction]:
        doc = load_text("sentence.txt", text + "\n")
        doc.published, doc.language = dt.date(2020, 1, 1), "en"
        out: list[Prediction] = []
        for c in extract_document(doc, quantities=quantities).claims:
            value: Value = c.value
            if c.qualifier == "range" and c.low is not None and c.high is not None:
                # Ends in the order written: a change "from 208 to 193" starts at its value.
                value = (c.value, c.high if c.value == c.low else c.low)
            elif c.qualifier == "vague" and c.low is not None:
                value = vague_range(c.low, c.text)
            unit = normalise_unit(c.unit)
            if c.unit == "count" and c.text.casefold().endswith("fold"):
                unit = "count"  # a multiplier ("sixfold") is NewsQuant's count, as "N times" is
            elif c.unit == "count" and c.counted:
                unit = counted_noun(c.counted)
            elif c.unit == "count" and c.metric == "points" and not c.qualifier == "range":
                unit = "point"  # a bare level figcheck reads as points ("the TA-125 rose 0.1% to 1,333.18")
            elif c.unit == "percent" and not DIGIT.search(c.text) and not PERCENT_WORD.search(c.text):
                # NewsQuant writes a fraction word as a share of one ("a third" → 0.333…, unit "% <noun>");
                # figcheck as a percentage rounded to a tenth (33.3).
                value = float(Fraction(c.value / 100).limit_denominator(16))
                unit = "% " + (counted_noun(c.counted) if c.counted else "-")
            elif c.unit in {"year", "month", "week", "day"} and (c.metric == "age" or AGE.match(text, c.end_column - 1)):
                unit = f"{c.unit} of age"  # NewsQuant's name for a duration that is an age ("a 2,900 year-old site")
            out.append((value, unit))
        return out

    return tag


QUANTULUM_UNITS = {
    "dimensionless": "-", "unk": "-", "per cent": "percentage", "dollar dollar": "dollar",
    "united states dollar": "dollar", "tonne": "metric ton", "degree angle": "degree",
    "degree celsius": "celsius", "degree fahrenheit": "fahrenheit", "percentage drop": "percentage",
    "second of arc": "second", "minute of arc": "minute", "yard yard": "yard", "cubic centimetre": "millilitre",
}


def quantulum_tagger() -> Callable[[str], list[Prediction]] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None

    def tag(text: str) -> list[Prediction]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parser.parse(text)
        return [(float(q.value), QUANTULUM_UNITS.get(q.unit.name.lower(), q.unit.name).strip()) for q in found]

    return tag


def gold_value(raw: str, average_ranges: bool) -> Value:
    raw = raw.strip()
    if "E" not in raw and not raw.startswith("-") and "-" in raw:
        a, b = (float(x) for x in raw.split("-", 1))
        return (a + b) / 2 if average_ranges else (a, b)
    return float(raw)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def values_match(gold: Value, model: Value) -> bool:
    if isinstance(gold, tuple) and isinstance(model, tuple):
        return _close(gold[0], model[0]) and _close(gold[1], model[1])
    if isinstance(gold, tuple) or isinstance(model, tuple):
        return False
    return _close(gold, model)


def score(data: list[dict], tag: Callable[[str], list[Prediction]], average_ranges: bool, misses: list[str] | None = None) -> dict[str, tuple[float, float, float]]:
    """The published ``calculate_metrics``; with ``misses``, also each sentence's errors.

    A gold quantity is listed as ``unit`` when a prediction has its value but another unit,
    ``missed`` when none has its value; a prediction whose value no gold quantity has is ``extra``.
    """
    total_gold = total_pred = value_ok = unit_ok = 0
    for entry in data:
        preds = sorted(tag(entry["text"]), key=lambda p: p[1])
        gold = sorted(entry["quantities"], key=lambda q: q["normalized_unit"])
        total_gold += len(gold)
        total_pred += len(preds)
        left = len(gold)
        lines: list[str] = []
        for q in gold:
            gv, gu = gold_value(q["value"], average_ranges), q["normalized_unit"].lower()
            units: list[str] = []
            matched = False
            for p in preds:
                if not values_match(gv, p[0]):
                    continue
                units.append(p[1])
                if left > 0:
                    value_ok += 1
                    left -= 1
                if p[1] == gu:
                    unit_ok += 1
                    preds.remove(p)
                    matched = True
                    break
            if not matched:
                lines.append(f"  unit   {q['value']} {gu!r} <- {sorted(set(units))}" if units else f"  missed {q['value']} {gu!r}")
        extra = [p for p in preds if not any(values_match(gold_value(q["value"], average_ranges), p[0]) for q in gold)]
        lines += [f"  extra  {_show(p[0])} {p[1]!r}" for p in extra]
        if misses is not None and lines:
            misses.append(entry["text"] + "\n" + "\n".join(lines))
    return {"value": _prf(value_ok, total_gold, total_pred), "value+unit": _prf(unit_ok, total_gold, total_pred)}


def _show(v: Value) -> str:
    return f"{v[0]:g}-{v[1]:g}" if isinstance(v, tuple) else f"{v:g}"


def _prf(tp: int, gold: int, pred: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(100 * p, 1), round(100 * r, 1), round(100 * f, 1)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not DATA.exists():
        print(f"NewsQuant not found at {DATA}; nothing to score.", file=sys.stderr)
        return 0
    data = json.loads(DATA.read_text(encoding="utf-8"))
    n = sum(len(e["quantities"]) for e in data)
    print(f"NewsQuant: {len(data)} sentences, {n} quantities ({DATA})")
    rows: list[tuple[str, dict[str, tuple[float, float, float]], float]] = []
    misses: list[str] | None = [] if "--misses" in argv or "--misses-claims" in argv else None
    listed = "figcheck claims" if "--misses-claims" in argv else "figcheck quantities"
    systems: list[tuple[str, Callable[[str], list[Prediction]] | None, bool]] = [
        ("figcheck claims", figcheck_tagger(), False),
        ("figcheck quantities", figcheck_tagger(quantities=True), False),
        ("quantulum3", quantulum_tagger(), True),
    ]
    for name, tag, average in systems:
        if tag is None:
            print(f"{name}: not installed (pip install -e '.[bench]'); skipped", file=sys.stderr)
            continue
        started = time.perf_counter()
        result = score(data, tag, average, misses if name == listed else None)
        rows.append((name, result, time.perf_counter() - started))
    print()
    print("| system | value P / R / F1 | value + unit P / R / F1 | seconds |")
    print("|---|---|---|---|")
    for name, result, seconds in rows:
        v, u = result["value"], result["value+unit"]
        print(f"| {name} (this run) | {v[0]} / {v[1]} / {v[2]} | {u[0]} / {u[1]} / {u[2]} | {seconds:.1f} |")
    print("| CQE (published) | 92.0 / 91.9 / 92.0 | 85.6 / 85.5 / 85.6 | |")
    print("| quantulum3 (published) | 65.0 / 83.3 / 73.0 | 42.1 / 53.9 / 47.2 | |")
    if misses:
        kinds = Counter(line.split()[0] for block in misses for line in block.splitlines()[1:])
        print(f"\n{listed} errors: {kinds['missed']} missed, {kinds['unit']} value with another unit, {kinds['extra']} extra\n")
        print("\n\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
