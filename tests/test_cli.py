"""The command line: run writes outputs and reports, dry run and check exit codes, fix in place."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cleaner.cli import main

from .conftest import SEEDS


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def dirty_tree(tmp_path):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("<p>第一段</p>\n\n\n\n第二段\n", encoding="utf-8")
    (src / "sub" / "b.txt").write_text("干净的一行。\n", encoding="utf-8")
    (src / "c.txt").write_bytes("中文内容，编码为国标。\n".encode("gbk"))
    return src


def test_run_writes_outputs_and_reports(runner, dirty_tree, tmp_path):
    dst = tmp_path / "out"
    res = runner.invoke(main, ["run", str(dirty_tree), str(dst), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    assert (dst / "a.txt").read_text(encoding="utf-8") == "第一段\n\n第二段\n"
    assert (dst / "sub" / "b.txt").read_bytes() == (dirty_tree / "sub" / "b.txt").read_bytes()
    assert (dst / "c.txt").read_text(encoding="utf-8") == "中文内容，编码为国标。\n"
    report = json.loads((dst / "report.json").read_text(encoding="utf-8"))
    by_path = {row["path"]: row for row in report["files"]}
    assert by_path["a.txt"]["status"] == "changed"
    assert by_path["sub/b.txt"]["status"] == "unchanged"
    assert by_path["c.txt"]["encoding"] == "gb18030"
    assert any(f["code"] == "M101" for f in by_path["a.txt"]["findings"])
    assert report["summary"]["files"] == 3
    diff = (dst / "report.diff").read_text(encoding="utf-8")
    assert "-<p>第一段</p>" in diff and "+第一段" in diff
    # the source is never touched
    assert (dirty_tree / "a.txt").read_text(encoding="utf-8").startswith("<p>")


def test_dry_run_prints_diff_and_exits_1_then_0_on_output(runner, dirty_tree, tmp_path):
    res = runner.invoke(main, ["run", "--dry-run", str(dirty_tree), "--jobs", "1"])
    assert res.exit_code == 1
    assert "+第一段" in res.output
    dst = tmp_path / "out"
    assert runner.invoke(main, ["run", str(dirty_tree), str(dst), "--jobs", "1"]).exit_code == 0
    for report in dst.glob("report.*"):
        report.unlink()
    res = runner.invoke(main, ["check", str(dst), "--jobs", "1"])
    assert res.exit_code == 0, res.output


def test_destination_inside_source_is_refused(runner, dirty_tree):
    res = runner.invoke(main, ["run", str(dirty_tree), str(dirty_tree / "out")])
    assert res.exit_code == 2
    assert "inside the source" in res.output
    res = runner.invoke(main, ["run", str(dirty_tree), str(dirty_tree)])
    assert res.exit_code == 2


def test_fix_cleans_in_place_and_reports_change(runner, tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text("<b>标题</b>\n\n\n正文\n", encoding="utf-8")
    res = runner.invoke(main, ["fix", str(path)])
    assert res.exit_code == 1
    assert path.read_text(encoding="utf-8") == "标题\n\n正文\n"
    res = runner.invoke(main, ["fix", str(path)])
    assert res.exit_code == 0
    assert not list(tmp_path.glob(".seedclean-tmp-*"))


def test_unknown_rule_is_a_usage_error(runner, dirty_tree):
    res = runner.invoke(main, ["check", str(dirty_tree), "--select", "Q999"])
    assert res.exit_code == 2
    assert "Q999" in res.output


def test_select_limits_the_rules(runner, tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("<b>粗</b>\n\n\n\n乙\n", encoding="utf-8")
    res = runner.invoke(main, ["check", str(path), "--select", "W", "--format", "json", "--jobs", "1"])
    assert res.exit_code == 1
    row = json.loads(res.output.strip().splitlines()[0])
    assert {f["code"][0] for f in row["findings"]} == {"W"}


def test_rules_lists_every_code(runner):
    res = runner.invoke(main, ["rules", "--json"])
    rows = json.loads(res.output)
    codes = {r["code"] for r in rows}
    assert {"M101", "M102", "M103", "M104", "W101"} <= codes
    assert all(r["summary"] for r in rows)


def test_seeds_run_end_to_end(runner, tmp_path):
    dst = tmp_path / "out"
    res = runner.invoke(main, ["run", str(SEEDS), str(dst), "--jobs", "2"])
    assert res.exit_code == 0, res.output
    names = sorted(p.name for p in SEEDS.iterdir())
    assert len(names) == 5
    for name in names:
        text = (dst / name).read_text(encoding="utf-8")
        assert "<" not in text or "<div" not in text
        for needle in ("<p", "</p>", "<!--", "<style", "appendQr_wrap", "&#123;"):
            assert needle not in text, (name, needle)
    assert (dst / "report.json").is_file() and (dst / "report.diff").is_file()
    # the cleaned seeds are a fixed point: check exits 0 on them
    for extra in ("report.json", "report.diff", "report.html"):
        if (dst / extra).exists():
            (dst / extra).unlink()
    res = runner.invoke(main, ["check", str(dst), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(main, ["check", str(SEEDS), "--jobs", "1"])
    assert res.exit_code == 1


def test_progress_bar_only_for_long_runs_on_a_terminal(tmp_path):
    from rich.console import Console

    from cleaner.cli import PROGRESS_MIN_FILES, _progress_for
    from cleaner.settings import Settings

    for i in range(PROGRESS_MIN_FILES + 1):
        (tmp_path / f"{i}.txt").write_text("正文\n", encoding="utf-8")
    tty = Console(force_terminal=True, stderr=True)
    files, bar = _progress_for(tmp_path, Settings(), tty, show=True)
    assert bar is not None and len(files) == PROGRESS_MIN_FILES + 1
    _, bar = _progress_for(tmp_path, Settings(), Console(force_terminal=False, stderr=True), show=True)
    assert bar is None
    (tmp_path / "0.txt").unlink()
    _, bar = _progress_for(tmp_path, Settings(), tty, show=True)
    assert bar is None
