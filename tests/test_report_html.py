"""report.html: written beside report.json, self-contained, streamed, and rendered by a real browser."""
from __future__ import annotations

import html
import io
import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from cleaner.batch import clean_bytes
from cleaner.reports.html_report import _JS, COLOURS, INDEX_BATCH, HtmlReportWriter
from cleaner.runner import run
from cleaner.settings import Settings

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
IN_CI = os.environ.get("CI", "").lower() == "true"
needs_browser = pytest.mark.skipif(
    CHROMIUM is None and not IN_CI, reason="chromium is not installed (required when CI=true)"
)

DIRTY = "<p>第一段</p>\n\n\n\n第二段 &amp; 第三段\n"
CLEAN = "干净的一行。\n"


@pytest.fixture
def tree(tmp_path):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(DIRTY, encoding="utf-8")
    (src / "sub" / "b.txt").write_text(CLEAN, encoding="utf-8")
    (src / "c.txt").write_bytes("<b>中文内容</b>，编码为国标。\r\n".encode("gbk"))
    return src


def _run(src: Path, dst: Path):
    return run(src, dst, Settings(), jobs=1)


def _blocks(page: str) -> dict[int, dict]:
    return {int(m.group(1)): json.loads(m.group(2)) for m in
            re.finditer(r'<script type="application/json" id="d(\d+)">(.*?)</script>', page)}


def _index(page: str) -> list[list]:
    rows = []
    for m in re.finditer(r"<script>SC\.add\((.*?)\);</script>", page):
        rows.extend(json.loads(m.group(1)))
    return rows


