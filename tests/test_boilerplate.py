"""Boilerplate detector (B1xx): fixtures, rule behaviour, lexicons, idempotence."""
from __future__ import annotations

import random
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from cleaner import clean

from .fixture_pairs import cases, check_case
from cleaner import linetools
from cleaner.detectors.base import Context
from cleaner.detectors.boilerplate import DETECTOR, RULES, find_boilerplate, load_lexicon

CASES = cases("boilerplate")


def _bp(text: str, **options):
    """Run the detector alone and return (kept text, findings)."""
    found = sorted(find_boilerplate(text, Context(options=options)), key=lambda f: f.start)
    out, pos = [], 0
    for f in found:
        out.append(text[pos:f.start])
        pos = f.end
    out.append(text[pos:])
    return "".join(out), found


def _kept_lines(text: str) -> list[str]:
    return [l.strip(linetools.EDGE_SPACE) for l in text.splitlines() if l.strip(linetools.EDGE_SPACE)]


# ---------------------------------------------------------------------------
# fixtures

def test_enough_fixtures():
    assert len(CASES) >= 20
    assert sum(1 for c in CASES if c.startswith("clean_")) >= 8


@pytest.mark.parametrize("name", CASES)
def test_fixture(name):
    result = check_case("boilerplate", name)
    if not name.startswith("clean_"):
        assert any(f.detector == "boilerplate" for f in result.findings)
        for f in result.findings:
            if f.detector == "boilerplate":
                assert f.code.startswith("B1") and f.reason and f.replacement == ""


# ---------------------------------------------------------------------------
# the seed shapes, on text as the repair detectors leave it

REPAIRED_TAIL = """標題一行

　　正文第一段寫了一件事情的經過，有頭有尾。

　　正文第二段交代了結果。

責編:甲乙丙

一審:甲乙丙

二審:丁戊

三審:己庚

來源:某某日報·某某客戶端

我要問
"""


def test_traditional_tail_chain_direct():
    kept, found = _bp(REPAIRED_TAIL)
    assert _kept_lines(kept) == ["標題一行", "正文第一段寫了一件事情的經過，有頭有尾。", "正文第二段交代了結果。"]
    assert [f.code for f in found] == ["B104"] * 4 + ["B105", "B111"]
    assert "責編 label with a name" in found[0].reason
    assert found[0].reason.startswith("editorial chain at the tail")


def test_traditional_tail_chain_through_clean():
    result = clean(REPAIRED_TAIL)
    assert result.text.endswith("正文第二段交代了結果。\n")
    assert {f.code for f in result.findings if f.detector == "boilerplate"} == {"B104", "B105", "B111"}


def test_head_greeting_title_byline_font():
    text = (
        "歡迎訪問某某政法網 今天是 2024年1月2日 星期二\n\n"
        "某某標題在這裡\n\n"
        "來源:某某網 責任編輯:某某 發佈時間:2024-01-02\n"
        "字號:A A\xa0\xa0\xa0\xa0顏色:\n\n"
        "正文一段，說明了事情。\n"
    )
    kept, found = _bp(text)
    assert _kept_lines(kept) == ["某某標題在這裡", "來源:某某網 責任編輯:某某 發佈時間:2024-01-02", "正文一段，說明了事情。"]
    assert [f.code for f in found] == ["B102", "B103"]


def test_nav_items_between_lone_separators_then_title():
    text = "移動客戶端\n\n|\n\n官方微信\n\n|\n\n政法頻道\n\n|\n某某標題\n時間:2024-01-01 來源:某報 責任編輯:某某\n\n正文。\n"
    kept, found = _bp(text)
    assert _kept_lines(kept)[0] == "某某標題"
    assert all(f.code == "B101" for f in found) and len(found) == 6


def test_tail_footer_block():
    text = (
        "標題\n\n正文第一段。\n\n正文第二段，內容完整。\n\n"
        "相關報道\n分享到:\n\n某某委員會主辦\n\n"
        "Copyright 2015 example.com All Rights Reserved 京ICP備 00000000 號-1\n"
    )
    kept, found = _bp(text)
    assert _kept_lines(kept) == ["標題", "正文第一段。", "正文第二段，內容完整。"]
    assert [f.code for f in found] == ["B107", "B106", "B109", "B108"]


# ---------------------------------------------------------------------------
# what stays

@pytest.mark.parametrize("line", [
    "本文数据来源：国家统计局，经本报整理。",
    "他在会上分享了自己的经验。",
    "来源不明的消息，请勿转发",
    "编辑部全体同仁向读者致谢",
    "主编寄语",
    "本次比赛由市体育局主办",
    "（文字：陈小舟 林默 编辑：许安然）",
    "相关报道称，该项目明年开工。",
    "版权所有人应在三十日内提出异议",
])
def test_content_line_at_tail_stays(line):
    text = f"标题\n\n正文第一段，交代了背景。\n\n{line}\n"
    assert clean(text).text == text


def test_byline_under_title_stays_even_in_a_short_document():
    text = "标题\n来源：某某日报\n"
    assert clean(text).text == text


def test_contact_details_need_a_footer():
    text = "社区通知\n\n周六开展义诊。\n\n地址：文化广场\n联系电话：0571-12345678\n"
    assert clean(text).text == text
    owner_only = text + "主办：某某社区居委会\n"
    assert clean(owner_only).text == owner_only  # an owner line alone may be an event's organiser
    footer = owner_only + "Copyright © 2024 某某社区\n"
    assert clean(footer).text == "社区通知\n\n周六开展义诊。\n"


@pytest.mark.parametrize("title", [
    "未经许可不得转载？法院这样判",
    "下载量破亿的小程序如何炼成",
    "欢迎来到2024年的最后一天",
    "English | 双语新闻每日一读",
    "关注 | 春运首日客流",
    "视频 | 国际 | 春运首日客流实拍",
])
def test_title_that_looks_like_chrome_stays(title):
    text = f"{title}\n\n正文第一段，交代了背景。\n\n正文第二段。\n"
    assert clean(text).text == text


@pytest.mark.parametrize("line", ["制作 精良的小视频", "审核 通过以后再说"])
def test_bare_space_label_needs_a_name(line):
    text = f"标题\n\n正文第一段，交代了背景。\n\n{line}\n"
    assert clean(text).text == text


def test_middle_only_unmistakable_lines():
    text = "标题\n\n第一段。\n\n分享到：\n\n相关报道\n\n打印\n\n返回顶部\n\n第二段。\n\n第三段写完了。\n"
    kept, found = _bp(text)
    assert [f.before.strip() if hasattr(f, "before") and f.before else text[f.start:f.end].strip() for f in found] == ["分享到：", "返回顶部"]
    assert "相关报道" in kept and "打印" in kept


def test_related_block_needs_short_link_titles():
    text = "标题\n\n第一段。\n\n相关阅读\n\n这是一整段正文，它很长，讲了一个完整的故事，并且以句号结尾，不像链接标题。\n"
    assert clean(text).text == text


def test_poem_like_tail_stays():
    text = "夜\n\n风停了\n灯灭了\n关门\n睡吧\n"
    assert clean(text).text == text


def test_head_stops_at_title():
    text = "首页 | 新闻 | 专题\n\n首页改版说明\n\n本站首页今日改版。\n"
    kept, found = _bp(text)
    assert _kept_lines(kept) == ["首页改版说明", "本站首页今日改版。"]


# ---------------------------------------------------------------------------
# reasons, rules, options

def test_every_rule_is_documented():
    codes = [r.code for r in RULES]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    assert DETECTOR.name == "boilerplate" and DETECTOR.prefix == "B" and DETECTOR.repeat
    for r in RULES:
        assert r.code.startswith("B1") and r.summary and r.example


def test_select_and_ignore():
    text = "标题\n\n正文。\n\n责任编辑：某某\n来源：某报\n"
    assert "责任编辑" in clean(text, ignore="B104").text
    assert "来源：某报" not in clean(text, ignore="B104").text
    assert clean(text, select="M").text == text


def test_extra_lexicon(tmp_path):
    extra = tmp_path / "mine.txt"
    extra.write_text("[editorial]\n出品人\n[related]\n看点推荐\n", encoding="utf-8")
    text = "标题\n\n正文。\n\n看点推荐\n某个链接标题\n出品人：某某\n"
    assert "出品人" in clean(text).text
    out = clean(text, options={"boilerplate": {"extra_lexicons": [str(extra)]}}).text
    assert out == "标题\n\n正文。\n"


def test_lexicons_hold_traditional_forms():
    import opencc

    conv = opencc.OpenCC("s2t.json")
    base = resources.files("cleaner.data").joinpath("boilerplate")
    for name in ("nav", "ui", "related", "editorial", "source", "owner", "copyright", "greeting"):
        entries = set()
        for line in base.joinpath(f"{name}.txt").read_text(encoding="utf-8").splitlines():
            if line and not line.startswith(("#", "[")):
                entries.add(line.lstrip("!").split("\t")[0])
        for e in entries:
            assert conv.convert(e) in entries, (name, e)


def test_lexicon_is_cached():
    assert load_lexicon() is load_lexicon()


# ---------------------------------------------------------------------------
# idempotence and line helpers

def test_idempotent_on_mixed_chrome():
    text = (
        "首页 | 新闻\n|\n欢迎访问某某网 今天是2024年1月1日\n\n标题\n\n"
        "第一段。\n\n分享到：微信\n\n第二段。\n\n相关阅读\n链接一\n链接二\n\n"
        "责任编辑：某某\n\nCopyright © 2024 example.com\n"
    )
    once = clean(text).text
    assert clean(once).text == once
    assert _kept_lines(once) == ["标题", "第一段。", "第二段。"]


@pytest.mark.parametrize("window", [5, 1024])
def test_nonblank_walkers_match_a_plain_split(window, monkeypatch):
    monkeypatch.setattr(linetools, "_WINDOW", window)
    rng = random.Random(7)
    pieces = ["a", "bc d", "\n", "\n", " ", "\u3000", "\u200b", "x\n", "\n\n", "一段很长的文字没有换行"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 50)))
        ref = []
        for s, e in linetools.lines_forward(text):
            c = text[s:e].strip(linetools.EDGE_SPACE + "\n")
            if c:
                ref.append((s, e, c))
        assert list(linetools.nonblank_forward(text)) == ref
        assert list(linetools.nonblank_backward(text)) == ref[::-1]
        if ref:
            assert list(linetools.nonblank_backward(text, stop=ref[0][1])) == ref[1:][::-1]
            assert list(linetools.nonblank_forward(text, ref[0][1])) == ref[1:]


# ---------------------------------------------------------------------------
# a settled round needs no second look (the pipeline skips it)

def _second_round(text: str):
    """(settled, findings of a second round on the text the first round leaves)."""
    from cleaner.findings import apply_findings, resolve_overlaps

    ctx = Context()
    found = resolve_overlaps(find_boilerplate(text, ctx))
    return DETECTOR.settled(found, ctx), find_boilerplate(apply_findings(text, found), Context())


def _all_fixture_texts() -> list[str]:
    root = Path(__file__).resolve().parent.parent
    paths = sorted((root / "fixtures").rglob("*.in.txt")) + sorted((root / "seeds").glob("*"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths if p.is_file()]


def test_a_settled_round_leaves_nothing_on_any_fixture():
    settled_rounds = 0
    for text in _all_fixture_texts():
        settled, again = _second_round(text)
        if settled:
            assert again == [], text[:80]
            settled_rounds += 1
    assert settled_rounds >= 10


_PAGE_LINES = [
    "首页 | 新闻 | 体育 | 财经", "|", "新闻", "分享到：微信 微博 QQ空间", "打印本页 关闭窗口",
    "当前位置：首页 > 新闻 > 正文", "责任编辑：王明", "来源：新华社", "相关阅读", "市政府召开会议部署工作",
    "网友评论", "张三 2024-01-01 10:00", "Copyright © 2020 example.com 版权所有", "主办：某某市人民政府",
    "电话：010-12345678", "欢迎访问某某网 今天是2024年1月1日 星期一", "字号：大 中 小",
    "标题：全市经济平稳运行", "2024-01-02 来源：某某日报", "", "   ",
    "今年以来，全市上下认真贯彻落实各项决策部署，经济运行总体平稳，稳中有进。",
    "会议指出，要坚持稳中求进工作总基调，统筹发展和安全，推动高质量发展取得新成效。",
    "扫码下载某某APP", "上一篇：某某新闻", "下一篇：另一条新闻",
    # menus one item per line, catalogue tables, counters, comment threads, share targets
    "下载", "学习", "社区", "某某博客", "索引号：0012/2024-33", "主题分类：城乡建设", "发布机构：区政府",
    "阅读量：3471次", "全部评论(12)", "24-8-3 09:40 来自浙江", "回复", "微信", "Facebook",
    "某某法院网", "2024年5月25日 星期六",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PAGE_LINES), max_size=30), st.integers(1, 8), st.integers(1, 8))
