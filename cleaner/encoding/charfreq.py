"""A character-frequency model of written Chinese, for judging repairs.

Built once per process, lazily, from the word dictionary that ships with
jieba (``jieba/dict.txt``: word, frequency, tag per line): each character is
credited with the frequency of every word it occurs in.  Traditional
characters are folded to their simplified form with OpenCC (when installed)
so a Big5 page scores like its GBK twin.  :func:`char_logp` gives a natural-log
probability; characters outside the model get a fixed floor by class, so
kana, Greek, box drawing, Latin-1 letters and private-use code points — the
stuff CJK mojibake is made of — score as unlikely in Chinese text.
"""
from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from importlib import resources

#: floor for an ideograph the dictionary never saw
UNKNOWN_HAN = -17.0
#: ASCII letters, digits, punctuation and white space: neutral, cheap
ASCII = -7.0
#: CJK punctuation and full-width forms that Chinese text really uses
CJK_PUNCT = -6.0
#: kana: plausible in a Japanese line, unlikely inside Chinese
KANA = -13.0
#: everything else (Latin-1 letters, Greek, Cyrillic, box drawing, symbols)
OTHER = -16.0
#: private use, controls, U+FFFD: never the intended text
GARBAGE = -25.0

_ENTRY = re.compile(r"^(\S+) (\d+)", re.MULTILINE)
_COMMON_CJK_PUNCT = frozenset("，。、；：？！“”‘’（）《》〈〉【】「」『』…—·～　％＋－＝／＜＞")


def is_han(ch: str) -> bool:
    """A CJK unified ideograph (basic block, extension A, compatibility)."""
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3134F


def is_kana(ch: str) -> bool:
    return 0x3040 <= ord(ch) <= 0x30FF


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    """Character → log-probability, from jieba's dictionary (loaded once)."""
    counts: dict[str, int] = {}
    get = counts.get
    text = resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
    for word, freq in _ENTRY.findall(text):
        f = int(freq)
        for ch in word:
            counts[ch] = get(ch, 0) + f
    counts = {ch: n for ch, n in counts.items() if is_han(ch)}
    total = float(sum(counts.values())) or 1.0
    table = {ch: math.log(n / total) for ch, n in counts.items()}
    _fold_traditional(table)
    return table


def _fold_traditional(table: dict[str, float]) -> None:
    """Give each traditional character the score of its simplified form."""
    try:
        import opencc
    except ImportError:  # the model still works, traditional text scores lower
        return
    chars = [chr(o) for o in range(0x4E00, 0xA000)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):
        return
    for trad, simp in zip(chars, converted):
        if simp != trad and len(simp) == 1 and simp in table:
            table[trad] = max(table.get(trad, UNKNOWN_HAN), table[simp])


def char_logp(ch: str) -> float:
    """How likely ``ch`` is in Chinese running text (natural log)."""
    if ch < "\x80":
        return ASCII
    if is_han(ch):
        return _table().get(ch, UNKNOWN_HAN)
    if ch in _COMMON_CJK_PUNCT:
        return CJK_PUNCT
    if is_kana(ch):
        return KANA
    if ch == "\ufffd":
        return GARBAGE
    cat = unicodedata.category(ch)
    if cat in ("Co", "Cc", "Cs", "Cn", "Cf"):
        return GARBAGE
    return OTHER


def text_logp(text: str) -> float:
    """Sum of :func:`char_logp` over ``text``."""
    return sum(char_logp(ch) for ch in text)


def rare_han(threshold: float = -13.0) -> str:
    """Every basic-block ideograph scoring below ``threshold``, as one string."""
    table = _table()
    return "".join(chr(o) for o in range(0x4E00, 0xA000) if table.get(chr(o), UNKNOWN_HAN) < threshold)
