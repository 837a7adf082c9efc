"""Find the project a run belongs to: its root (where ``.figcheck/`` lives) and its corpus folder.

The corpus comes from ``[tool.figcheck] corpus`` in pyproject.toml or ``corpus`` in
figcheck.toml, whichever is found first walking up from the working directory; the root is that
file's folder, else the nearest folder holding ``.git``, else the working directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


class ConfigError(Exception):
    """A config file cannot be read (exit 2): ``path: what is wrong``."""


@dataclass(frozen=True)
class Project:
    root: Path
    corpus: str | None
    """The corpus folder as written in the config, relative to ``root``; None when unset."""
    config: Path | None


def _read(path: Path) -> dict[str, object]:
    import tomllib  # only the hook's first run per process needs it

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        section = data.get("tool", {})
        return section.get("figcheck") if isinstance(section, dict) and "figcheck" in section else None  # type: ignore[return-value]
    return data


def find_project(start: Path | None = None) -> Project:
    here = (start or Path.cwd()).resolve()
    git_root = None
    for folder in [here, *here.parents]:
        for name in ("figcheck.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file():
                section = _read(candidate)
                if section is not None:
                    corpus = section.get("corpus")
                    if corpus is not None and not isinstance(corpus, str):
                        raise ConfigError(f"{candidate}: 'corpus' must be a folder path (a string)")
                    return Project(folder, corpus, candidate)
        if git_root is None and (folder / ".git").exists():
            git_root = folder
    return Project(git_root or here, None, None)


def corpus_display(project: Project, given: str | None) -> str | None:
    """The corpus folder as a path relative to the working directory, the way audit shows paths."""
    if given is not None:
        return given
    if project.corpus is None:
        return None
    full = project.root / project.corpus
    rel = os.path.relpath(full, Path.cwd())
    return Path(rel).as_posix()