def test_a_settled_round_leaves_nothing_on_generated_pages(lines, head_limit, tail_limit):
    from cleaner.findings import apply_findings, resolve_overlaps

    text = "\n".join(lines) + "\n"
    options = {"max_head_lines": head_limit, "max_tail_lines": tail_limit}
    ctx = Context(options=options)
    found = resolve_overlaps(find_boilerplate(text, ctx))
    if DETECTOR.settled(found, ctx):
        assert find_boilerplate(apply_findings(text, found), Context(options=options)) == []


def test_a_round_that_removes_a_line_under_the_title_is_looked_at_again():
    # the title's neighbour changes when the line under it goes
    ctx = Context()
    text = "市政府召开会议\n打印本页 关闭窗口\n今年以来，全市经济运行总体平稳。\n"
    found = find_boilerplate(text, ctx)
    assert found and not DETECTOR.settled(found, ctx)


def test_a_walk_cut_short_by_its_line_limit_is_looked_at_again():
    text = "".join("首页 | 新闻 | 体育\n" for _ in range(5)) + "今年以来，全市经济运行总体平稳。\n"
    ctx = Context(options={"max_head_lines": 2})
    found = find_boilerplate(text, ctx)
    assert len(found) == 2 and not DETECTOR.settled(found, ctx)
    assert clean(text, options={"boilerplate": {"max_head_lines": 2}}).text == "今年以来，全市经济运行总体平稳。\n"


STORY = "记者今天从有关部门获悉，全市春耕生产进展顺利，各地农资供应充足，价格总体稳定。\n\n"


@pytest.mark.parametrize("line", [
    "有关负责人提醒，根据规定，网站应当依法办理ICP备案或取得ICP经营许可证，未备案的网站不得提供服务。",
    "他说，书上印着“版权所有，翻印必究”，可盗版还是屡禁不止。",
    "据了解，涉案网站页面底部还伪造了公网安备编号。",
    "他们还伪造了“京ICP备12345678号”的备案信息。",
    "记者注意到，该网站每篇文章末尾都写着“未经授权不得转载”，自己却在大量转载他人作品。",
    "很多书上都印着“版权所有，侵权必究”，但真正追究的很少。",
    "上线前最折腾的是备案。跑了三趟之后，终于拿到了编号：浙ICP备2023000000号-1。",
    "他说：“我们的网站早就拿到了粤ICP备2020123456号。”",
    "律师建议，站长在转载内容时应注明来源并取得授权，在页面底部规范标注版权声明和ICP备案号，以免引起纠纷。",
])
def test_a_sentence_about_a_licence_or_copyright_is_content(line):
    text = STORY + "责任编辑：王强\n" + line + "\n"
    result = clean(text)
    assert line in result.text, [(f.code, f.reason) for f in result.findings]


@pytest.mark.parametrize("line", [
    "本文系转载，版权归原作者所有，如有侵权请联系我们删除。",
    "Copyright © 2003-2020 新华网. All Rights Reserved.",
    "版权所有，未经授权不得转载。",
    "京ICP备12345678号-1 京公网安备11010502030001号",
    "© 2024 人民网，版权所有。",
    "新华网版权所有，未经书面授权禁止使用。",
    "网站备案号：京ICP备05070602号，举报电话：12377。",
    "本站所有文章均为原创。未经授权，禁止转载。",
    "网站备案号：京ICP备05070602号，举报电话：12377。违法信息举报邮箱：jubao@example.cn。",
])
def test_a_copyright_or_licence_footer_still_goes(line):
    result = clean(STORY + "责任编辑：王强\n" + line + "\n")
    assert line not in result.text
    assert "B108" in {f.code for f in result.findings}


@pytest.mark.parametrize("text", [
    "台风防护要点\n\n台风来临时：\n\n关闭窗口\n切断电源\n远离门窗\n\n请大家注意安全。\n",
    "台风来临时：\n关闭窗口\n切断电源\n\n请注意安全，做好防护工作，减少外出，关注预警信息。\n",
    STORY + "台风来临时要做到：\n切断电源\n关闭窗口\n",
])
def test_a_ui_word_in_a_list_the_text_announces_is_an_item(text):
    assert clean(text).text == text


def test_a_bar_of_ui_words_under_a_widget_label_still_goes():
    text = STORY + "分享到：\n\n关闭窗口\n打印本页\n\n正文第二段，继续讲述事件经过和后续。\n"
    result = clean(text)
    assert "关闭窗口" not in result.text and "打印本页" not in result.text and "分享到" not in result.text


BODY = "春耕生产进展顺利\n\n记者今天从有关部门获悉，全市春耕生产进展顺利。\n\n各地农资供应充足，价格总体稳定。\n\n"


@pytest.mark.parametrize("stray", ["新浪财经公众号\n", "春季特刊 4102\n", "某某公众号\n春季特刊\n"])
def test_short_stray_lines_do_not_shield_the_editorial_chain(stray):
    result = clean(BODY + "责任编辑：李桐\n" + stray)
    assert result.text == BODY + stray  # the stray lines stay; the chain above them goes
    assert [f.code for f in result.findings if f.detector == "boilerplate"] == ["B104"]


@pytest.mark.parametrize("stray", ["沧海一粟\n", "沧海一粟\n码农老许\n"])
def test_short_lines_between_pieces_of_boilerplate_go_with_them(stray):
    tail = "责任编辑：李桐\n" + stray + "分享到：微信 微博 QQ空间\n"
    result = clean(BODY + tail)
    assert result.text == BODY.rstrip("\n") + "\n"
    assert any(f.code == "B111" and "between pieces of boilerplate" in f.reason for f in result.findings)


@pytest.mark.parametrize("tail", [
    "责任编辑：李桐\n2024年3月17日\n分享到：微信 微博 QQ空间\n",   # a date may be the text's own
    "分享到：微信 微博 QQ空间\n审核：赵国栋\n2024年3月17日\n",     # so may the page's last line
    "分享到：微信 微博 QQ空间\n责任编辑：李桐\n小满\n",
])
def test_a_date_or_the_last_line_below_boilerplate_stays(tail):
    kept = [line for line in tail.split("\n") if line.startswith(("2024", "小满"))][0]
    assert kept in clean(BODY + tail).text


@pytest.mark.parametrize("tail", [
    "责任编辑：李桐\n某某公众号\n1205\n春季特刊\n",        # three stray lines: too far
    "责任编辑：李桐\n记者手记，写于春耕时节\n",              # a line with clause punctuation is prose
])
def test_the_tail_walk_stops_at_prose_or_after_two_stray_lines(tail):
    result = clean(BODY + tail)
    assert "责任编辑：李桐" in result.text


@pytest.mark.parametrize("line, crumb", [
    ("网易首页 > 新闻中心 > 社会新闻 > 正文", True),     # from a site's home page
    ("论坛首页 › 本地生活 › 美食天地 › 查看内容", True),  # to the page itself
    ("价格 > 成本 > 利润", False),
    ("北京 > 上海 > 广州", False),
])
def test_breadcrumbs_without_a_location_label(line, crumb):
    from cleaner.detectors.boilerplate import _breadcrumb

    assert _breadcrumb(line, load_lexicon(())) is crumb


@pytest.mark.parametrize("line, bar", [
    ("首页 新闻中心 检务公开 检察业务 队伍建设 检察文化 网上服务", True),
    ("新浪首页 新闻 体育 财经 娱乐 科技 博客 图片 专栏 更多", True),
    ("首页 会员 发现 等你来答", False),               # too few items
    ("北京 上海 广州 深圳 成都 首页", False),          # not from the home page
    ("某某首页 春天 夏天 秋天 冬天", False),           # a site's home page needs a known item after it
])
def test_a_spaced_navigation_bar_starts_at_the_home_page(line, bar):
    from cleaner.detectors.boilerplate import _nav_bar

    assert bool(_nav_bar(line, load_lexicon(()))) is bar


@pytest.mark.parametrize("line, counter", [
    ("13 条评论", True), ("共 86 条评论", True), ("128 人赞同了该回答", True), ("阅读 (3521)", True),
    ("3.2万次播放", True), ("13 人", False), ("2024年", False), ("13条评论很精彩", False),
])
def test_counter_lines(line, counter):
    from cleaner.detectors.boilerplate import _COUNTER_LINE

    assert bool(_COUNTER_LINE.fullmatch(line)) is counter


def test_a_counter_line_at_the_tail_goes_with_the_chain_above_it():
    result = clean(BODY + "责任编辑：李桐\n13 条评论\n")
    assert result.text == BODY.rstrip("\n") + "\n"


PAGE = "\n消费回暖 五一假期多地商圈客流创新高\n\n2024-05-06 来源：新华社\n\n五一假期，多地商圈客流创新高。\n\n记者走访发现，各大商场人气旺盛。\n"


def test_the_page_title_line_above_the_headline_goes():
    result = clean("消费回暖 五一假期多地商圈客流创新高_凤凰网财经\n凤凰网首页 资讯 财经 娱乐 体育 时尚 汽车 房产\n" + PAGE)
    assert result.text == PAGE.lstrip("\n")
    assert [f.code for f in result.findings if f.detector == "boilerplate"] == ["B114", "B101"]


@pytest.mark.parametrize("text", [
    "苏州园林_百度百科\n苏州园林是中国古典园林的代表。\n",           # no headline of its own below
    "上海-北京高铁\n\n上海-北京高铁今天提速。\n",                       # the line is a headline, not headline + site
])
def test_a_title_with_a_separator_but_no_headline_below_stays(text):
    assert clean(text).text == text


@pytest.mark.parametrize("line, crumb", [("首页 >> 应急动态", True), ("腾讯娱乐 > 正文", True),
                                         ("北京 > 上海", False), ("成本 > 收入", False)])
def test_two_step_breadcrumbs_start_at_home_or_end_at_the_page(line, crumb):
    from cleaner.detectors.boilerplate import _breadcrumb

    assert _breadcrumb(line, load_lexicon(())) is crumb


def test_bare_counters_at_the_tail_go_with_the_boilerplate_above_them():
    result = clean(BODY + "共 86 条评论\n1205\n432\n86\n")
    assert result.text == BODY.rstrip("\n") + "\n"


def test_a_bare_number_alone_at_the_tail_stays():
    text = BODY + "2024\n"
    assert clean(text).text == text


@pytest.mark.parametrize("tail, gone", [("- END -\n", True), ("—END—\n", True), ("The END of an era.\n", False)])
def test_an_end_mark_at_the_tail(tail, gone):
    result = clean(BODY + tail)
    assert (result.text == BODY.rstrip("\n") + "\n") is gone


# --- B115: catalogue metadata tables ------------------------------------------------


def test_catalogue_table_at_the_tail_goes_with_spaced_labels():
    text = ("区政府召开常务会议\n\n会议研究了老旧小区改造工作。\n\n"
            "索 引 号：0012/2024-33\n主题分类：城乡建设\n发布机构：区政府办公室\n")
    kept, found = _bp(text)
    assert kept == "区政府召开常务会议\n\n会议研究了老旧小区改造工作。\n\n"
    assert {f.code for f in found} == {"B115"}


def test_one_catalogue_label_alone_is_not_a_table():
    text = "通知全文如下。\n\n发文字号：某政发〔2024〕1号\n\n请各单位遵照执行。\n"
    assert _bp(text)[0] == text


