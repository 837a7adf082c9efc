"""A one-line progress bar on stderr: files done, claims found, time left. Terminals only."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    """Redraws at most every ``interval`` seconds; silent unless ``stream`` is a terminal.

    Progress is for a person watching: in a pipe or a CI log it would only be noise between
    the lines a machine reads, so it is off there.
    """

    def __init__(self, stream: TextIO | None = None, interval: float = 0.2, enabled: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled if enabled is not None else _is_terminal(self.stream)
        self.interval = interval
        self.started = time.monotonic()
        self.last = 0.0
        self.drawn = False

    def __call__(self, done: int, total: int, claims: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self.last < self.interval:
            return
        self.last = now
        self.stream.write("\r" + render(done, total, claims, now - self.started) + "\x1b[K")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        """End the line so that what follows starts on its own."""
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False


def render(done: int, total: int, claims: int, elapsed: float, width: int = 24) -> str:
    """``[#####-------] 120/400 files, 3,512 claims, 0:07 left``."""
    share = done / total if total else 1.0
    filled = int(width * share)
    left = elapsed / done * (total - done) if done else 0.0
    return f"[{'#' * filled}{'-' * (width - filled)}] {done:,}/{total:,} files, {claims:,} claims, {_clock(left)} left"


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
