"""Fuzzing: random bytes never crash the cleaner; random HTML-ish text cleans idempotently."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from cleaner.batch import clean_bytes
from cleaner.pipeline import clean
from cleaner.settings import Settings

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TAGS = ["p", "div", "br", "script", "style", "span", "a", "b", "!--", "-->", "![CDATA[", "]]>", "!DOCTYPE html", "?xml"]
PIECES = st.one_of(
    st.sampled_from(["<", ">", "</", "/>", "&", ";", "&nbsp;", "&#123;", "&#x4e2d;", "&amp;", "\n", "\n\n\n",
                     "\r\n", "　", "\u00a0", "\t", " ", "|", "｜", "(", ")", "（", "）", "=", "\"", "'"]),
    st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from(["新闻", "中文", "責任編輯：王", "凤山县| 石首市| 疏附县", "分享到：", "热门推荐",
                     "風(fēng)", "鍙戦€佺殑", "ÖÐÎÄ", "锟斤拷", "\ufffd", "版权所有", "发布 👍 0 举报", "https://t.cn/abc"]),
    st.text(max_size=8),
)
HTMLISH = st.lists(PIECES, max_size=40).map("".join)


@FUZZ
@given(st.binary(max_size=2048))
def test_random_bytes_never_crash(data):
    result = clean_bytes(data, "fuzz.txt", Settings())
    assert result.status in ("changed", "unchanged", "error")
    if result.status == "error":
        assert result.error and "internal error" not in result.error and "\n" not in result.error
    else:
        result.output_bytes.decode("utf-8")


def _idempotent(text: str) -> None:
    once = clean(text).text
    assert clean(once).text == once


@FUZZ
@given(HTMLISH)
def test_random_html_cleans_idempotently(text):
    _idempotent(text)


@FUZZ
@given(st.text(max_size=300))
def test_random_text_cleans_idempotently(text):
    _idempotent(text)
