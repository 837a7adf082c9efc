"""The archive index: every corpus file's claims cached in SQLite under ``.figcheck/``.

A row is trusted only while its file is unchanged: the file's size and mtime are compared first
(cheap), and when they differ the content hash decides whether it is re-extracted. As git does
for its index, a file modified within a moment of being indexed is re-hashed on the next run, so
an edit landing in the same clock tick is never missed. The rules, the code and figcheck's
version form a version key stored in the database; any change rebuilds it. Writes are
transactions of a few hundred files, so a killed ``figcheck index`` leaves a consistent index that
the next run completes. WAL and a busy timeout let two hooks run at once; a corrupt file is
deleted and rebuilt, with a warning.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from figcheck.corpus.rows import Extracted, extract_star, index_path, version_key
from figcheck.model import Claim, Document
from figcheck.suppress import Suppression

__all__ = ["ArchiveIndex", "IndexError_", "Refreshed", "index_path", "version_key"]

BATCH = 200
RACY_NS = 2_000_000_000
"""A file modified less than this before it was indexed is re-hashed next time."""
BUSY_MS = 30_000

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, sha TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    checked_ns INTEGER NOT NULL, document TEXT, suppressions TEXT NOT NULL, problems TEXT NOT NULL,
    skipped TEXT
);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT NOT NULL, path TEXT NOT NULL, metric TEXT, grp TEXT, place TEXT, definition TEXT, scope TEXT,
    as_of TEXT, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_path ON claims (path);
CREATE INDEX IF NOT EXISTS claims_metric ON claims (metric);
CREATE INDEX IF NOT EXISTS claims_key ON claims (metric, grp, place, definition, scope, as_of);
"""


class IndexError_(Exception):
    """The index cannot be used even after a rebuild (exit 2)."""


