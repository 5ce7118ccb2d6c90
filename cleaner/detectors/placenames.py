"""Place-name spam detector (S): runs of administrative-division names tacked onto a page.

SEO pages append long runs such as ``凤山县| 石首市| 疏附县| …``.  A line (or
a block of consecutive lines) is split on separators (``|``, commas, ``、``,
``/``, spaces) and every piece is looked up in the gazetteer
(:mod:`cleaner.gazetteer`).  It is spam only when it is long, nearly every
token is a division name, most are known to the gazetteer and carry a
suffix, and it has the shape of spam rather than of a list in prose: pipe or
space separators, or names scattered over many provinces.  A sentence naming
a few counties, or a list of a region's counties inside an article, stays.

Options (``[tool.seedclean.placenames]``): ``min_tokens`` (6),
``min_share`` (0.9), ``min_run`` (8, for a run tacked onto a content line).

Only lines with a division suffix right before a separator are looked at,
found by one search over the whole text; a page with fewer than four such
suffixes is passed over at once, and the gazetteer is loaded only when a
line has to be looked up.
"""
from __future__ import annotations

import re
from itertools import chain, islice
from operator import itemgetter

from .. import patterncache
from ..findings import Finding
from ..gazetteer import TokenInfo, gazetteer
from ..linetools import ANNOUNCING_COLONS, is_list_label
from .base import Context, Detector, Rule

RULES = (
    Rule("S201", "place-name-spam-line", "A line or block made of administrative-division names.",
         "凤山县| 石首市| 疏附县| 正阳县| … → (removed)"),
    Rule("S202", "place-name-spam-tail", "A pipe-joined run of division names tacked onto the end of a line.",
         "版权所有 凤山县| 石首市| 疏附县| … → 版权所有"),
)

_SEP_CHARS = "|｜,，、/／ \t\u3000\u00a0"
_TOKEN = patterncache.compile(r"[^|｜,，、/／\s\u3000\u00a0]+")
_PIPE = patterncache.compile(r"[|｜/／]")
_SPACE_SEP = patterncache.compile(r"[^\s|｜,，、/／][ \t\u3000\u00a0]+[^\s|｜,，、/／]")
_CLAUSE = patterncache.compile(r"[。！？!?；;：:“”\"（）()《》]")
#: the division suffixes
_SUFFIXES = "县市区旗盟州省縣區"
_CJK_SFX = patterncache.compile(f"[{_SUFFIXES}]")
#: lines worth tokenising: several separators and several division suffixes
_PRE = patterncache.compile(f"[{_SUFFIXES}]" r"[ \t\u3000\u00a0]*(?:[|｜,，、/／ \t\u3000\u00a0]|$)")
#: the same per line of a whole text (``$`` at every line end)
_PRE_LINE = patterncache.compile(_PRE.pattern, re.M)


def _candidate_lines(text: str):
    """``(start, end)`` of every line holding a suffix before a separator or
    the line end, in order; ``end`` takes the newline.

    One search jumps from candidate to candidate, so the lines in between
    (nearly all of a page) cost no Python work at all.
    """
    n = len(text)
    search = _PRE_LINE.search
    pos = 0
    while True:
        m = search(text, pos)
        if m is None:
            return
        start = text.rfind("\n", 0, m.start()) + 1
        nl = text.find("\n", m.end())
        pos = n if nl < 0 else nl + 1
        yield start, pos


_SENTENCE_MARKS = "。！？!?；;"
#: a line of names without pipes is looked up only up to this length
_BARE_LINE_MAX = 4000
#: a pipe-joined list longer than this is spam even with prose under it
_LISTED_MAX = 16
_SENTENCE_END = patterncache.compile("[。！？!?]")


def _prose_follows(text: str, end: int) -> bool:
    """Whether the next line with text after ``end`` is a sentence of prose."""
    rest = text[end:end + 400].lstrip()
    line = rest.split("\n", 1)[0].strip()
    return len(line) >= 8 and _SENTENCE_END.search(line) is not None


