"""Mojibake detector: generated cases repaired, clean texts untouched, seeds no worse."""
from __future__ import annotations

import contextlib
import json
import re
import signal
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from cleaner import clean
from cleaner.detectors.mojibake import precheck
from cleaner.encoding import cjk_mojibake, latin_mojibake, lost_bytes, unencodable

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "mojibake"
CASES = json.loads((FIXTURES / "cases.json").read_text(encoding="utf-8"))
CLEAN = json.loads((FIXTURES / "clean.json").read_text(encoding="utf-8"))
SEEDS = ROOT.parent / "shared" / "seeds"


def test_fixture_sizes():
    assert len(CASES) >= 60
    assert len(CLEAN) >= 30
    assert len({c["kind"] for c in CASES}) >= 10


@pytest.mark.parametrize("case", CASES, ids=[f"{i}-{c['kind']}" for i, c in enumerate(CASES)])
def test_case_repaired(case):
    result = clean(case["input"], select="E")
    assert result.text.rstrip("\n") == case["expected"]
    assert result.findings, "a repair must be reported"
    for f in result.findings:
        assert f.code.startswith("E") and f.reason.startswith(f.code)


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_unchanged(text):
    result = clean(text)
    assert result.text == text + "\n"
    assert not [f for f in result.findings if f.detector == "mojibake"]


def test_reason_names_kind_and_both_texts():
    result = clean("浣犲ソ", select="E")
    assert result.text.rstrip("\n") == "你好"
    (f,) = result.findings
    assert f.code == "E201"
    assert f.reason == "E201 UTF-8 read as GBK: 浣犲ソ → 你好"


def test_classic_examples():
    intact = "我是中文".encode("utf-8").decode("gb18030")  # keeps the private-use reading of AD E6
    assert clean(intact, select="E").text.rstrip("\n") == "我是中文"
    assert clean("ÖÐÎÄ", select="E").text.rstrip("\n") == "中文"
    assert clean("鍙戦€佺殑", select="E").text.rstrip("\n") == "发送的"


def test_span_inside_clean_line_only():
    text = "正文开始 浣犲ソ 正文结束"
    result = clean(text, select="E")
    assert result.text.rstrip("\n") == "正文开始 你好 正文结束"
    (f,) = result.findings
    assert (f.orig_start, f.orig_end) == (5, 8)


def test_lossy_tail_repaired_up_to_loss():
    damaged = "我是中,".encode("utf-8").decode("gb18030", "replace")
    assert "\ufffd" in damaged
    assert clean(damaged, select="E").text.rstrip("\n") == "我是,"


def test_lost_byte_runs_removed():
    assert clean("前锟斤拷锟斤拷后", select="E").text.rstrip("\n") == "前后"
    assert clean("前烫烫烫烫后", select="E").text.rstrip("\n") == "前后"
    assert clean("前\ufffd\ufffd后", select="E").text.rstrip("\n") == "前后"
    # a doubled 烫 is a word, not fill bytes
    assert clean("烫烫的", select="E").text.rstrip("\n") == "烫烫的"


def test_ftfy_keeps_cjk_punctuation():
    text = "他说：“你好（测试）”，然后走了。cafÃ©"
    assert clean(text, select="E").text.rstrip("\n") == "他说：“你好（测试）”，然后走了。café"


def test_unencodable_question_mark():
    assert clean("某网 ? 2017版權所有", select="E").text.rstrip("\n") == "某网 © 2017版權所有"
    # a plain question is not touched
    assert clean("你知道吗? 2017年他来了", select="E").text.rstrip("\n") == "你知道吗? 2017年他来了"
    reported = unencodable.find_unencodable("中文 ? 中文")
    assert reported and reported[0][2] == "?" and reported[0][3].startswith("E221")


def test_module_functions_directly():
    (r,) = cjk_mojibake.find_repairs("ÕâÊÇ²âÊÔ")
    assert (r.text, r.pair.code) == ("这是测试", "E202")
    assert latin_mojibake.find_latin_mojibake("naïve café") == []
    assert lost_bytes.find_lost_bytes("干净的文本") == []


