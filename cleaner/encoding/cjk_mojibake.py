"""CJK mojibake: text whose bytes were read in the wrong East-Asian or Latin codec.

Each kind of damage is a pair of codecs: the bytes were written in ``true``
and read in ``shown``.  Undoing it is re-encoding a span in ``shown`` and
decoding the bytes in ``true``:

* :func:`utf8_read_as_gbk`   — ``浣犲ソ`` → ``你好`` (the most common kind);
* :func:`gbk_read_as_latin`  — ``ÖÐÎÄ`` → ``中文`` (Latin-1, cp1252, cp1250);
* :func:`big5_read_as_gbk`   — a Big5 page shown as GBK;
* :func:`gbk_read_as_big5`   — a GBK page shown as Big5;
* :func:`utf8_read_as_big5`  — UTF-8 shown as Big5.

A span is repaired only when (1) its characters re-encode in ``shown`` and
the bytes decode strictly in ``true`` on the same character boundaries (a
round trip), and (2) the decoded text is clearly more plausible Chinese than
the span as it stands, by the character-frequency model of
:mod:`cleaner.encoding.charfreq`.  The scan works on aligned *groups* (the
smallest runs of shown characters and decoded characters that end on the same
byte) and keeps the best-scoring stretch of groups (Kadane's maximum
subarray), so a damaged span inside an otherwise clean line is repaired
alone.  A span cut short by a lost byte (the decoder's ``?`` or U+FFFD right
after an incomplete character) is repaired up to the loss, and the partial
character and the marker are removed.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .. import patterncache
from .charfreq import CJK_PUNCT, char_logp, is_han

#: characters a decoder leaves where it could not read a byte
LOSS_MARKERS = "?\ufffd"
#: a stretch of zhuyin (bopomofo letters and tone marks, spaced by syllable)
_ZHUYIN = patterncache.compile(r"[\u3105-\u312f\u31a0-\u31bf\u02ca\u02c7\u02cb\u02d9 \u3000]+")
_KANA_RUN = patterncache.compile(r"[\u3040-\u30ff]{3,}")
#: stands for a lost byte in decoded text until the repair drops it
LOSS = "\x00"
#: stands for a character of CJK punctuation (UTF-8 ``E3 80 xx``) whose last
#: byte was lost at the end of a line: a paragraph's full stop, put back
#: after prose (see :func:`_restore_stop`), dropped elsewhere
LOST_STOP = "\x01"
_PUNCT_HEAD = b"\xe3\x80"
#: brackets that may close a paragraph in place of its full stop: with one of
#: them left open, the lost character may be its closing half
_OPENING = "「『《〈【〔"
_CLOSING = "」』》〉】〕"


@dataclass(frozen=True)
class CodecPair:
    """Bytes written in ``true`` and read in ``shown``."""

    code: str
    label: str        # for the reason: "UTF-8 read as GBK"
    shown: tuple[str, ...]
    true: str
    #: least number of ideographs the repair must produce
    min_han: int = 2
    #: least gain in summed log-probability per decoded ideograph
    min_gain: float = 3.0


UTF8_AS_GBK = CodecPair("E201", "UTF-8 read as GBK", ("gbk", "gb18030"), "utf-8")
GBK_AS_LATIN = CodecPair("E202", "GBK read as Latin-1/cp1252", ("cp1252", "latin-1"), "gbk")
GBK_AS_CP1250 = CodecPair("E202", "GBK read as cp1250", ("cp1250",), "gbk")
BIG5_AS_LATIN = CodecPair("E202", "Big5 read as Latin-1/cp1252", ("cp1252", "latin-1"), "big5hkscs")
BIG5_AS_GBK = CodecPair("E203", "Big5 read as GBK", ("gbk", "gb18030"), "big5hkscs", min_han=3, min_gain=4.0)
GBK_AS_BIG5 = CodecPair("E204", "GBK read as Big5", ("big5hkscs",), "gbk", min_han=3, min_gain=4.0)
UTF8_AS_BIG5 = CodecPair("E205", "UTF-8 read as Big5", ("big5hkscs",), "utf-8")

#: in the order they are tried; the first that repairs a span claims it
PAIRS: tuple[CodecPair, ...] = (
    UTF8_AS_GBK, GBK_AS_LATIN, BIG5_AS_LATIN, GBK_AS_CP1250, BIG5_AS_GBK, GBK_AS_BIG5, UTF8_AS_BIG5,
)


@lru_cache(maxsize=4096)
def _encode_char(ch: str, shown: tuple[str, ...]) -> bytes | None:
    """The bytes ``ch`` came from when read in ``shown`` (None if it cannot have)."""
    if ch == "\u20ac" and shown[0] == "gbk":  # Windows code page 936 maps 0x80 to the euro sign
        return b"\x80"
    for enc in shown:
        try:
            return ch.encode(enc)
        except UnicodeEncodeError:
            continue
    return None


def _next_char(data: bytes, pos: int, true: str) -> int:
    """Length of the ``true`` character at ``data[pos]``: >0 read, 0 invalid, -1 cut short."""
    b = data[pos]
    if b < 0x80:
        return 1
    if true == "utf-8":
        if 0xC2 <= b <= 0xDF:
            n = 2
        elif 0xE0 <= b <= 0xEF:
            n = 3
        elif 0xF0 <= b <= 0xF4:
            n = 4
        else:
            return 0
        if pos + n > len(data):
            return -1 if all(0x80 <= x <= 0xBF for x in data[pos + 1:]) else 0
    else:
        n = 2
        if pos + n > len(data):
            return -1
    try:
        bytes(data[pos:pos + n]).decode(true)
    except UnicodeDecodeError:
        return 0
    return n


@dataclass
class Repair:
    """A repaired span of the line: ``[start, end)`` → ``text``."""

    start: int
    end: int
    text: str
    pair: CodecPair
    lossy: bool = False
    #: the final full stop was put back (its last byte was lost at the line's end)
    stop_restored: bool = False

    def reason(self, original: str) -> str:
        if self.stop_restored:
            tail = " (the full stop that lost its last byte at the line's end restored)"
        else:
            tail = " (lost byte at the end removed)" if self.lossy else ""
        return f"{self.pair.code} {self.pair.label}: {original} → {self.text}{tail}"


def _unmarked(text: str) -> str:
    """``text`` without its loss markers."""
    return text.replace(LOSS, "").replace(LOST_STOP, "")


def _restore_stop(raw: str) -> tuple[str, bool]:
    """The repaired text of ``raw`` with its :data:`LOST_STOP` settled, and
    whether a full stop was put back.

    UTF-8 puts every CJK punctuation mark of U+3000–U+303F behind the same two
    bytes, so a line that lost the last byte of its final mark ends in those
    two.  After prose, with no bracket of the text left open, that mark ends
    a paragraph: it is the full stop.  Otherwise it is dropped with the loss."""
    if not raw.endswith(LOST_STOP):
        return raw, False
    text = raw[:-1]
    prose = len(text) >= 2 and is_han(text[-1])
    open_bracket = any(text.count(o) > text.count(c) for o, c in zip(_OPENING, _CLOSING))
    return (text + "。", True) if prose and not open_bracket else (text, False)


def _groups(line: str, start: int, pair: CodecPair, after_loss: bool = False):
    """Aligned groups of the round-trip stretch that starts at ``line[start]``.

    Yields ``(orig_start, orig_end, decoded)`` per group and stops at the
    first character that cannot be re-encoded or whose bytes do not decode.
    A character cut short by a loss marker (``?``/U+FFFD) ends the stretch
    with a group that covers both and decodes to :data:`LOSS`; right after a
    loss marker (``after_loss``) the continuation bytes of the character whose
    lead byte was lost are dropped.
    """
    data = bytearray()
    n = len(line)
    i = start
    group_start = start
    pos = 0  # first byte not yet decoded
    decoded: list[str] = []
    while i < n:
        raw = _encode_char(line[i], pair.shown) if line[i] != "\n" else None
        if raw is None:
            return
        data += raw
        i += 1
        if after_loss and pos == 0 and pair.true == "utf-8":
            # the rest of a character whose first byte was lost: drop it
            while pos < len(data) and pos < 3 and 0x80 <= data[pos] <= 0xBF:
                pos += 1
        while pos < len(data):
            k = _next_char(data, pos, pair.true)
            if k == 0:
                return
            if k < 0:
                break
            decoded.append(bytes(data[pos:pos + k]).decode(pair.true))
            pos += k
        if pos == len(data):
            yield group_start, i, "".join(decoded)
            group_start, decoded = i, []
        elif i < n and line[i] in LOSS_MARKERS:
            at_line_end = i + 1 == n or line[i + 1] == "\n"
            lost = LOST_STOP if (at_line_end and pair.true == "utf-8" and data[pos:] == _PUNCT_HEAD) else LOSS
            yield group_start, i + 1, "".join(decoded) + lost
            return


def gain(orig: str, text: str) -> float:
    """How much more likely ``text`` is than ``orig`` as Chinese (log scale)."""
    return sum(char_logp(ch) for ch in text) - sum(char_logp(ch) for ch in orig)


_LATIN_CODECS = ("cp1252", "cp1250", "latin-1")
_ASCII_LETTER = patterncache.compile(r"[A-Za-z]")
_LETTER_BETWEEN = patterncache.compile(r"[^\x00-\x7f][A-Za-z]{1,2}[^\x00-\x7f]")


def _inside_latin_word(line: str, a: int, b: int, text: str) -> bool:
    """A Latin-1 span glued into a word (``brÃ»lÃ©e``) is Latin, not a GBK misreading."""
    left = line[:a].rsplit(" ", 1)[-1]
    right = line[b:].split(" ", 1)[0]
    if _ASCII_LETTER.search(left) and _ASCII_LETTER.search(right):
        return True
    return bool(_LETTER_BETWEEN.search(text))


def _plausible(orig: str, text: str, pair: CodecPair, lossy: bool) -> bool:
    """Is ``text`` a clearly better reading of ``orig`` than ``orig`` itself?"""
    hans = sum(1 for ch in text if is_han(ch))
    if hans < (1 if lossy and len(orig) >= 3 else pair.min_han):
        return False
    if any(not ch.isascii() and not is_han(ch) and char_logp(ch) != CJK_PUNCT for ch in text):
        return False  # kana, symbols, private use: not a Chinese reading
    if pair.shown[0] != "utf-8" and pair.true != "utf-8" and _KANA_RUN.search(orig):
        return False  # a run of kana is Japanese, not a double-byte confusion
    if _ZHUYIN.fullmatch(orig):
        return False  # zhuyin with its tone marks (ㄋㄧˇ ㄏㄠˇ): how Taiwan spells a reading
    # mostly ASCII is not a Chinese reading; numbers between the words are the
    # text's own ("网站标识码：4312000001　湘ICP备05003718号") and do not count
    core = text.strip()
    if sum(1 for ch in core if not ch.isascii()) < 0.5 * (len(core) - sum(1 for ch in core if ch.isdigit())):
        return False
    mean = sum(char_logp(ch) for ch in text if is_han(ch)) / hans
    return gain(orig, text) >= pair.min_gain * hans and mean >= -11.5


def _best_stretch(line: str, groups: list, pair: CodecPair):
    """Kadane over group gains: (first, last) group indices of the best stretch."""
    best, best_range = 0.0, None
    run, run_start = 0.0, 0
    for k, (a, b, text) in enumerate(groups):
        clean = _unmarked(text)
        g = sum(char_logp(ch) for ch in clean) - sum(char_logp(ch) for ch in line[a:b])
        if clean.isascii() and line[a:b].isascii() and clean == text:
            g = 0.0
        if run <= 0:
            run, run_start = g, k
        else:
            run += g
        if run > best:
            best, best_range = run, (run_start, k)
    return best_range


#: a neighbouring group joins a repair if it loses at most this much plausibility
_EXTEND_LOSS = -3.0


def _extend(line: str, groups: list, first: int, last: int) -> tuple[int, int]:
    """Grow ``[first, last]`` over neighbours of the same stretch that read as Chinese.

    A frequent character whose misreading is also frequent gains little on
    its own; beside a clear repair it is more likely damaged than not.
    """
    def ok(k: int) -> bool:
        a, b, text = groups[k]
        return (text != line[a:b] and _unmarked(text) == text and all(is_han(ch) or char_logp(ch) == CJK_PUNCT for ch in text)
                and gain(line[a:b], text) >= _EXTEND_LOSS)

    if first > last:
        return first, last
    while first > 0 and ok(first - 1):
        first -= 1
    while last + 1 < len(groups) and ok(last + 1):
        last += 1
    return first, last


_LATIN_HIGH = patterncache.compile("[\u00a1-\u00ff]")


#: kana, Greek, Cyrillic, box drawing, enclosed and squared signs: out of place beside ideographs
ODD_SIGNS = "\u0370-\u03ff\u0400-\u04ff\u2500-\u257f\u3040-\u30ff\u3100-\u312f\u2460-\u24ff\u3220-\u33ff"


def double_byte_source() -> str:
    """What a double-byte confusion leaves: private use, kana or symbols by ideographs, rare ideographs in pairs."""
    from .charfreq import rare_han

    rare = rare_han()
    odd = ODD_SIGNS
    return f"[\ue000-\uf8ff]|[\u3400-\u9fff][{odd}]|[{odd}][\u3400-\u9fff]|[{rare}][^\\n]?[{rare}]"


@lru_cache(maxsize=1)
def _double_byte_signs() -> re.Pattern:
    """:func:`double_byte_source` compiled (ready-made, see :mod:`cleaner.encoding.prebuilt`)."""
    from . import prebuilt

    return patterncache.compile(prebuilt.source("cjk.double_byte", double_byte_source))


def _worth_scanning(line: str, pair: CodecPair) -> bool:
    """A cheap test that ``line`` holds the characters ``pair``'s misreading produces."""
    if pair.shown[0] in _LATIN_CODECS:
        return _LATIN_HIGH.search(line) is not None
    if pair.true != "utf-8":
        return _double_byte_signs().search(line) is not None
    return True


