"""One cached file: what the index stores for it, how a worker makes it, and the version key
and location of the index."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from figcheck import __version__

SCHEMA = 3
"""The tables' layout; bump it with any change to them."""
CLAIM_CODE = ("load", "extract", "resolve", "model.py", "pipeline.py", "paths.py", "suppress.py")
"""The code whose output the index caches."""


@functools.cache
def version_key(rules_dir: Path | None = None) -> str:
    """figcheck's version, the index schema, and a hash of the rules/ folder and of the code that
    extracts claims: claims extracted by other rules or code are not what this run would extract."""
    from figcheck.paths import builtin_rules_dir

    digest = hashlib.sha256(f"{__version__}\0{SCHEMA}".encode())
    package = Path(__file__).resolve().parents[1]
    rules = rules_dir or builtin_rules_dir()
    files = [(rules, f) for f in sorted(rules.rglob("*.y*ml"))]
    # Only the code that turns a file into claims: a change to the checks or the reports leaves
    # cached claims valid.
    for part in CLAIM_CODE:
        files += [(package, f) for f in sorted((package / part).rglob("*.py") if (package / part).is_dir() else [package / part])]
    for root, file in files:
        if file.is_file():
            digest.update(file.relative_to(root).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return f"{__version__}+{SCHEMA}+{digest.hexdigest()[:16]}"


def index_path(root: Path, corpus: str) -> Path:
    """One database per corpus folder as shown (relative to the working directory), since claim
    paths and ids are built from that spelling."""
    tag = hashlib.sha1(f"{Path.cwd().resolve()}\0{corpus}".encode()).hexdigest()[:12]
    return root / ".figcheck" / f"index-{tag}.sqlite"


@dataclass
class Extracted:
    """One file's cache row, built in a worker process and written by the parent."""

    path: str
    sha: str
    size: int
    mtime_ns: int
    checked_ns: int
    document: str | None
    claims: list[tuple[str | None, ...]]
    """(id, metric, group, place, definition, scope, as_of, JSON) per claim: the key columns
    are what neighbourhood queries select on."""
    suppressions: str
    problems: str
    """JSON list of suppressions written wrongly (no reason, no rule), one line each."""
    skipped: str | None = None
    """Why the file holds no document (a binary file), or None."""


def extract_file(path: str, stat: tuple[int, int] | None = None) -> Extracted:
    """Read, hash and extract one file. The stat is taken before reading, so an edit made while
    we read changes the mtime and is caught next run."""
    from figcheck.load import load_file
    from figcheck.pipeline import extract_document
    from figcheck.suppress import parse_text

    checked = time.time_ns()
    if stat is None:
        st = os.stat(path)
        stat = (st.st_size, st.st_mtime_ns)
    raw = Path(path).read_bytes()
    sha = hashlib.sha1(raw).hexdigest()
    try:
        result = extract_document(load_file(path))
    except ValueError as exc:  # a binary file: remember the skip, so we do not retry every run
        return Extracted(path, sha, stat[0], stat[1], checked, None, [], "[]", "[]", str(exc))
    parsed = parse_text(path, raw.decode("utf-8", errors="replace"))
    return Extracted(
        path, sha, stat[0], stat[1], checked, result.document.model_dump_json(),
        [(c.id, c.metric, c.group, c.place, c.definition, c.scope, c.as_of and c.as_of.isoformat(), c.model_dump_json())
         for c in result.claims],
        json.dumps([s.to_json() for s in parsed.suppressions]), json.dumps(parsed.problems),
    )


def extract_star(args: tuple[str, tuple[int, int]]) -> Extracted:
    return extract_file(*args)


