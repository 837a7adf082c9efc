"""Load rule files (YAML) into validated Rule records, with file:line:col on every mistake."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from figcheck.paths import builtin_rules_dir

RULE_DIRS_SKIPPED = {"lexicon"}


class RuleError(Exception):
    """A rule file is broken; the message is ``path:line:col: what is wrong``."""


class Select(BaseModel):
    """Which claims a rule looks at. Empty lists select everything."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    metric: list[str | None] = Field(default_factory=list)
    scope: list[str | None] = Field(default_factory=list)
    """``null`` in a list selects claims without that field (``scope: [null, event]``)."""
    group: list[str | None] = Field(default_factory=list)
    place: list[str | None] = Field(default_factory=list)
    definition: list[str | None] = Field(default_factory=list)
    unit: list[str | None] = Field(default_factory=list)


class RuleBase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = ""
    """Set from the file's path under rules/ (``casualties/cumulative-decrease``)."""
    level: Literal["error", "warning", "info"] = "error"
    """Level when one source contradicts itself."""
    cross_source_level: Literal["error", "warning", "info"] = "warning"
    """Level when two different sources disagree."""
    title: str
    message: str
    """One sentence with named {placeholders}, see ``figcheck rules show``."""
    explanation: str
    """Why the figures cannot both be true, in plain words."""
    description: str
    select: Select = Field(default_factory=Select)
    metadata: dict[str, Any] = Field(default_factory=dict)


class DisagreeRule(RuleBase):
    kind: Literal["disagree"]
    approx_factor: float = Field(0.1, ge=0, le=1)
    """How far "about N" may stray from N, as a fraction."""
    same_value_other_source: bool = False
    """Look instead for one exact value given on one day by two different bodies: a possible
    misattribution (one report credits the other body's figure)."""
    min_value: float = Field(0, ge=0)
    """Only with ``same_value_other_source``: ignore values below this (small numbers repeat by chance)."""


class DecreaseRule(RuleBase):
    kind: Literal["decrease"]
    lower_bounds_are_tallies: bool = True
    """Read "at least N" in a running toll as the tally N itself: a tally that is later lower fell."""
    revision_words: list[str] = Field(default_factory=list)
    """Words that mark a fall as a stated revision, reported at ``revision_level`` instead."""
    revision_level: Literal["error", "warning", "info"] = "warning"
    revision_explanation: str = (
        "The later report says the count was revised, so the fall may be a correction rather than an "
        "error; check that the revision is real."
    )
    """Replaces ``explanation`` when the fall is stated as a revision."""


class DayCountRule(RuleBase):
    kind: Literal["day-count"]
    first_day: int = 1
    """The number the start date itself gets (day 1 = the start date)."""
    tolerance_days: int = Field(1, ge=0)
    """Off-by-that-much is let pass: reports cross time zones and publish the next morning."""


Field_ = Literal["group", "place", "definition"]


class IncrementRule(RuleBase):
    kind: Literal["increment"]
    total_scope: str = "cumulative"
    """The scope of the running totals an increment is the difference of."""
    window_days: int = Field(1, ge=1)
    """Days between the two totals ("in the past 24 hours" = the previous day's total)."""
    addition_words: list[str] = Field(default_factory=list)
    """Words that mark a figure added to the total besides the new cases ("previously missing")."""
    lower_bounds_are_tallies: bool = True


class SumRule(RuleBase):
    kind: Literal["sum"]
    field: Field_ = "group"
    """The claim field that tells parts from the whole; every other key field must match."""
    whole: list[str | None]
    """Values of ``field`` that mark the whole (``null``: a figure with no group, "24,000 killed")."""
    whole_words: list[str] = Field(default_factory=list)
    """Words that make the next figure the whole, whatever its field ("combined", "in total")."""
    parts: list[str]
    """Values of ``field`` of the parts, each counted once."""
    exhaustive: bool = False
    """The parts make up the whole, so their sum must match it; otherwise it only may not exceed it."""
    lower_bounds_are_tallies: bool = True


class SubsetRule(RuleBase):
    kind: Literal["subset"]
    field: Field_ = "group"
    part: list[str]
    """Values of ``field`` that are always part of a whole (health workers, children)."""
    whole: list[str | None]
    """Values of ``field`` of the wholes they belong to (all Palestinians, all people, no group)."""
    lower_bounds_are_tallies: bool = True


