"""Markup detector (M): HTML/XML tags, comments, script/style blocks, character references.

Tags are found by compiled scanners rather than by re-serialising a parse
tree, because every removal has to be reported with its exact span and the
text between tags has to keep its line structure: one pattern finds the
tokens that start with "<" (tags, comments, declarations), another the
character references, which only count outside the tags and blocks.  A ``<name …>`` token
counts as a tag only when ``name`` is a real HTML element (or namespaced /
custom), and its attributes have attribute shape, so ``a<b``, ``List<String>``
or ``<<`` in a code snippet are left alone.  Removing a block-level tag ends
the line; removing an inline tag joins its neighbours.  Character references
are decoded (``&#123;`` → ``{``, ``&nbsp;`` → space).

Adjacent tags are reported as one finding: tags that touch, or that are
separated only by white space next to a block-level tag (layout around a line
break).  The finding's replacement is exactly what the tags one by one would
leave (a line break per block-level tag, the white space between them kept),
so the cleaned text does not depend on the grouping; a run of ``&nbsp;`` is
grouped the same way.
"""
from __future__ import annotations

import html
import bisect
import re
from functools import lru_cache
from importlib import resources

from .. import patterncache
from ..encoding.charfreq import is_han
from ..findings import Finding
from .base import Context, Detector, Rule

RULES = (
    Rule("M101", "html-tag", "An HTML/XML tag; the text inside it is kept (in Markdown code, tags are text).", "<p class=x>文字</p> → 文字"),
    Rule("M102", "html-comment", "An HTML comment, conditional comment or CDATA wrapper.", "<!-- 正文下 --> → (removed)"),
    Rule("M103", "script-style-block", "A <script>, <style> or <noscript> element with its content.", "<style>.a{}</style> → (removed)"),
    Rule("M104", "character-reference", "A character reference, decoded to its character.", "&#123; → {, &nbsp; → space"),
    Rule("M105", "markup-declaration", "A doctype, XML prolog or processing instruction.", "<!DOCTYPE html> → (removed)"),
)


