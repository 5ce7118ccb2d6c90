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


@pytest.mark.parametrize("chrome", [
    "来自Android客户端1楼2023-09-10 21:33",          # a thread's stamp scraped without blanks
    "编辑于 2023-05-02 09:12・IP 属地北京",            # spaced origin, katakana middle dot
    "1203 赞 56 条评论",                              # counts before their words, with measure words
    "转发 1.3 万 评论 2341",                          # a unit written apart from its count
    "阅读(1326)┊ 评论 (18)┊ 收藏(0) ┊转载(3)",        # blog counters on box-drawing separators
    "[回复] [删除] [举报]",                            # bracketed buttons
])
def test_thread_chrome_shapes_are_chrome(chrome):
    text = f"正文第一段，说的是今天的事。\n{chrome}\n正文第二段，接着说。\n"
    assert clean(text).text == "正文第一段，说的是今天的事。\n正文第二段，接着说。\n"


@pytest.mark.parametrize("line", [
    "2023年 56 个城市",        # a count with no UI word after it
    "第 3 楼 会议室",           # a floor of a building, in words
    "1203 名 学生",
])
def test_counts_without_ui_words_stay(line):
    text = f"正文第一段，说的是今天的事。\n{line}\n正文第二段。\n"
    assert clean(text).text == text


def test_a_chrome_row_scraped_one_token_per_line_goes():
    text = "正文第一段，说的是今天的事。\n23\n转发\n156\n评论\n89\n赞\n正文第二段，接着说。\n"
    assert clean(text).text == "正文第一段，说的是今天的事。\n正文第二段，接着说。\n"


def test_a_column_of_ui_words_without_figures_stays():
    """An article may list the buttons it talks about, one per line."""
    text = "我看的是这几个数：\n\n阅读\n点赞\n在看\n转发\n\n阅读数用来做分母。\n"
    assert clean(text).text == text
    text = "一、先说我看的是哪几个数\n阅读\n点赞\n在看\n转发\n阅读数用来做分母。\n"
    assert clean(text).text == text


def test_figures_in_a_column_without_a_ui_word_stay():
    text = "比分如下\n3\n1\n2\n比赛结束。\n"
    assert clean(text).text == text


_POST = "楼主的正文，写了很长的一段话，说的是这两年野钓鲫鱼的心得和踩过的坑。\n\n"


def test_a_thread_scraped_one_field_per_line_loses_its_stamps_and_buttons():
    text = (_POST
            + "渔乐无边z\nLV5\n写得很实在，我去年就是打窝太猛\n2024-03-02 21:40\n56\n回复\n"
            + "老周不空军\n哈哈，我也是交了很多学费\n2024-3-2 21:52\n回复\n还有1条回复，点击查看\n"
            + "江汉平原钓鱼佬\n补充一点，春天可以试试蚯蚓\n来自Android客户端\n3楼\n2024-03-03 08:17\n12\n回复\n")
    cleaned = clean(text).text
    for chrome in ("2024-03-02 21:40", "LV5", "\n56\n", "回复", "点击查看", "来自Android客户端", "3楼", "\n12\n",
                   "渔乐无边z"):   # the handle right above its rank goes too
        assert chrome not in cleaned
    for kept in ("写得很实在", "补充一点", "楼主的正文", "江汉平原钓鱼佬"):
        assert kept in cleaned


def test_dated_entries_without_buttons_are_no_thread():
    """A diary or a chat log dates its lines; with no reply buttons beside them they stay."""
    text = (_POST + "2024-03-02 21:15\n出门，天气不错。\n2024-03-03 08:17\n第二天，换了钓点。\n"
            + "2024-03-04 10:26\n第三天，空军。\n")
    assert clean(text).text == text


def test_the_dateline_above_the_text_is_not_part_of_a_thread():
    text = ("帖子标题\n2024-05-02 18:00:00\n\n" + _POST
            + "网友甲\n说得好\n2024-05-02 18:05\n回复\n网友乙\n同意\n2024-05-02 18:09\n回复\n"
            + "网友丙\n学到了\n2024-05-02 18:15\n回复\n")
    cleaned = clean(text).text
    assert "2024-05-02 18:00:00" in cleaned and "2024-05-02 18:05" not in cleaned


