"""Pinyin detector (E3): machine pinyin annotations and their corrupted forms.

The damage: a machine encoded the text to GBK and, for each character on a
per-document list, inserted ``(reading)`` after every occurrence of the
character's bytes, then decoded the bytes leniently (an undecodable byte pair
became one ``?``).  Where the bytes matched on a character boundary the result
is a clean ``風(fēng)``; where they matched across a boundary (trail byte of
one character + lead byte of the next) the lead byte is swallowed with the
``(`` into a ``?`` and what follows is read out of step.

A document is judged as a whole before anything is touched: it must show the
machine pattern (several annotations, each a single toned syllable that is
the default reading of the character before it, on characters whose
simplified form differs, every occurrence annotated; or nearly every
ideograph of the annotated lines annotated) or a corrupted
annotation whose lost bytes are pinned down by its reading.  Learner glosses
such as ``你好(nǐ hǎo)`` or credits such as ``(通訊員 傅南)`` never qualify.
"""
from __future__ import annotations

import re

from .. import patterncache
from ..encoding import pinyin_data as pd
from ..encoding.charfreq import is_han
from ..encoding.pinyin_gbk import is_valid_pair
from ..findings import Finding
from ..linetools import cjk_count, line_bounds
from ..quoting import inside_quotes, talks_about_encodings
from .base import Context, Detector, Rule

RULES = (
    Rule("E301", "pinyin-annotation", "A machine pinyin annotation after the character it reads.",
         "風(fēng) → 風"),
    Rule("E302", "corrupted-annotation", "An annotation inserted across a character boundary; the lost "
         "bytes are restored from its reading and the text after it realigned.", "日?qǐng)?bào) → 日報"),
    Rule("E303", "annotation-garbage", "What is left of a corrupted annotation whose lost bytes cannot be "
         "determined; removed.", "?qǐng) → (removed)"),
    Rule("E304", "lost-tone-annotation", "A machine annotation whose tone letter a code page turned into ?, "
         "after the character it reads.", "門(m?n) → 門"),
    Rule("E305", "lost-annotated-character", "An annotated character a code page turned into ?, told back by "
         "its reading and the words around it.", "日?(bào)?(bào)道 → 日報報道"),
)

_TONED = "[" + pd.TONE_LETTERS + "ḿńňǹ]"
_SYL = "[" + pd.SYLLABLE_LETTERS + "]{1,7}"
#: cheap precheck: "(" or "?" + a toned Latin word + ")".  It is searched for
#: from the ")", a single character the regex engine finds by its quickest
#: scan, and which text after the markup detector has few of.  What must come
#: before it ("(" or "?", up to six letters, a toned letter, up to six more
#: letters) is checked by look-behinds of each fixed width, after a quick one
#: (a letter right before the ")").
_PRECHECK = patterncache.compile(r"\)(?<=[" + pd.SYLLABLE_LETTERS + r"]\))(?:" + "|".join(
    f"(?<=[(?][a-zü]{{{before}}}{_TONED}[{pd.SYLLABLE_LETTERS}]{{{after}}}\\))"
    for before in range(7) for after in range(7)) + ")")
_ANNOT = patterncache.compile(r"\((" + _SYL + r")\)")
_CORRUPT = patterncache.compile(r"\?(" + _SYL + r")\)")
#: an annotation whose tone letter became "?" (``門(m?n)``), or a character that
#: became "?" before its annotation (``?(bào)``): one scan tells whether a text has either
_LOST_GATE = patterncache.compile(r"\([a-zü]{0,6}\?[a-zü]{0,6}\)|\?\([a-zü]{0,6}" + _TONED + r"[a-zü]{0,6}\)")
_LOST_TONE = patterncache.compile(r"\(([a-zü]{0,6}\?[a-zü]{0,6})\)")
_HOLE = patterncache.compile(r"\?\(([a-zü]{0,6}" + _TONED + r"[a-zü]{0,6})\)")
#: an annotation inside a stretch of text the word model scores
_ANY_ANNOT = patterncache.compile(r"\([a-zü?" + pd.TONE_LETTERS + r"ḿńňǹ]{1,7}\)")

