"""Front matter: a YAML (``---``) or TOML (``+++``) block at the top of a document.

Front matter is metadata, not noise.  It is split off before the detectors
run, kept as it is (only trailing white space is removed from its lines), and
put back in front of the cleaned body.
"""
from __future__ import annotations

from . import patterncache

_FENCES = ("---", "+++")
_BLANK_PREFIX = patterncache.compile(r"[ \t\u3000\u00a0]*(?:\n[ \t\u3000\u00a0]*)*")


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Return ``(front_matter, body, body_offset)``.

    ``front_matter`` is the cleaned block including its fences and a final
    newline, or ``""`` when the document has none.  ``body_offset`` is where
    the body starts in ``text``.
    """
    lead = _BLANK_PREFIX.match(text).end()
    # the fence must start a line
    line_start = text.rfind("\n", 0, lead) + 1
    if not text.startswith(_FENCES, line_start):
        return "", text, 0  # the common case, decided without copying the text
    head = text[line_start:]
    for fence in _FENCES:
        first_nl = head.find("\n")
        if first_nl < 0 or head[:first_nl].rstrip() != fence:
            continue
        pos = first_nl + 1
        while pos <= len(head):
            nl = head.find("\n", pos)
            line = head[pos:] if nl < 0 else head[pos:nl]
            if line.rstrip() == fence and (nl >= 0 or line):
                end = len(head) if nl < 0 else nl + 1
                block = head[:end]
                cleaned = "\n".join(l.rstrip() for l in block.rstrip("\n").split("\n")) + "\n"
                return cleaned, text[line_start + end:], line_start + end
            if nl < 0:
                break
            pos = nl + 1
    return "", text, 0
