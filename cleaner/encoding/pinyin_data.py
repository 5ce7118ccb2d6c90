"""Lazily loaded look-up tables for the pinyin-annotation detector.

Everything here is built once per process, on first use, so a document that
shows no sign of annotations never pays for it:

* readings of a character (pypinyin's single-character table, toned style;
  the first reading is the default one);
* the set of valid toned syllables (every reading of every character);
* the GBK double-byte table, indexed by lead byte;
* whether a character's simplified form differs from it (OpenCC ``t2s``).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

TONE_LETTERS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
#: letters a toned syllable may be spelled with
SYLLABLE_LETTERS = "a-zü" + TONE_LETTERS + "ḿńňǹ"


@lru_cache(maxsize=1)
def _pinyin_table() -> dict:
    """pypinyin's single-character table, loaded on its own: importing the
    ``pypinyin`` package would also load its phrase dictionary, several times
    larger and not needed here."""
    import importlib.util
    import sys

    loaded = sys.modules.get("pypinyin.pinyin_dict")
    if loaded is not None:
        return loaded.pinyin_dict
    package = importlib.util.find_spec("pypinyin")
    if package is None or not package.submodule_search_locations:
        from pypinyin.pinyin_dict import pinyin_dict  # let the import error speak

        return pinyin_dict
    path = Path(next(iter(package.submodule_search_locations))) / "pinyin_dict.py"
    spec = importlib.util.spec_from_file_location("_seedclean_pinyin_dict", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.pinyin_dict


@lru_cache(maxsize=8192)
def readings(char: str) -> tuple[str, ...]:
    """All toned readings of ``char``, default first; () when unknown."""
    if len(char) != 1:
        return ()
    value = _pinyin_table().get(ord(char))
    if not value:
        return ()
    return tuple(value.split(","))


@lru_cache(maxsize=4096)
def lost_tone_reading(word: str, char: str) -> str | None:
    """The reading of ``char`` that ``word`` spells with its tone letter lost to
    ``?`` (``m?n`` for 門 mén); None when there is none."""
    if word.count("?") != 1:
        return None
    before, after = word.split("?")
    for reading in readings(char):
        if (len(reading) == len(word) and reading.startswith(before) and reading.endswith(after)
                and reading[len(before)] in TONE_LETTERS):
            return reading
    return None


def default_reading(char: str) -> str | None:
    r = readings(char)
    return r[0] if r else None


@lru_cache(maxsize=1)
def valid_syllables() -> frozenset[str]:
    out = set()
    for value in _pinyin_table().values():
        out.update(value.split(","))
    return frozenset(s for s in out if s.isalpha())


def is_syllable(word: str) -> bool:
    return word in valid_syllables()


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


@lru_cache(maxsize=1)
def _s2t():
    from opencc import OpenCC

    return OpenCC("s2t")


@lru_cache(maxsize=4096)
def to_traditional(char: str) -> str:
    """The usual traditional form of a simplified character."""
    return _s2t().convert(char)


@lru_cache(maxsize=8192)
def traditional_differs(char: str) -> bool:
    """True when ``char`` is a traditional form whose simplified form differs."""
    return to_simplified(char) != char


@lru_cache(maxsize=1)
def gbk_table() -> dict[int, dict[int, str]]:
    """lead byte -> {trail byte: character} for every valid GBK double-byte code."""
    table: dict[int, dict[int, str]] = {}
    for lead in range(0x81, 0xFF):
        row = {}
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            try:
                ch = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            if len(ch) == 1:
                row[trail] = ch
        table[lead] = row
    return table


def gbk_char(lead: int, trail: int) -> str | None:
    return gbk_table().get(lead, {}).get(trail)


@lru_cache(maxsize=16384)
def gbk_bytes(char: str) -> bytes | None:
    try:
        return char.encode("gbk")
    except UnicodeEncodeError:
        return None


def chars_with_lead(lead: int, reading: str | None = None) -> list[tuple[int, str]]:
    """(trail, char) for GBK characters with this lead byte (and reading)."""
    row = gbk_table().get(lead, {})
    if reading is None:
        return list(row.items())
    return [(t, c) for t, c in row.items() if reading in readings(c)]