@pytest.mark.parametrize("prompt", ["共12条回复, 点击查看", "展开其余 3 条回复", "查看其他 3 則回覆", "还有1条回复，点击查看"])
def test_prompts_to_open_more_replies_are_chrome(prompt):
    text = f"一条评论的正文，说了一些看法。\n2024-03-02 21:40\n回复\n{prompt}\n下一条评论的正文。\n"
    assert prompt not in clean(text).text


@pytest.mark.parametrize("chrome", [
    "2,366 人赞同了该回答",
    "1.2 万人赞同了该回答",
    "：，。视频 小程序 赞 ，轻点两下取消赞 在看 ，轻点两下取消在看 分享 留言 收藏",
    "> 我来回应",
])
def test_platform_lines_under_a_post_are_chrome(chrome):
    text = f"正文第一段，说的是今天的事。\n{chrome}\n发布 👍 0 举报 写留言\n正文第二段，接着说。\n"
    assert clean(text).text == "正文第一段，说的是今天的事。\n正文第二段，接着说。\n"


def test_a_thread_with_names_and_places_on_the_stamp_line():
    text = (_POST + "汤圆圆  2024-02-28 13:58:02 浙江\n同求，预算差不多\n回应\n"
            + "小鱼不吃鱼 (楼主)  2024-02-28 14:02:33 浙江\n已经租到了，谢谢大家\n回应\n"
            + "豆友175432  2023-05-23 08:11:45 辽宁\n顶一下\n回应\n")
    cleaned = clean(text).text
    assert "2024-02-28" not in cleaned and "2023-05-23" not in cleaned
    assert "已经租到了，谢谢大家" in cleaned and "楼主的正文" in cleaned


def test_an_agreement_counter_with_other_buttons_is_chrome_but_a_vote_result_stays():
    text = "正文第一段，说的是今天的事。\n赞同 1208\u200b\u200b63 条评论\u200b分享\u200b喜欢\u200b收藏\n正文第二段，接着说。\n"
    assert clean(text).text == "正文第一段，说的是今天的事。\n正文第二段，接着说。\n"
    vote = "会议进行表决。\n\n赞同 128\n反对 12\n弃权 3\n\n决议获得通过。\n"
    assert clean(vote).text == vote


def test_links_to_other_questions_with_their_answer_counts_are_chrome():
    text = ("正文第一段，说的是今天的事。\n编辑于 2024-02-19 22:47・IP 属地江西\n"
            "在乡镇中学当老师是什么体验？ 356 个回答\n从大城市回县城当老师后悔吗？ 1,024 个回答\n")
    assert clean(text).text == "正文第一段，说的是今天的事。\n"


def test_forum_software_buttons_and_profile_figures_are_chrome():
    text = ("楼主的正文，写了很长的一段话，说的是兰江边老码头的变化。\n回复\n使用道具\n举报\n高级模式\n本版积分规则\n"
            "回帖后跳转到最后一页\n")
    cleaned = clean(text).text
    assert cleaned == "楼主的正文，写了很长的一段话，说的是兰江边老码头的变化。\n"


def test_a_labelled_stamp_under_a_post_goes_but_a_dateline_above_the_text_stays():
    post = ("杭州三日游攻略\n发布于 2024-04-02\n\n"
            "第一天去西湖，从断桥走到苏堤，沿途的风景非常好，建议早上出发避开人流。\n")
    text = post + "编辑于 04-21 浙江\n发布 👍 0 举报 写留言\n"
    assert clean(text).text == post


@pytest.mark.parametrize("chrome", ["优质财经领域创作者\n关注\n", "微信号 jiangnanwenlv\n写留言\n", "展开剩余68%\n",
                                    "观看更多\n更多\n退出全屏\n切换到竖屏全屏退出全屏\n"])
def test_platform_badges_cards_and_player_controls_go(chrome):
    text = "楼市观察\n\n" + chrome + "\n今年以来，多地二手房挂牌量持续攀升，业内人士认为以价换量仍将持续。\n\n买房需谨慎。\n"
    result = clean(text)
    assert result.text == "楼市观察\n\n今年以来，多地二手房挂牌量持续攀升，业内人士认为以价换量仍将持续。\n\n买房需谨慎。\n"


def test_a_writers_field_named_in_a_sentence_stays():
    text = "平台给他的标签是优质财经领域创作者，他自己并不在意。\n微信号是他女儿帮忙注册的。\n"
    assert clean(text).text == text


