"""Annotated characters lost to ``?``, told back by their surviving readings.

When a page that a machine annotated (``報(bào)``) is written once more in a
code page that lacks the annotated characters (a Traditional page saved as
GB2312), each of those characters becomes ``?`` while its annotation, plain
ASCII and tone letters, survives: ``?(jù)澳?(mén)日?(bào)?(bào)道``.  The
machine annotates a character with its default reading, so the reading
narrows a lost character down to a few; the words around it (the word
model of :mod:`cleaner.encoding.pinyin_lm`) pick one.  Holes next to each
other are decided together (``?(yì)?(shù)?(jié)`` → 藝術節).  A hole whose
best pick is not clearly better than the next is reported as undecided, for
the caller to remove.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from . import pinyin_data as pd
from .pinyin_lm import is_known, score

#: how much likelier (natural log) the best pick for a hole must be than the next
MARGIN = 2.0
#: readings of a line kept while its holes are decided one after another
BEAM = 64
#: characters of known text on either side that a pick is scored with
CONTEXT = 4
#: how much less likely (natural log) a character is to be annotated with a reading not its default one
OTHER_READING = 1.5


@lru_cache(maxsize=1)
def _by_reading() -> dict[str, tuple[tuple[str, bool], ...]]:
    """Reading -> every character with that reading, each with whether it is its default one."""
    table: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for code, value in pd._pinyin_table().items():
        for n, reading in enumerate(value.split(",")):
            table[reading].append((chr(code), n == 0))
    return {reading: tuple(chars) for reading, chars in table.items()}


@lru_cache(maxsize=1024)
def candidates(reading: str, traditional: bool) -> tuple[tuple[str, float], ...]:
    """The characters a hole annotated ``reading`` may have held, each with
    its prior (0, or ``-OTHER_READING`` when ``reading`` is not its default
    one): one per simplified form the word model knows, written in the page's
    script.  On a traditional page only characters written unlike their
    simplified form, each in its usual traditional form."""
    forms: dict[str, dict[str, bool]] = defaultdict(dict)
    for char, default in _by_reading().get(reading, ()):
        simple = pd.to_simplified(char)
        if len(simple) == 1 and is_known(simple):
            forms[simple][char] = default
    out = []
    for simple, chars in forms.items():
        if traditional:
            # the machine annotates the characters a traditional page writes unlike a simplified one
            usual = pd.to_traditional(simple)
            char = usual if usual in chars else next((c for c in chars if c != simple), simple)
            if char == simple:
                continue
        else:
            char = simple if simple in chars else next(iter(chars))
        out.append((char, 0.0 if chars.get(char, any(chars.values())) else -OTHER_READING))
    return tuple(out)


def fill(known: list[str], readings: list[str], traditional: bool) -> list[str | None]:
    """The character for each hole of one line, ``None`` where undecided.

    ``known[0]`` is the text before the first hole, ``known[i + 1]`` the text
    between hole ``i`` and the next (annotations already taken out);
    ``readings[i]`` is hole ``i``'s reading.
    """
    beams: list[tuple[float, str, tuple[str, ...]]] = [(0.0, known[0][-CONTEXT:], ())]
    for i, reading in enumerate(readings):
        options = candidates(reading, traditional)
        if not options:
            return [None] * len(readings)
        right = known[i + 1][:CONTEXT]
        grown = []
        for total, left, picks in beams:
            for char, prior in options:
                grown.append((total + prior + score(left[-CONTEXT:] + char + right), left + char + known[i + 1],
                              picks + ((char, prior),)))
        grown.sort(key=lambda beam: -beam[0])
        beams = grown[:BEAM]
    # the survivors scored once more over the whole stretch, up to a few characters past its last hole
    cut = len(known[-1]) - min(CONTEXT, len(known[-1]))
    final = sorted(((score(left[:len(left) - cut]) + sum(p for _c, p in picks), [c for c, _p in picks])
                    for _t, left, picks in beams), key=lambda b: -b[0])
    best_score, best = final[0]
    out: list[str | None] = []
    for i, char in enumerate(best):
        rival = next((s for s, picks in final[1:] if picks[i] != char), None)
        out.append(char if rival is None or best_score - rival >= MARGIN else None)
    return out
