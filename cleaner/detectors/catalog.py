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

from ..linetools import EDGE_SPACE, lines_forward

#: the longest value a cell may hold (a document title may be long)
MAX_VALUE_CHARS = 100
#: a value holds no sentence
_SENTENCE = re.compile("[。！？!?；;…]")
_CELL_SPACE = "[ \u3000\xa0]*"
_LEAD = "[ \t\u3000\xa0•·●◆■□▪\\-*]*"


@dataclass(frozen=True)
class CatalogLexicon:
    strong: frozenset
    #: a label (its characters may be spaced out: 索 引 号) with its colon
    cell_re: re.Pattern
    #: a label alone, its value on the next line (a table cell)
    bare_re: re.Pattern
    #: whether a text holds a strong label at all (one scan for most documents)
    strong_re: re.Pattern


def _spaced(word: str) -> str:
    return _CELL_SPACE.join(re.escape(c) for c in word)


@lru_cache(maxsize=1)
def catalog_lexicon() -> CatalogLexicon:
    text = resources.files("cleaner.data").joinpath("boilerplate", "catalog.txt").read_text(encoding="utf-8")
    strong, weak = set(), set()
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        (strong if line.startswith("!") else weak).add(line.lstrip("!"))
    alt = "|".join(_spaced(w) for w in sorted(strong | weak, key=len, reverse=True))
    return CatalogLexicon(
        strong=frozenset(strong),
        cell_re=re.compile(f"({alt}){_CELL_SPACE}[:：︰]{_CELL_SPACE}"),
        bare_re=re.compile(f"({alt}){_CELL_SPACE}[:：︰]?"),
        strong_re=re.compile("|".join(_spaced(w) for w in sorted(strong, key=len, reverse=True))),
    )


def _label(match: re.Match) -> str:
    return re.sub(_CELL_SPACE, "", match.group(1))


#: what separates two cells on one line
_CELL_GAP = " \t\u3000\xa0|丨｜;；,，"


def _cells(core: str, lex: CatalogLexicon) -> tuple[list[str], bool] | None:
    """The labels of a line made only of ``LABEL：value`` cells, and whether
    its last cell waits for its value on the next line; else None."""
    pos = re.match(_LEAD, core).end()
    bare = lex.bare_re.fullmatch(core, pos)
    if bare is not None:
        return [_label(bare)], True
    first = lex.cell_re.match(core, pos)
    if first is None:
        return None
    marks = [first]
    marks.extend(m for m in lex.cell_re.finditer(core, first.end()) if core[m.start() - 1] in _CELL_GAP)
    labels = []
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(core)
        value = core[mark.end():end].strip(EDGE_SPACE + _CELL_GAP)
        if len(value) > MAX_VALUE_CHARS or _SENTENCE.search(value):
            return None
        labels.append(_label(mark))
    return labels, marks[-1].end() == len(core)


def _value_line(core: str) -> bool:
    return 0 < len(core) <= MAX_VALUE_CHARS and _SENTENCE.search(core) is None


def catalog_blocks(text: str) -> list[tuple[int, int, list[str]]]:
    """``(start, end, labels)`` of every line in a catalogue table of ``text``
    (``end`` past the line's newline)."""
    lex = catalog_lexicon()
    if lex.strong_re.search(text) is None:
        return []
    found: list[tuple[int, int, list[str]]] = []
    block: list[tuple[int, int, list[str]]] = []
    awaiting_value = False

    def close() -> None:
        labels = [label for _s, _e, ls in block for label in ls]
        strong = sum(label in lex.strong for label in labels)
        if strong >= 2 or (strong and len(labels) >= 3):
            found.extend(block)
        block.clear()

    for start, end in lines_forward(text):
        core = text[start:end].strip(EDGE_SPACE + "\n")
        if not core:
            awaiting_value = False  # a label with no value after it
            continue
        cells = _cells(core, lex)
        if cells is None and awaiting_value and _value_line(core):
            block.append((start, end, []))
            awaiting_value = False
            continue
        if cells is None:
            awaiting_value = False
            close()
            continue
        labels, awaiting_value = cells
        block.append((start, end, labels))
    close()
    return found
