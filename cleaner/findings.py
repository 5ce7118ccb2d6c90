"""Findings: what a detector reports about a span of text, and how edits are applied.

A detector never edits text itself.  It returns :class:`Finding` objects, each
naming a span of the text it was shown, the replacement for that span (empty
for a removal) and a human-readable reason.  :func:`apply_findings` turns a
list of findings into the edited text; :class:`OffsetMap` maps positions in an
edited text back to the text before the edit, so every finding can be reported
against the original document.
"""
from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from json.encoder import encode_basestring as _string
from typing import Iterable


@dataclass(slots=True)
class Finding:
    """One removal or repair proposed by a detector.

    ``start``/``end`` index the text the detector was given.  After the
    pipeline has run, ``orig_start``/``orig_end`` index the original document
    and ``before`` holds the original characters of the span.
    """

    code: str
    start: int
    end: int
    replacement: str
    reason: str
    detector: str = ""
    before: str = ""
    orig_start: int = -1
    orig_end: int = -1
    line: int = 0
    #: detector-specific details for the report (``None``: none)
    extra: dict | None = None
    #: (kind, chars), computed once the finding is final (see :meth:`outcome`)
    _outcome: tuple | None = field(default=None, repr=False, compare=False)

    @property
    def kind(self) -> str:
        """``"removed"`` when the span is deleted (or shrunk to white space), ``"repaired"`` otherwise."""
        return "repaired" if self.replacement.strip() else "removed"

    @property
    def flagged(self) -> bool:
        """Reported for a person to look at, but left as it is (replacement equals the span)."""
        return bool(self.before) and self.replacement == self.before

    @property
    def chars(self) -> int:
        """Characters this finding removed (for a removal) or replaced (for a repair)."""
        if self.flagged:
            return 0
        if self.kind == "removed":
            return max(0, (self.end - self.start) - len(self.replacement))
        return self.end - self.start

    def outcome(self) -> tuple[str, int]:
        """``(kind, chars)`` in one step: ``kind`` is ``"flagged"`` for a finding that
        leaves its span alone (0 chars), else ``"removed"`` or ``"repaired"``.
        Asked for by every report, so it is worked out once: call it only
        when the pipeline has finished with the finding."""
        if self._outcome is None:
            self._outcome = outcome_of(self.before, self.replacement, self.end - self.start)
        return self._outcome

    def to_json(self) -> str:
        """``json.dumps(self.to_dict(), ensure_ascii=False)``, written directly: a report
        encodes every finding, and this is about twice as fast as going through a dict."""
        extra = f', "extra": {json.dumps(dict(self.extra), ensure_ascii=False)}' if self.extra else ""
        return (f'{{"code": {_string(self.code)}, "start": {self.start}, "end": {self.end}, '
                f'"replacement": {_string(self.replacement)}, "reason": {_string(self.reason)}, '
                f'"detector": {_string(self.detector)}, "before": {_string(self.before)}, '
                f'"orig_start": {self.orig_start}, "orig_end": {self.orig_end}, "line": {self.line}'
                f'{extra}, "kind": "{self.outcome()[0]}"}}')

    def to_dict(self) -> dict:
        """A plain dict for JSON reports (built by hand: this runs once per finding)."""
        data = {
            "code": self.code, "start": self.start, "end": self.end,
            "replacement": self.replacement, "reason": self.reason, "detector": self.detector,
            "before": self.before, "orig_start": self.orig_start, "orig_end": self.orig_end,
            "line": self.line,
        }
        if self.extra:
            data["extra"] = dict(self.extra)
        data["kind"] = self.outcome()[0]
        return data


_FLAGGED = ("flagged", 0)


def outcome_of(before: str, replacement: str, length: int) -> tuple[str, int]:
    """:meth:`Finding.outcome` of a span of ``length`` characters, ``before``, replaced by ``replacement``."""
    if not replacement:  # a plain removal, the usual finding
        return "removed", length
    if replacement == before:
        return _FLAGGED
    if replacement.strip():
        return "repaired", length
    removed = length - len(replacement)
    return "removed", removed if removed > 0 else 0


