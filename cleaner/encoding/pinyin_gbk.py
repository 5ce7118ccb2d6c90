"""Byte-level model of machine pinyin annotation over GBK.

The damage this models: clean text encoded to GBK; for each listed character
every occurrence of its bytes (at any alignment) followed by ``(reading)``;
the bytes then decoded leniently, an undecodable byte pair becoming one
``?``.  :func:`lenient_decode` and :func:`annotate` reproduce that process
(the tests use them to generate cases with known answers).
"""
from __future__ import annotations

from typing import Iterable

from .pinyin_data import default_reading


def lenient_decode(data: bytes) -> str:
    """Decode GBK; each undecodable pair (or lone byte) becomes one ``?``."""
    out = []
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
        elif b in (0x80, 0xFF) or i + 1 >= n:
            out.append("?")
            i += 1
        else:
            try:
                out.append(data[i:i + 2].decode("gbk"))
            except UnicodeDecodeError:
                out.append("?")
            i += 2
    return "".join(out)


def is_valid_pair(first: int, second: int) -> bool:
    """Whether the lenient decoder reads ``first second`` as one character."""
    try:
        return len(bytes((first, second)).decode("gbk")) == 1
    except UnicodeDecodeError:
        return False


def annotate(text: str, chars: Iterable[str]) -> str:
    """Simulate the annotating process for ``chars`` (in the given order)."""
    data = text.encode("gbk", errors="replace")
    for ch in chars:
        reading = default_reading(ch)
        if not reading:
            continue
        key = ch.encode("gbk")
        data = data.replace(key, key + b"(" + reading.encode("gbk") + b")")
    return lenient_decode(data)
