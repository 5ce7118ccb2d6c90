"""Mojibake detector (E1xx Latin-script, E2xx CJK): text read in the wrong codec.

The per-kind logic lives in :mod:`cleaner.encoding` — one module per kind of
damage.  This module only finds the lines worth looking at and turns each
module's repairs into findings.  A clean Chinese document costs one regex
search: :func:`cleaner.encoding.signs.may_hold_damage` looks for the local
marks every kind of damage leaves (two characters a misread UTF-8 sequence
is made of side by side, Latin-1 lead bytes close together, kana or symbols
glued to ideographs, private-use code points, dense rare ideographs,
``锟斤拷``, U+FFFD …) and a text without any is done.  Otherwise
:func:`precheck` picks the candidate places (single characters mojibake is
made of), and only the windows around them that hold a mark are analysed.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .. import patterncache
from ..encoding import (cjk_mojibake, dropped_pair, latin_mojibake, lost_bytes, prebuilt, signs, unencodable,
                        utf16_misread)
from ..findings import Finding
from ..linetools import line_bounds
from ..quoting import QUOTES, talks_about_encodings
from .base import Context, Detector, Rule

RULES = (
    Rule("E101", "latin-mojibake", "UTF-8 read as Latin-1/cp1252, fixed by ftfy (encoding repairs only).", "cafÃ© → café"),
    Rule("E201", "utf8-read-as-gbk", "UTF-8 bytes read as GBK/GB18030.", "浣犲ソ → 你好"),
    Rule("E202", "gbk-read-as-latin", "GBK or Big5 bytes read as Latin-1/cp1252/cp1250.", "ÖÐÎÄ → 中文"),
    Rule("E203", "big5-read-as-gbk", "Big5 bytes read as GBK.", "硂琌 → 這是"),
    Rule("E204", "gbk-read-as-big5", "GBK bytes read as Big5.", "涴岆 → 这是"),
    Rule("E205", "utf8-read-as-big5", "UTF-8 bytes read as Big5.", ""),
    Rule("E206", "utf8-read-as-utf16", "UTF-8 bytes read as UTF-16LE, two bytes a character.", "룤膀ꏦꖟ… → 华信集团…"),
    Rule("E207", "utf16-read-as-latin", "UTF-16 with its byte-order mark read as a one-byte code page.",
         "ÿþNSáO… → 华信…"),
    Rule("E210", "lost-bytes", "锟斤拷, 烫烫烫/屯屯屯 and U+FFFD runs: nothing to recover, removed.", "锟斤拷 → (removed)"),
    Rule("E220", "unencodable-char", "A ? written for a character the code page lacked, restored from context.", "? 2017版權所有 → © 2017版權所有"),
    Rule("E221", "suspect-question-mark", "A free-standing ? that may stand for a lost character (reported, kept).", ""),
)

_LAT = "\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\u0100-\u017f\u02c7\u02d8-\u02dd"
_HAN = "\u3400-\u9fff"
_ODD = "\u0370-\u03ff\u0400-\u04ff\u2500-\u257f\u3040-\u30ff\u3100-\u312f\u2460-\u24ff\u3220-\u33ff"


@lru_cache(maxsize=1)
def _utf8_lead_readings() -> str:
    """The GBK/Big5 readings of UTF-8 lead bytes (with a continuation byte), escaped for a class."""
    sig = set()
    for lead in list(range(0xE2, 0xEA)) + [0xEF]:
        for trail in range(0x80, 0xC0):
            for enc in ("gb18030", "big5hkscs"):
                try:
                    sig.add(bytes((lead, trail)).decode(enc))
                except UnicodeDecodeError:
                    pass
    return re.escape("".join(sorted(ch for ch in sig if len(ch) == 1)))


def branches_source() -> str:
    """The precheck's branches, one per kind of damage."""
    from ..encoding.charfreq import rare_han

    utf8_lead = _utf8_lead_readings()
    rare = rare_han()
    return (
        f"[\u00a1-\u00ff][\x00-\x08\x0b-\x1f\x7f]*[{_LAT}]"    # Latin-1 pairs (controls looked through)
        f"|[{utf8_lead}]"                                         # GBK/Big5 readings of UTF-8 lead bytes
        f"|[{_HAN}][{_ODD}]|[{_ODD}][{_HAN}]"                     # kana/symbols glued to ideographs
        f"|[\ue000-\uf8ff\ufffd]"                                # private use, replacement character
        f"|[{rare}][^\n]?[{rare}]"                                # dense rare ideographs
        f"|锟斤|烫烫烫|屯屯屯"
        rf"|\?(?= ?(?:19|20)\d\d)|\d\?[CF]|[{_HAN}] \? [{_HAN}]"
    )


