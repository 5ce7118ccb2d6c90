"""Boilerplate detector (B): site chrome around an article.

Navigation bars, header greetings, font/colour controls, share widgets,
related-links blocks, copyright/ICP footers, site-owner lines, app/QR
promotions, the editorial chain at the tail and stray UI words.

Every decision is *lexicon plus shape*: the words come from the data files
under ``cleaner/data/boilerplate/`` (simplified and traditional forms), the
shape (short, no sentence punctuation, ``label: value``, a whole line made
of UI tokens) and the position are checked here.  The detector

* peels the **head** of the document while lines are site chrome (it stops
  at the first other line, which is the title);
* peels the **tail** while lines are boilerplate (blank lines skipped), with
  a related-links header taking the short link titles under it along; the
  title and the line under it (the byline) are never peeled from the tail;
* in the **middle** removes only lines that are unmistakable on their own: a
  share widget (with its targets one per line), a font-size control, a
  breadcrumb, ``返回顶部``, a labelled page counter, a video player's clock,
  an app banner and the like;
* reads on from where the head and tail walks stopped for a **menu** scraped
  one item per line (enough known menu words among short lines; under the
  page's first line too, which stays), and below the dateline for the
  **widgets** between it and the text (font sizes, share bars);
* takes the **furniture** at the end of a blog's or a forum's page: short
  lines among the site's chrome there (archives, rankings, sidebar titles),
  up to the first sentence, long line or credit of the article;
* takes a **comment section** to the end of the page (a header with a thread
  of short lines under it), short **related-links blocks** inside the text
  and the **catalogue table** of a government page (:mod:`.catalog`), and an
  encyclopedia page's own **table of contents** with its edit links (:mod:`.contents`).

Every pass inside the text is ruled out on most pages by one line-start scan
(``Lexicon.inside_head``); a pass whose decision depends on the lines around
it makes its round unsettled, so the pipeline looks again.

Extra lexicons: ``options["extra_lexicons"]`` lists files of ``[category]``
sections (category = a data-file stem, e.g. ``[nav]``, ``[editorial]``,
``[promo:verb]``) with one entry per line, in the data-file syntax.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator

from .. import patterncache
from ..findings import Finding
from ..linetools import (ANNOUNCING_COLONS, EDGE_SPACE, ends_sentence, has_sentence_end, is_counted_comment_header,
                         is_list_label, line_after, line_before, line_bounds, lines_backward, lines_forward,
                         nonblank_backward, nonblank_forward)
from .base import Context, Detector, Rule
from .catalog import LEAD_CHARS, catalog_blocks, catalog_lexicon
from .contents import HEADERS as CONTENTS_HEADERS, contents_findings, may_hold_contents

RULES = (
    Rule("B101", "navigation-bar", "A navigation bar at the head or tail: items separated by | or wide spaces, one item per line between lone | lines, or a menu scraped one item per line.", "移動客戶端 | 官方微信 | 官方微博 → (removed)"),
    Rule("B102", "header-greeting", "A site-header greeting, usually with today's date.", "歡迎訪問某某網 今天是 2024年1月1日 星期一 → (removed)"),
    Rule("B103", "font-control", "A font-size/colour control line.", "字號:A A 顏色: → (removed)"),
    Rule("B104", "editorial-chain", "The editorial chain at the tail: 责任编辑, 责编, 一审/二审/三审, 校对, 审核, 监制 with names.", "责任编辑：张三 → (removed)"),
    Rule("B105", "trailing-source", "A trailing source line at the tail (a 来源 line under the title is a byline and stays).", "来源：某某日报 (last line) → (removed)"),
    Rule("B106", "share-widget", "A share widget: 分享到 with share targets.", "分享到：微信 微博 QQ空间 → (removed)"),
    Rule("B107", "related-links", "A related-links header with the link titles under it (at the tail, or a short block inside the text), or a related link with its title on the line.", "相关阅读 / 某某标题 → (removed)"),
    Rule("B108", "copyright-footer", "A copyright, ICP or 公网安备 line at the head or tail.", "Copyright © 2020 example.com 京ICP备00000000号 → (removed)"),
    Rule("B109", "site-owner", "A site-owner line at the tail (主办/承办/主管, contact details with it).", "某某委员会主办 → (removed)"),
    Rule("B110", "app-promotion", "An app/QR/official-account promotion at the head or tail; an app banner (打开…查看精彩图片) anywhere.", "海量资讯，尽在某某APP → (removed)"),
    Rule("B111", "site-ui", "Print/close/back-to-top links, stray UI words and counters (at the head or tail; unmistakable ones, labelled page counters and a video player's clock anywhere).", "打印本页 关闭窗口 → (removed)"),
    Rule("B112", "breadcrumb", "A breadcrumb line (当前位置：首页 > 新闻).", "当前位置：首页 > 新闻 > 正文 → (removed)"),
    Rule("B113", "comment-section", "A comment section to the end of the page: its header (网友评论, 全部评论(12)) with the comments and their names and times.", "网友评论 / 某网友 2024-01-01 10:00 / 说得好 → (removed)"),
    Rule("B114", "page-title", "The page's title line (the headline and the site's name) above the headline itself.",
         "消费回暖_某某网财经 / 消费回暖 → 消费回暖"),
    Rule("B115", "catalogue-metadata", "A government catalogue entry's metadata table (索引号, 主题分类, 发文字号 … with their values).",
         "索引号：11340000/2024-01234 主题分类：城乡建设 → (removed)"),
    Rule("B116", "site-name", "The site's name on the first line, right above the site's navigation (a page title there that the headline repeats, too).",
         "佛山法院网 / 首页 | 法院概况 | 审判执行 → (removed)"),
    Rule("B117", "page-contents", "The page's own table of contents (its items come back below as headings) and the edit links beside those headings.",
         "目录 / 1 历史 / 2 形式 … 历史[编辑] → 历史"),
)

#: how many non-blank lines the head and tail passes look at
MAX_HEAD_LINES = 60
MAX_TAIL_LINES = 80
#: how many link titles a related-links header may take along
MAX_RELATED_LINKS = 25
#: how many lines a comment-section header may take along
MAX_COMMENT_LINES = 40

_PIPES = "|｜丨¦∣│"
_LONE_SEP = patterncache.compile(f"[{_PIPES}]+|:::")
#: characters that separate the tokens of a UI line (white space included)
_SEP_CLASS = r"\s|｜丨¦∣│/\\、·•・,，;；:：︰\-—–>»›<«‹【】\[\]()（）〔〕〈〉《》「」『』\"'“”‘’▶►▸■□●○◆◇★☆→"
_TOKEN_SPLIT = patterncache.compile(f"[{_SEP_CLASS}]+")
_FIRST_TOKEN = patterncache.compile(f"[{_SEP_CLASS}]*([^{_SEP_CLASS}]+)")
_OPEN_CLOSE = {"(": ")", "（": "）", "【": "】", "[": "]", "〔": "〕", "〈": "〉", "<": ">"}
_DECOR = "▶►▸■□●○◆◇★☆·•→>»※◎"
_DATE = patterncache.compile(r"\d{4}\s*年|\d{4}[-/.]\d{1,2}|星期|礼拜|禮拜")
_HOME_PAGE = ("首页", "首頁", "主页", "主頁")
_THIS_PAGE = frozenset(("正文", "查看内容", "查看內容", "内容", "內容", "详情", "詳情", "正文内容", "正文內容"))
_CRUMB_SEP = patterncache.compile(r"\s*(?:>>|>|›|»|→|＞)\s*")
_LINK_MAX = 60
_COMMENT_TIME = patterncache.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}|\d{1,2}:\d{2}(?::\d{2})?$|\d+\s*(?:分钟|分鐘|小时|小時|天)前")
_GROUPS = patterncache.compile(r"(?:[【\[][^【】\[\]]{1,40}[】\]][ \t\u3000]*){2,8}")
_NAMES = patterncache.compile(r"[\u4e00-\u9fff·]{2,4}(?:[\s、/]+[\u4e00-\u9fff·]{2,4}){0,3}")


def _pattern(words) -> str:
    """An alternation of ``words``, longest first (see :func:`patterncache.alternation`)."""
    return patterncache.alternation(words)


@dataclass(frozen=True)
class Lexicon:
    nav: frozenset
    ui: frozenset
    ui_strong: frozenset
    font: frozenset
    size: frozenset
    share: frozenset
    prevnext: frozenset
    lead: frozenset
    comments: frozenset
    related: frozenset
    label_family: dict
    owner_suffix: tuple
    promo_verb: tuple
    promo_object: tuple
    greeting: tuple
    greeting_strong: tuple
    breadcrumb: tuple
    copyright_strong_re: re.Pattern
    copyright_weak_re: re.Pattern
    label_start_re: re.Pattern
    label_colon_re: re.Pattern
    owner_suffix_re: re.Pattern
    promo_verb_re: re.Pattern
    promo_object_re: re.Pattern
    greeting_re: re.Pattern
    greeting_strong_re: re.Pattern
    breadcrumb_re: re.Pattern
    anywhere_re: re.Pattern
    anywhere_first_re: re.Pattern
    ui_or_nav: frozenset
    cache: dict
    related_head: "_LineStart"
    comment_head: "_LineStart"
    header_head: "_LineStart"
    under_title_maybe: tuple | None
    long_maybe: tuple | None
    short_maybe_head: tuple | None
    short_maybe_tail: tuple | None
    site_suffix: tuple
    #: one scan for the rare lines the passes inside the text look for
    rare_starts: "_LineStart"
    #: lines that may head a comment section
    section_head: "_LineStart"
    #: any line the passes inside the text look for (one scan rules them all out)
    inside_head: "_LineStart"


_FILES = ("nav", "ui", "related", "editorial", "source", "meta", "owner", "ownersuffix", "sitename",
          "copyright", "promo", "greeting", "breadcrumb", "comments")


def _parse(text: str, default_category: str | None, into: dict) -> None:
    """Parse lexicon text into ``into[category] = [(entry, strong, tag), ...]``."""
    category = default_category
    for raw in text.splitlines():
        line = raw.strip(" \r\ufeff")
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]") and len(line) > 2:
            name = line[1:-1].strip()
            if default_category and ":" not in name and name not in _FILES:
                category = f"{default_category}:{name}"  # sub-section of a data file
            else:
                category = name
            continue
        if category is None:
            continue
        strong = line.startswith("!")
        if strong:
            line = line[1:]
        entry, _, tag = line.partition("\t")
        entry = entry.strip()
        if entry:
            into.setdefault(category, []).append((entry, strong, tag.strip()))


@dataclass(frozen=True)
class _LineStart:
    """Finds the first line, from a position on, that may begin with one of a few words.

    ``lead`` is the character class a line may open with before the word.  The
    match is a superset of the exact test it stands for: case is ignored when
    a word has case, and a word that case folding cannot be trusted with
    turns the search off (every line then counts as a candidate).
    """
    after_newline: re.Pattern | None
    at_start: re.Pattern | None

    @classmethod
    def build(cls, lead: str, words) -> "_LineStart":
        forms = {w for w in words} | {w.lower() for w in words}
        if not forms or any("\u0307" in w for w in forms):
            return cls(None, None)  # only U+0130 lowers to two characters (i + U+0307)
        # case-insensitive only when some word has case: a plain match is cheaper
        flags = re.IGNORECASE if any(c.lower() != c or c.upper() != c for w in forms for c in w) else 0
        # the lead run may be taken whole (no backtracking) unless a word opens with a lead character
        lead_class = f"[{lead}]"
        greedy = "*" if any(re.match(lead_class, w[:1], flags) for w in forms) else "*+"
        # a first-character test before the alternation lets most lines fail at once
        firsts = "".join(sorted({re.escape(w[0]) for w in forms}))
        body = rf"{lead_class}{greedy}(?=[{firsts}])(?:{_pattern(forms)})"
        return cls(patterncache.compile(rf"\n{body}", flags), patterncache.compile(body, flags))

    def first(self, text: str, pos: int) -> int:
        """Start of the first candidate line at or after line start ``pos`` (len(text) + 1 if none)."""
        if self.at_start is None:
            return pos
        if self.at_start.match(text, pos):
            return pos
        m = self.after_newline.search(text, pos)
        return m.start() + 1 if m else len(text) + 1


_ANYWHERE_LEAD = " \t\u3000\xa0【[（(<〔"


def _anywhere_body(words) -> str:
    """Line-start pattern for ``words``, with a first-character class so most lines fail at once."""
    firsts = "".join(sorted({re.escape(w[0]) for w in words}))
    if any(w[:1] in _ANYWHERE_LEAD for w in words):
        # a word that opens with a space or a bracket needs the backtracking form
        return rf"[ \t\u3000\xa0]*(?:[【\[（(<〔][ \t]*)?(?=[{firsts}])(?:{_pattern(words)})"
    # otherwise the indent and the bracket can be taken whole: no backtracking
    # into them, and no optional group (which the regex engine runs slowly)
    return rf"[ \t\u3000\xa0]*+(?:[【\[（(<〔][ \t]*+|)(?=[{firsts}])(?:{_pattern(words)})"


def _any_word(words) -> str:
    """Pattern for any of ``words`` anywhere, case ignored: a first-character test, then the words."""
    firsts = "".join(sorted({re.escape(w[0]) for w in words}))
    return rf"(?i:(?=[{firsts}])(?:{_pattern(words)}))" if words else "(?!)"


def _caseless_safe(words) -> bool:
    """Whether an ignore-case match of ``words`` finds every line whose lower case holds them.

    Only U+0130 lowers to two characters (i + U+0307); a word holding U+0307
    could be missed, so such a lexicon gets no pre-check.
    """
    return not any("\u0307" in w for w in words)


_CRUMB_CHARS = ">›»→＞"
_UNWRAP_LEAD = re.escape(_DECOR + EDGE_SPACE + "".join(_OPEN_CLOSE))


#: the characters besides its own two cases that Python's ``re`` takes for an
#: ASCII letter when case is ignored (dotted/dotless i, long s, Kelvin sign)
_ASCII_CASE_EXTRA = "\u0130\u0131\u017f\u212a"


def _case_variants(c: str) -> list[str] | None:
    """Every character an ignore-case match of ``c`` accepts; None when that is not known.

    A character without case stands for itself; for an ASCII letter the
    candidates are checked against the regex engine itself.  Any other
    cased character is not trusted (None).
    """
    if c.lower() == c and c.upper() == c:
        return [c]
    if not c.isascii():
        return None
    one = patterncache.compile(f"(?i){re.escape(c)}")
    return sorted(x for x in {c.lower(), c.upper(), *_ASCII_CASE_EXTRA} if one.fullmatch(x))


def _literal_first(chars: str, words=(), end_words=()) -> str | None:
    """An alternation that finds any of ``chars``, ``words`` (case ignored) or
    ``end_words`` (at the end), each branch opening with a plain character.

    Written so, a search skips ahead with the regex engine's first-character
    scan instead of trying every branch at every position, which makes a
    line that holds none of them cheap to reject; the words that open with
    the same character share its branch (only whether the pattern matches
    counts, not which word).  None when a word opens with a character whose
    case variants are not known.
    """
    chars = set(chars)
    branches = [re.escape(c) for c in sorted(chars)]
    rests: dict[str, set[str]] = {}   # first character as written -> the rests of its words
    for w in sorted(set(words)):
        variants = _case_variants(w[0])
        if variants is None:
            return None
        for v in variants:
            rests.setdefault(v, set()).add(w[1:])
    for v, tails in sorted(rests.items()):
        if v in chars:
            continue   # the character alone is a branch already
        if "" in tails:
            branches.append(re.escape(v))   # a one-character word: the others add nothing
        else:
            branches.append(re.escape(v) + "(?i:" + "|".join(re.escape(t) for t in sorted(tails, key=patterncache.longest_first)) + ")")
    branches.extend(re.escape(w) + "$" for w in sorted(set(end_words)))
    return "|".join(branches) if branches else "(?!)"


def _maybe_pair(starts: list[str], chars: str, words=(), end_words=()) -> tuple | None:
    """(anchored, unanchored) patterns: a line may qualify when the first matches at
    its start or the second anywhere in it; None: no test (always maybe)."""
    anywhere = _literal_first(chars, words, end_words)
    if anywhere is None:
        return None
    return patterncache.compile("|".join(starts) if starts else "(?!)"), patterncache.compile(anywhere)


def _under_title_maybe(ui_and_nav, breadcrumb, greeting) -> tuple | None:
    """A cheap test that a line may be chrome under the title (see :func:`_maybe_pair`).

    A superset of :func:`_under_title`: a UI/navigation word first (UI
    tokens), a | (navigation bar), a breadcrumb word first or a breadcrumb
    separator, a greeting word anywhere.
    """
    forms = list(ui_and_nav) + list(breadcrumb) + list(greeting)
    firsts = {w[:1].lower() for w in ui_and_nav}
    if not _caseless_safe(forms + [f for f in firsts]) or any(len(f) != 1 for f in firsts):
        return None
    first_class = "".join(sorted(re.escape(f) for f in firsts))
    bc_lead = re.escape("【[（(<〔" + EDGE_SPACE)
    return _maybe_pair(
        [rf"[{_SEP_CLASS}]*+(?i:[{first_class}])", rf"[{bc_lead}]*{_any_word(breadcrumb)}"],
        _PIPES + _CRUMB_CHARS, greeting)


def _long_maybe(strong_copyright, labels) -> tuple | None:
    """A cheap test that a long edge line may be a footer (see :func:`_maybe_pair`).

    A superset of :func:`_classify_long`: a | (navigation bar), a strong
    copyright word, a label word once the line is unwrapped (owner line).
    """
    if not _caseless_safe(list(strong_copyright) + list(labels)):
        return None
    return _maybe_pair([rf"[{_UNWRAP_LEAD}]*{_any_word(labels)}"], _PIPES, strong_copyright)


def _short_maybe(first_words, start_words: dict, anywhere_words, end_words) -> tuple | None:
    """A cheap test that a short edge line may be chrome (see :func:`_maybe_pair`).

    A superset of :func:`_classify_short` at one position (head or tail):

    * anchored: the first token opens with the first letter of a UI,
      navigation or related-links word (UI tokens, a link to another page,
      previous/next, a related-links header); a word of ``start_words`` after
      the characters its check strips (a breadcrumb label, an editorial or
      owner label); a bracket (bracketed site links);
    * unanchored: a |, a breadcrumb separator, a word of ``anywhere_words``
      (copyright, promotion, greeting), a word of ``end_words`` at the end
      (an organisation named as 主办/承办).
    """
    firsts = {w[:1].lower() for w in first_words}
    every = list(first_words) + [w for ws in start_words.values() for w in ws] + list(anywhere_words) + list(end_words)
    if not _caseless_safe(every + list(firsts)) or any(len(f) != 1 for f in firsts):
        return None
    starts = [rf"[{_SEP_CLASS}]*+(?i:[{''.join(sorted(re.escape(f) for f in firsts))}])", r"[【\[]"]
    bc_lead = re.escape("【[（(<〔" + EDGE_SPACE)
    for lead, ws in start_words.items():
        if ws:
            starts.append(rf"[{lead or bc_lead}]*{_any_word(ws)}")
    return _maybe_pair(starts, _PIPES + _CRUMB_CHARS, anywhere_words, end_words)


@lru_cache(maxsize=8)
def load_lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    """The boilerplate lexicons (data files plus any extra files), compiled."""
    data: dict[str, list] = {}
    base = resources.files("cleaner.data").joinpath("boilerplate")
    for name in _FILES:
        _parse(base.joinpath(f"{name}.txt").read_text(encoding="utf-8"), name, data)
    for path in extra:
        _parse(Path(path).read_text(encoding="utf-8"), None, data)

    def words(cat, strong=None, tag=None):
        return [e for e, s, t in data.get(cat, ()) if (strong is None or s == strong) and (tag is None or t == tag)]

    def lower(ws):
        return frozenset(w.lower() for w in ws)

    ui_entries = data.get("ui", [])
    label_family: dict[str, str] = {}
    for fam in ("meta", "owner_weak", "owner", "source", "editorial"):
        if fam == "owner_weak":
            ws = words("owner", strong=False)
        elif fam == "owner":
            ws = words("owner", strong=True)
        else:
            ws = words(fam)
        for w in ws:
            label_family[w.lower()] = fam
    labels = list(label_family)
    label_alt = _pattern(labels)
    strong_cr = words("copyright", strong=True)
    weak_cr = words("copyright", strong=False)
    weak_cr_alt = "|".join(
        re.escape(w) + ("(?![人者方权權])" if w.endswith(("所有",)) else "")
        for w in sorted(set(weak_cr), key=patterncache.longest_first)
    )
    ui_strong = lower(e for e, s, _ in ui_entries if s)
    font = lower(words("ui", tag="font"))
    breadcrumb = tuple(words("breadcrumb"))
    nav = lower(words("nav"))
    home = [w for w in words("nav") if w.endswith(("首页", "首頁"))]
    # lowered for the decision, as written for the line-start scan (which keeps case)
    anywhere = sorted(ui_strong | {e for e, s, _ in ui_entries if s} | font | {b.lower() for b in breadcrumb}
                      | {h.lower() for h in home})
    return Lexicon(
        nav=nav,
        ui=lower(e for e, _, _ in ui_entries),
        ui_strong=ui_strong,
        font=font,
        size=lower(words("ui", tag="size")),
        share=lower(words("ui", tag="share")),
        prevnext=lower(words("ui", tag="prevnext")),
        lead=lower(words("ui", tag="lead")),
        comments=lower(words("comments")),
        related=lower(words("related")),
        label_family=label_family,
        owner_suffix=tuple(words("ownersuffix")),
        promo_verb=tuple(words("promo:verb")),
        promo_object=tuple(words("promo:object")),
        greeting=tuple(words("greeting", strong=False)),
        greeting_strong=tuple(words("greeting", strong=True)),
        breadcrumb=breadcrumb,
        copyright_strong_re=patterncache.compile(_any_word(strong_cr)),
        copyright_weak_re=patterncache.compile(weak_cr_alt),
        label_start_re=patterncache.compile(rf"(?i)({label_alt})\s*(?:[:：︰]|[/|丨｜]|\s+(?=\S))\s*"),
        label_colon_re=patterncache.compile(rf"(?i)({label_alt})\s*[:：︰]\s*"),
        owner_suffix_re=patterncache.compile(rf"^[^\s。！？!?，,；;：:由]{{2,40}}(?:{_pattern(words('ownersuffix'))})$"),
        promo_verb_re=patterncache.compile(_pattern(words("promo:verb"))),
        promo_object_re=patterncache.compile(_pattern(words("promo:object"))),
        greeting_re=patterncache.compile(_pattern(words("greeting", strong=False))),
        greeting_strong_re=patterncache.compile(rf"(?:{_pattern(words('greeting', strong=True))})\s*[:：]?\s*(?:\d|[一二]〇|公元)"),
        breadcrumb_re=patterncache.compile(rf"^(?:{_pattern(breadcrumb)})\s*[:：]"),
        ui_or_nav=nav | lower(e for e, _, _ in ui_entries),
        cache={},
        anywhere_re=patterncache.compile(rf"\n(){_anywhere_body(anywhere)}"),
        anywhere_first_re=patterncache.compile(rf"(){_anywhere_body(anywhere)}"),
        # a related-links header is a line whose first token is a related word
        related_head=_LineStart.build(_SEP_CLASS + re.escape(EDGE_SPACE), words("related")),
        # a comment header is a comment word once decorations and brackets are unwrapped
        comment_head=_LineStart.build(
            r"\s" + re.escape(EDGE_SPACE + _DECOR + "".join(_OPEN_CLOSE)), words("comments")),
        # either of the two, so a tail without any costs one scan
        header_head=_LineStart.build(
            _SEP_CLASS + re.escape(EDGE_SPACE + _DECOR + "".join(_OPEN_CLOSE)),
            words("related") + words("comments")),
        under_title_maybe=_under_title_maybe(
            [e for e, _, _ in ui_entries] + words("nav"), breadcrumb, words("greeting")),
        long_maybe=_long_maybe(strong_cr + list(_NOTICE_WORDS), labels),
        short_maybe_head=_short_maybe(
            first_words=[e for e, _, _ in ui_entries] + words("nav"),
            start_words={"": breadcrumb},
            anywhere_words=strong_cr + words("promo:verb") + words("greeting"),
            end_words=[]),
        short_maybe_tail=_short_maybe(
            first_words=[e for e, _, _ in ui_entries] + words("nav") + words("related"),
            start_words={"": breadcrumb, _UNWRAP_LEAD: labels},
            anywhere_words=strong_cr + weak_cr + words("promo:verb"),
            end_words=words("ownersuffix")),
        site_suffix=tuple(words("sitename")),
        section_head=_LineStart.build(
            r"\s" + re.escape(EDGE_SPACE + _DECOR + "".join(_OPEN_CLOSE)), words("comments") + list(_SECTION_STARTS)),
        inside_head=_LineStart.build(
            _SEP_CLASS + LEAD_CHARS + re.escape(EDGE_SPACE + _DECOR + "".join(_OPEN_CLOSE)),
            list(catalog_lexicon().strong_forms) + list(_COUNTER_WORDS) + words("comments") + list(_SECTION_STARTS)
            + words("related") + list(_PLAYER_OR_APP_STARTS) + list(CONTENTS_HEADERS)),
        # a line that may open a catalogue table or be a labelled counter
        rare_starts=_LineStart.build(LEAD_CHARS + re.escape(EDGE_SPACE),
                                     list(catalog_lexicon().strong_forms) + list(_COUNTER_WORDS)),
    )


# ---------------------------------------------------------------------------
# line shapes

def _unwrap(s: str) -> str:
    """Strip one pair of enclosing brackets and edge decorations."""
    s = s.strip(_DECOR + EDGE_SPACE)
    while len(s) >= 2 and _OPEN_CLOSE.get(s[0]) == s[-1]:
        s = s[1:-1].strip(EDGE_SPACE)
    return s


def _tokens(s: str) -> list[str]:
    return [t for t in _TOKEN_SPLIT.split(s) if t]


def _ui_kind(s: str, lex: Lexicon) -> tuple[str, str, str] | None:
    """(code, strength, reason) for a line made only of UI tokens."""
    if len(s) > 120:
        return None
    first = _FIRST_TOKEN.match(s)
    if first is None or first.group(1).lower() not in lex.ui_or_nav:
        return None  # every token must be a UI word: the first one says no at once
    toks = _tokens(s)
    if not toks or len(toks) > 24:
        return None
    low = [t.lower() for t in toks]
    ui_or_nav = lex.ui_or_nav
    if not all(t in ui_or_nav for t in low):
        return None
    fonts = [t for t, lt in zip(toks, low) if lt in lex.font]
    if fonts and (len(toks) >= 2 and any(t in lex.size for t in low)):
        return "B103", "anywhere", f"font-size/colour control: {fonts[0]} with size choices"
    if len(toks) >= 3 and all(t in lex.size for t in low):
        return "B103", "edge", f"font-size choices: {' '.join(toks)}"  # 【大 中 小】 at the head or tail
    shares = [t for t, lt in zip(toks, low) if lt in lex.ui_strong and lt.startswith(("分享", "分享"))]
    if shares:
        return "B106", "anywhere", f"share widget: {shares[0]}" + (" with share targets" if len(toks) > 1 else "")
    strong = [t for t, lt in zip(toks, low) if lt in lex.ui_strong]
    if strong:
        return "B111", "anywhere", f"site UI link: {' '.join(toks[:4])}"
    if len(toks) == 1 and len(toks[0]) < 2:
        return None
    if all(t in lex.nav for t in low):
        return "B101", "edge", f"navigation item{'s' if len(toks) > 1 else ''}: {' '.join(toks[:4])}"
    return "B111", "edge", f"stray UI words: {' '.join(toks[:4])}"


#: how the names of places end: a list of them is no menu
_PLACE_SUFFIXES = ("省", "市", "县", "縣", "区", "區", "镇", "鎮", "乡", "鄉", "村", "州", "旗", "盟")
#: a bar's items: between pipes, or runs of two spaces or more beside them
_BAR_SPLIT = patterncache.compile(f"[{_PIPES}]|[ \u3000\t]{{2,}}")


#: a footer's links between spaced middle dots: "关于我们 · 服务条款 · 隐私政策"
_DOT_BAR = patterncache.compile(r"[ \t\u3000]+[·•・][ \t\u3000]+")
#: how the names of a site's legal pages end (a notice's own signature, 某某服务中心, does not)
_LEGAL_PAGE_ENDS = ("协议", "協議", "条款", "條款", "政策", "声明", "聲明", "准则", "準則", "须知", "須知")
#: how the names of a site's legal and help pages end (among other links, a help centre too)
_FOOTER_LINK_ENDS = _LEGAL_PAGE_ENDS + ("指引", "指南", "帮助", "幫助", "中心", "规则", "規則")
#: how a link to the site's about page opens
_ABOUT_PAGE = ("关于", "關於")
#: a footer link one per line is at most this long
_FOOTER_ITEM_CHARS = 10


def _legal_link(s: str) -> bool:
    """A link to the site's legal or about page alone on a line: 行为准则, Cookie声明, 关于维基百科."""
    return (len(s) <= _FOOTER_ITEM_CHARS and (s.endswith(_LEGAL_PAGE_ENDS) or s.startswith(_ABOUT_PAGE))
            and not _PROSE_MARKS.search(s))