def test_report_html_is_written_beside_report_json(tree, tmp_path):
    dst = tmp_path / "out"
    _run(tree, dst)
    assert (dst / "report.json").is_file() and (dst / "report.html").is_file()
    page = (dst / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    # self-contained: no external stylesheet, script, image or font
    assert "<link" not in page
    assert not re.search(r"<(script|img|iframe)[^>]*\bsrc=", page)
    assert "@import" not in page and "url(" not in page
    # the summary agrees with report.json
    report = json.loads((dst / "report.json").read_text(encoding="utf-8"))
    boot = json.loads(re.search(r"<script>SC\.boot\((.*)\);</script>", page).group(1))
    assert boot["files"] == report["summary"]["files"] == 3
    assert boot["chars_removed"] == report["summary"]["chars_removed"]
    assert {d: v["findings"] for d, v in boot["detectors"].items()} == \
        {d: v["findings"] for d, v in report["summary"]["detectors"].items()}
    assert '<svg id="chart"' in page
    for det in boot["detectors"]:
        assert f'data-detector="{det}"' in page  # one bar per detector


def test_per_file_data_maps_findings_to_the_original(tree, tmp_path):
    dst = tmp_path / "out"
    _run(tree, dst)
    page = (dst / "report.html").read_text(encoding="utf-8")
    index = {row[1]: row for row in _index(page)}
    assert set(index) == {"a.txt", "sub/b.txt", "c.txt"}
    assert index["sub/b.txt"][2] == "unchanged" and index["sub/b.txt"][10] == 0
    blocks = _blocks(page)
    assert index["sub/b.txt"][0] not in blocks  # no payload for an unchanged file
    a = blocks[index["a.txt"][0]]
    assert a["o"] == DIRTY and a["c"] == (dst / "a.txt").read_text(encoding="utf-8")
    tags = [f for f in a["f"] if f["code"] == "M101"]
    assert [a["o"][f["orig_start"]:f["orig_end"]] for f in tags] == ["<p>", "</p>"]
    ref = next(f for f in a["f"] if f["code"] == "M104")
    assert a["o"][ref["orig_start"]:ref["orig_end"]] == "&amp;" and ref["replacement"] == "&"
    # the same findings as report.json
    report = json.loads((dst / "report.json").read_text(encoding="utf-8"))
    assert a["f"] == next(row["findings"] for row in report["files"] if row["path"] == "a.txt")
    # the line alignment is left to the page: the payload is the texts and the findings only
    assert set(a) == {"o", "c", "f"}
    # GBK with CRLF: offsets are into the decoded, newline-normalised text
    c = blocks[index["c.txt"][0]]
    assert "\r" not in c["o"] and c["o"][c["f"][0]["orig_start"]:c["f"][0]["orig_end"]] == "<b>"


@pytest.mark.parametrize("jobs", [1, 2])
def test_detail_covers_the_first_files_of_the_run_only(tmp_path, jobs):
    src = tmp_path / "src"
    src.mkdir()
    for k in range(5):
        (src / f"{k}.txt").write_text(DIRTY, encoding="utf-8")
    dst = tmp_path / "out"
    run(src, dst, Settings(html_details=2), jobs=jobs)
    page = (dst / "report.html").read_text(encoding="utf-8")
    assert sorted(_blocks(page)) == [0, 1]
    rows = {row[1]: row for row in _index(page)}
    assert [rows[f"{k}.txt"][10] for k in range(5)] == [1, 1, 2, 2, 2]  # 2: left out, not "no change"
    assert all(rows[f"{k}.txt"][8] > 0 for k in range(5))  # every file keeps its figures
    assert "3 later files with changes or findings" in page
    # report.json and report.diff are whole
    report = json.loads((dst / "report.json").read_text(encoding="utf-8"))
    assert all(row["findings"] for row in report["files"])
    assert (dst / "report.diff").read_text(encoding="utf-8").count("+++ ") == 5


def test_detail_limit_is_off_for_all(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for k in range(3):
        (src / f"{k}.txt").write_text(DIRTY, encoding="utf-8")
    run(src, tmp_path / "out", Settings(html_details=-1), jobs=1)
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert sorted(_blocks(page)) == [0, 1, 2]
    assert "later files" not in page


def test_script_breakout_is_escaped(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "x.txt").write_text("正文</script><script>alert(1)</script>\n", encoding="utf-8")
    dst = tmp_path / "out"
    _run(src, dst)
    page = (dst / "report.html").read_text(encoding="utf-8")
    assert "alert(1)" in page  # the data is there ...
    assert "<script>alert(1)" not in page  # ... but never as markup


def test_writer_streams_with_bounded_memory():
    """The writer keeps no per-file text: only a bounded batch of index rows and totals."""
    handle = io.StringIO()
    writer = HtmlReportWriter(handle, source="mem")
    settings = Settings()
    sizes = []
    for i in range(INDEX_BATCH * 3 + 5):
        data = f"<p>第{i}段</p>\n".encode() if i % 2 else "干净。\n".encode()
        writer.add(clean_bytes(data, f"f{i:05d}.txt", settings))
        assert len(writer.pending) < INDEX_BATCH
        sizes.append(len(handle.getvalue()))
    # written as it goes, not at close
    assert sizes[INDEX_BATCH] > sizes[0] and sizes[-1] > sizes[INDEX_BATCH * 2]
    assert handle.getvalue().count("<script>SC.add(") == 3
    summary = writer.close()
    assert summary["files"] == INDEX_BATCH * 3 + 5
    assert len(_index(handle.getvalue())) == summary["files"]
    assert handle.getvalue().count("<script>SC.add(") == 4


# -- in a real browser ------------------------------------------------------

def _chromium(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    assert CHROMIUM, "chromium is required in CI (apt-get install chromium)"
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-dev-shm-usage", "--hide-scrollbars", f"--user-data-dir={profile}",
           "--virtual-time-budget=5000", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def _dom(url: str, tmp_path: Path) -> str:
    proc = _chromium(["--dump-dom", url], tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA PNG into rows of pixel bytes (no imaging library needed)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6), (depth, ctype)
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        ftype, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 255
            elif ftype == 2:
                line[x] = (line[x] + b) & 255
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line) if bpp == 3 else bytes(v for k, v in enumerate(line) if k % 4 != 3))
        prev = line
    return width, height, rows


@needs_browser
def test_browser_renders_summary_filters_and_diff(tree, tmp_path):
    dst = tmp_path / "out"
    _run(tree, dst)
    url = (dst / "report.html").resolve().as_uri()
    dom = _dom(url + "#open=a.txt", tmp_path)
    assert 'data-ready="1"' in dom  # the page's script ran to the end
    assert 'id="summary"' in dom and '<svg id="chart"' in dom
    # a filter checkbox per detector that fired
    report = json.loads((dst / "report.json").read_text(encoding="utf-8"))
    for det in report["summary"]["detectors"]:
        assert re.search(rf'<input type="checkbox" data-detector="{det}"', dom), det
    # changed files listed, the unchanged one collapsed into a group
    assert 'data-path="a.txt"' in dom and 'data-path="c.txt"' in dom
    assert 'data-path="sub/b.txt"' not in dom
    assert "1 unchanged files (collapsed)" in dom
    # the expanded file shows a side-by-side diff with coloured, explained spans
    entry = dom[dom.index('data-path="a.txt"'):]
    entry = entry[:entry.index("</details>")]
    assert '<table class="diff">' in entry
    spans = re.findall(r'<span class="hl d-(\w+)[^"]*" data-code="(\w+)" title="([^"]*)"', entry)
    codes = {code for _det, code, _t in spans}
    assert {"M101", "M104"} <= codes
    tag = next(t for d, code, t in spans if code == "M101")
    assert html.unescape(tag).startswith("M101 (markup): ") and "tag" in html.unescape(tag)
    ref = next(t for d, code, t in spans if code == "M104")
    assert html.unescape(ref).endswith("→ &")
    assert "第二段 &amp; 第三段" in entry  # the cleaned side
    # c.txt was not expanded: its diff is not rendered (lazy)
    other = dom[dom.index('data-path="c.txt"'):]
    assert '<table class="diff">' not in other[:other.index("</details>")]


@needs_browser
def test_browser_screenshot_is_not_blank(tree, tmp_path):
    dst = tmp_path / "out"
    _run(tree, dst)
    shot = tmp_path / "shot.png"
    url = (dst / "report.html").resolve().as_uri() + "#open=a.txt"
    proc = _chromium([f"--screenshot={shot}", "--window-size=1280,900", url], tmp_path)
    assert shot.is_file(), proc.stderr[-2000:]
    width, height, rows = read_png(shot)
    assert (width, height) == (1280, 900)
    pixels = set()
    non_white = 0
    for row in rows[::3]:
        for x in range(0, len(row), 9):
            px = row[x:x + 3]
            pixels.add(px)
            non_white += px != b"\xff\xff\xff"
    assert len(pixels) > 50, "the screenshot looks blank"
    assert non_white > 0.3 * (height // 3) * (width // 3)
    # the markup colour of the summary swatches, chips and diff spans is on screen
    markup = bytes(int(COLOURS["markup"][k:k + 2], 16) for k in (1, 3, 5))
    assert sum(row.count(markup) for row in rows) > 50


@needs_browser
def test_browser_paginates_thousands_of_files(tmp_path):
    src = tmp_path / "many"
    src.mkdir()
    n = 1500
    for i in range(n):
        text = f"<p>第{i}段</p>\n" if i % 3 == 0 else f"干净的第{i}行。\n"
        (src / f"f{i:05d}.txt").write_text(text, encoding="utf-8")
    dst = tmp_path / "out"
    _run(src, dst)
    dom = _dom((dst / "report.html").resolve().as_uri(), tmp_path)
    assert 'data-ready="1"' in dom
    entries = re.findall(r'<details class="file changed" data-path="([^"]+)"', dom)
    assert len(entries) == 100 and entries[0] == "f00000.txt"
    assert "500 of 1500 files · page 1 of 5" in dom
    assert "1000 unchanged files (collapsed)" in dom
    assert '<table class="diff">' not in dom  # nothing rendered until expanded
    # the hash can open a file; the unchanged ones can be listed too
    dom = _dom((dst / "report.html").resolve().as_uri() + "#unchanged=1", tmp_path)
    assert "1500 of 1500 files · page 1 of 15" in dom


def _words(i: int) -> str:
    """A line of four ideographs no other line uses."""
    return "".join(chr(0x4E00 + 4 * i + k) for k in range(4))


ALIGNMENT_CASES = [
    # (original lines, cleaned lines)
    (["a", "b", "c"], ["a", "b", "c"]),
    (["<p>第一段</p>", "", "", "第二段"], ["第一段", "", "第二段"]),
    (["首页 | 新闻", "标题", "正文第一句。", "责任编辑：王"], ["标题", "正文第一句。"]),
    (["x"] * 30 + ["<b>改</b>"] + ["y"] * 30, ["x"] * 30 + ["改"] + ["y"] * 30),
    ([], ["新"]),
    (["旧"], []),
    ([_words(i) + "<br>" for i in range(300)], [_words(i) for i in range(300) if i % 7]),
]


@needs_browser
def test_browser_aligns_lines_for_the_side_by_side_view(tmp_path):
    page = tmp_path / "align.html"
    page.write_text(
        "<!DOCTYPE html><html><body><pre id=out></pre><script>" + _JS + "</script><script>"
        f"var cases={json.dumps(ALIGNMENT_CASES, ensure_ascii=False)};"
        "document.getElementById('out').textContent=JSON.stringify(cases.map(function(c){return SC.lineOps(c[0],c[1]);}));"
        "</script></body></html>", encoding="utf-8")
    dom = _dom(page.resolve().as_uri(), tmp_path)
    results = json.loads(html.unescape(re.search(r'<pre id="out">(.*?)</pre>', dom, re.S).group(1)))
    for (a, b), ops in zip(ALIGNMENT_CASES, results):
        # the blocks tile both texts, in order, with nothing left out
        i = j = 0
        for tag, i1, i2, j1, j2 in ops:
            assert (i1, j1) == (i, j) and tag in "erdi"
            if tag == "e":
                assert a[i1:i2] == b[j1:j2]
            i, j = i2, j2
        assert (i, j) == (len(a), len(b))
    # an unchanged text is one equal block; a cleaned line sits beside its original
    assert results[0] == [["e", 0, 3, 0, 3]]
    assert ["r", 0, 1, 0, 1] in results[1]
    assert ["d", 0, 1, 0, 0] in results[2] and ["d", 3, 4, 2, 2] in results[2]
    assert ["r", 30, 31, 30, 31] in results[3] and results[3][0] == ["e", 0, 30, 0, 30]
    assert results[4] == [["i", 0, 0, 0, 1]] and results[5] == [["d", 0, 1, 0, 0]]
    # a long file where every line changed: each kept line beside its original, dropped ones alone
    big = results[6]
    assert sum(1 for op in big if op[0] == "d") == 300 - len(ALIGNMENT_CASES[6][1])
    wrong = [(ALIGNMENT_CASES[6][0][op[1]], ALIGNMENT_CASES[6][1][op[3]]) for op in big if op[0] == "r"
             and ALIGNMENT_CASES[6][0][op[1]] != ALIGNMENT_CASES[6][1][op[3]] + "<br>"]
    assert not wrong