def resolve_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Sort findings by position and drop any that overlap an earlier one.

    Detectors usually report findings in order and without overlaps; that is
    confirmed in one pass and the list returned as it is.
    """
    if not isinstance(findings, list):
        findings = list(findings)
    last_end = prev_start = -1
    prev_length = 0
    for f in findings:
        start, end = f.start, f.end
        if start < last_end or start < prev_start or (start == prev_start and end - start > prev_length) \
                or (start == end and not f.replacement):
            return _sort_and_drop_overlaps(findings)
        prev_start, prev_length = start, end - start
        if end > last_end:
            last_end = end
    return findings


def _sort_and_drop_overlaps(findings: list[Finding]) -> list[Finding]:
    kept: list[Finding] = []
    last_end = -1
    for f in sorted(findings, key=lambda f: (f.start, -(f.end - f.start))):
        if f.start < last_end:
            continue
        if f.start == f.end and not f.replacement:
            continue
        kept.append(f)
        last_end = max(last_end, f.end if f.end > f.start else f.start + 0)
    return kept


def apply_findings(text: str, findings: list[Finding]) -> str:
    """Apply sorted, non-overlapping findings to ``text``."""
    if not findings:
        return text
    parts = []
    pos = 0
    for f in findings:
        parts.append(text[pos:f.start])
        parts.append(f.replacement)
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)


class OffsetMap:
    """Maps offsets of an edited text back to the text the edits were made on.

    Built from the sorted, non-overlapping findings of one pipeline stage.
    A position inside a replacement maps to the start of the replaced span
    (and the end of a replacement to its end), so spans stay well-formed.
    """

    def __init__(self, findings: list[Finding]):
        self._new_starts: list[int] = []
        self._rows: list[tuple[int, int, int, int]] = []  # new_start, new_end, old_start, old_end
        delta = 0
        for f in findings:
            new_start = f.start + delta
            new_end = new_start + len(f.replacement)
            self._new_starts.append(new_start)
            self._rows.append((new_start, new_end, f.start, f.end))
            delta += len(f.replacement) - (f.end - f.start)

    @classmethod
    def from_rows(cls, new_starts: list[int], rows: list[tuple[int, int, int, int]]) -> "OffsetMap":
        """A map from rows ``(new_start, new_end, old_start, old_end)`` already computed."""
        m = cls.__new__(cls)
        m._new_starts = new_starts
        m._rows = rows
        return m

    def starts_to_old(self, positions: list[int]) -> list[int]:
        """:meth:`to_old` of ascending start positions, in one walk over the edits."""
        return self._walk_to_old(positions, is_end=False)

    def ends_to_old(self, positions: list[int]) -> list[int]:
        """:meth:`to_old` of ascending end positions (``is_end=True``), in one walk."""
        return self._walk_to_old(positions, is_end=True)

    def _walk_to_old(self, positions: list[int], *, is_end: bool) -> list[int]:
        rows, starts = self._rows, self._new_starts
        if not rows:
            return positions
        out = []
        k, last = -1, len(starts) - 1
        # the edit a position falls in: the last one starting before it (at or
        # before it, for a start), as bisect_left / bisect_right in to_old
        shift = 0 if is_end else 1
        for pos in positions:
            limit = pos + shift
            while k < last and starts[k + 1] < limit:
                k += 1
            if k < 0:
                out.append(pos)
                continue
            _new_start, new_end, old_start, old_end = rows[k]
            if pos < new_end:
                out.append(old_end if is_end else old_start)
            else:
                out.append(old_end + (pos - new_end))
        return out

    def to_old(self, pos: int, *, is_end: bool = False) -> int:
        """Translate ``pos`` in the edited text to the unedited text.

        Spans shrink away from other edits at their boundaries: a start that
        sits where text was removed maps past the removed text, an end maps
        before it.  A position inside a replacement maps to the whole
        replaced span.
        """
        if not self._rows:
            return pos
        if is_end:
            i = bisect.bisect_left(self._new_starts, pos) - 1
        else:
            i = bisect.bisect_right(self._new_starts, pos) - 1
        if i < 0:
            return pos
        _new_start, new_end, old_start, old_end = self._rows[i]
        if is_end:
            return old_end if pos <= new_end else old_end + (pos - new_end)
        return old_start if pos < new_end else old_end + (pos - new_end)