@pytest.mark.parametrize("card", ["快手号：ylxc8866", "小红书号：95820374", "头条号 · 家居领域创作者"])
def test_account_ids_and_badges_on_a_feed_page_go(card):
    text = "春天的第一碗蕨菜\n\n" + card + "\n关注\n\n今天去山里采了蕨菜，焯水以后凉拌，味道很鲜。\n\n发布 👍 0 举报 写留言\n"
    result = clean(text)
    assert card not in result.text and "今天去山里采了蕨菜" in result.text


def test_a_posters_profile_fields_on_a_forum_page_go():
    text = ("城东菜场改造后第一次去买菜\n\n梅城小渔\n积分\n876\n注册时间\n2019-3-2\n发消息\n\n"
            "今天也去了，确实停车难，建议早上七点前去，那时候车库还有位置。\n回复\n支持\n反对\n举报\n")
    result = clean(text)
    assert "积分" not in result.text and "2019-3-2" not in result.text and "注册时间" not in result.text
    assert "今天也去了" in result.text


def test_a_league_tables_points_stay():
    text = "甲组积分榜\n\n第一名\n江城队\n积分\n36\n第二名\n海州队\n积分\n31\n\n以上为第十轮战罢的排名。\n"
    assert clean(text).text == text


_THREAD = ("早春野河钓鲫，我这套线组用了三年\n"
           "打印 | 推荐 | 订阅 | 收藏\n"
           "浮漂看天下\n中级钓友\nUID 1532\n帖子 4321\n精华 12\n阅读权限 100\n来自 无锡\n在线时间 1203 小时\n注册 2011-2-19\n状态 离线\n"
           "大 中 小 发表于 2024-2-26 20:05  只看该作者\n"
           "本帖最后由 浮漂看天下 于 2024-2-26 20:31 编辑\n"
           "开春以后很多钓友问我野河钓鲫用什么线组，今天统一回答一下，仅代表个人习惯。\n"
           "IMG_0321.JPG (186.45 KB)\n下载附件 保存到相册\n"
           "查看详细资料\nTOP\n"
           "钓鱼佬小周\n新手上路\nUID 20417\n帖子 88\n精华 0\n来自 常州\n注册 2020-4-6\n"
           "大 中 小 发表于 2024-2-26 20:47  只看该作者\n"
           "学习了，调4钓2我试过，早春确实好用。\n"
           "回复 2# 钓鱼佬小周 的帖子\n"
           "回复\n支持\n反对\n举报\n")


def test_a_forum_records_chrome_goes_and_the_posts_stay():
    out = clean(_THREAD).text
    for chrome in ("UID", "精华 12", "阅读权限", "在线时间", "状态 离线", "来自 无锡", "只看该作者", "本帖最后由",
                   "IMG_0321.JPG", "保存到相册", "查看详细资料", "新手上路", "中级钓友", "钓鱼佬小周\n", "的帖子", "反对"):
        assert chrome not in out, chrome
    assert "开春以后很多钓友问我野河钓鲫用什么线组" in out and "学习了，调4钓2我试过" in out
    assert out.startswith("早春野河钓鲫，我这套线组用了三年\n")


def test_profile_like_lines_without_feed_chrome_stay():
    text = ("球队资料\n\n来自 无锡\n注册 2011-2-19\n状态 离线\n\n"
            "这支球队成立于2011年，主场设在无锡体育中心，目前处于休赛期。\n")
    assert clean(text).text == text


def test_an_attachment_named_in_the_text_stays():
    text = "请下载附件：\n\n申报表.docx (36 KB)\n\n填写后于本月底前发送至指定邮箱。\n"
    assert clean(text).text == text


def test_chrome_every_answer_repeats_goes():
    answer = "已赞过\n已踩过<\n你对这个回答的评价是？\n评论\n收起\n"
    text = ("窗户上为什么会结冰花？\n\n"
            "室内湿度大，玻璃又冷，水汽直接在玻璃上凝成冰了，跟冬天戴眼镜进屋起雾一个道理。\n" + answer +
            "换塑钢窗或者断桥铝的双层玻璃就好了，我家换了以后再没结过。\n" + answer)
    out = clean(text).text
    assert "已踩过" not in out and "你对这个回答的评价是" not in out and "收起" not in out
    assert "换塑钢窗" in out and "室内湿度大" in out


def test_a_list_of_buttons_the_text_gives_once_stays():
    text = "新版界面把按钮减到了三个：\n评论\n收起\n分享\n\n用户反馈说比以前清爽多了，也更容易找到想要的功能。\n"
    assert clean(text).text == text