def _announced(text: str, start: int) -> bool:
    """Whether the last line with text before ``start`` ends with a colon."""
    before = text[max(0, start - 400):start].rstrip()
    return before.endswith(ANNOUNCING_COLONS)


def _tokens(line: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(line)]


# the fields of TokenInfo, read in C over a whole line of tokens
_DIVISION = itemgetter(0)
_KNOWN = itemgetter(1)
_SUFFIXED = itemgetter(2)
_PROVINCE = itemgetter(3)


def _stats(infos: list[TokenInfo]) -> tuple[int, int, int, int, float]:
    div = sum(map(_DIVISION, infos))
    known = sum(map(_KNOWN, infos))
    suffixed = sum(map(_SUFFIXED, infos))
    provs = list(filter(None, map(_PROVINCE, infos)))
    distinct = len(set(provs))
    spread = distinct / len(provs) if provs else 0.0
    return div, known, suffixed, distinct, spread


def _is_spam(infos: list[TokenInfo], piped: bool, spaced: bool, opts) -> tuple[bool, int]:
    n = len(infos)
    min_tokens = int(opts.get("min_tokens", 6))
    min_share = float(opts.get("min_share", 0.9))
    if n < min_tokens:
        return False, 0
    div, known, suffixed, distinct, spread = _stats(infos)
    if div < min_share * n or known < 0.6 * n or suffixed < 0.5 * n:
        return False, div
    scattered = distinct >= 4 and spread >= 0.35
    if piped or spaced:
        return (scattered or n >= 2 * min_tokens or distinct >= 3), div
    # comma / 、 lists, the separators of prose: only long lists scattered over
    # the whole country the way a random pick is (a ranking or a policy's
    # list names a few provinces' places several times over)
    scattered = spread >= 0.6 or distinct >= 0.7 * _random_provinces(n)
    return (n >= max(8, min_tokens) and distinct >= 5 and scattered), div


#: provinces and province-level divisions a random pick of places is spread over
_PROVINCES = 31


def _random_provinces(n: int) -> float:
    """How many provinces ``n`` places picked at random are expected to lie in.

    A long random pick cannot name more provinces than there are, so the share
    of distinct provinces falls as the run grows; this is the yardstick a long
    run is measured against instead."""
    return _PROVINCES * (1 - (1 - 1 / _PROVINCES) ** n)


def _list_label(head: str) -> bool:
    """Whether ``head`` (a line up to the first name of a run) is only the run's
    label ("周边站点：", "分站:")."""
    return is_list_label(head.strip(_SEP_CHARS))


def _suffixes_at_most(text: str, n: int) -> bool:
    """Whether ``text`` holds at most ``n`` division suffixes before a separator
    (the count stops at the one after them).

    A match of ``_PRE`` starts at a suffix and holds no other (only white
    space and a separator follow it), so the matches are exactly the
    suffixes ``_PRE`` matches at; it matches where a separator follows
    (white space is one, so the run of it ``_PRE`` allows needs no look past
    it) or ``$`` holds (the end of the text, or a newline that ends it).
    The suffixes are rare in a text, and ``str.find`` skips to each much
    faster than a search for the class does.
    """
    found = 0
    last = len(text) - 1
    for suffix in _SUFFIXES:
        at = text.find(suffix)
        while at >= 0:
            if at == last or text[at + 1] in _SEP_CHARS or (at + 1 == last and text[last] == "\n"):
                found += 1
                if found > n:
                    return False
            at = text.find(suffix, at + 1)
    return True


