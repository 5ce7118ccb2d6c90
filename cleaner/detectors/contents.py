"""A page's own table of contents and its edit links (B117).

Encyclopedia and wiki pages scraped to text keep the contents box near the
top and an edit link beside every heading::

    目录
    1 选育经过
    2 特征特性
    ▪ 植物学性状
    …
    选育经过
    播报
    编辑

The box is the page's navigation: its items are the headings further down.
A block is taken as one only when a line that is just ``目录`` (目錄,
Contents) heads three or more numbered or bulleted items and at least half
of them, two at least, come back later as lines of their own; a book's
table of contents, whose chapters the page does not go on to print, stays.
The edit links go only beside those headings: ``[编辑]`` at the end of the
heading line, or ``编辑`` / ``播报`` / ``编辑本段`` alone on the lines under it.
"""
from __future__ import annotations

from .. import patterncache
from ..linetools import EDGE_SPACE, lines_forward

#: lines that head a contents box
HEADERS = frozenset(("目录", "目錄", "Contents", "文章目录", "文章目錄", "本文目录", "本文目錄"))
#: a contents item: a section number or a bullet, then the heading
_ITEM = patterncache.compile(r"(?:\d{1,2}(?:\.\d{1,2})*[.、]?|[▪•·●◦■□\-])[ \t\u3000]*(\S.{0,40})")
#: the box's own buttons, which may stand among its items
_BOX_BUTTONS = frozenset(("隐藏", "隱藏", "显示", "顯示", "展开", "展開", "收起", "切换目录", "切換目錄",
                          "序言", "开头", "開頭", "回到顶部", "回到頂部"))
#: an edit link written after a heading
_EDIT_SUFFIX = patterncache.compile(r"[ \t\u3000]*\[(?:编辑|編輯|编辑本段|編輯本段|edit|Edit)\][ \t\u3000]*$")
#: edit links alone on the lines under a heading
_EDIT_LINES = frozenset(("编辑", "編輯", "播报", "播報", "编辑本段", "編輯本段", "[编辑]", "[編輯]"))
#: the contents boxes a page is searched for
MAX_BOXES = 3
#: the least items a box holds, and the share of them that must come back as headings
MIN_ITEMS = 3
MIN_RECURRING = 2
RECURRING_SHARE = 0.5


def may_hold_contents(text: str) -> bool:
    """A quick test: does any header word occur at all?"""
    return "目录" in text or "目錄" in text or "Contents" in text


def contents_findings(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, reason)`` per span to remove: whole lines of a contents
    box and the edit links beside its headings (for a suffix, the suffix alone)."""
    rows = [(a, b, text[a:b].strip(EDGE_SPACE + "\n")) for a, b in lines_forward(text)]
    found: list[tuple[int, int, str]] = []
    boxes = 0
    for i, (start, _end, line) in enumerate(rows):
        if line not in HEADERS:
            continue
        boxes += 1
        if boxes > MAX_BOXES:
            break   # a page has one contents box; more headers are not read (linear time)
        items: list[tuple[int, int, str | None]] = []
        j = i + 1
        while j < len(rows):
            s, e, c = rows[j]
            if not c:
                if items:
                    break
                j += 1
                continue
            if c in _BOX_BUTTONS:
                items.append((s, e, None))
            else:
                m = _ITEM.fullmatch(c)
                if m is None:
                    break
                items.append((s, e, m.group(1).strip(EDGE_SPACE)))
            j += 1
        titles = [t for _s, _e, t in items if t]
        if len(titles) < MIN_ITEMS:
            continue
        headings: dict[str, int] = {}
        for k in range(j, len(rows)):
            c = _EDIT_SUFFIX.sub("", rows[k][2])
            if c in titles and c not in headings:
                headings[c] = k
        if len(headings) < MIN_RECURRING or len(headings) < RECURRING_SHARE * len(titles):
            continue
        found.append((start, rows[i][1], f"the page's table of contents: {line}"))
        found += [(s, e, f"contents item: {t or text[s:e].strip()}") for s, e, t in items]
        for k in sorted(headings.values()):
            s, e, c = rows[k]
            m = _EDIT_SUFFIX.search(text, s, e - (text[e - 1:e] == "\n"))
            if m is not None:
                found.append((m.start(), m.end(), "edit link beside a heading"))
            k += 1
            while k < len(rows) and rows[k][2] in _EDIT_LINES:
                found.append((rows[k][0], rows[k][1], "edit link under a heading"))
                k += 1
    return found
