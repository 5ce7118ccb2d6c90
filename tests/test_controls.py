"""Control characters (W104) go before any line is judged, so one cleaning is enough."""
from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.detectors import all_detectors
from cleaner.detectors.controls import find_controls, has_control
from cleaner.detectors.base import Context


def test_controls_run_right_after_markup():
    names = [d.name for d in all_detectors()]
    assert names.index("controls") == names.index("markup") + 1
    assert names.index("controls") < min(names.index(n) for n in ("mojibake", "feed", "boilerplate", "placenames"))


@pytest.mark.parametrize("text", ["新闻\x08", "热门推荐\x01", "分享到：\x01", "正文第一段。\n\n\x00版权所有\n"])
def test_a_line_with_a_control_character_is_judged_as_it_will_be_written(text):
    once = clean(text).text
    assert clean(once).text == once
    assert clean(text.replace("\x08", "").replace("\x01", "").replace("\x00", "")).text == once


def test_control_runs_are_reported_by_the_controls_detector():
    result = clean("甲\x07\x07乙\x00\n")
    assert result.text == "甲乙\n"
    rows = [(f.code, f.detector, f.before) for f in result.findings]
    assert rows == [("W104", "controls", "\x07\x07"), ("W104", "controls", "\x00")]


@pytest.mark.parametrize("text, expected", [("a\tb\n", False), ("a\x0bb", False), ("中\x1f文", True),
                                            ("\x7f", True), ("中文" * 50, False)])
def test_has_control(text, expected):
    assert has_control(text) is expected
    assert bool(find_controls(text, Context())) is expected