def find_placenames(text: str, ctx: Context) -> list[Finding]:
    if _suffixes_at_most(text, 3):   # fewer suffixes than any run has
        return []
    opts = ctx.options
    min_run = int(opts.get("min_run", 8))
    findings: list[Finding] = []

    # pass 1: classify candidate lines
    block: list[tuple[int, int, list[TokenInfo], bool, str]] = []

    def flush():
        if not block:
            return
        infos = list(chain.from_iterable(b[2] for b in block))
        piped = any(b[3] for b in block)
        # space-separated matters only for a block without pipes
        spaced = not piped and any(_SPACE_SEP.search(b[4]) for b in block)
        # a list the text announces ("排名前十的县市分别是："), or one the article goes
        # on after (a paragraph of prose right under it), is the article's own
        if (not piped and _announced(text, block[0][0])) or \
                (_prose_follows(text, block[-1][1]) and (not piped or len(infos) <= _LISTED_MAX)):
            spam, div = False, 0
        else:
            spam, div = _is_spam(infos, piped, spaced, opts)
        if spam:
            findings.append(Finding(
                "S201", block[0][0], block[-1][1], "",
                f"place-name spam: {div} of {len(infos)} tokens are division names"))
        block.clear()

    prev_end = 0
    for start, end in _candidate_lines(text):
        if start != prev_end:
            flush()   # lines without a candidate in between end the block
        prev_end = end
        line = text[start:end].rstrip("\n")
        body = line.strip(_SEP_CHARS)
        piped = _PIPE.search(line) is not None
        # without a pipe only a whole line of names counts, and a clause mark
        # rules that out before any token is looked up
        if not body or (not piped and (len(line) > _BARE_LINE_MAX or _CLAUSE.search(line))):
            flush()
            continue
        words = _TOKEN.findall(line)
        infos = gazetteer().lookup_all(words)   # built on the first line that needs it
        nondiv = len(infos) - sum(map(_DIVISION, infos))
        if (nondiv <= 0.1 * len(infos) + 0.5 and not _CLAUSE.search(line)
                and max(map(len, words)) <= 12):
            block.append((start, end, infos, piped, body))
            continue
        flush()
        # a pipe-joined run tacked onto the end of a content line
        if len(words) > min_run and piped:
            toks = _tokens(line)
            run = 0
            for info in reversed(infos):
                if not info.division:
                    break
                run += 1
            glued = None
            labelled = False
            if len(toks) > run:
                # a name glued to the sentence before it ("…规范停车。凤山县| 石首市| …"),
                # or to the label of the list ("周边站点：海曙区| 江北区| …")
                tok_start, _tok_end, word = toks[len(toks) - run - 1]
                cut = max(word.rfind(p) for p in (*_SENTENCE_MARKS, *ANNOUNCING_COLONS)) + 1
                if 0 < cut < len(word) and gazetteer().lookup(word[cut:]).division:
                    glued = tok_start + cut
                    labelled = word[cut - 1] in ANNOUNCING_COLONS and _list_label(line[:glued])
            names = run + (glued is not None)
            if names >= min_run:
                first = toks[len(toks) - run][0] if glued is None else glued
                between = "" if glued is not None else line[toks[len(toks) - run - 1][1]:first]
                if _PIPE.search(between) or not between.strip():
                    spam, div = _is_spam(infos[len(infos) - run:], True, False, opts)
                    div += glued is not None
                    if spam and labelled:   # the whole line: the run and its label
                        findings.append(Finding(
                            "S201", start, end, "",
                            f"place-name spam under its label {line[:glued].strip()}: {div} of {names} tokens are division names"))
                    elif spam:
                        cut = first
                        while cut > 0 and line[cut - 1] in _SEP_CHARS:
                            cut -= 1
                        findings.append(Finding(
                            "S202", start + cut, start + len(line), "",
                            f"place-name spam: {div} of {names} tokens are division names"))
    flush()
    return findings


DETECTOR = Detector(
    name="placenames",
    prefix="S",
    summary="Place-name spam: runs of administrative-division names, checked against a gazetteer.",
    rules=RULES,
    find=find_placenames,
)
