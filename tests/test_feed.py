"""Feed detector (F1xx): fixtures, rule behaviour, idempotence."""
from __future__ import annotations


import pytest

from cleaner import clean

from .fixture_pairs import cases, check_case

CASES = cases("feed")


def test_enough_fixtures():
    assert len(CASES) >= 10
    assert sum(1 for c in CASES if c.startswith("clean_")) >= 4


@pytest.mark.parametrize("name", CASES)
def test_fixture(name):
    check_case("feed", name)


def _codes(text):
    return [f.code for f in clean(text, select="F").findings]


def test_chrome_row_removed_with_reason():
    text = "今天天气很好,出门走走。\n发布 👍 0 举报 写留言\n"
    result = clean(text)
    assert result.text == "今天天气很好,出门走走。\n"
    f = [f for f in result.findings if f.code == "F101"][0]
    assert f.before.startswith("发布") and f.detector == "feed"


def test_lone_ui_word_kept_without_other_chrome():
    text = "第一段。\n分享\n第二段。\n"
    assert clean(text).text == text


def test_lone_ui_word_removed_next_to_chrome():
    text = "正文一句话。\n转发 3 评论 1 赞 9\n收藏\n"
    assert clean(text).text == "正文一句话。\n"


def test_recommend_header_needs_a_block():
    # header in the middle of an article, followed by prose: kept
    text = "热门推荐\n这是一段完整的文章正文,讲述了一件事情的来龙去脉。\n"
    assert clean(text).text == text


def test_recommend_block_with_feed_signals():
    text = ("正文。\n\n相关推荐\n#某话题[超话]#今天的打卡来啦[哈哈]\n"
            "[心]分享一张图片,配文写不下了就先这样吧\n")
    assert clean(text).text == "正文。\n"


def test_short_link_kept_without_feed_signals():
    text = "详情见活动页面 https://t.cn/A6abcdef 。\n"
    assert clean(text).text == text


def test_short_link_removed_in_feed_post():
    text = "#早安#新的一天 https://t.cn/A6abcdef\n"
    assert clean(text).text == "#早安#新的一天\n"
    assert "F104" in _codes(text)


def test_counters_in_prose_kept():
    text = "#话题#这条微博转发 超过一万次,评论也有上千条。\n"
    assert clean(text).text == text


def test_traditional_chrome():
    text = "正文一句話。\n轉發 8 評論 2 讚 30\n"
    assert clean(text).text == "正文一句話。\n"


def test_forum_header_lines():
    text = "发信人: someone (某人), 信区: Test\n发信站: 某某社区 (Mon Jan 1 2024)\n\n正文。\n"
    assert clean(text).text == "正文。\n"
    assert _codes(text).count("F105") == 2


def test_extra_lexicon_option(tmp_path):
    extra = tmp_path / "headers.txt"
    extra.write_text("# mine\n看了又看\n", encoding="utf-8")
    text = ("正文。\n\n看了又看\n• 这是一条很长很长的推荐内容摘要,后面被截断了没有写完的样子\n"
            "• 另一条很长很长的推荐内容摘要,同样在这里被截断了没有写完的\n")
    assert clean(text).text == text
    out = clean(text, options={"feed": {"extra_recommend": [str(extra)]}}).text
    assert out == "正文。\n"


from hypothesis import example, given, settings, strategies as st  # noqa: E402

