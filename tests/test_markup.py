"""Markup detector: tags, comments, script/style, references; code and prose left alone."""
from __future__ import annotations

import pytest

from cleaner import clean


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("<p class=\"a\">第一段</p><p>第二段</p>", "第一段\n\n第二段\n"),
        ("正文<br/>下一行", "正文\n下一行\n"),
        ("<span style='color:red'>红</span>字", "红字\n"),
        ("前<!-- 注释\n跨行 -->后", "前后\n"),
        ("<script type=\"text/javascript\">var a = '<p>';</script>正文", "正文\n"),
        ("<STYLE>.x{color:red}</STYLE>正文", "正文\n"),
        ("a&#123;b&#x7D;c", "a{b}c\n"),
        ("甲&nbsp;乙&amp;丙", "甲 乙&丙\n"),
        ("&amp;lt;b&amp;gt;", "\n"[:0] + ""),
        ("<!DOCTYPE html><html><head><title>标题</title></head><body><div>正文</div></body></html>", "标题\n\n正文\n"),
        ("<o:p>办公</o:p>", "办公\n"),
        ("<?xml version=\"1.0\"?><root>x</root>", "x\n"),
    ],
)
def test_markup_is_removed(raw, expected):
    assert clean(raw).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "if (a<b && c>d) { x = y << 2; }\n",
        "List<String> names = new ArrayList<>();\n",
        "箭头 -> 与 <= 比较，a < b > c。\n",
        "《红楼梦》与<张三>的书名号误用\n",
        "AT&T 与 R&D 部门，价格 5&6 元\n",
        "邮件 <someone@example.com> 可联系\n",
        "数学：x<y 且 y>z\n",
    ],
)
def test_text_that_only_looks_like_markup_is_kept(text):
    assert clean(text).text == text


def test_unclosed_script_removes_only_the_tag():
    assert clean("<script>正文继续").text == "正文继续\n"


def test_many_unclosed_comments_are_linear():
    raw = "<!--x " * 20000
    result = clean(raw)
    assert "<!--" not in result.text


def test_line_structure_of_fragments_is_kept():
    raw = "第一行<b>粗</b>\n第二行\n<i>第三行</i>\n"
    assert clean(raw).text == "第一行粗\n第二行\n第三行\n"


def test_markup_is_idempotent_on_double_escaping():
    raw = "&amp;lt;p&amp;gt;正文"
    once = clean(raw).text
    assert clean(once).text == once


def test_tags_and_references_in_markdown_code_are_the_text():
    text = "# HTML 入门\n\n- `<br>` 表示换行。\n- 小于号要写成 `&lt;`，注释写作 `<!-- 注释 -->`。\n"
    assert clean(text).text == text


def test_a_fenced_code_block_is_kept_and_markup_outside_it_goes():
    text = "用法：\n\n```html\n<div>示例</div>\n&amp;\n```\n\n<b>粗体</b>\n"
    result = clean(text)
    assert result.text == "用法：\n\n```html\n<div>示例</div>\n&amp;\n```\n\n粗体\n"
    assert [f.before for f in result.findings] == ["<b>", "</b>"]


def test_backticks_do_not_shield_markup_around_them():
    result = clean("<p>正文 `code` 内容</p>\n")
    assert result.text == "正文 `code` 内容\n"


def test_a_paragraph_break_between_tags_is_one_finding():
    result = clean("第一段。</p>\n\n<p>第二段。\n")
    assert result.text == "第一段。\n\n第二段。\n"
    assert [(f.code, f.replacement) for f in result.findings] == [("M101", "\n\n")]


def test_a_text_that_explains_markup_keeps_its_tags_and_references():
    """An HTML tutorial names <br> and &nbsp; in its prose and shows them in code."""
    text = ("很多初学者都会问：想显示多个空格，为什么要用字符实体 &nbsp; 呢？\n"
            "因为浏览器会把连续空格合并成一个。HTML 的 <br> 标签表示换行，<p> 元素表示段落。\n"
            "例如源码里写：\n"
            "    <p>姓名：&nbsp;&nbsp;张三</p>\n"
            "&lt; 表示小于号，布局的事交给 CSS。\n")
    assert clean(text, select="M").text == text


def test_a_page_scraped_with_its_html_loses_its_tags_whatever_its_topic():
    """Most paragraphs wrapped in tags: leftovers of the page, even on a page about HTML."""
    text = ("<p>HTML 标签和字符实体入门，浏览器怎么显示源码。</p>\n"
            "<p>第二段讲 CSS 属性。</p>\n"
            "<p>第三段讲元素。</p>\n")
    cleaned = clean(text, select="M").text
    assert "<p>" not in cleaned and "第三段讲元素。" in cleaned


def test_tags_a_sentence_names_stay_escaped_or_not():
    """常见的块级元素有&lt;div&gt;、&lt;p&gt;: the author meant the words <div> and <p>."""
    text = "常见的块级元素有&lt;div&gt;、&lt;p&gt;、&lt;h1&gt;，它们默认独占一行。\n"
    cleaned = clean(text).text
    assert cleaned == "常见的块级元素有<div>、<p>、<h1>，它们默认独占一行。\n"
    assert clean(cleaned).text == cleaned


def test_escaped_markup_that_wraps_text_still_goes():
    assert clean("&lt;p&gt;正文&lt;/p&gt;").text == "正文\n"
    assert clean("<p>第一段</p>、<p>第二段</p>").text.count("<p>") == 0


def test_named_tag_check_reads_the_text_once(monkeypatch):
    """Thousands of named tags cost one pass for the closed elements, not one each."""
    from cleaner.detectors import markup

    calls = []
    real = markup._CLOSING_NAME

    class Counting:
        def findall(self, text):
            calls.append(1)
            return real.findall(text)

    monkeypatch.setattr(markup, "_CLOSING_NAME", Counting())
    clean("说明有<b>、<i>，" * 500 + "\n", select="M")
    assert 1 <= len(calls) <= 4   # once per round at most


def test_a_page_element_named_in_a_sentence_with_spaces_around_it_stays():
    text = "要避免乱码，网页里声明 <meta charset=\"utf-8\">，数据库和连接都用 utf8mb4。\n"
    assert clean(text).text == text
    page = "<html>\n<head>\n<meta charset=\"utf-8\">\n<title>标题</title>\n</head>\n<body>\n<p>正文</p>\n</body>\n</html>\n"
    assert clean(page).text == "标题\n\n正文\n"