def test_an_announced_list_ends_at_the_next_paragraph():
    text = ("窗户结冰花怎么办\n\n想减少冰花，可以试试：\n（1）睡前开窗通风几分钟。\n（2）不要在卧室晾衣服。\n"
            "如果是单层玻璃窗，冰花融化后的水容易顺着窗框流下，时间长了会让窗台发霉。\n"
            "发布 👍 0 举报 写留言\n")
    out = clean(text).text
    assert "举报" not in out and "（2）不要在卧室晾衣服。" in out and "窗台发霉" in out


def test_a_posts_rating_block_goes():
    text = (_THREAD.replace("IMG_0321.JPG (186.45 KB)\n",
                            "评分\n参与人数 3  威望 +3  金钱 +30  收起 理由\n梅城小渔  + 1  + 10  很给力!\n江北老周  + 2  + 20\n"))
    out = clean(text).text
    assert "参与人数" not in out and "很给力" not in out and "江北老周" not in out and "评分" not in out
    assert "开春以后很多钓友问我野河钓鲫用什么线组" in out


def test_a_score_table_in_the_text_stays():
    text = "比赛结果\n\n参与人数 3\n甲队 + 2\n乙队 + 1\n\n以上为本轮积分变化，下一轮比赛将于周日进行。\n"
    assert clean(text).text == text


def _forum_thread(second_signature: str) -> str:
    return ("夏季野钓鲫鱼，窝料到底怎么打？\n\n"
            "钓翁老李\n发表于 2023-6-3 19:02\n夏天水温高，鲫鱼都往深水走，窝料要少而精，打多了反而把鱼撑饱了。\n"
            "--------------------------------\n一竿一线一江秋，一人独钓一江秋。\n回复 引用 举报\n\n"
            "小河边的阿飞\n发表于 2023-6-3 20:15\n请问老师傅，酒米和颗粒哪个更好？\n回复 引用 举报\n\n"
            "钓翁老李\n发表于 2023-6-3 21:40\n酒米更稳，颗粒诱鱼快，看你钓多久。\n"
            f"--------------------------------\n{second_signature}\n回复 引用 举报\n")


def test_a_signature_every_post_of_its_poster_carries_goes_with_its_rule():
    result = clean(_forum_thread("一竿一线一江秋，一人独钓一江秋。"))
    assert "一竿一线" not in result.text and "-----" not in result.text
    assert "酒米更稳，颗粒诱鱼快，看你钓多久。" in result.text
    assert "夏天水温高，鲫鱼都往深水走，窝料要少而精，打多了反而把鱼撑饱了。" in result.text


def test_a_line_under_a_rule_the_page_shows_once_stays():
    result = clean(_forum_thread("补充一句：雨后涨水的时候窝要打得更近。"))
    assert "补充一句：雨后涨水的时候窝要打得更近。" in result.text
    assert result.text.count("一竿一线一江秋，一人独钓一江秋。") == 1


def test_a_stamp_with_its_floor_number_before_the_font_choices_goes():
    thread = _forum_thread("一竿一线一江秋，一人独钓一江秋。").replace(
        "发表于 2023-6-3 20:15", "#2 大 中 小 发表于 2023-6-3 20:15  只看该作者")
    result = clean(thread)
    assert "发表于" not in result.text and "只看该作者" not in result.text
    assert "请问老师傅，酒米和颗粒哪个更好？" in result.text


def test_a_line_of_sizes_after_a_number_is_text():
    line = "#1 大 中 小 三种规格的鱼护都有货，价格见下表。"
    result = clean(_forum_thread("一竿一线一江秋，一人独钓一江秋。").replace(
        "请问老师傅，酒米和颗粒哪个更好？", line))
    assert line in result.text


def test_a_taiwanese_forums_report_button_row_goes():
    thread = _forum_thread("一竿一线一江秋，一人独钓一江秋。").replace("回复 引用 举报", "檢舉 引用 回覆")
    result = clean(thread)
    assert "檢舉" not in result.text and "酒米更稳，颗粒诱鱼快，看你钓多久。" in result.text


