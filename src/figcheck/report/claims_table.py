"""``figcheck extract``: the claims alone, as a table to scan, JSON lines, or CSV for a spreadsheet.

Each format is a header and a row function, so extract can stream claims as documents finish
and memory stays flat however large the corpus.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from figcheck.model import Claim
from figcheck.report.view import interval_text

TABLE = (
    ("where", 44), ("figure as written", 26), ("asserts", 20), ("metric", 20), ("group", 16),
    ("place", 12), ("scope", 12), ("source", 24), ("as of", 0),
)
"""Fixed widths, so rows line up without waiting for every claim; long cells end in '…'."""


def _cell(text: str, width: int) -> str:
    if not width:
        return text
    text = text if len(text) < width else text[: width - 2] + "…"
    return text.ljust(width)


def table_header() -> str:
    names = "".join(_cell(name, w) for name, w in TABLE).rstrip()
    rule = "".join(_cell("-" * max(w - 2, 5), w) for _, w in TABLE).rstrip()
    return f"{names}\n{rule}\n"


def table_row(c: Claim) -> str:
    cells = [
        f"{c.document}:{c.line}:{c.column}", " ".join(c.text.split()), interval_text(c), c.metric or "-",
        c.group or "-", c.place or "-", c.scope or "-", c.source or "-",
        f"{c.as_of} ({c.as_of_basis})" if c.as_of else "undated",
    ]
    return "".join(_cell(x, w) for x, (_, w) in zip(cells, TABLE)).rstrip() + "\n"


def jsonl_row(c: Claim) -> str:
    """One claim per line: the contract's Claim, key for key."""
    return json.dumps(c.model_dump(mode="json"), ensure_ascii=False) + "\n"


FIELDS = list(Claim.model_fields)
"""CSV columns: every Claim key in the contract's order; empty cells for null."""


def _csv_line(values: list) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(values)
    return buf.getvalue()


def csv_header() -> str:
    return _csv_line(FIELDS)


def csv_row(c: Claim) -> str:
    data = c.model_dump(mode="json")
    return _csv_line(["" if data[k] is None else data[k] for k in FIELDS])


EXTRACT_FORMATS: dict[str, tuple[str, Callable[[Claim], str]]] = {
    "table": (table_header(), table_row),
    "jsonl": ("", jsonl_row),
    "csv": (csv_header(), csv_row),
}