def test_a_cell_that_holds_a_sentence_is_content():
    text = "索引号：每条信息都有唯一编号。\n主题分类：城乡建设\n成文日期：2024-01-02\n"
    kept, found = _bp(text)
    assert kept.startswith("索引号：每条信息都有唯一编号。\n")
    assert not any(f.start == 0 for f in found)


# --- B107 inside the text -------------------------------------------------------------


def test_related_block_inside_the_text_goes_with_its_link_titles():
    text = ("标题在此\n\n第一段正文内容，交代事情经过。\n\n相关新闻：\n某地举行防汛演练\n某市新建两座水库\n\n"
            "第二段正文内容，继续报道。\n")
    kept, found = _bp(text)
    assert kept == "标题在此\n\n第一段正文内容，交代事情经过。\n\n\n第二段正文内容，继续报道。\n"
    assert [f.code for f in found] == ["B107"] * 3


def test_related_header_over_a_sentence_stays():
    text = "标题在此\n\n第一段正文内容。\n\n相关阅读\n这项政策从明年起实施。\n\n第二段正文内容。\n"
    assert _bp(text)[0] == text


def test_a_reading_list_of_book_titles_stays_inside_the_text():
    text = "标题在此\n\n第一段正文内容。\n\n推荐阅读：\n《平凡的世界》\n《活着》\n\n第二段正文内容。\n"
    assert _bp(text)[0] == text


def test_a_catalogue_title_cell_keeps_a_title_that_stands_nowhere_else():
    text = "索引号：11/2024-3\n主题分类：城乡建设\n标题：关于做好汛期工作的通知\n\n各单位：\n请做好汛期工作。\n"
    kept, _found = _bp(text)
    assert kept == "关于做好汛期工作的通知\n\n各单位：\n请做好汛期工作。\n"


def test_a_catalogue_title_cell_goes_whole_when_the_title_is_repeated():
    text = "索引号：11/2024-3\n主题分类：城乡建设\n名称\n关于做好汛期工作的通知\n\n关于做好汛期工作的通知\n\n请做好汛期工作。\n"
    kept, _found = _bp(text)
    assert kept == "\n关于做好汛期工作的通知\n\n请做好汛期工作。\n"


# --- B116: the site's name above its navigation; bars of channels ---------------------


def test_site_name_above_the_navigation_goes():
    text = ("某某法院网\n首页 | 法院概况 | 法院动态 | 审判执行\n\n法院开展执行攻坚行动\n\n"
            "本报讯 近日，某某法院开展执行攻坚专项行动。\n")
    result = clean(text)
    assert result.text == "法院开展执行攻坚行动\n\n本报讯 近日，某某法院开展执行攻坚专项行动。\n"
    assert result.findings[0].code == "B116"


def test_a_title_above_the_navigation_stays_unless_the_headline_repeats_it():
    body = "\n\n本报讯 近日，全市开展执行攻坚专项行动。\n"
    alone = "全市开展执行攻坚行动\n首页 | 新闻 | 关于我们" + body
    assert clean(alone).text.startswith("全市开展执行攻坚行动\n")
    repeated = "全市开展执行攻坚行动\n首页 | 新闻 | 关于我们\n\n全市开展执行攻坚行动" + body
    assert clean(repeated).text == "全市开展执行攻坚行动" + body


def test_site_name_needs_the_navigation_under_it():
    text = "某某日报\n\n本报讯 近日，全市开展执行攻坚专项行动。\n"
    assert _bp(text)[0] == text


def test_a_spaced_bar_of_channels_goes_without_the_home_page():
    text = "要闻 财经 体育 娱乐 科技 汽车 房产 旅游\n\n全市开展执行攻坚行动\n\n本报讯 近日，全市开展专项行动。\n"
    result = clean(text)
    assert result.text.startswith("全市开展执行攻坚行动\n") and result.findings[0].code == "B101"


def test_a_spaced_line_of_words_that_are_not_channels_stays():
    text = "春风 细雨 杏花 小桥 流水 人家\n\n这是一首小诗。\n"
    assert _bp(text)[0] == text


def test_a_footer_bar_may_hold_latin_items():
    text = "标题\n\n本报讯 正文一段。\n\n正文二段。\n\n某某简介 | About Us | 广告服务 | 联系我们 | SINA English | 产品答疑\n"
    kept, found = _bp(text)
    assert kept == "标题\n\n本报讯 正文一段。\n\n正文二段。\n\n" and found[0].code == "B101"


def test_related_titles_may_ask_a_question():
    text = ("标题\n\n正文一段。\n\n相关阅读\n快递员收入调查：月入过万的有多少？\n多家快递公司经营数据出炉\n")
    kept, found = _bp(text)
    assert kept == "标题\n\n正文一段。\n\n" and {f.code for f in found} == {"B107"}


def test_a_labelled_page_counter_under_the_title_goes():
    text = "某大学举办学术交流会\n点击：1523\n\n本报讯 近日，学校举办学术交流会。\n"
    assert clean(text).text == "某大学举办学术交流会\n\n本报讯 近日，学校举办学术交流会。\n"


def test_browser_advice_goes_with_the_footer_but_not_alone():
    body = "标题\n\n本报讯 正文一段。\n\n正文二段。\n"
    footer = "网站地图 | 联系我们 | 网站声明\n建议使用IE9及以上版本浏览器，1366×768分辨率浏览本网站\n"
    assert clean(body + "\n" + footer).text == body
    alone = body + "\n建议使用最新版浏览器访问本系统\n"
    assert clean(alone).text == alone


def test_a_bar_of_unknown_short_items_goes_only_at_the_head():
    head = "预约挂号 | 报告查询 | 在线咨询\n\n我院成功救治一名急性心梗患者\n\n本报讯 正文一段。\n"
    assert clean(head).text == "我院成功救治一名急性心梗患者\n\n本报讯 正文一段。\n"
    tail = "我院成功救治一名急性心梗患者\n\n本报讯 正文一段。\n\n正文二段。\n\n胸痛 | 心梗 | 急救\n"
    assert clean(tail).text == tail


def test_a_labelled_page_counter_goes_wherever_it_stands():
    text = "标题\n\n发布时间：2024-01-02 来源：本站\n\n正文一段。\n阅读量：3471次\n\n正文二段。\n"
    assert clean(text).text == "标题\n\n发布时间：2024-01-02 来源：本站\n\n正文一段。\n\n正文二段。\n"


def test_a_sentence_about_page_views_stays():
    text = "标题\n\n正文一段。\n\n浏览量：这篇文章一天之内超过了十万。\n"
    assert clean(text).text == text


# --- menus scraped one item per line ------------------------------------------------


def test_a_menu_one_item_per_line_goes_at_the_head_with_the_unknown_items_among_it():
    text = ("某某博客\n下载\n学习\n社区\n某某代码\n搜索\n会员中心\n\n"
            "Python 里的时区处理，一篇就够了\n\n正文第一段，讲时区对象。\n")
    assert clean(text).text == "Python 里的时区处理，一篇就够了\n\n正文第一段，讲时区对象。\n"


def test_short_lines_of_content_with_a_few_menu_words_stay():
    text = "春天\n音乐\n花开\n鸟鸣\n溪水\n微风\n\n这是一组写给春天的短句。\n"
    assert clean(text).text == text


def test_owner_and_contact_lines_do_not_count_as_a_menu():
    text = ("读书分享会报名开始\n\n本周六下午在市图书馆举办读书分享会。\n\n"
            "联系电话：0571-87654321\n主办单位：市文化和旅游局\n承办单位：市图书馆\n")
    assert clean(text).text == text


def test_share_targets_one_per_line_go_with_their_widget():
    text = "标题\n\n发布时间：2024-05-25\n\n分享到：\nFacebook\nTwitter\n微信\n\n正文一段。\n"
    assert clean(text).text == "标题\n\n发布时间：2024-05-25\n\n正文一段。\n"


def test_a_menu_may_hold_a_latin_site_name_and_a_date():
    text = ("东方网\nOriental Daily\n2024年5月25日 星期六\n首页\n国内\n国际\n财经\n娱乐\n体育\n\n"
            "柔佛新山长堤塞车问题持续，民众盼第二通道分流\n\n正文一段。\n")
    assert clean(text).text == "柔佛新山长堤塞车问题持续，民众盼第二通道分流\n\n正文一段。\n"


# --- B113: a comment section to the end of the page ---------------------------------


def test_a_comment_section_with_its_thread_goes_to_the_end():
    text = ("书店闭店前的最后一天\n\n今天是半山书房营业的最后一天，很多老读者都来了。\n\n谢谢你们。\n\n"
            "全部评论(4521)\n书虫阿蛮：2017年在这里买的第一本书\n24-8-3 09:40 来自浙江\n回复\n"
            "路过的猫：真的舍不得\n24-8-3 11:27 来自上海\n回复\n")
    assert clean(text).text == "书店闭店前的最后一天\n\n今天是半山书房营业的最后一天，很多老读者都来了。\n\n谢谢你们。\n"


def test_a_comment_heading_over_the_article_own_quotes_stays():
    text = ("网友热议延迟退休\n\n本报记者整理了部分网友的看法。\n\n网友评论\n"
            "有网友认为，延迟退休是人口结构变化下的必然选择，关键在于配套政策能否跟上，比如灵活就业人员的社保怎么衔接，"
            "大龄劳动者的就业岗位从哪里来，这些问题都需要逐一回答，不能只算养老金的账。\n"
            "也有网友表示担忧。\n")
    assert clean(text).text == text


def test_a_disclaimer_at_the_tail_goes_but_a_report_on_one_stays():
    body = "标题\n\n本报讯 正文一段。\n\n正文二段。\n"
    footer = "【免责声明】本文仅代表作者本人观点，与本网无关。本网对文中陈述保持中立。\n"
    assert clean(body + "\n" + footer).text == body
    report = body + "\n律师表示，网络文章仅代表作者本人观点的声明并不能免除平台责任。\n"
    assert clean(report).text == report


def test_a_related_link_with_its_title_on_the_line_goes_inside_the_text():
    text = "标题\n\n本报讯 正文一段。\n\n相关阅读：高血压患者冬季如何平稳过冬？\n\n正文二段。\n"
    assert clean(text).text == "标题\n\n本报讯 正文一段。\n\n正文二段。\n"
    books = "标题\n\n本报讯 正文一段。\n\n推荐阅读：《平凡的世界》\n\n正文二段。\n"
    assert clean(books).text == books


def test_player_and_app_lines_go_inside_the_text():
    text = ("标题\n\n本报讯 正文一段。\n00:00 / 03:12\n视频加载中，请稍候...\n正文二段。\n"
            "打开某某新闻 查看精彩图片\n正文三段。\n")
    assert clean(text).text == "标题\n\n本报讯 正文一段。\n正文二段。\n正文三段。\n"


def test_opening_hours_and_sentences_about_opening_stay():
    text = "标题\n\n本报讯 正文一段。\n08:00 / 17:30\n打开冰箱看看\n他说，打开窗户看看风景。\n"
    assert clean(text).text == text


def test_head_crumbs_from_the_site_name_and_with_an_empty_step_go():
    text = "東方日報 > 要聞港聞\n\n港鐵東涌綫延線通車\n\n本報訊 正文一段。\n"
    assert clean(text).text == "港鐵東涌綫延線通車\n\n本報訊 正文一段。\n"
    text = "新华网 > > 正文\n\n全国夏粮收获过半\n\n新华社电 正文一段。\n"
    assert clean(text).text == "全国夏粮收获过半\n\n新华社电 正文一段。\n"


def test_a_ranking_line_at_the_head_stays():
    text = "北京 > 上海 > 广州\n\n三城房价比较\n\n正文一段。\n"
    assert clean(text).text == text


def test_a_mid_article_app_slogan_goes_but_a_saying_stays():
    text = "标题\n\n本报讯 正文一段。\n海量资讯、精准解读，尽在某某财经APP\n正文二段。\n他说：“一切尽在不言中。”\n"
    assert clean(text).text == "标题\n\n本报讯 正文一段。\n正文二段。\n他说：“一切尽在不言中。”\n"


