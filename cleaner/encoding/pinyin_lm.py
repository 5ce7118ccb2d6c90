"""A small word-frequency model for breaking ties between restorations.

Text is mapped to simplified characters (OpenCC) and scored by its most
probable segmentation under jieba's dictionary frequencies.  Loaded once per
process, only when a repair has more than one candidate.
"""
from __future__ import annotations

import math
from functools import lru_cache

from .pinyin_data import to_simplified

_MAX_WORD = 6
#: Chinese punctuation, which the word list leaves out: how often each mark
#: stands in running text (natural log, roughly its share of the characters
#: of news prose), so that a restoration that reads "，" beats one that reads "＆"
PUNCTUATION = {"，": -3.5, "。": -4.0, "、": -5.5, "“": -6.0, "”": -6.0, "：": -6.0, "；": -7.0, "？": -7.0,
               "！": -7.0, "（": -7.0, "）": -7.0, "《": -7.0, "》": -7.0, "「": -8.0, "」": -8.0, "—": -8.0,
               "…": -8.0, "·": -8.0}


@lru_cache(maxsize=1)
def _model() -> tuple[dict, float]:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    freq = jieba.dt.FREQ
    return freq, math.log(jieba.dt.total)


def score(text: str) -> float:
    """Log-probability of ``text``'s best segmentation (higher is likelier)."""
    freq, log_total = _model()
    s = to_simplified(text)
    n = len(s)
    unknown = -log_total - 8.0
    best = [0.0] + [-math.inf] * n
    for i in range(n):
        if best[i] == -math.inf:
            continue
        for j in range(i + 1, min(n, i + _MAX_WORD) + 1):
            w = s[i:j]
            f = freq.get(w)
            if f:
                cand = best[i] + math.log(f) - log_total
            elif j == i + 1:
                cand = best[i] + PUNCTUATION.get(w, unknown)
            else:
                continue
            if cand > best[j]:
                best[j] = cand
    return best[n]


def is_known(char: str) -> bool:
    """Whether the model knows ``char`` (simplified) as a word of its own."""
    return bool(_model()[0].get(char))
