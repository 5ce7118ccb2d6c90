"""White-space detector (W): the layout rules of CLEANING.md.

Each kept line is stripped of surrounding white space (U+3000 paragraph
indents, NBSP and zero-width characters included); runs of blank lines become
one blank line; blank lines at the edges of the document go; the document
ends with exactly one newline.  Control characters are the controls
detector's (W104), which runs before the line-based detectors; here a
control character left in (W104 not selected) is text like any other.  The
inside of a line (e.g. spaces between a source and a date) is kept.
"""
from __future__ import annotations

from .. import patterncache
from ..findings import Finding
from .base import Context, Detector, Rule

RULES = (
    Rule("W101", "line-edge-space", "White space at the start or end of a line (spaces, tabs, U+3000, NBSP).", "'　　正文 ' → '正文'"),
    Rule("W102", "blank-line-run", "Two or more consecutive blank lines, collapsed to one.", "'a\\n\\n\\n\\nb' → 'a\\n\\nb'"),
    Rule("W103", "document-edge", "Blank lines at the top or bottom; the final newline.", "'\\n\\ntext' → 'text\\n'"),
)

_WS = "\t\x0b\x0c\r \x85\xa0\u1680\u2000-\u200b\u200e\u200f\u2028\u2029\u202f\u205f\u3000\ufeff"
_LEAD = patterncache.compile(f"[{_WS}\n]+")
# A run of white space and newlines that needs work, from its first newline
# to its end: white space before that newline, or after it white space or
# two more newlines (a plain line break or one blank line needs none).  The
# pattern starts with the newline itself, so the engine jumps from newline
# to newline instead of trying the pattern at every character; the first
# newline of a run that needs work always passes the test, so each match
# takes a whole run and the scan goes on after it.
_WORK_RUN = patterncache.compile(f"\n(?:(?=[{_WS}]|\n[{_WS}\n])|(?<=[{_WS}]\n))[{_WS}\n]*")
_WS_CHARS = frozenset(_WS.replace("\u2000-\u200b", "") + "".join(chr(c) for c in range(0x2000, 0x200C)) + "\n")
_STRIP_CHARS = "".join(sorted(_WS_CHARS))


def _layout_runs(text: str, body_start: int, body_end: int) -> list[Finding]:
    """One finding per run of white space and newlines inside the body that
    is not already a plain line break or a single blank line."""
    findings = []
    for run in _WORK_RUN.finditer(text, body_start, body_end):
        start, end = run.span()
        # the run may begin with white space before its first newline (the
        # body begins with a character that is not white space)
        while start > body_start and text[start - 1] in _WS_CHARS:
            start -= 1
        newlines = text.count("\n", start, end)
        if newlines > 2:
            findings.append(Finding("W102", start, end, "\n\n", f"{newlines - 1} blank lines collapsed to one"))
        else:
            findings.append(Finding("W101", start, end, "\n" if newlines == 1 else "\n\n", "white space at a line edge"))
    return findings


def find_whitespace(text: str, ctx: Context) -> list[Finding]:
    """Propose the layout fixes for ``text``."""
    lead = _LEAD.match(text)
    body_start = lead.end() if lead else 0
    if body_start == len(text):
        return [Finding("W103", 0, len(text), "", "document holds only white space")] if text else []
    findings: list[Finding] = []
    if body_start:
        findings.append(Finding("W103", 0, body_start, "", "blank space at the top of the document"))
    body_end = len(text.rstrip(_STRIP_CHARS))
    if "\n" in text:
        findings += _layout_runs(text, body_start, body_end)
    if text[body_end:] != "\n":
        findings.append(Finding("W103", body_end, len(text), "\n", "document ends with exactly one newline"))
    return findings


DETECTOR = Detector(
    name="whitespace",
    prefix="W",
    summary="Layout: line-edge white space, blank-line runs, document edges.",
    rules=RULES,
    find=find_whitespace,
    # one round: it rewrites every maximal run of white space that holds a
    # newline and needs work into exactly one newline or one blank line
    # between two characters that are not white space, strips the document's
    # edges and ends it with one newline, which leaves nothing for a second
    # round (test_whitespace checks this on generated texts)
)
