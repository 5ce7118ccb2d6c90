"""Control-character detector (W104): C0 control characters, removed before any line is judged.

A stray control character (``\\x01``, ``\\x08``, a NUL) is never content.
It is removed right after the markup stage (a character reference may decode
to one), so that the detectors that judge whole lines (feed chrome,
boilerplate, place names) and the mojibake finders see each line as it will
be written: a share-widget line with a control character glued to it is
still a share-widget line, and cleaning twice changes nothing more.
Tab and newline are layout, not controls; the white-space detector handles
them.
"""
from __future__ import annotations

from .. import patterncache
from ..findings import Finding
from .base import Context, Detector, Rule

RULES = (
    Rule("W104", "control-character", "A C0 control character other than tab and newline.", "'a\\x07b' → 'ab'"),
)

_CONTROL_CLASS = "[\x00-\x08\x0e-\x1f\x7f]"
# written as "one, then any more" so the engine can skip to a candidate
# character rather than try the pattern at every position
_CONTROL = patterncache.compile(f"{_CONTROL_CLASS}{_CONTROL_CLASS}*")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])


def has_control(text: str) -> bool:
    """Whether ``text`` holds a control character, cheaply: the characters
    outside Latin-1 (most of a Chinese text) are dropped in one C pass and
    the rest is checked bytewise."""
    latin = text.encode("latin-1", "ignore")
    return len(latin.translate(None, _CONTROL_BYTES)) != len(latin)


def control_findings(text: str) -> list[Finding]:
    """One W104 finding per run of control characters."""
    return [Finding("W104", m.start(), m.end(), "", f"{m.end() - m.start()} control character(s)")
            for m in _CONTROL.finditer(text)]


def find_controls(text: str, ctx: Context) -> list[Finding]:
    """Remove every run of C0 control characters (tab and newline aside)."""
    return control_findings(text) if has_control(text) else []


DETECTOR = Detector(
    name="controls",
    prefix="W",
    summary="Control characters: C0 controls other than tab and newline, removed before lines are judged.",
    rules=RULES,
    find=find_controls,
)