def first_source() -> str:
    """One character class: every branch matches at, or one character before, one of its characters."""
    from ..encoding.charfreq import rare_han

    return f"[\u00a1-\u00ff{_utf8_lead_readings()}{_ODD}\ue000-\uf8ff\ufffd{rare_han()}锟烫屯?]"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """(:func:`first_source`, :func:`branches_source`) compiled, once; their
    sources come ready-made for this Python (see :mod:`cleaner.encoding.prebuilt`)."""
    return (patterncache.compile(prebuilt.source("mojibake.first", first_source)),
            patterncache.compile(prebuilt.source("mojibake.branches", branches_source)))


def precheck(text: str, pos: int = 0) -> re.Match | None:
    """The first place at or after ``pos`` that looks like encoding damage.

    One scan for a single character class (fast in C), then the exact
    branches are tried only in a small window around each candidate.
    """
    first, branches = _patterns()
    while True:
        m = first.search(text, pos)
        if m is None:
            return None
        # never before ``pos``: the caller has analysed up to there, and a hit
        # it was already given must not come back (the scan would not advance)
        hit = branches.search(text, max(pos, m.start() - 2), m.end() + 8)
        if hit is not None:
            return hit
        pos = m.end()


_CONTROLS = patterncache.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _find_in_line(line: str, base: int) -> list[Finding]:
    """Findings for one line.  Control characters (which the white-space
    detector drops later) are looked through, so that cleaning twice changes
    nothing more: a span that encloses one takes it along."""
    if not _CONTROLS.search(line):
        return _find_in_bare_line(line, base)
    keep = [i for i, ch in enumerate(line) if not _CONTROLS.match(ch)]
    bare = "".join(line[i] for i in keep)
    found = _find_in_bare_line(bare, 0)
    for f in found:
        f.start = base + keep[f.start]
        f.end = base + (keep[f.end - 1] + 1 if f.end > 0 else 0)
    return found


class _Taken:
    """Non-overlapping spans of a line, kept sorted: whether a span is free
    costs a bisection, not a walk over every span taken (a line can hold
    thousands of findings)."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, a: int, b: int) -> bool:
        i = bisect.bisect_right(self.starts, a) - 1
        if i >= 0 and self.ends[i] > a:
            return False
        return i + 1 >= len(self.starts) or self.starts[i + 1] >= b

    def add(self, a: int, b: int) -> None:
        i = bisect.bisect_right(self.starts, a)
        self.starts.insert(i, a)
        self.ends.insert(i, b)

    def clear_of(self, a: int, b: int) -> tuple[int, int]:
        """``[a, b)`` shrunk off the spans its ends lie in (a run may touch a
        repair that already took its first or last marker)."""
        i = bisect.bisect_right(self.starts, a) - 1
        while 0 <= i < len(self.starts) and self.starts[i] <= a < self.ends[i]:
            a = self.ends[i]
            i += 1
        j = bisect.bisect_left(self.starts, b) - 1
        while j >= 0 and self.starts[j] < b <= self.ends[j]:
            b = self.starts[j]
            j -= 1
        return a, b


def _find_in_bare_line(line: str, base: int) -> list[Finding]:
    found: list[Finding] = []
    taken = _Taken()
    free = taken.free

    def add(code: str, a: int, b: int, repl: str, reason: str) -> None:
        if free(a, b):
            taken.add(a, b)
            found.append(Finding(code, base + a, base + b, repl, reason))

    # Latin (ftfy) and CJK readings compete: where they overlap, the larger gain wins
    proposals = [(cjk_mojibake.gain(line[a:b], fixed), "E101", a, b, fixed, reason)
                 for a, b, fixed, reason in latin_mojibake.find_latin_mojibake(line)]
    proposals += [(cjk_mojibake.gain(line[r.start:r.end], r.text), r.pair.code, r.start, r.end, r.text,
                   r.reason(line[r.start:r.end])) for r in cjk_mojibake.find_repairs(line)]
    for _gain, code, a, b, fixed, reason in sorted(proposals, key=lambda p: -p[0]):
        if code == "E201" and free(a, b):
            restored = dropped_pair.restore_after(line, b, fixed)
            if restored is not None and free(b, restored[0]):
                old = line[a:restored[0]]
                b, fixed = restored[0], fixed + restored[1]
                lost = " (lost byte at the end removed)" if old[-1] in cjk_mojibake.LOSS_MARKERS else ""
                reason = f"E201 UTF-8 read as GBK, one character dropped: {old} → {fixed}{lost}"
        add(code, a, b, fixed, reason)
    if lost_bytes.PRECHECK.search(line):
        for a, b, reason in lost_bytes.find_lost_bytes(line):
            a, b = taken.clear_of(a, b)
            if a < b:
                add("E210", a, b, "", reason)
    if unencodable.PRECHECK.search(line):
        for a, b, repl, reason in unencodable.find_unencodable(line):
            add(reason[:4], a, b, repl, reason)
    return found


#: characters analysed on either side of a precheck hit before falling back to the whole line
WINDOW = 48
#: a finding this close to a window edge that cuts its line is decided on the whole line
EDGE_MARGIN = 16


def _analyse(text: str, hit: re.Match, marked: bool = False) -> tuple[int, list[Finding]]:
    """Findings near ``hit``; returns (where analysis ended, findings).

    Only a window around the hit is analysed; if a finding comes within
    ``EDGE_MARGIN`` characters of an edge of the window that cuts the line
    (the damage, or the context that decides it, may go on), the whole line
    is analysed instead.
    With ``marked`` (a text without control characters), a window that holds
    no mark of damage (:mod:`cleaner.encoding.signs`) is known to yield
    nothing and is passed over unanalysed.
    """
    a, b = line_bounds(text, hit.start())
    lo, hi = max(a, hit.start() - WINDOW), min(b, hit.end() + WINDOW)
    if marked and not signs.may_hold_damage(text, lo, hi):
        return hi, []
    if lo > a or hi < b:
        found = _find_in_line(text[lo:hi], lo)
        # the text past a cut edge can change a decision near it (a Latin run
        # that goes on, a dropped pair): only findings clear of both edges stand
        if not any((f.start < lo + EDGE_MARGIN and lo > a) or (f.end > hi - EDGE_MARGIN and hi < b) for f in found):
            return hi, found
    return b, _find_in_line(text[a:b], a)


#: quotation marks, opening to closing


def _quoted(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` exactly the inside of a pair of quotation marks
    (or that with the closing mark, which a dropped-byte reading may take in)?"""
    if start == 0 or end > len(text):
        return False
    closing = QUOTES.get(text[start - 1])
    return closing is not None and ((end < len(text) and text[end] == closing) or text[end - 1] == closing)


