"""Turn a file's bytes into text: byte-order marks, a declared encoding, UTF-8, then a detected one.

Every guess is reported: a warning names the file and says how it was decoded, so a wrong guess
can be fixed with ``--encoding`` instead of passing unnoticed.
"""

from __future__ import annotations

import codecs

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Formats that are never text, recognised by their first bytes (some, like PDF, hold no NUL early).
MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (docx, xlsx, epub…)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"RIFF", "a RIFF media file"),
    (b"\x7fELF", "an executable"),
)


MIN_LEGACY_BYTES = 8
"""Fewer undecodable bytes than this are stray damage, not a text written in another code page."""


class BinaryFile(ValueError):
    """The bytes are not a text document; the file is skipped with a note."""


def check_encoding(name: str) -> str:
    """The canonical codec name for ``name``; raises LookupError for an unknown one."""
    return codecs.lookup(name).name


def bom_encoding(raw: bytes) -> str | None:
    for mark, name in BOMS:
        if raw.startswith(mark):
            return name
    return None


def sniff_binary(raw: bytes) -> str | None:
    """What kind of non-text file ``raw`` is, or None when it may be text."""
    for magic, kind in MAGIC:
        if raw.startswith(magic):
            return kind
    if bom_encoding(raw) is None and b"\x00" in raw[:8192]:
        return "a binary file"
    return None


def decode(raw: bytes, path: str, warnings: list[str], declared: str | None = None) -> str:
    """Decode ``raw``: a BOM wins, then the declared encoding, then UTF-8, then detection."""
    bom = bom_encoding(raw)
    if bom is not None:
        return _lenient(raw, bom, path, warnings, f"invalid {bom} after its byte-order mark")
    if declared:
        return _lenient(raw, declared, path, warnings, f"not valid {check_encoding(declared)} as declared")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    text = raw.decode("utf-8", errors="replace")
    if _mostly_utf8(text) or text.count("\ufffd") < MIN_LEGACY_BYTES:
        warnings.append(f"{path}: invalid UTF-8 at byte {first_bad}; undecodable bytes replaced")
        return text
    guess = _detect(raw)
    if guess is None:
        warnings.append(f"{path}: invalid UTF-8 at byte {first_bad} and no other encoding fits; undecodable bytes replaced")
        return text
    warnings.append(f"{path}: not UTF-8; decoded as {guess} (detected; pass --encoding if that is wrong)")
    return raw.decode(guess, errors="replace")


def _lenient(raw: bytes, encoding: str, path: str, warnings: list[str], problem: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        warnings.append(f"{path}: {problem} at byte {exc.start}; undecodable bytes replaced")
        return raw.decode(encoding, errors="replace")


def _mostly_utf8(replaced: str) -> bool:
    """Damaged UTF-8 still decodes most of its non-ASCII letters; a legacy code page decodes almost none.

    Hebrew in Windows-1255 is a run of bytes from 0xE0 up, each an invalid UTF-8 sequence, so nearly
    every non-ASCII byte becomes U+FFFD; a UTF-8 file with a few bad bytes keeps most letters.
    """
    bad = replaced.count("\ufffd")
    good = sum(1 for ch in replaced if ch > "\x7f") - bad
    return good >= bad


def _detect(raw: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported late: only non-UTF-8 files need it

    best = from_bytes(raw[:1_000_000]).best()
    if best is None or best.encoding in {"utf_8", "ascii"}:
        return None
    return check_encoding(best.encoding)