_DOT_BAR_ITEM_CHARS = 12


def _dot_bar(s: str, lex: Lexicon) -> str | None:
    """Reason if ``s`` is a footer's links between spaced middle dots, three
    or more short items and two of them known links or legal pages."""
    items = [i.strip(EDGE_SPACE) for i in _DOT_BAR.split(s)]
    if len(items) < 3 or any(not i or len(i) > _DOT_BAR_ITEM_CHARS or _PROSE_MARKS.search(i) for i in items):
        return None
    known = sum(1 for i in items if i.lower() in lex.nav or i.lower() in lex.ui or i.endswith(_FOOTER_LINK_ENDS))
    return f"links between middle dots: {' · '.join(items[:4])}" if known >= 2 else None


#: a pager: page numbers with previous/next links ("1 2 3 … 35 下一页"), or with
#: its label ("分页: 1 2 >>", "共12页 [1] 2 3 … 下一页")
_PAGER_ITEM = r"(?:首页|首頁|上一页|上一頁|下一页|下一頁|尾页|尾頁|末页|末頁|\[?\d{1,4}\]?|\.{3}|…|>>|<<|»|«)[ \t\u3000]*"
_PAGER = patterncache.compile(rf"(?:(?:分页|分頁|页码|頁碼)[ \t]*[:：][ \t\u3000]*|共[ \t]*\d{{1,4}}[ \t]*[页頁][ \t\u3000]*)?"
                              rf"(?:{_PAGER_ITEM}){{3,}}")
_PAGER_WORD = patterncache.compile(r"上一|下一|尾页|尾頁|末页|末頁|分页|分頁|页码|頁碼|共[ \t]*\d{1,4}[ \t]*[页頁]")


def _pager(s: str) -> bool:
    """A pager line: "1 2 3 … 35 下一页", "分页: 1 2 >>"."""
    return ("页" in s or "頁" in s) and _PAGER_WORD.search(s) is not None and _PAGER.fullmatch(s) is not None


def _nav_bar(s: str, lex: Lexicon, at_head: bool = False) -> str | None:
    """Reason if ``s`` is a |-separated navigation bar, or a spaced one that starts at a home page."""
    if len(s) > 200:
        return None
    if not any(p in s for p in _PIPES):
        if "·" in s or "•" in s or "・" in s:
            dots = _dot_bar(s, lex)
            if dots:
                return dots
        if _pager(s):
            return f"pager: {s}"
        return _spaced_nav_bar(s, lex)
    items = [i.strip(EDGE_SPACE) for i in _BAR_SPLIT.split(s)]
    items = [i for i in items if i]
    if len(items) < 2 or any(has_sentence_end(i) or "，" in i for i in items):
        return None
    if _credit_pairs(items, lex) >= 2:
        return None   # 文字 | 李小满  图片 | 周舟: the article's credits, a role and a name each
    known = [i for i in items if i.lower() in lex.nav or i.lower() in lex.ui]
    # items are short; a Latin one may be longer (About Sina), and one more
    # (a portal's name) when two items are known
    long = [i for i in items if len(i) > 10 and not (len(i) <= 20 and i.isascii())]
    if len(long) > (1 if len(known) >= 2 and len(items) >= 4 else 0):
        return None
    # a link to a site's home page may be longer: 潇湘晨报网首页
    short = all(len(i) <= 6 or i.isascii() or i.endswith(_HOME_PAGE) for i in items if i not in long)
    if not short and len(known) >= 3:
        # one item a little longer among known channels: the site's own (界面Vnews)
        short = sum(1 for i in items if i not in long and not (len(i) <= 6 or i.isascii())) <= 1
    if not known:
        # unknown items: only a bar of three or more short ones at the head of the page
        if not at_head or len(items) < 3 or not short or any(c.isdigit() for i in items for c in i):
            return None
        if s.startswith("|") and s.endswith("|"):
            return None  # a Markdown table row
        if all(i.endswith(_PLACE_SUFFIXES) for i in items):
            return None  # a list of places is the text's (or the place-name detector's)
        return f"navigation bar at the head: {' | '.join(items[:4])}"
    if len(known) == len(items) or (len(items) >= 3 and short):
        return f"navigation bar: {' | '.join(items[:4])}"
    return None


#: the roles an article's credits name, each followed by a person's name
_CREDIT_ROLES = frozenset(("文字", "图片", "圖片", "编辑", "編輯", "摄影", "攝影", "记者", "記者", "校对", "校對",
                           "审核", "審核", "责编", "責編", "设计", "設計", "排版", "撰文", "作者", "美编", "美編",
                           "统筹", "統籌", "监制", "監製", "策划", "策劃", "插画", "插畫", "配音", "剪辑", "剪輯",
                           "视频", "視頻", "主编", "主編", "文", "图", "圖"))


def _credit_pairs(items: list[str], lex: Lexicon) -> int:
    """How many items are a credit's role followed by an item no menu has (a name)."""
    return sum(1 for role, name in zip(items, items[1:])
               if role in _CREDIT_ROLES and name not in _CREDIT_ROLES and name.lower() not in lex.nav
               and name.lower() not in lex.ui)


_SPACES = patterncache.compile(f"[{EDGE_SPACE}]+")
_ITEM_MARKS = patterncache.compile("[。！？!?；;，,：:、“”「」《》（）()<>›»→＞]")  # breadcrumbs are B112


#: a bar of channels (新闻 财经 体育 …) without the home page: this many items at least,
#: this share of them known navigation words
_CHANNEL_BAR_ITEMS = 6
_CHANNEL_BAR_SHARE = 0.35


def _spaced_nav_bar(s: str, lex: Lexicon) -> str | None:
    """Reason if ``s`` is a navigation bar with spaces between its items:
    five or more short bare items, the first the home page (首页), or a site's
    home page (新浪首页) with a known navigation word after it; or six or more
    with at least three (and a third) of them channels known to the lexicon."""
    items = _SPACES.split(s.strip(EDGE_SPACE))
    if len(items) < 5 or any(len(i) > 6 or _ITEM_MARKS.search(i) for i in items):
        return None
    if len(items) >= _CHANNEL_BAR_ITEMS:
        known = sum(i.lower() in lex.nav for i in items)
        if known >= 3 and known >= _CHANNEL_BAR_SHARE * len(items):
            return f"navigation bar of channels: {' '.join(items[:4])}"
    first = items[0].lower()
    if items[1].lower() in _HOME_PAGE and any(i.lower() in lex.nav for i in items[2:]):
        return f"navigation bar after the site's name: {' '.join(items[:4])}"   # 财新网  首页  经济 …
    if first not in _HOME_PAGE:  # a site's home page ("新浪首页") with a known item after it
        if not first.endswith(_HOME_PAGE) or not any(i.lower() in lex.nav for i in items[1:]):
            return None
    return f"navigation bar: {' '.join(items[:4])}"


def _short_item(s: str) -> bool:
    return len(s) <= 10 and not has_sentence_end(s) and "，" not in s and "," not in s


#: a bracketed credit with a news agency's story code after it: "（編輯：陳仁華）1131118"
_CODE_AFTER_BRACKETS = patterncache.compile(r"([（(【\[][^（(【\[）)】\]]{2,40}[）)】\]])[ \t]*\d{4,8}")


def _label_chain(s: str, lex: Lexicon) -> tuple[str, str, str] | None:
    """(family, first label, value) if ``s`` is made only of ``LABEL: value`` groups."""
    if s[-1:].isdigit():
        coded = _CODE_AFTER_BRACKETS.fullmatch(s)
        if coded is not None:
            s = coded.group(1)
    core = _unwrap(s)
    m = lex.label_start_re.match(core)
    if not m:
        return None
    bare = not any(c in m.group(0) for c in ":：︰/|丨｜")
    if bare and lex.label_family[m.group(1).lower()] != "editorial":
        return None  # only an editorial label may take its name after a bare space
    marks = [m]
    pos = m.end()
    for n in lex.label_colon_re.finditer(core, pos):
        marks.append(n)
    fams = []
    values = []
    for i, mk in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(core)
        if mk.end() > end:
            return None
        value = core[mk.end():end].strip(EDGE_SPACE + "，,;；|丨｜")
        fam = lex.label_family[mk.group(1).lower()]
        limit = 60 if fam.startswith("owner") else 40
        if len(value) > limit or re.search(r"[。！？!?；;…]", value):
            return None
        if not fam.startswith("owner") and ("，" in value or "," in value or "“" in value):
            return None
        if bare and i == 0 and not _NAMES.fullmatch(value):
            return None  # "责编 张三" yes, "制作 精良的…" no
        fams.append(fam)
        values.append(value)
    for fam in ("editorial", "source", "owner", "owner_weak"):
        if fam in fams:
            i = fams.index(fam)
            return fam, marks[i].group(1), values[i]
    return None


