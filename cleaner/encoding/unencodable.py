"""Unencodable characters: a ``?`` written where the target code page had no byte.

Saving ``©`` or ``°`` in a code page that lacks it leaves a plain ``?``.  It
is repaired only where its surroundings say which character it was:

* ``? 2017 版權所有`` / ``Copyright ? 2015`` — a ``?`` before a year on a
  line that is a copyright notice → ``©``;
* ``25?C`` — a ``?`` between a number and a temperature scale → ``°``.

Any other free-standing ``?`` inside CJK text (spaces on both sides, not
ending a question) is reported with the text left as it is.
"""
from __future__ import annotations

import re

from .. import patterncache

#: what must follow a ``?`` of each kind: a year, a temperature scale, CJK text
YEAR_AFTER = r"(?= ?(?:19|20)\d\d(?!\d))"
SCALE_AFTER = r"(?=[CF](?![A-Za-z0-9=&]))"
CJK_AFTER = r"(?= [\u3400-\u9fff\uff00-\uffef])"

COPYRIGHT_LINE = patterncache.compile(r"版权|版權|copyright|all rights reserved|保留所有|\bcopr\b", re.IGNORECASE)
COPYRIGHT_MARK = patterncache.compile(r"(?:(?<=\s)|(?<=^)|(?<=copyright)|(?<=Copyright)|(?<=COPYRIGHT))\?" + YEAR_AFTER,
                            re.MULTILINE)
DEGREE = patterncache.compile(r"(?<=\d)\?" + SCALE_AFTER)
#: a `?` standing alone between CJK text on both sides
LONE = patterncache.compile(r"(?<=[\u3400-\u9fff\uff00-\uffef] )\?" + CJK_AFTER)

PRECHECK = patterncache.compile(r"\?")


def find_unencodable(line: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, replacement, reason)``; a report leaves ``?`` as replacement."""
    out = []
    taken = set()
    if COPYRIGHT_LINE.search(line):
        for m in COPYRIGHT_MARK.finditer(line):
            out.append((m.start(), m.end(), "©", "E220 ? for an unencodable © in a copyright notice → ©"))
            taken.add(m.start())
    for m in DEGREE.finditer(line):
        out.append((m.start(), m.end(), "°", "E220 ? for an unencodable ° between a number and a scale → °"))
        taken.add(m.start())
    for m in LONE.finditer(line):
        if m.start() not in taken:
            out.append((m.start(), m.end(), "?", "E221 ? may stand for an unencodable character (left as is)"))
    return out