def _discuz_thread(signature_block: str = "") -> str:
    return ("[求助] 小区楼下夜间施工太吵，该找哪个部门？\n\n"
            "竹园老徐\n\n竹园老徐 当前离线\n积分\n1286\n\n12\n主题\n356\n帖子\n1286\n积分\n金牌会员\n发消息\n楼主\n"
            "发表于 2023-10-12 23:41:07 | 只看该作者 |倒序浏览 |阅读模式\n"
            "最近一周凌晨一两点还能听到打桩和渣土车倒车的声音，家里老人孩子都睡不好，想问问大家该找哪个部门。\n\n"
            "回复\n\n使用道具 举报\n\n"
            "城南一棵葱\n城南一棵葱 当前离线\n积分\n5320\n论坛元老\n发消息\n沙发\n"
            "发表于 2023-10-13 07:15:22 | 只看该作者\n"
            "夜间施工要有许可，许可上写明了作业内容和时间，可以去围挡上找公告看看。\n"
            "回复 支持 反对\n\n" + signature_block + "使用道具 举报\n\n"
            "竹园老徐\n竹园老徐 当前离线\n积分\n1286\n发消息\n板凳\n"
            "发表于 2023-10-13 08:02:45 | 只看该作者\n"
            "城南一棵葱 发表于 2023-10-13 07:15\n"
            "夜间施工要有许可，许可上写明了作业内容和时间，可以 ...\n"
            "公告我看了，写的是连续浇筑作业，打桩不在里面。\n"
            "回复 支持 反对\n\n使用道具 举报\n\n"
            "B Color Image Link Quote Code Smilies\n")


def test_a_discuz_posters_name_presence_group_and_figures_go():
    result = clean(_discuz_thread())
    for gone in ("当前离线", "金牌会员", "论坛元老", "\n12\n", "\n竹园老徐\n", "\n城南一棵葱\n"):
        assert gone not in "\n" + result.text, gone
    assert "公告我看了，写的是连续浇筑作业，打桩不在里面。" in result.text
    assert "[求助] 小区楼下夜间施工太吵，该找哪个部门？" in result.text


def test_a_quoted_posts_head_and_the_reply_editors_buttons_go():
    result = clean(_discuz_thread())
    assert "城南一棵葱 发表于" not in result.text
    assert "Smilies" not in result.text
    assert "夜间施工要有许可，许可上写明了作业内容和时间，可以去围挡上找公告看看。" in result.text


def test_a_posters_name_with_a_date_above_the_text_is_the_dateline():
    text = ("【公告】摄影交流区版规（2024年修订版）\n版务组 发表于 2024-2-1 10:12\n"
            "为维护良好的交流氛围，经版务组讨论，现将本版版规修订如下，请各位影友自觉遵守。\n"
            "发现违规内容，请点击帖子右下角的举报按钮，或私信当值版主。\n")
    assert clean(text).text == text


def test_a_signature_between_a_posts_buttons_goes_even_once():
    result = clean(_discuz_thread("------------------------------------\n民生直通车 每周二、周四集中转办网友诉求\n"))
    assert "民生直通车" not in result.text and "-----" not in result.text


def test_a_group_name_or_figure_in_the_text_stays():
    text = ("会员等级说明\n\n本站会员分为以下几级，积分达到要求后自动升级：\n"
            "新手上路\n注册会员\n金牌会员\n\n积分规则如下，发帖一次加2分。\n12\n主题\n")
    assert clean(text).text == text


def test_toolbar_words_in_a_sentence_stay():
    text = "编辑器里有 B、Image、Link、Quote 等按钮，点 Quote 就能引用别人的话。\n"
    assert clean(text).text == text


def _nga_thread() -> str:
    return ("[讨论] 新版本的深渊怎么打比较稳？\n\n"
            "[楼主] 云游的旅行者\n级别: 白银\n威望: 0\n注册: 2019-10-08\n发帖: 2046\n#0 2023-09-12 20:31\n"
            "新版本深渊第十二层的怪血量太厚了，我的两队配置总是差几秒，有没有大佬给点思路。\n"
            "[0] [0] 分享 举报 引用 回复\n\n"
            "[1楼] 咸鱼不翻身\n级别: 学徒\n威望: 0\n注册: 2021-02-17\n发帖: 88\n#1 2023-09-12 20:40\n"
            "先把上半的单体输出拉满，下半用聚怪队，别硬拼。\n[0] [0] 引用 回复\n")