def test_a_click_ranking_block_and_a_copyright_footer_go_at_the_tail():
    body = "标题\n\n本报讯 正文一段。\n\n正文二段。\n"
    tail = ("\n48小时点击排行\n1 多地高温持续 注意防暑降温\n2 暑期档电影票房突破150亿元\n"
            "此内容为某某原创，著作权归某某所有。未经书面授权，不得以任何方式加以使用。\n")
    assert clean(body + tail).text == body


def test_keyword_tags_go_at_the_edges_but_a_keyword_sentence_stays():
    body = "标题\n\n本报讯 正文一段。\n\n正文二段。\n"
    assert clean(body + "\n标签：制水 雪州水供公司 巴生河流域\n").text == body
    kept = body + "\n关键词：坚持人民至上是我们党的根本立场。\n"
    assert clean(kept).text == kept


def test_an_advertisement_label_goes_anywhere():
    text = "标题\n\n本报讯 正文一段。\nADVERTISEMENT\n正文二段。\n"
    assert clean(text).text == "标题\n\n本报讯 正文一段。\n正文二段。\n"


def test_a_short_site_name_above_a_navigation_bar_goes():
    text = "某某园\n首页 | 论坛 | 资讯 | 人才 | 用药助手\n\n心血管病人冬季如何锻炼\n\n正文一段。\n"
    assert clean(text).text == "心血管病人冬季如何锻炼\n\n正文一段。\n"


def test_the_page_date_goes_with_the_footer_but_stays_as_a_dateline():
    body = "标题\n更新时间：2024-05-01 10:00\n\n本报讯 正文一段。\n\n正文二段。\n"
    footer = "\n修订日期：2024年6月18日\n隐私政策 | 网站地图 | 联系我们\n"
    assert clean(body + footer).text == body
    alone = body + "\n修订日期：2024年6月18日\n"
    assert clean(alone).text == alone


def test_size_choices_alone_go_at_the_edges():
    text = "标题\n\n本报讯 正文一段。\n\n正文二段。\n\n【大　中　小】\n"
    assert clean(text).text == "标题\n\n本报讯 正文一段。\n\n正文二段。\n"


def test_comment_section_work_does_not_grow_with_the_headers_above_its_reach(monkeypatch):
    from cleaner.detectors import boilerplate as bp

    read = [0]
    forward = bp.nonblank_forward

    def counting(*args, **kwargs):
        for row in forward(*args, **kwargs):
            read[0] += 1
            yield row

    monkeypatch.setattr(bp, "nonblank_forward", counting)
    lex = bp.load_lexicon(())
    for headers in (2000, 4000):
        read[0] = 0
        text = "标题\n\n正文。\n" + "全部评论(1)\n24-8-3 09:40 来自浙江\n" * headers
        bp._comment_section(text, lex, set(), 0)
        assert read[0] <= (bp.MAX_SECTION_LINES + 1) * 2, (headers, read[0])


_BODY = "\n\n北京今年首个高温预警发布\n\n新京报讯 北京市气象台今日发布高温黄色预警信号，预计本市平原地区最高气温将达35℃以上。\n"


@pytest.mark.parametrize("widget", ["北京 晴 3~15℃", "郑州 晴 8℃~19℃ | 空气质量：良", "香港天氣 19°C 相對濕度 78%"])
def test_a_weather_widget_above_the_title_goes(widget):
    text = "首页 | 时事 | 北京 | 经济 | 文化\n" + widget + _BODY
    assert widget not in clean(text).text


def test_a_headline_about_the_weather_stays():
    text = "寒潮南下 北方多地降温8至10℃ 中东部将迎雨雪天气\n\n本报讯 中央气象台今天早晨继续发布寒潮蓝色预警。\n"
    assert clean(text).text == text


def test_a_forecast_of_several_cities_stays():
    text = "明日天气预报\n\n杭州 多云 18~26℃\n宁波 阴转小雨 19~24℃\n温州 小雨 20~25℃\n"
    assert clean(text).text == text


def test_a_long_channel_bar_spaced_out_goes():
    bar = "    ".join("凤凰网首页 资讯 财经 娱乐 体育 时尚 汽车 房产 科技 读书 文化 历史 军事 旅游 佛教 国学 数码 健康 家居".split())
    assert len(bar) > 80
    assert bar not in clean(bar + _BODY).text


def test_site_links_and_a_section_path_between_pieces_of_navigation_go():
    text = ("首页 | 时事 | 北京 | 经济 | 文化 | 体育\n贝壳财经 | 动新闻 | 新京号\n登录\n当前位置：首页 > 北京 > 正文" + _BODY)
    cleaned = clean(text).text
    assert "贝壳财经" not in cleaned and cleaned.startswith("北京今年首个高温预警发布")
    text = "要闻  深度  视频  思想  生活  问吧  更多\n上海 > 城市漫步" + _BODY
    assert clean(text).text.startswith("北京今年首个高温预警发布")


def test_a_headline_under_the_navigation_stays():
    text = "首页 | 时事 | 北京 | 经济 | 文化\n暴雨中的北京 | 一夜未眠的城市" + _BODY
    assert "暴雨中的北京" in clean(text).text


@pytest.mark.parametrize("line", ["点击查看大图", "點擊查看大圖", "点击放大", "图片加载中...", "正在加载"])
def test_image_viewer_and_loading_lines_go_inside_the_text(line):
    text = "第一段正文，写了一些事情。\n" + line + "\n第二段正文，接着写。\n"
    assert clean(text).text == "第一段正文，写了一些事情。\n第二段正文，接着写。\n"


def test_the_credits_of_an_article_in_a_bar_stay():
    """文字 | 李小满  图片 | 周舟: a role and a name each, not a menu (CLEANING.md keeps credits)."""
    text = ("正文第一段，说的是今天的事。\n\n文字 | 李小满  图片 | 周舟  编辑 | 陈思\n\n"
            "往期推荐\n杭州这5条老街\n周末带娃去哪儿\n\n长按识别二维码\n关注我们\n")
    assert "文字 | 李小满  图片 | 周舟  编辑 | 陈思" in clean(text).text


@pytest.mark.parametrize("footer", ["关于豆瓣 · 在豆瓣工作 · 联系我们 · 法律声明 · 帮助中心",
                                    "刘看山 · 知乎指南 · 知乎协议 · 知乎隐私保护指引",
                                    "1 2 3 4 5 ... 35 下一页", "上一页 1 2 3 下一页"])
def test_footer_links_between_dots_and_pagers_go_at_the_tail(footer):
    text = "正文第一段，说的是今天的事。\n\n正文第二段，接着说。\n\n" + footer + "\n"
    assert clean(text).text == "正文第一段，说的是今天的事。\n\n正文第二段，接着说。\n"


def test_names_between_middle_dots_stay():
    text = "正文第一段，说的是今天的事。\n\n约翰 · 史密斯 · 彼得\n"
    assert clean(text).text == text


def test_a_hot_list_at_the_tail_goes():
    text = ("正文第一段，说的是今天的事。\n\n正文第二段，接着说。\n\n24小时热榜\n1      北京今年首个高温预警发布\n"
            "2      多地高考防作弊措施升级\n3      端午假期火车票今起开售\n\n版权所有 © 2024 某某网\n")
    assert clean(text).text == "正文第一段，说的是今天的事。\n\n正文第二段，接着说。\n"


def test_a_breadcrumb_the_text_quotes_as_an_example_stays():
    text = ("政务网站适老化改版见闻\n\n今年以来，市政府门户网站完成了适老化改版，栏目、字号和导航都有变化。\n"
            "面包屑导航也做了调整。过去，一篇文章页面顶部显示的是：\n"
            "您当前的位置：首页 > 政务公开 > 法定主动公开内容 > 部门文件\n"
            "改版后则简化为：\n首页 > 查政策 > 正文\n"
            "页面底部同样减了负，原来的页脚有五行，改版后只剩两行。\n")
    assert clean(text).text == text


def test_a_head_menu_one_item_per_line_with_a_third_known_goes_but_not_the_headline():
    text = ("湖北政务服务网\n首页\n个人服务\n法人服务\n部门服务\n阳光政务\n好差评\n"
            "当前位置：首页 > 个人服务 > 社会保障\n社会保障卡补领办事指南\n在线办理\n预约办理\n收藏\n打印\n分享\n"
            "基本信息\n事项名称：社会保障卡补领\n办理形式：窗口办理、网上办理，符合条件的当场办结。\n")
    cleaned = clean(text).text
    assert cleaned.startswith("社会保障卡补领办事指南\n")
    assert "个人服务" not in cleaned and "办理形式" in cleaned


_WIKI = ("算盘\n\n目录\n隐藏\n1 结构\n2 历史\n3 算法\n\n算盘是一种手动操作计算辅助工具。\n"
         "结构[编辑]\n算盘由框、梁、档和算珠组成。\n历史[编辑]\n算盘起源于中国。\n算法\n播报\n编辑\n口诀是算盘的灵魂。\n")


def test_a_page_own_table_of_contents_and_its_edit_links_go():
    result = clean(_WIKI)
    assert result.text == ("算盘\n\n算盘是一种手动操作计算辅助工具。\n结构\n算盘由框、梁、档和算珠组成。\n"
                           "历史\n算盘起源于中国。\n算法\n口诀是算盘的灵魂。\n")
    assert {f.code for f in result.findings if f.detector == "boilerplate"} == {"B117"}


def test_a_book_table_of_contents_stays():
    """Chapters the page does not go on to print: the book's contents are the text."""
    text = "《城南旧事》\n\n目录\n1 惠安馆\n2 我们看海去\n3 兰姨娘\n4 驴打滚儿\n\n林海音 著\n"
    assert clean(text).text == text


@pytest.mark.parametrize("prompt", ["点击上方“健康生活汇”，选择“设为星标”", "⭐设为星标，第一时间收到推送",
                                    "觉得有用，点个“在看”吧👇", "▲点击上方卡片关注，每天一道家常菜", "点击下方卡片，关注临平吃喝玩乐"])
def test_an_account_prompt_to_follow_it_goes(prompt):
    text = f"正文第一段，说的是今天的事。\n{prompt}\n正文第二段，接着说。\n"
    assert clean(text).text == "正文第一段，说的是今天的事。\n正文第二段，接着说。\n"


def test_a_sentence_about_following_an_account_stays():
    text = "正文第一段。\n很多读者问怎么找到我们：点击上方的公众号名称，再点关注就可以了。\n"
    assert clean(text).text == text


def test_a_footer_menu_of_legal_links_goes_at_the_tail():
    body = "算盘\n\n算盘是一种手动操作计算辅助工具，起源于中国。\n\n算盘由框、梁、档和算珠组成。\n"
    assert clean(body + "\n隐私政策\n关于维基百科\n免责声明\n行为准则\n").text == body


@pytest.mark.parametrize("line", ["分类：算盘 计算工具 中国发明", "开放分类：工艺美术  浙江  温州", "文章标签： python pandas 数据分析"])
def test_category_lines_go_at_the_edges(line):
    text = "正文第一段，说的是今天的事。\n\n正文第二段，接着说。\n\n" + line + "\n"
    assert clean(text).text == "正文第一段，说的是今天的事。\n\n正文第二段，接着说。\n"


@pytest.mark.parametrize("path", ["马蜂窝 > 福建 > 宁德 > 霞浦 > 游记", "MBA智库 > 百科 > 物流管理 > 库存管理 >"])
def test_a_path_of_three_steps_at_the_head_goes(path):
    text = path + "\n\n霞浦的滩涂\n\n霞浦的滩涂在日出时最美，我们凌晨四点就出发了。\n"
    assert clean(text).text == "霞浦的滩涂\n\n霞浦的滩涂在日出时最美，我们凌晨四点就出发了。\n"


def test_a_menu_path_a_tutorial_gives_inside_the_text_stays():
    text = ("如何查看手机型号\n\n很多人不知道自己的手机型号，其实在设置里就能找到。\n"
            "设置 > 通用 > 关于本机\n\n进入后，型号一栏显示的就是手机型号。\n")
    assert clean(text).text == text


@pytest.mark.parametrize("line", ["Please inform our staff of any food allergies.",
                                  "All prices are in RMB and subject to a 10% service charge."])
