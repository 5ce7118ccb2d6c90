"""Tests for quoted examples (cleaner.quoting)."""
from __future__ import annotations

from cleaner.quoting import inside_quotes, talks_about_encodings


def test_a_span_inside_one_pair_of_quotes_on_its_line():
    text = "就可能把“湖南日報”变成“湖南日?qǐng)?bào)”——程序"
    start = text.index("日?")
    assert inside_quotes(text, start, text.index("”——"))
    assert not inside_quotes(text, text.index("变成"), text.index("变成") + 2)


def test_quotes_on_another_line_do_not_count():
    text = "他说“\n湖南日?qǐng)?bào)\n”"
    start = text.index("日?")
    assert not inside_quotes(text, start, start + 9)


def test_a_text_about_encodings_is_told_by_its_words():
    assert talks_about_encodings("按字节匹配就会出现乱码")
    assert not talks_about_encodings("今天天气很好，我们去公园散步。")
