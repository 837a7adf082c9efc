"""Corpus stage: the archive index (SQLite under ``.figcheck/``) and the pre-publish check on it."""
