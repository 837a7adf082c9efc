"""Where the built-in rules live: inside the wheel, or at the top of a source checkout."""

from __future__ import annotations

import functools
from pathlib import Path


@functools.cache
def builtin_rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    packaged = here / "_rules"
    if packaged.is_dir():
        return packaged
    for parent in here.parents:
        if (parent / "rules" / "lexicon").is_dir() and (parent / "pyproject.toml").exists():
            return parent / "rules"
    raise FileNotFoundError("figcheck's built-in rules/ folder is missing; reinstall figcheck")
