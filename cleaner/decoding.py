"""Reading bytes as text: BOM, a UTF-8 fast path, declared charsets, then detection.

``decode_bytes`` returns the text and the encoding it was read in.  Files
that are not text (NUL bytes outside UTF-16/32, known binary signatures) raise
:class:`BinaryFileError`; bytes no candidate encoding can read raise
:class:`UndecodableError`.  Both carry a one-line reason for the report.
"""
from __future__ import annotations

import codecs
import re
from operator import itemgetter
from dataclasses import dataclass

from . import patterncache


class DecodeFailure(ValueError):
    """Base class: the bytes could not be turned into text."""


class BinaryFileError(DecodeFailure):
    """The file is binary (image, archive, executable, …)."""


class UndecodableError(DecodeFailure):
    """No supported encoding reads these bytes."""


@dataclass
class Decoded:
    text: str
    encoding: str
    bom: bool = False
    confidence: str = "exact"  # exact | declared | detected


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: the first byte of every byte-order mark: other files skip the BOM checks
_BOM_FIRST_BYTES = frozenset(bom[:1] for bom, _enc in _BOMS)

_BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"%PDF-", "PDF document"),
    (b"\x7fELF", "ELF executable"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"RIFF", "RIFF media"),
    (b"PAR1", "Parquet file"),
    (b"SQLite format 3\x00", "SQLite database"),
)

# WHATWG-style label mapping: legacy labels read as their supersets
_LABEL_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
    "chinese": "gb18030", "csgb2312": "gb18030", "iso-ir-58": "gb18030", "gb18030": "gb18030",
    "big5": "big5hkscs", "x-big5": "big5hkscs", "big5hkscs": "big5hkscs", "big5-hkscs": "big5hkscs", "cn-big5": "big5hkscs", "x-x-big5": "big5hkscs",
    "csbig5": "big5hkscs",
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "l1": "cp1252", "windows-1252": "cp1252", "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252",
    "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
}
_DECLARED = patterncache.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]{2,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_:.+-]{2,40})""",
    re.IGNORECASE,
)


def _binary_reason(data: bytes) -> str | None:
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return what
    return None


def _utf16_guess(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes on one side of most ASCII code units."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nul > 0.3 * half and even_nul < 0.05 * half:
        return "utf-16-le"
    if even_nul > 0.3 * half and odd_nul < 0.05 * half:
        return "utf-16-be"
    return None


def declared_encoding(data: bytes) -> str | None:
    """The charset a page declares about itself in its first bytes, normalised."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii", "ignore").lower()
    label = _LABEL_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


