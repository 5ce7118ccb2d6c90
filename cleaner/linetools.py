"""Line helpers shared by the line-based detectors (boilerplate, feed, place names).

Everything here works on spans of the text a detector was given, so a caller
can turn a line into a :class:`~cleaner.findings.Finding` without
re-computing offsets.  Walking is lazy in both directions, so a detector that
only looks at the head and the tail of a long document never splits the whole
text into lines.

A *line span* is ``(start, end)`` where ``text[start:end]`` is the line
including its newline (the last line may lack one).  Removing exactly that
span removes the line.
"""
from __future__ import annotations

import re
from typing import Iterator

#: white space stripped from line edges (U+3000 paragraph indents, NBSP,
#: zero-width and BOM included) -- the set the white-space detector strips
EDGE_SPACE = "\t\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200e\u200f\u2028\u2029\u202f\u205f\u3000\ufeff"

#: punctuation that ends or splits a sentence (CJK and ASCII)
SENTENCE_END = "。！？!?；;…"
SENTENCE_MARKS = SENTENCE_END + "，,"

_SENTENCE_END_RE = re.compile(f"[{re.escape(SENTENCE_END)}]")
_CJK_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")


def strip_line(line: str) -> str:
    """The line without its newline and surrounding white space."""
    return line.strip(EDGE_SPACE + "\n")


def is_blank(line: str) -> bool:
    return not line.strip(EDGE_SPACE + "\n")


def lines_forward(text: str, pos: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield line spans ``(start, end)`` from ``pos`` (a line start) to ``end``."""
    stop = len(text) if end is None else end
    find = text.find
    while pos < stop:
        nl = find("\n", pos, stop)
        nxt = stop if nl < 0 else nl + 1
        yield pos, nxt
        pos = nxt


def lines_backward(text: str, end: int | None = None, stop: int = 0) -> Iterator[tuple[int, int]]:
    """Yield line spans from the last line before ``end`` back to ``stop``.

    A trailing newline at the very end does not produce an empty last line.
    """
    end = len(text) if end is None else end
    rfind = text.rfind
    pos = end
    while pos > stop:
        # the line ending at pos: its newline is text[pos-1] if present
        search_to = pos - 1 if text[pos - 1] == "\n" else pos
        nl = rfind("\n", stop, search_to)
        start = stop if nl < 0 else nl + 1
        yield start, pos
        pos = start


# white space (blank lines included), then optionally a line's content: group 1
# runs from the first non-space character to the end of that line.  The
# pattern matches at every position it is tried, so a scan is linear.
_NONBLANK = re.compile(r"\s*(\S[^\n]*)?")
_WINDOW = 1024


def nonblank_forward(text: str, pos: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """Like :func:`lines_forward` for non-blank lines, with the stripped content.

    ``pos`` must be a line start.  Blank lines are skipped by the regex engine.
    """
    stop = len(text) if end is None else end
    strip = EDGE_SPACE + "\n"
    rfind, find = text.rfind, text.find
    for m in _NONBLANK.finditer(text, pos, stop):
        if m.start(1) < 0:
            continue
        content = m.group(1).strip(strip)
        if not content:
            continue
        g = m.start(1)
        s = rfind("\n", pos, g) + 1 if g > pos else pos
        if s < pos:
            s = pos
        e = m.end(1)
        e = e + 1 if e < stop and text[e] == "\n" else e
        yield s, e, content


def nonblank_backward(text: str, end: int | None = None, stop: int = 0) -> Iterator[tuple[int, int, str]]:
    """Like :func:`lines_backward` for non-blank lines, with the stripped content.

    Works through windows of a few kilobytes from the end, so the cost does
    not depend on the length of the document.
    """
    end = len(text) if end is None else end
    strip = EDGE_SPACE + "\n"
    hi = end
    window = _WINDOW
    while hi > stop:
        lo = max(stop, hi - window)
        if lo > stop:
            nl = text.rfind("\n", lo, hi - 1)
            if nl < 0:  # one long line: widen the window
                window *= 4
                continue
            lo = nl + 1
        found = []
        for m in _NONBLANK.finditer(text, lo, hi):
            if m.start(1) < 0:
                continue
            content = m.group(1).strip(strip)
            if content:
                g = m.start(1)
                s = text.rfind("\n", lo, g) + 1 if g > lo else lo
                if s < lo:
                    s = lo
                e = m.end(1)
                e = e + 1 if e < hi and text[e] == "\n" else e
                found.append((s, e, content))
        yield from reversed(found)
        hi = lo
        window = min(window * 2, 16 * _WINDOW)


def has_sentence_end(s: str) -> bool:
    """Whether ``s`` holds sentence-ending punctuation (。！？!?；;…)."""
    return _SENTENCE_END_RE.search(s) is not None


def ends_sentence(s: str) -> bool:
    """Whether ``s`` ends like a sentence (closing quotes/brackets aside)."""
    s = s.rstrip("”」』’\"')）】]")
    return bool(s) and s[-1] in SENTENCE_END


def cjk_count(s: str) -> int:
    return len(_CJK_RE.findall(s))


def has_cjk(s: str) -> bool:
    return _CJK_RE.search(s) is not None


__all__ = [
    "EDGE_SPACE", "SENTENCE_END", "SENTENCE_MARKS", "strip_line", "is_blank",
    "lines_forward", "lines_backward", "nonblank_forward", "nonblank_backward",
    "has_sentence_end", "ends_sentence", "cjk_count", "has_cjk",
]
