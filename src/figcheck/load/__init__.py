"""Load stage: find files, decode them, and split off headers into a Document and its body text."""

from figcheck.load.discover import Found, InputError, discover
from figcheck.load.encoding import BinaryFile, check_encoding
from figcheck.load.pieces import PIECE_CHARS, Piece, pieces
from figcheck.load.reader import LoadedDocument, load_bytes, load_file, load_text

__all__ = [
    "PIECE_CHARS", "BinaryFile", "Found", "InputError", "LoadedDocument", "Piece", "check_encoding", "discover",
    "load_bytes", "load_file", "load_text", "pieces",
]