def test_an_english_line_at_the_tail_is_no_copyright_line_for_a_word_inside_it(line):
    text = "山野小馆 菜单\n\n口水鸡 Mouth-watering Chicken ¥48\n老醋花生 Peanuts in Aged Vinegar ¥22\n\n" + line + "\n"
    assert clean(text).text == text


def test_all_rights_reserved_still_goes_at_the_tail():
    text = "正文第一段，说的是今天的事。\n\n正文第二段，接着说。\n\nAll Rights Reserved.\n"
    assert clean(text).text == "正文第一段，说的是今天的事。\n\n正文第二段，接着说。\n"


@pytest.mark.parametrize("line", ["Human Rights Watch", "Reserved Seats"])
def test_a_latin_last_line_with_rights_or_reserved_alone_stays(line):
    text = "正文第一段，说的是今天的事。\n\n正文第二段，接着说。\n\n" + line + "\n"
    assert clean(text).text == text


def test_a_photo_gallery_counters_and_buttons_go_but_a_fraction_stays():
    text = ("栖霞山红叶进入最佳观赏期。\n上一张　下一张　查看原图\n1/6\n游客在山间拍照。\n2/6\n枫叶映红山坡。\n"
            "正文第二段，接着说。\n")
    assert clean(text).text == "栖霞山红叶进入最佳观赏期。\n游客在山间拍照。\n枫叶映红山坡。\n正文第二段，接着说。\n"
    recipe = "材料如下：\n\n面粉 200克\n1/2\n\n糖少许。\n"
    assert clean(recipe).text == recipe


@pytest.mark.parametrize("line", ["红星新闻APP", "上游新闻客户端", "扫码下载", "转发到",
                                  "本文为潮新闻原创，转载请联系授权"])
def test_app_names_scan_prompts_and_reprint_notices_go_at_the_tail(line):
    body = "正文第一段，说的是今天的事。\n\n正文第二段，接着说。\n"
    assert clean(body + "\n" + line + "\n").text == body


@pytest.mark.parametrize("info, kept", [
    ("发布日期：2024-02-26 信息来源：国家税务总局宁波市税务局 浏览次数：3276 【字体：大 中 小】",
     "发布日期：2024-02-26 信息来源：国家税务总局宁波市税务局"),
    ("【发布时间：2024-04-08】【来源：县人社局】【字体：大 中 小】【打印】", "【发布时间：2024-04-08】【来源：县人社局】"),
    ("来源：宣传科 | 作者：王晓雪 | 发布时间：2024-05-17 | 阅读：862", "来源：宣传科 | 作者：王晓雪 | 发布时间：2024-05-17"),
])
def test_the_info_line_keeps_its_date_and_source_and_loses_its_widgets(info, kept):
    body = "\n\n正文第一段，说的是今天的事。\n"
    assert clean("青塘镇开展防汛应急演练\n" + info + body).text == "青塘镇开展防汛应急演练\n" + kept + body


def test_a_counter_in_a_sentence_stays():
    text = "青塘镇开展防汛应急演练\n\n截至发稿，这篇通知的阅读：862 次，远超往年。\n"
    assert clean(text).text == text


@pytest.mark.parametrize("line", ["36氪APP让一部分人先看到未来", "游民星空APP 一手掌握游戏资讯",
                                  "点击关注健康界，掌握医疗行业动态", "扫码关注中国教育在线官方微信，高考志愿填报资讯早知道",
                                  "免责声明：本文内容仅供参考，不构成任何投资建议。"])
def test_app_slogans_follow_prompts_and_investment_disclaimers_go_at_the_tail(line):
    body = "正文第一段，说的是今天的事。\n\n正文第二段，接着说。\n"
    assert clean(body + "\n" + line + "\n").text == body


def test_a_last_paragraph_about_an_app_stays():
    text = "正文第一段，说的是今天的事。\n\n目前该APP已在各大应用商店上线。\n"
    assert clean(text).text == text


def test_contents_boxes_are_read_a_few_at_most(monkeypatch):
    from cleaner.detectors import contents

    text = ("目录\n1 历史\n2 形式\n3 习俗\n" * 400) + "历史\n形式\n"
    found = contents.contents_findings(text)
    assert len({a for a, _b, reason in found if reason.startswith("the page's table")}) <= contents.MAX_BOXES


def test_a_notices_contact_line_above_the_print_links_stays():
    notice = BODY + "某某市市场监督管理局\n2024年10月11日\n联系电话：0797-8126355\n"
    footer = "【打印本页】【关闭窗口】\n网站地图 | 联系我们 | 网站声明\n主办单位：某某市市场监督管理局　赣ICP备15004711号-1\n"
    result = clean(notice + footer)
    assert result.text.endswith("联系电话：0797-8126355\n")


def test_a_contact_line_beside_the_owner_line_goes_with_the_footer():
    footer = "网站地图 | 联系我们\n主办单位：某某市人民政府\n联系电话：0797-8126355\n赣ICP备15004711号-1\n"
    result = clean(BODY + footer)
    assert "联系电话" not in result.text and "主办单位" not in result.text


def test_a_menu_under_the_pages_first_line_goes_and_the_first_line_stays():
    menu = "SegmentFault 思否\n首页\n问答\n专栏\n资讯\n课程\n发现\n搜索\n立即登录\n免费注册\n\n"
    result = clean(menu + BODY)
    assert result.text.startswith("SegmentFault 思否\n\n春耕生产进展顺利\n")
    assert "立即登录" not in result.text and "专栏" not in result.text


def test_the_headline_under_a_section_path_is_no_menu_item():
    head = ("明報新聞網\n首頁 | 即時新聞 | 每日明報 | 娛樂 | 財經 | 副刊\n每日明報 > 港聞\n\n"
            "颱風逼近 發展局巡查斜坡\n2024年10月21日 星期一\n字體：  小  中  大\n分享：  Facebook   WhatsApp   電郵\n\n")
    text = head + "【明報專訊】天文台預測，颱風將於本周中段最接近本港，屆時本港天氣顯著轉壞。\n"
    result = clean(text)
    assert result.text.startswith("颱風逼近 發展局巡查斜坡\n2024年10月21日 星期一\n")


@pytest.mark.parametrize("header", ["热新闻", "相关搜索", "24小时热文", "熱點精選"])
def test_a_portals_hot_list_at_the_tail_goes(header):
    tail = f"{header}\n1  多地发布高温预警\n2  暑运首日铁路客流创新高\n3  全国夏粮收购进度过半\n"
    result = clean(BODY + tail)
    assert result.text == BODY.rstrip("\n") + "\n"


@pytest.mark.parametrize("head", [
    "界面新闻\n快讯 | 商业 | 科技 | 财经 | 地产 | 汽车 | 消费 | 文化 | 正午 | 界面Vnews\n\n",   # one item a little longer
    "财新网  首页  经济  金融  公司  政经  世界  观点网  文化  博客  周刊\n\n",              # the site's name, then its home page
    "中央社 CNA\n即時  政治  國際  兩岸  產經  證券  科技  生活  社會  地方  文化  運動\n\n",  # an agency's name above its channels
])
def test_a_news_sites_name_and_channels_at_the_head_go(head):
    assert clean(head + BODY).text == BODY.rstrip("\n") + "\n"


def test_a_site_like_line_that_is_a_bar_is_the_navigation_under_the_sites_name():
    head = "中国钢铁新闻网\n首页 | 要闻 | 市场 | 企业 | 绿色低碳 | 数字报\n\n"
    assert clean(head + BODY).text == BODY.rstrip("\n") + "\n"


@pytest.mark.parametrize("tail", [
    "（編輯：陳仁華）1131118\n",                     # an agency's story code after the credit
    "科普中国 +关注\n",                              # a follow button after the account's name
    "文章总数:1021\n总阅读量:438.6万\n",              # an author card's figures
    "本网站所刊载信息，不代表中新社和中新网观点。\n",
    "打开腾讯新闻，阅读体验更佳\n",
    "视频播放\n0:00\n",
])
def test_news_site_tails_go(tail):
    assert clean(BODY + tail).text == BODY.rstrip("\n") + "\n"


@pytest.mark.parametrize("text", [
    BODY + "首班车时刻\n0:00\n",                        # a timetable's last line, no chrome around it
    BODY + "全年共发表文章数：56篇，其中核心期刊12篇。\n",  # a figure in a sentence
])
def test_figures_of_the_text_at_the_tail_stay(text):
    last = text.rstrip("\n").rsplit("\n", 1)[-1]
    assert clean(text).text.endswith("\n" + last + "\n")


BLOG_SIDEBAR = ("分类: Java\n标签: 并发, 线程池\n站长推荐\n1. MySQL 索引失效的几种常见情况(8732)\n"
                "2. Spring 事务不生效的六个原因(5210)\n2022年11月(3)\n2022年10月(5)\n"
                "Copyright © 2022 沧海一粟\nPowered by .NET 7.0 on Kubernetes\n")


def test_a_blogs_closing_furniture_goes_with_the_chrome_around_it():
    result = clean(BODY + BLOG_SIDEBAR)
    assert result.text == BODY.rstrip("\n") + "\n"
    assert any("among the chrome at the end of the page" in f.reason for f in result.findings)


def test_the_furniture_walk_stops_at_a_sentence():
    comment = "这篇写得真好，学到了。\n"
    result = clean(BODY + "网友甲\n" + comment + BLOG_SIDEBAR)
    assert result.text.endswith(comment)


@pytest.mark.parametrize("credit", ["（供稿：心血管内科　撰稿：曾丽萍　摄影：罗俊）", "（文字：顾文静 编辑：孟凡）"])
def test_credits_that_name_the_authors_stay_above_the_footer(credit):
    result = clean(BODY + credit + "\n审核：刘志强\n上一篇：我院开展主题宣传活动\n版权所有 © 某某医院　赣ICP备2021004567号-1\n")
    assert result.text.endswith(credit + "\n")


def test_a_short_list_at_the_end_of_a_text_is_no_furniture():
    text = BODY + "需要带齐的材料：\n身份证\n户口本\n近期免冠照片两张\n登录密码\n"
    assert clean(text).text == text


@pytest.mark.parametrize("widget", ["字号", "小字号\n大字号", "分享：  Facebook   WhatsApp   電郵", "字體：  小  中  大"])
def test_a_widget_between_the_dateline_and_the_text_goes(widget):
    head = "国产大模型API再降价\n界面新闻记者 | 徐冰清\n2024/06/03 10:21\n"
    body = "\n又一轮降价来了，几家头部厂商的输入价格已降至每百万tokens几毛钱。\n\n开发者的选择并不只看价格。\n"
    assert clean(head + widget + "\n" + body).text == head + body


def test_a_ui_line_above_the_dateline_is_left_to_the_head_walk():
    # above the dateline the "title" may be the site's name over its menu: the
    # widget pass leaves such lines alone
    text = "国产大模型API再降价\n收藏\n2024/06/03 10:21\n\n又一轮降价来了，几家头部厂商的输入价格已降至每百万tokens几毛钱。\n"
    result = clean(text)
    assert not any("between the headline and the text" in f.reason for f in result.findings)


@pytest.mark.parametrize("tail", [
    "免责声明：本内容来自平台创作者，不代表本网的观点和立场，如有问题请联系我们删除处理。\n",
    "【免责声明】本站部分内容来源于网络，仅供参考。如有侵权，请联系我们删除。\n",
    "相关个股\n西岭锂业　002987　31.45　-2.18%\n赣北锂能　300861　18.02　-3.54%\n",
    "欢迎订阅星洲网Telegram，把最新最有用的新闻直接送到你的手机！点击这里\n",
])
def test_disclaimers_widgets_and_prompts_at_the_tail_go(tail):
    assert clean(BODY + tail).text == BODY.rstrip("\n") + "\n"


def test_a_fund_reports_own_risk_warning_stays():
    text = BODY + "风险提示：基金有风险，投资需谨慎。基金过往业绩不代表其未来表现。\n"
    assert clean(text).text == text


def test_the_authors_own_disclaimer_in_round_brackets_stays():
    text = BODY + "（本文仅代表作者个人观点，不构成任何投资建议。）\n"
    assert clean(text + "相关文章\n多城二手房挂牌量攀升\n2024年买房记住这三句话\n").text == text


