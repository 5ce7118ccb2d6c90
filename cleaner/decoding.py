"""Reading bytes as text: BOM, a UTF-8 fast path, declared charsets, then detection.

``decode_bytes`` returns the text and the encoding it was read in.  Files
that are not text (NUL bytes outside UTF-16/32, known binary signatures) raise
:class:`BinaryFileError`; bytes no candidate encoding can read raise
:class:`UndecodableError`.  Both carry a one-line reason for the report.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass


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
    "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "cn-big5": "big5hkscs", "x-x-big5": "big5hkscs",
    "csbig5": "big5hkscs",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252",
    "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
}
_DECLARED = re.compile(
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


def _cjk_ratio(text: str) -> float:
    if not text:
        return 0.0
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
    return cjk / len(text)


def detect_encoding(data: bytes) -> tuple[str, str]:
    """Guess the encoding of bytes that are not UTF-8: ``(encoding, confidence)``."""
    declared = declared_encoding(data)
    if declared and _strict(data, declared) is not None:
        return declared, "declared"
    # Chinese legacy encodings first: charset-normalizer is unreliable on short CJK text
    candidates = []
    for enc in ("gb18030", "big5hkscs"):
        text = _strict(data, enc)
        if text is not None:
            candidates.append((_cjk_ratio(text), enc))
    if candidates:
        candidates.sort(reverse=True)
        best_ratio, best = candidates[0]
        if best_ratio > 0.2:
            return best, "detected"
    from charset_normalizer import from_bytes  # imported only when needed

    match = from_bytes(data).best()
    if match is not None:
        enc = codecs.lookup(match.encoding).name
        if not enc.startswith(("utf_16", "utf-16", "utf_32", "utf-32")):
            return enc, "detected"
    if candidates:
        return candidates[0][1], "detected"
    raise UndecodableError("bytes are not valid in any supported encoding")


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes to text, raising a :class:`DecodeFailure` with a reason."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], enc)
            if text is None:
                raise UndecodableError(f"starts with a {enc} byte-order mark but is not valid {enc}")
            return Decoded(text, enc, bom=True)
    text = _strict(data, "utf-8")
    if text is not None:
        if "\x00" in text:
            what = _binary_reason(data) or "contains NUL bytes"
            raise BinaryFileError(f"binary file ({what})")
        return Decoded(text, "utf-8")
    what = _binary_reason(data)
    if what:
        raise BinaryFileError(f"binary file ({what})")
    utf16 = _utf16_guess(data)
    if utf16:
        text = _strict(data, utf16)
        if text is not None:
            return Decoded(text, utf16, confidence="detected")
    if b"\x00" in data:
        raise BinaryFileError("binary file (contains NUL bytes)")
    encoding, confidence = detect_encoding(data)
    text = _strict(data, encoding)
    if text is None:
        raise UndecodableError(f"not valid {encoding}")
    return Decoded(text, encoding, confidence=confidence)
