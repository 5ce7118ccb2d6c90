"""UTF-16 read in the wrong width: two kinds of damage, each undone exactly.

* UTF-8 bytes read as UTF-16LE (E206): every two bytes became one character,
  so Chinese text turns into a run of Hangul syllables, Yi and Vai letters,
  ideographs and private-use code points (``룤膀ꏦꖟ韦뒗…``), its newlines
  swallowed with it.  Writing the run back as UTF-16LE gives the UTF-8 bytes.
* UTF-16 (with its byte-order mark) read as a one-byte code page (E207): the
  mark shows as ``ÿþ`` (or ``þÿ``) and each character as two Latin ones
  (``ÿþNSáOÆ–âV…``).  Writing the line back in that code page gives the
  UTF-16 bytes.

A repair is kept only when the bytes decode cleanly and the result reads
as Chinese (the character-frequency model of :mod:`cleaner.encoding.charfreq`
scores it far likelier than the damaged run), so Korean text, Yi script or a
line that merely opens with ``ÿ`` stays as it is.
"""
from __future__ import annotations

from .. import patterncache
from .charfreq import char_logp_fast, is_han

#: characters UTF-8 Chinese turns into when read as UTF-16LE (private-use
#: ones in nearly every run: a lead byte read as the high half of a unit)
HINT = patterncache.compile("[\uac00-\ud7a3\ua000-\ua4cf\ua500-\ua63f\ue000-\uf8ff]")
_MARKS = ("\u00ff\u00fe", "\u00fe\u00ff")


def first_sign(text: str, pos: int = 0) -> int | None:
    """Where the first sign of UTF-16 read in the wrong width stands from ``pos``
    (a character UTF-8 turns into, or the byte-order mark read as Latin-1), or None."""
    hit = HINT.search(text, pos)
    at = hit.start() if hit is not None else -1
    for mark in _MARKS:
        found = text.find(mark, pos, at if at >= 0 else len(text))
        if found >= 0:
            at = found
    return at if at >= 0 else None
#: a run of characters that UTF-8 read as UTF-16LE may be made of: UTF-8
#: holds no zero byte, so no two of its bytes read as an ASCII character
_WIDE_RUN = patterncache.compile("[^\x00-\x7f]{6,}")
#: a repair must read this much likelier per character than the damage (natural log)
MIN_GAIN = 3.0
#: and be this share ideographs
MIN_HAN_SHARE = 0.5


def _per_char(text: str) -> float:
    return sum(map(char_logp_fast, text)) / max(1, len(text))


def _reads_as_chinese(repaired: str, damaged: str) -> bool:
    visible = [c for c in repaired if not c.isspace()]
    if not visible or sum(map(is_han, visible)) < MIN_HAN_SHARE * len(visible):
        return False
    return _per_char("".join(visible)) - _per_char(damaged) >= MIN_GAIN


def utf8_read_as_utf16(line: str) -> list[tuple[int, int, str]]:
    """``(start, end, repair)`` for each run of ``line`` that is UTF-8 read as UTF-16LE."""
    out = []
    for m in _WIDE_RUN.finditer(line):
        start = m.start()
        repaired = _as_utf8(m.group())
        if repaired is None:
            # the line's own words may stand before the run ("附件：룤膀…"): from its first sign
            hint = HINT.search(line, start, m.end())
            start = hint.start() if hint is not None else m.end()
            repaired = _as_utf8(line[start:m.end()]) if m.end() - start >= 6 else None
        if repaired is not None and _reads_as_chinese(repaired, line[start:m.end()]):
            out.append((start, m.end(), repaired.strip("\r\n").replace("\r\n", "\n")))
    return out


def _as_utf8(run: str) -> str | None:
    """``run`` written back as UTF-16LE and read as UTF-8; None when that is not UTF-8."""
    if run[-1] == "\ufffd":   # an odd byte at the end, lost
        run = run[:-1]
    try:
        raw = run.encode("utf-16-le", "surrogatepass")
    except UnicodeEncodeError:
        return None
    repaired = raw.decode("utf-8", "ignore")
    if len(repaired.encode("utf-8")) < len(raw) - 3:
        return None   # more than a character's bytes did not decode: not UTF-8
    return repaired


def utf16_read_as_bytes(line: str) -> tuple[int, int, str] | None:
    """``(start, end, repair)`` when ``line`` holds UTF-16 with its byte-order
    mark read as a one-byte code page, from the mark to the line's end."""
    at = line.find("\u00ff\u00fe")
    if at < 0:
        at = line.find("\u00fe\u00ff")
    if at < 0:
        return None
    run = line[at:].rstrip(" \t")
    for codec in ("cp1252", "latin-1"):
        try:
            raw = run.encode(codec)
        except UnicodeEncodeError:
            continue
        if len(raw) % 2:
            raw = raw[:-1]
        try:
            repaired = raw.decode("utf-16")
        except UnicodeDecodeError:
            continue
        if _reads_as_chinese(repaired, run):
            return at, at + len(run), repaired.strip()
    return None