#: words of a notice that speaks for the site or the text itself (a disclaimer, not a report)
_SELF_REFERENCE = patterncache.compile(
    "本文|本站|本网|本網|本报|本報|本刊|本平台|本号|本號|公众号|公眾號|我们|我們|我司|作者|"
    "侵权|侵權|联系|聯繫|聯絡|删除|刪除|转载|轉載|授权|授權")
_REPORTING = patterncache.compile("[，,“”「」]|[说說称稱][，,：:]?|表示|指出|提醒|介绍|介紹|透露")
_LICENCE_NUMBER = patterncache.compile(r"\d{5}|(?:©|\(c\)|copyright)\s*(?:19|20)\d\d", re.IGNORECASE)
_QUOTES = (("“", "”"), ("「", "」"), ("\"", "\""), ("《", "》"))


def _quoted(s: str, at: int) -> bool:
    """Whether position ``at`` of ``s`` lies inside a pair of quotation marks."""
    return any(s.rfind(a, 0, at) > s.rfind(b, 0, at) if a != b else s.count(a, 0, at) % 2 == 1
               for a, b in _QUOTES)


#: a sentence that reports what someone says or learnt ("律师建议，…", "记者了解到，…")
_REPORT_FRAME = patterncache.compile(
    "[^，,。：:]{1,12}(?:建议|建議|表示|说|說|称|稱|指出|认为|認為|提醒|介绍|介紹|透露|强调|強調|坦言|"
    "告诉记者|告訴記者|了解到|获悉|獲悉|注意到|发现|發現)[，,：:]")
_QUOTED_SPANS = patterncache.compile("|".join(f"{re.escape(a)}[^{re.escape(b)}]*{re.escape(b)}" for a, b in _QUOTES))
#: what a report of a licence number does with it (a footer just shows it)
_NARRATIVE_VERB = patterncache.compile("[说說称稱]|表示|介绍|介紹|透露|拿到|获得|獲得|取得|申请|申請|办理|辦理|伪造|偽造|冒用|显示|顯示|写着|寫著|印着|印著")


#: the words of its own a line quoting a copyright marker holds at least
_OWN_WORDS = 6


def _narrates(s: str, marker: re.Match) -> bool:
    """Whether a line that holds a copyright/licence marker is a sentence about
    one (a story on piracy or a fake licence number) rather than a footer.

    A marker in quotation marks, with words of the line's own outside them,
    is quoted.  Otherwise the line must end like a sentence and have clauses
    or quotes, and a sentence that reports what someone says
    or learnt ("律师建议，…") is a report, whatever the line says around it.  Otherwise
    the line must not speak for the site or the text itself (outside quotes),
    and a licence number or dated © of its own counts only beside a verb that
    reports it ("终于拿到了编号：浙ICP备…")."""
    if _quoted(s, marker.start()) and len(_QUOTED_SPANS.sub("", s).strip(EDGE_SPACE + "，,：:？?！!。")) >= _OWN_WORDS:
        return True   # a headline or a sentence that quotes the marker ("“转载请注明出处”有用吗？")
    if not ends_sentence(s) or not _REPORTING.search(s):
        return False
    if _REPORT_FRAME.match(s):
        return True
    outside = _QUOTED_SPANS.sub("", s)
    if _SELF_REFERENCE.search(outside):
        return False
    return not _LICENCE_NUMBER.search(outside) or _NARRATIVE_VERB.search(outside) is not None


def _whole_word_search(pattern: re.Pattern, s: str) -> re.Match | None:
    """``pattern.search(s)``, but a Latin match must be a whole word ("Copyright",
    not the "all" of "allergies"); checked after the search, which stays a
    plain alternation the engine scans quickly."""
    m = pattern.search(s)
    while m is not None:
        a, b = m.start(), m.end()
        word = m.group(0)
        if not ((word[:1].isascii() and word[:1].isalnum() and a > 0 and s[a - 1].isascii() and s[a - 1].isalnum())
                or (word[-1:].isascii() and word[-1:].isalnum() and b < len(s) and s[b].isascii() and s[b].isalnum())):
            return m
        m = pattern.search(s, a + 1)
    return None


#: a disclaimer of the author's view: in round brackets it is the author's own sentence
_AUTHORS_VIEW = patterncache.compile("代表作者|投资建议|投資建議")
#: the labels of a notice about the site's copyright, and of one that disclaims
_COPYRIGHT_NOTICES = ("版权声明", "版權聲明", "版权说明", "版權說明", "版权保护", "版權保護")
_PLAIN_NOTICES = ("免责声明", "免責聲明") + _COPYRIGHT_NOTICES
#: labels a notice about something else may also open with
_SOLEMN_NOTICES = ("特别声明", "特別聲明", "特别提醒", "特別提醒", "郑重声明", "鄭重聲明", "广告声明", "廣告聲明")
#: a notice that opens with its kind at the tail: a disclaimer, a rights statement; a "special" or
#: "solemn" statement only about the site, its views or its links (a bank's own 郑重声明 warns of fraud; a risk warning
#: "风险提示：" may close a fund report of its own)
_NOTICE_START = patterncache.compile(rf"[【\[]?(?:{'|'.join(_PLAIN_NOTICES)}"
                           rf"|(?:{'|'.join(_SOLEMN_NOTICES)})(?=[^\n]*(?:本站|本網|本网|网站|網站|平台|平臺|观点|觀點|立场|立場|转载|轉載|链接|連結)))"
                           r"[】\]]?[:：]")


_NOTICE_FIRSTS = frozenset("【[免特版郑鄭广廣")


def _opening_notice(s: str) -> str | None:
    """The kind a tail notice opens with ("免责声明：", "郑重声明：" about the site,
    "中国日报网版权说明：" after the site's name), or None."""
    if s[:1] not in _NOTICE_FIRSTS:
        if "版" not in s[:_SITE_NOTICE_REACH]:
            return None
        m = _SITE_NOTICE_START.match(s)
        return m.group(0) if m else None
    m = _NOTICE_START.match(s)
    return m.group(0) if m else None


#: the kinds of notice a site closes its pages with (see _NOTICE_START), for the cheap test of a long line
_NOTICE_WORDS = _PLAIN_NOTICES + _SOLEMN_NOTICES
#: the site's name before its copyright notice's label: "中国日报网版权说明："
_SITE_NOTICE_REACH = 16
_SITE_NOTICE_START = patterncache.compile(rf"[^\s:：，,。、]{{2,12}}?(?:{'|'.join(_COPYRIGHT_NOTICES)})[:：]")
#: "本文为新知号作者原创，不代表新知号立场。": a line about this text or site that says it speaks for no one else
_VIEW_DISCLAIMER = patterncache.compile(r"(?:本文|本站|本网|本網|此文|以上|文章)[^\n]{0,40}?不代表[^，,。\n]{1,16}?(?:立场|立場|观点|觀點)")


#: how a tail line that is a reprint notice opens (a sentence of the text does not)
_NOTICE_OPENINGS = ("本站", "本网", "本網", "本文", "如需转载", "如需轉載", "转载请", "轉載請", "未经", "未經")


#: a word that lists the marker with other things rather than asserting it
_LISTING = frozenset("、和与與及")
#: weak markers that are a claim of their own (not the head of a notice that lists what it covers)
_CLAIMS = frozenset(("版权所有", "版權所有"))


def _copyright(s: str, lex: Lexicon, at_tail: bool = True) -> str | None:
    if len(s) > 250:
        return None
    if at_tail:
        notice = _opening_notice(s)
        if notice:
            return notice
    m = _whole_word_search(lex.copyright_strong_re, s)
    if m and _narrates(s, m):
        return None
    if m and s[:1] in "（(" and s[-1:] in "）)" and _AUTHORS_VIEW.search(m.group(0)):
        return None   # （本文仅代表作者个人观点，不构成任何投资建议。）: the author's own word, in the text's brackets
    if m:
        word = m.group(0)
        if word.lower() == "copyright" and not re.search(r"\d{4}|©|\(c\)|reserved", s, re.IGNORECASE):
            return None
        if word[:3].upper() == "ICP" and not any(ch.isdigit() for ch in s):
            return None   # a filing named without its number: a headline on how to file ("如何办理ICP备案？")
        return word
    if not at_tail or len(s) > 60:
        return None  # a weak marker (版权所有, 不得转载) counts only in a short tail line
    m = lex.copyright_weak_re.search(s)
    if m and (_narrates(s, m) or (m.group(0) in _CLAIMS and s[m.end():m.end() + 1] in _LISTING)):
        return None   # told of, or named as one of a list of things ("版权所有、备案号、联系方式，这些…")
    core = s.strip("[]【】()（）" + EDGE_SPACE)  # a bracketed notice: [原创稿件，未经许可禁止转载。]
    if m and (not has_sentence_end(core.rstrip("。")) or core.startswith((m.group(0),) + _NOTICE_OPENINGS)):
        return m.group(0)
    return None


#: an app's name alone on its line ("红星新闻APP", "上游新闻客户端"), or with its slogan
#: ("36氪APP让一部分人先看到未来", "正在改变世界的人，都在 虎嗅APP"): a short line, no sentence
_APP_NAME = patterncache.compile(r"[\u4e00-\u9fff]{2,8}(?:APP|App|客户端|客戶端)"
                       r"|(?=[^\n]{4,32}$)[^\n。！？]*[\u4e00-\u9fffA-Za-z0-9][ \t]?(?:APP|App)(?![A-Za-z])[^\n。！？]*")


def _promo(s: str, lex: Lexicon, at_tail: bool = True) -> str | None:
    """``verb … object`` when ``s`` is an app/QR/official-account promotion: a
    short line, no sentence, unless the whole line stands in the site's
    brackets at the tail (【关注“某某网”公众号，第一时间获取资讯！】)."""
    if len(s) > (50 if at_tail else 12):
        return None
    if ends_sentence(s) and not (at_tail and s[0] in "【[（(" and s[-1] in "】]）)"):
        return None
    v = lex.promo_verb_re.search(s)
    if not v:
        return None
    o = lex.promo_object_re.search(s)
    if not o:
        return None
    return f"{v.group(0)} … {o.group(0)}"


def _greeting(s: str, lex: Lexicon) -> bool:
    if len(s) > 80 or re.search(r"[。？?]", s):
        return False
    if lex.greeting_strong_re.search(s):
        return True
    m = lex.greeting_re.search(s)
    if not m or m.start() > 4:
        return False
    return bool(re.search("星期|礼拜|禮拜", s)) or s.rstrip("！!").endswith(("网", "網", "站", "官网", "官網", "平台", "门户", "門戶"))


def _breadcrumb(s: str, lex: Lexicon) -> bool:
    if len(s) > 120:
        return False
    core = s.lstrip("【[（(<〔" + EDGE_SPACE)
    if lex.breadcrumb_re.match(core):
        return True
    parts = [p for p in _CRUMB_SEP.split(core) if p] if core[:1] not in _CRUMB_CHARS else [""]
    if len(parts) >= 4 and len(parts[-1]) <= _CRUMB_TITLE_CHARS and all(len(p) <= 20 for p in parts[:-1]) \
            and any(p.lower() in lex.nav for p in parts[:-1]):
        return True   # a forum's path down to the thread, its title last ("某某论坛»论坛 › 版块 › 子版块 › 标题 ...")
    if len(parts) < 2 or not all(len(p) <= 20 for p in parts):
        return False
    if len(parts) == 2:  # two steps: only from the home page itself or to the page itself
        return parts[0] in _HOME_PAGE or parts[-1] in _THIS_PAGE
    # it starts at a home page ("首页", "网易首页") or ends at the page itself ("正文")
    return (parts[0].lower() in lex.nav or parts[0].endswith(_HOME_PAGE)
            or parts[-1] in _THIS_PAGE)


#: a path of four steps or more may end with the page's own title, this long at most
_CRUMB_TITLE_CHARS = 60
#: a step of a path at the page's edge is at most this long
_STEP_CHARS = 10


def _step_path(s: str) -> bool:
    """A path of four steps or more at the page's edge (马蜂窝 > 福建 > 宁德 > 游记),
    or three ending on a separator (MBA智库 > 百科 > 物流管理 >): short steps,
    no sentence, not all Latin (a ``a > b > c`` comparison).  Inside the text such a line may be the
    menu path a tutorial gives, so only the edges take it."""
    core = s.strip(EDGE_SPACE)
    parts = _CRUMB_SEP.split(core)
    open_end = bool(parts) and not parts[-1]
    if open_end:
        parts.pop()   # a path that ends on its separator
    # three steps only with the open end: 北京 > 上海 > 广州 may rank three cities
    return (len(parts) >= (3 if open_end else 4) and all(0 < len(p) <= _STEP_CHARS for p in parts)
            and not _PROSE_MARKS.search(core) and not core.isascii())


def _related(s: str, lex: Lexicon) -> str | None:
    start = lex.related_head.at_start
    if start is not None and not start.match(s):
        return None  # the first token is no related-links word
    toks = _tokens(s)
    if not toks or len(toks) > 3:
        return None
    low = [t.lower() for t in toks]
    if low[0] in lex.related and all(t in lex.related or t in lex.ui for t in low[1:]):
        return toks[0]
    return None


def _link_like(s: str) -> bool:
    """A link title: short, no full stop (a headline may ask or exclaim)."""
    return len(s) <= _LINK_MAX and "。" not in s and not s.rstrip(EDGE_SPACE).endswith(("；", ";", "…", "."))


# ---------------------------------------------------------------------------
# classification by position

_MISS = object()
#: how many line classifications the per-process memo keeps before it starts afresh
_MEMO_SIZE = 32768


def _memo(lex: Lexicon, key, compute, *args):
    """``compute(*args)`` remembered under ``key``: site chrome repeats from page to page."""
    cache = lex.cache
    hit = cache.get(key, _MISS)
    if hit is _MISS:
        if len(cache) >= _MEMO_SIZE:
            cache.clear()
        hit = cache[key] = compute(*args)
    return hit


#: a cookie banner: the site's use of cookies and the visitor's consent by browsing on
_COOKIE_CONSENT = patterncache.compile(r"(?:继续|繼續)(?:浏览|瀏覽|使用|访问|訪問)|[\[【「(（]\s*(?:我同意|同意|接受|我知道了|知道了|OK|Accept)\s*[\]】」)）]"
                                       r"|(?:同意|接受)(?:所有|全部)?\s*Cookies?", re.IGNORECASE)
_COOKIE_NOTICE_CHARS = 200


#: an offer's closing button with its arrow: "…畅读所有付费内容。立即订阅 >"
_ARROWS = frozenset(">›»→")
_CALL_TO_ACTION = patterncache.compile(r"(?:(?:点击|點擊|點此|点此)[ \t]*(?:立即|马上|馬上|现在|現在)?|立即|马上|馬上|现在|現在)"
                                       r"(?:订阅|訂閱|下载|下載|注册|註冊|购买|購買|体验|體驗|加入|登录|登錄|登入|领取|領取"
                                       r"|咨询|諮詢|进入|進入|查看|预约|預約|报名|報名|申请|申請|抢购|搶購)"
                                       r"[ \t\u3000]*(?:>>|>|›|»|→)$")


def _cookie_notice(s: str) -> bool:
    """A cookie banner at the head or tail: "本网站使用Cookies以提升您的浏览体验。继续浏览即表示您同意…"."""
    return len(s) <= _COOKIE_NOTICE_CHARS and _COOKIE_CONSENT.search(s) is not None


def _classify_edge(s: str, lex: Lexicon, at_tail: bool):
    """(code, reason, strength) for a head/tail line, or None (cached for short lines)."""
    if ("ookie" in s or "OOKIE" in s) and _cookie_notice(s):
        return "B111", "a cookie banner", "D"
    if len(s) > 80:
        return _classify_long(s, lex, at_tail)
    return _memo(lex, (s, at_tail), _classify_short, s, lex, at_tail)


def _nav_or_copyright(s: str, lex: Lexicon, at_tail: bool):
    """A navigation bar or a copyright/licence line, as (code, reason, strength)."""
    bar = _nav_bar(s, lex, at_head=not at_tail)
    if bar:
        return "B101", bar, "D"
    cr = _copyright(s, lex, at_tail)
    if cr:
        return "B108", f"copyright/licence line: {cr}", "C"
    return None


def _classify_long(s: str, lex: Lexicon, at_tail: bool):
    """Only a long footer line (a nav bar, a copyright/owner footer) qualifies."""
    if len(s) > 250:
        return None
    if at_tail and _browser_advice(s):
        return "B111", "browser advice in the site footer", "F"
    maybe = lex.long_maybe
    if maybe is not None and not maybe[0].match(s) and not maybe[1].search(s):
        if "  " in s or "\u3000" in s:   # a long bar spaced out instead of piped
            bar = _nav_bar(s, lex, at_head=not at_tail)
            return ("B101", bar, "D") if bar else None
        return None
    found = _nav_or_copyright(s, lex, at_tail)
    if found:
        return found
    if at_tail:
        chain = _label_chain(s, lex)
        if chain and chain[0].startswith("owner"):
            return "B109", f"site-owner line at the tail: {chain[1]} label", "F" if chain[0] == "owner" else "W"
    return None


#: a line that only counts readers, comments or likes: "13 条评论", "128 人赞同了该回答", "阅读 (3521)"
_COUNTER_LINE = patterncache.compile(
    r"(?:共\s*)?\d[\d,.]*\s*[万萬wWkK]?\+?\s*(?:条|條|人|次|个|個)\s*"
    r"(?:评论|評論|回复|回覆|回答|赞同了该回答|贊同了該回答|赞同|贊同|点赞|點讚|点评|點評|收藏|阅读|閱讀|浏览|瀏覽|观看|觀看|播放|参与|參與)"
    r"|(?:阅读|閱讀|浏览|瀏覽|评论|評論|点赞|點讚)\s*[（(]\s*\d[\d,.]*\s*[万萬]?\s*[)）]")


#: a page counter with its label: "浏览次数：1045", "点击：1523", "阅读量：3471次"
_COUNTER_WORDS = ("点击", "點擊", "阅读", "閱讀", "浏览", "瀏覽", "访问", "訪問", "点阅", "點閱")
_COUNTER_WORD = f"(?:{'|'.join(_COUNTER_WORDS)})" + r"(?:量|数|數|次数|次數|人次|率)?\s*[:：]"
_COUNTER_LABEL = _COUNTER_WORD + r"\s*(?:[\[【(（]\s*)?(?:\d[\d,]*(?:\.\d+)?\s*[万萬]?\s*次?)?(?:\s*[\]】)）])?"
_LABELLED_COUNTER = patterncache.compile(_COUNTER_LABEL)
#: a thread's counters side by side ("查看: 8643|回复: 57", "阅读：9041 | 回复：36")
_THREAD_COUNTERS = patterncache.compile(
    r"(?:查看|阅读|閱讀|浏览|瀏覽|点击|點擊)[ \t]*[:：][ \t]*\d[\d,]*(?:[ \t]*[|｜][ \t]*"
    r"(?:回复|回覆|回帖|评论|評論)[ \t]*[:：][ \t]*\d[\d,]*)")