def test_idempotent():
    for case in CASES[:20]:
        once = clean(case["input"]).text
        assert clean(once).text == once


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds not present")
def test_seeds_only_intended_changes():
    for path in sorted(SEEDS.glob("*")):
        result = clean(path.read_text(encoding="utf-8"), select="E1,E2")
        for f in result.findings:
            assert f.code == "E220" and f.replacement == "©", (path.name, f.reason)


def test_clean_chinese_costs_little():
    clean("预热")  # load once
    text = ("这是一段很普通的中文文字，没有任何编码问题。" * 20 + "\n") * 200
    start = time.perf_counter()
    result = clean(text, select="E")
    elapsed = time.perf_counter() - start
    assert not result.findings
    assert elapsed < 0.5


def test_utf8_as_gbk_with_a_dropped_private_use_character_is_restored():
    # 中 = E4 B8 AD and 文 = E6 96 87: shown as GBK, "AD E6" is a private-use
    # character that copying drops, leaving 涓 (E4 B8) and 枃 (96 87)
    assert clean("鎴戞槸涓枃").text == "我是中文\n"
    result = clean("他说：鎴戞槸涓枃老师。")
    assert result.text == "他说：我是中文老师。\n"
    assert [f.code for f in result.findings if f.detector == "mojibake"] == ["E201"]
    assert "dropped" in result.findings[0].reason


def test_dropped_character_restoration_needs_the_exact_shape():
    from cleaner.encoding.dropped_pair import restore_after

    # ordinary Chinese after a repair is not touched
    assert restore_after("鎴戞槸老师好", 3, "我是") is None
    # too short to tell
    assert restore_after("鎴戞槸涓", 3, "我是") is None


def test_dropped_character_then_lost_last_byte():
    # 园 = E5 9B AD, 散 = E6 95 A3, 步 = E6 AD A5: "AD E6" dropped as a private-use
    # character, and the final byte lost (the decoder's U+FFFD)
    result = clean("鎴戜滑浠婂ぉ鍘诲叕鍥暎姝\ufffd")
    assert result.text == "我们今天去公园散\n"
    reasons = [f.reason for f in result.findings if f.detector == "mojibake"]
    assert len(reasons) == 1 and "dropped" in reasons[0] and "lost byte" in reasons[0]


def test_stored_pattern_sources_equal_what_a_build_gives():
    """The shipped sources (``python -m cleaner.encoding.prebuilt``) cannot drift from the code."""
    import json
    from importlib import resources

    from cleaner.encoding import prebuilt

    stored = json.loads(resources.files("cleaner.data").joinpath(prebuilt.FILE_NAME).read_text(encoding="utf-8"))
    built = prebuilt.build_all()
    assert set(stored["patterns"]) == set(built)
    if stored["python"] == prebuilt.python_version():
        for name, source in built.items():
            assert stored["patterns"][name] == source, f"{name}: run python -m cleaner.encoding.prebuilt"
    else:  # another Python's codecs: the stored sources are not used
        assert prebuilt._stored() == {}


def test_a_source_missing_from_the_store_is_built(monkeypatch):
    from cleaner.encoding import prebuilt

    monkeypatch.setattr(prebuilt, "_stored", lambda: {})
    assert prebuilt.source("signs.latin", lambda: "built") == "built"
    monkeypatch.setattr(prebuilt, "_stored", lambda: {"signs.latin": "stored"})
    assert prebuilt.source("signs.latin", lambda: "built") == "stored"


def test_a_repair_near_a_window_edge_is_decided_on_the_whole_line():
    """Found by the idempotence property: a control character earlier in the line moved
    the window edge by one, and the text past the edge decides against the repair."""
    text = "¡\x800\x08<</!--></!-->新闻发布 👍 0 举报</!DOCTYPE html>00\x86¾\x9e®0A"
    once = clean(text).text
    assert clean(once).text == once
    assert clean(text.replace("\x08", "")).text == once