#: candidate readings of bytes that are not UTF-8, scored by the character model
_CANDIDATES = ("gb18030", "big5hkscs", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
#: the least plausibility (log-probability per byte) a candidate reading needs
_MIN_PER_BYTE = -4.5


# "one, then any more": the engine can skip to a candidate character instead
# of trying the pattern at every position
_ASCII_RUNS = patterncache.compile(r"[\x00-\x7f][\x00-\x7f]*")
#: a character below U+0009 (NUL … backspace): never in a real reading
_LOW_CONTROL = patterncache.compile("[\x00-\x08]")


#: char_logp of every BMP character seen so far, by code point; NaN until seen
_UNSEEN = float("nan")
_BMP_SCORES = [_UNSEEN] * 0x10000


def _score_sum(wide: str) -> float:
    """The sum of ``char_logp`` over ``wide``, added in order (the same float
    as adding one character at a time).

    The scores are gathered by code point in one C call (itemgetter over a
    list) rather than by calling a scorer once per character."""
    from .encoding.charfreq import char_logp_fast

    units = memoryview(wide.encode("utf-16-le")).cast("H")
    if len(units) != len(wide):  # characters beyond the BMP: look each one up
        return sum(map(char_logp_fast, wide))
    if len(wide) == 1:
        return sum((char_logp_fast(wide),))  # itemgetter of one key returns a bare value
    codes = units.tolist()
    total = sum(itemgetter(*codes)(_BMP_SCORES))
    if total != total:  # NaN: a character not seen before
        for code in set(codes):
            if _BMP_SCORES[code] is _UNSEEN:
                _BMP_SCORES[code] = char_logp_fast(chr(code))
        total = sum(itemgetter(*codes)(_BMP_SCORES))
    return total


#: characters of a reading scored to choose between readings
SCORED_CHARS = 4000
#: a first look at this many characters decides when one reading clearly wins
GLANCE_CHARS = 1000
#: what "clearly" means: the winner's log-probability per byte is this far above
#: the bar and above every other reading
CLEAR_MARGIN = 1.0
#: the fewest non-ASCII characters the first look must see in the winner
GLANCE_MIN_WIDE = 200


def _plausibility(text: str, encoding: str, chars: int = SCORED_CHARS) -> float:
    """Log-probability per byte of the non-ASCII characters of ``text[:chars]``.

    ASCII is left out so that markup does not drown the signal: what decides
    between readings is whether the rest reads as Chinese.
    """
    return _wide_plausibility(_ASCII_RUNS.sub("", text[:chars]), encoding)


def _wide_plausibility(wide: str, encoding: str) -> float:
    """:func:`_plausibility` of text already stripped of ASCII."""
    if not wide:
        return 0.0
    return _score_sum(wide) / len(wide.encode(encoding))


def _utf32_guess(data: bytes) -> str | None:
    """UTF-32 without a BOM: every fourth byte (the top one) is NUL."""
    if len(data) % 4 or len(data) < 8:
        return None
    if data[3::4].count(0) == len(data) // 4 and data[2::4].count(0) < len(data) // 4:
        return "utf-32-le"
    if data[0::4].count(0) == len(data) // 4 and data[1::4].count(0) < len(data) // 4:
        return "utf-32-be"
    return None


#: single-byte codecs charset-normalizer picks for Western text that windows-1252 reads as well
_LATIN_LOOKALIKES = frozenset({"cp1250", "iso8859_2", "iso8859_15", "cp1257", "iso8859_9", "cp1254", "mac-roman", "cp850"})


#: the double-byte Chinese codecs, each the one a page mislabels as the other
_CJK_TWINS = {"gb18030": "big5hkscs", "big5hkscs": "gb18030"}


def _clearly_better(data: bytes, other: str, declared: str) -> bool:
    """Does ``other`` read ``data`` as Chinese while the declared codec reads garbage?"""
    theirs = _strict(data, other)
    if theirs is None:
        return False
    ours = _plausibility(data.decode(declared), declared)
    return ours < _MIN_PER_BYTE and _plausibility(theirs, other) >= ours + 2.0


_LOW_CONTROL_BYTES = bytes(range(9))


def _readings(data: bytes):
    """The candidate encodings that read ``data`` strictly as text with no
    low control characters in its first 2000 characters: ``(text, encoding)``."""
    # every candidate encodes a character below U+0009 with a byte below 9:
    # without such a byte no reading needs the character-level check
    low_bytes = len(data.translate(None, _LOW_CONTROL_BYTES)) != len(data)
    for enc in _CANDIDATES:
        if enc.startswith("utf-16") and len(data) % 2:
            continue
        if enc.startswith("utf-32") and len(data) % 4:
            continue
        text = _strict(data, enc)
        if text is None or not text or text.isspace():
            continue
        if low_bytes and _LOW_CONTROL.search(text, 0, 2000):
            continue
        yield text, enc


#: (bytes, encoding, text) of the last reading detect_encoding chose, so that
#: decode_bytes need not decode the same bytes again
_last_reading: tuple[bytes, str, str] | None = None


def _clear_winner(texts: dict[str, str]) -> str | None:
    """The reading that wins on a first look at its opening characters, if one clearly does.

    Scoring is the costly step of detection, and a real Chinese reading
    usually beats the garbage ones by several units per byte from its first
    lines; only a close or poor contest is scored over :data:`SCORED_CHARS`.
    Texts no longer than the glance are always scored in full (the same
    answer either way)."""
    if not texts or all(len(text) <= GLANCE_CHARS for text in texts.values()):
        return None
    wides = {enc: _ASCII_RUNS.sub("", text[:GLANCE_CHARS]) for enc, text in texts.items()}
    glance = sorted(((_wide_plausibility(wide, enc), enc) for enc, wide in wides.items()), reverse=True)
    best, enc = glance[0]
    if len(wides[enc]) < GLANCE_MIN_WIDE:
        return None  # mostly markup or Latin up front: too little to go by
    if best < _MIN_PER_BYTE + CLEAR_MARGIN:
        return None
    if len(glance) > 1 and glance[1][0] > best - CLEAR_MARGIN:
        return None
    return enc


def detect_encoding(data: bytes) -> tuple[str, str]:
    """Guess the encoding of bytes that are not UTF-8: ``(encoding, confidence)``.

    A declared charset wins when the bytes validate under it.  Otherwise the
    Chinese legacy encodings and BOM-less UTF-16/32 are read strictly and
    scored by the character-frequency model (charset-normalizer alone takes a
    short GBK line for UTF-16-BE); charset-normalizer is asked only when no
    Chinese reading is plausible, and its UTF-16/32 guesses are ignored.
    """
    declared = declared_encoding(data)
    if declared and _strict(data, declared) is not None:
        twin = _CJK_TWINS.get(declared)
        if twin is None or not _clearly_better(data, twin, declared):
            return declared, "declared"
        return twin, "detected"
    global _last_reading
    texts = dict((enc, text) for text, enc in _readings(data))
    winner = _clear_winner(texts)
    if winner is not None:
        _last_reading = (data, winner, texts[winner])
        return winner, "detected"
    scored = sorted(((_plausibility(text, enc), enc) for enc, text in texts.items()), reverse=True)
    if scored and scored[0][0] >= _MIN_PER_BYTE:
        _last_reading = (data, scored[0][1], texts[scored[0][1]])
        return scored[0][1], "detected"
    from charset_normalizer import from_bytes  # imported only when needed

    match = from_bytes(data).best()
    if match is not None:
        enc = codecs.lookup(match.encoding).name
        if enc in _LATIN_LOOKALIKES and _strict(data, "cp1252") is not None:
            from ftfy.badness import is_bad

            if not is_bad(data.decode("cp1252")):
                enc = "cp1252"  # the Western default, as browsers have it
        if not enc.startswith(("utf_16", "utf-16", "utf_32", "utf-32")):
            return enc, "detected"
    if scored:
        return scored[0][1], "detected"
    raise UndecodableError("bytes are not valid in any supported encoding")


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes to text, raising a :class:`DecodeFailure` with a reason."""
    if data[:1] in _BOM_FIRST_BYTES:
        for bom, enc in _BOMS:
            if data.startswith(bom):
                text = _strict(data[len(bom):], enc)
                if text is None:
                    raise UndecodableError(f"starts with a {enc} byte-order mark but is not valid {enc}")
                return Decoded(text, enc, bom=True)
    text = _strict(data, "utf-8")
    if text is not None:
        # UTF-8 has a NUL byte exactly where the text has U+0000; memchr over
        # the bytes is far cheaper than a search of a two-byte-wide string
        if b"\x00" in data:
            wide = _utf32_guess(data) or _utf16_guess(data)
            if wide and _binary_reason(data) is None and _strict(data, wide) is not None:
                return Decoded(_strict(data, wide), wide, confidence="detected")
            what = _binary_reason(data) or "contains NUL bytes"
            raise BinaryFileError(f"binary file ({what})")
        return Decoded(text, "utf-8")
    what = _binary_reason(data)
    if what:
        raise BinaryFileError(f"binary file ({what})")
    utf16 = _utf32_guess(data) or _utf16_guess(data)
    if utf16:
        text = _strict(data, utf16)
        if text is not None:
            return Decoded(text, utf16, confidence="detected")
    if b"\x00" in data and len(data) % 2:
        raise BinaryFileError("binary file (contains NUL bytes)")
    encoding, confidence = detect_encoding(data)
    last = _last_reading
    if last is not None and last[0] is data and last[1] == encoding:
        text = last[2]
    else:
        text = _strict(data, encoding)
    if text is None:
        raise UndecodableError(f"not valid {encoding}")
    return Decoded(text, encoding, confidence=confidence)