#: a line that may be one (a scan with a literal start, cheap on any text)
_COUNTER_LINE_START = patterncache.compile(f"\n[{EDGE_SPACE}]*{_COUNTER_WORD}")
#: the same, as whole lines of a text
_LABELLED_COUNTER_LINES = patterncache.compile(f"^[{EDGE_SPACE}]*({_COUNTER_LABEL})[{EDGE_SPACE}]*$", re.M)
#: the footer's advice on browser and screen: "建议使用IE9及以上版本浏览器，1366×768分辨率浏览本网站"
_BROWSER_ADVICE = patterncache.compile(r"(?:建议|建議|推荐|推薦|最佳).{0,30}(?:浏览器|瀏覽器|分辨率|解析度)|(?:分辨率|解析度).{0,16}(?:浏览|瀏覽)")


#: a number alone on a line (likes, reads, shares under a post)
#: an author card's figures: "文章总数:1021", "总阅读量:438.6万", "原创 56", "粉丝：1.2万"
_CARD_FIGURE = patterncache.compile(r"(?:总|總|累计|累計)?(?:文章|原创|原創|粉丝|粉絲|获赞|獲讚|获赞数|访问|訪問|阅读|閱讀|作品)"
                          r"(?:总数|總數|总量|總量|数|數|量)?[ \t]*[:：]?[ \t]*\d[\d,.]*[ \t]*[万萬wWkK]?\+?")
_CARD_FIGURE_FIRSTS = frozenset("总總累文原粉获獲访訪阅閱作")
#: a follow button written after the account's name: "科普中国 +关注"
_FOLLOW_BUTTONS = ("+关注", "+ 关注", "＋关注", "+關注", "+ 關注", "＋關注", "+订阅", "+訂閱")
#: a video player's clock before it played, alone on its line
_PLAYER_ZERO = frozenset(("0:00", "00:00", "00:00:00"))
_BARE_COUNT = patterncache.compile(r"\d{1,3}(?:,\d{3})*|\d{1,7}|\d{1,4}(?:\.\d{1,2})?[万萬wWkK]")


#: a line of keyword tags: "标签：制水 雪州水供公司", "相關字詞﹕港鐵 東涌", "Tags: a, b"
_TAG_LINE = patterncache.compile(
    r"(?:文章|新闻|新聞|开放|開放|所属|所屬|页面|頁面)?"
    r"(?:标签|標籤|標簽|关键词|關鍵詞|关键字|關鍵字|相关字词|相關字詞|热词|熱詞|热搜|熱搜|热门搜索|熱門搜索|熱門搜尋"
    r"|Tags?|TAGS?|分类|分類|分类专栏|分類專欄)"
    r"[ \t\u3000]*[:：﹕][ \t\u3000]*(.{1,120})")
_TAG_SPLIT = patterncache.compile(r"[\s,，、|｜/;；#]+")


#: a navigation bar under its label: "地区导航：梁溪区 | 锡山区 | 惠山区", "城市分站: 北京 | 上海 | 广州"
_LABELLED_NAV = patterncache.compile(
    r"[^\s:：|｜，,。]{0,6}(?:导航|導航|分站)[ \t\u3000]*[:：][ \t\u3000]*"
    r"[^\s|｜，,。：:！？]{1,12}(?:[ \t\u3000]*[|｜][ \t\u3000]*[^\s|｜，,。：:！？]{1,12}){2,}[ \t\u3000|｜]*")


def _labelled_nav(s: str) -> bool:
    """A navigation bar under its label (see ``_LABELLED_NAV``)."""
    return ("导航" in s or "導航" in s or "分站" in s) and _LABELLED_NAV.fullmatch(s) is not None


def _tag_line(s: str) -> bool:
    m = _TAG_LINE.fullmatch(s)
    if m is None or has_sentence_end(m.group(1)):
        return False
    tags = [t for t in _TAG_SPLIT.split(m.group(1)) if t]
    return bool(tags) and all(len(t) <= 12 for t in tags)


#: a page's own date at the tail: "修訂日期：2024年6月18日", "更新时间：2024-05-01 10:00"
_PAGE_DATE = patterncache.compile(
    r"(?:(?:修订|修訂|更新|最后更新|最後更新|发布|發布|發佈|上线|上線)(?:日期|时间|時間)[ \t\u3000]*[:：][ \t\u3000]*"
    r"|本页面?最后修订于|本頁面?最後修訂於)"   # a wiki's "本页面最后修订于2023年9月14日 (星期四) 06:21。"
    r"(?:\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[ \t\u3000]*[(（]星期.[)）])?(?:[ \t\u3000]*\d{1,2}:\d{2}(?::\d{2})?)?)。?")
_PAGE_DATE_FIRSTS = "修更最发發上本"
#: an e-paper's issue date on a line of its own ("2024年05月21日 星期二")
_ISSUE_DATE = patterncache.compile(r"\d{4}年\d{1,2}月\d{1,2}日[ \t\u3000]*(?:星期[一二三四五六日天]|周[一二三四五六日]|[(（]星期.[)）])?")
#: an e-paper's page label, with the issue's date before it ("第A05版：综合新闻",
#: "2024年05月21日 星期二　　第A05版：综合新闻")
_EDITION = patterncache.compile(rf"(?:{_ISSUE_DATE.pattern}[ \t\u3000]*)?第[ \t]*[A-Za-z]?\d{{1,3}}[ \t]*版"
                                r"(?:[ \t\u3000]*[:：][ \t\u3000]*[^\s。，！？；：:]{1,12})?")


#: the pieces of an e-paper's navigation line: its page labels, the page shown,
#: the issue's date, arrows
_EPAPER_PIECE = patterncache.compile(r"第[A-Za-z]?\d{1,3}版(?:[:：][^\s。，！？；：:]{1,12})?|(?:当前版|當前版|本版)[:：]?[A-Za-z]?\d{1,3}版?"
                                     r"|\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|星期[一二三四五六日天]|[▼▲◀▶<>«»]")
#: what only an e-paper's navigation holds
_EPAPER_MARK = patterncache.compile(r"第[A-Za-z]?\d{1,3}版|当前版|當前版|上一版|下一版|上一期|下一期|往期")
_EPAPER_SPLIT = patterncache.compile(r"[ \t\u3000|｜]+")


def _epaper_bar(s: str, lex: Lexicon) -> bool:
    """An e-paper's navigation line: page labels, the issue's date and the
    paper's own buttons and nothing else ("第01版：要闻　第02版：要闻　第03版：城事",
    "2024年08月22日　星期四　当前版：03版", "上一期　下一期　往期回顾：2024年08月 ▼")."""
    if len(s) > 120 or _EPAPER_MARK.search(s) is None or has_sentence_end(s):
        return False
    pieces = [p for p in _EPAPER_SPLIT.split(s) if p]
    if len(pieces) < 2:
        return False
    for piece in pieces:
        if _EPAPER_PIECE.fullmatch(piece):
            continue
        word, colon, rest = piece.partition("：") if "：" in piece else piece.partition(":")
        low = word.lower()
        if (low in lex.ui or low in lex.nav) and (not colon or not rest or _EPAPER_PIECE.fullmatch(rest)):
            continue
        return False
    return True


def _browser_advice(s: str) -> bool:
    return ("浏览" in s or "瀏覽" in s or "分辨率" in s or "解析度" in s) and _BROWSER_ADVICE.search(s) is not None


#: a temperature as a weather widget prints it: "19°C", "8℃~19℃", "23-28°C"
_TEMPERATURE = patterncache.compile(r"-?\d{1,2}(?:[ \t]*(?:℃|°C|°))?[ \t]*[~～\-－至/][ \t]*-?\d{1,2}[ \t]*(?:℃|°C|°)|-?\d{1,2}[ \t]*(?:℃|°C)")
#: what a weather widget says beside it
_WEATHER_WORDS = patterncache.compile("晴|云|雲|阴|陰|雨|雪|雾|霧|霾|天气|天氣|湿度|濕度|空气|空氣|风|風")
_WEATHER_CHARS = 40
#: a run of Han characters this long is a phrase of a headline, not a widget's field
_PHRASE = patterncache.compile(r"[\u4e00-\u9fff]{7}")


def _weather(s: str) -> bool:
    """A site's weather widget above the title: "郑州 晴 8℃~19℃ | 空气质量：良",
    "香港天氣 19°C 相對濕度 78%": a short line with a temperature, a weather
    word and no sentence, alone above the title (a forecast lists several
    cities, and the head walk stops at the title).  Its fields are short: a
    headline about the weather ("寒潮南下 中东部将迎雨雪天气") is not one."""
    return (len(s) <= _WEATHER_CHARS and ("℃" in s or "°" in s) and not has_sentence_end(s) and "，" not in s
            and _TEMPERATURE.search(s) is not None and _WEATHER_WORDS.search(s) is not None
            and _PHRASE.search(s) is None)


def _classify_short(s: str, lex: Lexicon, at_tail: bool):
    """(code, reason, strength) for a head/tail line, or None.

    strength: "D" (boilerplate on its own), "C" (a copyright/licence line),
    "F" (a site-owner line: goes with other boilerplate) or "W" (contact
    details: go only with a copyright or owner line).
    """
    if s[:1].isdigit() or s[:1] in "共阅閱浏瀏评評(（点點访訪查":
        if _COUNTER_LINE.fullmatch(s) or _LABELLED_COUNTER.fullmatch(s):
            return "B111", f"counter line: {s}", "D"
        if _THREAD_COUNTERS.fullmatch(s):
            return "B111", f"a thread's counters: {s}", "D"
        if at_tail and _BARE_COUNT.fullmatch(s):
            return "B111", f"bare counter at the tail: {s}", "F"  # goes only with other boilerplate
        if at_tail and s in _PLAYER_ZERO:
            return "B111", f"a video player's clock at the tail: {s}", "F"
    if "版" in s and _EDITION.fullmatch(s):
        return "B101", f"an e-paper's page label: {s}", "D"
    if ("版" in s or "期" in s) and _epaper_bar(s, lex):
        return "B101", f"an e-paper's navigation: {s}", "D"
    if s[:1] in _CARD_FIGURE_FIRSTS and _CARD_FIGURE.fullmatch(s):
        return "B111", f"an author card's figure: {s}", "D"
    if s.endswith(_FOLLOW_BUTTONS) and len(s) <= 24 and not _PROSE_MARKS.search(s):
        return "B111", f"follow button beside an account's name: {s}", "D"
    if "首页" in s or "首頁" in s or s.count(" ") + s.count("\u3000") + s.count("\t") >= _CHANNEL_BAR_ITEMS - 1:
        # a bar from a site's home page or of channels, whatever its first word
        bar = _spaced_nav_bar(s, lex) if not any(p in s for p in _PIPES) else None
        if bar:
            return "B101", bar, "D"
    if at_tail and _browser_advice(s):
        return "B111", "browser advice in the site footer", "F"  # goes only with other boilerplate
    if at_tail and s[:1] in _PAGE_DATE_FIRSTS and _PAGE_DATE.fullmatch(s):
        return "B111", f"the page's date in the site footer: {s}", "F"  # under the title it is a dateline
    if _tag_line(s):
        return "B111", "keyword tags", "D"
    if _labelled_nav(s):
        return "B101", f"navigation bar under its label: {s}", "D"
    if s[:1] in _LOGIN_FIRSTS and _LOGIN_FORM.fullmatch(s):
        return "B111", f"a login or comment form's fields: {s}", "D"
    if s[:1] in _LOGIN_PROMPT_FIRSTS and len(s) <= 40 and _LOGIN_PROMPT.fullmatch(s):
        return "B111", f"a login box's prompt: {s}", "D"
    if at_tail and s[:1] in "本此以文" and len(s) <= 80 and _VIEW_DISCLAIMER.match(s):
        return "B108", "the platform's disclaimer of the author's view", "C"
    notice = _opening_notice(s) if at_tail else None   # before the quick test: its words need not be lexicon words
    if notice:
        return "B108", f"copyright/licence line: {notice}", "C"
    if s == ":::":
        return "B111", "accessibility anchor of the page's blocks", "D"
    if s.startswith(_LINK_LIST_LABELS):
        return "B101", f"links to other sites: {s[:12]}", "D"
    if s[:1] in "（(" and _DOWNLOAD_COUNT.fullmatch(s):
        return "B111", f"download counter: {s}", "D"
    if at_tail and s[:1] in "PpP自" and _POWERED_BY.match(s) and len(s) <= 80:
        return "B108", f"the site's software credit in the footer: {s}", "C"
    if at_tail and "GMT" in s and _FORUM_CLOCK.fullmatch(s):
        return "B108", f"the forum's clock in the footer: {s}", "C"
    if ("·" in s or "•" in s or "・" in s) and not any(p in s for p in _PIPES):
        dots = _dot_bar(s, lex)   # its items need not hold a word the quick test knows
        if dots:
            return "B101", dots, "D"
    if _pager(s):
        return "B101", f"pager: {s}", "D"
    if s[-1] in _ARROWS and _CALL_TO_ACTION.search(s):
        return "B110", f"an offer ending in its button: {s}", "D"
    if at_tail and _legal_link(s):
        return "B101", f"link to the site's legal or about page: {s}", "D"
    if at_tail and _APP_NAME.fullmatch(s):
        return "B110", f"app/QR promotion at the tail: {s}", "D"
    if (">" in s or "›" in s or "»" in s or "＞" in s) and _step_path(s):
        return "B112", "breadcrumb line: a path of steps", "D"
    maybe = lex.short_maybe_tail if at_tail else lex.short_maybe_head
    if maybe is not None and not maybe[0].match(s) and not maybe[1].search(s):
        return None
    if _LONE_SEP.fullmatch(s):
        return "B101", "lone separator of a navigation bar", "D"
    ui = _ui_kind(s, lex)
    if ui:
        return ui[0], ui[2], "D"
    found = _nav_or_copyright(s, lex, at_tail)
    if found:
        return found
    if _breadcrumb(s, lex):
        return "B112", "breadcrumb line", "D"
    promo = _promo(s, lex, at_tail)
    if promo:
        return "B110", f"app/QR promotion at the {'tail' if at_tail else 'head'}: {promo}", "D"
    if s[:1] in "【[" and _GROUPS.fullmatch(s):
        # 【纠错】【责任编辑：某某】: every bracketed group is boilerplate on its own
        hits = [_classify_short(g.strip(EDGE_SPACE), lex, at_tail) for g in re.findall(r"[【\[]([^【】\[\]]+)[】\]]", s)]
        if hits and all(h is not None and h[2] in "DC" for h in hits):
            return hits[-1][0], f"bracketed site links: {hits[-1][1]}", "D"
    if len(s) <= 60 and not ends_sentence(s):
        toks = _tokens(s)
        if toks and toks[0].lower() in lex.lead:
            return "B111", f"link to another page at the {'tail' if at_tail else 'head'}: {toks[0]}", "D"
    if at_tail:
        chain = _label_chain(s, lex)
        if chain:
            fam, label, value = chain
            named = "with a name" if value else "with no name"
            if fam == "editorial":
                if s[:1] in "（(" and _AUTHOR_ROLE.search(s):
                    return None   # （供稿：心血管内科　撰稿：曾丽萍）: the text's own credits name its authors
                return "B104", f"editorial chain at the tail: {label} label {named}", "D"
            if fam == "source":
                return "B105", f"trailing source line at the tail: {label} label naming the outlet", "D"
            if fam == "owner":
                return "B109", f"site-owner line at the tail: {label} label", "F"
            return "B109", f"contact details in the site footer: {label} label", "W"
        if lex.owner_suffix_re.match(s):
            return "B109", "site-owner line at the tail: an organisation named as 主办/承办", "F"
        rel = _related(s, lex)
        if rel:
            return "B107", f"related-links header at the tail: {rel}", "D"
        toks = _tokens(s)
        if toks and toks[0].lower() in lex.prevnext and len(s) <= 80:
            return "B111", f"previous/next-article link at the tail: {toks[0]}", "D"
        if s[:3] in lex.prevnext and len(s) <= 80:
            # the link's label run into its title: "上一篇易武的雨，下得正是时候"
            return "B111", f"previous/next-article link at the tail: {s[:3]}", "D"
    else:
        if _greeting(s, lex):
            return "B102", "greeting with today's date in the site header", "D"
        if any(c in s for c in _CRUMB_CHARS) and _site_crumb(s, lex):
            return "B112", "breadcrumb from the site's name at the head", "D"
    return None


def _site_crumb(s: str, lex: Lexicon) -> bool:
    """A two- or three-step breadcrumb that starts at the site's name (東方日報 > 要聞港聞)."""
    parts = [p for p in _CRUMB_SEP.split(s.strip(EDGE_SPACE)) if p]
    return (2 <= len(parts) <= 4 and all(len(p) <= 12 and not _PROSE_MARKS.search(p) for p in parts)
            and parts[0].endswith(lex.site_suffix))


def _under_title(s: str, lex: Lexicon):
    """A line right under the title that is site chrome beyond doubt (a page whose
    <title> came before its navigation): UI tokens only, a bar of known navigation
    items, a breadcrumb or a greeting.  A byline never has these shapes."""
    if len(s) > 120:
        return None
    if _LABELLED_COUNTER.fullmatch(s):
        return "B111", f"counter line: {s}", "D"
    if _tag_line(s):
        return "B111", "keyword tags", "D"
    if _labelled_nav(s):
        return "B101", f"navigation bar under its label: {s}", "D"
    maybe = lex.under_title_maybe
    if maybe is not None and not maybe[0].match(s) and not maybe[1].search(s):
        return None
    ui = _ui_kind(s, lex)
    if ui and (ui[1] == "anywhere" or (ui[0] == "B101" and len(_tokens(s)) >= 2)):
        return ui[0], ui[2], "D"
    if any(p in s for p in _PIPES):
        items = [i.strip(EDGE_SPACE).lower() for i in re.split(f"[{_PIPES}]", s)]
        items = [i for i in items if i]
        if len(items) >= 2 and all(i in lex.nav or i in lex.ui for i in items):
            return "B101", f"navigation bar under the title: {' | '.join(items[:4])}", "D"
    if _breadcrumb(s, lex):
        return "B112", "breadcrumb line", "D"
    if _greeting(s, lex):
        return "B102", "greeting with today's date in the site header", "D"
    return None