@contextlib.contextmanager
def _time_limit(seconds: int):
    """Turn a hang into a failure (the scan below once never advanced)."""
    def stop(*_):
        raise TimeoutError(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("text, cleaned", [
    ("好的\ufffd\n\ufffd再见", "好的\n再见\n"),             # a lost byte ends a line, another opens the next
    ("第一行文字\ufffd\né第二行", "第一行文字\né第二行\n"),  # ... and a Latin-1 letter opens it
    ("标题锟斤拷\n锟斤拷正文", "标题\n正文\n"),
])
def test_damage_at_a_line_end_before_a_mark_is_scanned_once(text, cleaned):
    """A hit at the end of a line came back when the scan went on from the next
    line (the exact branches are tried from two characters before a candidate)."""
    with _time_limit(20):
        assert clean(text).text == cleaned


DAMAGE_PIECES = st.lists(st.sampled_from(
    ["\ufffd", "\n", "é", "Ã©", "锟斤拷", "烫烫烫", "浣犲ソ", "ÖÐÎÄ", "中文", "新闻", " ", "?", "2017", "\ue000", "ア", "\x08"]),
    max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(DAMAGE_PIECES, st.integers(min_value=0, max_value=200))
def test_the_precheck_never_answers_before_where_it_was_asked_to_start(text, pos):
    pos = min(pos, len(text))
    hit = precheck(text, pos)
    if hit is not None:
        assert hit.start() >= pos


@settings(max_examples=150, deadline=None)
@given(DAMAGE_PIECES)
def test_damage_pieces_in_any_order_clean_idempotently(text):
    with _time_limit(20):
        once = clean(text).text
        assert clean(once).text == once


@pytest.mark.parametrize("text, cleaned", [
    ("\xa0Â\x80", "€\n"),        # a leading NBSP, stripped later, no longer hides the repair
    ("Ã©\ufeff", "é\n"),         # nor a trailing BOM (the line used to read as a © footer)
    ("Ã©\xa0", "é\n"),
    ("xyzÂ\xa0", "xyz\n"),       # the NBSP mojibake itself is still repaired (then stripped)
    ("锟斤 ", ""),                # a lost-byte run cut short before trailing white space
    ("正文锟斤\u3000\n下一行", "正文\n下一行\n"),
])
def test_what_edge_white_space_hides_is_found_in_the_first_cleaning(text, cleaned):
    once = clean(text).text
    assert once == cleaned
    assert clean(once).text == once


_OLD_SEGMENT = re.compile(
    r"[^ \t\n\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]*"
    r"[\u0080-\u024f\u02c6-\u02dd\u2013-\u203a\u20ac\u2122\u0192]"
    r"[^ \t\n\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]*"
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "é", "Ã", "©", " ", "\t", "\n", "中", "\ufffd", "—", "x1"]), max_size=40).map("".join))
def test_segments_are_the_runs_the_one_pattern_matched(line):
    """The linear run-by-run search finds the segments of the single pattern it replaced."""
    old = [(m.start(), m.end()) for m in _OLD_SEGMENT.finditer(line) if m.end() - m.start() >= 2]
    assert list(latin_mojibake.segments(line)) == old


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=25), st.integers(0, 70), st.integers(1, 10))
def test_taken_spans_answer_as_a_walk_over_all_of_them_would(spans, a, width):
    from cleaner.detectors.mojibake import _Taken

    taken, plain = _Taken(), []
    for s, w in spans:
        if all(s + w <= ps or s >= pe for ps, pe in plain):
            plain.append((s, s + w))
            taken.add(s, s + w)
    b = a + width
    assert taken.free(a, b) == all(b <= s or a >= e for s, e in plain)
    # an end inside a span moves to that span's edge, as often as that lands in another
    lo, hi = a, b
    while True:
        moved = (lo, hi)
        for s, e in plain:
            if s <= lo < e:
                lo = e
            if s < hi <= e:
                hi = s
        if (lo, hi) == moved:
            break
    assert taken.clear_of(a, b) == (lo, hi)


@pytest.mark.parametrize("piece", ["ÖÐÎÄ", "锟斤拷", "é", "中\ufffd"])
def test_scan_work_grows_linearly_with_the_line(piece, monkeypatch):
    """Rejected stretches used to be rescanned from every next character, to the
    end of the line: the work per line grew with its square (see RESCAN_BUDGET)."""
    counted = []
    real = cjk_mojibake._groups

    def counting(*args, **kwargs):
        for group in real(*args, **kwargs):
            counted.append(1)
            yield group

    monkeypatch.setattr(cjk_mojibake, "_groups", counting)

    def work(n):
        counted.clear()
        cjk_mojibake.find_repairs(piece * n)
        return len(counted) + 1

    assert work(1600) < 6 * work(400)