_PIECES = ["发布", "👍 0", "举报", "写留言", "转发 3", "评论 1", "赞 9", "收藏", "分享", "热门推荐",
           "猜你喜欢", "• 一条很长很长的推荐摘要,后面被截断了没有写完的样子啊啊啊啊", "#话题#",
           "[哈哈]", "https://t.cn/Ab12", "正文一句话。", "凤台县|", "永福县|", "石首市、", "--",
           "发信站: 某站", "展开全文", " ", "\n", "\n\n", "收起"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
# a chrome line inside a recommendation block: once it is gone the block is whole
@example(parts=["热门推荐", "\n", "写留言", "\n", "发布", "发布", "\n", "#话题#"])
def test_feed_and_placenames_idempotent(parts):
    doc = "".join(parts)
    once = clean(doc, select=["F", "S", "W"]).text
    assert clean(once, select=["F", "S", "W"]).text == once


def test_header_before_trailing_chrome_is_idempotent():
    doc = "正文一句话。\n热门推荐\n\n收藏\n转发 3 评论 1\n"
    once = clean(doc).text
    assert once == "正文一句话。\n"
    assert clean(once).text == once


def test_wechat_and_forum_chrome():
    doc = ("正文一句话。\n\n阅读原文\n视频 小程序 赞 ，轻点两下取消赞 在看 ，轻点两下取消在看\n"
           "发表于 2024-5-1 10:23 | 只看该作者\n")
    assert clean(doc).text == "正文一句话。\n"


def test_dated_ui_word_alone_kept():
    doc = "第一段。\n发布 2024-05-01\n第二段。\n"
    assert clean(doc, select=["F", "W"]).text == doc


def test_figures_the_text_announces_stay():
    """"这条微博的数据是：" over "转发 12万": the story quotes the counters."""
    text = "一条寻人微博\n\n晚上8点，这条微博的数据是：\n\n转发 12万\n评论 3.4万\n点赞 28万\n\n女孩当晚被找到。\n"
    assert clean(text).text == text


def test_chrome_rows_under_posts_still_go():
    text = "今天天气很好，出去走走。\n转发 12 评论 3 赞 20\n\n明天继续。\n转发 1 评论 0 赞 5\n"
    result = clean(text)
    assert [f.code for f in result.findings if f.detector == "feed"] == ["F101", "F101"]
    assert "转发" not in result.text


def test_forum_headers_the_text_quotes_stay():
    text = ("那时候的帖子格式很固定，开头几行是这样的：\n\n发信人: lilac (丁香), 信区: Reading\n"
            "标  题: 推荐一本书\n发信站: 水木社区\n\n后来改版了好几次，老朋友们也渐渐不上了。\n")
    assert clean(text).text == text


def test_an_announcement_covers_one_block_only():
    result = clean("网友说：\n\n转发 12\n\n转发 1 评论 0 赞 5\n")
    assert [f.before for f in result.findings if f.detector == "feed"] == ["转发 1 评论 0 赞 5\n"]


def test_official_account_and_app_chrome_goes():
    text = ("点击上方蓝字关注我们\n\n春耕生产进展顺利\n\n记者今天从有关部门获悉，全市春耕生产进展顺利。\n\n"
            "欢迎读者关注我们的公众号，留言说说你家乡的春耕。\n\n点个在看\n打开APP阅读\n")
    result = clean(text)
    assert result.text == ("春耕生产进展顺利\n\n记者今天从有关部门获悉，全市春耕生产进展顺利。\n\n"
                           "欢迎读者关注我们的公众号，留言说说你家乡的春耕。\n")


def test_vote_and_survey_figures_are_not_counters():
    text = "会议进行表决。\n\n赞同 128\n反对 12\n弃权 3\n\n本次调查共有多人参与。\n\n参与 4102\n\n决议获得通过。\n"
    assert clean(text).text == text


def test_a_comment_time_with_where_it_was_sent_from_is_feed_chrome():
    text = ("地铁新线开通了\n\n今天试坐了一下，速度很快。\n\n网友甲：终于等到了\n24-5-11 19:20 来自四川\n回复\n"
            "网友乙：上班方便多了\n24-5-11 19:03 来自四川\n")
    out = clean(text).text
    assert "来自四川" not in out and "网友甲：终于等到了" in out


def test_a_sentence_about_where_someone_came_from_stays():
    text = "记者手记\n\n2024-02-28 来自上海的游客排起了长队。\n\n他们说，等了很久。\n"
    assert clean(text).text == text
