"""report.diff: the diff anchored on untouched lines is a valid unified diff, as difflib's is."""
from __future__ import annotations

import difflib
import re
from pathlib import Path

from hypothesis import given, settings, strategies as st

from cleaner.findings import Finding
from cleaner.pipeline import clean
from cleaner.reports.diff import unified_diff

ROOT = Path(__file__).resolve().parent.parent
HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n")


def apply_patch(original: str, diff: str) -> str:
    """Apply a one-file unified diff, checking every context and removed line against ``original``."""
    a = original.splitlines(keepends=True)
    lines = diff.splitlines(keepends=True)
    assert lines[0].startswith("--- a/") and lines[1].startswith("+++ b/")
    out: list[str] = []
    i = 0
    k = 2
    while k < len(lines):
        m = HUNK.fullmatch(lines[k])
        assert m, lines[k]
        start, length = int(m.group(1)), int(m.group(2) or 1)
        start = start - 1 if length else start
        assert start >= i, "hunks out of order"
        out.extend(a[i:start])
        i = start
        k += 1
        while k < len(lines) and not lines[k].startswith("@@"):
            tag, body = lines[k][0], lines[k][1:]
            if k + 1 < len(lines) and lines[k + 1] == "\\ No newline at end of file\n":
                body = body[:-1]
                k += 1
            if tag in " -":
                assert a[i] == body, (a[i], body)
                i += 1
            if tag in " +":
                out.append(body)
            k += 1
    out.extend(a[i:])
    return "".join(out)


def _check(original: str, cleaned: str, findings) -> str:
    diff = unified_diff(original, cleaned, "x.txt", findings)
    assert apply_patch(original, diff) == cleaned
    return diff


def test_fixture_documents_round_trip_through_the_anchored_diff():
    docs = [p for p in (ROOT / "fixtures").rglob("*.in.txt")] + sorted((ROOT / "seeds").iterdir())
    assert len(docs) > 50
    for path in docs:
        text = path.read_text(encoding="utf-8")
        result = clean(text)
        if result.changed and "\r" not in text:
            _check(text, result.text, result.findings)


def test_the_anchored_diff_is_as_small_as_difflibs_on_simple_removals():
    original = "标题\n\n首页 | 新闻 | 体育\n正文第一段。\n正文第二段。\n\n责任编辑：王\n"
    result = clean(original)
    ours = _check(original, result.text, result.findings)
    theirs = "".join(difflib.unified_diff(original.splitlines(True), result.text.splitlines(True),
                                          "a/x.txt", "b/x.txt", n=2))
    assert ours.count("\n-") == theirs.count("\n-") and ours.count("\n+") == theirs.count("\n+")


def test_lines_split_by_removed_markup_and_a_missing_final_newline():
    original = "<p>第一段</p><p>第二段</p>\n不变的一行\n末行<br>"
    result = clean(original)
    assert result.text.count("\n") > original.count("\n")
    diff = _check(original, result.text, result.findings)
    assert "\\ No newline at end of file" in diff and " 不变的一行\n" in diff


def test_findings_that_point_elsewhere_still_give_a_valid_diff():
    original = "一\n二\n三\n四\n五\n"
    cleaned = "一\n二改\n四\n五\n新\n"
    wrong = [Finding("B101", 0, 1, "", "bogus", orig_start=0, orig_end=1)]  # claims line 1 changed
    _check(original, cleaned, wrong)
    _check(original, cleaned, [])
    _check(original, cleaned, None)


LINES = st.lists(st.sampled_from(["甲\n", "乙\n", "丙\n", "\n", "丁丁\n", "戊"]), max_size=12).map("".join)


@settings(max_examples=200, deadline=None)
@given(LINES, LINES, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 6)), max_size=4))
def test_any_texts_and_any_findings_give_a_patch_that_reproduces_the_output(original, cleaned, spans):
    findings = [Finding("W101", s, s + n, "", "x", orig_start=min(s, len(original)),
                        orig_end=min(s + n, len(original))) for s, n in spans]
    if original != cleaned:
        _check(original, cleaned, findings)
