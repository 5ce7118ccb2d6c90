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

from . import patterncache

#: white space stripped from line edges (U+3000 paragraph indents, NBSP,
#: zero-width and BOM included) -- the set the white-space detector strips
EDGE_SPACE = "\t\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200e\u200f\u2028\u2029\u202f\u205f\u3000\ufeff"

#: punctuation that ends or splits a sentence (CJK and ASCII)
SENTENCE_END = "。！？!?；;…"
SENTENCE_MARKS = SENTENCE_END + "，,"

#: what ends a line that announces the lines under it ("排名前十的县市分别是：")
ANNOUNCING_COLONS = ("：", ":")

_SENTENCE_END_RE = patterncache.compile(f"[{re.escape(SENTENCE_END)}]")
#: a label of a list on its own line ("周边站点：", "热门城市：") is this short at most
LABEL_CHARS = 10
_LABEL_CLAUSE = patterncache.compile(r"[。！？!?；;：:“”\"（）()《》]")


#: a comment section's header with its count after a space: "评论 78", "回应 34"
_COUNTED_COMMENT_HEADER = patterncache.compile(r"(?:全部|热门|熱門|最新|精彩|网友|網友|读者|讀者)?"
                                               r"(?:评论|評論|留言|回应|回應)[ \t]+\d[\d,.]*[ \t]*[万萬]?")
_COUNTED_COMMENT_FIRSTS = frozenset("全热熱最精网網读讀评評留回")


def is_counted_comment_header(line: str) -> bool:
    """Whether ``line`` (stripped) is a comment section's header with its count
    after a space ("评论 78"): the feed detector leaves it to the boilerplate
    detector when a thread stands under it, which then takes both."""
    return line[:1] in _COUNTED_COMMENT_FIRSTS and _COUNTED_COMMENT_HEADER.fullmatch(line) is not None


def is_list_label(label: str) -> bool:
    """Whether ``label`` (stripped) is only the label of a list: short, ending
    in a colon, with no sentence in it and no other colon."""
    return (0 < len(label) <= LABEL_CHARS and label[-1] in ANNOUNCING_COLONS
            and _LABEL_CLAUSE.search(label, 0, len(label) - 1) is None)
_CJK_RE = patterncache.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")


def strip_line(line: str) -> str:
    """The line without its newline and surrounding white space."""
    return line.strip(EDGE_SPACE + "\n")


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """``(start, end)`` of the line that holds position ``pos``, its newline excluded."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


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


# White space that never holds line content: a character that is both
# ``str.isspace`` (stripped from the left of a line) and in EDGE_SPACE
# (stripped from the right), plus the newline.  A run of these is blank lines
# only, so the walkers can jump over it with one C-level strip or match.
_PLAIN_BLANK = "".join(c for c in EDGE_SPACE if c.isspace()) + "\n"
_BLANK_RUN = patterncache.compile(f"[{re.escape(_PLAIN_BLANK)}]*")
#: first chunk the backward walker strips when it meets a blank line
_WINDOW = 1024


#: the lines read last, as (text, {(pos, end): line after, (end, stop, 0): line before}): the
#: passes of a detector read the same lines of one document again and again
_read = (None, {})


def line_after(text: str, pos: int = 0, end: int | None = None) -> tuple[int, int, str] | None:
    """The first non-blank line from ``pos`` (a line start) to ``end`` (see :func:`_line_after`)."""
    return _remembered(text, (pos, end), _line_after, pos, end)


def _remembered(text: str, key: tuple, read, a, b):
    """``read(text, a, b)``, remembered under ``key`` while ``text`` is the text last read."""
    global _read
    last = _read
    if last[0] is text:
        lines = last[1]
        found = lines.get(key, _UNREAD)
        if found is not _UNREAD:
            return found
    else:
        lines = {}
        _read = (text, lines)
    found = lines[key] = read(text, a, b)
    return found


_UNREAD = object()


def _line_after(text: str, pos: int = 0, end: int | None = None) -> tuple[int, int, str] | None:
    """The first non-blank line from ``pos`` (a line start) to ``end``, as ``(start, end, content)``.

    The content of a line is the line without its leading white space and
    without EDGE_SPACE at either end.  A run of blank lines is skipped by one
    regex match.
    """
    stop = len(text) if end is None else end
    while pos < stop:
        nl = text.find("\n", pos, stop)
        line_end = stop if nl < 0 else nl
        content = text[pos:line_end].lstrip().strip(EDGE_SPACE)
        if content:
            return pos, line_end + 1 if nl >= 0 else stop, content
        # blank: jump over the plain-blank run, back to the start of its last line
        run_end = _BLANK_RUN.match(text, pos, stop).end()
        if run_end >= stop:
            return None
        pos = max(line_end + 1, text.rfind("\n", pos, run_end) + 1)
    return None


def nonblank_forward(text: str, pos: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """Like :func:`lines_forward` for non-blank lines, with the stripped content (see :func:`line_after`).

    ``pos`` must be a line start.  Only the lines actually consumed are looked at.
    """
    while True:
        found = line_after(text, pos, end)
        if found is None:
            return
        yield found
        pos = found[1]


def _blank_run_back(text: str, pos: int, stop: int) -> int:
    """End of the last line before ``pos`` (a line start) that may hold content.

    Strips plain-blank characters from the left of ``pos`` in chunks that
    grow, so a long run of blank lines costs a few C-level strips.
    """
    window = _WINDOW
    hi = pos
    while True:
        lo = max(stop, hi - window)
        k = lo + len(text[lo:hi].rstrip(_PLAIN_BLANK))
        if k > lo or lo == stop:
            break
        hi = lo
        window *= 4
    if k == stop:
        return stop  # nothing but blank lines down to ``stop``
    # k - 1 holds content; its line ends at the first newline from k
    nl = text.find("\n", k, pos)
    return pos if nl < 0 else nl + 1


def line_before(text: str, end: int | None = None, stop: int = 0) -> tuple[int, int, str] | None:
    """The last non-blank line between ``stop`` and ``end`` (see :func:`_line_before`)."""
    return _remembered(text, (end, stop, 0), _line_before, end, stop)


def _line_before(text: str, end: int | None = None, stop: int = 0) -> tuple[int, int, str] | None:
    """The last non-blank line between ``stop`` and ``end``, as ``(start, end, content)``.

    Steps one line at a time from ``end``, so the cost depends on the lines
    looked at, not on the length of the document.
    """
    pos = len(text) if end is None else end
    blank = False  # whether the line just below was blank
    while pos > stop:
        line_end = pos - 1 if text[pos - 1] == "\n" else pos
        nl = text.rfind("\n", stop, line_end)
        start = stop if nl < 0 else nl + 1
        content = text[start:line_end].lstrip().strip(EDGE_SPACE)
        if content:
            return start, pos, content
        if start <= stop:
            return None
        if blank:
            # a run of blank lines: skip the rest of it in one go
            pos = _blank_run_back(text, start, stop)
        else:
            # a single blank line (between paragraphs) is just stepped over
            pos = start
            blank = True
    return None


def nonblank_backward(text: str, end: int | None = None, stop: int = 0) -> Iterator[tuple[int, int, str]]:
    """Like :func:`lines_backward` for non-blank lines, with the stripped content (see :func:`line_before`)."""
    while True:
        found = line_before(text, end, stop)
        if found is None:
            return
        yield found
        end = found[0]


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
    "lines_forward", "lines_backward", "line_after", "line_before", "nonblank_forward", "nonblank_backward",
    "has_sentence_end", "ends_sentence", "cjk_count", "has_cjk", "is_counted_comment_header", "is_list_label",
]