#: a page's <title> as scraped: the headline, then a separator and the site's name
_TITLE_SEP = r"\s*(?:_|\||｜|-|－|—|–)\s*"
#: the headline, then the site's name, or a path of up to four names ("标题 - 栏目 - 某某论坛")
_PAGE_TITLE = patterncache.compile(rf"(.{{6,120}}?){_TITLE_SEP}([^\s_|｜]{{2,20}}(?:{_TITLE_SEP}[^\s_|｜]{{2,20}}){{0,3}})")
#: a login or comment form's fields: "用户名：匿名网友　　密码：", "验证码："
_LOGIN_FORM = patterncache.compile(r"(?:(?:用户名|用戶名|帐号|账号|帳號|密码|密碼|验证码|驗證碼|昵称|暱稱)(?:[:：][ \t\u3000]*|[ \t\u3000]+|$)"
                         r"(?:[^\s:：。，！？,.!?]{1,8}(?:[ \t\u3000]+|$))?){1,4}")
_LOGIN_FIRSTS = frozenset("用帐账帳密验驗昵暱")
#: a login box's prompts: "请 登录 后使用快捷导航", "没有帐号？立即注册", "已有账号？立即登录"
_LOGIN_PROMPT_PART = (r"(?:请|請)?[ \t]*(?:先[ \t]*)?(?:登录|登錄|登入|登陆|登陸)[ \t]*(?:后|後)(?:才|即)?(?:可以?|能)?"
                      r"(?:使用|查看|发表|發表|回复|回覆|评论|評論|下载|下載|参与|參與|继续|繼續|阅读|閱讀|浏览|瀏覽"
                      r"|收藏|回帖|复制|複製|操作)[^\s。！!，,？?]{0,8}"
                      r"|(?:您|你)?(?:还|還)?(?:没有|沒有)(?:帐号|账号|帳號|賬號|账户|帳戶)[？?，,]?[ \t]*"
                      r"(?:立即|马上|馬上|免费|免費|现在|現在)?(?:注册|註冊)"
                      r"|(?:已有|已经有|已經有)(?:帐号|账号|帳號|賬號)[？?，,]?[ \t]*(?:立即|马上|馬上|直接)?(?:登录|登錄|登入)"
                      r"|只需一步[，,][ \t]*快速开始")
_LOGIN_PROMPT = patterncache.compile(rf"(?:{_LOGIN_PROMPT_PART})(?:[ \t|｜]+(?:{_LOGIN_PROMPT_PART}|登录|登錄|登入|注册|註冊|立即注册|立即註冊))*")
_LOGIN_PROMPT_FIRSTS = frozenset("请請先登您你还還没沒已只")
#: a list of links to other sites, labelled
_LINK_LIST_LABELS = ("友情链接", "友情鏈接", "友情連結", "相关链接：", "相關鏈接：", "相關連結：")
#: an attachment's download counter: "（已下载1286次）"
_DOWNLOAD_COUNT = patterncache.compile(r"[（(]\s*(?:已下载|已下載|下载次数|下載次數)[:：]?\s*\d[\d,]*\s*次?\s*[）)]")
#: the forum or blog software a page's title ends with: " - Powered by Discuz!"
_POWERED_BY = patterncache.compile(r"(?i)(?:proudly\s+)?powered\s+by\b|自豪地采用|自豪地採用")
#: a forum's footer clock: "GMT+8, 2024-3-18 22:06", "当前时区 GMT+8, 现在时间是 2024-2-27 08:12"
_FORUM_CLOCK = patterncache.compile(r"(?:当前时区|當前時區)?[ \t]*GMT[+-]\d{1,2}(?::\d{2})?[ \t]*[,，]?[ \t]*(?:现在时间是|現在時間是)?"
                          r"[ \t]*\d{4}-\d{1,2}-\d{1,2}[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[,，][^\n]{0,80})?")
_TITLE_SOFTWARE = patterncache.compile(rf"{_TITLE_SEP}(?i:powered\s+by)\s+[^\n]{{1,30}}$")
#: how far below it the headline itself must stand
_PAGE_TITLE_REACH = 2000
#: a page title longer than this is not tried part by part
_PAGE_TITLE_CHARS = 200
#: where a page title's headline may end: a separator with space around it, or a board's "@"
_TITLE_CUT = patterncache.compile(r"[ \t\u3000]+(?:[-_|｜－—–][ \t\u3000]+|@)|[_|｜]")
#: a headline is at least this long
_MIN_HEADLINE = 6


def _page_title(text: str, end: int, line: str):
    """((code, reason, strength), headline) when ``line`` is the page's title
    line: the headline with the site's name after it ("消费回暖…_凤凰网财经"),
    above the headline itself standing alone on a line of its own; else
    (None, None)."""
    if "owered" in line or "OWERED" in line:
        line = _TITLE_SOFTWARE.sub("", line)
    m = _PAGE_TITLE.fullmatch(line)
    if m is not None:
        headline = m.group(1).strip(EDGE_SPACE)
        if _line_below(text, end, headline):
            return ("B114", f"page title with the site's name: {m.group(2)}", "D"), headline
    if len(line) > _PAGE_TITLE_CHARS:
        return None, None
    # the site's part may name a board or carry spaces ("标题 @板名 - 站名",
    # "标题 - 版块 - 某某論壇 discuss.com.hk - 口號"): the headline is then the
    # longest part before a separator that stands alone below
    for cut in reversed([c.start() for c in _TITLE_CUT.finditer(line, _MIN_HEADLINE)]):
        headline = line[:cut].strip(EDGE_SPACE)
        if len(headline) >= _MIN_HEADLINE and _line_below(text, end, headline):
            return ("B114", f"page title with the site's name: {line[cut:].strip(EDGE_SPACE)}", "D"), headline
    return None, None


#: a line of the site's header between the page's title and its headline: not
#: this long, and no sentence of this length
_HEADER_LINE_CHARS = 80
_HEADER_SENTENCE_CHARS = 30


#: a date and time alone on a line, in any common form ("Nov 18 Sat 2023 14:32",
#: "2023-11-18 14:32", "2023年11月18日 星期六"); a day or a time in it, not a month
#: of an archive ("2022 年 11 月")
_LONE_DATE = patterncache.compile(r"(?=[^\n]*(?:19|20)\d\d)(?=[^\n]*(?:\d{1,2}:\d{2}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[ \t]*[日号號]))(?:[0-9 \t:/.,\-年月日号號()（）]|星期.|周.|週."
                                  r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?"
                                  r"|AM|PM|am|pm|上午|下午|晚上){4,40}")


def _lone_date(s: str) -> bool:
    return len(s) <= 40 and _LONE_DATE.fullmatch(s) is not None


def _headline_echo(text: str, end: int, headline: str, limit: int) -> int:
    """Where the page's headline stands alone again below its title line
    (which ends at ``end``), with nothing but the site's header between:
    the start of the lowest such line within reach, or -1.  Every line
    between must be short, and none a sentence of some length: the login
    form, the menu, the section's path and the thread's counters of a
    forum's page stand there, never a paragraph."""
    best = -1
    pos, lines = end, 0
    stop = min(len(text), end + _PAGE_TITLE_REACH)
    while lines < limit:
        row = line_after(text, pos, stop)
        if row is None:
            break
        s, e, c = row
        lines += 1
        if c == headline:
            best = s
        elif len(c) > _HEADER_LINE_CHARS or (len(c) >= _HEADER_SENTENCE_CHARS and has_sentence_end(c)):
            break
        pos = e
    return best


#: a site's name: short, no clause punctuation
_SITE_NAME_CHARS = 30
#: a first line this short right above a navigation bar is the site's name, whatever its ending
_BARE_SITE_NAME_CHARS = 6
_DOMAIN = patterncache.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|gov|edu|cc|tw|hk|mo)\b", re.IGNORECASE)
_BRAND = patterncache.compile(r"[A-Za-z][A-Za-z0-9 .&'-]{1,40}")


_HAN_NAME = patterncache.compile(r"[\u4e00-\u9fff]{2,6}")
#: an institution's English name under its Chinese one, however long:
#: "Undergraduate Admissions of Southwest Jiaotong University"
_ENGLISH_NAME = patterncache.compile(r"[A-Z][A-Za-z]*(?: (?:of|and|the|for|on|in|&|[A-Z][A-Za-z.'-]*)){1,11}")
_CAPITALISED_NAME = patterncache.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,3}")
_NAME_AND_SLOGAN = patterncache.compile(r"[ \t\u3000]+[—–|｜-][ \t\u3000]+")


def _site_like(line: str, lex: Lexicon) -> bool:
    """A line shaped like a site's name: 佛山法院网, 聯合新聞網 udn.com, CSDN."""
    if len(line) > (2 * _SITE_NAME_CHARS if line.isascii() else _SITE_NAME_CHARS) or _PROSE_MARKS.search(line):
        return False
    core = _DOMAIN.sub("", line).strip(EDGE_SPACE)
    if not core or core != line or _BRAND.fullmatch(line) is not None or core.endswith(lex.site_suffix):
        return True
    # a name with its slogan after it: 中国要闻网 — 权威 及时 全面, 科普时空 | 让科学触手可及
    parts = _NAME_AND_SLOGAN.split(core, 1)
    if len(parts) == 2 and len(parts[1]) <= 20 and _site_like(parts[0], lex):
        return True
    # a name with its Latin form after it: 星洲网 Sin Chew Daily
    name, _, latin = core.partition(" ")
    latin = latin.strip(EDGE_SPACE)
    if not latin or _BRAND.fullmatch(latin) is None:
        return False
    # 星洲网 Sin Chew Daily; a short name with a name of two capitalised words: 南洋快讯 Nanyang Express
    return name.endswith(lex.site_suffix) or (len(name) <= 6 and _HAN_NAME.fullmatch(name) is not None
                                               and _CAPITALISED_NAME.fullmatch(latin) is not None)


def _site_name(text: str, end: int, line: str, lex: Lexicon):
    """(code, reason, strength) when the first line of the page, ``line``, is
    the site's name (or a page title the headline repeats), right above the
    site's navigation; one more site-like line (an English name) may stand
    between them."""
    if len(line) > _SITE_NAME_CHARS or _PROSE_MARKS.search(line):
        return None
    site = _site_like(line, lex)
    bare = len(line) <= _BARE_SITE_NAME_CHARS
    # a title is one only when the headline repeats it (most first lines end here)
    repeated = not site and _line_below(text, end, line)
    if not (site or bare or repeated):
        return None
    below = line_after(text, end)
    if below is not None and site and (_site_like(below[2], lex) or _ENGLISH_NAME.fullmatch(below[2])) \
            and _classify_edge(below[2], lex, at_tail=False) is None:
        below = line_after(text, below[1])  # 中国地理学会 / The Geographical Society of China
    if below is not None and site and _ISSUE_DATE.fullmatch(below[2]):
        below = line_after(text, below[1])  # 四川日报数字报 / 2025年04月18日 星期五 / 往期回顾 | PDF下载
    if below is None:
        return None
    hit = _classify_edge(below[2], lex, at_tail=False)
    if hit is None or hit[0] not in ("B101", "B111", "B112", "B102", "B103"):
        return None
    if site:
        return "B116", f"site name above the navigation: {line}", "D"
    if bare and hit[0] == "B101" and _nav_bar(below[2], lex, at_head=True):
        return "B116", f"site name above the navigation bar: {line}", "D"  # 丁香园 / 首页 | 论坛 | 资讯
    # the lines between are the navigation (chrome, never the title): the same search answers
    if repeated:
        return "B116", "page title above the navigation (the headline repeats it)", "D"
    return None


#: a path of short steps: "上海 > 城市漫步", "大马 / 全国"
_STEP_CHAIN = patterncache.compile(r"[^\s>›»→＞/]{1,8}(?:(?:[ \t\u3000]*[>›»→＞][ \t\u3000]*|[ \t\u3000]+/[ \t\u3000]+)[^\s>›»→＞/]{1,8}){1,4}")
#: a path of steps joined by a site's path marks, each step a word ("地方 ＞ 台南"; not
#: "日常 >_<"; "北京 > 上海 > 广州" and "北京→上海" may be a ranking or a route)
_ARROW_CHAIN = patterncache.compile(r"[\u4e00-\u9fffA-Za-z0-9]{1,8}(?:[ \t\u3000]*[›»＞][ \t\u3000]*[\u4e00-\u9fffA-Za-z0-9]{1,8}){1,4}")
#: how many lines below a leftover the navigation it belongs to may stand
_LEFTOVER_REACH = 4
_LEFTOVER_ITEM_CHARS = 12


#: the reason given for a page's button standing on its own line at the head
_BUTTON_REASON = "a button of the page under the navigation"


def _navigation_leftover(text: str, end: int, line: str, lex: Lexicon):
    """(code, reason, strength) for a line between pieces of the site's chrome
    at the head, below chrome already found: a path of short steps (the
    section's breadcrumb, 上海 > 城市漫步), a bar of short unknown links
    (贝壳财经 | 动新闻 | 新京号) with more navigation under it before the title,
    or an e-paper's issue date with its navigation under it.
    A headline holds a sentence or a clause, or is a single run of words."""
    if _PROSE_MARKS.search(line):
        return None
    if _STEP_CHAIN.fullmatch(line):
        return "B112", f"breadcrumb under the navigation: {line}", "D"
    if _ISSUE_DATE.fullmatch(line):
        row = line_after(text, end)
        hit = _classify_edge(row[2], lex, at_tail=False) if row is not None else None
        if hit is not None and hit[2] == "D" and hit[0] in ("B101", "B111", "B112"):
            return "B111", f"the issue's date among the site's chrome: {line}", "D"
        return None
    items = [i for i in _BAR_SPLIT.split(line) if i.strip(EDGE_SPACE)]
    if len(items) < 2 or any(len(i.strip(EDGE_SPACE)) > _LEFTOVER_ITEM_CHARS for i in items):
        return None
    below = end
    for _ in range(_LEFTOVER_REACH):
        row = line_after(text, below)
        if row is None:
            return None
        hit = _classify_edge(row[2], lex, at_tail=False)
        if hit is None or hit[2] != "D":
            return None
        if hit[0] in ("B101", "B112"):
            return "B101", f"site links among the navigation: {' | '.join(i.strip(EDGE_SPACE) for i in items[:4])}", "D"
        below = row[1]
    return None


def _line_below(text: str, pos: int, line: str) -> bool:
    """Whether ``line`` stands alone on a line of its own within reach below ``pos``."""
    end = min(len(text), pos + _PAGE_TITLE_REACH)
    at = text.find(line, pos, end)
    while at >= 0:
        start, stop = line_bounds(text, at)
        if not text[start:at].strip(EDGE_SPACE) and not text[at + len(line):stop].strip(EDGE_SPACE):
            return True
        at = text.find(line, at + 1, end)
    return False


#: the header of an e-paper's list of the stories on its page
_PAGE_STORIES = frozenset(("本版新闻", "本版新聞", "本版标题", "本版標題", "标题导航", "標題導航", "本版导读", "本版導讀",
                           "本版标题导航", "本版標題導航"))
#: at most this many stories, each a headline this short
_PAGE_STORIES_MAX = 12
_PAGE_STORY_CHARS = 40


def _page_stories(text: str, end: int) -> list[tuple[int, int, str]] | None:
    """The headlines under an e-paper's list header that ends at ``end``: short
    lines with no sentence end, closed by a blank line with more text after it
    (the article), or None when the lines under the header are not such a list."""
    stories = []
    for a, b in lines_forward(text, end):
        line = text[a:b].strip(EDGE_SPACE + "\n")
        if not line:
            return stories if stories and line_after(text, b) is not None else None
        if len(line) > _PAGE_STORY_CHARS or line[-1:] in "。！？!?；;" or len(stories) == _PAGE_STORIES_MAX:
            return None
        stories.append((a, b, line))
    return None  # no blank line closes the list: the article may be in it


def _peel_head(text: str, lex: Lexicon, limit: int):
    """Findings for the site chrome at the head, the end of the protected head,
    whether the head is final (see :func:`settled`), and how many of the
    findings the walk down made (the others are widgets found below the title).

    The first line that is not chrome is the title; it and the line under it
    (byline/dateline) are protected from the tail pass.  The head is final
    unless a line under the title went (the title then meets a new neighbour)
    or the walk went past ``limit`` lines (a second look would start lower).
    """
    found = []
    cur = line_after(text)
    kept_end: list[int] = []
    count = 0
    site_names = 0
    final = True
    echo = -1   # where the headline stands again under the page's title, the site's header between
    while cur is not None:
        s, e, c = cur
        count += 1
        nxt = _MISS  # the next line is read only when a check needs it
        hit = None
        if count <= limit:
            if not kept_end and found and c in _PAGE_STORIES:
                stories = _page_stories(text, e)
                if stories is not None:
                    found.append(Finding("B107", s, e, "", f"an e-paper's list of the page's stories: {c}"))
                    found += [Finding("B107", a, b, "", f"a story of the page listed under {c}: {t}") for a, b, t in stories]
                    cur = line_after(text, stories[-1][1])
                    continue
            if not kept_end:
                hit = _classify_edge(c, lex, at_tail=False)
                if hit is None and s < echo and not _lone_date(c):   # a post's date above its headline stays
                    hit = ("B101", f"site header between the page's title and its headline: {c}", "D")
                if hit is None:
                    hit, headline = _page_title(text, e, c)
                    if hit is not None and echo < 0:
                        echo = _headline_echo(text, e, headline, limit - count)
                if hit is None and site_names < 2:
                    hit = _site_name(text, e, c, lex)
                    site_names += hit is not None
                if hit is None and site_names == 1 and found[-1].code == "B116" and found[-1].end == s \
                        and len(c) <= 2 * _SITE_NAME_CHARS + 20 and _ENGLISH_NAME.fullmatch(c):
                    nxt = line_after(text, e)
                    if nxt is not None and _classify_edge(nxt[2], lex, at_tail=False) is not None:
                        hit = ("B116", f"the site's English name under its name: {c}", "D")
                if hit is None and found:
                    hit = _navigation_leftover(text, e, c, lex)
                elif hit is None and count == 1 and _ARROW_CHAIN.fullmatch(c) and not _PROSE_MARKS.search(c):
                    hit = ("B112", f"the path to the page's section at the top: {c}", "D")
                if hit is None and found and c.lower() in lex.ui:
                    # the thread's buttons one per line under the navigation ("回复⏎收藏")
                    nxt = line_after(text, e)
                    above = found[-1].reason.startswith(_BUTTON_REASON) and found[-1].end == s
                    if above or (nxt is not None and nxt[2].lower() in lex.ui):
                        hit = ("B111", f"{_BUTTON_REASON}: {c}", "D")
                if hit is None and _weather(c):
                    nxt = line_after(text, e)
                    if nxt is None or not _weather(nxt[2]):   # a forecast lists several
                        hit = ("B111", f"weather widget at the head: {c}", "D")
                if hit is None and _short_item(c):
                    nxt = line_after(text, e)
                    if nxt is not None and _LONE_SEP.fullmatch(nxt[2]):
                        hit = ("B101", "navigation item between separators at the head", "D")
            else:
                hit = _memo(lex, (c, "under title"), _under_title, c, lex)
                if hit is not None and hit[0] in _UI_CODES and _item_of_announced_list(text, s, lex):
                    hit = None  # the title announces a list this line is an item of
                final = final and hit is None
        else:
            final = False
        if hit is not None:
            found.append(Finding(hit[0], s, e, "", hit[1]))
        else:
            if not kept_end:
                title_start = s
            kept_end.append(e)
            if len(kept_end) == 2:
                break
        cur = line_after(text, e) if nxt is _MISS else nxt
    protect = kept_end[-1] if kept_end else len(text)
    walked = len(found)   # the walk's findings: the chrome above the title, line by line
    if kept_end:
        taken = {f.start for f in found}
        found += _info_line_widgets(text, title_start, taken)
        widgets = _widgets_above_body(text, title_start, taken, lex)
        if widgets:
            found += widgets
            final = False   # the lines that were the title's neighbours change: look again
    return found, protect, final, walked


