"""Document-level normalisation done before and after the detectors.

Line endings become ``\\n``, a leading BOM is dropped and the text is put in
Unicode NFC.  These are recorded as notes on the result rather than as
findings: they change representation, not content.
"""
from __future__ import annotations

import unicodedata

#: notes of :func:`normalize_newlines` and :func:`to_nfc` that mean the text
#: the detectors saw (and the findings' offsets index) differs from the text as read
RENORMALISED_NOTES = frozenset(("bom", "crlf", "cr", "nfc"))


def normalize_newlines(text: str) -> tuple[str, list[str]]:
    """Turn CRLF and lone CR into LF and drop a leading BOM; say what was done."""
    notes = []
    if text.startswith("\ufeff"):
        text = text[1:]
        notes.append("bom")
    if "\r" in text:
        crlf = text.count("\r\n")
        text = text.replace("\r\n", "\n")
        lone = text.count("\r")
        if lone:
            text = text.replace("\r", "\n")
        notes.append("crlf" if crlf else "cr")
    return text, notes


def to_nfc(text: str) -> tuple[str, bool]:
    """Compose the text to NFC; report whether anything changed."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text, False
    return unicodedata.normalize("NFC", text), True
