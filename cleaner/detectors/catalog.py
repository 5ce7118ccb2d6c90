"""Catalogue metadata tables of official pages (B115).

A government or court page scraped to text often starts (or ends) with the
table of its information-disclosure catalogue entry::

    索引号：11340000003245678X/2024-01234    主题分类：城乡建设
    发布机构：某某厅
    成文日期：2024-03-12

The table is the site's filing record, not the document.  A block of lines
is taken as one when every line is made of ``LABEL：value`` cells (or a
label alone with its value on the next line) whose labels come from the
catalogue lexicon, with two labels only such a table has (索引号, 主题分类,
发文字号 …), or one of them and two others.  A value is
short and never holds a sentence, so a paragraph that explains what an
索引号 is stays.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .. import patterncache
from ..linetools import EDGE_SPACE, has_sentence_end, lines_forward

#: the longest value a cell may hold (a document title may be long)
MAX_VALUE_CHARS = 100
_CELL_SPACE = "[ \u3000\xa0]*"
#: what may open a table row before its first label
LEAD_CHARS = " \t\u3000\xa0•·●◆■□▪\\-*"
_LEAD = f"[{LEAD_CHARS}]*"


@dataclass(frozen=True)
class CatalogLexicon:
    strong: frozenset
    #: labels of the cell that holds the document's title
    title: frozenset
    #: a label (its characters may be spaced out: 索 引 号) with its colon
    cell_re: re.Pattern
    #: a label alone, its value on the next line (a table cell)
    bare_re: re.Pattern
    #: a line that opens with a strong label (one scan for most documents; the
    #: first line is tried with ``first_strong_re``)
    strong_re: re.Pattern
    first_strong_re: re.Pattern
    #: the strong labels as written (3-character ones also spaced out), for a caller's scan
    strong_forms: tuple


def _spaced(word: str) -> str:
    return _CELL_SPACE.join(re.escape(c) for c in word)


@lru_cache(maxsize=1)
def catalog_lexicon() -> CatalogLexicon:
    text = resources.files("cleaner.data").joinpath("boilerplate", "catalog.txt").read_text(encoding="utf-8")
    strong, weak, title = set(), set(), set()
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        word, _, tag = line.lstrip("!").partition("\t")
        (strong if line.startswith("!") else weak).add(word)
        if tag.strip() == "title":
            title.add(word)
    alt = "|".join(_spaced(w) for w in sorted(strong | weak, key=patterncache.longest_first))
    strong_alt = "|".join(_spaced(w) for w in sorted(strong, key=patterncache.longest_first))
    return CatalogLexicon(
        strong=frozenset(strong),
        title=frozenset(title),
        cell_re=patterncache.compile(f"({alt}){_CELL_SPACE}[:：︰]{_CELL_SPACE}"),
        bare_re=patterncache.compile(f"({alt}){_CELL_SPACE}[:：︰]?"),
        strong_re=patterncache.compile(f"\n{_LEAD}(?:{strong_alt})"),
        first_strong_re=patterncache.compile(f"{_LEAD}(?:{strong_alt})"),
        strong_forms=tuple(sorted(strong | {sep.join(w) for w in strong if len(w) == 3 for sep in (" ", "\u3000")})),
    )


def _label(match: re.Match) -> str:
    return re.sub(_CELL_SPACE, "", match.group(1))


#: what separates two cells on one line
_CELL_GAP = " \t\u3000\xa0|丨｜;；,，"


def _cells(core: str, lex: CatalogLexicon) -> tuple[list[str], bool, list[tuple[int, str]]] | None:
    """The labels of a line made only of ``LABEL：value`` cells, whether its
    last cell waits for its value on the next line, and where each value
    starts with the value; else None."""
    pos = re.match(_LEAD, core).end()
    bare = lex.bare_re.fullmatch(core, pos)
    if bare is not None:
        return [_label(bare)], True, []
    first = lex.cell_re.match(core, pos)
    if first is None:
        return None
    marks = [first]
    marks.extend(m for m in lex.cell_re.finditer(core, first.end()) if core[m.start() - 1] in _CELL_GAP)
    labels, values = [], []
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(core)
        value = core[mark.end():end].strip(EDGE_SPACE + _CELL_GAP)
        if len(value) > MAX_VALUE_CHARS or has_sentence_end(value):  # a value holds no sentence
            return None
        labels.append(_label(mark))
        values.append((mark.end(), value))
    return labels, marks[-1].end() == len(core), values


def _value_line(core: str) -> bool:
    return 0 < len(core) <= MAX_VALUE_CHARS and not has_sentence_end(core)


def catalog_blocks(text: str) -> list[tuple[int, int, list[str]]]:
    """``(start, end, labels)`` of every span of a catalogue table in ``text``:
    whole lines (``end`` past the newline), but for a title cell whose title
    stands nowhere else in the text, which keeps its value (the label alone
    goes, or nothing of a line with other cells)."""
    lex = catalog_lexicon()
    # a table has a row that opens with a label only such a table has
    if lex.first_strong_re.match(text) is None and lex.strong_re.search(text) is None:
        return []
    found: list[tuple[int, int, list[str]]] = []
    # (start, end, labels, the title it holds or "", where that title starts)
    block: list[tuple[int, int, list[str], str, int]] = []
    awaiting: str | None = None  # the label whose value the next line holds

    def close() -> None:
        labels = [label for row in block for label in row[2]]
        strong = sum(label in lex.strong for label in labels)
        if strong >= 2 or (strong and len(labels) >= 3):
            for start, end, labels, title, title_start in block:
                if not title or text.count(title) > 1:
                    found.append((start, end, labels))
                elif labels and len(labels) == 1 and title_start > start:
                    found.append((start, title_start, labels))  # the label goes, the title stays
        block.clear()

    for start, end in lines_forward(text):
        core = text[start:end].strip(EDGE_SPACE + "\n")
        if not core:
            awaiting = None  # a label with no value after it
            continue
        cells = _cells(core, lex)
        if cells is None and awaiting is not None and _value_line(core):
            block.append((start, end, [], core if awaiting in lex.title else "", start))
            awaiting = None
            continue
        if cells is None:
            awaiting = None
            close()
            continue
        labels, waits, values = cells
        awaiting = labels[-1] if waits else None
        lead = start + text[start:end].index(core[0])
        title = next(((lead + at, value) for label, (at, value) in zip(labels, values)
                      if label in lex.title and value), None)
        block.append((start, end, labels, title[1] if title else "", title[0] if title else start))
    close()
    return found
