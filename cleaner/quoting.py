"""Quoted examples: damage a text shows on purpose.

A text about encodings quotes the damage it explains (会看到“浣犲ソ”, 就可能把
“湖南日報”变成“湖南日?qǐng)?bào)”).  The repairing detectors leave such a span
alone when it stands inside quotation marks of one line and the text talks
about encodings; this module answers both questions.
"""
from __future__ import annotations

from . import patterncache

#: opening quotation marks and their closing ones
QUOTES = {"“": "”", "「": "」", "『": "』", '"': '"', "‘": "’", "'": "'", "《": "》", "＂": "＂"}
#: words of a text that talks about encodings and their damage
ENCODING_TALK = patterncache.compile(r"编码|編碼|乱码|亂碼|字符集|字元集|字节|字節|位元組|GBK|GB2312|GB18030|UTF-?8"
                                     r"|Big5|BIG5|Latin-?1|Unicode|ISO-8859")
#: how far from the span its quotation marks may stand
_REACH = 40


def talks_about_encodings(text: str) -> bool:
    """Whether ``text`` names encodings or their damage."""
    return ENCODING_TALK.search(text) is not None


def inside_quotes(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands inside one pair of quotation marks on its line."""
    low = max(0, start - _REACH)
    for at in range(start - 1, low - 1, -1):
        ch = text[at]
        if ch == "\n":
            return False
        closing = QUOTES.get(ch)
        if closing is not None:
            if closing in text[at + 1:start] and closing != ch:
                return False
            stop = text.find(closing, end, end + _REACH)
            return stop >= 0 and "\n" not in text[end:stop]
        if ch in "”」』’》":
            return False
    return False
