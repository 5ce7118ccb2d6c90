"""Markup detector (M): HTML/XML tags, comments, script/style blocks, character references.

Tags are found by a linear-time scanner rather than by re-serialising a
parse tree, because every removal has to be reported with its exact span and
the text between tags has to keep its line structure.  A ``<name …>`` token
counts as a tag only when ``name`` is a real HTML element (or namespaced /
custom), and its attributes have attribute shape, so ``a<b``, ``List<String>``
or ``<<`` in a code snippet are left alone.  Removing a block-level tag ends
the line; removing an inline tag joins its neighbours.  Character references
are decoded (``&#123;`` → ``{``, ``&nbsp;`` → space).
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from importlib import resources

from ..findings import Finding
from .base import Context, Detector, Rule

RULES = (
    Rule("M101", "html-tag", "An HTML/XML tag; the text inside it is kept.", "<p class=x>文字</p> → 文字"),
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


_ATTR = r"""(?:\s+[A-Za-z_:@][-A-Za-z0-9_:.@]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)"""
_TOKEN = re.compile(
    r"<!--"                                         # comment (end found by str.find)
    r"|<!\[CDATA\[|\]\]>"                           # CDATA wrappers
    r"|<![A-Za-z][^<>]*>"                           # doctype
    r"|<\?[A-Za-z][^<>]*\?>"                        # XML prolog / PI
    r"|<(/?)([A-Za-z][A-Za-z0-9]*(?:[:-][A-Za-z0-9]+)*)(" + _ATTR + r"*)\s*/?>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});",
    re.DOTALL,
)
_RAW_END = {
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
    "noscript": re.compile(r"</noscript\s*>", re.IGNORECASE),
}
_XML_START = re.compile(r"\s*<(?:\?xml\b|!DOCTYPE\b)", re.IGNORECASE)
_PRECHECK = re.compile(r"<[A-Za-z!/?]|&[#A-Za-z]|\]\]>")


def _decode_reference(token: str) -> str | None:
    value = html.unescape(token)
    if value == token:
        return None
    if value == "\u00a0":
        return " "
    if value in ("\x00",) or (len(value) == 1 and ord(value) < 32 and value not in "\t\n"):
        return None
    return value


def find_markup(text: str, ctx: Context) -> list[Finding]:
    """Find every tag, comment, script/style block and character reference."""
    if not _PRECHECK.search(text):
        return []
    names, blocks = html_elements()
    # an XML document or a page with a doctype: every tag-shaped token is markup
    permissive = _XML_START.match(text) is not None
    findings: list[Finding] = []
    pos = 0
    search = _TOKEN.search
    # positions after which a closing "-->" / "</script>" is known not to exist,
    # so unclosed openers cost one scan in all rather than one scan each
    no_comment_end_after = len(text) + 1
    no_raw_end_after: dict[str, int] = {}
    while True:
        m = search(text, pos)
        if m is None:
            break
        token = m.group(0)
        start, end = m.span()
        pos = end
        if token.startswith("&"):
            value = _decode_reference(token)
            if value is not None:
                findings.append(Finding("M104", start, end, value, f"character reference {token} decoded"))
            continue
        if token == "<!--":
            close = -1 if start >= no_comment_end_after else text.find("-->", end)
            if close < 0:
                no_comment_end_after = min(no_comment_end_after, start)
                findings.append(Finding("M102", start, end, "", "unclosed HTML comment opener"))
                continue
            findings.append(Finding("M102", start, close + 3, "", "HTML comment"))
            pos = close + 3
            continue
        if token in ("<![CDATA[", "]]>"):
            findings.append(Finding("M102", start, end, "", "CDATA wrapper (content kept)"))
            continue
        if token.startswith("<!") or token.startswith("<?"):
            findings.append(Finding("M105", start, end, "", "markup declaration"))
            continue
        closing, name = m.group(1), m.group(2)
        lname = name.lower()
        if not permissive and lname not in names and ":" not in name and "-" not in name:
            continue
        if not closing and lname in _RAW_END and end < no_raw_end_after.get(lname, len(text) + 1):
            close = _RAW_END[lname].search(text, end)
            if close is None:
                no_raw_end_after[lname] = end
            else:
                findings.append(Finding("M103", start, close.end(), "", f"<{lname}> block with its content"))
                pos = close.end()
                continue
        replacement = "\n" if lname in blocks else ""
        findings.append(Finding("M101", start, end, replacement, f"{'closing ' if closing else ''}<{lname}> tag"))
    return findings


DETECTOR = Detector(
    name="markup",
    prefix="M",
    summary="HTML/XML markup: tags, comments, script/style blocks, character references.",
    rules=RULES,
    find=find_markup,
    repeat=True,
)
