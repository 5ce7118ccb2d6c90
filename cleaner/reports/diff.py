"""Unified diffs between a document as read and as cleaned.

A cleaner knows which lines it touched: every change is a finding with a span
in the original.  The lines no finding touches come through verbatim and in
order, so they anchor the alignment; only the lines between two anchors can
differ.  That makes the diff linear in the size of the document, where a
general line diff (difflib) searches for the longest matches.  Every anchor
is checked for equality before it is used, so the result is a valid unified
diff whatever the findings say; an anchor that is not found where expected
simply becomes part of the changed block around it.

Without findings to go by (line endings or Unicode composition changed
everywhere, or no findings were given) the general diff is used.
"""
from __future__ import annotations

import bisect
import difflib
import itertools
from typing import Iterable, Sequence

#: how far (in cleaned lines) past the changed block an anchor line is looked for
ANCHOR_SLACK = 64
#: lines of context around each change, as in ``diff -U2``
CONTEXT = 2


def unified_diff(original: str, cleaned: str, name: str, findings: Iterable | None = None) -> str:
    """A unified diff of one file; empty when nothing changed.

    ``findings`` (with ``orig_start``/``orig_end`` offsets into ``original``)
    let the diff be computed in linear time; without them difflib is used.
    """
    if original == cleaned:
        return ""
    a = original.splitlines(keepends=True)
    b = cleaned.splitlines(keepends=True)
    if findings is None:
        groups = difflib.SequenceMatcher(None, a, b).get_grouped_opcodes(CONTEXT)
    else:
        touched = touched_lines(original, a, findings)
        groups = grouped(anchored_opcodes(a, b, touched), CONTEXT)
    return format_unified(a, b, groups, name)


def touched_lines(text: str, lines: Sequence[str], findings: Iterable) -> list[bool]:
    """For each line of ``text``, whether a finding's span touches it (its newline included).

    The last line is always counted as touched: the cleaner ends every
    document with exactly one newline, which no finding describes.
    """
    starts = list(itertools.accumulate(map(len, lines), initial=0))
    starts.pop()
    touched = [False] * len(lines)
    if not touched:
        return touched
    touched[-1] = True
    top = len(lines) - 1
    for f in findings:
        first = bisect.bisect_right(starts, f.orig_start) - 1
        end = f.orig_end - 1 if f.orig_end > f.orig_start else f.orig_start
        last = first if end < starts[first + 1 if first < top else top] or first == top \
            else bisect.bisect_right(starts, end) - 1
        if first == last:
            touched[first] = True
        else:
            touched[first:last + 1] = [True] * (last + 1 - first)
    return touched


def anchored_opcodes(a: Sequence[str], b: Sequence[str], touched: Sequence[bool]) -> list[list]:
    """difflib-style opcodes ``[tag, i1, i2, j1, j2]`` aligning ``a`` to ``b`` on untouched lines."""
    ops: list[list] = []
    n, m = len(a), len(b)
    gap_i = j = 0

    def emit(tag: str, i1: int, i2: int, j1: int, j2: int) -> None:
        if tag == "replace":  # a touched line can come through unchanged: keep it as context
            head = 0
            while i1 + head < i2 and j1 + head < j2 and a[i1 + head] == b[j1 + head]:
                head += 1
            tail = 0
            while i2 - tail > i1 + head and j2 - tail > j1 + head and a[i2 - tail - 1] == b[j2 - tail - 1]:
                tail += 1
            if head or tail:
                if head:
                    emit("equal", i1, i1 + head, j1, j1 + head)
                i1, j1, i2, j2 = i1 + head, j1 + head, i2 - tail, j2 - tail
                if i1 < i2 or j1 < j2:
                    emit("replace" if i1 < i2 and j1 < j2 else "delete" if i1 < i2 else "insert", i1, i2, j1, j2)
                if tail:
                    emit("equal", i2, i2 + tail, j2, j2 + tail)
                return
        if ops and ops[-1][0] == tag == "equal" and ops[-1][2] == i1 and ops[-1][4] == j1:
            ops[-1][2], ops[-1][4] = i2, j2
        else:
            ops.append([tag, i1, i2, j1, j2])

    for i in range(n):
        if touched[i]:
            continue
        limit = min(m, j + 2 * (i - gap_i) + ANCHOR_SLACK)
        k = _find(b, a[i], j, limit)
        if k < 0:
            continue  # not where expected: it stays in the changed block
        if gap_i < i or j < k:
            emit("replace" if gap_i < i and j < k else "delete" if gap_i < i else "insert", gap_i, i, j, k)
        emit("equal", i, i + 1, k, k + 1)
        gap_i, j = i + 1, k + 1
    if gap_i < n or j < m:
        emit("replace" if gap_i < n and j < m else "delete" if gap_i < n else "insert", gap_i, n, j, m)
    return ops


def _find(lines: Sequence[str], line: str, start: int, stop: int) -> int:
    for k in range(start, stop):
        if lines[k] == line:
            return k
    return -1


def grouped(ops: list[list], n: int) -> list[list[tuple]]:
    """Hunks of opcodes with ``n`` lines of context, as difflib's ``get_grouped_opcodes``."""
    if not ops:
        ops = [["equal", 0, 1, 0, 1]]
    ops = [list(op) for op in ops]
    if ops[0][0] == "equal":
        tag, i1, i2, j1, j2 = ops[0]
        ops[0] = [tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2]
    if ops[-1][0] == "equal":
        tag, i1, i2, j1, j2 = ops[-1]
        ops[-1] = [tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)]
    span = n + n
    groups: list[list[tuple]] = []
    group: list[tuple] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal" and i2 - i1 > span:
            group.append((tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)))
            groups.append(group)
            group = []
            i1, j1 = max(i1, i2 - n), max(j1, j2 - n)
        group.append((tag, i1, i2, j1, j2))
    if group and not (len(group) == 1 and group[0][0] == "equal"):
        groups.append(group)
    return groups


def _range(start: int, stop: int) -> str:
    """A hunk header range as ``diff -u`` writes it."""
    beginning = start + 1
    length = stop - start
    if length == 1:
        return f"{beginning}"
    if not length:
        beginning -= 1
    return f"{beginning},{length}"


def _block(prefix: str, lines: Sequence[str]) -> str:
    """Lines with a one-character prefix each; a last line without a newline is marked as diff marks it."""
    if not lines:
        return ""
    text = prefix + prefix.join(lines)
    return text if text.endswith("\n") else text + "\n\\ No newline at end of file\n"


def format_unified(a: Sequence[str], b: Sequence[str], groups, name: str) -> str:
    """The text of a unified diff from grouped opcodes."""
    out: list[str] = []
    for group in groups:
        if not out:
            out.append(f"--- a/{name}\n+++ b/{name}\n")
        first, last = group[0], group[-1]
        out.append(f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out.append(_block(" ", a[i1:i2]))
                continue
            if tag in ("replace", "delete"):
                out.append(_block("-", a[i1:i2]))
            if tag in ("replace", "insert"):
                out.append(_block("+", b[j1:j2]))
    return "".join(out)