def _can_start(ch: str, pair: CodecPair) -> bool:
    """Can a misreading of ``pair`` begin with ``ch``?  UTF-8 repairs start at a 3/4-byte lead."""
    if pair.true != "utf-8":
        return True
    raw = _encode_char(ch, pair.shown)
    return raw is not None and 0xE0 <= raw[0] <= 0xF4


@lru_cache(maxsize=None)
def _start_candidates(pair: CodecPair) -> re.Pattern:
    """Where :func:`_scan` may start a span, as one regex: a superset of the
    characters :func:`_can_start` accepts, or any non-ASCII character after a
    loss marker.  Only UTF-8 misreadings are restricted (to the characters a
    3/4-byte lead byte turns into when read in ``pair.shown``)."""
    if pair.true != "utf-8":
        return patterncache.compile(r"[^\x00-\x7f]")
    chars = set()
    for enc in pair.shown:
        for lead in range(0xE0, 0xF5):
            for trail in range(0x30, 0x100):
                try:
                    chars.update(bytes((lead, trail)).decode(enc))
                except UnicodeDecodeError:
                    pass
    chars.add("\u20ac")
    chars = {ch for ch in chars if not ch.isascii() and ord(ch) < 0x10000}
    klass = re.escape("".join(sorted(chars)))
    loss = re.escape(LOSS_MARKERS)
    # supplementary-plane characters are all let through and checked exactly
    return patterncache.compile(f"[{klass}\U00010000-\U0010ffff]|(?<=[{loss}])[^\x00-\x7f]")


