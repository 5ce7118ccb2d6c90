"""Latin-script mojibake (``cafÃ©`` → ``café``, ``ä¸­æ–‡`` → ``中文``), fixed by ftfy.

ftfy is configured to repair encodings only: no full-width → half-width
folding, no quote uncurling, no NFKC, no ligature or line-break or HTML
changes, because those defaults would turn Chinese punctuation (``，：（）“”``)
into ASCII.  It is run only on the non-CJK segments of a line that contain a
character mojibake is made of and that ftfy's own badness heuristic calls bad.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from .. import patterncache
from ..linetools import EDGE_SPACE  # what the white-space detector strips from line edges

#: a segment: a run of characters that are not spaces, tabs or CJK ...
_SEGMENT_RUN = patterncache.compile(r"[^ \t\n\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+")
#: ... holding at least one character of the Latin-1/cp1252/cp1250 repertoire
#: that UTF-8 mojibake consists of.  (Found run by run: one pattern for both
#: would try every start of a long run that holds none, in quadratic time.)
_MOJIBAKE_CHAR = patterncache.compile(r"[\u0080-\u024f\u02c6-\u02dd\u2013-\u203a\u20ac\u2122\u0192]")
#: quotation marks and brackets that may enclose a damaged word
_QUOTE_MARKS = "\"'“”‘’«»()[]（）【】「」『』"


#: a UTF-8 lead byte (C2–F4) then a continuation byte (80–BF), as Latin-1/cp1252 show them
UTF8_PAIR = patterncache.compile("[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160"
                       "\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a"
                       "\u0153\u017e\u0178]")


@lru_cache(maxsize=1)
def _ftfy():
    """(ftfy module, encoding-only config), imported on first use."""
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=False,
        decode_inconsistent_utf8=True,
        fix_c1_controls=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=True,
    )
    return ftfy, config


def _sensible(ch: str) -> bool:
    """A character a repair may produce: a letter, number, punctuation, symbol or space."""
    return unicodedata.category(ch)[0] in "LNPSZ" and unicodedata.category(ch) != "Zl"


def fix_segment(segment: str) -> tuple[str, str] | None:
    """``(fixed, how)`` if ftfy calls ``segment`` bad and repairs it, else None."""
    ftfy, config = _ftfy()
    from ftfy.badness import is_bad

    if not UTF8_PAIR.search(segment) or not is_bad(segment):
        return None  # no UTF-8 lead byte followed by a continuation byte: not this kind
    fixed, steps = ftfy.fix_and_explain(segment, config)
    if fixed == segment or not fixed:
        return None
    if len(fixed) >= len(segment) or not all(_sensible(ch) for ch in fixed if not ch.isascii()):
        return None  # a real repair is shorter and reads as letters and punctuation
    if any(ch < " " or ch == "\x7f" for ch in fixed if ch not in segment):
        return None  # nor does it make control characters (ftfy reads U+FFFD beside one as \x1a)
    steps = [(op, arg) for op, arg in (steps or []) if op in ("encode", "decode")]
    if not any(op == "decode" and "utf-8" in arg for op, arg in steps):
        return None  # only re-reading the bytes as UTF-8 repairs this kind of mojibake
    return fixed, ", ".join(f"{arg} {op}" for op, arg in steps)


def segments(line: str):
    """``(start, end)`` of each segment of ``line`` worth a look: a run without
    spaces or CJK that holds a character mojibake is made of."""
    search = _MOJIBAKE_CHAR.search
    for m in _SEGMENT_RUN.finditer(line):
        a, b = m.span()
        if b - a >= 2 and search(line, a, b):
            yield a, b


def _trimmed(line: str, a: int, b: int, chars: str, left: bool = True, right: bool = True) -> tuple[int, int]:
    """``[a, b)`` without the ``chars`` at its left and/or right end."""
    segment = line[a:b]
    return (a + len(segment) - len(segment.lstrip(chars)) if left else a,
            a + len(segment.rstrip(chars)) if right else b)


def find_latin_mojibake(line: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, fixed, reason)`` for each repaired segment of ``line``.

    A segment at an edge of the line is also tried without the white space
    the white-space detector strips there (a leading NBSP), so that what is
    repaired does not depend on a character that goes anyway."""
    out = []
    n = len(line)
    for a, b in segments(line):
        result = fix_segment(line[a:b])
        if result is None and (a == 0 or b == n):
            a2, b2 = _trimmed(line, a, b, EDGE_SPACE, a == 0, b == n)
            if (a2, b2) != (a, b) and b2 - a2 >= 2:
                a, b = a2, b2
                result = fix_segment(line[a:b])
        if result is None and (line[a] in _QUOTE_MARKS or line[b - 1] in _QUOTE_MARKS):
            # quotation marks around the damage ("“ä¸­æ–‡”") are the text's own: a
            # double-byte reading would otherwise take “ (0x93 in cp1252) as a lead byte
            a2, b2 = _trimmed(line, a, b, _QUOTE_MARKS)
            if b2 - a2 >= 2:
                result = fix_segment(line[a2:b2])
                if result is not None:
                    a, b = a2, b2
        if result is None:
            continue
        fixed, how = result
        out.append((a, b, fixed, f"E101 Latin-script mojibake ({how}): {line[a:b]} → {fixed}"))
    return out