@pytest.mark.parametrize("text, cleaned", [
    ("他在留言里写“ä¸­æ–‡”两个字，然后就下线了。", "他在留言里写“中文”两个字，然后就下线了。\n"),
    ("（cafÃ©）", "（café）\n"),
])
def test_quotation_marks_around_latin_mojibake_stay(text, cleaned):
    """“ is 0x93 in cp1252, a GBK lead byte: the quote must not be read into the repair."""
    assert clean(text).text == cleaned


@pytest.mark.parametrize("text", [
    "如果看到“ä¸­æ–‡”这样的乱码，说明编码错了。\n",
    "把“你好”按 UTF-8 保存，再用 GBK 打开，会看到“浣犲ソ”。\n",
    "把 GBK 编码的“中文”当成 Latin-1 读，就会变成「ÖÐÎÄ」。\n",
])
def test_an_example_a_text_about_encodings_quotes_stays(text):
    """A text about encodings cites damage as its example, in quotation marks: a word of the text."""
    assert clean(text).text == text


def test_quoted_damage_is_repaired_when_the_text_is_not_about_encodings():
    text = "他回复说“浣犲ソ”，然后就下线了。\n"
    assert clean(text).text == "他回复说“你好”，然后就下线了。\n"


def test_a_quoted_lost_byte_run_makes_its_kind_a_word_of_the_text():
    text = "满屏都是“锟斤拷”，原来是编码问题。\n手持两把锟斤拷，口中疾呼烫烫烫。\n"
    kept = clean(text).text
    assert "手持两把锟斤拷" in kept and "“锟斤拷”" in kept
    assert "烫烫烫" not in kept  # only the kinds the text quotes are words of it


def test_gbk_read_as_cp1252_with_numbers_and_bracketed_numbers_between_is_repaired():
    text = "ÇåÕþ°ì·¢¡²2024¡³11ºÅ\nÍøÕ¾±êÊ¶Âë£º4312000001¡¡ÏæICP±¸05003718ºÅ\n"
    repaired = clean(text, select="E").text
    assert repaired == "清政办发〔2024〕11号\n网站标识码：4312000001　湘ICP备05003718号\n"


def test_pinyin_with_tone_marks_is_not_read_as_big5():
    text = "踽踽独行（jǔ jǔ dú xíng）：一个人孤零零地走路。\n"
    assert clean(text).text == text


def test_a_fill_character_quoted_alone_makes_its_runs_words_of_the_text():
    text = "2. 烫烫烫和屯屯屯\n未初始化的栈内存填充为 0xCC，按 GBK 解释就是“烫”；堆内存填充为 0xCD，显示为“屯”。\n"
    assert clean(text).text == text


def test_lost_byte_runs_go_when_no_quote_names_them():
    assert clean("记者从市政府获悉锟斤拷锟斤拷，今年将新建学校。\n").text == "记者从市政府获悉，今年将新建学校。\n"


def test_a_quoted_example_whose_repair_would_take_the_closing_quote_stays():
    text = "用户反馈页面标题显示为“鍙戦€佹垚鍔”，原文应该是“发送成功”，后端返回的是UTF-8编码。\n"
    assert clean(text).text == text


@pytest.mark.parametrize("text", [
    "我辭職前儲咗大概十二萬，計埋租同生活費，啱啱夠撐九個月。\n",
    "而家做咗一年，啱啱轉咗工，人工加到兩萬六。\n",
    "佢啱啱先走咗，你搵佢做乜嘢？\n",
    "你咪理佢啦，佢成日都係噉㗎喇。\n",
])
def test_written_cantonese_is_no_mojibake(text):
    """Characters of written Cantonese are rare in a Mandarin model, not signs of a code-page mix-up."""
    assert clean(text).text == text


@pytest.mark.parametrize("text", [
    "“你好”注音写作ㄋㄧˇ ㄏㄠˇ。\n",
    "注音符号：ㄓㄨˋ ㄧㄣ ㄈㄨˊ ㄏㄠˋ，台湾小学一年级先学。\n",
])
def test_zhuyin_with_tone_marks_is_no_big5_misreading(text):
    # bopomofo letters exist in GBK, so a Big5 reading of their bytes is proposed; zhuyin stays
    assert clean(text).text == text


