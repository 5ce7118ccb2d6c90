"""Signs of encoding damage: what a stretch of text must contain to be repairable.

Every kind of damage the mojibake detector repairs leaves a local mark that
one regex can look for, so a stretch of text without any of them is known to
yield nothing before a single line is analysed.  Each mark below is a
*necessary* condition of the matching finder (a finding implies the mark),
derived from how the finder accepts a repair; none of them decides anything
by itself.

* UTF-8 read as GBK or Big5 (:mod:`cleaner.encoding.cjk_mojibake`, E201,
  E205).  A repair decodes only to ideographs, common CJK punctuation and
  ASCII, so every multi-byte character in it starts with one of a few UTF-8
  lead bytes.  A repaired span is made of whole aligned groups, so its first
  multi-byte character is *aligned*: its lead byte is the first byte of a
  shown character, a *head* (``涓`` = E4 B8), and the next shown character
  starts with a continuation byte.  A chain of multi-byte characters with no
  ASCII between them starts aligned; a 3-byte character leaves the next one
  misaligned (its lead byte is the second byte of a shown character,
  ``枃`` = AD E6), and ASCII realigns.  A repair needs two ideographs and is
  at least half non-ASCII, so two of its multi-byte characters are at most
  two ASCII characters apart.  Hence it holds the first two characters of a
  chain (a 3-byte head, a misaligned lead, then continuation bytes:
  ``涓枃``), or two heads with only the end of the first one's character
  and up to two ASCII characters between them.  One cut short
  by a lost byte (one ideograph, a partial character, ``?``) holds a head a
  few characters before the ``?``; one that starts right after a ``?``
  holds a lead byte within three characters of it.  The middle dot (C2 B7,
  shown as the common ``路``) does not count as a head: a chain it starts is
  found by the character after it, and only a repair whose ideographs are
  all kept apart by runs of middle dots and ASCII is not looked for.
* GBK or Big5 read as a Latin code page (E202): each double-byte character
  shows as a high Latin character (its lead byte) then a Latin or ASCII one,
  so two characters of a repair put two lead bytes at most four characters
  apart with only Latin or ASCII between them; and the line must hold a
  Latin-1 letter (:func:`cleaner.encoding.cjk_mojibake._worth_scanning`).
* Big5 and GBK read as each other (E203, E204): the scan runs only where
  :func:`cleaner.encoding.cjk_mojibake._double_byte_signs` matches.
* Latin-script mojibake (E101): ftfy is asked only where
  :data:`cleaner.encoding.latin_mojibake.UTF8_PAIR` matches.
* Lost bytes (E210) and unencodable characters (E220, E221): their own
  prechecks, with look-behinds dropped (a looser test is still a necessary
  one).

The marks are tested on text without control characters; the detector
falls back to analysing every candidate when a text has any.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import patterncache
from . import cjk_mojibake, latin_mojibake, lost_bytes, prebuilt, unencodable
from .charfreq import _COMMON_CJK_PUNCT

_CONT = range(0x80, 0xC0)
#: what a decoder leaves for a byte it could not read
LOSS = set(cjk_mojibake.LOSS_MARKERS)
#: ASCII but the newline: what may stand between the characters of a repair
_ASCII = set(map(chr, range(0x80))) - {"\n"}
#: ideograph ranges (as :func:`cleaner.encoding.charfreq.is_han`)
_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))


def _unit_heads() -> set[bytes]:
    """First two UTF-8 bytes of every multi-byte character a repair may
    decode to (ideographs and common CJK punctuation)."""
    heads = set()
    for lo, hi in _HAN_RANGES:
        # the first two bytes stay the same over each aligned block of 64 code points
        for block in range(lo - lo % 64, hi + 1, 64):
            heads.add(chr(max(block, lo)).encode("utf-8")[:2])
    for ch in _COMMON_CJK_PUNCT:
        raw = ch.encode("utf-8")
        if len(raw) > 1:
            heads.add(raw[:2])
    return heads


def _klass(chars) -> str:
    """A regex character class of ``chars``, written as ranges (quick to compile).

    Characters outside the Basic Multilingual Plane are all let in: a mark
    that matches more often is still a necessary condition, and one range is
    quicker to compile and to test than hundreds of scattered ones."""
    return _klass_of(frozenset(chars))


@lru_cache(maxsize=None)
def _klass_of(chars: frozenset[str]) -> str:
    if not chars:
        return "(?!)"  # matches nothing, as an empty class would
    cps = sorted(map(ord, chars))
    wide = bool(cps) and cps[-1] >= 0x10000
    parts = []
    i, n = 0, len(cps)
    while i < n and cps[i] < 0x10000:
        j = i
        while j + 1 < n and cps[j + 1] == cps[j] + 1 and cps[j + 1] < 0x10000:
            j += 1
        lo, hi = _escape(cps[i]), _escape(cps[j])
        parts.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    if wide:
        parts.append("\U00010000-\U0010ffff")
    return "[" + "".join(parts) + "]"


def _escape(cp: int) -> str:
    """A code point inside a character class (only ASCII needs escaping there)."""
    return re.escape(chr(cp)) if cp < 0x80 else chr(cp)


def _shown(raws, shown: tuple[str, ...]) -> set[str]:
    """Every character that one of ``raws`` (byte strings) reads as in one of
    the ``shown`` codecs: the characters a damaged text shows for those bytes.

    All byte strings are decoded in one call per codec, a newline between
    them (a newline is never part of a double-byte character).  A character
    that decodes from one of them but is written otherwise only makes a mark
    match more often, never less."""
    raws = list(raws)
    out = set()
    for enc in shown:
        pieces = b"\n".join(raws).decode(enc, errors="replace").split("\n")
        assert len(pieces) == len(raws)
        out.update(ch for ch in pieces if len(ch) == 1 and ch != "\ufffd")
    encode = cjk_mojibake._encode_char.__wrapped__
    if any(len(raw) == 1 for raw in raws) and encode("\u20ac", shown) in raws:
        out.add("\u20ac")  # the repairs read the euro sign as GBK 0x80
    return out


def _pairs(firsts, seconds) -> list[bytes]:
    return [bytes((a, b)) for a in firsts for b in seconds]


#: a mark: (the characters it can start with, a regex for the rest, run right after that character)
Mark = tuple[set[str], str]


def _utf8_marks(shown: tuple[str, ...]) -> list[Mark]:
    """The marks of UTF-8 shown in ``shown`` (see the module docstring)."""
    heads = _unit_heads()
    leads34 = sorted({h[0] for h in heads if h[0] >= 0xE0})
    leads2 = sorted({h[0] for h in heads if h[0] < 0xE0})
    #: second bytes of 2-byte characters (the middle dot's B7)
    seconds2 = sorted({h[1] for h in heads if h[0] < 0xE0})
    head34 = _shown((h for h in heads if h[0] >= 0xE0), shown)
    head3 = _shown((h for h in heads if 0xE0 <= h[0] < 0xF0), shown)
    misaligned34 = _shown(_pairs(_CONT, leads34), shown)
    misaligned2 = _shown(_pairs(_CONT, leads2), shown)
    cont_pair = _shown(_pairs(_CONT, _CONT) + [bytes((b,)) for b in _CONT], shown)
    after2 = _shown(_pairs(seconds2, range(0x40, 0xFF)), shown)
    #: what follows a head: the next byte of its character is a continuation byte
    cont_first = _shown(_pairs(_CONT, range(0x40, 0xFF)) + [bytes((b,)) for b in _CONT], shown)
    #: a head's character ended by a shown character, then ASCII: a continuation byte and an
    #: ASCII trail byte, or continuation bytes alone (a 4-byte character)
    cont_ascii = _shown(_pairs(_CONT, range(0x40, 0x7F)), shown) | cont_pair
    # the middle dot (C2 B7, read as GBK: 路) is too common to count as a head of its
    # own; a chain it starts is found by the character after it
    anyhead = _shown(heads, shown)
    lone_cont = _shown([bytes((b,)) for b in _CONT], shown)
    chain = f"(?<={_klass(head3)})(?:{_klass(misaligned34)}{_klass(cont_pair)}|{_klass(misaligned2)}{_klass(after2)})"
    # two heads: the first one's character ends, up to two ASCII characters
    # follow, and the next head; where the second head would come straight
    # after a 3-byte head's continuation, that is a chain
    apart = f"{_klass(cont_ascii)}{_klass(lone_cont | _ASCII)}{{0,2}}{_klass(head34)}"
    lost = f"{_klass(cont_first)}[^\\n]{{0,4}}[?\\ufffd]"
    return [
        # a chain (a 3-byte head, then a 3/4-byte or a 2-byte character), or two heads
        # apart, or one character and a lost byte; each class written once where it
        # can be, so the compiled regex stays small
        (head34, f"{chain}|{apart}|{lost}"),
        (LOSS, "[^\\n]{0,2}" + _klass(anyhead | misaligned34 | misaligned2)),  # right after a lost byte
    ]


def _double_byte_marks() -> list[Mark]:
    """:func:`cleaner.encoding.cjk_mojibake._double_byte_signs`, each branch led by its rarer character."""
    from .charfreq import rare_han

    rare = set(rare_han())
    odd_class = patterncache.compile(f"[{cjk_mojibake.ODD_SIGNS}]")
    odd = {chr(cp) for cp in range(0x370, 0x3400) if odd_class.match(chr(cp))}
    return [
        ({chr(cp) for cp in range(0xE000, 0xF900)}, ""),
        (odd, "(?<=[\u3400-\u9fff].)|(?=[\u3400-\u9fff])"),  # an ideograph before or after
        (rare, "[^\\n]?" + _klass(rare)),
    ]


def _other_marks() -> list[Mark]:
    """Latin-script mojibake, lost bytes and unencodable characters."""
    utf8_pair = latin_mojibake.UTF8_PAIR.pattern
    lead = "[\u00c2-\u00f4]"
    assert utf8_pair.startswith(lead)
    marks = [({chr(cp) for cp in range(0xC2, 0xF5)}, utf8_pair[len(lead):])]
    marks += [({run[0]}, re.escape(run[1:])) for run in lost_bytes.RUN_STARTS]
    # a ``?`` for an unencodable character, without what must come before it
    marks += [({"?"}, after) for after in (unencodable.YEAR_AFTER, unencodable.SCALE_AFTER, unencodable.CJK_AFTER)]
    return marks


def _source(marks: list[Mark], flags: dict[str, set[str]] | None = None) -> str:
    """One regex (its source) for all ``marks``: a single character class first, so the
    engine skips in C to the few characters any mark can start with, then
    the marks that can start with that character (checked by a look-behind).

    ``flags`` (name → characters) add stops that are no mark but that the
    caller wants to hear of; they match empty, as the named group, after
    every mark has been tried."""
    by_start: dict[frozenset[str], list[str]] = {}
    for chars, rest in marks:
        by_start.setdefault(frozenset(chars), []).append(rest)
    flags = flags or {}
    first = set().union(*by_start, *flags.values())
    branches = [f"(?<={_klass(chars)})(?:{'|'.join(rests)})" for chars, rests in by_start.items()]
    branches += [f"(?<={_klass(chars)})(?P<{name}>)" for name, chars in flags.items()]
    return f"{_klass(first)}(?:{'|'.join(branches)})"


def _latin_marks() -> list[Mark]:
    """The mark of GBK/Big5 shown in a Latin code page: two lead bytes close together."""
    leads, trails = set(), set()
    for shown in (("cp1252", "latin-1"), ("cp1250",)):
        leads |= _shown((bytes((b,)) for b in range(0x81, 0xFF)), shown)
        trails |= _shown((bytes((b,)) for b in range(0x80, 0xFF)), shown)
    return [(leads, _klass(trails | _ASCII) + "{1,3}" + _klass(leads))]


#: control characters, which the finders look through (the marks do not)
CONTROLS = set(map(chr, [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F]))
#: what :func:`cleaner.encoding.cjk_mojibake._worth_scanning` needs for a Latin code page
LATIN_LETTERS = set(map(chr, range(0xA1, 0x100)))


def marks_source() -> str:
    """Every mark but the Latin-page one, stopping also at control characters and Latin-1 letters."""
    marks = (_utf8_marks(cjk_mojibake.UTF8_AS_GBK.shown) + _utf8_marks(cjk_mojibake.UTF8_AS_BIG5.shown)
             + _double_byte_marks() + _other_marks())
    return _source(marks, {"control": CONTROLS, "latin": LATIN_LETTERS})


def latin_source() -> str:
    """The Latin-page mark."""
    return _source(_latin_marks())


@lru_cache(maxsize=1)
def signs() -> tuple[re.Pattern, re.Pattern]:
    """(:func:`marks_source`, :func:`latin_source`) compiled, once; their sources
    come ready-made for this Python (see :mod:`cleaner.encoding.prebuilt`)."""
    return (patterncache.compile(prebuilt.source("signs.marks", marks_source)),
            patterncache.compile(prebuilt.source("signs.latin", latin_source)))


def may_hold_damage(text: str, start: int = 0, end: int | None = None) -> bool:
    """False when ``text[start:end]`` cannot yield a finding.

    One scan in C for the whole stretch; a text with control characters is
    never ruled out (the finders look through them, the marks do not)."""
    marks, latin = signs()
    if end is None:
        end = len(text)
    latin_done = start  # the Latin-page mark has been looked for up to here
    m = marks.search(text, start, end)
    while m is not None:
        if m.lastgroup is None or m.lastgroup == "control":
            return True
        # a Latin-1 letter: the Latin-page mark counts in its line (a finder never
        # sees more than a line); a page footer's © costs one short look
        if m.start() >= latin_done:
            line_end = text.find("\n", m.start(), end)
            line_end = end if line_end < 0 else line_end
            if latin.search(text, max(start, text.rfind("\n", start, m.start()) + 1), line_end) is not None:
                return True
            latin_done = line_end
        m = marks.search(text, m.end(), end)
    return False