#: the widgets an article's info line ends with: font size choices, print/close
#: links, a share bar, a page counter ("发布时间：2024-06-12  【字号：大 中 小】",
#: "… | 阅读：862", "… 分享到：微信 微博 QQ空间")
_INFO_WIDGET = (r"(?:[【\[]?(?:字体|字號|字号|字體)[:：]?[ \t\u3000]*[【\[]?[大中小](?:[ \t\u3000]*[大中小]){1,2}[】\]]{0,2}"
                r"|[【\[]大[ \t\u3000]*中[ \t\u3000]*小[】\]]"
                r"|[【\[](?:打印|列印|关闭|關閉|打印本页|打印本頁|关闭窗口|關閉窗口|關閉視窗)[】\]]"
                r"|(?:分享到|分享至)[:：]?(?:[ \t\u3000]*(?:微信|微博|QQ空间|QQ空間|QQ|朋友圈|豆瓣|Facebook|Twitter|LINE|WhatsApp|Weibo)){1,8}"
                rf"|{_COUNTER_WORD}[ \t\u3000]*(?:[\[【(（][ \t]*)?(?:\d[\d,]*(?:\.\d+)?[ \t\u3000]*[万萬]?[ \t\u3000]*次?)?(?:[ \t]*[\]】)）])?)")
_INFO_TAIL = patterncache.compile(rf"(?:[ \t\u3000|｜]*{_INFO_WIDGET})+[ \t\u3000|｜]*$")
#: a word every widget holds: the tail pattern may match empty at any position,
#: so a line without one is ruled out by this literal scan first
_INFO_GATE = patterncache.compile(_pattern(("字体", "字號", "字号", "字體", "打印", "列印", "关闭", "關閉", "大 中 小", "大中小", "分享到", "分享至")
                                           + _COUNTER_WORDS))
#: what the rest of an info line says: a date or one of its labels
_INFO_REST = patterncache.compile(r"\d{4}[-/.年]|来源|來源|发布|發布|發佈|作者|日期|时间|時間|编辑|編輯")
#: a comment count as a widget shows it: "评论（12）", "評論 (3)"
_COMMENT_COUNT = patterncache.compile(r"(?:评论|評論|留言)[ \t]*[（(][ \t]*\d[\d,]*[ \t]*[)）]")
#: how many lines from the top an info line may stand (title, dateline, info line)
_INFO_LINES = 4


def _info_line_widgets(text: str, title_start: int, taken: set[int]) -> list[Finding]:
    """The widgets at the end of the article's info line, on the lines from the
    title down: the date and source stay, the counter and the font and print
    controls go.  Counted from the title, so the lines of chrome above it,
    gone in the next round, change nothing."""
    found = []
    rows = []
    pos = title_start
    for _ in range(_INFO_LINES):
        row = line_after(text, pos)
        if row is None:
            break
        rows.append(row)
        pos = row[1]
    if _INFO_GATE.search(text, title_start, pos) is None:
        return found  # no widget word on those lines: most pages
    for s, e, c in rows:
        if s in taken or len(c) > 160 or _INFO_GATE.search(c) is None:
            continue
        m = _INFO_TAIL.search(c)
        if m is None or m.start() == 0:
            continue
        rest = c[:m.start()]
        if _COMMENT_COUNT.fullmatch(rest.strip(EDGE_SPACE + "|｜")):
            # nothing but widgets: the comment count, then the font controls
            found.append(Finding("B111", s, e, "", f"a line of widgets under the headline: {c}"))
            continue
        if len(rest.strip(EDGE_SPACE + "|｜")) < 4 or _INFO_REST.search(rest) is None:
            continue
        a = text.index(c, s) + m.start()
        found.append(Finding("B111", a, a + len(m.group(0)), "", f"widgets at the end of the info line: {m.group(0).strip()}"))
    return found


#: the widget kinds a line between the headline and the text may be: font
#: controls, share bars, print and other UI links
_WIDGET_CODES = ("B103", "B106", "B111")
#: a word one of those widgets holds: font sizes, share, print, close, report and save buttons,
#: a player's button, an author card's figure, a tag line
_WIDGET_HINT = patterncache.compile("字号|字號|字体|字體|字型|字级|字級|A[+-]|放大|缩小|縮小|默认|默認|分享|打印|列印|关闭|關閉|纠错|糾錯|版权声明|版權聲明|链接："
                          "|收藏|举报|舉報|播放|文章|分类|分類|标签|標籤|专栏|專欄|听新闻|聽新聞")


def _follow_word_ends_a_line(text: str, start: int, end: int) -> bool:
    """Whether 关注 ends a line between ``start`` and ``end`` (a follow button may stand there)."""
    end = min(end, len(text))
    for word in ("关注", "關注"):
        at = text.find(word, start, end)
        while at >= 0:
            after = at + len(word)
            while after < end and text[after] in " \t\u3000":
                after += 1
            if after >= len(text) or text[after] == "\n":
                return True
            at = text.find(word, after, end)
    return False
#: how many lines below the headline the text starts at the latest
_ABOVE_BODY_LINES = 8
#: the first line of the text: this long, with a sentence in it
_BODY_LINE_CHARS = 30


def _widgets_above_body(text: str, title_start: int, taken: set[int], lex: Lexicon) -> list[Finding]:
    """The widget lines between the dateline under the headline and the first
    paragraph of the text ("字号", "小字号 / 大字号", "分享：Facebook WhatsApp
    電郵"): lines of UI words only.  The walk down from the title stopped at
    the title; these stand below it."""
    found: list[Finding] = []
    end = title_start + _ABOVE_BODY_LINES * 120
    if (_WIDGET_HINT.search(text, title_start, end) is None and not _follow_word_ends_a_line(text, title_start, end)) \
            or _DATE.search(text, title_start, end) is None:
        return found   # no widget word, or no dateline under the title: most pages
    pos = title_start
    lines = 0
    dated = False   # widgets stand below the dateline; above it, a "title" may be the site's name over its menu
    above = ""   # the line above, for a follow button beside the author's name
    for raw in text[title_start:end].split("\n"):
        s, pos = pos, pos + len(raw) + 1
        c = raw.lstrip().strip(EDGE_SPACE)   # as linetools.line_after reads a line
        if not c:
            continue
        lines += 1
        if lines > _ABOVE_BODY_LINES:
            break
        above, c_above = c, above
        # the blog's licence and the post's permalink stand between the dateline and the text
        if dated and s not in taken and pos <= end:
            if c.startswith(_LICENCE_LABELS) and _opening_notice(c):
                found.append(Finding("B108", s, pos, "", f"the post's licence notice between the headline and the text: {c[:20]}"))
                continue
            if _PERMALINK.fullmatch(c):
                found.append(Finding("B111", s, pos, "", f"the post's permalink between the headline and the text: {c[:20]}"))
                continue
        if len(c) >= _BODY_LINE_CHARS and has_sentence_end(c):
            break   # the text has begun
        if c in _LONE_FOLLOW and lines > 2 and s not in taken and pos <= end \
                and _classify_edge(c_above, lex, at_tail=False) is None:
            # beside the author's name (not among a menu's items), above the date or below it
            found.append(Finding("B111", s, pos, "", f"the author's follow button between the headline and the text: {c}"))
            continue
        if not dated:
            dated = _DATE.search(c) is not None
            continue
        if s in taken or len(c) > 40 or pos > end:
            continue
        if found and found[-1].end == s and _BARE_COUNT.fullmatch(c):
            # the count the widget above shows (举报 ⏎ 0, 分享 ⏎ 2)
            found.append(Finding("B111", s, pos, "", f"the count of the widget above it: {c}"))
            continue
        if c[:1].isdigit() and _COUNTERS_ROW.fullmatch(c):
            found.append(Finding("B111", s, pos, "", f"the article's counters between the headline and the text: {c}"))
            continue
        hit = _classify_edge(c, lex, at_tail=False)
        if hit is not None and hit[0] in _WIDGET_CODES and hit[2] == "D":
            found.append(Finding(hit[0], s, pos, "", f"widget between the headline and the text: {hit[1]}"))
    return found


#: an author's follow button, alone on its line under the byline (not a menu
#: word: in a menu scraped one item per line it would take the headline with it)
_LONE_FOLLOW = frozenset(("关注", "關注") + _FOLLOW_BUTTONS[:6])
#: an article's counters side by side: "26人参与 12评论"
_COUNTERS_ROW = patterncache.compile(r"\d[\d,.]*[万萬]?[ \t]*(?:人参与|人參與|评论|評論|条评论|條評論|跟帖|回复|回覆|次阅读|次閱讀)"
                                     r"(?:[ \t\u3000|｜·]+\d[\d,.]*[万萬]?[ \t]*(?:人参与|人參與|评论|評論|条评论|條評論|跟帖|回复|回覆|次阅读|次閱讀))+")
#: the labels a blog's licence notice opens with, under the headline
_LICENCE_LABELS = ("版权声明：", "版权声明:", "版權聲明：", "版權聲明:")
#: a post's own address, labelled: "本文链接：https://…"
_PERMALINK = patterncache.compile(r"(?:本文链接|本文鏈接|本文地址|文章链接|文章鏈接|永久链接|永久鏈接)[:：][ \t]*https?://\S+")


#: short stray lines the tail walk may step past (each kept) to boilerplate above them
MAX_TAIL_SKIPS = 2
_SKIPPABLE_CHARS = 20
_PROSE_MARKS = patterncache.compile("[。！？!?；;，,：:“”「」]")


def _skippable(line: str) -> bool:
    """A line too short and bare to be a paragraph: no sentence or clause punctuation."""
    return len(line) <= _SKIPPABLE_CHARS and _PROSE_MARKS.search(line) is None


def _past_stray_lines(line, i: int, lex: Lexicon, room: int) -> int:
    """How many short stray lines from tail line ``i`` up the walk may step past
    (each kept): a counter or a site name must not shield the boilerplate
    above it.  Only when, within ``room`` such lines, the next line up is
    boilerplate on its own (D) or a footer (C); else 0."""
    for k in range(room):
        cur = line(i + k)
        if cur is None or not _skippable(cur[2]) or (k and _classify_edge(cur[2], lex, at_tail=True)):
            return 0
        above = line(i + k + 1)
        if above is None:
            return 0
        hit = _classify_edge(above[2], lex, at_tail=True)
        if hit is not None:
            return k + 1 if hit[2] in ("D", "C") else 0
    return 0


def _dangling_label(s: str) -> bool:
    """A label whose list is gone ("热门城市：" over a run of county names that
    was spam): nothing but words before its colon."""
    return len(s) > 1 and "，" not in s and "," not in s and is_list_label(s)


#: a credit set as a role, a bar and a name ("编辑 | 小禾"), and one that names
#: who wrote or shot the text ("文字 | 王老师", "摄影｜叶青")
_BARRED_CREDIT = patterncache.compile(r"[^\s|｜]{1,4}[ \t\u3000]*[|｜][ \t\u3000]*[^\s|｜][^|｜]{0,15}")
_AUTHOR_CREDIT = patterncache.compile(r"(?:文字|撰文|文|作者|图片|圖片|图|圖|摄影|攝影|插画|插畫)[ \t\u3000]*[|｜]"
                                      r"[ \t\u3000]*[^\s|｜][^\n]{0,40}")


def _peel_tail(text: str, lex: Lexicon, stop: int, limit: int) -> tuple[list[Finding], bool]:
    """Findings for the boilerplate at the tail, above ``stop`` at most, and whether
    the tail is final: the walk up ended on a line that is not boilerplate,
    before ``limit`` lines (see :func:`settled`)."""
    lines: list[tuple[int, int, str]] = []  # the tail's non-blank lines read so far, last first
    top = [len(text)]  # where the next line up ends; -1 once the lines above ``stop`` are used up

    def line(k):
        while len(lines) <= k:
            item = line_before(text, top[0], stop) if top[0] >= 0 else None
            if item is None:
                top[0] = -1
                return None
            lines.append(item)
            top[0] = item[0]
        return lines[k]

    picked: list[tuple[int, int, str, str, str]] = []
    skips = 0
    first_related = first_comment = None  # candidate header lines, found when first needed
    i = 0
    while i < limit:
        cur = line(i)
        if cur is None:
            break
        s, e, c = cur
        hit = _classify_edge(c, lex, at_tail=True)
        if hit is not None and hit[0] in _UI_CODES and _item_of_announced_list(text, s, lex):
            break  # an item of a list the text announces: content
        if hit is None and _short_item(c):
            below = lines[i - 1][2] if i > 0 else ""
            above = line(i + 1)
            if (below and _LONE_SEP.fullmatch(below)) or (above and _LONE_SEP.fullmatch(above[2])):
                hit = ("B101", "navigation item between separators at the tail", "D")
        if hit is None and len(picked) == i and _dangling_label(c):
            hit = ("B111", f"a label with nothing under it at the tail: {c}", "D")
        if hit is not None and hit[0] == "B104" and _BARRED_CREDIT.fullmatch(c):
            above = line(i + 1)
            if above is not None and _AUTHOR_CREDIT.fullmatch(above[2]):
                break   # "文字 | 王老师 ⏎ 编辑 | 小禾": the text's own credits, a role and a name a line
        if hit is not None:
            picked.append((s, e, hit[0], hit[1], hit[2]))
            i += 1
            continue
        # a related-links block: a header above, only short link titles in
        # between; a comment block: a header above, only lines of at most 120
        # characters in between.  A line that is not a link title (no more
        # than 120 characters) stops the walk up at once; otherwise one scan
        # of the text for candidate header lines decides whether walking up
        # is worth it.
        header = None
        j = i
        if not _link_like(c):
            header = _related(c, lex)
        else:
            if first_related is None:
                first_related, first_comment = _header_lines(text, stop, lex)
            if first_related <= s:
                j, header = _related_block(line, i, lex)
        if header is None:
            if len(c) > 120:
                break
            if first_related is None:
                first_related, first_comment = _header_lines(text, stop, lex)
            j = _comment_block(line, i, lex) if first_comment < s else None
            if j is None:
                step = _past_stray_lines(line, i, lex, MAX_TAIL_SKIPS - skips)
                if step:
                    # boilerplate above and below: the short lines between are
                    # pieces of it (an author's name in a card, a bare count);
                    # a date or the page's last line may be the text's own
                    # (a notice's date under its issuer) and stays
                    if i > 0 and not any(_DATE.search(lines[k][2]) for k in range(i, i + step)):
                        for k in range(i, i + step):
                            s, e, c = lines[k]
                            picked.append((s, e, "B111", f"short line between pieces of boilerplate at the tail: {c}", "S"))
                    else:
                        skips += step  # kept: the walk may step past two such lines in all
                    i += step
                    continue
                break
            for k in range(i, j):
                s, e, c = lines[k]
                picked.append((s, e, "B113", "user comment under the comment-section header", "D"))
            s, e, c = lines[j]
            picked.append((s, e, "B113", f"comment-section header at the tail: {c}", "D"))
            i = j + 1
            continue
        for k in range(i, j):
            s, e, c = lines[k]
            picked.append((s, e, "B107", f"link title under the related-links header {header}", "D"))
        s, e, c = lines[j]
        picked.append((s, e, "B107", f"related-links header at the tail: {header}", "D"))
        i = j + 1
    final = i < limit
    if not picked:
        return [], final
    # a site-owner line (F) goes only with other boilerplate (D) or a copyright
    # line (C); contact details (W) only with a copyright or owner line.  The
    # peel stays contiguous: it ends below the first line that may not go.
    kinds = {p[4] for p in picked}
    allowed = {"D", "C", "S"}
    if kinds & {"D", "C"}:
        allowed.add("F")
    if kinds & {"C"} or ("F" in allowed and "F" in kinds):
        allowed.add("W")
    for n, p in enumerate(picked):
        if p[4] not in allowed or (p[4] == "W" and not _beside_footer(picked, n)):
            picked = picked[:n]
            break
    return [Finding(code, s, e, "", reason) for s, e, code, reason, _ in picked], final


def _beside_footer(picked: list, n: int) -> bool:
    """Whether the contact line ``picked[n]`` stands beside the site's footer (an
    owner, copyright or other contact line right above or below it): a
    notice's own 联系电话 sits above the page's print and close links."""
    return any(0 <= k < len(picked) and picked[k][4] in ("W", "F", "C") for k in (n - 1, n + 1))


def _header_lines(text: str, stop: int, lex: Lexicon) -> tuple[int, int]:
    """Starts of the first candidate related-links and comment header lines from ``stop``.

    One scan for either kind first: most tails have neither.
    """
    if lex.header_head.first(text, stop) > len(text):
        return len(text) + 1, len(text) + 1
    return lex.related_head.first(text, stop), lex.comment_head.first(text, stop)


def _related_block(line, i: int, lex: Lexicon) -> tuple[int, str | None]:
    """(index, header) of a related-links header above tail line ``i`` with only link titles between
    (a list of works cited under it is the text's own reading list: no block)."""
    j = i
    cited = True
    while j - i <= MAX_RELATED_LINKS:
        cur = line(j)
        if cur is None:
            break
        rel = _related(cur[2], lex)
        if rel:
            return j, (None if cited and j > i else rel)
        if not _link_like(cur[2]):
            break
        cited = cited and _citation(cur[2])
        j += 1
    return j, None


#: a work cited: its author (with the dynasty or country in brackets) and its
#: title in book marks ("1. 〔宋〕蔡襄：《茶录》", "钱穆.《国史大纲》. 商务印书馆, 1996")
_CITATION = patterncache.compile(r"(?:\d{1,3}[.、．][ \t]*|[\[［(（]\d{1,3}[\]］)）][ \t]*)?"
                                 r"(?:[〔［\[【(（][^〕］\]】)）\n]{1,6}[〕］\]】)）][ \t]*)?"
                                 r"[^\s：:《》，,。]{1,24}[：:，,．.][ \t]*《[^》\n]{1,40}》[^\n]{0,40}")


def _citation(line: str) -> bool:
    """A work cited (see ``_CITATION``): a bibliography's item, not a link to another page."""
    return "《" in line and _CITATION.fullmatch(line.strip(EDGE_SPACE)) is not None