def test_an_nga_posts_floor_name_profile_and_vote_buttons_go():
    result = clean(_nga_thread())
    for gone in ("[楼主]", "[1楼]", "级别", "发帖: 2046", "[0] [0]"):
        assert gone not in result.text, gone
    assert "先把上半的单体输出拉满，下半用聚怪队，别硬拼。" in result.text
    assert "新版本深渊第十二层的怪血量太厚了，我的两队配置总是差几秒，有没有大佬给点思路。" in result.text


def test_figures_before_their_labels_and_stamps_with_the_app_go():
    thread = _discuz_thread().replace("12\n主题\n356\n帖子\n1286\n积分\n", "12 主题 356 帖子 1286 积分\n").replace(
        "发表于 2023-10-13 07:15:22 | 只看该作者", "发表于 2023-10-13 07:15:22 | 只看该作者 | 来自 安卓客户端")
    result = clean(thread)
    assert "356 帖子" not in result.text and "安卓客户端" not in result.text
    assert "夜间施工要有许可，许可上写明了作业内容和时间，可以去围挡上找公告看看。" in result.text


def test_a_vbulletin_posts_stamp_and_presence_with_its_buttons_go():
    thread = ("第一次去台南自由行，四日三夜點樣安排好？\n\n#1\n舊 2019-05-14, 10:21 PM\n細細粒食貨\n註冊會員\n"
              "想問下各位，第一次去台南，四日三夜應該點樣安排行程比較好？\n細細粒食貨 目前離線  \t 引用回覆\n\n"
              "#2\n舊 2019-05-15, 09:03 AM\n阿Ken遊台灣\n資深會員\n"
              "第一日去安平，第二日市區古蹟，第三日去奇美博物館，第四日食嘢。\n阿Ken遊台灣 目前離線  \t 引用回覆\n")
    result = clean(thread)
    assert "目前離線" not in result.text and "舊 2019" not in result.text
    assert "第一日去安平，第二日市區古蹟，第三日去奇美博物館，第四日食嘢。" in result.text


def test_numbered_notes_in_brackets_stay():
    text = "注释\n\n[1] 参考文献见附录\n[2] 数据来自统计年鉴\n"
    assert clean(text).text == text


@pytest.mark.parametrize("item", ["1. 充电", "(2) 分享", "（3）收藏", "2. 评论"])
def test_a_numbered_step_named_like_a_button_stays(item):
    text = f"第一章 快速入门\n\n{item}\n首次使用前，请将手环连接电源约1.5小时，充满后图标变为绿色。\n"
    assert clean(text).text == text


def test_a_datelines_place_beside_an_account_card_stays():
    page = ("双季稻早插快发：今年春耕有这些新变化\n湘农观察\n2024-03-06 16:20 发布于湖南\n农业领域创作者\n+关注\n\n"
            "3月上旬，洞庭湖平原气温回升，湘阴县不少种粮大户已经忙着浸种、催芽，为早稻育秧做准备。\n")
    result = clean(page)
    assert "2024-03-06 16:20 发布于湖南" in result.text
    assert "+关注" not in result.text and "农业领域创作者" not in result.text


def test_the_collections_a_post_is_filed_under_go():
    story = "老班章的春茶今年贵了三成，茶农和茶商各有各的说法。\n"
    text = "老班章的春茶\n原创\n李晓青 茶山笔记 2024年04月18日 07:32 云南\n收录于合集\n#春茶 12个\n#西双版纳 27个\n\n" + story
    assert clean(text).text == "老班章的春茶\n李晓青 茶山笔记 2024年04月18日 07:32 云南\n\n" + story
    hashtags = "今天去了西湖 #旅行 #杭州\n"
    assert clean(hashtags).text == hashtags


def test_a_comment_header_with_its_count_goes_with_the_thread_under_it():
    story = "这部电影讲的是一家人的故事，导演用了很多长镜头，节奏很慢，但后劲很足。\n"
    thread = ("回应 34\n推荐 转发\n豆友17264533\n2023-09-11 08:12:05 上海\n“一半看得到，一半看不到”，写得真好。\n"
              "风吹麦浪\n2023-09-11 09:30:41 北京\n谢谢，重看那天其实是一个人去的。\n")
    out = clean("一一：一半看得到，一半看不到\n\n" + story + "\n" + thread).text
    assert out == "一一：一半看得到，一半看不到\n\n" + story
    # with no thread under it, the header is a counter like any other
    bare = "一一：一半看得到，一半看不到\n\n" + story + "\n评论 36\n赞 12\n"
    assert "评论 36" not in clean(bare).text