#: A stretch that is rejected is tried again from its next character (the
#: damage may start one byte later, or a shorter stretch may read better), so
#: a long line that reads as garbage in ``pair`` costs a scan to its end from
#: every character.  Once the groups read on a line exceed this many per
#: character (plus RESCAN_FLOOR), a rejected stretch is passed over whole,
#: which keeps the cost linear; lines of real text stay far below it.
RESCAN_BUDGET = 2
RESCAN_FLOOR = 64


def _scan(line: str, pair: CodecPair) -> list[Repair]:
    """Every span of ``line`` that ``pair`` alone would repair."""
    found: list[Repair] = []
    if not _worth_scanning(line, pair):
        return found
    i, n = 0, len(line)
    work, budget = 0, RESCAN_BUDGET * n + RESCAN_FLOOR
    candidate = _start_candidates(pair).search
    while i < n:
        # jump to the next place a span may start (a superset, checked exactly below)
        m = candidate(line, i)
        if m is None:
            break
        i = m.start()
        if line[i].isascii() or not (_can_start(line[i], pair) or (i > 0 and line[i - 1] in LOSS_MARKERS)):
            i += 1
            continue
        if _encode_char(line[i], pair.shown) is None:
            # no stretch starts at a character ``shown`` cannot hold (:func:`_groups`
            # would stop at once); most ideographs of a simplified page are not in Big5
            i += 1
            continue
        after_loss = i > 0 and line[i - 1] in LOSS_MARKERS
        groups = list(_groups(line, i, pair, after_loss))
        if not groups:
            i += 1
            continue
        stretch = _best_stretch(line, groups, pair)
        if stretch is not None:
            first, last = stretch
            # unchanged groups (ASCII read as itself) do not belong to the repair
            while first <= last and groups[first][2] == line[groups[first][0]:groups[first][1]]:
                first += 1
            while last >= first and groups[last][2] == line[groups[last][0]:groups[last][1]]:
                last -= 1
            first, last = _extend(line, groups, first, last)
            if first <= last:
                a, b = groups[first][0], groups[last][1]
                raw = "".join(g[2] for g in groups[first:last + 1])
                lossy = LOSS in raw or LOST_STOP in raw
                text, stop = _restore_stop(raw.replace(LOSS, ""))
                if _plausible(line[a:b], text, pair, lossy) and not (
                        pair.shown[0] in _LATIN_CODECS and _inside_latin_word(line, a, b, text)):
                    found.append(Repair(a, b, text, pair, lossy, stop))
                    i = b
                    continue
        # double-byte readings keep character alignment: a rejected stretch need not be
        # rescanned; nor need any other once the line has cost its budget (see RESCAN_BUDGET)
        work += len(groups)
        double = pair.true != "utf-8" and pair.shown[0] in ("gbk", "big5hkscs")
        i = groups[-1][1] if (double or work > budget) and groups[-1][1] > i else i + 1
    return found


def find_repairs(line: str, pairs: tuple[CodecPair, ...] = PAIRS) -> list[Repair]:
    """The best non-overlapping repairs of ``line`` (one line) over all ``pairs``.

    Each pair proposes spans on its own; where proposals overlap, the one
    that gains the most plausibility wins.
    """
    proposals = [r for pair in pairs for r in _scan(line, pair)]
    if len(proposals) <= 1:
        return proposals
    proposals.sort(key=lambda r: -gain(line[r.start:r.end], r.text))
    # the spans taken so far, sorted: a proposal is checked by bisection
    starts: list[int] = []
    taken: list[Repair] = []
    for r in proposals:
        i = bisect.bisect_right(starts, r.start) - 1
        if (i >= 0 and taken[i].end > r.start) or (i + 1 < len(taken) and taken[i + 1].start < r.end):
            continue
        starts.insert(i + 1, r.start)
        taken.insert(i + 1, r)
    return taken