#: defaults; overridable through ctx.options
MIN_ANNOTATIONS = 3
MIN_DEFAULT_SHARE = 0.9
MIN_TRADITIONAL_SHARE = 0.8
MIN_COVERAGE = 0.7
#: a text with every character annotated: this many annotations, on this share
#: of the ideographs of their lines at least
MIN_DENSE_ANNOTATIONS = 20
MIN_DENSE_COVERAGE = 0.6
#: annotations inside running prose (see _in_running_prose): this many, on this
#: many characters, on this share of their occurrences; this share of them
#: inside a word and inside a line of prose (this long, with clause marks)
MIN_PROSE_ANNOTATIONS = 12
MIN_PROSE_CHARACTERS = 8
MIN_PROSE_COVERAGE = 0.6
MIN_IN_WORD_SHARE = 0.6
MIN_IN_PROSE_SHARE = 0.6
_PROSE_LINE_CHARS = 30
_CLAUSE_MARKS = patterncache.compile("[。，；！？]")
#: how far a realigned (out-of-step) stretch may run
MAX_ZONE = 400


def _fmt(*bs: int) -> str:
    return " ".join(f"{b:02X}" for b in bs)


class _Resolution:
    __slots__ = ("out", "end", "notes", "uncertain_at")

    def __init__(self, out: str, end: int, notes: list[str], uncertain_at: int | None = None):
        self.out, self.end, self.notes = out, end, notes
        #: index in ``out`` from which the restoration is a guess the model could not settle
        self.uncertain_at = uncertain_at


#: how much likelier (natural log) the best guess for a hole must be than the next
HOLE_MARGIN = 2.0
_TOP = 6
#: second characters kept for a hole, by how common they are: enough that a
#: rarer one that makes a word with the first stays in (公布)
_WIDE_TOP = 24


def _annotation_candidates(lead: int, reading: str) -> list[tuple[int, str]]:
    """(trail, char) with this GBK lead byte that the machine would annotate with ``reading``.

    Characters whose default reading it is come first; listed characters are
    traditional forms, so those are preferred among them.
    """
    cands = pd.chars_with_lead(lead, reading)
    default = [(t, c) for t, c in cands if pd.default_reading(c) == reading]
    if default:
        trad = [(t, c) for t, c in default if pd.traditional_differs(c)]
        return trad or default
    return cands


def _fill_hole(left: str, pending: int, key: int, right: str, reading: str | None):
    """Guess the two bytes hidden by a ``?`` inside a stretch read out of step.

    The ``?`` stands for (trail of the character led by ``pending``, lead of
    the character whose trail is ``key``), a pair the decoder rejected.
    Returns ((t, char1), (w, char2), confident) or None.
    """
    from ..encoding.pinyin_lm import score

    firsts = [(t, c) for t, c in pd.chars_with_lead(pending) if t >= 0x81]
    seconds = [(w, pd.gbk_char(w, key)) for w in range(0x81, 0xFF) if pd.gbk_char(w, key)]
    if reading is not None:
        seconds = [(w, c) for w, c in seconds if reading in pd.readings(c)]
    if not firsts or not seconds:
        return None
    seconds = sorted(seconds, key=lambda x: -score(x[1] + right[:3]))[:_WIDE_TOP]
    firsts = sorted(firsts, key=lambda x: -max(score(left[-3:] + x[1] + c2 + right[:3])
                                               for _w, c2 in seconds[:2]))[:_TOP]
    combos = []
    for t, c1 in firsts:
        for w, c2 in seconds:
            if not is_valid_pair(t, w):
                combos.append((score(left[-3:] + c1 + c2 + right[:3]), (t, c1), (w, c2)))
    if not combos:
        return None
    combos.sort(key=lambda x: -x[0])
    confident = len(combos) == 1 or combos[0][0] - combos[1][0] >= HOLE_MARGIN
    return combos[0][1], combos[0][2], confident


def _best_first(left: str, firsts: list[tuple[int, str]]):
    from ..encoding.pinyin_lm import score

    if not firsts:
        return None
    ranked = sorted(((score(left[-3:] + c), (t, c)) for t, c in firsts), key=lambda x: -x[0])
    confident = len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= HOLE_MARGIN
    return ranked[0][1], confident


def _plain(context: str) -> str:
    """Context for the frequency model: cut at the first '?' or annotation."""
    return re.split(r"[?(]", context, maxsplit=1)[0]