#: a comment section: its header, the lines under it to the end of the page
#: (at most this many, none longer), with this many signs of a comment thread
MAX_SECTION_LINES = 200
_SECTION_LINE_CHARS = 300
_SECTION_SIGNS = 2
_SECTION_MEAN_CHARS = 60
#: a header that counts the comments: "全部评论(4521)", "共 328 条评论", "查看全部1024条评论 >"
_COUNTED_HEADER = patterncache.compile(
    r"(?:(?:全部|热门|熱門|最新|精彩|网友|網友|读者|讀者)?(?:评论|評論|留言|回复|回覆)\s*[（(]\s*(?:已有|共有|共)?\s*\d[\d,.]*\s*[万萬]?"
    r"\s*(?:[条條](?:评论|評論|留言|回复|回覆)?|人参与|人參與)?\s*[)）]"
    r"|(?:查看全部|共)\s*\d[\d,.]*\s*[万萬]?\s*[条條](?:评论|評論|留言|回复|回覆|回答)\s*[>›]?)")
#: the header an account's platform sets over the comments it picked: a thread
#: whatever its lines show (names and comments only, no times)
_SELECTED_COMMENTS = frozenset(("精选留言", "精選留言"))
#: the comment widget's sort toggles, a header of their own
_SORT_TOGGLES = frozenset(("按热度", "按熱度", "按时间", "按時間"))
#: a line of a comment thread: a time, a place, a reply button, a floor number
_THREAD_SIGN = patterncache.compile(
    r"\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?(?:\s+\d{1,2}:\d{2}|\s*[·・]\s*\S{2,4})"
    r"|\d{1,2}:\d{2}|\d+\s*(?:分钟|分鐘|小时|小時|天)前|IP\s*属地|IP\s*屬地|^(?:回复|回覆|Reply)$|\d+楼|\d+樓"
    # where a commenter wrote from, alone on its line, and the author's reply
    r"|^(?:北京|天津|上海|重庆|重慶|河北|山西|辽宁|遼寧|吉林|黑龙江|黑龍江|江苏|江蘇|浙江|安徽|福建|江西|山东|山東|河南"
    r"|湖北|湖南|广东|廣東|海南|四川|贵州|貴州|云南|雲南|陕西|陝西|甘肃|甘肅|青海|台湾|臺灣|台灣|内蒙古|內蒙古|广西|廣西"
    r"|西藏|宁夏|寧夏|新疆|香港|澳门|澳門)$|^(?:作者|作者回复|作者回覆)$")
#: how a comment section's header may start (a superset of the headers it may be)
_SECTION_STARTS = ("评论", "評論", "留言", "回复", "回覆", "回应", "回應", "查看全部", "共", "全部", "热门", "熱門", "最新", "精彩")


def _comment_section(text: str, lex: Lexicon, taken, protect: int) -> list[Finding]:
    """A comment section to the end of the page: a header (网友评论, 全部评论(4521),
    网友评论（已有 128 条评论）, 共 328 条评论) with only short lines under it, among them at least two
    signs of a thread (times, places, reply buttons, floor numbers).  The
    comments are the readers', not the article's; the first such header
    below the byline starts the section."""
    # a section holds at most MAX_SECTION_LINES lines under its header: it starts
    # no higher than that many non-blank lines above the end
    floor = protect
    for n, (s, _e, _c) in enumerate(nonblank_backward(text, len(text), protect)):
        if n == MAX_SECTION_LINES:
            floor = s
            break
    for start in _section_headers(text, floor, lex):
        if start in taken:
            continue
        rows = []
        for row in nonblank_forward(text, start):
            if len(row[2]) > _SECTION_LINE_CHARS:
                return []  # a paragraph: no thread below this or any later header
            rows.append(row)
            if len(rows) > MAX_SECTION_LINES + 1:
                break
        if len(rows) > MAX_SECTION_LINES + 1:
            continue  # too long a tail for a thread: a later header may start it
        header, below = rows[0][2], rows[1:]
        core = _unwrap(header).lower()
        counted = _COUNTED_HEADER.fullmatch(core) is not None or core in _SORT_TOGGLES
        # a header with its count after a space ("评论 78") is written as a text may
        # write a label, so it needs the thread's signs under it like a plain one
        if core not in lex.comments and not counted and not is_counted_comment_header(core):
            continue
        if not below or sum(len(r[2]) for r in below) > _SECTION_MEAN_CHARS * len(below):
            return []
        # a header that counts or sorts the comments is the widget's own; a
        # plain one (网友评论) needs the thread's signs (times the feed
        # detector has not taken already)
        if not counted and core not in _SELECTED_COMMENTS and sum(1 for r in below if _THREAD_SIGN.search(r[2])) < _SECTION_SIGNS:
            continue
        return [Finding("B113", rs, re_, "", f"comment section to the end of the page under {header}")
                for rs, re_, _c in rows if rs not in taken]
    return []


def _section_headers(text: str, protect: int, lex: Lexicon) -> Iterator[int]:
    """Starts of the short lines below ``protect`` that may head a comment section, in order."""
    pos = protect
    while True:
        pos = lex.section_head.first(text, pos)
        if pos > len(text):
            return
        row = line_after(text, pos)
        if row is None:
            return
        if len(row[2]) <= 40:
            yield row[0]
        pos = row[1]


#: a related-links block inside the text holds at most this many link titles
MAX_INSIDE_LINKS = 8
_HEADLINE_CHARS = (4, 40)
_NOT_HEADLINE = patterncache.compile("[。；;…]|[:：]$")  # a headline may ask or exclaim


def _headline(line: str) -> bool:
    """A link title: a short line with no sentence in it and no list it announces."""
    return _HEADLINE_CHARS[0] <= len(line) <= _HEADLINE_CHARS[1] and _NOT_HEADLINE.search(line) is None


_INLINE_RELATED = patterncache.compile(f"[{_SEP_CLASS}]*([^{_SEP_CLASS}]+?)[ \t\u3000]*[:：][ \t\u3000]*(.+)")


def _inline_related(line: str, lex: Lexicon) -> str | None:
    """The header word when ``line`` is a related link with its title on the
    line itself (相关阅读：某某标题); a book title there is a reading list."""
    m = _INLINE_RELATED.fullmatch(line)
    if m is None or m.group(1).lower() not in lex.related:
        return None
    title = m.group(2).strip(EDGE_SPACE)
    if title.startswith("《") or not _headline(title.rstrip(">»› " + EDGE_SPACE)):
        return None
    return m.group(1)


def _related_blocks_inside(text: str, lex: Lexicon, taken, protect: int) -> list[Finding]:
    """Related-links blocks inside the text: a header line that is only a
    related-links word (相关阅读, 延伸阅读 …), right above one to eight link
    titles, the block closed by a blank line or the end of the text (two
    titles or more, by the text's next paragraph).  A
    header over paragraphs (background under 延伸阅读) is a section of the
    article and stays, and so does a list of book titles (a reading list)."""
    found: list[Finding] = []
    pos = protect
    while True:
        pos = lex.related_head.first(text, pos)
        if pos > len(text):
            return found
        head = line_after(text, pos)
        if head is None:
            return found
        start, end, header = head
        pos = end
        if start in taken:
            continue
        if _memo(lex, (header, "related"), _related, header, lex) is None:
            link = _inline_related(header, lex)
            if link is not None:
                found.append(Finding("B107", start, end, "", f"related link inside the text: {link}"))
            continue
        items = []
        blank = False
        for s, e in lines_forward(text, end):
            if s in taken:
                continue  # a line another rule takes is as good as gone: the next round will not see it
            line = text[s:e].strip(EDGE_SPACE + "\n")
            if not line:
                if items or blank:  # one blank line may stand between the header and its titles
                    break
                blank = True
                continue
            if not _headline(line) or len(items) == MAX_INSIDE_LINKS:
                if len(items) < 2 or len(line) < _BODY_LINE_CHARS or not has_sentence_end(line):
                    items = []
                # else: two titles or more, closed by the text's next paragraph
                break
            items.append((s, e, line))
        if not items or all(line.startswith("《") or _citation(line) for _s, _e, line in items):
            continue
        found.append(Finding("B107", start, end, "", f"related-links header inside the text: {header}"))
        found.extend(Finding("B107", s, e, "", f"link title under the related-links header {header}")
                     for s, e, _line in items)
        pos = items[-1][1]


def _comment_block(line, i: int, lex: Lexicon) -> int | None:
    """Index of a comment-section header above tail line ``i`` whose block holds user/time lines."""
    timed = 0
    j = i
    while j - i <= MAX_COMMENT_LINES:
        cur = line(j)
        if cur is None or len(cur[2]) > 120:
            return None
        if _unwrap(cur[2]).lower() in lex.comments:
            return j if timed and j > i else None
        if len(cur[2]) <= 40 and _COMMENT_TIME.search(cur[2]):
            timed += 1
        j += 1
    return None


def _anywhere_kind(c: str, lex: Lexicon) -> tuple[str, str] | None:
    """(code, reason) for a line that is chrome wherever it stands."""
    ui = _ui_kind(c, lex)
    if ui and ui[1] == "anywhere":
        return ui[0], ui[2]
    if _breadcrumb(c, lex):
        return "B112", "breadcrumb line"
    return None


def _anywhere(text: str, lex: Lexicon, taken) -> list[Finding]:
    """Findings for the lines that are chrome wherever they stand, but for the
    lines starting at a position in ``taken`` (already peeled)."""
    first = lex.anywhere_first_re.match(text)
    if first is None and lex.anywhere_re.search(text) is None:
        return []  # most documents: one scan finds no candidate line
    found = []
    candidates = lex.anywhere_re.finditer(text)
    if first:
        candidates = [first, *candidates]
    for m in candidates:
        s = m.start(1)
        if s in taken:
            continue
        nl = text.find("\n", m.end())
        e = len(text) if nl < 0 else nl + 1
        c = text[s:e].strip(EDGE_SPACE + "\n")
        if len(c) > 120:
            continue
        kind = _memo(lex, (c, "anywhere"), _anywhere_kind, c, lex)
        if kind and not _item_of_announced_list(text, s, lex):
            found.append(Finding(kind[0], s, e, "", kind[1]))
            if kind[0] == "B106":
                found += _share_targets_below(text, e, lex, taken)
            elif c in _AD_LABELS:
                found += _advert_below(text, e, taken)
    return found


#: the label a site sets over an advertisement inside its pages
_AD_LABELS = frozenset(("广告", "廣告", "推广", "推廣"))
#: the advertisement's lines under its label: short, no sentence
_AD_LINES = 3
_AD_LINE_CHARS = 80


def _advert_below(text: str, pos: int, taken) -> list[Finding]:
    """The advertisement under its label, when it ends in its button
    ("白癜风患者福音｜某某医院 预约热线：400-… ⏎ 点击立即咨询 >>"): the
    lines down to the button, each short and without a sentence end."""
    rows = []
    for row in nonblank_forward(text, pos):
        s, _e, c = row
        if s in taken or len(rows) == _AD_LINES or len(c) > _AD_LINE_CHARS or has_sentence_end(c):
            return []
        rows.append(row)
        if c[-1] in _ARROWS and _CALL_TO_ACTION.search(c):
            return [Finding("B110", s, e, "", f"advertisement under its label: {c}") for s, e, c in rows]
    return []


def _share_targets_below(text: str, pos: int, lex: Lexicon, taken) -> list[Finding]:
    """The share targets of a share widget scraped one per line under it (分享： / 微信 / 微博)."""
    found = []
    for s, e, c in nonblank_forward(text, pos):
        if s in taken or len(found) == 12:
            break
        toks = _tokens(c)
        if not toks or not all(t.lower() in lex.share for t in toks):
            break
        found.append(Finding("B106", s, e, "", f"share target under the share widget: {c}"))
    return found


#: the codes of UI-word lines, which an announced list may hold as items
_UI_CODES = ("B101", "B111")
#: a list the text announces: its items are short, and at most this many
_LIST_ITEMS = 12
_LIST_ITEM_CHARS = 40


def _item_of_announced_list(text: str, start: int, lex: Lexicon) -> bool:
    """Whether the line at ``start`` is an item of a list that a line of the
    text announces with a colon ("台风来临时：" over "关闭窗口 / 切断电源"):
    the items are short lines in one block (the announcing line right above
    it or one blank line away), no rule of this detector takes the announcing
    line, and none takes at least one item either (a bar of UI words one per
    line stays boilerplate).  Both are then kept in every round, so the
    decision stands when the detector runs again."""
    items: list[str] = []
    announcer = None
    blank = False
    # back to the first line of the block, or to the announcing line inside it
    # (or one blank line above it)
    for line_start, line_end in lines_backward(text, start):
        if len(items) > _LIST_ITEMS:
            break
        line = text[line_start:line_end].strip(EDGE_SPACE + "\n")
        if blank or line.endswith(ANNOUNCING_COLONS):
            announcer = line if line.endswith(ANNOUNCING_COLONS) else None
            break
        if not line:
            blank = True
            continue
        items.append(line)
    if announcer is None or len(announcer) > 120 or not _plain(announcer, lex):
        return False
    if not items and not blank and len(announcer) >= _EXAMPLE_ANNOUNCER_CHARS:
        # one line quoted as an example, right under the sentence that announces
        # it, the text going on under it ("页面顶部显示的是：" / 首页 > 政务公开 / …)
        here = line_after(text, start)
        below = line_after(text, here[1]) if here is not None else None
        if below is not None and len(below[2]) >= _EXAMPLE_ANNOUNCER_CHARS and _plain(below[2], lex):
            return True
    # the items of the block, from the one at ``start`` down
    for line_start, line_end in lines_forward(text, start):
        line = text[line_start:line_end].strip(EDGE_SPACE + "\n")
        if not line or len(items) > _LIST_ITEMS:
            break
        items.append(line)
    if any(len(item) > _LIST_ITEM_CHARS for item in items):
        return False
    return any(_plain(item, lex) for item in items)


#: a sentence that announces a quoted example is at least this long (a label is shorter)
_EXAMPLE_ANNOUNCER_CHARS = 8


def _plain(line: str, lex: Lexicon) -> bool:
    """Whether no rule of this detector takes ``line`` anywhere (so no round removes it)."""
    return (_classify_edge(line, lex, at_tail=True) is None and _classify_edge(line, lex, at_tail=False) is None
            and _anywhere_kind(line, lex) is None)


def find_boilerplate(text: str, ctx: Context) -> list[Finding]:
    """Find the site boilerplate at the head, the tail and (unmistakable lines) in between."""
    opts = ctx.options
    if opts:
        extra = opts.get("extra_lexicons")
        lex = load_lexicon(tuple(str(p) for p in extra) if extra else ())
        head_limit = int(opts.get("max_head_lines", MAX_HEAD_LINES))
        tail_limit = int(opts.get("max_tail_lines", MAX_TAIL_LINES))
    else:
        # the usual call: no settings, the lexicon from the data files
        lex = load_lexicon(())
        head_limit, tail_limit = MAX_HEAD_LINES, MAX_TAIL_LINES
    head, protect, final, walked = _peel_head(text, lex, head_limit)
    if protect < len(text):
        tail, tail_final = _peel_tail(text, lex, protect, tail_limit)
        final = final and tail_final
    else:
        tail = []
    found = head + tail
    taken = {f.start for f in found}

    def add(more: list[Finding]) -> None:
        if more:
            found.extend(more)
            taken.update(f.start for f in more)

    if not tail:   # a card the walk up stopped at: once it is gone, the next round walks on
        add(_account_card(text, lex, protect))

    add(_anywhere(text, lex, taken))
    menus, menus_settled = _menu_runs(text, lex, head[:walked], tail, taken, protect,
                                      min(head_limit, _MENU_MAX_LINES), min(tail_limit, _MENU_MAX_LINES))
    add(menus)
    settled_extra = len(menus) if menus_settled else 0
    if tail:   # the furniture holds chrome the tail walk knows: a page whose walk found none has none
        furniture, walked_out = _closing_furniture(text, lex, taken, protect, min(tail_limit, _FURNITURE_MAX_LINES))
        add(furniture)
        final = final and not walked_out
    inside = lex.inside_head.first(text, 0) <= len(text)  # most pages: one scan, none of these
    if inside or "尽在" in text or "盡在" in text:  # an app slogan need not open its line
        add(_player_and_app_lines(text, taken))
    if inside:
        add(_comment_section(text, lex, taken, protect))
        add(_related_blocks_inside(text, lex, taken, protect))
        if lex.rare_starts.first(text, 0) <= len(text):
            add(_labelled_counters(text, taken))
            add(_catalogue_tables(text, taken))
        if may_hold_contents(text):
            add([Finding("B117", a, b, "", reason) for a, b, reason in contents_findings(text) if a not in taken])
    if _GALLERY_HINT.search(text) is not None:
        add(_gallery_counters(text, taken))
    if "【" in text:
        add(_bracketed_promos(text, lex, taken, protect))
    ctx.state[_FINAL] = final and len(found) == len(head) + len(tail) + settled_extra
    return found


#: an account's card under the prompt to scan its QR code at the end of a
#: post: its name, its ID, its slogan ("茶山笔记", "一山一茶，一人一味。")
_CARD_LINES = 3
_CARD_CHARS = 24
_QR_PROMPT = patterncache.compile(r"(?:长按|長按|扫描|掃描|识别|識別|扫码|掃碼|扫一扫|掃一掃)[^\n。，,]{0,8}(?:关注|關注)")
_CARD_PROMPT_CHARS = 24
#: how far from the end the prompt may stand (the card's lines, blank lines between)
_CARD_REACH = 400


def _account_card(text: str, lex: Lexicon, protect: int) -> list[Finding]:
    """The account's card at the end of a post, under its QR prompt (长按二维码关注):
    a few short lines, the prompt right above them.  The walk up from the
    end stops at the card's slogan, a sentence; once the card is gone, it
    goes on from the prompt."""
    reach = max(protect, len(text) - _CARD_REACH)
    if text.find("关注", reach) < 0 and text.find("關注", reach) < 0:
        return []   # most pages: no prompt to follow near the end
    rows = []
    for row in nonblank_backward(text, len(text), protect):
        c = row[2]
        if len(rows) > _CARD_LINES:
            return []
        if rows and len(c) <= _CARD_PROMPT_CHARS and _QR_PROMPT.search(c) is not None:
            hit = _classify_edge(c, lex, at_tail=True)
            if hit is not None and hit[0] == "B110":
                return [Finding("B110", s, e, "", f"the account's card under its QR prompt: {card}")
                        for s, e, card in rows]
        if len(c) > _CARD_CHARS:
            return []
        rows.append(row)
    return []


#: the longest promotion the site sets in its brackets between two paragraphs
_BRACKETED_PROMO_CHARS = 50