def _utf16_misreads(text: str) -> list[Finding]:
    """E206 and E207 on the lines that hold a sign of UTF-16 read in the wrong width."""
    found: list[Finding] = []
    hit = utf16_misread.first_sign(text)
    while hit is not None:
        start, end = line_bounds(text, hit)
        line = text[start:end]
        bom = utf16_misread.utf16_read_as_bytes(line)
        if bom is not None:
            a, b, repair = bom
            found.append(Finding("E207", start + a, start + b, repair,
                                 f"UTF-16 read as a one-byte code page (byte-order mark {line[a:a + 2]}): {repair[:20]}"))
        else:
            for a, b, repair in utf16_misread.utf8_read_as_utf16(line):
                found.append(Finding("E206", start + a, start + b, repair,
                                     f"UTF-8 read as UTF-16LE: {line[a:a + 6]}… → {repair[:20]}"))
        hit = utf16_misread.first_sign(text, end)
    return found


def find_mojibake(text: str, ctx: Context) -> list[Finding]:
    """Repair or remove encoding damage around each place the precheck hits."""
    # a clean text leaves here after one scan, before any per-run state is touched
    if text.isascii() or not signs.may_hold_damage(text):
        return []
    wide = _utf16_misreads(text)
    if wide:
        return wide   # the repaired lines are read again, with the rest, in the next round
    findings: list[Finding] = []
    reported = ctx.state.setdefault("mojibake_reported", set())
    # windows are ruled out by their marks only in text without control characters,
    # which the finders look through and the marks do not
    marked = _CONTROLS.search(text) is None
    mentioned = lost_bytes.mentioned_kinds(text)
    if "\ufffd" in text and "\ufffd" not in mentioned:
        findings = [Finding("E210", a, b, "", reason) for a, b, reason in lost_bytes.unreadable_lines(text)]
    about_encodings = None   # worked out at the first quoted finding
    gone = [(f.start, f.end) for f in findings]   # whole lines, in order
    m = precheck(text)
    while m is not None:
        end, found = _analyse(text, m, marked)
        for f in found:
            if gone and _inside_any(gone, f.start):
                continue  # its line goes whole
            if mentioned and f.code == "E210" and text[f.start] in mentioned:
                continue  # the text is about this kind of garbage
            if _quoted(text, f.start, f.end):
                if about_encodings is None:
                    about_encodings = talks_about_encodings(text)
                if about_encodings:
                    continue  # an example the text cites: "会看到“浣犲ソ”"
            if f.replacement == text[f.start:f.end]:
                # a report that leaves the text alone: once per run, not once per round
                key = (text[max(0, f.start - 20):f.end + 20], f.start)
                if key in reported:
                    continue
                reported.add(key)
            findings.append(f)
        m = precheck(text, end) if end < len(text) else None
    if gone:
        findings.sort(key=lambda f: f.start)
    return findings


def _inside_any(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls in one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


DETECTOR = Detector(
    name="mojibake",
    prefix="E",
    summary="Mojibake and encoding damage: Latin-script (ftfy) and CJK codec confusions, lost bytes.",
    rules=RULES,
    find=find_mojibake,
    # a repair can reveal another (a span beside a lost byte, mojibake of mojibake)
    repeat=True,
)
