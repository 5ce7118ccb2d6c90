"""Place-name spam detector (S2xx) and the gazetteer."""
from __future__ import annotations

import time

import pytest

from cleaner import clean

from .fixture_pairs import cases, check_case
from cleaner.gazetteer import gazetteer

CASES = cases("placenames")


def test_enough_fixtures():
    assert len(CASES) >= 8
    assert sum(1 for c in CASES if c.startswith("clean_")) >= 4


@pytest.mark.parametrize("name", CASES)
def test_fixture(name):
    check_case("placenames", name)


@pytest.mark.parametrize("token,known", [
    ("石柱", True), ("石柱土家族自治县", True), ("神农架林区", True), ("神农架", True),
    ("疏勒縣", True), ("揭东县", True), ("山西省", True), ("巴林左旗", True),
])
def test_gazetteer_known(token, known):
    info = gazetteer().lookup(token)
    assert info.division and info.known is known


def test_gazetteer_shape_and_rejects():
    g = gazetteer()
    assert g.lookup("闸北区").division and not g.lookup("闸北区").known
    for word in ("发布", "县城", "市区", "今天", "检察院"):
        assert not g.lookup(word).division, word


def test_reason_format():
    names = "凤台县| 永福县| 蕉岭县| 桦甸市| 吴川市| 望都县| 长汀县| 鹤峰县| 石柱| 南阳市"
    result = clean("正文。\n\n" + names + "\n", select="S")
    (f,) = result.findings
    assert f.code == "S201"
    assert f.reason == "place-name spam: 10 of 10 tokens are division names"


def test_few_counties_in_a_sentence_stay():
    text = "记者走访了凤台县、永福县和蕉岭县的三所学校。\n"
    assert clean(text).text == text


def test_regional_list_with_commas_stays():
    text = "和田县、墨玉县、皮山县、洛浦县、策勒县、于田县、民丰县\n"
    assert clean(text).text == text


def test_short_pipe_list_stays():
    text = "凤台县|永福县|蕉岭县\n"
    assert clean(text).text == text


def test_word_list_of_stems_stays():
    # bare stems that are also common words: not enough suffixed names
    text = "和平 长安 新华 中山 白云 东风 城关\n"
    assert clean(text).text == text


def test_lookup_is_fast():
    g = gazetteer()
    start = time.perf_counter()
    for _ in range(20000):
        g.lookup("凤台县")
        g.lookup("正文内容")
    assert time.perf_counter() - start < 1.0


def test_a_list_the_text_announces_stays():
    """A ranking the article introduces with a colon is its content, however many names it holds."""
    text = ("排名前十的县市分别是：\n\n"
            "昆山市、江阴市、张家港市、常熟市、晋江市、慈溪市、宜兴市、长沙县、太仓市、义乌市\n\n"
            "与去年相比，前十名变化不大。\n")
    assert clean(text).text == text


def test_an_enumeration_from_a_few_provinces_stays():
    """Commas and 、 are prose separators: a list from four provinces is no random pick."""
    text = ("正文第一段。\n\n"
            "昆山市、江阴市、张家港市、常熟市、晋江市、慈溪市、宜兴市、长沙县、太仓市、义乌市\n")
    assert clean(text).text == text


def test_a_scattered_pipe_run_still_goes_under_a_colon():
    """The announcing line spares a list in prose separators, not a pipe-joined run."""
    names = "凤台县| 永福县| 蕉岭县| 桦甸市| 吴川市| 望都县| 长汀县| 鹤峰县| 石柱| 南阳市"
    result = clean("正文。\n\n相关地区：\n" + names + "\n", select="S")
    assert [f.code for f in result.findings] == ["S201"]


@pytest.mark.parametrize("text", [
    "国内对口合作城市：\n延吉市｜伊宁市｜喀什市｜阿克苏市｜和田市｜格尔木市｜德令哈市｜林芝市\n\n今年还将与两个城市签署合作协议。\n",
    "部分入选地区\n\n婺源县 阳朔县 桐庐县 安吉县 凤凰县 腾冲市 敦煌市 平遥县 大理市 香格里拉市\n\n文化和旅游部表示，将对示范区实行动态管理。\n",
    "今年暑假，我们走访了以下地方：\n\n婺源县/阳朔县/凤凰县/腾冲市/敦煌市/平遥县\n\n每到一个县，我们都会去两到三个村的图书室。\n",
])
def test_a_list_the_article_goes_on_after_stays(text):
    assert clean(text).text == text


