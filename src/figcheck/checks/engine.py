"""Run each rule's check kind and turn its conflicts into Findings with words an editor can use."""

from __future__ import annotations

import hashlib
import string

from figcheck.checks.registry import REGISTRY
from figcheck.checks.series import Conflict, is_cause, names_no_body, unnamed_storm
from figcheck.model import Claim, Finding
from figcheck.resolve.lexicon import Lexicon, default_lexicon
from figcheck.ruleset import Rule


class _Fields(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def label(lexicon: Lexicon, section: str, key: str | None) -> str | None:
    """The way a canonical id is written in English: ``palestinians`` → ``Palestinians``."""
    if key is None:
        return None
    entry = lexicon.section(section).get(key) or {}
    if entry.get("label"):
        return str(entry["label"])
    plain = key.replace("_", " ")
    for phrase in (entry.get("en") or []) if isinstance(entry, dict) else []:
        if str(phrase).casefold().replace("-", " ") == plain:
            return str(phrase)
    return plain


def cause_label(lexicon: Lexicon, key: str) -> str:
    """How a cause read as a definition is written (rules/lexicon/causes.yml): ``flood`` →
    ``flood``, ``storm_helene`` → ``Storm Helene``."""
    section = lexicon.section("causes")
    entry = (section.get("causes") or {}).get(key) or {}
    if isinstance(entry, dict) and entry.get("label"):
        return str(entry["label"])
    storms = section.get("named_storms") or {}
    prefix = str(storms.get("key_prefix") or "storm_")
    if key.startswith(prefix) and len(key) > len(prefix):
        return str(storms.get("label") or "{name}").format(name=key[len(prefix):].title())
    return key.replace("_", " ")


def measure(c: Claim, lexicon: Lexicon) -> str:
    """"cumulative death toll of Palestinians in Gaza"."""
    words = []
    if c.scope == "cumulative":
        words.append("cumulative")
    definition = lexicon.section("definitions").get(c.definition) or {} if c.definition else {}
    # A definition may name the measure itself: "number damaged or destroyed", not "including
    # damaged number destroyed".
    named = (definition.get("metric_labels") or {}).get(c.metric) if isinstance(definition, dict) else None
    if c.definition and not named:
        words.append(str(definition.get("label") or cause_label(lexicon, c.definition)))
    metric = str(named or label(lexicon, "metrics", c.metric) or "figure")
    group = label(lexicon, "groups", c.group) if c.group and c.group != "people" else None
    if group and metric.startswith("number ") and not metric.startswith("number of "):
        words.append(f"number of {group} {metric[len('number '):]}")  # "number of buildings destroyed"
    else:
        words.append(metric)
        if group:
            words.append(f"of {group}")
    if c.place:
        words.append(f"in {label(lexicon, 'places', c.place)}")
    return " ".join(words)


def _named_event(claims: list[Claim]) -> Claim:
    """The first claim, with the event its series is named for when its own report names none
    (checks/series.py ``join_unnamed_events``): "the cumulative earthquake death toll in Turkey"."""
    first = claims[0]
    if first.definition is None or unnamed_storm(first.definition):
        events = {c.definition for c in claims if is_cause(c.definition)}
        named = {e for e in events if not unnamed_storm(e)}
        if len(named) == 1 or len(events) == 1:
            return first.model_copy(update={"definition": (named or events).pop()})
    return first


def fingerprint(rule_id: str, claims: list[Claim]) -> str:
    """Independent of lines and columns, so moving a paragraph keeps a baselined finding matched."""
    parts = sorted(f"{c.document}\0{' '.join(c.text.split())}\0{c.value}\0{c.as_of}" for c in claims)
    return hashlib.sha1("\x1e".join([rule_id, *parts]).encode()).hexdigest()[:20]


def _speaker(c: Claim) -> tuple[str | None, str | None]:
    """Who stands behind a figure, for the level: a named body is one source in every report; a
    speaker that names no body ("police", "the government") is one source only within its story."""
    if names_no_body(c):
        return c.source, c.document
    return c.source, None


def to_finding(rule: Rule, conflict: Conflict, lexicon: Lexicon) -> Finding:
    first = conflict.claims[0]
    # The level follows the two figures the message sets against each other: the one named wrong
    # and the one it is set against (a check puts that one second).
    sources = {_speaker(c) for c in conflict.claims[:2]}
    if conflict.level:
        level = conflict.level
    elif len(sources) == 1 and (None, None) not in sources:
        level = rule.level
    else:
        level = rule.cross_source_level
    fields = _Fields(
        measure=measure(_named_event(conflict.claims), lexicon), text=first.text, as_of=str(first.as_of), value=first.text,
        metric=label(lexicon, "metrics", first.metric) or "figure",
    )
    fields.update(conflict.fields)
    formatter = string.Formatter()
    message = " ".join(formatter.vformat(rule.message, (), fields).split())
    title = rule.title
    explanation = " ".join(rule.explanation.split())
    if conflict.revision:
        title = f"{rule.title} (stated as a revision)"
        explanation = " ".join(getattr(rule, "revision_explanation", explanation).split())
    if level == rule.cross_source_level != rule.level and len(sources) > 1:
        texts = sorted({c.source_text or "an unattributed report" for c in conflict.claims[:2]})
        if len(texts) > 1:
            explanation += f" The figures come from different sources ({' and '.join(texts)}), which may count differently."
        else:
            explanation += f" Both reports credit only {texts[0]}, which names no one body: they may quote different ones."
    fp = fingerprint(rule.id, conflict.claims)
    return Finding(
        id=f"f_{fp[:16]}", rule=rule.id, level=level, title=title, message=message,  # type: ignore[arg-type]
        explanation=explanation, claims=[c.id for c in conflict.claims], suggestion=conflict.suggestion,
        fingerprint=fp, path=first.document, line=first.line,
    )


def run_checks(claims: list[Claim], rules: list[Rule], lexicon: Lexicon | None = None) -> list[Finding]:
    lexicon = lexicon or default_lexicon()
    findings = []
    for rule in rules:
        for conflict in REGISTRY[rule.kind](claims, rule):
            findings.append(to_finding(rule, conflict, lexicon))
    return sorted(findings, key=lambda f: (f.path, f.line, f.rule, f.id))