def _resolve(text: str, pos: int, pending: int, limit: int, left: str) -> list[_Resolution]:
    """Read ``text`` from ``pos`` given that the byte stream there starts with the
    trail byte of a character whose lead byte is ``pending``; return every
    consistent realignment up to the point where the stream is back in step."""
    out: list[str] = []
    notes: list[str] = []
    uncertain_at = None
    stop = min(len(text), pos + limit)
    while pos < stop:
        m = _CORRUPT.match(text, pos)
        if m is not None and pd.is_syllable(m.group(1)):
            # the "?" hid this character's trail byte and the "(" of its annotation
            results = []
            for trail, ch in _annotation_candidates(pending, m.group(1)):
                results.append(_Resolution("".join(out) + ch, m.end(),
                                           notes + [f"{ch} ({_fmt(pending, trail)}) from ({m.group(1)})"],
                                           uncertain_at))
            return results
        ch = text[pos]
        if ch == "?":
            # a pair the decoder rejected: trail of one character + lead of the next
            if pos + 1 >= len(text):
                # the last character's trail byte and the final newline were read as one pair
                firsts = [(t, c) for t, c in pd.chars_with_lead(pending) if t >= 0x81 and not is_valid_pair(t, 0x0A)]
                pick = _best_first(left + "".join(out), firsts)
                if pick is None:
                    return []
                (t, c1), confident = pick
                if not confident and uncertain_at is None:
                    uncertain_at = len(out)
                out += [c1, "\n"]
                notes.append(f"? = {_fmt(t, 0x0A)} ({c1} + end of line) by word frequency")
                return [_Resolution("".join(out), pos + 1, notes, uncertain_at)]
            nb = pd.gbk_bytes(text[pos + 1])
            if nb is None or nb[0] < 0x40 or nb[0] == 0x7F:
                return []
            reading = None
            after = pos + 2
            if len(nb) == 1:
                tail = _ANNOT.match(text, after)
                if tail is not None and pd.is_syllable(tail.group(1)):
                    reading = tail.group(1)
            ra = tail.end() if reading is not None else after
            guess = _fill_hole(left + "".join(out), pending, nb[0], _plain(text[ra:ra + 6]), reading)
            if guess is not None:
                (t, c1), (w, c2), confident = guess
                unc = uncertain_at if (confident or uncertain_at is not None) else len(out)
                here = "".join(out) + c1 + c2
                note = notes + [f"? = {_fmt(t, w)} ({c1}{c2}) by word frequency"]
                if len(nb) == 1:
                    if reading is not None:
                        note.append(f"annotation ({reading}) of {c2} removed")
                        after = tail.end()
                    return [_Resolution(here, after, note, unc)]
                if nb[1] < 0x80:
                    return [_Resolution(here + chr(nb[1]), after, note, unc)]
                sub = _resolve(text, after, nb[1], limit, left + here)
                if sub:
                    return [_Resolution(here + r.out, r.end, note + r.notes,
                                        unc if unc is not None else
                                        (None if r.uncertain_at is None else len(here) + r.uncertain_at))
                            for r in sub]
            # otherwise the "?" swallowed a trail byte and an ASCII character; the
            # text after it is back in step, but that character is lost
            pick = _best_first(left + "".join(out),
                               [(t, c) for t, c in pd.chars_with_lead(pending) if t >= 0x81])
            if pick is None:
                return []
            (t, c1), confident = pick
            if uncertain_at is None:
                uncertain_at = len(out) + (1 if confident else 0)
            return [_Resolution("".join(out) + c1, pos + 1,
                                notes + [f"? = {t:02X} + an ASCII byte, lost"], uncertain_at)]
        b = pd.gbk_bytes(ch)
        if b is None:
            return []
        orig = pd.gbk_char(pending, b[0])
        if orig is None:
            return []
        out.append(orig)
        pos += 1
        if len(b) == 1:
            return [_Resolution("".join(out), pos, notes, uncertain_at)]
        if b[1] < 0x80:
            out.append(chr(b[1]))
            return [_Resolution("".join(out), pos, notes, uncertain_at)]
        pending = b[1]
    return []


