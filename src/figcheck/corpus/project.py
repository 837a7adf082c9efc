"""Find the project a run belongs to: its root (where ``.figcheck/`` lives) and its corpus folder.

The corpus comes from ``corpus`` in the project's config (``[tool.figcheck]`` in pyproject.toml
or figcheck.toml, found upward from the working directory; see figcheck.config); the root is
that file's folder, else the nearest folder holding ``.git``, else the working directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from figcheck.config import ConfigError, find_config, load_config

__all__ = ["ConfigError", "Project", "corpus_display", "find_project"]


@dataclass(frozen=True)
class Project:
    root: Path
    corpus: str | None
    """The corpus folder as written in the config, relative to ``root``; None when unset."""
    config: Path | None


def find_project(config_file: Path | None = None) -> Project:
    path = config_file or find_config()
    if path is not None:
        config = load_config(path)
        return Project(path.resolve().parent, config.corpus, path)
    here = Path.cwd().resolve()
    git_root = next((folder for folder in (here, *here.parents) if (folder / ".git").exists()), None)
    return Project(git_root or here, None, None)


def corpus_display(project: Project, given: str | None) -> str | None:
    """The corpus folder as a path relative to the working directory, the way audit shows paths."""
    if given is not None:
        return given
    if project.corpus is None:
        return None
    rel = os.path.relpath(project.root / project.corpus, Path.cwd())
    return Path(rel).as_posix()