@pytest.mark.parametrize("line", ["阅读量：5.6万", "点击：[ 1023 ]", ":::", "（已下载1286次）",
                                  "友情链接：中华人民共和国工业和信息化部 | 湖南省工业和信息化厅 | 长沙软件园"])
def test_counters_anchors_and_link_lists_at_the_tail_go(line):
    assert clean(BODY + line + "\n").text == BODY.rstrip("\n") + "\n"


@pytest.mark.parametrize("widget", ["　阅读量：5.6万", "　阅读：1,206　字体：[大 中 小]", "　点击：[ 1023 ]"])
def test_the_info_lines_counters_and_font_controls_go_its_date_stays(widget):
    head = "全市春耕生产进展顺利\n2024-05-12 来源：某某网"
    body = "\n\n记者今天从有关部门获悉，全市春耕生产进展顺利，各地农资供应充足。\n"
    assert clean(head + widget + body).text == head + body


@pytest.mark.parametrize("line, form", [
    ("用户名：匿名网友　　密码：", True), ("验证码：", True),
    ("用户名为实名注册。", False), ("密码：123456 是最常见的弱口令", False),
])
def test_a_login_forms_fields(line, form):
    from cleaner.detectors.boilerplate import _classify_edge

    hit = _classify_edge(line, load_lexicon(()), True)
    assert (hit is not None and "form's fields" in hit[1]) is form


def test_a_section_name_over_the_headline_heads_no_related_block():
    head = ("学院首页 | 学校首页 | English | 信息门户\n学院新闻\n通知公告\n学术动态\n媒体报道\n"
            "当前位置: 首页 > 学院新闻 > 正文\n")
    article = "学院举办第十二届化学实验技能竞赛\n作者：宋佳怡　发布时间：2024-05-11\n\n5月9日下午，第十二届化学实验技能竞赛决赛在实验楼举行，24名选手同场竞技。\n"
    assert clean(head + article).text.endswith(article)


@pytest.mark.parametrize("site", ["中国要闻网 — 权威 及时 全面", "星娱网 | 娱乐频道"])
def test_a_sites_name_with_its_slogan_above_the_navigation_goes(site):
    head = site + "\n首页 | 时政 | 国际 | 财经 | 社会 | 评论 | 图片 | 视频 | 专题\n手机版 | 客户端 | 微博 | 微信\n\n"
    article = ("六部门部署推进县域商业体系建设\n2024-05-16 09:12:37　　来源：新华社\n【字号：大 中 小】　【打印本页】　【关闭窗口】\n\n"
               "商务部等六部门近日联合印发通知，部署推进县域商业体系建设。\n")
    result = clean(head + article)
    assert result.text.startswith("六部门部署推进县域商业体系建设\n2024-05-16 09:12:37")
    assert "字号" not in result.text


@pytest.mark.parametrize("tail, goes", [
    ("郑重声明：财汇网发布此信息的目的在于传播更多信息，与本站立场无关。\n", True),
    ("广告声明：文内含有的对外跳转链接，用于传递更多信息，结果仅供参考。\n", True),
    ("本版责编：林海　美编：陈茜　校对：周红\n", True),
    ("郑重声明：我行工作人员不会以任何理由索要验证码。\n", False),   # a bank's own warning
    ("我们郑重声明，本公司从未授权任何第三方销售。\n", False),
])
def test_statements_about_the_site_go_a_texts_own_statement_stays(tail, goes):
    assert (tail.strip() not in clean(BODY + tail).text) is goes


@pytest.mark.parametrize("tail", [
    "本文为新知号作者原创，不代表新知号立场。\n",
    "分享到：臉書 ｜ 微信 ｜ 複製連結\n",
    "A-　A+　　收藏本文　　我要评论\n",
])
def test_platform_disclaimers_and_share_bars_of_hk_and_taiwan_go(tail):
    assert clean(BODY + tail).text == BODY.rstrip("\n") + "\n"


def test_a_spokesmans_words_about_views_stay():
    text = BODY + "发言人表示，这一表态不代表中方立场。\n"
    assert clean(text).text == text


def test_a_bar_with_divides_signs_is_a_navigation_bar():
    head = "中国观察网首页  ∣  手机看观察  ∣  观察客户端  ∣  网站地图  ∣  English\n\n"
    assert clean(head + BODY).text == BODY.rstrip("\n") + "\n"


def test_bracketed_size_choices_on_the_info_line_go():
    head = "全市春耕生产进展顺利\n2025-06-05 16:12:08   来源：县应急管理局"
    body = "\n\n记者今天从有关部门获悉，全市春耕生产进展顺利，各地农资供应充足。\n"
    assert clean(head + "   【大 中 小】" + body).text == head + body


_FORUM_HEAD = ("城东菜场改造后第一次去买菜，说几点感受 - 梅城杂谈 - 梅城论坛 - Powered by Discuz!\n"
               "请 登录 后使用快捷导航\n没有帐号？立即注册\n用户名\n密码\n登录\n门户\n论坛\n梅城杂谈\n房产家居\n"
               "梅城论坛 › 梅城社区 › 梅城杂谈\n查看: 8762|回复: 46\n")
_FORUM_TEXT = ("城东菜场改造后第一次去买菜，说几点感受\n"
               "城东菜场关了大半年，上个月底总算重新开门了。今天早上送完孩子顺路去转了一圈，说几点个人感受。\n")


def test_the_site_header_between_the_page_title_and_its_headline_goes():
    assert clean(_FORUM_HEAD + _FORUM_TEXT).text == _FORUM_TEXT


def test_a_paragraph_between_the_page_title_and_the_headline_ends_the_header():
    lead = "城东菜场的改造从去年秋天开始，历时大半年，这是本论坛网友第一次去实地体验后写下的文字。\n"
    text = ("城东菜场改造后第一次去买菜，说几点感受 - 梅城论坛\n" + lead + "门户\n论坛\n" + _FORUM_TEXT)
    out = clean(text).text
    assert lead in out and out.count("城东菜场改造后第一次去买菜，说几点感受") == 1 and out.endswith(_FORUM_TEXT)


def test_a_blogs_sidebar_lists_at_the_end_go():
    text = (BODY + "阅读排行榜\n1. MySQL 索引失效的几种常见情况(8732)\n2. Spring 事务不生效的六个原因(5210)\n"
            "评论排行榜\n1. Java 线程池 ThreadPoolExecutor 七个参数，一次讲清楚(4)\n推荐排行榜\n最新评论\n"
            "1. Re:Java 线程池 ThreadPoolExecutor 七个参数，一次讲清楚\n--路人甲乙丙\nCopyright © 2022 沧海一粟\n")
    assert clean(text).text == BODY.rstrip("\n") + "\n"


def test_a_headline_quoting_a_copyright_notice_stays():
    text = ("“转载请注明出处”有用吗？聊聊个人博客的版权声明与知识共享协议\n\n"
            "很多博主会在文末写上一句话，希望别人转载时注明出处，但这句话在法律上到底有多大作用？\n")
    assert clean(text).text == text


def test_a_forums_footer_clock_goes():
    text = BODY + "Archiver|手机版|江淮钓鱼论坛 ( 皖ICP备09011473号 )\nGMT+8, 2024-3-18 22:06\n"
    assert clean(text).text == BODY.rstrip("\n") + "\n"


def test_a_blog_posts_licence_and_permalink_under_the_headline_go():
    head = "Python asyncio 入门\n于 2023-06-13 10:12:01 发布\n"
    notices = ("版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。\n"
               "本文链接：https://blog.example.net/article/details/131211094\n")
    body = "asyncio 是 Python 标准库里的异步框架，这篇笔记记录了我在项目里踩过的几个坑。\n"
    assert clean(head + notices + body).text == head + body


@pytest.mark.parametrize("tail", [
    "如需转载请与《某某日报》报社联系。未经《某某日报》报社授权，严禁转载或镜像，违者必究。\n",
    "特别提醒：如果我们使用了您的图片，请作者与本站联系索取稿酬。\n",
    "版权所有 © 某某日报社\n读者热线：4008890008\n",
])
def test_reprint_notices_reminders_and_hotlines_at_the_tail_go(tail):
    assert clean(BODY + tail).text == BODY.rstrip("\n") + "\n"


def test_a_sentence_on_reprinting_in_the_text_stays():
    text = BODY + "律师提醒，未经作者授权转载他人文章，可能构成侵权，严禁转载的声明并非可有可无。\n"
    assert clean(text).text == text


def test_a_forums_topic_navigation_and_related_threads_at_the_tail_go():
    body = ("玩台钓七八年了，前两年一直在黑坑里泡着，去年开始转野钓，饵料配方改了不下二十次。\n\n"
            "配方没有万能的，水情、季节、鱼情都不一样，大家要根据自己的钓点调整。\n")
    tail = ("\n上一主题 下一主题\n相关帖子\n• 夏季野钓鲫鱼，窝料到底怎么打？\n"
            "• 求推荐一款适合巢湖的鲫鱼饵\n• 新手入门：台钓调漂图解（转）\n")
    result = clean(body + tail)
    assert result.text == body
    assert {f.code for f in result.findings if f.detector == "boilerplate"} == {"B111", "B107"}


def test_a_share_bar_at_the_end_of_the_info_line_goes_and_the_line_stays():
    info = "2024-05-17 08:12:36　来源：江西日报　作者：记者 刘佳惠"
    body = "本报讯 今年以来，我省持续推进农村人居环境整治，各地因地制宜探索长效管护机制，群众满意度稳步提升。\n"
    page = f"全省农村人居环境整治取得新进展\n{info}　　字号：大 中 小　　分享到：微信 微博 QQ空间\n{body}"
    result = clean(page)
    assert result.text == f"全省农村人居环境整治取得新进展\n{info}\n{body}"


def test_a_sentence_about_sharing_under_the_headline_stays():
    page = ("全省农村人居环境整治取得新进展\n2024-05-17 08:12:36　来源：江西日报\n"
            "读者可将本报道分享到：微信 微博，参与讨论乡村建设的经验。\n")
    assert clean(page).text == page


_MATCH_REPORT = ("成都蓉城主场2比1战胜山东泰山\n2024-05-26 21:58　体坛+记者 邵化谦\n"
                 "本轮过后，成都蓉城积25分，排名第三；山东泰山积20分，暂列第五。\n")


def test_a_comment_header_that_says_how_many_there_are_takes_the_comments():
    tail = ("\n网友评论（已有 128 条评论）\n请登录后发表评论　登录 | 注册\n热门评论\n"
            "蓉城铁粉：凤凰山主场太给力了！　👍 326　回复\n泰山不倒：后防还是老问题　👍 97　回复\n查看更多评论 >>\n")
    result = clean(_MATCH_REPORT + tail)
    assert result.text == _MATCH_REPORT
    assert "B113" in {f.code for f in result.findings}


def test_print_links_and_a_reprint_condition_at_the_tail_go():
    tail = "\n凡来源注明本网的内容为本网原创，转载需获授权。\n【打印此文】　【关闭窗口】\n"
    assert clean(_MATCH_REPORT + tail).text == _MATCH_REPORT


_EPAPER_ARTICLE = ("守护海丝遗产 擦亮古城名片\n\n"
                   "本报讯（记者 黄晓燕）日前，泉州22处遗产点2023年度保护状况评估工作全面完成，各遗产点总体保存状况良好。\n\n"
                   "本次评估由市世遗中心组织专业机构开展，对遗产本体、环境景观、游客管理等6个方面逐项打分。\n")


@pytest.mark.parametrize("head", [
    "泉州晚报数字报\n2024年05月21日 星期二　　第A05版：综合新闻\n上一版　下一版　　版面导航　　PDF下载\n\n",
    "四川日报数字报\n2025年04月18日  星期五\n往期回顾  |  PDF下载  |  返回目录\n版面导航\n第01版：要闻\n第02版：综合\n上一版    下一版\n\n",
])
def test_an_e_papers_head_goes_down_to_the_headline(head):
    result = clean(head + _EPAPER_ARTICLE)
    assert result.text == _EPAPER_ARTICLE


