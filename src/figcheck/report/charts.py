"""One SVG chart per conflicting series: the figures over time, the likely wrong one marked,
and the likely correction beside it, so an editor sees the problem before reading a word."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable

from figcheck.checks.engine import measure
from figcheck.checks.series import fmt_number
from figcheck.model import AuditReport, Claim, Finding
from figcheck.report.view import correction, series_of, sides
from figcheck.resolve.lexicon import default_lexicon

WRONG = "#c62828"
FIX = "#2e7d32"
OTHER = "#37474f"
SERIES = "#90a4ae"
SALT = "figcheck"
"""Fixed salt for the ids matplotlib writes into SVGs, so the same report gives the same bytes."""


def chart_name(f: Finding) -> str:
    return f"{f.id}.svg"


def charts(report: AuditReport) -> dict[str, bytes]:
    """``{file name: svg bytes}`` for each finding whose series has at least two dated figures."""
    claims = {c.id: c for c in report.claims}
    out: dict[str, bytes] = {}
    for f in report.findings:
        svg = chart(f, claims, report.claims)
        if svg is not None:
            out[chart_name(f)] = svg
    return out


def chart(f: Finding, claims: dict[str, Claim], everything: Iterable[Claim]) -> bytes | None:
    involved = sides(f, claims)
    if not involved or involved[0].as_of is None:
        return None
    focus = involved[0]
    points = series_of(focus, list(everything))
    if len({c.id for c in points}) < 2:
        return None
    fix = correction(f, focus)
    import matplotlib  # here, not at module level: only `audit -o report.md` pays for the import

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"svg.hashsalt": SALT, "svg.fonttype": "none", "font.size": 10}):
        fig = Figure(figsize=(8, 4.2), layout="constrained")
        ax = fig.add_subplot()
        _draw(ax, f, focus, points, {c.id for c in involved}, fix)
        title = measure(focus, default_lexicon())
        fig.suptitle(f"{f.title}: {title}", x=0.01, ha="left", fontsize=11, fontweight="bold")
        fig.legend(loc="outside lower center", ncols=4, frameon=False, fontsize=9)
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def _draw(ax, f: Finding, focus: Claim, points: list[Claim], involved: set[str], fix: float | None) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.ticker import FuncFormatter

    trusted = [c for c in points if c.id != focus.id]
    labels: list[tuple[dt.date, float, str, str, bool]] = []
    if fix is not None:
        # The series as it would read with the correction: a line that no longer breaks.
        mended = sorted([(_day(c), c.value) for c in trusted] + [(_day(focus), fix)])
        ax.plot([d for d, _ in mended], [v for _, v in mended], color=FIX, linestyle="--", linewidth=1.2,
                zorder=1, label="series with the likely correction")
    ax.plot([_day(c) for c in trusted], [c.value for c in trusted], color=SERIES, linewidth=1.5,
            marker="o", markersize=7, markerfacecolor=OTHER, markeredgecolor=OTHER, zorder=3,
            label="other reported figures")
    for c in trusted:
        if c.id in involved:
            labels.append((_day(c), c.value, _caption(c, " ".join(c.text.split())), OTHER, False))
    ax.scatter([_day(focus)], [focus.value], s=150, color=WRONG, zorder=4, label="likely wrong")
    labels.append((_day(focus), focus.value, _caption(focus, f"{' '.join(focus.text.split())}: likely wrong"), WRONG, True))
    values = [c.value for c in points]
    if fix is not None:
        # A ring wider than the dots, so a correction equal to another report still shows both.
        ax.scatter([_day(focus)], [fix], s=300, facecolors="none", edgecolors=FIX, linewidths=2.5,
                   zorder=2, label="likely correction")
        ax.annotate("", xy=(_day(focus), fix), xytext=(_day(focus), focus.value), zorder=3,
                    arrowprops={"arrowstyle": "-|>", "color": FIX, "linewidth": 1.5, "shrinkA": 9, "shrinkB": 11})
        labels.append((_day(focus), fix, f"likely {fmt_number(fix)}", FIX, True))
        values.append(fix)
    _place_labels(ax, labels)
    low, high = min(values), max(values)
    if high - low < 0.25 * abs(high):
        # Close figures: zoom in, or a typo in the fourth digit would be invisible at this scale.
        pad = max((high - low) * 0.4, abs(high) * 0.002, 1)
        ax.set_ylim(low - pad, high + pad)
    else:
        ax.set_ylim(min(low, 0.0), high * 1.12 if high > 0 else 1)
    days = [_day(c) for c in points]
    span = max((max(days) - min(days)).days, 1)
    pad_days = dt.timedelta(days=max(span * 0.08, 2))
    # Room on the right for the labels, which sit right of their points.
    ax.set_xlim(min(days) - pad_days, max(days) + pad_days * 4)
    locator = AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt_number(round(v))))
    ax.grid(axis="y", color="#e0e0e0", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_ylabel(focus.unit if focus.unit != "count" else (focus.counted or "count"))


def _caption(c: Claim, text: str) -> str:
    source = f", {c.source_text}" if c.source_text else ""
    return f"{text}\n{c.as_of}{source}"


LINE_PT = 26
"""Vertical room per label (two lines of 9 pt text)."""


def _place_labels(ax, labels: list[tuple[dt.date, float, str, str, bool]]) -> None:
    """Labels sit right of their points; labels on one date are stacked, highest value on top,
    so figures that close in on each other never print over each other."""
    by_day: dict[dt.date, list[tuple[dt.date, float, str, str, bool]]] = {}
    for label in labels:
        by_day.setdefault(label[0], []).append(label)
    for group in by_day.values():
        group.sort(key=lambda x: -x[1])
        for i, (day, value, text, color, bold) in enumerate(group):
            dy = ((len(group) - 1) / 2 - i) * LINE_PT
            ax.annotate(text, xy=(day, value), xytext=(14, dy), textcoords="offset points", va="center",
                        color=color, fontsize=9, fontweight="bold" if bold else "normal")


def _day(c: Claim) -> dt.date:
    assert c.as_of is not None
    return c.as_of
