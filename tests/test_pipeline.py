"""The pipeline contract: findings map back to the original, selection works, output format holds."""
from __future__ import annotations

import unicodedata

import pytest

from cleaner import clean
from cleaner.findings import Finding, OffsetMap, apply_findings, resolve_overlaps
from cleaner.selection import Selection, UnknownRuleError


def test_offset_map_round_trip_over_removals_and_repairs():
    text = "abcXYdefZ"
    edits = [Finding("T1", 3, 5, "", "r"), Finding("T2", 8, 9, "QQ", "r")]
    new = apply_findings(text, edits)
    assert new == "abcdefQQ"
    m = OffsetMap(edits)
    assert text[m.to_old(0):m.to_old(3, is_end=True)] == "abc"
    assert text[m.to_old(3):m.to_old(6, is_end=True)] == "def"
    # a span inside a replacement covers the whole replaced span
    assert text[m.to_old(6):m.to_old(8, is_end=True)] == "Z"


def test_overlapping_findings_keep_the_first():
    kept = resolve_overlaps([Finding("A", 0, 5, "", ""), Finding("B", 3, 8, "", ""), Finding("C", 8, 9, "", "")])
    assert [f.code for f in kept] == ["A", "C"]


def test_findings_point_at_original_text():
    raw = "<p>标题</p>\n<!-- 注释 -->\n　　正文第一段。\n"
    result = clean(raw)
    assert result.text == "标题\n\n正文第一段。\n"
    for f in result.findings:
        assert raw[f.orig_start:f.orig_end] == f.before or f.detector != "markup" or f.before in raw
    comment = [f for f in result.findings if f.code == "M102"]
    assert comment and raw[comment[0].orig_start:comment[0].orig_end] == "<!-- 注释 -->"
    assert comment[0].line == 2


def test_output_format_nfc_lf_single_trailing_newline():
    raw = "\ufeff第一行\r\n\r\n\r\n\r\ne\u0301\r\n\r\n"
    result = clean(raw)
    assert result.text == "第一行\n\n\u00e9\n"
    assert unicodedata.is_normalized("NFC", result.text)
    assert "crlf" in result.notes and "bom" in result.notes


def test_clean_text_is_unchanged_and_has_no_findings():
    text = "标题\n\n第一段，有标点。\n第二段（括号）与“引号”。\n"
    result = clean(text)
    assert result.text == text
    assert result.findings == []


def test_front_matter_is_kept_and_body_cleaned():
    raw = "\n---\ntitle: '标题'   \ntags: \n - 新闻\n---\n\n<div>正文</div>\n"
    result = clean(raw)
    assert result.text == "---\ntitle: '标题'\ntags:\n - 新闻\n---\n\n正文\n"
    assert clean(result.text).text == result.text


def test_front_matter_directly_followed_by_body_stays_so():
    raw = "---\na: 1\n---\n正文\n"
    assert clean(raw).text == raw


def test_toml_front_matter_is_recognised():
    raw = "+++\ntitle = \"x\"\n+++\n<b>正文</b>\n"
    assert clean(raw).text == "+++\ntitle = \"x\"\n+++\n正文\n"


def test_selection_prefix_and_specificity():
    sel = Selection.from_options(["ALL"], ["M"])
    assert not sel.enabled("M101") and sel.enabled("W101")
    sel = Selection.from_options(["M101"], ["M"])
    assert sel.enabled("M101") and not sel.enabled("M102")
    with pytest.raises(UnknownRuleError):
        Selection.from_options(["Z999"], None, ["M101", "W101"])


def test_ignore_markup_keeps_tags():
    raw = "<b>粗体</b>\n"
    assert clean(raw, ignore="M").text == raw
    assert clean(raw).text == "粗体\n"


def test_empty_and_blank_documents():
    assert clean("").text == ""
    assert clean(" \n\u3000\n").text == ""


def _every_fixture_text():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    paths = sorted((root / "fixtures").rglob("*.in.txt")) + sorted((root / "seeds").glob("*"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths if p.is_file()]


def test_findings_left_unplaced_say_the_same_as_placed_ones():
    """``locate=False`` (a corpus record's summary) skips only the mapping back."""
    def said(f):
        return f.code, f.detector, f.before, f.replacement, f.reason, f.outcome()

    compared = 0
    for text in _every_fixture_text():
        placed, unplaced = clean(text), clean(text, locate=False)
        assert unplaced.text == placed.text and unplaced.notes == placed.notes
        assert sorted(map(said, unplaced.findings)) == sorted(map(said, placed.findings))
        assert all(f.orig_start == -1 and f.line == 0 for f in unplaced.findings)
        compared += len(placed.findings)
    assert compared > 500


def test_every_finding_carries_the_outcome_its_span_and_replacement_give():
    from cleaner.findings import outcome_of

    seen = set()
    for text in _every_fixture_text() + ["a\n\n\n\nb", "x&amp;y\n", "<p>t</p>\n", "中文 ? 中文\n"]:
        for f in clean(text).findings:
            assert f.outcome() == outcome_of(f.before, f.replacement, f.end - f.start), f
            seen.add(f.outcome()[0])
    assert seen == {"removed", "repaired", "flagged"}


@pytest.mark.parametrize("changed_by, feed, again", [
    (["feed", "boilerplate"], True, True),            # the chrome went after the feed looked: look again
    (["boilerplate"], True, True),                    # a later sweep: the feed found nothing new, the page changed
    (["boilerplate", "feed"], True, False),           # the feed had the last word
    (["feed", "boilerplate"], False, False),          # no feed chrome on the page: one sweep
    ([], True, False),                                # nothing changed: a fixed point
])
def test_a_page_is_swept_again_only_when_the_feed_may_see_more(changed_by, feed, again):
    from cleaner.pipeline import _another_sweep

    assert _another_sweep(changed_by, {"feed": True} if feed else {}) is again


def test_a_forum_page_is_a_fixed_point_after_its_sweeps():
    from pathlib import Path

    raw = (Path(__file__).resolve().parent.parent / "fixtures" / "pages" / "forum2" / "raw" / "discuz_city_caichang.txt")
    once = clean(raw.read_text(encoding="utf-8")).text
    assert clean(once).text == once
    assert "注册时间" not in once   # a profile block the first sweep alone leaves
