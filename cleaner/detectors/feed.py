"""Social-feed detector (F): feed UI chrome, recommendation blocks, short links.

Weibo, WeChat, forum and comment-section pages leave their interface in the
text: button rows (``发布 👍 0 举报 写留言``), counters (``转发 12 评论 3``),
``展开全文``, forum header lines (``发信站: …``), recommendation blocks
(``热门推荐`` followed by truncated, bulleted posts) and ``t.cn`` short links.

Nothing is decided by one string.  A line is chrome only when *every* token on
it is a UI word, an icon or a counter, and it carries enough of them; a lone
UI word (``分享``) goes only next to other chrome.  A recommendation header
goes only with the block under it: at least two items that look like feed
snippets (bullets, hashtags ``#…#``, ``[超话]``, emoji codes ``[哈哈]``,
truncated endings), or when nothing but such items follows it to the end of
the page.  Short links go only from a page that shows other feed signals.

The word lists live in ``cleaner/data/feed/*.txt`` (simplified and
traditional); ``options["extra_<list>"]`` (a path or list of paths) adds
words, e.g. ``extra_recommend = ["my_headers.txt"]``.

Most pages carry no feed chrome at all, so they are settled by a few
whole-text scans in C, with no Python loop over their lines: a short-link
host, whole lines with no prose punctuation that hold a UI word, lines that
open with a forum opener, and ``#``/``[`` for the feed signals.  Only a page
that passes one of them gets the line-by-line analysis.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from itertools import accumulate, count, pairwise
from operator import add
from pathlib import Path

from .. import patterncache
from ..findings import Finding
from ..linetools import ANNOUNCING_COLONS, EDGE_SPACE, is_counted_comment_header
from .base import Context, Detector, Rule

#: white space a line is judged without: what str.strip() takes, and the
#: zero-width characters and BOM the white-space detector strips from line edges
_BLANKS = EDGE_SPACE + "\n\x1c\x1d\x1e\x1f"

RULES = (
    Rule("F101", "feed-chrome-line", "A line made only of feed UI words, icons and counters.",
         "发布 👍 0 举报 写留言 → (removed)"),
    Rule("F102", "recommendation-block", "A recommendation header with the unrelated posts listed under it.",
         "热门推荐 / • 帖子摘要… → (removed)"),
    Rule("F103", "feed-counters-tail", "A run of counters at the end of a post line.",
         "正文 转发 12 评论 3 赞 45 → 正文"),
    Rule("F104", "short-link", "A short link (t.cn, …) in a page with feed signals.",
         "正文https://t.cn/AbC12 → 正文"),
    Rule("F105", "forum-header-line", "A forum header/footer line (poster, board, origin).",
         "发信站: 某某社区 (Mon Jan 1 2024) → (removed)"),
    Rule("F106", "link-stub", "A scraped link/fold stub with its icon letter in a feed post.",
         "正文O网页链接 收起全文d → 正文"),
)

_LISTS = ("counters", "actions", "strong", "recommend", "bbs", "shortlinks")


def _read_words(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


#: the punctuation of ``_prose``: a line holding any of it is never chrome
_PROSE_PUNCT = "。,；;？！?!“”、"


def _char_class(chars) -> str:
    return "".join(re.escape(c) for c in sorted(set(chars)))


def _candidate_patterns(words) -> tuple[re.Pattern, re.Pattern]:
    """Patterns for whole lines that could be chrome or a recommendation header.

    Such a line holds no prose punctuation and holds a UI word, so it has at
    least one character that begins a UI word.  Both runs are possessive, so a
    line that fails (prose punctuation after the word) is given up at once
    instead of being retried character by character; that keeps the scan of
    a page of prose to a single quick pass.  The first pattern anchors on the
    newline before a line (a literal the search engine skips to quickly), the
    second one takes the first line of the text.
    """
    punct = _char_class(_PROSE_PUNCT)
    first = _char_class(w[0] for w in words if w)
    if not first:   # an empty lexicon: no line is a candidate
        never = patterncache.compile(r"(?!)")
        return never, never
    line = rf"[^\n{punct}{first}]*+[{first}][^\n{punct}]*+(?=\n|\Z)"
    return patterncache.compile(r"\n" + line), patterncache.compile(line)


def _any_word(words) -> str:
    """A pattern that finds where one of ``words`` occurs, its words grouped by
    first character (see :func:`patterncache.alternation`)."""
    return patterncache.alternation(w for w in words if w) or "(?!)"


def _common_suffix(words) -> str:
    """The longest string every word ends with (``""`` for no words)."""
    if not words:
        return ""
    first = min(words, key=len)
    n = len(first)
    while n and not all(w.endswith(first[len(first) - n:]) for w in words):
        n -= 1
    return first[len(first) - n:] if n else ""


def _shortlink_source(hosts) -> str:
    """A short link on one of ``hosts``, with its scheme if it has one
    (``https://t.cn/AbC12``); a link without one does not go on from a
    word or a longer host name (``not.cn/…``).

    Every alternative begins with a literal (the scheme or a host), so a
    search skips straight to the few places where a link can start; the
    test of the character before a bare host comes after the host.
    """
    tail = r"/[A-Za-z0-9_\-]+?(?=https?://|[^A-Za-z0-9_\-]|$)"
    alt = "|".join(re.escape(h) for h in hosts)
    if not hosts:
        return rf"(?:https?://)?(?<![A-Za-z0-9.])(?:{alt}){tail}"
    bare = "|".join(rf"{re.escape(h)}(?<![A-Za-z0-9.]{re.escape(h)}){tail}" for h in hosts)
    return rf"https?://(?:{alt}){tail}|{bare}"


@lru_cache(maxsize=1)
def _builtin() -> dict[str, tuple[str, ...]]:
    base = resources.files("cleaner.data").joinpath("feed")
    return {name: tuple(_read_words(base.joinpath(f"{name}.txt").read_text(encoding="utf-8")))
            for name in _LISTS}


class _Lexicon:
    def __init__(self, words: dict[str, tuple[str, ...]]):
        self.counters = frozenset(words["counters"])
        self.actions = frozenset(words["actions"])
        self.strong = frozenset(words["strong"])
        self.recommend = frozenset(words["recommend"])
        self.words = self.counters | self.actions | self.strong
        alt = "|".join(re.escape(w) for w in sorted(self.counters, key=patterncache.longest_first))
        self.counter_glued = patterncache.compile(
            rf"(?:{alt})[:：]?[(（]?\d[\d,.]*[万千wWkK]?\+?[)）]?")
        bbs = "|".join(re.escape(w) for w in sorted(words["bbs"], key=patterncache.longest_first))
        self.bbs = patterncache.compile(rf"(?:{bbs})\s*[:：]")
        self.hosts = tuple(h + "/" for h in words["shortlinks"])
        # what every short link holds (".cn/"): one scan rules out most pages
        self.host_hint = _common_suffix(self.hosts)
        self.shortlink = patterncache.compile(_shortlink_source(words["shortlinks"]))
        every = sorted(self.words | self.recommend | set(_ORIGIN_PREFIXES), key=patterncache.longest_first)
        self.any = patterncache.compile(_any_word(every))
        self.bbs_m = patterncache.compile(rf"(?m)^[ \t\u3000\u00a0]*(?:{bbs})\s*[:：]")
        # a tail starts with a blank or a separator; the lookahead lets the
        # search step over every other position without trying the counters
        self.tail_m = patterncache.compile(
            rf"(?=[ \t\u3000|｜·])(?:(?:[ \t\u3000]+|[ \t\u3000]*[|｜·][ \t\u3000]*)(?:{alt})[ \t]*[:：]?[ \t]*[(（]?\d[\d,.]*[万千wWkK]?\+?[)）]?){{2,}}[ \t\u3000]*$", re.M)
        self.tokens: dict[str, tuple[bool, int, bool, bool]] = {}
        self.line_kinds: dict[str, str] = {}
        # whole-text gates, one C-level pass each (see _chrome_candidates)
        self.candidate_rest, self.candidate_first = _candidate_patterns(every)
        # a forum line starts with its opener, after blanks at most; the
        # pattern may run over blank lines, which only lets more pages through.
        # No opener starts with a blank, so the blanks are taken possessively.
        self.bbs_rest = patterncache.compile(rf"\n[^\S\n]*+(?:{bbs})")
        self.bbs_first = patterncache.compile(rf"\s*+(?:{bbs})")
        # the cheaper first look: a line that starts with an opener's first character
        openers = _char_class(w[0] for w in words["bbs"] if w)
        self.bbs_hint = patterncache.compile(rf"\n[^\S\n]*+[{openers}]") if openers else self.bbs_rest


@lru_cache(maxsize=8)
def _lexicon(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> _Lexicon:
    words = {k: tuple(v) for k, v in _builtin().items()}
    for name, paths in extra:
        for p in paths:
            words[name] = words[name] + tuple(_read_words(Path(p).read_text(encoding="utf-8")))
    return _Lexicon(words)


def _lexicon_for(ctx: Context) -> _Lexicon:
    if not ctx.options:
        return _lexicon(())
    extra = []
    for name in _LISTS:
        val = ctx.options.get(f"extra_{name}") if ctx.options else None
        if val:
            extra.append((name, (val,) if isinstance(val, str) else tuple(val)))
    return _lexicon(tuple(extra))


#: what separates the tokens of a chrome row: blanks, pipes and the dots and
#: zero-width spaces platforms put between their buttons
_SPLIT = patterncache.compile(r"[\s|｜·・┊¦/，>›»\u200b\u200c\u2060]+")
_DATETIME = patterncache.compile(r"\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}:\d{2}(?::\d{2})?")
#: a count as a feed prints it ("1,203", "1.2万", "(3)", "999+"); "1." is a list item's number
_NUMBER = patterncache.compile(r"[(（]?\d(?:[\d,.]*\d)?[万千wWkK]?\+?[)）]?")
#: a list item's number in brackets at the start of a line: "(1) 充电"
_BRACKETED_ITEM = patterncache.compile(r"[(（]\d{1,2}[)）][ \t\u3000]")
_BULLET = patterncache.compile(r"[ \t\u3000\u00a0]*(?:[•·●▪◦▸►■□◆◇★☆▶\-*]|\d{1,2}[.、．)])[ \t\u3000\u00a0]*")
_HASHTAG = patterncache.compile(r"#[^#\s\n]{0,30}[\u4e00-\u9fff][^#\s\n]{0,30}#")
_EMOJI_CODE = patterncache.compile(r"\[[\u4e00-\u9fff]{1,5}\]")
_SUPERTOPIC = patterncache.compile(r"\[超[话話]\]")
#: prose punctuation (a comma between digits groups a figure's thousands: "关注者 3,241");
#: a class alone, so the search skips along the line without trying the ideographs' run
_PROSE_MARK = patterncache.compile(rf"[{_PROSE_PUNCT}]")
_IDEOGRAPH_RUN = patterncache.compile(r"[\u4e00-\u9fff]{12}")
#: prose without the commas that group a figure's thousands (tried only on a line with one)
_PROSE_NO_GROUPING = patterncache.compile(rf"[{_PROSE_PUNCT.replace(',', '')}]|(?<!\d),|,(?!\d)|[\u4e00-\u9fff]{{12}}")


def _prose(s: str) -> bool:
    """Does ``s`` hold prose punctuation or a long run of ideographs?

    A comma that groups a figure's thousands is no mark: a line whose first
    mark is a comma is searched again without those.
    """
    m = _PROSE_MARK.search(s)
    if m is None:
        return _IDEOGRAPH_RUN.search(s) is not None
    return m.group() != "," or _PROSE_NO_GROUPING.search(s) is not None
_LINK_TAIL = patterncache.compile(r"[A-Za-z0-9_\-]+?(?=https?://|[^A-Za-z0-9_\-]|$)")
_CHROME_KINDS = frozenset(("blank", "strong", "weak", "bbs", "header"))
_BBS_FIRST = frozenset("发發信※")
_COUNT_END_RE = patterncache.compile(r"[0-9)）+万千wWkK][ \t\u3000]*$", re.M)
# scraped Weibo stubs: the link icon renders as "O", the fold arrows as "d"/"c";
# a stub takes the blanks before it (see _stubs).  Every alternative starts
# with its own literal, so the search skips straight to "O", "收" or "展".
_FOLD_END = r"[dc](?=[ \t\u3000]*$|[ \t\u3000]*O)"
_STUB = patterncache.compile(
    rf"O(?:网页链接|網頁鏈接)|收起全文{_FOLD_END}|展开全文{_FOLD_END}|展開全文{_FOLD_END}", re.M)
_STUB_BLANKS = " \t\u3000"
_TERMINAL = set("。！？!?…”」』）)~～.")


@lru_cache(maxsize=4096)
def _is_icon_char(ch: str) -> bool:
    if ch in "\ufe0f\ufe0e\u200d\u20e3":
        return True
    cp = ord(ch)
    if 0x1F3FB <= cp <= 0x1F3FF:  # skin tones
        return True
    return unicodedata.category(ch) in ("So", "Sk", "Co")


def _strip_icons(s: str) -> tuple[str, bool]:
    i, j = 0, len(s)
    while i < j and _is_icon_char(s[i]):
        i += 1
    while j > i and _is_icon_char(s[j - 1]):
        j -= 1
    return s[i:j], (i > 0 or j < len(s))


# what a token of a candidate chrome line is (see _token_class)
_ICON_ONLY, _UI_WORD, _GLUED_COUNTER, _DATE, _BARE_NUMBER, _OTHER, _ORIGIN, _STAMP, _UNIT = range(9)
#: where a post or comment was sent from, as a feed prints it beside its time:
#: "来自四川", "来自iPhone客户端", "IP属地北京", "发布于 浙江"
_ORIGIN_PREFIXES = ("来自", "來自", "发布于", "發佈於", "發布於", "IP属地", "IP屬地")
_ORIGIN_RE = rf"(?:{'|'.join(_ORIGIN_PREFIXES)})(?:[\u4e00-\u9fff]{{2,3}}|[A-Za-z]{{2,12}}(?:客户端|客戶端)?|网页版|網頁版)"
_ORIGIN_TOKEN = patterncache.compile(_ORIGIN_RE)
#: a reply's place in a thread: "3楼", "#12", "12#"
_FLOOR = r"\d{1,5}[楼樓]|#\d{1,5}|\d{1,5}#"
#: a comment's stamp scraped without blanks between its parts:
#: "来自Android客户端1楼2023-09-10", "2楼2023-09-10"
_GLUED_STAMP = patterncache.compile(rf"(?:{_ORIGIN_RE}|{_FLOOR}|{_DATETIME.pattern})(?:{_ORIGIN_RE}|{_FLOOR}|{_DATETIME.pattern})+")
_FLOOR_TOKEN = patterncache.compile(_FLOOR)
#: "IP 属地北京", as some platforms space it
_SPACED_ORIGIN = patterncache.compile(r"IP[ \t\u3000]+(?=[属屬]地)")
#: a bare number's unit written apart from it: "1.3 万"
_UNITS = frozenset(("万", "萬", "千", "亿", "億", "w", "W", "k", "K"))
#: a counter word that also reports a vote: it makes a chrome row only beside other buttons
#: ("赞同 1208 63 条评论 分享", not "赞同 128" over "反对 12")
_VOTE_WORDS = frozenset(("赞同", "贊同"))
#: measure words a count puts before its UI word: "56 条评论", "126 个回答", "3 人赞同"
_MEASURES = frozenset("条條个個人次篇位则則")
#: tokens classified per lexicon, at most this many kept
_TOKEN_CACHE_SIZE = 20000
#: short lines judged per lexicon, at most this many kept
_LINE_CACHE_SIZE = 20000


def _token_class(tok: str, lex: _Lexicon) -> tuple[bool, int, bool, bool]:
    """(icon attached, class, strong word, counter word) for one token.

    Chrome rows repeat the same few tokens page after page, so the answer is
    kept per lexicon instead of stripping icons and trying the patterns again.
    """
    known = lex.tokens.get(tok)
    if known is not None:
        return known
    core, had_icon = _strip_icons(tok)
    if not core:
        cls = (had_icon, _ICON_ONLY, False, False)
    elif core in lex.words:
        cls = (had_icon, _UI_WORD, core in lex.strong, core in lex.counters)
    elif lex.counter_glued.fullmatch(core):
        cls = (had_icon, _GLUED_COUNTER, False, False)
    elif core.isdecimal():
        # digits alone (str.isdecimal is what ``\d`` takes): every date, floor
        # and origin holds some other character, and every such run is a ``_NUMBER``
        cls = (had_icon, _BARE_NUMBER, False, False)
    elif _DATETIME.fullmatch(core) or _FLOOR_TOKEN.fullmatch(core):
        cls = (had_icon, _DATE, False, False)
    elif _ORIGIN_TOKEN.fullmatch(core):
        cls = (had_icon, _ORIGIN, False, False)
    elif _NUMBER.fullmatch(core):
        cls = (had_icon, _BARE_NUMBER, False, False)
    elif core in _UNITS:
        cls = (had_icon, _UNIT, False, False)
    elif len(core) > 2 and core[0] in _MEASURES and core[1:] in lex.counters:
        cls = (had_icon, _UI_WORD, False, True)   # "条评论" after its count
    elif len(core) > 3 and core[0] in _UNITS and core[1] in _MEASURES and core[2:] in lex.counters:
        cls = (had_icon, _UI_WORD, False, True)   # "万人赞同了该回答" after "1.2"
    elif len(core) > 2 and core[0] in "[【" and core[-1] in "]】" and core[1:-1] in lex.words:
        cls = (had_icon, _UI_WORD, core[1:-1] in lex.strong, core[1:-1] in lex.counters)   # "[回复]"
    elif _GLUED_STAMP.fullmatch(core):
        cls = (had_icon, _STAMP if _ORIGIN_TOKEN.search(core) else _DATE, False, False)
    else:
        cls = (had_icon, _OTHER, False, False)
    if len(lex.tokens) >= _TOKEN_CACHE_SIZE:
        lex.tokens.clear()
    lex.tokens[tok] = cls
    return cls


def _chrome_kind(line: str, lex: _Lexicon) -> str:
    """``"strong"``, ``"weak"`` or ``""`` for one line."""
    body = line.strip(_BLANKS)
    if not body or len(body) > 80:
        return ""
    if body in ("--", "——"):   # signature separator: chrome only next to chrome
        return "weak"
    if ".cn/" in body:   # a short link is neither content nor chrome: judge the rest
        body = lex.shortlink.sub(" ", body).strip(_BLANKS)
        if not body:
            return ""
    if "IP" in body:
        body = _SPACED_ORIGIN.sub("IP", body)
    if body[0] in "(（" and _BRACKETED_ITEM.match(body):
        return ""   # an item of a numbered list, not a count
    words = counted = icons = strong = dates = origins = votes = 0
    prev_ok_for_number = after_count = pending = False
    known = lex.tokens.get
    for tok in _SPLIT.split(body):
        if not tok:
            continue
        had_icon, cls, is_strong, is_counter = known(tok) or _token_class(tok, lex)
        if pending and not (cls == _UI_WORD and is_counter) and cls != _UNIT:
            return ""   # a number that no UI word counts
        if had_icon:
            icons += 1
        if cls == _UNIT:
            if not (after_count or pending):
                return ""
            continue   # the unit of the count before it: "1.3 万"
        after_count = False
        if cls == _ICON_ONLY:
            prev_ok_for_number = True
        elif cls == _UI_WORD:
            words += 1
            strong += is_strong
            votes += tok in _VOTE_WORDS
            if pending and is_counter:   # "56 条评论", "1203 赞"
                counted += 1
                pending = prev_ok_for_number = False
            else:
                prev_ok_for_number = is_counter or had_icon
        elif cls == _GLUED_COUNTER:
            words += 1
            counted += 1
            prev_ok_for_number = False
            after_count = True
        elif cls == _DATE:
            dates += 1
        elif cls == _ORIGIN or cls == _STAMP:
            origins += 1
            dates += cls == _STAMP
            prev_ok_for_number = False
        elif cls == _BARE_NUMBER:
            if prev_ok_for_number or had_icon:
                counted += 1
                prev_ok_for_number = False
                after_count = True
            else:
                pending = True   # counted only by a UI word right after it
        else:
            return ""
    if pending or (votes and votes == words and not strong):
        return ""   # a count no word takes, or a vote's result ("赞同 128")
    if strong or words >= 2 + (dates > 0) or (words and counted) or (icons and counted and words):
        return "strong"
    if dates and origins:  # a post's or comment's time and where it was sent from
        return "strong"
    if words or (icons and counted):
        return "weak"
    return ""


def _header(line: str, lex: _Lexicon) -> bool:
    core, _ = _strip_icons(line.strip(_BLANKS).strip("【】[]「」<>《》:：|｜-—=_ \t\u3000"))
    core = core.strip("【】[]「」:： ")
    return core in lex.recommend


def _signals(line: str) -> int:
    return (bool(_HASHTAG.search(line)) + bool(_SUPERTOPIC.search(line))
            + (len(_EMOJI_CODE.findall(line)) >= 1))


def _item_like(line: str) -> tuple[bool, bool, bool]:
    """(bullet, truncated, feed-signal) for a candidate block item."""
    s = line.strip(_BLANKS)
    bullet = bool(_BULLET.match(line)) and len(s) > 2
    truncated = bool(s) and s[-1] not in _TERMINAL
    return bullet, truncated, _signals(s) > 0


def _may_have_forum_line(text: str, lex: _Lexicon) -> bool:
    """Does any line start with a forum opener (``发信人``, ``※ 来源``)?"""
    if lex.bbs_first.match(text):
        return True
    return bool(lex.bbs_hint.search(text) and lex.bbs_rest.search(text))


def _has_short_link(text: str, lex: _Lexicon) -> bool:
    """Does the text name a short-link host (``t.cn/``)?"""
    return lex.host_hint in text and any(h in text for h in lex.hosts)


def _special_line(line: str, lex: _Lexicon) -> bool:
    """One line of the quick chrome scan: short, no prose, chrome or a header."""
    if len(line) > 90:
        return False
    return _line_kind(line, lex) in ("strong", "weak", "header")


def _chrome_candidates(text: str, lex: _Lexicon) -> list[str]:
    """Every line with no prose punctuation that holds a UI or header word.

    Any line the block analysis can call chrome or a header is among them,
    and so is any line the quick chrome scan accepts.  Most prose lines are
    rejected by the C-level pattern alone; only the few survivors are
    searched for the words themselves, joined into one string.
    """
    lines = lex.candidate_rest.findall(text)
    m = lex.candidate_first.match(text)
    if m:
        lines.append("\n" + m.group())
    if not lines:
        return []
    joined = "".join(lines)
    out = []
    pos = 0
    search = lex.any.search
    while True:
        m = search(joined, pos)
        if m is None:
            return out
        a = joined.rfind("\n", 0, m.start()) + 1
        b = joined.find("\n", m.end())
        if b < 0:
            b = len(joined)
        out.append(joined[a:b])
        pos = b


def _has_special_line(text: str, lex: _Lexicon, candidates: list[str] | None = None) -> bool:
    """Is there any chrome, header or forum line at all?

    This decides whether the page gets the block analysis; a chrome line has
    no prose punctuation and holds a UI word, so only the candidate lines
    need to be looked at.
    """
    if _may_have_forum_line(text, lex) and lex.bbs_m.search(text):
        return True
    if candidates is None:
        candidates = _chrome_candidates(text, lex)
    return any(_special_line(line, lex) for line in candidates)


def _feed_signals(text: str) -> bool:
    # every signal needs "#" or "[": one fast scan for each rules out most pages
    if "#" not in text and "[" not in text:
        return False
    return bool(_HASHTAG.search(text) or _SUPERTOPIC.search(text)
                or len(_EMOJI_CODE.findall(text)) >= 2)


def _may_have_blocks(text: str, lex: _Lexicon, candidates: list[str]) -> bool:
    """Could the block analysis remove anything?  Only chrome, forum and
    header lines start a removal; weak lines go only next to them."""
    pieces = None   # whether a lone word may be one piece of a row scraped one token per line
    for line in candidates:
        kind = _line_kind(line, lex)
        if kind == "strong" or kind == "header":
            return True
        if kind == "weak" and len(line.strip(_BLANKS)) <= _PIECE_MAX:
            if pieces is None:
                pieces = _FIGURE_LINE.search(text) is not None or (":" in text and _CLOCK.search(text) is not None)
            if pieces:
                return True
    return _may_have_forum_line(text, lex)


def find_feed(text: str, ctx: Context) -> list[Finding]:
    """The block analysis for a page with short links or with a line that
    could start a removal (and shows chrome at all); otherwise only the
    counters tails and stubs of a post with feed signals."""
    lex = _lexicon_for(ctx)
    if _has_short_link(text, lex):
        return _find_blocks(text, lex, ctx)
    candidates = _chrome_candidates(text, lex)
    special = None   # any chrome-looking line at all; worked out only when needed
    if _may_have_blocks(text, lex, candidates):
        special = _has_special_line(text, lex, candidates)
        if special:
            return _find_blocks(text, lex, ctx)
    # no chrome lines: only a post with feed signals can lose its counters
    # tail or link stubs
    if not _feed_signals(text):
        return []
    findings = _inline(text, lex, None, None, None)
    if findings:
        if special is None:
            special = _has_special_line(text, lex, candidates)
        if special:
            # the block analysis would have run (and found only these): the
            # page is marked as a feed page just the same
            ctx.state["feed"] = True
    return findings


def _stubs(text: str):
    """Spans of link/fold stubs, each with the blanks before it.

    The stub itself is searched for (its first character is a cheap anchor)
    and the blanks are taken afterwards, back to the end of the stub before;
    a pattern that began with the optional blanks would be tried at every
    position of the text.
    """
    floor = 0
    for m in _STUB.finditer(text):
        a = m.start()
        while a > floor and text[a - 1] in _STUB_BLANKS:
            a -= 1
        floor = m.end()
        yield a, floor


def _inline(text, lex, lines, spans, removed) -> list[Finding]:
    findings: list[Finding] = []
    if lines is None:
        lines, spans = _split_lines(text)
        removed = [False] * len(lines)
    starts = [a for a, _b in spans]
    for e in _COUNT_END_RE.finditer(text):
        i = bisect.bisect_right(starts, e.start()) - 1
        if removed[i]:
            continue
        line_end = e.end()
        m = lex.tail_m.search(text, max(starts[i], line_end - 80), line_end)
        if m and m.start() > starts[i] and text[starts[i]:m.start()].strip():
            findings.append(Finding("F103", m.start(), m.end(), "", "counters at the end of a post"))
    if "O网" in text or "O網" in text or "全文" in text:
        for a, b in _stubs(text):
            i = bisect.bisect_right(starts, a) - 1
            if not removed[i] and text[starts[i]:a].strip():
                findings.append(Finding("F106", a, b, "", "link/fold stub in a feed post"))
    for host in lex.hosts:
        pos = text.find(host)
        while pos >= 0:
            m = _LINK_TAIL.match(text, pos + len(host))
            nxt = text.find(host, pos + 1)
            if m and (pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == ".")):
                a = pos
                for scheme in ("https://", "http://"):
                    if text.startswith(scheme, a - len(scheme)):
                        a -= len(scheme)
                        break
                if a == pos and pos > 0 and text[pos - 1] in "/:":
                    pos = nxt
                    continue
                i = bisect.bisect_right(starts, a) - 1
                if not removed[i]:
                    while a > starts[i] and text[a - 1] in " \t":
                        a -= 1
                    findings.append(Finding("F104", a, m.end(), "", "short link in a feed post"))
            pos = nxt
    return findings


def _line_kind(line: str, lex: _Lexicon) -> str:
    """``blank``, ``strong``, ``weak``, ``header``, ``bbs`` or ``""``.

    Short lines are remembered per lexicon: feed pages repeat the same
    chrome rows (``评论``, ``发布 👍 0 举报 写留言``) over and over.
    """
    if len(line) > 100:
        return _judge_line(line, lex)
    kind = lex.line_kinds.get(line)
    if kind is None:
        if len(lex.line_kinds) >= _LINE_CACHE_SIZE:
            lex.line_kinds.clear()
        kind = lex.line_kinds[line] = _judge_line(line, lex)
    return kind


#: a thread's prompt to open more replies: "共12条回复, 点击查看", "展开其余 3 条回复", "查看其他 3 則回覆"
#: (a count alone, "共 328 条评论", heads a comment section: see the boilerplate detector)
_COUNTED_REPLIES = r"[ \t]*\d[\d,]*[ \t]*[条條則个個][ \t]*(?:回复|回覆|评论|評論|留言|回帖|回应|回應|回答)[ \t]*"
#: a link to another question with its count of answers: "在家办公如何保持高效？ 312 个回答"
_QUESTION_LINK = patterncache.compile(r"[^\n]{2,60}?[ \t\u3000]+\d[\d,]*[ \t]*[个個]回答")
_THREAD_PROMPT = patterncache.compile(
    rf"(?:还有|還有|展开其余|展開其餘|展开|展開|查看其他|查看全部|查看){_COUNTED_REPLIES}[>›]?"
    rf"|(?:共|还有|還有)?{_COUNTED_REPLIES}[,，]?[ \t]*(?:点击查看|點擊查看|展开|展開|查看)[ \t]*[>›]?")
_PROMPT_ENDS = frozenset("复覆论論言帖应應看开開>›")


def _is_prompt(s: str) -> bool:
    """Is the stripped line ``s`` a prompt to open more replies?"""
    return len(s) <= 30 and s[-1] in _PROMPT_ENDS and _THREAD_PROMPT.fullmatch(s) is not None


#: a platform's badge for its writers and an official account's card lines;
#: a fold prompt with its share ("展开剩余68%")
_ACCOUNT_CARD = patterncache.compile(r"(?:(?:头条号|頭條號|百家号|百家號)[ \t]*[·•・][ \t]*)?(?:优质|優質)?[\u4e00-\u9fff]{2,6}(?:领域创作者|領域創作者)"
                           r"|(?:微信号|微信號|快手号|快手號|小红书号|小紅書號|抖音号|抖音號)[ \t:：]*[A-Za-z0-9][\w.-]{3,30}"
                           r"|(?:展开剩余|展開剩餘)[ \t]*\d{1,2}%|(?:展开全文|展開全文)[∨﹀vV]"
                           # the collections an account filed the post under, with their sizes
                           r"|(?:收录于合集|收錄於合集|收录于话题|收錄於話題)[ \t]*(?:#[^\s#]{1,20}[ \t]*)+(?:\d+[ \t]*[个個])?"
                           r"|(?:#[^\s#]{1,20}[ \t]*\d+[ \t]*[个個][ \t]*)+")

#: how each shape of ``_ACCOUNT_CARD`` but the badge begins: "微信号", "快手号", "小红书号",
#: "抖音号", "展开", "收录于", "#"
_ACCOUNT_CARD_FIRSTS = frozenset("微快小抖展收#")


def _may_be_account_card(s: str) -> bool:
    """A quick necessary condition of ``_ACCOUNT_CARD``: the badge ends with
    "创作者", every other shape begins with one of ``_ACCOUNT_CARD_FIRSTS``."""
    return s[0] in _ACCOUNT_CARD_FIRSTS or s.endswith(("创作者", "創作者"))


#: a forum's notes on a post: who edited it last, and which post a reply answers
#: ("本帖最后由 某某 于 2024-2-26 20:31 编辑", "回复 2# 某某 的帖子")
_FORUM_NOTE = patterncache.compile(r"(?:本帖最后由|本帖最後由)[ \t]*\S{1,20}[ \t]*(?:于|於)[ \t]*"
                         r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ \t]*(?:\d{1,2}:\d{2}(?::\d{2})?)?[ \t]*(?:编辑|編輯)"
                         r"|(?:回复|回覆)[ \t]*\d{1,5}[#楼樓][ \t]*\S{1,20}[ \t]*的(?:帖子|帖)"
                         r"|(?:原帖由)[ \t]*\S{1,20}[ \t]*(?:于|於)[ \t]*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ \t]*(?:\d{1,2}:\d{2}(?::\d{2})?)?[ \t]*(?:发表|發表)")


#: a poster's name with the forum's mark of whether they are online, and the buttons after it
_PRESENCE = patterncache.compile(r"[^\s]{1,20}[ \t\u3000]+(?:当前|當前|目前)(?:离线|離線|在线|在線|線上)"
                                 r"(?:[ \t\u3000|｜]+(?:引用回覆|引用回复|快速回覆|快速回复|引用|回覆|回复|举报|舉報|檢舉))*")


def _presence(s: str) -> bool:
    """A poster's name with its presence mark (see ``_PRESENCE``), ``s`` stripped."""
    # every mark holds "前" ("当前", "目前"): one scan rules out most lines
    return len(s) <= 50 and "前" in s and ("离线" in s or "離線" in s or "在线" in s or "在線" in s or "線上" in s) \
        and _PRESENCE.fullmatch(s) is not None


#: a post's up and down votes in brackets, before its buttons ("[0] [0] 引用 回复")
_VOTE_COUNTS = patterncache.compile(r"(?:\[\d{1,6}\][ \t]*){1,3}")
#: a post's floor in brackets with its poster's name: "[楼主] 云游的旅行者", "[12楼] 咸鱼不翻身"
_FLOOR_AND_NAME = patterncache.compile(r"\[(?:楼主|樓主|\d{1,5}[楼樓])\][ \t]*[^\s]{1,20}")
#: a poster's figures, each number before its label: "8 主题 97 帖子 412 积分"
_COUNTED_FIELDS = patterncache.compile(r"(?:\d[\d,.]*[万萬]?[ \t]*(?:主题|主題|帖子|积分|積分|精华|精華|威望|金钱|金錢|回帖|发帖|發帖"
                                       r"|粉丝|粉絲|关注|關注|好友|听众|聽眾|收听|收聽)[ \t\u3000|｜]*){2,}")
#: a vBulletin post's stamp, its old/new mark before the date: "舊 2019-05-14, 10:21 PM"
_OLD_POST_STAMP = patterncache.compile(r"(?:舊|旧|新)[ \t]+\d{4}-\d{1,2}-\d{1,2},?[ \t]*\d{1,2}:\d{2}(?:[ \t]*(?:AM|PM|am|pm))?")
#: the head a forum puts over a quoted post: its poster and when it was posted
_QUOTE_HEADER = patterncache.compile(r"[^\s:：]{1,20}[ \t\u3000]+(?:发表于|發表於)[ \t]*"
                                     r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ \t]+\d{1,2}:\d{2}(?::\d{2})?")
#: the buttons of a forum's reply editor, read out as words: four or more of them
_TOOLBAR_WORDS = ("B", "I", "U", "Color", "Colour", "Image", "Img", "Link", "Url", "URL", "Quote", "Code", "Smilies",
                  "Smiley", "Emoticons", "Font", "Size", "Bold", "Italic", "Underline", "Media", "Attach", "Flash",
                  "加粗", "斜体", "斜體", "下划线", "下劃線", "字体颜色", "字體顏色", "字体大小", "字體大小", "图片", "圖片",
                  "链接", "鏈接", "連結", "引用", "代码", "代碼", "表情", "附件", "视频", "視頻", "音乐", "音樂")
_TOOLBAR_WORD = "|".join(sorted(_TOOLBAR_WORDS, key=patterncache.longest_first))
_EDITOR_TOOLBAR = patterncache.compile(rf"(?:{_TOOLBAR_WORD})(?:[ \t\u3000|｜]+(?:{_TOOLBAR_WORD})){{3,}}")
_TOOLBAR_FIRSTS = frozenset(w[0] for w in _TOOLBAR_WORDS)


def _judge_line(line: str, lex: _Lexicon) -> str:
    s = line.strip(_BLANKS)
    if len(s) <= 16 and is_counted_comment_header(s):
        return ""   # the boilerplate detector's when a thread stands under it (see _section_headers_without_thread)
    if ".cn/" in s:   # judge the line as it will be once its short links go
        s = lex.shortlink.sub("", s).strip(_BLANKS)
    if not s:
        return "blank"
    if len(s) <= 80 and not _prose(s):
        k = _chrome_kind(s, lex)
        if k:
            return k
        if len(s) <= 30 and _header(s, lex):
            return "header"
    if s[0] in _BBS_FIRST and len(s) <= 160 and lex.bbs.match(s):
        return "bbs"
    if len(s) <= 40 and _is_prompt(s):
        return "strong"
    if "两下取消" in s or "兩下取消" in s:
        return "strong"   # a WeChat page's button labels read out for screen readers
    if len(s) <= 40 and _may_be_account_card(s) and _ACCOUNT_CARD.fullmatch(s):
        return "strong"   # a platform's badge or an account's card: "优质财经领域创作者", "微信号 jiangnanwenlv"
    if s.endswith("回答") and _QUESTION_LINK.fullmatch(s):
        return "strong"
    if len(s) <= 60 and s[-1] in "辑輯子表" and _FORUM_NOTE.fullmatch(s):
        return "strong"
    if _presence(s):
        return "strong"   # a poster's name with the forum's presence mark: "城南一棵葱 当前离线"
    if s[0] == "[" and len(s) <= 80:
        m = _VOTE_COUNTS.match(s)
        if m is not None and m.end() < len(s) and _chrome_kind(s[m.end():], lex) == "strong":
            return "strong"   # a post's buttons after its up and down votes: "[0] [0] 分享 举报 引用 回复"
        if _FLOOR_AND_NAME.fullmatch(s):
            return "strong"   # a post's floor with its poster: "[1楼] 咸鱼不翻身"
    if len(s) <= 60 and s[0].isdigit() and _COUNTED_FIELDS.fullmatch(s):
        return "strong"   # a poster's figures, each before its label: "8 主题 97 帖子 412 积分"
    if len(s) <= 40 and s[0] in "舊旧新" and _OLD_POST_STAMP.fullmatch(s):
        return "strong"   # a vBulletin post's stamp: "舊 2019-05-14, 10:21 PM"
    if len(s) <= 100 and s[0] in _TOOLBAR_FIRSTS and _EDITOR_TOOLBAR.fullmatch(s):
        return "strong"   # a reply box's editor buttons: "B Color Image Link Quote Code Smilies"
    if len(s) <= 60 and _may_have_stamp_frame(s):   # else the line is its own stamp core
        core = _stamp_core(s)
        if core != s and core and _STAMP_LINE.fullmatch(core):
            return "strong"   # a post's stamp with the forum's buttons on its line
    return ""


def _split_lines(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The lines (without their newline) and the span of each, the newline
    included; a final newline starts no line of its own."""
    lines = text.split("\n")
    if not lines[-1]:
        lines.pop()
    ends = list(map(add, accumulate(map(len, lines)), count(1)))
    if ends and ends[-1] > len(text):   # the last line has no newline
        ends[-1] = len(text)
    return lines, list(zip([0] + ends[:-1], ends))


#: the labels of a page's widgets: "分享到：" over share buttons announces nothing of the text's
_WIDGET_LABELS = frozenset(("分享到", "分享至", "分享", "标签", "標籤", "关键词", "關鍵詞", "关键字", "關鍵字",
                            "分类", "分類", "Tags", "tags", "TAG", "Tag"))


def _announced_runs(lines: list[str], kinds: list[str]) -> set[int]:
    """The chrome-looking lines (feed chrome, forum headers) in the block right
    under a line of text that ends with a colon (blank lines between them
    aside): the text announces them (figures or a header it quotes), so they
    are content.  A blank line or a paragraph (a long line with a sentence)
    ends the block: a page scraped without blank lines goes on below."""
    out: set[int] = set()
    announcing = in_block = False
    for i, k in enumerate(kinds):
        if k == "blank":
            if in_block:
                announcing = in_block = False
            continue
        if announcing and k == "" and len(lines[i]) >= _BODY_LINE and _SENTENCE.search(lines[i]):
            announcing = in_block = False
        if announcing:
            in_block = True
            if k in ("strong", "weak", "bbs"):
                out.add(i)
                continue
        if k == "" and lines[i].rstrip().endswith(ANNOUNCING_COLONS) and lines[i].strip(_BLANKS)[:-1] not in _WIDGET_LABELS:
            announcing, in_block = True, False
        elif not announcing:
            in_block = False
    return out


#: a figure alone on its line, and a clock time: a row scraped one token per line
#: holds the one, a thread's stamps the other
_FIGURE_LINE = patterncache.compile(r"\n[ \t\u3000]*\d[\d,.]*[万萬千wWkK]?[ \t\u3000]*(?:\n|$)")
_CLOCK = patterncache.compile(r"\d:\d\d")
#: a piece of a chrome row scraped one token per line is at most this long
_PIECE_MAX = 12


def _row_piece(line: str, kind: str) -> bool:
    """A UI word or a bare figure alone on its line (``转发``, ``156``, ``1.3万``)."""
    s = line.strip(_BLANKS)
    if not s or len(s) > _PIECE_MAX:
        return False
    return kind == "weak" or (kind == "" and _NUMBER.fullmatch(s) is not None)


def _vertical_rows(lines: list[str], kinds: list[str], lex: _Lexicon) -> None:
    """Mark chrome rows scraped one token per line as chrome.

    A platform that lays its buttons out in a column leaves ``23⏎转发⏎156⏎评论``
    or ``关注者⏎3,241⏎被浏览⏎2,876,112``: three or more consecutive short lines,
    UI words and bare figures, that read as a chrome row when joined.  A lone
    figure never counts: the joined row must hold a UI word that counts it;
    and a column of words with no figure among them stays (an article may list
    the buttons it discusses, one per line).
    """
    n = len(lines)
    done = -1   # the runs are grown from their UI words: most lines are no piece
    for w in [x for x, k in enumerate(kinds) if k == "weak"]:
        if w < done or not _row_piece(lines[w], "weak"):
            continue
        i = w
        while i > 0 and _row_piece(lines[i - 1], kinds[i - 1]):
            i -= 1
        j = w + 1
        while j < n and _row_piece(lines[j], kinds[j]):
            j += 1
        done = j
        # words and figures both: a column of UI words alone may be a list the text gives
        if j - i >= 3 and "" in kinds[i:j]:
            row = " ".join(line.strip(_BLANKS) for line in lines[i:j])
            if _chrome_kind(row, lex) == "strong":
                kinds[i:j] = ["strong"] * (j - i)


#: a poster's profile scraped one field per line: the label, then its value
#: ("积分⏎3265", "注册时间⏎2013-8-21", "粉丝⏎1033"); labels of dates take a date
_PROFILE_COUNTS = frozenset(("积分", "積分", "帖子", "主题", "主題", "精华", "精華", "威望", "金钱", "金錢", "贡献", "貢獻",
                             "发帖", "發帖", "声望", "聲望", "经验", "經驗", "粉丝", "粉絲", "获赞", "獲讚", "原创", "原創",
                             "周排名", "週排名", "总排名", "總排名", "访问", "訪問", "等级", "等級", "回帖", "UID"))
_PROFILE_DATES = frozenset(("注册时间", "註冊時間", "最后登录", "最後登錄", "最後登入", "加入时间", "加入時間", "在线时间", "在線時間"))
_PROFILE_DATE = patterncache.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?|\d+[ \t]*小时|\d+[ \t]*小時")


def _profile_fields(lines: list[str], kinds: list[str]) -> None:
    """Mark a poster's profile fields, each a label line with its value on the
    next line, as chrome: a forum page lists them under every post.  Only on a
    page that already holds feed chrome (the caller's condition): a league
    table or a form the text gives has none around it."""
    n = len(lines)
    for i, line in enumerate(lines[:-1]):
        label = line.strip(_BLANKS)
        if label in _PROFILE_COUNTS:
            ok = _NUMBER.fullmatch
        elif label in _PROFILE_DATES:
            ok = _PROFILE_DATE.fullmatch
        else:
            continue
        j = i + 1
        while j < n and kinds[j] == "blank":
            j += 1
        if j < n and kinds[j] in ("", "weak") and ok(lines[j].strip(_BLANKS)) is not None:
            kinds[i] = kinds[j] = "strong"


#: the labels a platform puts before a post's stamp
_STAMP_LABELS = ("编辑于", "編輯於", "发布于", "發佈於", "發布於", "发表于", "發表於", "最后编辑于", "最後編輯於")
_STAMP_PART = (rf"{_ORIGIN_RE}|{_FLOOR}|{_DATETIME.pattern}|\d{{1,2}}[-/]\d{{1,2}}|\d{{1,2}}月\d{{1,2}}日"
               # the app a post was sent from: "来自 安卓客户端", "来自 妈妈网孕育APP"; the first post's floor
               r"|(?:来自|來自)[ \t]*[\u4e00-\u9fffA-Za-z]{1,10}(?:客户端|客戶端|APP|App)|楼主|樓主"
               r"|\d{1,3}\s*(?:秒|分钟|分鐘|小时|小時|天|周|週)前|刚刚|剛剛|昨天|前天|"
               + "|".join(sorted(_STAMP_LABELS, key=patterncache.longest_first)))
#: a comment's stamp alone on its line: its time, floor, device or place and nothing else
#: ("2024-03-02 21:15", "1楼", "来自Android客户端", "03-13 · 广东", "2 小時前")
_STAMP_LINE = patterncache.compile(
    rf"(?:(?:{_FLOOR})[ \t]+)?"
    # a name before a dot ("#3 匿名巴打 • 2 小時前") or wide space ("小鱼不吃鱼 (楼主)  2024-02-28 14:02:33 浙江")
    rf"(?:[^\s·•・]{{1,12}}[ \t]*[·•・][ \t]*|[^\s·•・]{{1,16}}(?:[ \t]*[(（](?:楼主|樓主|作者)[)）])?[ \t\u3000]{{2,}})?"
    rf"(?:(?:{_STAMP_PART})[ \t\u3000·•・|｜]*)+(?:(?:IP[ \t]*)?(?:属地|屬地)?[:：]?[\u4e00-\u9fff]{{2,3}})?")
#: a poster's rank beside the name: "LV5", "Lv.6", "UP", "(楼主)"
_BADGE_LINE = patterncache.compile(r"(?:LV|Lv|lv)\.?\d{1,2}|UP主?|[(（]?(?:楼主|樓主)[)）]?"
                         # a forum's user groups, as its software names them ("金牌会员", "Rank: 6Rank: 6")
                         r"|(?:Rank[:：]?[ \t]*\d{1,2}[ \t]*)+"
                         r"|新手上路|(?:注册|註冊|中级|中級|高级|高級|金牌|VIP|荣誉|榮譽|贵宾|貴賓)(?:会员|會員)"
                         r"|(?:论坛|論壇)元老|(?:超级|超級|实习|實習)?版主|(?:管理员|管理員)|(?:禁止发言|禁止發言)")
#: punctuation of prose that no part of a stamp line holds but its poster's name
_STAMP_FOREIGN = patterncache.compile(r"[，。！？；,!?;]")
#: what follows a name in a stamp line: a dot, or two blanks ("匿名巴打 • 2 小時前");
#: written to begin with a class, so the search skips along to a dot or a blank
_AFTER_NAME = patterncache.compile(r"[ \t\u3000·•・](?:(?<=[·•・])|[ \t\u3000])")


def _may_be_stamp(core: str) -> bool:
    """A quick necessary condition of ``_STAMP_LINE.fullmatch(core)``.

    Of the parts of a stamp line only the poster's name may hold prose
    punctuation, and a name is followed by a dot or by two blanks; so a line
    with such punctuation and neither is no stamp (a post's text with its
    short link, "王晨：不要大去，审批不情况便啦。 https://t.cn/22f86",
    which the pattern would otherwise try at length).
    """
    return _STAMP_FOREIGN.search(core) is None or _AFTER_NAME.search(core) is not None


#: the first line this long that holds a sentence starts the text
_BODY_LINE = 30
_SENTENCE = patterncache.compile("[。！？!?]")
#: a poster's handle: letters, digits, ideographs and underscores, no punctuation
_HANDLE = patterncache.compile(r"[\w\u3400-\u4dbf]{1,16}")
#: a thread holds at least this many stamp lines
_THREAD_STAMPS = 3
#: how many non-blank lines around a stamp its record's buttons may stand
_RECORD_REACH = 2


def _body_start(lines: list[str]) -> int:
    """The first line of the text: long enough and holding a sentence (the replies,
    and a post's own stamp, come after it; a dateline above it is the page's own)."""
    return next((i for i, line in enumerate(lines) if len(line) >= _BODY_LINE and _SENTENCE.search(line)),
                len(lines))


def _dateline(lines: list[str], kinds: list[str], body: int) -> None:
    """The first full date with where it was posted above the text
    ("2024-03-06 16:20 发布于湖南") is the page's dateline, not a comment's stamp."""
    for i in range(min(body, len(lines))):
        if kinds[i] == "strong" and len(lines[i]) <= 40:
            s = lines[i].strip(_BLANKS)
            if _FULL_DATE.match(s) and _STAMP_LINE.fullmatch(s):
                kinds[i] = ""
                return


#: a date with its year, as a dateline opens
_FULL_DATE = patterncache.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}")


def _labelled_stamps(lines: list[str], kinds: list[str], body: int) -> None:
    """A post's stamp with its label below the text ("编辑于 04-21 浙江"), and the
    head of a quoted post there ("城南一棵葱 发表于 2023-10-13 07:15"), are
    chrome; above the text the same shapes are the page's dateline
    ("发布于 2024-04-02", "版务组 发表于 2024-2-1 10:12")."""
    for i in range(body + 1, len(lines)):
        if kinds[i] == "" and len(lines[i]) <= 50:
            s = lines[i].strip(_BLANKS)
            if s.startswith(_STAMP_LABELS) and _STAMP_LINE.fullmatch(s):
                kinds[i] = "strong"
            elif ("发表于" in s or "發表於" in s) and _QUOTE_HEADER.fullmatch(s):
                kinds[i] = "strong"   # the head of a quoted post: "城南一棵葱 发表于 2023-10-13 07:15"


def _thread_records(lines: list[str], kinds: list[str], body: int) -> None:
    """Mark the chrome of a comment thread scraped one field per line.

    Forums and comment widgets print each reply as a record: a name, a rank,
    the text, then a stamp (``2024-03-02 21:15``, ``1楼``, ``来自Android客户端``)
    and the buttons (``回复``, ``赞``) with their figures, each on its own line.
    A stamp line alone is no chrome (a diary dates its entries so), but three
    or more of them below the first sentence of the text, most with a button
    line beside them, are a thread: the stamps, the ranks, the bare handle
    right above a rank or a stamp, and the figures beside removed lines go.
    The replies themselves stay, for the reader to judge.  ``body`` is the
    first line of the text (:func:`_body_start`).
    """
    stamps = [i for i in range(body + 1, len(lines))
              if kinds[i] == "" and len(lines[i]) <= 60 and _is_stamp(_stamp_core(lines[i]))]
    if len(stamps) < _THREAD_STAMPS:
        return
    n = len(lines)

    def beside(i: int) -> bool:
        """Is a button line among the non-blank lines around stamp ``i``?"""
        for step in (1, -1):
            j, seen = i + step, 0
            while 0 <= j < n and seen < _RECORD_REACH:
                k = kinds[j]
                if k != "blank":
                    if k == "weak" or k == "strong":
                        return True
                    seen += 1
                j += step
        return False

    with_buttons = sum(1 for i in stamps if beside(i))
    if with_buttons < 2 or 2 * with_buttons < len(stamps):
        return
    for i in stamps:
        kinds[i] = "strong"
    marked = set(stamps)
    for i in range(body + 1, n):   # the first record's rank stands above its stamp
        if kinds[i] == "":
            s = lines[i].strip(_BLANKS)
            if _BADGE_LINE.fullmatch(s):
                kinds[i] = "strong"
                marked.add(i)
            elif len(s) <= 8 and _NUMBER.fullmatch(s):
                kinds[i] = "weak"   # a reply's figure: it goes beside the record's chrome
    # a poster's name: a bare handle right above the rank or the stamp
    for i in sorted(marked):
        j = i - 1
        while j > body and kinds[j] == "blank":
            j -= 1
        if j > body and kinds[j] == "" and _is_handle(lines[j]):
            kinds[j] = "strong"
    _button_columns(kinds, body)


def _is_stamp(core: str) -> bool:
    """Is ``core`` (a line as :func:`_stamp_core` gives it) a stamp line?"""
    return _may_be_stamp(core) and _STAMP_LINE.fullmatch(core) is not None


def _is_handle(line: str) -> bool:
    """A poster's name alone on its line (see ``_HANDLE``)."""
    return _HANDLE.fullmatch(line.strip(_BLANKS)) is not None


#: a line of a record's chrome is at most this long
_RECORD_LINE_CHARS = 24


def _repeated_chrome(lines: list[str], kinds: list[str]) -> None:
    """Mark the chrome every record of a page repeats as chrome.

    Answers, reviews and comments each carry the same buttons and prompts
    under them (``已赞过⏎已踩过⏎你对这个回答的评价是？⏎评论⏎收起``): two short
    lines in a row that stand together again elsewhere on the page, one of
    them a UI word, are that chrome, wherever the pair recurs.  A line of
    the text is longer, or holds a sentence; a UI word alone in the text
    is not repeated with the same neighbour.
    """
    rows = [i for i, k in enumerate(kinds) if k != "blank"]
    pairs: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for a, b in pairwise(rows):
        if "weak" not in (kinds[a], kinds[b]) and "strong" not in (kinds[a], kinds[b]):
            continue
        x, y = lines[a].strip(_BLANKS), lines[b].strip(_BLANKS)
        if x == y or len(x) > _RECORD_LINE_CHARS or len(y) > _RECORD_LINE_CHARS \
                or _SENTENCE_MARK.search(x) or _SENTENCE_MARK.search(y):
            continue
        pairs.setdefault((x, y), []).append((a, b))
    for places in pairs.values():
        if len(places) < 2:
            continue
        for pair in places:
            for i in pair:
                if kinds[i] in ("", "weak"):
                    kinds[i] = "strong"


#: a full stop or an exclamation ends a sentence; a record's prompt may ask a question
_SENTENCE_MARK = patterncache.compile("[。！!；;]")


def _button_columns(kinds: list[str], body: int) -> None:
    """In a thread, a record's buttons scraped one per line (``回复⏎支持⏎反对⏎举报``)
    are chrome together: two or more lone UI words in a row below the text."""
    n = len(kinds)
    i = body + 1
    while i < n:
        if kinds[i] != "weak":
            i += 1
            continue
        j, run = i, []
        while j < n and kinds[j] in ("weak", "blank"):
            if kinds[j] == "weak":
                run.append(j)
            j += 1
        if len(run) >= 2:
            for x in run:
                kinds[x] = "strong"
        i = j


#: what a forum prints around a post's stamp on its line: the font-size choices
#: before it, the buttons after it ("大 中 小 发表于 2024-2-26 20:05  只看该作者")
_STAMP_FRAME = patterncache.compile(r"^[ \t\u3000]*((?:#\d{1,5}|\d{1,5}#|\d{1,5}[楼樓])[ \t\u3000]+)?(?:[大中小][ \t\u3000]*){3}|(?:[ \t\u3000|｜]*(?:只看该作者|只看該作者|只看楼主|只看樓主"
                          r"|只看大图|只看大圖|回帖奖励|回帖獎勵|倒序浏览|倒序瀏覽|阅读模式|閱讀模式|电梯直达|電梯直達))+(?:[ \t\u3000|｜]*$|[ \t\u3000]*(?=[|｜]))")
#: what every button of the frame holds, for the quick test before it
_STAMP_FRAME_HINT = patterncache.compile("只看|倒序|模式|直达|直達|奖励|獎勵")


def _stamp_core(line: str) -> str:
    """A line as a stamp is judged: stripped, and without the font-size choices
    and buttons a forum prints on the stamp's line."""
    s = line.strip(_BLANKS)
    if _may_have_stamp_frame(s):
        s = _STAMP_FRAME.sub(r"\1", s).strip(_BLANKS)  # a floor number before the choices stays
    return s


def _may_have_stamp_frame(s: str) -> bool:
    """Could the stripped line ``s`` hold a frame ``_stamp_core`` takes off?"""
    return s[:1] in "大中小#" or _STAMP_FRAME_HINT.search(s) is not None


#: a poster's profile field with its value on one line ("精华 12", "在线时间 1203 小时",
#: "注册 2011-2-19", "状态 离线", "来自 无锡"), a few of them a line ("UID 1024 帖子 56")
_INLINE_FIELD_LABELS = ("积分", "積分", "帖子", "主题", "主題", "精华", "精華", "威望", "金钱", "金錢", "贡献", "貢獻", "级别", "級別",
                        "发帖", "發帖", "声望", "聲望", "经验", "經驗", "回帖", "UID", "阅读权限", "閱讀權限",
                        "注册时间", "註冊時間", "注册", "註冊", "最后登录", "最後登錄", "最後登入", "在线时间", "在線時間",
                        "状态", "狀態", "来自", "來自", "用户组", "用戶組", "性别", "性別", "听众", "聽眾", "收听", "收聽",
                        "好友", "金币", "金幣", "财富", "財富", "魅力", "人气", "人氣")
_INLINE_FIELD = patterncache.compile(
    rf"(?:{'|'.join(sorted(_INLINE_FIELD_LABELS, key=patterncache.longest_first))})[ \t\u3000]*[:：]?[ \t\u3000]*"
    r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?|[+-]?\d[\d,.]*[ \t]*(?:小时|小時|点|點|个|個|枚)?"
    r"|离线|在线|離線|在線|[男女]|保密|[\u4e00-\u9fff]{2,4}(?=[ \t\u3000]*$))")
_INLINE_FIELDS = patterncache.compile(rf"(?:{_INLINE_FIELD.pattern})(?:[ \t\u3000|｜]+(?:{_INLINE_FIELD.pattern}))*")


#: a forum's rating of a post: its head ("参与人数 3  威望 +3  金钱 +30  收起 理由"),
#: one row a rater under it ("梅城小渔  + 1  + 10  很给力!"), its "评分" label above
_RATING_HEAD = patterncache.compile(r"(?:参与人数|參與人數)[ \t]*\d+[^\n]{0,60}")
_RATING_ROW = patterncache.compile(r"[^\s]{1,20}(?:[ \t]+[+-][ \t]*\d+)+(?:[ \t]+[^\s]{1,12})?")
_RATING_LABELS = frozenset(("评分", "評分", "查看全部评分", "查看全部評分"))


def _ratings(lines: list[str], kinds: list[str]) -> None:
    """Mark a forum's rating blocks as chrome: the head, its rows, the label above."""
    n = len(lines)
    for i, line in enumerate(lines):
        if kinds[i] in ("", "weak") and (line.lstrip(_BLANKS)[:2] in ("参与", "參與")) \
                and _RATING_HEAD.fullmatch(line.strip(_BLANKS)):
            kinds[i] = "strong"
            j = i - 1
            while j >= 0 and kinds[j] == "blank":
                j -= 1
            if j >= 0 and lines[j].strip(_BLANKS) in _RATING_LABELS:
                kinds[j] = "strong"
            j = i + 1
            while j < n and (kinds[j] == "blank" or (kinds[j] in ("", "weak")
                                                     and _RATING_ROW.fullmatch(lines[j].strip(_BLANKS)))):
                if kinds[j] != "blank":
                    kinds[j] = "strong"
                j += 1


def _inline_profile_fields(lines: list[str], kinds: list[str]) -> None:
    """Mark a poster's profile printed a field a line ("精华 12⏎阅读权限 100⏎来自 无锡")
    as chrome: two or more such lines in a row, or a line of two or more
    fields.  Only on a page with feed chrome (the caller's condition)."""
    n = len(lines)
    i = 0
    while i < n:
        if kinds[i] != "" or len(lines[i]) > 60 or _INLINE_FIELDS.fullmatch(lines[i].strip(_BLANKS)) is None:
            i += 1
            continue
        # the run: field lines, and the chrome lines among them ("帖子 4321" is a counter already)
        k = i
        while k > 0 and kinds[k - 1] in ("strong", "weak", "blank"):
            k -= 1
        j, run, chrome = i, [], sum(1 for x in range(k, i) if kinds[x] != "blank")
        while j < n and (kinds[j] in ("blank", "strong", "weak") or (kinds[j] == "" and len(lines[j]) <= 60
                                                                      and _INLINE_FIELDS.fullmatch(lines[j].strip(_BLANKS)))):
            if kinds[j] == "":
                run.append(j)
            elif kinds[j] != "blank":
                chrome += 1
            j += 1
        if len(run) + chrome >= 2 or len(_INLINE_FIELD.findall(lines[i])) >= 2:
            for x in run:
                kinds[x] = "strong"
            if len(run) + chrome >= 3:
                _poster_above(lines, kinds, k)
        i = j


def _poster_above(lines: list[str], kinds: list[str], top: int) -> None:
    """The poster's name and rank above a profile of three fields or more
    (``钓鱼佬小周⏎中级钓友⏎UID 1532⏎帖子 4321⏎…``): the short line right above
    it, and the one above that too when chrome stands above both (the record
    before ends with its buttons; a headline above a name stays)."""
    above = []
    j = top - 1
    while j >= 0 and len(above) < 3:
        if kinds[j] != "blank":
            above.append(j)
        j -= 1
    if not above or kinds[above[0]] != "" or not _is_handle(lines[above[0]]):
        return
    kinds[above[0]] = "strong"
    if len(above) == 3 and kinds[above[1]] == "" and _is_handle(lines[above[1]]) \
            and kinds[above[2]] in ("strong", "weak", "bbs"):
        kinds[above[1]] = "strong"


#: an attachment as a forum lists it: the file's name with its size and downloads
#: ("IMG_0321.JPG (186.45 KB)", "IMG_2024.jpg (356.21 KB, 下载次数: 3)")
_ATTACHMENT = patterncache.compile(
    r"[^\s/\\:：]{1,60}\.(?:jpe?g|png|gif|bmp|webp|heic|zip|rar|7z|pdf|docx?|xlsx?|pptx?|txt|apk|mp[34]|mov)"
    r"[ \t]*[(（][ \t]*\d[\d.,]*[ \t]*(?:[KMG]i?B|[KMG]|bytes?|字节|字節)"
    r"(?:[,，][ \t]*(?:下载次数|下載次數|下载|下載)[:：]?[ \t]*\d+[ \t]*次?)?[ \t]*[)）]", re.IGNORECASE)


def _attachments(lines: list[str], kinds: list[str]) -> None:
    """Mark the attachment lines of a post (a file's name with its size) as chrome."""
    for i, line in enumerate(lines):
        if kinds[i] == "" and len(line) <= 120 and (")" in line or "）" in line) \
                and _ATTACHMENT.fullmatch(line.strip(_BLANKS)):
            kinds[i] = "strong"


def _next_nonblank(kinds: list[str], i: int, step: int) -> int:
    """The index of the first non-blank line from ``i`` (exclusive) in direction ``step``, or -1."""
    j = i + step
    while 0 <= j < len(kinds) and kinds[j] == "blank":
        j += step
    return j if 0 <= j < len(kinds) else -1


def _posters(lines: list[str], kinds: list[str]) -> None:
    """Mark what a forum prints about a poster around the chrome it already
    found: the name alone right above the same name with its presence mark
    ("城南一棵葱⏎城南一棵葱 当前离线"), a user group's name between two chrome
    lines ("…积分⏎金牌会员⏎发消息"), and a figure right above its label in a
    profile ("12⏎主题⏎356⏎帖子")."""
    for i, kind in enumerate(kinds):
        if kind == "strong":
            s = lines[i].strip(_BLANKS)
            if _presence(s):
                name = s.split()[0]
                j = _next_nonblank(kinds, i, -1)
                if j >= 0 and kinds[j] == "" and lines[j].strip(_BLANKS) == name:
                    kinds[j] = "strong"
            continue
        if kind != "" or len(lines[i]) > 24:
            continue
        s = lines[i].strip(_BLANKS)
        a, b = _next_nonblank(kinds, i, -1), _next_nonblank(kinds, i, 1)
        chrome_above = a >= 0 and kinds[a] in ("strong", "weak")
        chrome_below = b >= 0 and kinds[b] in ("strong", "weak")
        if chrome_above and chrome_below and _BADGE_LINE.fullmatch(s):
            kinds[i] = "strong"
        elif chrome_below and b == i + 1 and _NUMBER.fullmatch(s) and lines[b].strip(_BLANKS) in _PROFILE_COUNTS:
            kinds[i] = "strong"


#: the rule a forum draws above a poster's signature
_SIGNATURE_RULE = patterncache.compile(r"[-—_=─━]{8,}")
#: a signature is this short at most
_SIGNATURE_CHARS = 40


def _signatures(lines: list[str], kinds: list[str]) -> None:
    """Mark the signatures under a forum's posts as chrome: a rule line and
    the short line right under it, where the same line stands under a rule
    twice or more on the page (every post of its poster carries it), or
    where the post's buttons stand right above the rule and right below the
    line.  A rule with a line under it that the page shows once, in the
    text, is left alone."""
    under: dict[str, list[tuple[int, int]]] = {}
    for i, line in enumerate(lines):
        if kinds[i] == "" and _SIGNATURE_RULE.fullmatch(line.strip(_BLANKS)):
            j = i + 1
            while j < len(lines) and kinds[j] == "blank":
                j += 1
            if j < len(lines) and kinds[j] == "":
                signature = lines[j].strip(_BLANKS)
                if 0 < len(signature) <= _SIGNATURE_CHARS:
                    under.setdefault(signature, []).append((i, j))
    def chrome(i: int, step: int) -> bool:
        """Is the next non-blank line from ``i`` in direction ``step`` chrome?"""
        j = _next_nonblank(kinds, i, step)
        return j >= 0 and kinds[j] in ("strong", "weak")

    for places in under.values():
        for i, j in places:
            # every post of its poster carries it, or a post's buttons stand above the rule and below the line
            if len(places) >= 2 or (chrome(i, -1) and chrome(j, 1)):
                kinds[i] = kinds[j] = "strong"


#: a line of a comment thread: a time, a date, an age, where it was written from
_THREAD_MARK = patterncache.compile(r"\d{1,2}:\d{2}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d+\s*(?:分钟|分鐘|小时|小時|天)前"
                                    r"|来自|來自|IP\s*属地|IP\s*屬地")
#: how many lines under a comment header are looked at for the thread's marks, and how many it needs
_THREAD_LOOK = 10
_THREAD_MARKS = 2


def _section_headers_without_thread(lines: list[str], kinds: list[str]) -> None:
    """A comment header with its count ("评论 78") is left to the boilerplate
    detector when a thread this detector leaves stands under it (that one
    takes the header with the thread); otherwise it is chrome like any counter."""
    for i, line in enumerate(lines):
        if kinds[i] or len(line) > 24:
            continue
        s = line.strip(_BLANKS)
        if not is_counted_comment_header(s):
            continue
        # the thread's lines that stay for it: a time among this detector's own chrome goes with that
        below = [x for x, k in zip(lines[i + 1:i + 1 + 3 * _THREAD_LOOK], kinds[i + 1:i + 1 + 3 * _THREAD_LOOK])
                 if x.strip(_BLANKS) and not k][:_THREAD_LOOK]
        if sum(1 for x in below if _THREAD_MARK.search(x)) < _THREAD_MARKS:
            kinds[i] = "strong"


def _find_blocks(text: str, lex: _Lexicon, ctx: Context) -> list[Finding]:
    lines, spans = _split_lines(text)
    kinds = [_line_kind(line, lex) for line in lines]
    _section_headers_without_thread(lines, kinds)
    body = _body_start(lines)
    _dateline(lines, kinds, body)
    _labelled_stamps(lines, kinds, body)
    if "strong" in kinds:   # a page with feed chrome beyond lone UI words
        _profile_fields(lines, kinds)
        _inline_profile_fields(lines, kinds)
        _attachments(lines, kinds)
        _ratings(lines, kinds)
    if "weak" in kinds:
        _vertical_rows(lines, kinds, lex)
        _thread_records(lines, kinds, body)
        _repeated_chrome(lines, kinds)
    if "strong" in kinds:
        _posters(lines, kinds)
        _signatures(lines, kinds)

    findings: list[Finding] = []
    removed = [False] * len(lines)
    covered: set[int] = set()   # lines inside a recommendation block

    # the page ends in chrome (or blank) lines from this line on
    chrome_tail = len(kinds)
    while chrome_tail > 0 and kinds[chrome_tail - 1] in _CHROME_KINDS:
        chrome_tail -= 1

    # recommendation blocks: header + snippet items (or header at the very end)
    floor = 0   # lines before it are taken by a block already
    for i in [x for x, k in enumerate(kinds) if k == "header" or k == "strong"]:
        if i < floor:
            continue
        floor = i + 1
        items = []
        j = _next_nonblank(kinds, i, 1)
        bullets = trunc = sig = 0
        while j >= 0 and kinds[j] not in ("header",):
            if kinds[j] in ("strong", "weak", "bbs"):
                break
            b, t, g = _item_like(lines[j])
            if len(lines[j].strip()) > 300 or not (b or t or g):
                break
            items.append(j)
            bullets += b
            trunc += t
            sig += g
            j = _next_nonblank(kinds, j, 1)
        # nothing but chrome (or nothing at all) follows: the tail of the page
        at_end = j < 0 or j >= chrome_tail
        k = len(items)
        avg = sum(len(lines[x].strip()) for x in items) / k if k else 0
        # feed snippets are long (cut at a fixed width); a list of titles is not
        snippet = k >= 2 and (sig >= 0.3 * k or (avg >= 20 and (bullets >= 0.5 * k or trunc >= 0.5 * k)))
        if kinds[i] == "strong":
            # chrome row followed by a bulleted list of unrelated posts
            snippet = k >= 3 and bullets >= 0.8 * k and avg >= 20 and (trunc >= 0.5 * k or sig >= 0.3 * k)
        if kinds[i] == "header" and (snippet or (k == 0 and at_end)):
            last = items[-1] if items else i
            findings.append(Finding("F102", spans[i][0], spans[last][1], "",
                                    f"recommendation block: header and {k} listed post(s)"))
            for x in range(i, last + 1):
                removed[x] = True
            covered.update(range(i, last + 1))
            floor = last + 1
            continue
        if kinds[i] == "strong" and snippet:
            first, last = items[0], items[-1]
            findings.append(Finding("F102", spans[first][0], spans[last][1], "",
                                    f"block of {k} listed post(s) under feed chrome"))
            for x in range(first, last + 1):
                removed[x] = True
            covered.update(range(first, last + 1))

    # chrome lines; lone UI words only next to other chrome; none that a line of
    # the text announces ("这条微博的数据是：" over "转发 12万")
    announced = _announced_runs(lines, kinds)
    for i, k in enumerate(kinds):
        if (k == "strong" or k == "bbs") and i not in announced:
            removed[i] = True
    weak = [i for i, k in enumerate(kinds) if k == "weak"]
    changed = bool(weak)
    while changed:   # until no lone word is next to removed chrome any more
        changed = False
        for i in weak:
            if not removed[i] and i not in announced:
                a, b = _next_nonblank(kinds, i, -1), _next_nonblank(kinds, i, 1)
                if (a >= 0 and removed[a] and kinds[a] != "") or (b >= 0 and removed[b] and kinds[b] != ""):
                    removed[i] = True
                    changed = True
    for i, k in enumerate(kinds):
        if removed[i] and i not in covered and k in ("strong", "weak", "bbs"):
            code = "F105" if k == "bbs" else "F101"
            what = "forum header line" if k == "bbs" else "feed UI chrome line"
            findings.append(Finding(code, spans[i][0], spans[i][1], "", what))

    if findings or _feed_signals(text):
        findings.extend(_inline(text, lex, lines, spans, removed))
    if findings:
        ctx.state["feed"] = True
    return findings


DETECTOR = Detector(
    name="feed",
    prefix="F",
    summary="Social-feed noise: UI chrome, recommendation blocks, counters and short links.",
    rules=RULES,
    find=find_feed,
    # removing a chrome line can join what it split: a recommendation header and
    # the posts listed under it become one block, which the next round removes
    repeat=True,
)
