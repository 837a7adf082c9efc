"""Walk the paths a user gave and decide which files are documents, reporting every skip."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".html", ".htm", ".xhtml"}


class InputError(Exception):
    """A path the user named cannot be used at all (usage error, exit 2)."""


@dataclass(frozen=True)
class Found:
    """A file to load, or a note about one that was skipped."""

    path: str
    skipped: str | None = None
    """Why the file is not a document (an image, a binary): a note, and the run goes on."""
    error: str | None = None
    """Why a file meant to be read cannot be (a broken link): reported, and the run goes on."""


def discover(paths: list[str]) -> Iterator[Found]:
    """Yield documents under ``paths`` in a stable order; skipped files come with a reason.

    A path that does not exist raises InputError: a typo on the command line is a usage error,
    not something to audit around.
    """
    for given in paths:
        if given == "-":
            yield Found("-")  # standard input, read by the caller
            continue
        root = Path(given)
        if not root.exists() and not root.is_symlink():
            raise InputError(f"{given}: no such file or directory")
        if root.is_symlink() and not root.exists():
            yield Found(given, error=f"{given}: broken symbolic link to {os.readlink(root)}")
            continue
        if not root.is_dir():
            yield Found(root.as_posix())
            continue
        unreadable: list[OSError] = []  # os.walk would otherwise skip a folder it cannot list in silence
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=unreadable.append):
            yield from _folder_errors(unreadable)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                file = Path(dirpath) / name
                shown = file.as_posix()
                if name.startswith("."):
                    continue
                if file.is_symlink() and not file.exists():
                    yield Found(shown, error=f"{shown}: broken symbolic link to {os.readlink(file)}")
                    continue
                if file.suffix.lower() not in TEXT_SUFFIXES:
                    yield Found(shown, skipped=f"{shown}: skipped, not a text document ({file.suffix or 'no extension'})")
                    continue
                yield Found(shown)
        yield from _folder_errors(unreadable)


def _folder_errors(errors: list[OSError]) -> Iterator[Found]:
    while errors:
        exc = errors.pop(0)
        shown = Path(str(exc.filename)).as_posix()
        yield Found(shown, error=f"{shown}: cannot read folder: {exc.strerror or exc}")
