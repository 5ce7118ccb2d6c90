"""White-space rules: line edges, blank-line runs, document edges, control characters."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from cleaner import clean


def test_line_edges_are_stripped_inside_kept():
    raw = "\u3000\u3000第一段  \n\u00a0来源  2024-01-01\t\n"
    assert clean(raw).text == "第一段\n来源  2024-01-01\n"


def test_blank_runs_collapse_to_one():
    raw = "甲\n\n\n\n乙\n \n\u3000\n丙"
    result = clean(raw)
    assert result.text == "甲\n\n乙\n\n丙\n"
    assert {f.code for f in result.findings} >= {"W102", "W103"}


def test_control_characters_are_removed():
    assert clean("甲\x07乙\x00丙\n").text == "甲乙丙\n"


_pieces = st.sampled_from(
    ["第一段。", "Hello", " ", "\u3000", "\n", "\n\n\n", "\t", "<p>", "</p>", "<!-- c -->", "&nbsp;",
     "&amp;", "(注)", "——", "😀", "\r\n", "\u00a0", "<b>", "a<b", "&lt;", "###", "|"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_pieces, max_size=40).map("".join))
def test_cleaning_is_idempotent(doc):
    once = clean(doc).text
    assert clean(once).text == once


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_cleaning_arbitrary_text_is_idempotent(doc):
    once = clean(doc).text
    assert clean(once).text == once
    assert once == "" or once.endswith("\n") and not once.endswith("\n\n")


_layout_pieces = st.sampled_from(
    ["字", "a", " ", "\t", "\u3000", "\u00a0", "\u200b", "\u2028", "\ufeff", "\x0b", "\x0c", "\x85",
     "\n", "\n\n", "\n\n\n", "\x07", "\x1f"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_layout_pieces, max_size=30).map("".join))
def test_one_round_leaves_nothing_to_find(doc):
    """The detector runs once: what one round leaves, a second finds nothing in."""
    from cleaner.detectors.base import Context
    from cleaner.detectors.whitespace import DETECTOR
    from cleaner.findings import apply_findings, resolve_overlaps

    assert not DETECTOR.repeat
    found = resolve_overlaps(DETECTOR.find(doc, Context()))
    after = apply_findings(doc, found)
    assert DETECTOR.find(after, Context()) == []


def test_a_round_that_removes_control_characters_is_looked_at_again():
    result = clean("甲 \x07\n\n\n乙")
    assert result.text == "甲\n\n乙\n"
    assert {f.code for f in result.findings} >= {"W104", "W102"}