class UnitRule(RuleBase):
    kind: Literal["unit"]
    factors: list[float] = Field(default_factory=lambda: [10.0, 1000.0])
    """Slips of scale to look for (×10 a moved decimal point, ×1000 million for billion)."""
    ignore_dimensions: list[str] = Field(default_factory=lambda: ["[percent]", "[dimensionless]"])
    """Dimensions that sit beside any other without clashing (a share beside a count)."""


Rule = Annotated[
    DisagreeRule | DecreaseRule | IncrementRule | SumRule | SubsetRule | DayCountRule | UnitRule,
    Field(discriminator="kind"),
]
RULE_ADAPTER: TypeAdapter[Rule] = TypeAdapter(Rule)
KINDS = ("disagree", "decrease", "increment", "sum", "subset", "day-count", "unit")


def _construct(node: yaml.Node, marks: dict[tuple[Any, ...], yaml.Mark], path: tuple[Any, ...]) -> Any:
    """Turn a composed YAML node into Python data, remembering where each key stands."""
    marks[path] = node.start_mark
    if isinstance(node, yaml.MappingNode):
        out = {}
        for key_node, value_node in node.value:
            key = key_node.value
            marks[(*path, key, "__key__")] = key_node.start_mark
            out[key] = _construct(value_node, marks, (*path, key))
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(v, marks, (*path, i)) for i, v in enumerate(node.value)]
    return yaml.safe_load(yaml.serialize(node))


def _where(marks: dict[tuple[Any, ...], yaml.Mark], loc: tuple[Any, ...], key_error: bool) -> yaml.Mark | None:
    loc = tuple(x for x in loc if not (isinstance(x, str) and x in KINDS))
    if key_error and (*loc, "__key__") in marks:
        return marks[(*loc, "__key__")]
    while loc:
        if loc in marks:
            return marks[loc]
        loc = loc[:-1]
    return marks.get(())


def parse_rule(text: str, rule_id: str, shown: str) -> Rule:
    try:
        node = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark else shown
        raise RuleError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    if node is None or not isinstance(node, yaml.MappingNode):
        raise RuleError(f"{shown}:1:1: a rule file must be a mapping of keys (kind, level, message, …)")
    marks: dict[tuple[Any, ...], yaml.Mark] = {}
    data = _construct(node, marks, ())
    if "id" in data:
        mark = marks[("id", "__key__")]
        raise RuleError(f"{shown}:{mark.line + 1}:{mark.column + 1}: 'id' is set from the file's path, remove it")
    if data.get("kind") not in KINDS:
        mark = marks.get(("kind",), marks[()])
        raise RuleError(f"{shown}:{mark.line + 1}:{mark.column + 1}: unknown kind {data.get('kind')!r} (known: {', '.join(KINDS)})")
    try:
        return RULE_ADAPTER.validate_python({**data, "id": rule_id})
    except ValidationError as exc:
        err = exc.errors()[0]
        key_error = err["type"] == "extra_forbidden"
        mark = _where(marks, tuple(err["loc"]), key_error)
        where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark else shown
        field = ".".join(str(x) for x in err["loc"] if x not in KINDS)
        if key_error:
            raise RuleError(f"{where}: unknown key '{field.split('.')[-1]}'") from None
        raise RuleError(f"{where}: {field}: {err['msg']}") from None


def rule_files(root: Path) -> list[Path]:
    return sorted(
        p for p in root.rglob("*.yml")
        if p.relative_to(root).parts[0] not in RULE_DIRS_SKIPPED and len(p.relative_to(root).parts) > 1
    )


def load_rules(dirs: list[Path] | None = None, shown_root: Path | None = None) -> list[Rule]:
    """Built-in rules plus every rule under ``dirs``; a later rule with the same id replaces one."""
    rules: dict[str, Rule] = {}
    for root in [builtin_rules_dir(), *(dirs or [])]:
        root = Path(root)
        if not root.is_dir():
            raise RuleError(f"{root}: rules folder not found")
        for file in rule_files(root):
            rule_id = file.relative_to(root).with_suffix("").as_posix()
            shown = file.as_posix() if root != builtin_rules_dir() else f"rules/{rule_id}.yml"
            rules[rule_id] = parse_rule(file.read_text(encoding="utf-8"), rule_id, shown)
    return list(rules.values())


def rule_schema() -> dict[str, Any]:
    return RULE_ADAPTER.json_schema()
