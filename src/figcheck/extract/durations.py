"""Figures written in more than one piece: race times ("2:09:56", "1:54.06"), spans in two units
("6 minutes 17 seconds") and scores to par ("11 under par")."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from figcheck.extract.quantities import Mention

# "2:09:56" (hours, minutes, seconds) and "1:54.06" (minutes, seconds and hundredths): a time
# with seconds is a result, not a time of day. A two-digit hour ("14:30:05", "04:17:35") is a
# clock's, and so is a time "at" a moment or in a zone.
RACE_TIME = regex.compile(
    r"(?<![\w.,:/])(?:(?P<h>[0-9]):(?P<hm>[0-5][0-9]):(?P<hs>[0-5][0-9](?:\.[0-9]{1,3})?)"
    r"|(?P<m>[0-9]{1,2}):(?P<ms>[0-5][0-9]\.[0-9]{1,3}))(?![\w:]|[.,][0-9])"
)
CLOCK_BEFORE = regex.compile(r"(?i)(?<!\w)at\s+(?:about\s+|around\s+|exactly\s+)?\Z")
CLOCK_AFTER = regex.compile(r"(?i)\s*(?:[ap]\.?m\b\.?|local\b|GMT\b|UTC\b|[ECMP][SD]?T\b|BST\b|CET\b|hrs\b|h\b)")
# Units a span may be written in two of, largest first, in seconds.
SECONDS = {"hour": 3600, "minute": 60, "second": 1}
# Between the two parts of one span: "6 minutes 17 seconds", "1 hour and 3 minutes". Parts listed
# with commas ("24 hours, 39 minutes, and 35 seconds") stay a list of quantities, as NewsQuant
# annotates them.
PART_GAP = regex.compile(r"\s+(?:and\s+)?", regex.I)
# A score to par after a count: "11 under par" is -11, "three over par" +3.
UNDER_PAR = regex.compile(r"(?i)[\s-]+(?:under|below)[\s-]+par(?!\w)")


def race_times(text: str) -> list[Mention]:
    """Race results written with colons, in seconds."""
    from figcheck.extract.quantities import Mention

    out = []
    if ":" not in text:
        return out
    for m in RACE_TIME.finditer(text):
        if CLOCK_BEFORE.search(text, max(0, m.start() - 20), m.start()) or CLOCK_AFTER.match(text, m.end()):
            continue
        if m.group("h") is not None:
            value = int(m.group("h")) * 3600 + int(m.group("hm")) * 60 + float(m.group("hs"))
        else:
            value = int(m.group("m")) * 60 + float(m.group("ms"))
        value = round(value, 3)
        out.append(Mention(m.start(), m.end(), m.start(), m.end(), value, value, value, "exact", "second"))
    return out


def joined_spans(text: str, mentions: list[Mention]) -> list[Mention]:
    """Two exact parts of one span become one figure in the smaller unit: "6 minutes 17 seconds" is 377 seconds."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.unit in SECONDS and m.unit in SECONDS and SECONDS[prev.unit] > SECONDS[m.unit]
            and prev.qualifier == m.qualifier == "exact" and not prev.ordinal and not m.ordinal
            and prev.start == prev.num_start and PART_GAP.fullmatch(text, prev.end, m.start)
        ):
            value = round(prev.value * SECONDS[prev.unit] / SECONDS[m.unit] + m.value, 6)
            out[-1] = replace(prev, end=m.end, num_end=m.num_end, value=value, low=value, high=value, unit=m.unit)
            continue
        out.append(m)
    return out


def signed_by_par(text: str, mentions: list[Mention]) -> list[Mention]:
    """A count of strokes under par is below zero: "finished at 11 under par" is -11."""
    return [
        replace(m, value=-m.value, low=-(m.high if m.high is not None else m.value), high=-(m.low if m.low is not None else m.value))
        if m.unit == "count" and m.value > 0 and UNDER_PAR.match(text, m.end) else m
        for m in mentions
    ]
