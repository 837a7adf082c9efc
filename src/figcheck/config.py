"""Project settings from ``figcheck.toml`` or ``[tool.figcheck]`` in pyproject.toml, found upward
from the working directory: extra rule folders, which rules run, the fail level, and per-file
overrides. Unknown keys are errors, located by file and line.

    # figcheck.toml (in pyproject.toml the same keys sit under [tool.figcheck])
    rules = ["newsroom-rules"]            # folders of rule files, relative to this file
    select = ["casualties/"]              # rule ids, or id prefixes ending in "/"
    ignore = ["figures/scale-slip"]
    fail-level = "warning"                # error | warning | info | never
    corpus = "content/"                   # the archive `figcheck check` compares against
    encoding = "windows-1255"             # files without a BOM that are not UTF-8 (default: detect)
    jobs = 2                              # worker processes; 0 uses every core

    [[overrides]]                         # findings whose file matches one of the globs
    files = ["archive/2023/**"]
    ignore = ["casualties/same-day-disagree"]
    level = "info"                        # report what is left at this level
"""

from __future__ import annotations

import fnmatch
import os
import re
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from figcheck.load.encoding import check_encoding
from figcheck.model import AuditReport, Finding, Summary
from figcheck.ruleset import Rule, RuleError, load_rules

CONFIG_FILES = ("figcheck.toml", "pyproject.toml")
FailLevel = Literal["error", "warning", "info", "never"]


class ConfigError(Exception):
    """A broken config file; the message is ``path:line: what is wrong``."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Override(_Strict):
    files: list[str]
    """Globs, relative to the config file's folder."""
    ignore: list[str] = Field(default_factory=list)
    level: Literal["error", "warning", "info"] | None = None


class Config(_Strict):
    rules: list[str] = Field(default_factory=list)
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    fail_level: FailLevel | None = Field(None, alias="fail-level")
    overrides: list[Override] = Field(default_factory=list)
    corpus: str | None = None
    """The archive folder ``figcheck check`` compares against (read by corpus/project.py)."""
    encoding: str | None = None
    """Encoding of files without a byte-order mark that are not UTF-8; --encoding wins."""
    jobs: int | None = Field(None, ge=0)
    """Worker processes (0: every core); --jobs wins."""
    root: Path = Field(default_factory=Path.cwd, exclude=True)
    """The folder of the config file: rule folders and globs are relative to it."""
    path: Path | None = Field(None, exclude=True)


def find_config(start: Path | None = None) -> Path | None:
    """The nearest figcheck.toml, or pyproject.toml with a [tool.figcheck] table, from ``start`` up."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            path = folder / name
            if not path.is_file():
                continue
            if name == "figcheck.toml":
                return path
            try:
                if "figcheck" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}):
                    return path
            except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
                continue
    return None


def _line_of(text: str, key: str) -> int | None:
    match = re.search(rf"(?m)^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=", text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def load_config(path: Path | None) -> Config:
    """Read and validate ``path``; no path gives the defaults."""
    if path is None:
        return Config()
    shown = os.path.relpath(path) if path.is_absolute() else str(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{shown}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        msg = re.sub(r"\s*\(at line .*\)$", "", str(exc))
        raise ConfigError(f"{shown}:{where.group(1)}:{where.group(2)}: invalid TOML: {msg}" if where
                          else f"{shown}: invalid TOML: {msg}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("figcheck", {})
    data = {k.replace("_", "-") if k == "fail_level" else k: v for k, v in data.items()}
    if isinstance(data.get("encoding"), str):
        try:
            data["encoding"] = check_encoding(data["encoding"])
        except LookupError:
            line = _line_of(text, "encoding")
            raise ConfigError(f"{shown}:{line}: encoding: unknown encoding '{data['encoding']}' "
                              "(try utf-8, windows-1255, windows-1256, utf-16)") from None
    try:
        return Config.model_validate({**data, "root": path.parent, "path": path})
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = [str(x) for x in err["loc"] if not isinstance(x, int)]
        key = loc[-1] if loc else ""
        line = _line_of(text, key) if key else None
        where = f"{shown}:{line}" if line else shown
        if err["type"] == "extra_forbidden":
            raise ConfigError(f"{where}: unknown key '{key}' (known: {', '.join(_known(loc))})") from None
        raise ConfigError(f"{where}: {'.'.join(loc)}: {err['msg']}") from None


def _known(loc: list[str]) -> list[str]:
    model = Override if "overrides" in loc else Config
    return sorted(f.alias or name for name, f in model.model_fields.items() if name not in {"root", "path"})


def _matches(rule_id: str, patterns: list[str]) -> bool:
    return any(rule_id == p or (p.endswith("/") and rule_id.startswith(p)) for p in patterns)


class Settings:
    """What one run uses: the rules to run, the fail level, and the per-file overrides."""

    def __init__(self, config: Config, rules: list[Rule], fail_level: str) -> None:
        self.config = config
        self.rules = rules
        self.fail_level = fail_level

    def apply(self, report: AuditReport) -> AuditReport:
        """Drop findings an override ignores and set the level an override gives; recount."""
        if not self.config.overrides:
            return report
        kept: list[Finding] = []
        for f in report.findings:
            for o in self._overrides(f.path):
                if _matches(f.rule, o.ignore):
                    break
                if o.level:
                    f = f.model_copy(update={"level": o.level})
            else:
                kept.append(f)
        levels = [f.level for f in kept]
        summary = Summary(
            documents=report.summary.documents, claims=report.summary.claims, findings=len(kept),
            errors=levels.count("error"), warnings=levels.count("warning"), infos=levels.count("info"),
        )
        return report.model_copy(update={"findings": kept, "summary": summary})

    def _overrides(self, path: str) -> list[Override]:
        try:
            rel = Path(os.path.relpath(Path(path).resolve(), self.config.root.resolve())).as_posix()
        except ValueError:
            rel = Path(path).as_posix()
        return [o for o in self.config.overrides if any(fnmatch.fnmatch(rel, g) for g in o.files)]


def all_rules(rules_dirs: list[Path] | None = None, config_file: Path | None = None) -> list[Rule]:
    """Every rule a run could use: built-in, the config's rule folders and ``rules_dirs``, before
    any select or ignore (what ``figcheck rules list`` shows)."""
    config = load_config(config_file or find_config())
    return load_rules([config.root / d for d in config.rules] + list(rules_dirs or []))


def settings(
    config_file: Path | None = None, rules_dirs: list[Path] | None = None, select: list[str] | None = None,
    ignore: list[str] | None = None, fail_level: str | None = None, discover: bool = True,
) -> Settings:
    """Command-line values win over the config file's; rule folders from both are added."""
    config = load_config(config_file if config_file else find_config() if discover else None)
    dirs = [config.root / d for d in config.rules] + list(rules_dirs or [])
    rules = load_rules(dirs)
    chosen = list(select or config.select)
    dropped = list(ignore or config.ignore)
    known = {r.id for r in rules}
    for pattern in chosen + dropped:
        if not any(_matches(rid, [pattern]) for rid in known):
            raise RuleError(f"{config.path or 'command line'}: no rule matches '{pattern}' (see figcheck rules list)")
    if chosen:
        rules = [r for r in rules if _matches(r.id, chosen)]
    rules = [r for r in rules if not _matches(r.id, dropped)]
    return Settings(config, rules, fail_level or config.fail_level or "error")

