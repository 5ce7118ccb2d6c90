"""Printable file names.

File names are bytes on POSIX: they may hold newlines, control characters or
bytes that are not UTF-8 (Python keeps those as lone surrogates).  Such a name
must not break a one-line error message, a terminal, or the UTF-8 of
report.json.  :func:`display_path` escapes it; :func:`path_bytes_hex` keeps
the exact bytes for a program that needs to find the file again.
"""
from __future__ import annotations

import os

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def display_path(name: str) -> str:
    """``name`` with non-UTF-8 bytes as ``\\xNN`` and control characters escaped.

    A printable name is returned unchanged, and so is an escaped one: the
    function is idempotent (backslashes are not escaped; ``path_bytes_hex``
    is the exact form).
    """
    if name.isprintable():
        return name
    out = []
    for ch in name:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte kept by surrogateescape
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        elif not ch.isprintable() and ch != " ":
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


def needs_escape(name: str) -> bool:
    return display_path(name) != name


def path_bytes_hex(name: str) -> str:
    """The file name's exact bytes, hex-encoded."""
    return os.fsencode(name).hex()
