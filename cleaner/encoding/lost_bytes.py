"""Lost-byte garbage: what is left where bytes were destroyed, removed.

* ``锟斤拷`` — two U+FFFD written as UTF-8 (``EF BF BD EF BF BD``) and read
  back as GBK; a run of them, possibly cut short (``锟斤``, ``锟``) at its end.
* ``烫烫烫`` / ``屯屯屯`` — the 0xCC / 0xCD fill bytes of uninitialised
  memory in MSVC debug builds, read as GBK.  Three or more in a row, so the
  word 烫 doubled in real text is left alone.
* U+FFFD runs — a decoder's mark for bytes it could not read.

Nothing can be recovered from these, so each run is removed, unless the
text is about them: where one stands alone in quotation marks
(``满屏都是“锟斤拷”``), its kind is a word of the text, and every run of
that kind stays.
"""
from __future__ import annotations

import re

from .. import patterncache

LOST_BYTES = patterncache.compile(
    r"(?:锟斤拷)+(?:锟斤?)?"      # U+FFFD pairs as UTF-8, read as GBK
    r"|锟斤(?=[?\ufffd]|[ \t\u00a0\u3000\ufeff]*$)"   # cut short at a line end (edge space aside)
    r"|烫{3,}|屯{3,}"           # debug fill bytes 0xCC / 0xCD read as GBK
    r"|\ufffd+",                # the replacement character itself
    re.MULTILINE,
)

#: what every lost-byte run starts with
RUN_STARTS = ("锟斤", "烫烫烫", "屯屯屯", "\ufffd")
#: cheap test: can this text hold any lost-byte run at all?
PRECHECK = patterncache.compile("|".join(map(re.escape, RUN_STARTS)))


def describe(run: str) -> str:
    """The reason for removing ``run``."""
    if run.startswith("锟"):
        return f"E210 U+FFFD written as UTF-8 and read as GBK: {run} removed"
    if run[0] in "烫屯":
        return f"E210 uninitialised-memory fill bytes read as GBK: {run} removed"
    return f"E210 {len(run)} U+FFFD replacement character{'s' if len(run) > 1 else ''} removed"


#: a line this much U+FFFD (of its characters that are not white space) was read in the wrong codec whole
UNREADABLE_SHARE = 0.5
#: and at most this share of what is left of it ideographs: stray letters and digits, not words
UNREADABLE_HAN_SHARE = 0.3


def unreadable_lines(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, reason)`` for each line that is mostly U+FFFD: bytes read in
    the wrong codec from end to end, what survived them stray letters of other
    scripts and digits (``��ַ�����н�Ŵ��һ���：027-857…``).  The line goes
    whole, its newline with it; a line with a few U+FFFD among its words keeps
    them (the runs go, see :func:`find_lost_bytes`)."""
    from .charfreq import is_han

    out = []
    pos = 0
    at = text.find("\ufffd")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        nl = text.find("\n", at)
        stop = len(text) if nl < 0 else nl
        chars = [c for c in text[start:stop] if not c.isspace()]
        lost = chars.count("\ufffd")
        rest = [c for c in chars if c != "\ufffd" and not c.isascii()]
        if lost >= UNREADABLE_SHARE * len(chars) and sum(map(is_han, rest)) <= UNREADABLE_HAN_SHARE * len(rest):
            out.append((start, stop + 1 if nl >= 0 else stop,
                        f"E210 a line of bytes read in the wrong codec ({lost} U+FFFD of {len(chars)} characters): removed"))
        pos = stop
        at = text.find("\ufffd", pos)
    return out


def find_lost_bytes(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, reason)`` for every lost-byte run in ``text``."""
    return [(m.start(), m.end(), describe(m.group())) for m in LOST_BYTES.finditer(text)]


#: a named run alone in quotation marks: the text speaks of it
_MENTIONED = patterncache.compile("[“「『\"‘'《]((?:锟斤拷)+|烫+|屯+)[”」』\"’'》]")


#: the replacement character called by its name or code point: a text about it shows it
_NAMED_FFFD = patterncache.compile(r"U\+FFFD|替换字符|替換字符|替換字元|(?i:replacement character)")


def mentioned_kinds(text: str) -> frozenset[str]:
    """The first characters (锟, 烫, 屯, U+FFFD) of the kinds of run the text speaks of."""
    kinds = set()
    if "\ufffd" in text and _NAMED_FFFD.search(text) is not None:
        kinds.add("\ufffd")
    if "锟" in text or "烫" in text or "屯" in text:
        kinds.update(m.group(1)[0] for m in _MENTIONED.finditer(text))
    return frozenset(kinds)
