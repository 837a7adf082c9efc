"""Validate the hand-annotated gold set of news sentences under tests/gold/.

Run as ``python tests/gold/validate_gold.py``. Prints case and claim counts per language and
domain, lists every problem found, and exits 1 if there is any (0 otherwise).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

GOLD_DIR = Path(__file__).resolve().parent

LANGUAGES = {"en", "he", "ar"}
MIN_TOTAL = 400
MIN_PER_LANGUAGE = {"he": 60, "ar": 40}

QUALIFIERS = {
    "exact", "at_least", "more_than", "at_most", "less_than", "approx", "nearly", "range", "vague",
}
SCOPES = {"cumulative", "event", "period", "increment", "day_count", None}
METRICS = {
    "deaths", "injuries", "missing", "displaced", "detentions", "releases", "hostages", "arrests",
    "evacuations", "buildings_destroyed", "day_count", "cases", "hospitalizations",
    "vaccinations", "votes", "seats", "turnout", "population", "unemployment", "inflation",
    "growth", "budget", "aid", "cost", "revenue", "profit", "price", "wages", "debt", "exports",
    "imports", "temperature", "rainfall", "magnitude", "goals", "points", "attendance",
    "distance", "speed", "duration", "emissions", None,
}
GROUPS = {
    "palestinians", "israelis", "lebanese", "syrians", "ukrainians", "russians",
    "health_workers", "journalists", "aid_workers", "children", "women", "civilians",
    "soldiers", "militants", "police", "migrants", "refugees", "people", "hospitals", "homes",
    "schools", "buildings", None,
}
CLAIM_KEYS = {
    "text", "value", "qualifier", "unit", "metric", "group", "scope", "source", "as_of",
}
CASE_KEYS = {"id", "language", "published", "text", "claims", "not_claims"}
VAGUE_VALUES = {2, 3, 10, 12, 20, 24, 100, 200, 1000, 2000, 20000, 200000, 2000000, 20000000}

SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")
ID_RE = re.compile(r"^(en|he|ar)-([a-z]+)-(\d{3})$")
ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
SCALE_WORDS = re.compile(
    r"([a-z]*illion|thousand|\d\s*bn\b|\d\s*[kKmMbB]\b|מיליון|מיליארד|אלף|אלפי|"
    r"مليون|مليار|تريليون|ألف|آلاف|half|third|quarter)",
    re.IGNORECASE,
)
NUMBER_TOKEN = re.compile(r"(?:(?:^|(?<=[\s(]))[-−])?\d+(?:[,٬\u202f ]\d{3})*(?:[.٫]\d+)?")


def vocab_extras() -> tuple[set[str], set[str], set[str]]:
    """Metric, group and source ids declared in VOCAB.md (lines like ``- `id` ...``)."""
    path = GOLD_DIR / "VOCAB.md"
    metrics: set[str] = set()
    groups: set[str] = set()
    sources: set[str] = set()
    if not path.exists():
        return metrics, groups, sources
    section = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            title = line[3:].strip().lower()
            section = (
                "metrics" if "metric" in title
                else "groups" if "group" in title
                else "sources" if "source" in title
                else None
            )
            continue
        m = re.match(r"^\s*[-*|]\s*`([a-z0-9_]+)`", line)
        if m and section:
            {"metrics": metrics, "groups": groups, "sources": sources}[section].add(m.group(1))
    return metrics, groups, sources


def numbers_in(text: str) -> list[float]:
    """Digit-written numbers in a claim text, separators removed (Arabic-Indic digits too)."""
    out = []
    for tok in NUMBER_TOKEN.findall(text.translate(str.maketrans("", "", "\u200f\u200e")).translate(ARABIC_INDIC)):
        tok = tok.replace("٫", ".").replace("−", "-")
        tok = re.sub(r"[,٬\u202f ]", "", tok)
        out.append(float(tok))
    if out and re.search(r"\bminus\b|under par|מינוס|سالب|تحت الصفر", text):
        out[0] = -out[0]
    return out


def check_case(case: dict, where: str, problems: list[str], sources_declared: set[str],
               metrics: set, groups: set) -> None:
    missing = CASE_KEYS - set(case)
    extra = set(case) - CASE_KEYS
    if missing:
        problems.append(f"{where}: missing keys {sorted(missing)}")
    if extra:
        problems.append(f"{where}: unknown keys {sorted(extra)}")
    text = case.get("text")
    if not isinstance(text, str) or not text.strip():
        problems.append(f"{where}: empty text")
        return
    if case.get("language") not in LANGUAGES:
        problems.append(f"{where}: bad language {case.get('language')!r}")
    if not isinstance(case.get("published"), dt.date):
        problems.append(f"{where}: published must be a YYYY-MM-DD date")
    claims = case.get("claims") or []
    not_claims = case.get("not_claims") or []
    if not isinstance(claims, list) or not isinstance(not_claims, list):
        problems.append(f"{where}: claims and not_claims must be lists")
        return
    pos = 0
    for i, claim in enumerate(claims):
        cw = f"{where} claim {i + 1}"
        if not isinstance(claim, dict):
            problems.append(f"{cw}: not a mapping")
            continue
        keys = set(claim)
        if CLAIM_KEYS - keys:
            problems.append(f"{cw}: missing keys {sorted(CLAIM_KEYS - keys)}")
        if keys - CLAIM_KEYS - {"high"}:
            problems.append(f"{cw}: unknown keys {sorted(keys - CLAIM_KEYS - {'high'})}")
        ctext = str(claim.get("text"))
        found = text.find(ctext, pos)
        if found < 0:
            if ctext in text:
                problems.append(f"{cw}: {ctext!r} out of order of appearance")
            else:
                problems.append(f"{cw}: {ctext!r} is not a substring of the text")
        else:
            pos = found + 1
        q = claim.get("qualifier")
        if q not in QUALIFIERS:
            problems.append(f"{cw}: bad qualifier {q!r}")
        value = claim.get("value")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problems.append(f"{cw}: value must be a number, got {value!r}")
            continue
        if q == "range":
            high = claim.get("high")
            if not isinstance(high, (int, float)) or high <= value:
                problems.append(f"{cw}: range needs high > value, got {high!r}")
        elif "high" in claim:
            problems.append(f"{cw}: 'high' only for ranges")
        if q == "vague" and value not in VAGUE_VALUES:
            problems.append(f"{cw}: unusual value {value} for a vague quantity")
        unit = claim.get("unit")
        if not isinstance(unit, str) or not unit:
            problems.append(f"{cw}: unit must be a non-empty string")
        if claim.get("metric") not in metrics:
            problems.append(f"{cw}: unknown metric {claim.get('metric')!r}")
        if claim.get("group") not in groups:
            problems.append(f"{cw}: unknown group {claim.get('group')!r}")
        if claim.get("scope") not in SCOPES:
            problems.append(f"{cw}: bad scope {claim.get('scope')!r}")
        if claim.get("scope") == "day_count" and claim.get("metric") != "day_count":
            problems.append(f"{cw}: day_count scope with metric {claim.get('metric')!r}")
        src = claim.get("source")
        if src is not None:
            if not isinstance(src, str) or not SNAKE.match(src):
                problems.append(f"{cw}: source {src!r} is not snake_case")
            elif src not in sources_declared:
                problems.append(f"{cw}: source {src!r} not listed in VOCAB.md")
        if not isinstance(claim.get("as_of"), dt.date):
            problems.append(f"{cw}: as_of must be a YYYY-MM-DD date")
        # Digits written in the claim must match value (and high) unless a scale word applies.
        nums = numbers_in(ctext)
        if nums and not SCALE_WORDS.search(ctext):
            expected = [value] + ([claim["high"]] if q == "range" and "high" in claim else [])
            if len(nums) == len(expected) and any(
                abs(a - b) > 1e-9 for a, b in zip(nums, expected)
            ):
                problems.append(f"{cw}: digits {nums} in {ctext!r} do not match {expected}")
    for nc in not_claims:
        if str(nc) not in text:
            problems.append(f"{where}: not_claim {nc!r} is not a substring of the text")


def main() -> int:
    problems: list[str] = []
    extra_metrics, extra_groups, sources = vocab_extras()
    metrics = METRICS | extra_metrics
    groups = GROUPS | extra_groups
    if not sources:
        problems.append("VOCAB.md: no source ids found")
    seen: dict[str, str] = {}
    cases_by = Counter()
    claims_by = Counter()
    files = sorted(GOLD_DIR.glob("*.yaml"))
    if not files:
        problems.append("no *.yaml files in tests/gold/")
    for path in files:
        stem = path.stem
        m = re.match(r"^(en|he|ar)_([a-z]+)$", stem)
        if not m:
            problems.append(f"{path.name}: file name must be <lang>_<domain>.yaml")
            continue
        lang, domain = m.groups()
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            problems.append(f"{path.name}: YAML error: {exc}")
            continue
        if not isinstance(data, list):
            problems.append(f"{path.name}: top level must be a list of cases")
            continue
        for n, case in enumerate(data):
            if not isinstance(case, dict):
                problems.append(f"{path.name}[{n}]: case is not a mapping")
                continue
            cid = str(case.get("id"))
            where = f"{path.name}:{cid}"
            idm = ID_RE.match(cid)
            if not idm or idm.group(1) != lang or idm.group(2) != domain:
                problems.append(f"{where}: id must look like {lang}-{domain}-NNN")
            if cid in seen:
                problems.append(f"{where}: duplicate id (also in {seen[cid]})")
            seen[cid] = path.name
            if case.get("language") != lang:
                problems.append(f"{where}: language {case.get('language')!r} != file's {lang}")
            check_case(case, where, problems, sources, metrics, groups)
            cases_by[(lang, domain)] += 1
            claims_by[(lang, domain)] += len(case.get("claims") or [])

    print(f"{'language':<9}{'domain':<12}{'cases':>6}{'claims':>8}")
    for key in sorted(cases_by):
        print(f"{key[0]:<9}{key[1]:<12}{cases_by[key]:>6}{claims_by[key]:>8}")
    per_lang = Counter()
    for (lang, _), n in cases_by.items():
        per_lang[lang] += n
    total = sum(per_lang.values())
    print("-" * 35)
    for lang in sorted(per_lang):
        n_claims = sum(v for (l, _), v in claims_by.items() if l == lang)
        print(f"{lang:<21}{per_lang[lang]:>6}{n_claims:>8}")
    print(f"{'total':<21}{total:>6}{sum(claims_by.values()):>8}")
    if total < MIN_TOTAL:
        problems.append(f"only {total} cases, need at least {MIN_TOTAL}")
    for lang, need in MIN_PER_LANGUAGE.items():
        if per_lang[lang] < need:
            problems.append(f"only {per_lang[lang]} {lang} cases, need at least {need}")
    if problems:
        print(f"\n{len(problems)} problem(s):", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
