"""The records that flow through the pipeline: Document, Claim, Finding (the JSON contract)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

Qualifier = Literal[
    "exact", "at_least", "more_than", "at_most", "less_than", "approx", "nearly", "range", "vague"
]
Scope = Literal["cumulative", "event", "period", "increment", "day_count"]
Level = Literal["error", "warning", "info"]
PublishedBasis = Literal["header", "front_matter", "meta", "dateline", "unknown"]
AsOfBasis = Literal["explicit", "relative", "dateline", "published"]

LEVEL_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}


class Record(BaseModel):
    """Frozen, strict-keyed base: records never change once built and never grow stray keys."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Document(Record):
    path: str
    """The path as given on the command line, relative where it was relative."""
    title: str | None = None
    published: dt.date | None = None
    """Publication date, or null when none was found."""
    published_basis: PublishedBasis = "unknown"
    language: str = "en"
    """ISO 639-1 code of the main language of the text."""
    claims: int = 0
    """How many claims were extracted from the document."""
    warnings: list[str] = Field(default_factory=list)


class Claim(Record):
    id: str
    """Stable across runs: a hash of path, span and text."""
    document: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    """The figure as written, including its bound words ("at least 445,581")."""
    sentence: str
    value: float
    """The figure as stated."""
    low: float | None
    """Lower end of the interval the claim asserts; null means unbounded."""
    high: float | None
    """Upper end of the interval the claim asserts; null means unbounded."""
    qualifier: Qualifier
    unit: str
    """A pint unit string; ``count`` for counted things."""
    metric: str | None = None
    counted: str | None = None
    """What is counted, as written."""
    group: str | None = None
    place: str | None = None
    scope: Scope | None = None
    definition: str | None = None
    source: str | None = None
    source_text: str | None = None
    as_of: dt.date | None = None
    as_of_basis: AsOfBasis | None = None
    since: dt.date | None = None

    @staticmethod
    def make_id(document: str, start: int, end: int, text: str) -> str:
        digest = hashlib.sha1(f"{document}\0{start}\0{end}\0{text}".encode()).hexdigest()
        return f"c_{digest[:16]}"


class Finding(Record):
    id: str
    rule: str
    """Path-like rule id, e.g. ``casualties/cumulative-decrease``."""
    level: Level
    title: str
    message: str
    """One sentence naming both figures."""
    explanation: str
    """Why the figures cannot both be true."""
    claims: list[str]
    """Claim ids; the first is the one most likely wrong."""
    suggestion: str | None = None
    fingerprint: str
    """Independent of line numbers, so a baseline survives moved paragraphs."""
    path: str
    line: int


class Summary(Record):
    documents: int
    claims: int
    findings: int
    errors: int
    warnings: int
    infos: int


class ToolInfo(Record):
    name: str = "figcheck"
    version: str
    rules: list[str]
    """Ids of the rules that ran."""


class AuditReport(Record):
    """The whole result of an audit: what ``--format json`` prints."""

    schema_version: int = SCHEMA_VERSION
    tool: ToolInfo
    documents: list[Document]
    claims: list[Claim]
    findings: list[Finding]
    summary: Summary