def _corrupted(text: str, m: re.Match, limit: int) -> Finding | None:
    """Restore (E302) or remove (E303) the corrupted annotation matched at ``m``."""
    q = m.start()
    reading = m.group(1)
    if not pd.is_syllable(reading) or q == 0:
        return None
    start = q - 1
    prev = text[start]
    # the character before may carry its own (later inserted) annotation
    if prev == ")":
        a = text.rfind("(", max(0, q - 9), q)
        if a > 0 and _ANNOT.fullmatch(text, a, q) and text[a + 1:q - 1] in pd.readings(text[a - 1]):
            start = a - 1
            prev = text[start]
        else:
            # or another corruption that stays garbage ("商?qǐng)?bào)"): the character before that one
            g = text.rfind("?", max(0, q - 9), q)
            if g > 0 and _CORRUPT.fullmatch(text, g, q) and pd.is_syllable(text[g + 1:q - 1]):
                start = g - 1
                prev = text[start]
    pb = pd.gbk_bytes(prev)
    if pb is None or len(pb) != 2:
        return None
    lead = pb[1]
    cands = _annotation_candidates(lead, reading)
    results = []
    for trail, fake in cands:
        for r in _resolve(text, m.end(), trail, limit, text[max(0, start - 3):start + 1]):
            results.append((fake, trail, r))
    if results:
        if len(results) > 1:
            # prefer the restoration that is a better-formed text, each read over
            # the same stretch: one that stops sooner is read on with the text
            # still out of step after it
            from ..encoding.pinyin_lm import score

            left = text[max(0, start - 4):start + 1]
            far = max(r.end for _f, _t, r in results)
            results.sort(key=lambda x: -score(left + x[2].out + text[x[2].end:far]))
        fake, trail, r = results[0]
        if _reads_better_as_it_stands(text, start, m.end(), r):
            return Finding("E303", q, m.end(), "",
                           f"annotation garbage ?{reading}) removed: the text after it is in step (read out of "
                           f"step from {fake}({reading}) it would be {r.out[:8]}…)")
        # back in step: the last restored character may carry its own annotation
        tail = _ANNOT.match(text, r.end)
        if tail is not None and r.out and tail.group(1) in pd.readings(r.out[-1]):
            r.notes.append(f"its annotation ({tail.group(1)}) removed")
            r.end = tail.end()
        if r.uncertain_at is not None:
            kept = prev + r.out[:r.uncertain_at]
            return Finding("E303", start, r.end, kept,
                           f"corrupted annotation {text[start:r.end]} removed: bytes lost to a ? could not be "
                           f"determined (kept {kept}; lost bytes {_fmt(lead, trail)} from {fake}({reading}))")
        restored = prev + r.out
        extra = "; ".join(r.notes)
        reason = (f"corrupted annotation restored: {text[start:r.end]} → {restored} "
                  f"(lost bytes {_fmt(lead, trail)} from {fake}({reading})"
                  + (f"; {extra}" if extra else "") + ")")
        return Finding("E302", start, r.end, restored, reason)
    # nothing consistent: drop the garbage "?reading)" and keep the character before
    end = m.end()
    return Finding("E303", q, end, "",
                   f"unrecoverable annotation garbage ?{reading}) removed (no GBK character with lead byte "
                   f"{lead:02X} reads {reading} consistently with the bytes after it)")


#: how much likelier (natural log) a realignment must read than the text as it stands
REALIGN_MARGIN = 2.0


def _reads_better_as_it_stands(text: str, start: int, garbage_end: int, r: _Resolution) -> bool:
    """Whether the text after the garbage ``?reading)`` reads better as it stands
    than realigned (記者採訪 against 櫽浾邟裨): a hand-typed or partial
    corruption leaves the bytes after it in step, and then only the garbage goes."""
    from ..encoding.pinyin_lm import score

    left = text[max(0, start - 3):start + 1]
    as_it_stands = text[garbage_end:r.end]
    if "?" in as_it_stands or not as_it_stands:
        return False   # a lost pair in the stretch: it was read out of step
    return score(left + as_it_stands) + REALIGN_MARGIN >= score(left + r.out)


