"""decode_bytes: BOM, UTF-8 fast path, declared charsets, BOM-less UTF-16/32, Chinese legacy codecs."""
from __future__ import annotations

import codecs
from unittest import mock

import pytest

from cleaner import decoding
from cleaner.decoding import BinaryFileError, DecodeFailure, UndecodableError, decode_bytes

SHORT = "我是中文，这是一个测试。"

ROUND_TRIPS = [
    (SHORT, "utf-16-le"),
    (SHORT, "utf-16-be"),
    ("Hello 世界 ok", "utf-16-le"),
    ("中文", "utf-32-le"),
    ("中文内容", "utf-32-be"),
    ("我是中文，这是一", "gbk"),
    ("这是一行简短的中文文字", "gbk"),
    ("你好", "gbk"),
    ("中华人民共和国", "gb18030"),
    ("㐀𠀀中文测试", "gb18030"),
    ("這是一個測試，我們的國家", "big5"),
    ("民國", "big5"),
    ("香港特別行政區政府", "big5hkscs"),
    ("Café crème brûlée à la française", "cp1252"),
    ("Привет, как дела? Это тест.", "cp1251"),
]


@pytest.mark.parametrize("text,encoding", ROUND_TRIPS)
def test_round_trip(text, encoding):
    assert decode_bytes(text.encode(encoding)).text == text


def test_utf8_never_pays_for_detection():
    with mock.patch.object(decoding, "detect_encoding", side_effect=AssertionError("detected")):
        result = decode_bytes("中文 text".encode("utf-8"))
    assert (result.text, result.encoding, result.confidence) == ("中文 text", "utf-8", "exact")


def test_bom():
    result = decode_bytes(codecs.BOM_UTF16_LE + SHORT.encode("utf-16-le"))
    assert result.text == SHORT and result.bom and result.encoding == "utf-16-le"
    assert decode_bytes(codecs.BOM_UTF8 + "中".encode()).text == "中"


def test_declared_charset_mapped_to_superset():
    page = '<meta charset="gb2312"><p>镕基</p>'.encode("gb18030")  # 镕 is GBK, not GB2312
    result = decode_bytes(page)
    assert result.confidence == "declared" and result.encoding == "gb18030"
    assert "镕基" in result.text
    xml = '<?xml version="1.0" encoding="big5"?><a>香港</a>'.encode("big5hkscs")
    assert decode_bytes(xml).encoding == "big5hkscs"


def test_wrong_declaration_ignored():
    page = '<meta charset="big5"><p>这是一行简短的中文文字</p>'.encode("gbk")
    assert "这是一行简短的中文文字" in decode_bytes(page).text


def test_short_gbk_not_utf16():
    # charset-normalizer alone takes this for UTF-16-BE
    data = "这是一行简短的中文文字".encode("gbk")
    result = decode_bytes(data)
    assert result.encoding == "gb18030" and result.text == "这是一行简短的中文文字"


def test_binary_and_undecodable():
    with pytest.raises(BinaryFileError):
        decode_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    with pytest.raises(UndecodableError):
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfd")
    assert issubclass(BinaryFileError, DecodeFailure)


def _long_chinese(n_paragraphs: int = 30) -> str:
    para = "国务院新闻办公室今天举行发布会，介绍今年前三季度经济运行情况，有关负责人回答了记者提问。"
    return "\n".join(f"{k}. {para}" for k in range(n_paragraphs)) + "\n"


@pytest.mark.parametrize("codec, expected", [("gbk", "gb18030"), ("big5", "big5hkscs")])
def test_a_clear_reading_is_chosen_from_a_first_look_and_agrees_with_full_scoring(codec, expected):
    from cleaner import decoding

    text = _long_chinese()
    data = (text if codec == "gbk" else _to_traditional(text)).encode(codec)
    texts = dict((enc, t) for t, enc in decoding._readings(data))
    assert decoding._clear_winner(texts) == expected
    full = max((decoding._plausibility(t, enc), enc) for enc, t in texts.items())
    assert full[1] == expected
    assert decoding.decode_bytes(data).encoding == expected


def test_markup_up_front_is_scored_in_full():
    from cleaner import decoding

    head = "<html><head><meta name=\"x\" content=\"" + "a" * 1200 + "\"></head><body>\n"
    data = (head + _long_chinese()).encode("gbk")
    texts = dict((enc, t) for t, enc in decoding._readings(data))
    assert decoding._clear_winner(texts) is None  # the first look sees no Chinese
    assert decoding.decode_bytes(data).encoding == "gb18030"


def _to_traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)