@dataclass
class Refreshed:
    """What a refresh did, for the progress line and for tests."""

    files: int = 0
    extracted: int = 0
    rehashed: int = 0
    removed: int = 0
    skipped: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class ArchiveIndex:
    """Open with ``ArchiveIndex(db_path, warn)``; ``warn`` receives one-line warnings."""

    def __init__(self, db: Path, warn: Callable[[str], None], version: str | None = None) -> None:
        self.db = db
        self.warn = warn
        self.version = version or version_key()
        self.conn = self._open()

    # -- opening, versioning, recovering ---------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        self.db.parent.mkdir(parents=True, exist_ok=True)
        ignore = self.db.parent / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# figcheck's cache; safe to delete\n*\n", encoding="utf-8")
        conn = sqlite3.connect(self.db, timeout=BUSY_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    def _open(self) -> sqlite3.Connection:
        try:
            conn = self._connect()
            # One script, one transaction: two hooks creating the index at once both succeed.
            conn.executescript(f"BEGIN IMMEDIATE; {DDL} INSERT OR IGNORE INTO meta VALUES ('version', '{self.version}'); COMMIT;")
            row = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        except sqlite3.DatabaseError as exc:
            if _busy(exc):
                raise IndexError_(f"{self.db}: index is locked by another figcheck run") from None
            self.warn(f"{self.db}: index is corrupt ({exc}); rebuilding it from the corpus")
            return self._recreate()
        except OSError as exc:
            raise IndexError_(f"{self.db.parent}: cannot keep the index there: {exc.strerror or exc}") from None
        if row[0] != self.version:
            self.warn(f"{self.db}: index was built by figcheck {row[0]}; rules or code changed, rebuilding it")
            conn.close()
            return self._recreate()
        return conn

    def _recreate(self) -> sqlite3.Connection:
        if getattr(self, "conn", None) is not None:
            self.conn.close()
        try:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{self.db}{suffix}").unlink(missing_ok=True)
            conn = self._connect()
            conn.executescript(DDL)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (self.version,))
        except (sqlite3.DatabaseError, OSError) as exc:
            raise IndexError_(f"{self.db}: cannot create the index: {exc}") from None
        return conn

    def rebuild(self, reason: str) -> None:
        self.warn(f"{self.db}: {reason}; rebuilding it from the corpus")
        self.conn = self._recreate()

    def close(self) -> None:
        self.conn.close()

    # -- refreshing ------------------------------------------------------------------------------

    def refresh(
        self, corpus: str, jobs: int | None = None, progress: bool = False, listed: list[str] | None = None,
    ) -> Refreshed:
        """Bring the rows for every document under ``corpus`` up to date with the files on disk.
        ``listed``: the corpus's files when the caller knows them better than a walk (git's index)."""
        from figcheck.load import discover

        out = Refreshed()
        rows = {r[0]: r[1:] for r in self.conn.execute("SELECT path, sha, size, mtime_ns, checked_ns, skipped FROM files")}
        on_disk: dict[str, tuple[int, int]] = {}
        for found in discover([corpus]) if listed is None else (_Listed(p) for p in listed):
            if found.skipped:
                out.skipped.append(found.skipped)
                continue
            if getattr(found, "error", None):
                out.errors.append(found.error)  # a broken link, said as discovery words it
                continue
            try:
                st = os.stat(found.path)
            except FileNotFoundError:
                if listed is not None:
                    continue  # listed by git but deleted in the work tree: not part of the corpus now
                out.errors.append(f"{found.path}: cannot read: no such file")
                continue
            except OSError as exc:
                out.errors.append(f"{found.path}: cannot read: {exc.strerror or exc}")
                continue
            on_disk[found.path] = (st.st_size, st.st_mtime_ns)
        out.files = len(on_disk)
        stale, touched = [], []
        for path, (size, mtime) in on_disk.items():
            row = rows.get(path)
            if row is not None and row[1] == size and row[2] == mtime and mtime < row[3] - RACY_NS:
                continue
            if row is not None and row[1] == size:
                # Same size, new mtime (a checkout, a touch): the content hash decides.
                try:
                    sha = hashlib.sha1(Path(path).read_bytes()).hexdigest()
                except OSError as exc:
                    out.errors.append(f"{path}: cannot read: {exc.strerror or exc}")
                    continue
                out.rehashed += 1
                if sha == row[0]:
                    touched.append((size, mtime, time.time_ns(), path))
                    continue
            stale.append((path, (size, mtime)))
        gone = [p for p in rows if p not in on_disk]
        with self._transaction():
            self.conn.executemany("UPDATE files SET size = ?, mtime_ns = ?, checked_ns = ? WHERE path = ?", touched)
            for path in gone:
                self._delete(path)
        out.removed = len(gone)
        for batch in _batches(self._extract_all(stale, jobs, progress, out), BATCH):
            with self._transaction():
                for item in batch:
                    self._store(item)
        redone = {path for path, _ in stale}
        out.skipped.extend(row[4] for path, row in rows.items() if row[4] and path in on_disk and path not in redone)
        return out

    def _extract_all(
        self, stale: list[tuple[str, tuple[int, int]]], jobs: int | None, progress: bool, out: Refreshed
    ) -> Iterator[Extracted]:
        if not stale:
            return
        jobs = jobs or os.cpu_count() or 1
        bar = None
        if progress:
            from figcheck.progress import ProgressBar  # the same bar as audit's: stderr, terminals only

            bar = ProgressBar()
        try:
            if jobs > 1 and len(stale) > 32:
                from concurrent.futures import ProcessPoolExecutor

                with ProcessPoolExecutor(max_workers=jobs) as pool:
                    yield from self._tick(pool.map(extract_star, stale, chunksize=8), bar, out, len(stale))
            else:
                yield from self._tick(map(extract_star, stale), bar, out, len(stale))
        finally:
            if bar is not None:
                bar.close()

    @staticmethod
    def _tick(items: Iterable[Extracted], bar: Callable[[int, int, int], None] | None, out: Refreshed,
              total: int) -> Iterator[Extracted]:
        claims = 0
        for item in items:
            out.extracted += 1
            claims += len(item.claims)
            if item.skipped:
                out.skipped.append(item.skipped)
            if bar is not None:
                bar(out.extracted, total, claims)
            yield item

    def _transaction(self) -> _Txn:
        return _Txn(self.conn)

    def _delete(self, path: str) -> None:
        self.conn.execute("DELETE FROM claims WHERE path = ?", (path,))
        self.conn.execute("DELETE FROM files WHERE path = ?", (path,))

    def _store(self, e: Extracted) -> None:
        self._delete(e.path)
        self.conn.execute(
            "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (e.path, e.sha, e.size, e.mtime_ns, e.checked_ns, e.document, e.suppressions, e.problems, e.skipped),
        )
        self.conn.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [(c[0], e.path, *c[1:]) for c in e.claims])

    def remember(self, key: str, compute: Callable[[], str]) -> str:
        """A value kept beside the claims (dropped with them when the version changes)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        if row is not None:
            return str(row[0])
        value = compute()
        with self._transaction():
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
        return value

    # -- reading ---------------------------------------------------------------------------------

    def claims_of(self, paths: Iterable[str]) -> list[Claim]:
        return self._claims("path", list(paths))

    def matching(
        self, conditions: Iterable[tuple[tuple[str, object], ...]], exclude: Iterable[str] = (),
        decoded: dict[int, Claim] | None = None,
    ) -> list[Claim]:
        """Claims meeting any of ``conditions``; each is a tuple of (field, wanted), wanted being a
        value (None matches null) or a frozenset of values, over the fields metric, group, place,
        definition, scope and as_of. One indexed query per condition (claims_key), then only the
        matches' JSON is decoded: decoding is most of the cost. ``decoded`` keeps claims already
        decoded by rowid across calls."""
        column = {"metric": "metric", "group": "grp", "place": "place", "definition": "definition",
                  "scope": "scope", "as_of": "as_of"}
        skip = set(exclude)
        found: dict[str, str] = {}
        for condition in dict.fromkeys(conditions):
            sql, args = [], []
            for name, wanted in condition:
                if isinstance(wanted, frozenset):
                    values = sorted(v for v in wanted if v is not None)
                    alts = [f"{column[name]} IN ({','.join('?' * len(values))})"] if values else []
                    if None in wanted:
                        alts.append(f"{column[name]} IS NULL")
                    sql.append("(" + " OR ".join(alts or ["0"]) + ")")
                    args.extend(values)
                else:
                    sql.append(f"{column[name]} IS ?")
                    args.append(wanted.isoformat() if hasattr(wanted, "isoformat") else wanted)
            query = f"SELECT id, path, rowid FROM claims WHERE {' AND '.join(sql) or '1'}"
            for cid, path, rowid in self.conn.execute(query, args):
                if path not in skip:
                    found.setdefault(cid, rowid)
        decoded = {} if decoded is None else decoded
        rowids = sorted(found.values())
        for chunk in _batches([r for r in rowids if r not in decoded], 900):
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT rowid, data FROM claims WHERE rowid IN ({marks})", chunk)
            decoded.update((rowid, _decode(Claim, d)) for rowid, d in rows)
        return [decoded[r] for r in rowids]

    def all_claims(self) -> list[Claim]:
        return [_decode(Claim, d) for (d,) in self.conn.execute("SELECT data FROM claims ORDER BY rowid")]

    def _claims(self, column: str, values: list[str]) -> list[Claim]:
        out = []
        for chunk in _batches(values, 500):
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT data FROM claims WHERE {column} IN ({marks}) ORDER BY rowid", chunk)
            out.extend(_decode(Claim, d) for (d,) in rows)
        return out

    def _file_column(self, column: str, where: str, paths: Iterable[str] | None, order: str = "") -> list[str]:
        """``column`` of the files matching ``where``, all of them or those among ``paths``."""
        sql = f"SELECT {column} FROM files WHERE {where}"
        if paths is None:
            return [v for (v,) in self.conn.execute(f"{sql} {order}")]
        out: list[str] = []
        for chunk in _batches(sorted(set(paths)), 500):
            marks = ",".join("?" * len(chunk))
            out += [v for (v,) in self.conn.execute(f"{sql} AND path IN ({marks}) {order}", chunk)]
        return out

    def documents(self, paths: Iterable[str] | None = None) -> list[Document]:
        rows = self._file_column("document", "document IS NOT NULL", paths, "ORDER BY path")
        return [_decode(Document, d) for d in rows]

    def suppressions(self, paths: Iterable[str] | None = None) -> list[Suppression]:
        rows = self._file_column("suppressions", "suppressions != '[]'", paths)
        return [Suppression.from_json(s) for data in rows for s in _decode(None, data)]

    def suppression_problems(self, paths: Iterable[str] | None = None) -> list[str]:
        wanted = None if paths is None else set(paths)
        rows = self.conn.execute("SELECT path, problems FROM files WHERE problems != '[]' ORDER BY path")
        return [n for p, problems in rows if wanted is None or p in wanted for n in _decode(None, problems)]


@dataclass(frozen=True)
class _Listed:
    path: str
    skipped: None = None


class _Txn:
    """``BEGIN IMMEDIATE`` … ``COMMIT``: take the write lock up front so two hooks queue rather
    than deadlock, and roll back on any error so a half-written batch never lands."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.conn.execute("COMMIT" if exc_type is None else "ROLLBACK")


def _decode(model, data: str):  # type: ignore[no-untyped-def]
    """A row's JSON back into a record; a row that no longer parses is a corrupt index, which the
    callers rebuild, never a traceback."""
    try:
        return json.loads(data) if model is None else model.model_validate_json(data)
    except (ValueError, TypeError, KeyError) as exc:
        raise sqlite3.DatabaseError(f"unreadable row ({type(exc).__name__})") from None


def _busy(exc: sqlite3.DatabaseError) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


def _batches(items: Iterable, size: int) -> Iterator[list]:  # type: ignore[type-arg]
    batch: list = []  # type: ignore[type-arg]
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