def find_pinyin(text: str, ctx: Context) -> list[Finding]:
    lost = "?" in text and _LOST_GATE.search(text) is not None
    if not lost and not _PRECHECK.search(text):
        return []
    opts = ctx.options or {}
    limit = int(opts.get("max_zone", MAX_ZONE))

    # aligned annotations: c(reading) with reading one of c's readings
    aligned = []
    for m in _ANNOT.finditer(text):
        s = m.start()
        if s == 0:
            continue
        c = text[s - 1]
        word = m.group(1)
        rs = pd.readings(c)
        if word in rs and pd.is_syllable(word):
            aligned.append((m, c, word == rs[0]))
    holes = []
    if lost:
        # the same with the tone letter lost: c(m?n), "?" standing for the toned letter of a reading of c
        for m in _LOST_TONE.finditer(text):
            s = m.start()
            if s == 0:
                continue
            c = text[s - 1]
            reading = pd.lost_tone_reading(m.group(1), c)
            if reading is not None:
                aligned.append((m, c, reading == pd.readings(c)[0]))
        aligned.sort(key=lambda a: a[0].start())
        holes = [m for m in _HOLE.finditer(text) if pd.is_syllable(m.group(1))]

    corrupted = []
    about_encodings = None   # worked out at the first quoted corruption
    for m in _CORRUPT.finditer(text):
        f = _corrupted(text, m, limit)
        if f is not None:
            if inside_quotes(text, f.start, f.end):
                if about_encodings is None:
                    about_encodings = talks_about_encodings(text)
                if about_encodings:
                    continue  # an example the text cites: 就可能把“湖南日報”变成“湖南日?qǐng)?bào)”
            corrupted.append(f)
    restored = [f for f in corrupted if f.code == "E302"]

    if not _is_machine(text, aligned, restored, opts) and len(holes) < int(opts.get("min_annotations", MIN_ANNOTATIONS)):
        return []

    findings = list(corrupted)
    taken = sorted((f.start, f.end) for f in corrupted)

    def inside(a: int, b: int) -> bool:
        return any(s < b and a < e for s, e in taken)

    for m, c, is_default in aligned:
        if inside(m.start(), m.end()):
            continue
        kind = "the default reading" if is_default else "a reading"
        if "?" in m.group(1):
            findings.append(Finding("E304", m.start(), m.end(), "",
                                    f"pinyin annotation ({m.group(1)}) is {kind} of {c} with its tone letter lost to ?"))
        else:
            findings.append(Finding("E301", m.start(), m.end(), "",
                                    f"pinyin annotation ({m.group(1)}) is {kind} of {c}"))
    if holes:
        findings += _lost_characters(text, [m for m in holes if not inside(m.start(), m.end())], aligned)
        findings.sort(key=lambda f: f.start)
    ctx.state["pinyin_annotated"] = True
    return findings


def _lost_characters(text: str, holes: list[re.Match], aligned: list) -> list[Finding]:
    """E305 for each ``?(reading)`` whose character the words around it tell
    (see :mod:`cleaner.encoding.pinyin_holes`), E303 for the others: a lost
    character that cannot be told is garbage, not text."""
    from ..encoding import pinyin_holes

    # the page's script: that of the characters the machine annotated, else that of the lines of the holes
    chars = {c for _m, c, _d in aligned}
    if not chars:
        chars = {c for m in holes for c in text[line_bounds(text, m.start())[0]:m.start()] if is_han(c)}
    traditional = bool(chars) and sum(map(pd.traditional_differs, chars)) * 2 >= len(chars)
    found: list[Finding] = []
    by_line: dict[int, list[re.Match]] = {}
    for m in holes:
        by_line.setdefault(line_bounds(text, m.start())[0], []).append(m)
    for start, line_holes in by_line.items():
        stop = line_bounds(text, start)[1]
        edges = [start] + [p for m in line_holes for p in (m.start(), m.end())] + [stop]
        known = [_ANY_ANNOT.sub("", text[a:b]).replace("?", "") for a, b in zip(edges[::2], edges[1::2])]
        picks = pinyin_holes.fill(known, [m.group(1) for m in line_holes], traditional)
        for m, char in zip(line_holes, picks):
            reading = m.group(1)
            if char is None:
                found.append(Finding("E303", m.start(), m.end(), "",
                                     f"annotated character lost to ? removed: the words around {reading} do not "
                                     f"tell which character it was"))
            else:
                found.append(Finding("E305", m.start(), m.end(), char,
                                     f"annotated character lost to ? restored: {char} reads {reading} and fits the "
                                     f"words around it best"))
    return found


def _dense(text: str, aligned: list, opts) -> bool:
    """The other machine pattern: nearly every ideograph of the lines it
    touches carries its reading (a tool that annotates every character, not
    a list of them)."""
    if len(aligned) < int(opts.get("min_dense_annotations", MIN_DENSE_ANNOTATIONS)):
        return False
    lines = {}
    for m, _c, _d in aligned:
        start, end = line_bounds(text, m.start())
        if start not in lines:
            lines[start] = cjk_count(text[start:end])
    han = sum(lines.values())
    return han > 0 and len(aligned) / han >= float(opts.get("min_dense_coverage", MIN_DENSE_COVERAGE))