def _bracketed_promos(text: str, lex: Lexicon, taken, protect: int) -> list[Finding]:
    """A promotion the site sets in its brackets on a line of its own between
    the text's paragraphs: 【下载红星新闻APP，看更多深度报道】 (an app or an
    account, as at the tail)."""
    found = []
    at = text.find("【", protect)
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        nl = text.find("\n", at)
        stop = len(text) if nl < 0 else nl
        line = text[start:stop].strip(EDGE_SPACE)
        if (start not in taken and line.startswith("【") and line.endswith("】")
                and len(line) <= _BRACKETED_PROMO_CHARS and line.count("【") == 1):
            promo = _promo(line, lex, at_tail=True)
            if promo is not None:
                found.append(Finding("B110", start, stop + 1 if nl >= 0 else stop, "",
                                     f"a promotion in the site's brackets inside the text: {promo}"))
        at = text.find("【", stop)
    return found


#: the furniture below a blog's or a forum's text: sidebars, archives, tag and
#: ranking lists, short lines among the site's chrome (see _closing_furniture)
_FURNITURE_MAX_LINES = 60
_FURNITURE_LINE_CHARS = 40
_FURNITURE_MIN_KNOWN = 3
_FURNITURE_SHARE = 0.34
#: unknown lines in a row that end the walk up
_FURNITURE_GAP = 6
#: an item of a blog's sidebar lists: a post or a category with its count
#: ("1. MySQL 索引失效的几种常见情况(8732)", "Java(23)", "2022年11月(3)"),
#: a latest comment's link ("1. Re:标题") or its author ("--路人甲")
_SIDEBAR_ITEM = patterncache.compile(r"(?:\d{1,2}[.、．][ \t]*)?[^\n]{1,60}?[(（]\d[\d,]*[)）]"
                           r"|(?:\d{1,2}[.、．][ \t]*)?Re[:：][^\n]{1,60}|--[ \t]*[^\s。，！？]{1,16}")


#: the roles of a text's makers: credits in round brackets that name one are the text's own
_AUTHOR_ROLE = patterncache.compile("撰稿|供稿|摄影|攝影|文字|图片|圖片|记者|記者|通讯员|通訊員|作者|[（(](?:文|图|圖)[:：]")


def _credits(c: str, lex: Lexicon) -> bool:
    """An article's own credits, part of its text: roles with names in round
    brackets ("（供稿：心血管内科　撰稿：曾丽萍）") or in a bar ("文字 | 李小满  图片 | 周舟")."""
    if c[:1] in "（(" and c[-1:] in "）)":
        return _AUTHOR_ROLE.search(c) is not None
    if any(p in c for p in _PIPES):
        items = [i.strip(EDGE_SPACE) for i in _BAR_SPLIT.split(c)]
        return _credit_pairs([i for i in items if i], lex) >= 2
    return False


def _closing_furniture(text: str, lex: Lexicon, taken, protect: int, limit: int) -> tuple[list[Finding], bool]:
    """The short lines among the site's chrome at the end of the page.

    Blogs and forums close with blocks the tail walk cannot name line by line
    (an archive by month, a ranking list, a sidebar's titles and counts),
    mixed with lines it knows (headers, buttons, a copyright line).  Walking
    up from the end over short lines with no sentence in them, the block is
    the part from a known line down that holds enough known lines (three,
    and a third of its lines); its unknown lines go with it.  The walk stops
    at a sentence (the text, or a comment), a long line, or a run of unknown
    lines; a line right under the text is never the top of the block unless
    it is chrome itself.  Returns the findings and whether the walk ran into
    its ``limit`` of lines (a later round, over less chrome, may see further).
    """
    rows = []
    known_at = []
    gap = 0
    walked_out = False
    for row in nonblank_backward(text, len(text), protect):
        s, _e, c = row
        if len(rows) >= limit:
            walked_out = True
            break
        if s in taken:
            known = True
        elif len(c) <= _MENU_CHROME_CHARS and _SIDEBAR_ITEM.fullmatch(c):
            known = True   # an item of a sidebar's list: a post with its count, a month's archive, a comment's link
        else:
            if len(c) > _FURNITURE_LINE_CHARS or has_sentence_end(c) or _credits(c, lex):
                break   # a sentence, or the article's credits the tail walk left (文字 | 李小满  图片 | 周舟)
            hit = _classify_edge(c, lex, at_tail=True)
            known = hit is not None and hit[2] in ("D", "C")
        rows.append(row)
        if known:
            known_at.append(len(rows) - 1)
            gap = 0
        else:
            gap += 1
            if gap >= _FURNITURE_GAP:
                break
    # the highest known line whose block holds enough known lines
    best = None
    for n, k in enumerate(known_at):
        count = n + 1
        if count >= _FURNITURE_MIN_KNOWN and count >= _FURNITURE_SHARE * (k + 1):
            best = k
    if best is None:
        return [], walked_out
    return [Finding("B111", s, e, "", f"short line among the chrome at the end of the page: {c}")
            for s, e, c in rows[:best + 1] if s not in taken], walked_out


#: a site's menu scraped one item per line: a run of short lines at the head or
#: the tail, at least this many of them (and this share) menu or UI words
_MENU_MIN_KNOWN = 3
_MENU_SHARE = 0.34
_MENU_LINE_CHARS = 16
_MENU_MAX_LINES = 40
#: the longest line a menu walk classifies (a bar of items); past it, the walk stops
_MENU_CHROME_CHARS = 80


def _menu_run(rows, lex: Lexicon, taken, at_tail: bool, limit: int, seen: int = 0, count: int = 0) -> list:
    """The rows of ``rows`` (non-blank lines from an edge inwards, read as
    needed) that form the site's menu: the most that end on a known line with
    enough known lines among them; short unknown lines between known ones go
    with them.  ``seen`` lines nearer the edge, ``count`` of them known, were
    read before ``rows``."""
    run: list[tuple[int, int, str]] = []
    best = 0
    for row in rows:
        s, _e, c = row
        if seen + len(run) >= limit:
            break
        if s not in taken and len(c) > _MENU_CHROME_CHARS:
            break  # a long footer line beside a menu is the tail walk's
        if s in taken and c in _LONE_FOLLOW:
            break  # the author's follow button under the headline: the byline is above it
        hit = None if s in taken else _classify_edge(c, lex, at_tail)
        known = s in taken or (hit is not None and hit[2] == "D")  # site-owner and contact lines need a footer
        if not known and not _menu_filler(c):
            break
        if not known and not at_tail and seen == 0 and not run and len(c) > _BARE_SITE_NAME_CHARS and not c.isascii():
            break   # the first line of the page, not chrome and longer than a site's name: the headline
        run.append(row)
        if known:
            count += 1
            if count >= _MENU_MIN_KNOWN and count >= _MENU_SHARE * (seen + len(run)):
                best = len(run)
        if not at_tail and (hit[0] == "B112" if hit is not None else s in taken and _breadcrumb(c, lex)):
            break   # the section's path ends the site's chrome: the headline comes next
    return run[:best]


def _page_first_line(c: str, lex: Lexicon) -> bool:
    """The first line of a page that no menu starts with: not chrome, and
    longer than a site's name (a Latin name may be longer) or prose."""
    if _classify_edge(c, lex, False) is not None:
        return False
    return len(c) > (2 * _MENU_LINE_CHARS if c.isascii() else _BARE_SITE_NAME_CHARS) or _PROSE_MARKS.search(c) is not None


def _menu_filler(c: str) -> bool:
    """A line a menu may hold among its known items: short (a Latin name may
    be longer), no clause punctuation (a site's name, a date, a count)."""
    return len(c) <= (2 * _MENU_LINE_CHARS if c.isascii() else _MENU_LINE_CHARS) and not _PROSE_MARKS.search(c)


def _menu_stop(row, lex: Lexicon, taken, at_tail: bool) -> bool:
    """Whether a menu run cannot go on at ``row``: a long or prose line that is not chrome."""
    s, _e, c = row
    if s in taken or _menu_filler(c):
        return False
    return len(c) > _MENU_CHROME_CHARS or _classify_edge(c, lex, at_tail) is None


def _menu_runs(text: str, lex: Lexicon, head: list[Finding], tail: list[Finding], taken, protect: int,
               head_limit: int, tail_limit: int) -> tuple[list[Finding], bool]:
    """Findings for the site's menu scraped one item per line at the head
    (above the title) and at the tail (below the byline), read on from where
    the head and tail walks stopped; most pages open with their title and end
    with a paragraph, and one line tells.  Also whether the findings leave
    nothing for another round: a menu under the page's first line with the
    text's first paragraph right below it, and no menu at the tail."""
    found = []
    settled = True
    # the head walk took every line above the title
    pos = head[-1].end if head else 0  # the walk went down line by line
    first = line_after(text, pos)
    seen = count = len(head)
    if first is not None and first[0] not in taken and (
            not head or _PROSE_MARKS.search(first[2])) and _page_first_line(first[2], lex):
        # the first line left (the page's title, maybe with the site's name:
        # "标题 - 栏目 - 某某论坛") stays; a menu right under it must hold
        # enough known items of its own
        pos, seen, count = first[1], 1, 0
        first_line = first[2]
        first = line_after(text, pos)
    else:
        first_line = None
    if head and head[-1].code == "B112":
        first = None   # the section's path ended the site's chrome: the headline comes next
    if first is not None and not _menu_stop(first, lex, taken, False):
        run = _menu_run(nonblank_forward(text, pos), lex, taken, False, head_limit, seen, count)
        found += [Finding("B101", s, e, "", f"menu item at the head: {c}") for s, e, c in run if s not in taken]
        if found:
            below = line_after(text, run[-1][1])
            # the headline again ("<title>" above the menu, "<h1>" below it) or the text's first paragraph
            settled = first_line is not None and below is not None and (
                below[2] == first_line or (len(below[2]) >= _BODY_LINE_CHARS and has_sentence_end(below[2])))
    # the tail walk took the lines below its topmost finding, but for a stray line or two
    top = tail[-1].start if tail else len(text)  # the walk went up line by line
    last = line_before(text, top, protect)
    if last is not None and not _menu_stop(last, lex, taken, True):
        below = sum(1 for line in text[top:].split("\n") if line.strip(EDGE_SPACE)) if tail else 0
        run = _menu_run(nonblank_backward(text, top, protect), lex, taken, True, tail_limit, below, len(tail))
        more = [Finding("B101", s, e, "", f"menu item at the tail: {c}") for s, e, c in run if s not in taken]
        if more:
            found += more
            settled = False
    return found, settled


#: the words an account's follow prompts hold (see ``_PLAYER_OR_APP``)
_FOLLOW_WORDS = ("星标", "星標", "在看", "上方", "下方", "点击关注", "點擊關注", "扫码关注", "掃碼關注")
#: lines a page's video player or app banner leaves wherever it stood: the
#: player's clock ("00:00 / 03:12"), its loading notice, "open the app to see
#: more", an app slogan ("海量资讯…尽在某某APP"); each found from a word it holds
_PLAYER_OR_APP = (
    (("0:00",), "clock", "video player's clock",
     patterncache.compile(r"0?0:00(?::00)?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?")),  # as scraped, before it played
    (("加载中", "載入中", "正在加载", "正在載入"), "loading", "loading notice",
     patterncache.compile(r"(?:视频|視頻|内容|內容|页面|頁面|图片|圖片)?(?:正在(?:加载|載入)中?|加载中|載入中)[，,.。…\s]*"
                r"(?:请稍[候后]|請稍[候後])?[.。…]*")),
    (("大图", "大圖", "原图", "原圖", "放大"), "image", "image viewer link",
     patterncache.compile(r"(?:点击|點擊|点此|點此)(?:图片|圖片)?(?:查看|看)?(?:大图|大圖|原图|原圖|放大|高清大图|高清大圖)(?:查看)?")),
    (("打开", "打開"), "app", "app banner",
     patterncache.compile(r"(?:打开|打開)[^\n，,。！？]{1,16}?[，,]?\s*(?:查看|阅读|閱讀|看)(?:更多)?(?:精彩|高清)?"
                r"(?:图片|圖片|内容|內容|全文|视频|視頻)(?:\s*[>»›]+)?")),
    (("上一张", "下一张", "上一張", "下一張", "查看原图", "查看原圖"), "gallery", "photo gallery's buttons",
     patterncache.compile(r"(?:(?:上一张|下一张|上一張|下一張|查看原图|查看原圖|查看大图|查看大圖)[ \t\u3000]*){2,}")),
    (("倍速", "超清", "高清", "标清", "標清", "清晰度"), "player", "video player's controls",
     patterncache.compile(r"(?:(?:倍速|超清|高清|标清|標清|流畅|流暢|清晰度|全屏|退出全屏|静音|靜音|播放|暂停|暫停"
                r"|\d(?:\.\d{1,2})?[xX×]|(?:1080|720|480|360)[pP])[ \t\u3000:：]*){2,}")),
    (("尽在", "盡在"), "app", "app banner",
     patterncache.compile(r"[^\n。！？]{0,24}?(?:尽在|盡在)[^\n。！？，,]{1,16}?(?:APP|App|app|客户端|客戶端)")),
    # an account's prompts to follow it, star it or tap 在看: short lines, never a finished sentence
    (_FOLLOW_WORDS, "app", "prompt to follow the account",
     patterncache.compile(r"(?=[^\n]{2,40}$)(?:[^\n。]{0,24}(?:设为|設為)星[标標][^\n。]{0,20}"
                r"|[^\n。]{0,6}(?:点击|點擊|点|點)(?:上方|下方)[^\n。]{0,24}(?:关注|關注|卡片)[^\n。]{0,20}"
                r"|(?:点击|點擊|扫码|掃碼)(?:关注|關注)[^\n。]{0,30}"
                r"|[^\n。]{0,12}点个[“\"「]?在看[”\"」]?[^\n。]{0,6})")),
)
#: how the first three kinds start (a superset, for the one line-start scan that rules them out)
_PLAYER_OR_APP_STARTS = ("0:00", "00:00", "打开", "打開", "加载中", "載入中", "正在加载", "正在載入",
                         "视频加载", "視頻載入", "内容加载", "內容載入", "页面加载", "頁面載入",
                         "图片加载", "圖片載入", "图片正在", "圖片正在", "点击", "點擊", "点此", "點此",
                         # how an account's follow prompts open
                         "▲", "⭐", "👇", "设为星标", "設為星標", "觉得有用", "覺得有用", "觉得不错", "覺得不錯",
                         "喜欢就", "喜歡就", "记得点", "記得點", "别忘了", "別忘了", "点个", "點個",
                         # a player's controls
                         "倍速", "超清", "高清", "标清", "標清", "清晰度", "播放", "全屏",
                         # a photo gallery's buttons
                         "上一张", "下一张", "上一張", "下一張", "查看原图", "查看原圖",
                         "扫码关注", "掃碼關注")
#: the words those lines hold, for one scan of the text
_PLAYER_OR_APP_WORDS = patterncache.compile(_pattern(w for words, *_rest in _PLAYER_OR_APP for w in words))


def _player_and_app_lines(text: str, taken) -> list[Finding]:
    """Lines a video player or an app banner leaves inside the text (see ``_PLAYER_OR_APP``)."""
    found = []
    stop = -1
    for hit in _PLAYER_OR_APP_WORDS.finditer(text):
        if hit.start() < stop:
            continue  # a line already looked at
        start, stop = line_bounds(text, hit.start())
        if start in taken:
            continue
        line = text[start:stop].strip(" \t\u3000")
        for _words, kind, what, shape in _PLAYER_OR_APP:
            if shape.fullmatch(line):
                end = stop + 1 if stop < len(text) else stop
                found.append(Finding("B110" if kind == "app" else "B111", start, end, "",
                                     f"{what} inside the text: {line}"))
                break
    return found


#: a line that may be one (the pattern opens with a literal the search skips to)
_GALLERY_HINT = patterncache.compile(r"/[ \t]*\d{1,3}[ \t\u3000]*\n")
#: a photo gallery's counter alone on its line: "1/6", "5 / 6"
_GALLERY_COUNTER = patterncache.compile(r"^[ \t\u3000]*(\d{1,3})[ \t]*/[ \t]*(\d{1,3})[ \t\u3000]*$", re.M)


def _gallery_counters(text: str, taken) -> list[Finding]:
    """A photo gallery's counters (1/6 … 6/6), wherever they stand: two or more
    lines that are only ``n/N`` with the same ``N`` and ``n`` no greater (one
    such line may be a fraction the text gives)."""
    hits = [m for m in _GALLERY_COUNTER.finditer(text) if 0 < int(m.group(1)) <= int(m.group(2)) > 1]
    if len(hits) < 2:
        return []
    totals: dict[str, int] = {}
    for m in hits:
        totals[m.group(2)] = totals.get(m.group(2), 0) + 1
    found = []
    for m in hits:
        if totals[m.group(2)] >= 2 and m.start() not in taken:
            end = m.end() + 1 if m.end() < len(text) else m.end()
            found.append(Finding("B111", m.start(), end, "", f"photo gallery counter: {m.group(0).strip()}"))
    return found


def _labelled_counters(text: str, taken: set[int]) -> list[Finding]:
    """Lines that are only a page counter with its label (浏览次数：1045), wherever they stand."""
    if _COUNTER_LINE_START.search(text) is None and _LABELLED_COUNTER.match(text.lstrip(EDGE_SPACE)) is None:
        return []
    found = []
    for m in _LABELLED_COUNTER_LINES.finditer(text):
        start = m.start()
        if start in taken:
            continue
        end = m.end() + 1 if m.end() < len(text) else m.end()
        found.append(Finding("B111", start, end, "", f"counter line: {m.group(1).strip()}"))
    return found


def _catalogue_tables(text: str, taken) -> list[Finding]:
    """Findings for the lines of catalogue metadata tables (see :mod:`.catalog`)."""
    found = []
    for start, end, labels in catalog_blocks(text):
        if start not in taken:
            what = "、".join(labels) if labels else "a value"
            found.append(Finding("B115", start, end, "", f"catalogue metadata table: {what}"))
    return found


_FINAL = "boilerplate-final"


def settled(found: list[Finding], ctx: Context) -> bool:
    """Whether the round that found ``found`` leaves nothing for another.

    Every decision but three is made on a line's own content: a second round
    meets the same lines without those removed, and removes none.  Those
    three depend on the lines around, and a round with any of them is looked
    at again: a line under the title that went (the title's next line
    changes), a walk cut short by its line limit, and a line removed in the
    middle (a neighbour of the head, the tail or a link block).  A tail cut
    where a site-owner or contact line may not go stays cut, since a second
    round sees fewer kinds of boilerplate beside it, never more.
    ``test_boilerplate`` checks the claim on every fixture and on generated
    pages."""
    return bool(ctx.state.get(_FINAL))


DETECTOR = Detector(
    name="boilerplate",
    prefix="B",
    summary="Site boilerplate: navigation, greetings, font controls, share widgets, related links, footers, editorial chain.",
    rules=RULES,
    find=find_boilerplate,
    repeat=True,
    settled=settled,
)
