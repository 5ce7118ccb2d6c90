"""Latin-script mojibake (``cafÃ©`` → ``café``, ``ä¸­æ–‡`` → ``中文``), fixed by ftfy.

ftfy is configured to repair encodings only: no full-width → half-width
folding, no quote uncurling, no NFKC, no ligature or line-break or HTML
changes, because those defaults would turn Chinese punctuation (``，：（）“”``)
into ASCII.  It is run only on the non-CJK segments of a line that contain a
character mojibake is made of and that ftfy's own badness heuristic calls bad.
"""
from __future__ import annotations

import re
from functools import lru_cache

#: a segment: no spaces/tabs, no CJK, with at least one character of the
#: Latin-1/cp1252/cp1250 repertoire that UTF-8 mojibake consists of
SEGMENT = re.compile(
    r"[^ \t\n\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]*"
    r"[\u0080-\u024f\u02c6-\u02dd\u2013-\u203a\u20ac\u2122\u0192]"
    r"[^ \t\n\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]*"
)


@lru_cache(maxsize=1)
def _ftfy():
    """(ftfy module, encoding-only config), imported on first use."""
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=False,
        decode_inconsistent_utf8=True,
        fix_c1_controls=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=True,
    )
    return ftfy, config


def fix_segment(segment: str) -> tuple[str, str] | None:
    """``(fixed, how)`` if ftfy calls ``segment`` bad and repairs it, else None."""
    ftfy, config = _ftfy()
    from ftfy.badness import is_bad

    if not is_bad(segment):
        return None
    fixed, steps = ftfy.fix_and_explain(segment, config)
    if fixed == segment or not fixed:
        return None
    how = ", ".join(f"{arg} {op}" for op, arg in (steps or []) if op in ("encode", "decode"))
    return fixed, how or "re-decoded"


def find_latin_mojibake(line: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, fixed, reason)`` for each repaired segment of ``line``."""
    out = []
    for m in SEGMENT.finditer(line):
        seg = m.group()
        if len(seg) < 2:
            continue
        result = fix_segment(seg)
        if result is None:
            continue
        fixed, how = result
        out.append((m.start(), m.end(), fixed, f"E101 Latin-script mojibake ({how}): {seg} → {fixed}"))
    return out