def test_a_dated_line_under_the_headline_stays():
    page = ("守护海丝遗产 擦亮古城名片\n2024年05月21日 星期二\n\n"
            "本报讯 日前，泉州22处遗产点2023年度保护状况评估工作全面完成，各遗产点总体保存状况良好。\n")
    assert clean(page).text == page


def test_an_edition_named_in_a_sentence_stays():
    page = _EPAPER_ARTICLE + "\n这篇报道刊登在第A05版：综合新闻，当天报纸加印了五千份。\n"
    assert clean(page).text == page


_EPAPER_HEAD = "四川日报数字报\n2025年04月18日  星期五\n往期回顾  |  PDF下载  |  返回目录\n第05版：区域\n"


def test_an_e_papers_list_of_the_pages_stories_goes_above_the_headline():
    stories = "本版新闻\n川南经济区首条跨市公交线路开通\n宜宾港一季度集装箱吞吐量创同期新高\n乐山：文旅“一卡通”覆盖23家景区\n\n"
    assert clean(_EPAPER_HEAD + stories + _EPAPER_ARTICLE).text == _EPAPER_ARTICLE


def test_lines_under_a_stories_header_that_run_into_the_article_stay():
    # no blank line closes the list: the headline and the text may be in it
    page = _EPAPER_HEAD + "本版新闻\n" + _EPAPER_ARTICLE.replace("\n\n", "\n")
    out = clean(page).text
    assert "守护海丝遗产 擦亮古城名片" in out and "本次评估由市世遗中心组织专业机构开展" in out


_DEPT_ARTICLE = ("全省早稻集中育秧工作全面铺开\n发布时间：2024-03-28 16:05　信息来源：种植业管理处\n\n"
                 "3月下旬以来，随着气温回升，全省早稻集中育秧工作全面铺开，各地已落实集中育秧面积42.3万亩。\n")


def test_a_departments_name_above_its_navigation_bar_goes():
    page = "湖北省农业农村厅\n首页 | 机构概况 | 新闻中心 | 信息公开 | 政务服务 | 互动交流\n" + _DEPT_ARTICLE
    assert clean(page).text == _DEPT_ARTICLE


def test_a_headline_naming_a_bureau_stays():
    page = "走进市公安局\n2024-03-28 16:05\n\n" + _DEPT_ARTICLE.split("\n\n", 1)[1]
    assert clean(page).text == page


def test_a_code_blocks_login_to_copy_button_goes_wherever_it_stands():
    post = ("1. 单列分组求均值\ndf.groupby('class')['score'].mean()\n登录后复制\n"
            "2. 一次计算多个统计量\n使用 agg 可以同时计算多个指标：\ndf.groupby('class')['score'].agg(['mean', 'max'])\n登录后复制\n"
            "注意：页面上的“登录后复制”按钮只在未登录时出现。\n")
    out = clean(post).text
    assert "\n登录后复制\n" not in "\n" + out and out.count("登录后复制") == 1
    assert "df.groupby('class')['score'].mean()" in out


@pytest.mark.parametrize("counters", ["查看: 8643|回复: 57", "阅读：9041 | 回复：36"])
def test_a_threads_counters_above_the_post_go(counters):
    page = f"江淮钓鱼论坛\n登录 | 注册 | 找回密码\n{counters}\n" + _DEPT_ARTICLE
    out = clean(page).text
    assert counters not in out and out.endswith(_DEPT_ARTICLE)


def test_counts_in_a_sentence_stay():
    page = _DEPT_ARTICLE + "\n该帖查看: 8643次，回复: 57条，成为本月最热门的讨论。\n"
    assert clean(page).text == page


def test_a_forums_login_box_menu_and_path_above_the_title_go():
    page = ("请 登录 后使用快捷导航\n没有帐号？立即注册\n\n用户名\n 自动登录   找回密码\n密码\n 登录  立即注册\n"
            "只需一步，快速开始\n\n首页\n论坛\n导读\n\n搜索\n热搜: 地铁 学区 公积金 落户\n本版\n帖子\n用户\n"
            "锡城在线论坛»论坛 › 锡城民生 › 民生热线 › 地铁5号线夜间施工噪音太大，凌晨两点还在打桩 ...\n返回列表\n"
            "查看: 8643|回复: 57\n[民生求助] 地铁5号线夜间施工噪音太大，凌晨两点还在打桩\n\n"
            "我家住竹园小区12栋，窗户正对着5号线的施工围挡，最近一周凌晨还能听到打桩的声音。\n")
    result = clean(page)
    assert result.text.startswith("[民生求助] 地铁5号线夜间施工噪音太大，凌晨两点还在打桩\n")


def test_a_headline_asking_how_to_login_stays():
    text = "登录后如何修改密码？\n\n在个人中心点击账号设置，输入旧密码后即可设置新密码。\n"
    assert clean(text).text == text


def test_a_labelled_navigation_bar_at_the_tail_goes():
    page = ("市民反映夜间施工噪音问题\n\n记者从市住建局获悉，相关施工单位已调整作业时间，夜间不再打桩。\n\n"
            "地区导航：梁溪区 | 锡山区 | 惠山区 | 滨湖区 | 新吴区\n手机版|小黑屋|锡城在线论坛 ( 苏ICP备12034567号-1 )\n")
    result = clean(page)
    assert "地区导航" not in result.text and "夜间不再打桩" in result.text


def test_a_headline_about_filing_for_an_icp_licence_stays():
    text = ("个人网站如何办理ICP备案？一文讲清流程与常见问题\n\n"
            "很多刚开始搭建个人博客的朋友都会问：网站一定要备案吗？备案要多久？\n")
    assert clean(text).text == text


def test_a_reading_list_of_works_cited_stays_but_related_links_go():
    body = ("宋代茶事\n\n宋代点茶讲究汤色与汤花，宋徽宗在《大观茶论》中对注水有细致描述。\n\n"
            "斗茶在市井间盛行，参赛者各自点茶，先出现水痕的一方为负。\n\n")
    cited = "相关阅读\n1. 〔宋〕蔡襄：《茶录》\n2. 〔宋〕赵佶：《大观茶论》\n3. 〔唐〕陆羽：《茶经》\n"
    assert clean(body + cited).text == body + cited
    links = "相关阅读\n1. 宋代茶具展在杭州开幕\n2. 年轻人爱上点茶\n3. 龙井开采季到来\n"
    assert "相关阅读" not in clean(body + links).text


_STORY = ("为带动夜间观光，市文化局宣布自9月起试办古迹夜间开放计划，每周五、六开放时间延长至晚间9点。\n"
          "文化局表示，试办期间将依人流及民众反应，评估是否扩大至其他古迹。\n")


@pytest.mark.parametrize("title", [
    "【心得】冰原太刀新手的一点心得 @魔物獵人 哈啦板 - 巴哈姆特",
    "幼稚园面试心得分享（长文） - 幼稚園討論區 - 香港討論區 discuss.com.hk - 香港 No.1 討論區",
])
def test_a_page_title_whose_site_part_names_a_board_or_has_spaces_goes_with_the_header_under_it(title):
    headline = title.split(" @")[0].split(" - ")[0]
    text = f"{title}\n巴哈姆特電玩資訊站\n動畫瘋\n哈啦區\n登入\n註冊\n\n{headline}\n\n{_STORY}"
    assert clean(text).text == f"{headline}\n\n{_STORY}"


def test_a_post_date_between_the_page_title_and_its_headline_stays():
    text = ("台南两天一夜的小吃清单 @ 阿苏的台南日常 :: 痞客邦 ::\n阿苏的台南日常\n首頁\n文章列表\n相簿\n"
            "Nov 18 Sat 2023 14:32\n台南两天一夜的小吃清单\n" + _STORY)
    assert clean(text).text == "Nov 18 Sat 2023 14:32\n台南两天一夜的小吃清单\n" + _STORY


@pytest.mark.parametrize("pager", ["分页: 1 2 >>", "共12页 [1] 2 3 … 下一页", "1 2 3 ... 52 下一页"])
def test_a_pager_with_or_without_its_label_goes(pager):
    assert pager not in clean("标题\n\n" + _STORY + pager + "\n").text


def test_a_threads_buttons_one_per_line_under_the_navigation_go():
    text = "北邮人论坛\n首页\n分区\n十大\n登录\n北邮人论坛 » 信息社会 » 找工作 » 阅读文章\n发表话题\n回复\n收藏\n\n标题\n\n" + _STORY
    assert clean(text).text == "标题\n\n" + _STORY


@pytest.mark.parametrize("line", [
    "版权所有、备案号、联系方式，这些看似不起眼的“页脚信息”，其实都是一家网站合规经营的“身份证”。",
    "版权所有和使用许可是两回事。",
])
def test_a_sentence_that_lists_the_copyright_claim_among_other_things_stays(line):
    text = _STORY + line + "\n"
    assert clean(text).text == text


@pytest.mark.parametrize("tail", [
    "风险提示：本文所提及的观点仅代表个人意见，所涉及标的不作推荐，据此买卖，风险自负。",
    "【关注“育才教育网”微信公众号，第一时间获取升学资讯！】",
    "订阅狮城时报，每月仅需9.90新元，畅读所有付费内容。立即订阅 >",
    "加入台灣即時新聞網LINE好友，掌握第一手新聞 >>",
])
def test_a_disclaimer_an_offer_or_a_bracketed_promotion_at_the_tail_goes(tail):
    assert clean("标题\n\n" + _STORY + "\n" + tail + "\n").text == "标题\n\n" + _STORY


def test_an_offer_in_the_text_without_its_button_stays():
    text = _STORY + "读者可在报社官网立即订阅全年报纸。\n"
    assert clean(text).text == text


@pytest.mark.parametrize("line", [
    "2024年08月22日　星期四　　　　　当前版：03版",
    "第01版：要闻　第02版：要闻　第03版：城事　第04版：综合",
    "上一期　下一期　　　　往期回顾：2024年08月 ▼",
    "2024年11月06日　星期三　　往期回顧",
    "第A03版：澳聞　　　上一版　下一版",
])
def test_an_e_papers_navigation_lines_go(line):
    text = f"禾城日报数字报\n{line}\n放大+　縮小-　默認\n\n老小区“焕新”记\n记者 钱晓雯\n\n{_STORY}"
    assert clean(text).text == f"老小区“焕新”记\n记者 钱晓雯\n\n{_STORY}"


def test_a_sentence_about_a_page_of_the_paper_stays():
    text = "本报第03版刊登了读者来信，上一期的讨论也引起关注。\n" + _STORY
    assert clean(text).text == text


def test_a_cookie_banner_goes_and_a_sentence_about_cookies_stays():
    banner = "本网站使用Cookies以提升您的浏览体验。继续浏览即表示您同意我们的Cookies政策。 [我同意]"
    text = f"南洋快讯 Nanyang Express\n全国 | 柔佛 | 雪隆 | 槟城 | 国际 | 财经\n{banner}\n柔佛 > 新山\n\n标题\n\n{_STORY}"
    assert clean(text).text == "标题\n\n" + _STORY
    prose = "很多网站使用Cookie记录用户的浏览习惯，用户可以在浏览器设置中关闭。\n"
    assert clean(prose + _STORY).text == prose + _STORY


@pytest.mark.parametrize("first, kept", [("地方 ＞ 台南", False), ("和室友的日常 >_<", True)])
def test_a_path_to_the_section_on_the_first_line_goes_an_emoticon_stays(first, kept):
    text = f"{first}\n\n府城古迹夜间开放延长至晚间9点\n{_STORY}"
    assert (first in clean(text).text) is kept


def test_a_label_left_over_at_the_tail_goes():
    counties = "| ".join("长丰县 肥东县 肥西县 庐江县 巢湖市 凤台县 寿县 霍邱县 舒城县 金寨县 霍山县 怀远县".split())
    text = "标题\n\n" + _STORY + "\n热门城市：\n" + counties + "|\n© 2024 住邦网 版权所有　皖ICP备18012345号-2\n"
    assert clean(text).text == "标题\n\n" + _STORY


def test_an_e_papers_list_of_stories_under_its_traditional_label_goes():
    text = ("濠江日報數字報\n版面導航\n本版標題導航\n　　氹仔社區綜合服務中心啟用\n　　路環步行徑周末進行維修\n\n"
            "氹仔社區綜合服務中心啟用\n\n" + _STORY)
    assert clean(text).text == "氹仔社區綜合服務中心啟用\n\n" + _STORY