@lru_cache(maxsize=1)
def html_elements() -> tuple[frozenset[str], frozenset[str]]:
    """(all element names, block-level element names) from the data file."""
    names, blocks = set(), set()
    text = resources.files("cleaner.data").joinpath("html_elements.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        names.add(parts[0])
        if "block" in parts[1:]:
            blocks.add(parts[0])
    return frozenset(names), frozenset(blocks)


# The quantifiers are possessive (``*+``, ``++``): a tag never needs to give
# back part of a name, an attribute or a value to match, because what may
# follow each is a character it cannot contain; so the engine keeps no
# backtracking state for them, and matches exactly what greedy ones would.
_ATTRS = r"""(?:\s++[A-Za-z_:@][-A-Za-z0-9_:.@]*+(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'=<>`]++))?+)*+"""
#: any tag-shaped name; a tag's name is always the longest such run before white space, "/" or ">"
_NAME = r"[A-Za-z][A-Za-z0-9]*+(?:[:-][A-Za-z0-9]++)*+"
#: a namespaced (o:p) or custom (my-widget) name: markup whatever the element list says
_EXTENDED_NAME = r"[A-Za-z][A-Za-z0-9]*+(?:[:-][A-Za-z0-9]++)++"
_NBSP = "&nbsp;"
#: a character reference, or a run of &nbsp; (one finding for an indent)
_REFERENCE = rf"&(?:nbsp;(?:{_NBSP})+|(?:#[0-9]{{1,7}}|#[xX][0-9A-Fa-f]{{1,6}}|[A-Za-z][A-Za-z0-9]{{1,31}});)"
_RAW_END = {
    "script": patterncache.compile(r"</script\s*>", re.IGNORECASE),
    "style": patterncache.compile(r"</style\s*>", re.IGNORECASE),
    "noscript": patterncache.compile(r"</noscript\s*>", re.IGNORECASE),
}
_XML_START = patterncache.compile(r"\s*<(?:\?xml\b|!DOCTYPE\b)", re.IGNORECASE)


def _any_case(ch: str) -> str:
    """A pattern for one character of an element name in either letter case.

    Explicit ``[Pp]`` classes rather than IGNORECASE: under Unicode case
    folding ``s`` would also match ``ſ`` and ``k`` the Kelvin sign.
    """
    if ch.isascii() and ch.isalpha():
        return f"[{ch.upper()}{ch.lower()}]"
    return re.escape(ch)


def _trie_pattern(node: dict, char) -> str:
    branches = [char(ch) + _trie_pattern(child, char) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def names_pattern(names) -> str:
    """A pattern matching exactly ``names`` in any letter case, shaped as a trie
    so that a name costs a few character tests, not one try per element.

    Lower-case names are tried first with plain characters, which the engine
    rejects fastest; other spellings then with ``[Pp]`` classes.
    """
    trie: dict = {}
    for name in names:
        node = trie
        for ch in name.lower():
            node = node.setdefault(ch, {})
        node[""] = {}
    return f"(?:{_trie_pattern(trie, re.escape)}|{_trie_pattern(trie, _any_case)})"


def _after_lt(name: str) -> str:
    """An opening or closing tag whose name matches ``name``, without its
    leading ``<``.  The name is matched whole: only white space, "/" or ">"
    may follow it."""
    return rf"/?(?:{name}){_ATTRS}\s*/?>"


@lru_cache(maxsize=2)
def _splitter(permissive: bool) -> re.Pattern:
    """The token pattern for ordinary text, or for an XML document / page with
    a doctype (``permissive``), where every tag-shaped token is markup.

    It matches the tokens that start with "<", so the engine can skip to the
    next "<" the fast way, and has one capturing group, the whole token, so
    that ``split`` gives text, token, text, token, …, text without a match
    object per token.  Element tags are matched as runs: tags that touch or
    have only white space between them (script/style/noscript are matched
    one by one, as their end has to be found).
    """
    names, _blocks = html_elements()
    if permissive:
        element = rf"(?!{names_pattern(_RAW_END)}[\s/>]){_NAME}"
    else:
        element = names_pattern(names - _RAW_END.keys()) + "|" + _EXTENDED_NAME
    tag = _after_lt(element)
    return patterncache.compile(
        rf"(<(?:{tag}(?:\s*+<{tag})*+"                   # a run of element tags
        r"|!(?:--|\[CDATA\[|[A-Za-z][^<>]*>)"             # comment opener, CDATA, doctype
        r"|\?[A-Za-z][^<>]*\?>"                           # XML prolog / PI
        rf"|/?{_NAME}{_ATTRS}\s*/?>))",                   # any other tag-shaped token
        re.DOTALL,
    )


# The tokens that do not start with "<": they contain no "<", so they only
# ever lie in the text between two "<" tokens, and are looked for there.
_REFERENCES = patterncache.compile(f"({_REFERENCE})")
_REFERENCES_AND_CDATA_END = patterncache.compile(rf"({_REFERENCE}|\]\]>)")


_ONE_TAG = patterncache.compile(rf"<(/?)({_NAME}){_ATTRS}\s*/?>")


def _tag_run_parts(run: str) -> tuple[tuple[str, int, int, str, str], ...]:
    """Split a run of element tags into findings.

    Tags stay together when they touch or when the white space between them
    sits next to a block-level tag (it is layout around the line break the
    tag leaves); the white space is kept in the replacement, so the result is
    the same text the tags would leave one at a time.
    """
    _names, blocks = html_elements()
    parts: list[tuple[str, int, int, str, str]] = []
    pieces: list[str] = []
    first = last = 0
    count = 0
    last_block = False
    reason = ""
    for tag in _ONE_TAG.finditer(run):
        closing, lname = tag.group(1), tag.group(2).lower()
        block = lname in blocks
        start, end = tag.span()
        if count and start > last and not (block or last_block):
            parts.append(("M101", first, last, "".join(pieces), reason if count == 1 else f"{count} adjacent tags"))
            pieces, count = [], 0
        if count:
            pieces.append(run[last:start])
        else:
            first = start
            reason = f"{'closing ' if closing else ''}<{lname}> tag"
        pieces.append("\n" if block else "")
        count += 1
        last, last_block = end, block
    parts.append(("M101", first, last, "".join(pieces), reason if count == 1 else f"{count} adjacent tags"))
    return tuple((code, a, b, _one_blank_line(replacement), why) for code, a, b, replacement, why in parts)


#: two blank lines or more (white space on them aside)
_BLANK_LINES = patterncache.compile(r"\n(?:[ \t\u3000]*\n){2,}")


def _one_blank_line(replacement: str) -> str:
    """A run's replacement with its line breaks capped at one blank line: what
    the layout rules would make of it, so the break between two paragraphs
    (``</p>\n<p>``) is one finding, not two."""
    return _BLANK_LINES.sub("\n\n", replacement) if "\n\n" in replacement else replacement


def _decode_reference(token: str) -> str | None:
    value = html.unescape(token)
    if value == token:
        return None
    if value == "\u00a0":
        return " "
    if value in ("\x00",) or (len(value) == 1 and ord(value) < 32 and value not in "\t\n"):
        return None
    return value


def _reference_parts(token: str) -> tuple[tuple[str, int, int, str, str], ...]:
    """The finding for a character reference or a run of ``&nbsp;``."""
    if len(token) > len(_NBSP) and token.startswith(_NBSP):
        count = len(token) // len(_NBSP)
        return (("M104", 0, len(token), " " * count, f"{count} character references {_NBSP} decoded"),)
    value = _decode_reference(token)
    if value is None:
        return ()
    return (("M104", 0, len(token), value, f"character reference {token} decoded"),)


#: a token whose finding depends on the text after it (comment and script openers)
_NEEDS_CONTEXT = None


def _token_parts(token: str, permissive: bool) -> tuple[tuple[str, int, int, str, str], ...] | None:
    """The findings for one token, as ``(code, start, end, replacement,
    reason)`` relative to the token, or ``_NEEDS_CONTEXT``."""
    if token[0] == "&":
        return _reference_parts(token)
    if token == "]]>" or token == "<![CDATA[":
        return (("M102", 0, len(token), "", "CDATA wrapper (content kept)"),)
    if token == "<!--":
        return _NEEDS_CONTEXT
    if token[1] == "!" or token[1] == "?":
        return (("M105", 0, len(token), "", "markup declaration"),)
    tag = _ONE_TAG.match(token)
    closing, name = tag.group(1, 2)
    lname = name.lower()
    if lname in _RAW_END and not closing:
        return _NEEDS_CONTEXT
    names, blocks = html_elements()
    if not permissive and lname not in names and ":" not in name and "-" not in name:
        return ()  # not an element: the whole token is left, attributes and all
    if tag.end() == len(token):  # a single tag, the most common run
        return (("M101", 0, len(token), "\n" if lname in blocks else "", f"{'closing ' if closing else ''}<{lname}> tag"),)
    return _tag_run_parts(token)


# Tokens repeat from document to document (``</p>\n<p>``, ``&nbsp;&nbsp;``),
# so their findings are worked out once.
@lru_cache(maxsize=8192)
def _parts_in_text(token: str):
    return _token_parts(token, False)


@lru_cache(maxsize=8192)
def _parts_in_page(token: str):
    return _token_parts(token, True)


class _OpenEnds:
    """Where a closing ``-->`` / ``</script>`` is known not to exist, so that
    unclosed openers cost one scan in all rather than one scan each."""

    def __init__(self, size: int):
        self.no_comment_end_after = size + 1
        self.no_raw_end_after: dict[str, int] = {}


def _opener(token: str, start: int, text: str, ends: _OpenEnds) -> tuple[Finding, int | None]:
    """A comment or script/style/noscript opener at ``start``: its finding and
    the end of the block it opens (``None`` when it is not closed)."""
    end = start + len(token)
    if token == "<!--":
        close = -1 if start >= ends.no_comment_end_after else text.find("-->", end)
        if close < 0:
            ends.no_comment_end_after = min(ends.no_comment_end_after, start)
            return Finding("M102", start, end, "", "unclosed HTML comment opener"), None
        return Finding("M102", start, close + 3, "", "HTML comment"), close + 3
    lname = _ONE_TAG.match(token).group(2).lower()
    if end < ends.no_raw_end_after.get(lname, len(text) + 1):
        close = _RAW_END[lname].search(text, end)
        if close is not None:
            return Finding("M103", start, close.end(), "", f"<{lname}> block with its content"), close.end()
        ends.no_raw_end_after[lname] = end
    # unclosed: only the tag itself goes
    (code, _s, _e, replacement, reason), = _tag_run_parts(token)
    return Finding(code, start, end, replacement, reason), None


def _contains(text: str, word: str, probe: str) -> bool:
    """``word in text``, looking first for ``probe``, a character of ``word``
    that few texts hold: one character is found by a much faster scan than a
    word, and a text without it cannot hold the word."""
    return probe in text and word in text


def _reference_tokens(body: str, offset: int) -> list[tuple[int, str]]:
    """``(position, token)`` of every reference (and CDATA end) in ``body``,
    which starts at ``offset`` in the text, found on their own: some lie
    inside a tag or a skipped block and are dropped when the tags are known."""
    if _contains(body, "]]>", "]"):
        refs = _REFERENCES_AND_CDATA_END
    elif "&" in body:
        refs = _REFERENCES
    else:
        return []
    pieces = refs.split(body)
    found = []
    pos = offset
    for before, token in zip(pieces[::2], pieces[1::2]):
        pos += len(before)
        found.append((pos, token))
        pos += len(token)
    return found


def _scan(text: str, offset: int, permissive: bool, findings: list[Finding], ends: _OpenEnds) -> int | None:
    """Add the findings of ``text[offset:]``.  Returns where to scan again
    when a token found before the end of a skipped block runs past that end
    (a fresh scan from the end might cut the text differently), else None."""
    parts_of = _parts_in_page if permissive else _parts_in_text
    body = text[offset:] if offset else text
    pieces = _splitter(permissive).split(body)
    # references come between "<" tokens: each is taken when the scan passes
    # it, unless it lies inside the last tag or skipped block ("floor")
    refs = _reference_tokens(body, offset)
    refs.append((len(text) + 1, ""))
    r = 0
    next_ref = refs[0][0]
    append = findings.append
    pos = floor = offset
    skip_to = 0  # the end of the last comment / script block
    for gap, token in zip(pieces[::2], pieces[1::2]):
        pos += len(gap)
        while next_ref < pos:
            if next_ref >= floor:
                for code, start, end, replacement, reason in parts_of(refs[r][1]):
                    append(Finding(code, next_ref + start, next_ref + end, replacement, reason))
            r += 1
            next_ref = refs[r][0]
        if pos < skip_to:
            if pos + len(token) > skip_to:
                return skip_to
            pos += len(token)
            continue
        parts = parts_of(token)
        if parts is _NEEDS_CONTEXT:
            finding, block_end = _opener(token, pos, text, ends)
            append(finding)
            if block_end is not None:
                skip_to = block_end
        else:
            for code, start, end, replacement, reason in parts:
                append(Finding(code, pos + start, pos + end, replacement, reason))
        pos += len(token)
        floor = pos if pos > skip_to else skip_to
    for ref_pos, token in refs[r:-1]:
        if ref_pos >= floor:
            for code, start, end, replacement, reason in parts_of(token):
                append(Finding(code, ref_pos + start, ref_pos + end, replacement, reason))
    return None


def find_markup(text: str, ctx: Context) -> list[Finding]:
    """Find every tag, comment, script/style block and character reference."""
    # every token starts with "<" or "&", or is a CDATA end "]]>"
    if "<" not in text and "&" not in text and not _contains(text, "]]>", "]"):
        return []
    return _find_all(text)


def _find_all(text: str) -> list[Finding]:
    # an XML document or a page with a doctype: every tag-shaped token is markup
    permissive = _XML_START.match(text) is not None
    findings: list[Finding] = []
    ends = _OpenEnds(len(text))
    offset: int | None = 0
    while offset is not None:
        offset = _scan(text, offset, permissive, findings, ends)
    if findings and not permissive and "`" in text:
        findings = _outside_code(text, findings)
    if findings and not permissive and markup_is_the_topic(text):
        return []
    if findings and not permissive and (_NAMED_TAG_HINT.search(text) is not None
                                        or _PAGE_ELEMENT_TAG.search(text) is not None):
        closed: set[str] = set()   # the elements the text closes somewhere, read once
        findings = [f for f in findings if not _named_in_prose(text, f, closed)]
    return findings


#: what follows a tag the text names in a sentence: "有<div>、<p>和<h1>，它们…"
_AFTER_NAMED_TAG = frozenset("、，,。；;：:）)」』”’和或与與及")
_BARE_OPENING = patterncache.compile(r"<([A-Za-z][A-Za-z0-9]*)>")
_CLOSING_NAME = patterncache.compile(r"</([A-Za-z][A-Za-z0-9]*)")
#: one scan that rules out most pages: no tag ends right before such a mark
#: (the pattern opens with a literal, which the search skips to)
_NAMED_TAG_HINT = patterncache.compile(f">[{''.join(sorted(_AFTER_NAMED_TAG))}]")


#: elements of a page's frame, never of its text: named inside a sentence,
#: they are words ("在<head>中声明<meta charset="utf-8">，…")
_PAGE_ELEMENTS = frozenset(("html", "head", "body", "meta", "link", "title", "base"))
_PAGE_ELEMENT_TAG = patterncache.compile(r"<(?:html|head|body|meta|link|title|base)\b", re.IGNORECASE)
_OPENING_NAME = patterncache.compile(r"<([A-Za-z][A-Za-z0-9]*)")


def _page_element_in_sentence(text: str, f: Finding, closed: set[str]) -> bool:
    """A page-frame tag (``<head>``, ``<meta …>``) between two Chinese characters
    of one line (or before a clause mark), a space at most on either side,
    its element closed nowhere: a
    sentence that names where something goes in a page.  Leftovers of a
    page's head come in a run of tags at the top, not inside a sentence."""
    # a space may stand between the tag and the words around it ("声明 <meta charset="utf-8">，")
    before = f.start - 2 if f.start >= 2 and text[f.start - 1] == " " else f.start - 1
    after = f.end + 1 if text[f.end:f.end + 1] == " " else f.end
    if before < 0 or after >= len(text) or not is_han(text[before]):
        return False
    after = text[after]
    if not (is_han(after) or after in _AFTER_NAMED_TAG):
        return False
    m = _OPENING_NAME.match(text, f.start, f.end)
    if m is None or m.group(1).lower() not in _PAGE_ELEMENTS:
        return False
    return m.group(1).lower() not in _closed_names(text, closed)


def _closed_names(text: str, closed: set[str]) -> set[str]:
    """The elements ``text`` closes somewhere, read once into ``closed``."""
    if not closed:
        closed.update(name.lower() for name in _CLOSING_NAME.findall(text))
        closed.add("")   # read: a text that closes nothing is not read again
    return closed


def _named_in_prose(text: str, f: Finding, closed: set[str]) -> bool:
    """Is the tag of ``f`` a word of a sentence rather than markup?

    A bare opening tag (no attributes) inside a line, right before a
    listing comma, a clause mark or a conjunction, whose element is never
    closed anywhere in the text: 常见的块级元素有<div>、<p>、<h1>，它们默认独占一行.
    Markup opens and closes its elements around text instead.  (The same
    holds for tags a text writes escaped, &lt;div&gt;, once they are decoded,
    so the decoded text is a fixed point.)
    """
    if f.code != "M101" or f.end >= len(text):
        return False
    if text[f.end] not in _AFTER_NAMED_TAG:
        return _page_element_in_sentence(text, f, closed)
    if f.start == 0 or text[f.start - 1] == "\n":
        return False
    m = _BARE_OPENING.fullmatch(text, f.start, f.end)
    if m is None:
        return _page_element_in_sentence(text, f, closed)
    return m.group(1).lower() not in _closed_names(text, closed)


#: a text that explains markup names one of these (one quick scan each), each
#: with a character of it that few other texts hold (see ``_contains``)
_TOPIC_GATE = (("HTML", "H"), ("标签", "签"), ("標籤", "標"))
#: words of a text that explains markup: they name its parts
_TOPIC_SPECIFIC = patterncache.compile(
    r"标签|標籤|标记|標記|字符实体|字元實體|实体|實體|转义|轉義|跳脫|尖括号|尖括號|源码|源代码|源碼|原始碼|注释|註解|註釋")
#: words of any text about web pages
_TOPIC_GENERAL = patterncache.compile(r"HTML|XML|Markdown|CSS|浏览器|瀏覽器|网页|網頁|代码|代碼|程式碼|编辑器|編輯器|元素|属性|屬性")
#: a line wrapped in tags the way an HTML page's paragraphs are (a line
#: indented as code shows markup instead)
_WRAPPED_LINE = patterncache.compile(r"^ {0,3}<[A-Za-z][^<>\n]*>.*</?[A-Za-z][^<>\n]*>[ \t]*$", re.M)


def markup_is_the_topic(text: str) -> bool:
    """Does the text explain markup (a tutorial naming ``<br>`` and ``&nbsp;``)?

    Its tags and references are then words of the text, not leftovers of the
    page it was scraped from.  Such a text names the parts of markup (标签,
    字符实体, 转义, 源码 …) and talks about the web (HTML, 浏览器, CSS …), and
    few of its lines are wrapped in tags; a page scraped with its HTML wraps
    most of its paragraphs in them, whatever it is about.
    """
    if not any(_contains(text, word, probe) for word, probe in _TOPIC_GATE):
        return False
    specific = set(_TOPIC_SPECIFIC.findall(text))
    if not specific:
        return False
    general = set(_TOPIC_GENERAL.findall(text))
    if len(specific) + len(general) < 4 or not general:
        return False
    lines = sum(1 for line in text.split("\n") if line.strip())
    return len(_WRAPPED_LINE.findall(text)) * 5 < lines


#: Markdown code: a fenced block, or an inline span closed on its line by as many backticks
_MARKDOWN_CODE = patterncache.compile(r"^(```+|~~~+)[^\n]*\n.*?^\1[ \t]*$|(`+)[^`\n]+?\2(?!`)", re.M | re.S)


def _outside_code(text: str, findings: list[Finding]) -> list[Finding]:
    """The findings that do not lie inside Markdown code: there a tag or a
    reference is what the text is about (a span such as ``<br>`` in backticks,
    "表示换行"), not markup."""
    spans = [(m.start(), m.end()) for m in _MARKDOWN_CODE.finditer(text)]
    if not spans:
        return findings
    starts = [a for a, _b in spans]
    kept = []
    for f in findings:
        i = bisect.bisect_right(starts, f.start) - 1
        if i < 0 or f.end > spans[i][1]:
            kept.append(f)
    return kept


DETECTOR = Detector(
    name="markup",
    prefix="M",
    summary="HTML/XML markup: tags, comments, script/style blocks, character references.",
    rules=RULES,
    find=find_markup,
    repeat=True,
)
