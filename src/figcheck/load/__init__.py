"""Load stage: find files, decode them, and split off headers into a Document and its body text."""

from figcheck.load.discover import InputError, discover
from figcheck.load.reader import LoadedDocument, load_file, load_text

__all__ = ["InputError", "LoadedDocument", "discover", "load_file", "load_text"]