def test_a_companys_footer_links_and_its_objection_notice_go():
    footer = ("关于本站 | 城市合作 | 寻求报道 | 投资者关系 | 商务合作 | 联系我们 | 加入我们 | 网络谣言信息举报入口 | 网站地图\n"
              "© 2011~2024 某某信息科技有限公司 | 京ICP备12031856号-6\n")
    notice = "如对本稿件有异议或投诉，请联系tougao@example.com\n"
    text = "标题\n\n" + _STORY + "\n" + notice + footer
    assert clean(text).text == "标题\n\n" + _STORY


def test_a_licence_line_goes_at_the_tail_and_a_sentence_naming_the_licence_stays():
    sentence = "经查，该网站未取得互联网药品信息服务资格证书，擅自发布药品信息，执法人员已依法责令其停止经营。\n"
    text = "标题\n\n" + _STORY + sentence + "\n互联网药品信息服务资格证书编号：（京）-非经营性-2019-0123\n"
    assert clean(text).text == "标题\n\n" + _STORY + sentence


@pytest.mark.parametrize("button", ["关注", "+关注"])
def test_a_follow_button_under_the_byline_goes(button):
    text = f"电影官宣定档 两位演员首度合作\n影视风向标 2024-05-20 15:32 北京\n{button}\n\n{_STORY}"
    assert clean(text).text == f"电影官宣定档 两位演员首度合作\n影视风向标 2024-05-20 15:32 北京\n\n{_STORY}"


def test_a_follow_button_in_a_menu_one_item_per_line_does_not_take_the_headline():
    text = "首页\n下载APP\n登录\n注册\n写文章\n回老家的第一年\n南风知我意\n关注\n2023.02.14 21:08:33\n\n" + _STORY
    out = clean(text).text
    assert out.startswith("回老家的第一年\n南风知我意\n")


def test_an_advertisement_under_its_label_ending_in_its_button_goes():
    ad = "广告\n白癜风患者福音｜某某皮肤病医院 特色技术 医保定点 预约热线：400-820-6633\n点击立即咨询 >>\n"
    text = "标题\n\n" + _STORY + "\n" + ad + "\n" + _STORY
    assert clean(text).text == "标题\n\n" + _STORY + "\n" + _STORY
    # without its button, the lines under the label stay (only the label goes)
    plain = "广告\n白癜风患者福音｜某某皮肤病医院 特色技术 医保定点\n"
    out = clean("标题\n\n" + _STORY + "\n" + plain + "\n" + _STORY).text
    assert "白癜风患者福音" in out and "\n广告\n" not in out


def test_an_offer_ending_in_its_button_goes_at_the_head():
    text = "健康网 首页 | 要闻 | 医改 | 医院\n【24小时健康咨询】 名医在线 免费问诊 点击进入>>\n\n标题\n\n" + _STORY
    assert clean(text).text == "标题\n\n" + _STORY


def test_a_players_controls_go_inside_the_text():
    text = "标题\n\n视频加载中，请稍候...\n00:00 / 02:16\n倍速　1.0x　超清\n\n" + _STORY
    assert clean(text).text == "标题\n\n" + _STORY
    prose = "这款播放器支持倍速播放，用户可以选择1.5x或2x，画质也有超清和高清两档。\n"
    assert clean("标题\n\n" + prose).text == "标题\n\n" + prose


def test_a_line_of_widgets_under_the_headline_goes():
    text = "华裔老人遭电话诈骗 警方发出提醒\n2024-10-08 12:36　来源：某某网\n评论（12） | 字号：大 中 小\n\n" + _STORY
    assert clean(text).text == "华裔老人遭电话诈骗 警方发出提醒\n2024-10-08 12:36　来源：某某网\n\n" + _STORY


def test_a_comment_section_signed_by_places_goes():
    thread = "精选留言\n云岭老马\n云南\n去年喝过一次，确实山野气足。\n24\n作者\n谢谢老马，欢迎再来。\n8\n小鱼不吃鱼\n广东\n写得很实在。\n15\n"
    text = "标题\n\n" + _STORY + "\n" + thread
    assert clean(text).text == "标题\n\n" + _STORY


def test_a_previous_and_next_link_run_into_its_title_goes_at_the_tail():
    text = "标题\n\n" + _STORY + "\n上一篇易武的雨，下得正是时候\n下一篇一片古树叶子的旅程\n"
    assert clean(text).text == "标题\n\n" + _STORY


def test_an_accounts_card_under_its_qr_prompt_goes():
    text = "标题\n\n" + _STORY + "\n长按二维码关注\n茶山笔记\n一山一茶，一人一味。\n"
    assert clean(text).text == "标题\n\n" + _STORY
    # a short last paragraph under a sentence that is not a QR prompt stays, and
    # so do the tips under a list item that scans a code to take the metro
    tail = "\n欢迎读者来信讨论。\n一山一茶，一人一味。\n"
    assert clean("标题\n\n" + _STORY + tail).text == "标题\n\n" + _STORY + tail
    tips = "\n小贴士：\n1. 地铁很方便，天府通APP可以扫码进站\n2. 辣度记得说“微辣”\n3. 很多店下午休息\n"
    assert clean("标题\n\n" + _STORY + tips).text == "标题\n\n" + _STORY + tips


def test_the_texts_credits_one_a_line_stay_at_the_tail():
    credits = "\n文字 | 王老师\n编辑 | 小禾\n"
    text = "标题\n\n" + _STORY + credits + "\n预览时标签不可点\n留言\n写留言\n"
    assert clean(text).text == "标题\n\n" + _STORY + credits
    chain = "\n来源 | 越城教育\n编辑 | 周婷\n审核 | 王海军\n"
    assert clean("标题\n\n" + _STORY + chain).text == "标题\n\n" + _STORY


def test_a_follow_button_beside_the_authors_name_above_the_date_goes_but_not_a_menus_item():
    text = f"县城咖啡馆，撑不过第二个夏天\n新消费观察\n关注\n2024-07-02 08:10\n\n{_STORY}"
    assert clean(text).text == f"县城咖啡馆，撑不过第二个夏天\n新消费观察\n2024-07-02 08:10\n\n{_STORY}"
    menu = "抖音\n搜索\n精选\n推荐\n关注\n朋友\n我的\n直播\n放映厅\n短剧\n登录\n"
    out = clean(menu + f"\n标题\n\n{_STORY}").text
    assert "朋友" not in out and "直播" not in out


def test_a_sites_copyright_notices_after_its_name_go_at_the_tail():
    notices = ("中国日报网版权说明：凡注明来源为“中国日报网：XXX（署名）”，除与中国日报网签署内容授权协议的网站外，"
               "其他任何网站或单位未经允许禁止转载、使用，违者必究。如需使用，请与010-84883777联系；凡本网注明“来源：XXX（非中国日报网）”的作品，"
               "均转载自其它媒体，目的在于传播更多信息，其他媒体如需转载，请与稿件来源方联系，如产生任何问题与本网无关。\n"
               "版权保护：本网登载的内容（包括文字、图片、多媒体资讯等）版权属中国日报网（中报国际文化传媒（北京）有限公司）独家所有使用。"
               "未经中国日报网事先协议授权，禁止转载使用。\n")
    text = "标题\n\n" + _STORY + "【责任编辑：张晓雪】\n\n" + notices + "关于我们 | 联系我们 | 招聘信息\n"
    assert clean(text).text == "标题\n\n" + _STORY


@pytest.mark.parametrize("widget, count", [("举报", "0"), ("分享", "2")])
def test_a_widgets_count_under_it_goes_between_the_headline_and_the_text(widget, count):
    text = f"杭州老旧小区17台电梯同步开工\n2024-05-07 09:15:32　来源: 钱江晚报\n{widget}\n{count}\n\n{_STORY}"
    assert clean(text).text == f"杭州老旧小区17台电梯同步开工\n2024-05-07 09:15:32　来源: 钱江晚报\n\n{_STORY}"


@pytest.mark.parametrize("line", ["26人参与 12评论", "Tweet"])
def test_counters_and_a_tweet_button_go_between_the_headline_and_the_text(line):
    text = f"天文台料明日起天晴酷熱\n發佈時間: 2024/05/10 16:42\n分享\n{line}\n\n{_STORY}"
    assert clean(text).text == f"天文台料明日起天晴酷熱\n發佈時間: 2024/05/10 16:42\n\n{_STORY}"


def test_a_related_block_between_paragraphs_closed_by_the_next_paragraph_goes():
    first = "90岁以上老人及低保、特困老人每份10元，街道为他们另外提供送餐服务。\n"
    block = "【延伸阅读】\n深圳今年将新建长者助餐点150个\n南都调查｜社区长者饭堂如何可持续运营？\n"
    text = "标题\n\n" + first + block + _STORY
    assert clean(text).text == "标题\n\n" + first + _STORY
    # a section under the header, one subheading over its paragraph, stays
    section = "延伸阅读\n什么是长者饭堂？\n" + _STORY
    assert clean("标题\n\n" + first + "\n" + section).text == "标题\n\n" + first + "\n" + section


def test_an_ad_slots_label_and_a_bracketed_promotion_go_between_paragraphs():
    first = "都發局統計，台中市屋齡30年以上的建築物約占全市住宅總量四成，耐震問題不容忽視。\n"
    for noise in ("請繼續往下閱讀...\n", "【下载红星新闻APP，看更多深度报道】\n"):
        assert clean("标题\n\n" + first + noise + _STORY).text == "标题\n\n" + first + _STORY
    kept = "【提示】請關注天氣變化。\n"
    assert clean("标题\n\n" + first + kept + _STORY).text == "标题\n\n" + first + kept + _STORY


def test_a_tip_off_promotion_in_round_brackets_goes_at_the_tail():
    text = "标题\n\n" + _STORY + "\n编辑 潘莉\n（下载红星新闻，报料有奖！）\n"
    assert clean(text).text == "标题\n\n" + _STORY


def test_a_close_window_button_and_an_eye_care_colour_go_under_the_headline():
    head = "伊春市迎来今冬最强降雪\n发布时间：2024-04-18 08:47　　来源：广西日报　　　　【字体：大 中 小】　【打印本页】　【关闭窗口】\n"
    assert clean(head + "\n" + _STORY).text == "伊春市迎来今冬最强降雪\n发布时间：2024-04-18 08:47　　来源：广西日报\n\n" + _STORY
    widgets = "信息来源：伊春市人民政府 | 发布日期：2024-01-09\n【字号：大 中 小】  【保护视力色：      】  【打印】  【关闭】\n"
    out = clean("伊春市迎来今冬最强降雪\n" + widgets + "\n" + _STORY).text
    assert "保护视力色" not in out and "伊春市人民政府" in out


def test_the_comments_an_account_picked_go_under_their_header_without_times():
    thread = "精选留言\n江南小雨\n为人民警察点赞！大半夜的辛苦了\n阿甘正传\n家里也有老人，这个办法很实用，学到了。\n写留言\n"
    assert clean("标题\n\n" + _STORY + "\n" + thread).text == "标题\n\n" + _STORY


def test_a_sites_long_english_name_under_its_name_goes_with_it():
    head = ("西南交通大学本科招生网\nUndergraduate Admissions of Southwest Jiaotong University\n"
            "首页 | 学校概况 | 招生政策 | 招生计划 | 历年录取 | 专业介绍 | 招生动态 | 在线咨询\n")
    assert clean(head + "\n标题\n\n" + _STORY).text == "标题\n\n" + _STORY
    # an English line over the article, not over the site's navigation, stays
    text = "标题\nA Report of the Southwest Jiaotong University\n\n" + _STORY
    assert clean(text).text == text


def test_a_follow_button_ending_a_document_without_a_final_newline():
    """The author's follow button may be the last characters of the text, with no newline after it."""
    assert clean("关注").text == "关注\n"
    for ending in ("", "\n"):
        result = clean("标题\n2024-01-02 来源：新华社\n关注" + ending)
        assert result.text == "标题\n2024-01-02 来源：新华社\n"
        assert [f.code for f in result.findings] == ["B111"]