def test_a_long_pipe_run_with_prose_under_it_still_goes():
    names = ("凤台县| 永福县| 蕉岭县| 桦甸市| 吴川市| 望都县| 长汀县| 鹤峰县| 南阳市| 疏附县| 正阳县| "
             "浪卡子县| 东光县| 利川市| 曲麻莱县| 绥芬河市| 商洛市| 石首市")
    result = clean("正文第一段。\n\n" + names + "\n\n网友留言：写得很好，支持一下。\n", select="S")
    assert [f.code for f in result.findings] == ["S201"]


def test_a_run_glued_to_the_last_sentence_goes_whole():
    names = "凤山县| 石首市| 疏附县| 正阳县| 浪卡子县| 东光县| 利川市| 南阳市| 曲麻莱县| 绥芬河市"
    result = clean("正文第一段，讲述事件经过。\n\n业内人士建议，引导用户规范停车。" + names + "\n")
    assert result.text == "正文第一段，讲述事件经过。\n\n业内人士建议，引导用户规范停车。\n"
    assert [f.code for f in result.findings if f.detector == "placenames"] == ["S202"]


# forty-four names drawn over nineteen provinces: a random pick, though its share of
# distinct provinces (0.43) is lower than a short pick's would be
_LONG_PICK = ("雁山区、共青城市、京山县、紫云苗族布依族自治县、香格里拉市、临邑县、盘山县、洛浦县、江油市、"
              "立山区、渠县、民丰县、广宁县、固阳县、青神县、台安县、宽甸满族自治县、绿春县、德庆县、红河县、"
              "黄骅市、龙湖区、夏邑县、永城市、静安区、湄潭县、仙游县、溧阳市、攸县、栖霞市、长安区、大祥区、"
              "江陵县、湘乡市、漠河县、大新县、惠阳区、郓城县、江夏区、冷水滩区、恒山区、崆峒区、满城区、崇明区")


def test_a_long_random_pick_in_prose_separators_goes():
    result = clean("正文第一段。\n\n" + _LONG_PICK + "\n")
    assert result.text == "正文第一段。\n"
    assert [f.code for f in result.findings if f.detector == "placenames"] == ["S201"]


def test_a_long_line_of_names_without_pipes_goes():
    """A space-separated run longer than 200 characters is looked up too."""
    line = " ".join(_LONG_PICK.split("、")) * 2
    assert len(line) > 300
    result = clean("正文第一段。\n\n" + line + "\n")
    assert result.text == "正文第一段。\n"


def test_a_long_list_from_a_few_provinces_stays():
    """A ranking names many places from a few provinces: not a random pick."""
    names = ("昆山市、江阴市、张家港市、常熟市、晋江市、慈溪市、宜兴市、长沙县、太仓市、义乌市、"
             "南安市、石狮市、福清市、海宁市、诸暨市、余姚市、温岭市、瑞安市、乐清市、龙口市、"
             "荣成市、胶州市、邳州市、丹阳市、靖江市、泰兴市、如皋市、海门市、启东市、沛县")
    text = "正文第一段。\n\n" + names + "\n"
    assert clean(text).text == text


_SITES = "海曙区| 江北区| 北仑区| 镇海区| 鄞州区| 奉化区| 余姚市| 慈溪市| 象山县| 宁海县| 上虞区| 嵊州市| 新昌县| 定海区| 普陀区| 岱山县| 嵊泗县| 三门县"


@pytest.mark.parametrize("label", ["周边站点：", "分站:", "热门城市："])
def test_a_run_under_its_own_label_goes_with_the_label(label):
    result = clean("正文第一段。\n\n" + label + _SITES + "\n")
    assert result.text == "正文第一段。\n"
    assert [f.code for f in result.findings if f.detector == "placenames"] == ["S201"]


def test_a_run_after_a_sentence_with_a_colon_leaves_the_sentence():
    line = "今年受台风影响较大的地区，据应急管理部门统计包括："
    result = clean("正文第一段。\n\n" + line + _SITES + "\n")
    assert line in result.text and "江北区" not in result.text
    assert [f.code for f in result.findings if f.detector == "placenames"] == ["S202"]


def test_a_labelled_list_of_one_citys_districts_stays():
    text = "正文第一段。\n\n宁波市辖区：海曙区、江北区、北仑区、镇海区、鄞州区、奉化区\n\n正文第二段。\n"
    assert clean(text).text == text