def _is_machine(text: str, aligned: list, restored: list, opts) -> bool:
    n = len(aligned)
    if restored:
        return True
    if n < int(opts.get("min_annotations", MIN_ANNOTATIONS)):
        return False
    default_share = sum(1 for _m, _c, d in aligned if d) / n
    if default_share < float(opts.get("min_default_share", MIN_DEFAULT_SHARE)):
        return False
    if _dense(text, aligned, opts):
        return True
    chars = {c for _m, c, _d in aligned}
    if _in_running_prose(text, aligned, chars, opts):
        return True
    if _common_in_prose(text, aligned, chars):
        return True
    trad_share = sum(1 for c in chars if pd.traditional_differs(c)) / len(chars)
    if trad_share < float(opts.get("min_traditional_share", MIN_TRADITIONAL_SHARE)):
        return False
    # every occurrence of a listed character carries the annotation
    occurrences = sum(text.count(c) for c in chars)
    coverage = n / occurrences if occurrences else 0.0
    return coverage >= float(opts.get("min_coverage", MIN_COVERAGE))


#: annotations on common characters inside the words of prose: this many at
#: least, on this many characters, this share of them common (the ones no
#: writer glosses for a grown reader: 總, 會, 風)
MIN_COMMON_ANNOTATIONS = 6
MIN_COMMON_CHARACTERS = 5
MIN_COMMON_SHARE = 0.8
_COMMON_CHAR_LOGP = -9.5


def _common_in_prose(text: str, aligned: list, chars: set) -> bool:
    """The machine pattern however few times it annotated each character: the
    characters are nearly all common ones, and most annotations split a word
    of a line of prose (總(zǒng)會(huì)捐建).  A lesson glosses in lists and
    quotes, and a writer glosses the rare word, not 會."""
    from ..encoding.charfreq import char_logp

    if len(aligned) < MIN_COMMON_ANNOTATIONS or len(chars) < MIN_COMMON_CHARACTERS:
        return False
    if sum(1 for c in chars if char_logp(c) >= _COMMON_CHAR_LOGP) < MIN_COMMON_SHARE * len(chars):
        return False
    return _inside_words_of_prose(text, aligned) is not None


def _inside_words_of_prose(text: str, aligned: list) -> dict[int, int] | None:
    """The lines the annotations stand in (start → end) when most of them split
    a word (the next character an ideograph) and stand in a line of prose (this
    long, with clause marks); None otherwise."""
    in_word = in_prose = 0
    lines: dict[int, tuple[int, bool]] = {}
    for m, _c, _d in aligned:
        end = m.end()
        in_word += end < len(text) and is_han(text[end])
        start, stop = line_bounds(text, m.start())
        if start not in lines:
            line = text[start:stop]
            lines[start] = (stop, len(line) >= _PROSE_LINE_CHARS and _CLAUSE_MARKS.search(line) is not None)
        in_prose += lines[start][1]
    n = len(aligned)
    if in_word < MIN_IN_WORD_SHARE * n or in_prose < MIN_IN_PROSE_SHARE * n:
        return None
    return {start: stop for start, (stop, _prose) in lines.items()}


def _in_running_prose(text: str, aligned: list, chars: set, opts) -> bool:
    """The machine pattern on a page in any script: many annotations on many
    characters, most of them inside the words of running prose (the reading
    splits a word: ``游(yóu)客(kè)络(luò)绎(yì)不绝``), on most occurrences of
    their characters in the lines they stand in (lines without any, a menu
    or a footer a later detector may remove, do not count: the decision
    stays the same on the cleaned page).  A lesson glosses few characters,
    in lists or quoted, the reading closing off the character it teaches."""
    n = len(aligned)
    if n < int(opts.get("min_prose_annotations", MIN_PROSE_ANNOTATIONS)) or len(chars) < MIN_PROSE_CHARACTERS:
        return False
    lines = _inside_words_of_prose(text, aligned)
    if lines is None:
        return False
    occurrences = sum(text.count(c, start, stop) for start, stop in lines.items() for c in chars)
    return n >= float(opts.get("min_prose_coverage", MIN_PROSE_COVERAGE)) * occurrences


DETECTOR = Detector(
    name="pinyin",
    prefix="E3",
    summary="Machine pinyin annotations (風(fēng) → 風) and annotations corrupted across GBK byte boundaries.",
    rules=RULES,
    find=find_pinyin,
)