def _read_as_cp936(text: str) -> str:
    """UTF-8 bytes of ``text`` read as GBK the way Windows does: 0x80 is the euro
    sign, a byte that starts no character becomes ``?``."""
    def lenient(error):
        return ("€" if error.object[error.start] == 0x80 else "?", error.start + 1)

    import codecs

    codecs.register_error("test-cp936", lenient)
    return text.encode("utf-8").decode("gbk", errors="test-cp936")


_LEAD_IN = "记者从南昌市住建局获悉，今年全市计划完成既有住宅加装电梯600部。\n"
_FOLLOWING = "\n按照现行政策，每部电梯可获得补贴。\n"


@pytest.mark.parametrize("sentence", [
    "据了解，加装电梯资金主要由业主按楼层分摊，政府给予一定补贴。",
    "在东湖区墩子塘社区，记者看到几台新装的电梯已经投入使用。",
    "老旧小区改造不仅是民生工程，也是扩大有效投资的重要抓手。",
])
def test_a_paragraph_keeps_the_full_stop_whose_last_byte_was_unreadable(sentence):
    damaged = _read_as_cp936(sentence)
    assert damaged.endswith("?") and "。" not in damaged
    result = clean(_LEAD_IN + damaged + _FOLLOWING)
    repaired = result.text.split("\n")[1]
    assert repaired.endswith("。") and repaired[-2] == sentence[-2]
    assert any("full stop" in f.reason and f.replacement.endswith("。") for f in result.findings)


def test_no_full_stop_is_put_back_inside_an_open_quotation():
    damaged = _read_as_cp936("他说：「这件事情我们已经研究过很多次了。")
    repaired = clean(_LEAD_IN + damaged + _FOLLOWING).text.split("\n")[1]
    assert "。" not in repaired and "「" in repaired and repaired.endswith("了")


def test_no_full_stop_is_put_back_where_the_line_goes_on():
    damaged = _read_as_cp936("据了解，加装电梯资金主要由业主按楼层分摊，政府给予一定补贴。")
    repaired = clean(_LEAD_IN + damaged + "记者看到" + _FOLLOWING).text.split("\n")[1]
    assert "补贴" in repaired and "。" not in repaired


def test_a_replacement_character_shown_by_a_text_that_names_it_stays():
    text = "Unicode 里有一个特殊字符 U+FFFD，叫作“替换字符”，显示出来一般是一个带问号的菱形：\ufffd。\n"
    assert clean(text).text == text
    damaged = "会议于今天上午在\ufffd\ufffd市举行。\n"
    assert "\ufffd" not in clean(damaged).text


def test_utf8_read_as_utf16_is_repaired_with_its_lines():
    original = "一、检查时间：2024年4月1日至4月3日。\n二、检查范围：集团总部及各下属单位。"
    damaged = original.encode("utf-8")
    damaged += b"\x00" * (len(damaged) % 2)
    misread = damaged.decode("utf-16-le", "replace")
    text = "节前安全大检查工作方案\n\n具体安排如下：\n" + misread + "\n"
    result = clean(text)
    assert original in result.text
    assert {f.code for f in result.findings if f.code.startswith("E")} == {"E206"}


def test_utf16_with_its_mark_read_as_cp1252_is_repaired():
    title = "华信集团节前安全大检查工作方案"
    misread = title.encode("utf-16").decode("cp1252", "replace")
    assert misread.startswith("ÿþ")
    result = clean(misread + "\n发布时间：2024-03-29\n")
    assert result.text.startswith(title + "\n")
    assert any(f.code == "E207" for f in result.findings)


@pytest.mark.parametrize("text", ["안녕하세요. 오늘은 날씨가 좋습니다. 서울에서 만나요.\n", "ÿþ is how the mark looks\n",
                                  "彝文字母：ꀀꀁꀂꀃꀄꀅꀆ\n"])
def test_korean_yi_and_a_mentioned_mark_stay(text):
    assert clean(text).text == text


def test_a_line_read_in_the_wrong_codec_end_to_end_goes_whole():
    garbage = "��ַ�������н�Ŵ��һ����˺š���������：027-85776110\n"
    few = "会议于今天上午在��市举行，各方代表出席。\n"
    result = clean("标题\n\n" + few + garbage)
    assert result.text == "标题\n\n会议于今天上午在市举行，各方代表出席。\n"
    assert sum(1 for f in result.findings if f.code == "E210") == 2
