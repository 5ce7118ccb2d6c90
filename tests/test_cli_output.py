"""Output for people and CI: explain, rules, --format text|json|github, -q/-v, NO_COLOR, exit codes."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.detectors import all_detectors, all_rules

DIRTY = "<p>第一段</p>\n\n\n\n第二段 &amp; 第三段\n"
#: rules whose detector owner has yet to write an example (listed so the gap is visible)
EXAMPLE_PENDING = {"E205", "E221"}
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def tree(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(DIRTY, encoding="utf-8")
    (src / "b.txt").write_text("干净的一行。\n", encoding="utf-8")
    return src


def seedclean(*args, cwd=None, env_extra=None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "cleaner.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


# -- explain ------------------------------------------------------------------

def test_explain_highlights_every_finding_with_code_and_reason(runner, tree):
    res = runner.invoke(main, ["explain", "--no-color", str(tree / "a.txt")])
    assert res.exit_code == 0, res.output
    out = res.output
    data = json.loads(runner.invoke(main, ["explain", "--json", str(tree / "a.txt")]).output)
    assert data["findings"], data
    for f in data["findings"]:
        # inline marker and a table row (number, line, code, reason) per finding
        assert f"[{f['number']} {f['code']}]" in out
        assert re.search(rf"│\s+{f['number']} │\s+{f['line']} │ {f['code']}", out), f
        assert f["reason"].split()[0] in out
    # the original text is shown, the repair of the character reference too
    assert "<p>" in out and "&amp;→&" in out
    # per-detector summary with the character counts of the JSON
    assert "per detector" in out
    for det, row in data["by_detector"].items():
        assert re.search(rf"│ {det}\s+│\s+{row['findings']} │\s+{row['removed']} │\s+{row['repaired']} │", out), det


def test_explain_json_is_complete(runner, tree):
    res = runner.invoke(main, ["explain", "--json", str(tree / "a.txt")])
    assert res.exit_code == 0
    data = json.loads(res.output)
    assert data["path"].endswith("a.txt") and data["status"] == "changed"
    codes = [f["code"] for f in data["findings"]]
    assert "M101" in codes and "M104" in codes
    assert data["by_code"]["M101"] == codes.count("M101")
    text = DIRTY
    for f in data["findings"]:
        if f["detector"] == "markup":
            assert text[f["orig_start"]:f["orig_end"]] == f["before"]
    assert sum(r["findings"] for r in data["by_detector"].values()) == len(codes)


def test_explain_select_quiet_verbose_and_clean_file(runner, tree):
    only_m = json.loads(runner.invoke(main, ["explain", "--json", "--select", "M", str(tree / "a.txt")]).output)
    assert {f["code"][0] for f in only_m["findings"]} == {"M"}
    quiet = runner.invoke(main, ["explain", "-q", "--no-color", str(tree / "a.txt")]).output
    assert "per detector" in quiet and "<p>" not in quiet
    verbose = runner.invoke(main, ["explain", "-v", "--no-color", str(tree / "a.txt")]).output
    assert verbose.rstrip().endswith("第二段 & 第三段")
    clean = runner.invoke(main, ["explain", "--no-color", str(tree / "b.txt")])
    assert clean.exit_code == 0 and "no findings" in clean.output


def test_explain_colours_spans_unless_no_color(tree):
    coloured = seedclean("explain", str(tree / "a.txt"), env_extra={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert coloured.returncode == 0, coloured.stderr
    # the removed tag is struck through on a coloured background
    assert re.search(r"\x1b\[9;48;[0-9;]*m<p>\x1b\[0m", coloured.stdout), coloured.stdout[:500]
    plain = seedclean("explain", str(tree / "a.txt"), env_extra={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert plain.returncode == 0 and "\x1b[" not in plain.stdout
    assert ANSI.sub("", coloured.stdout).count("M101") == plain.stdout.count("M101")


# -- rules --------------------------------------------------------------------

def test_rules_lists_every_detector_with_code_description_and_example(runner):
    res = runner.invoke(main, ["rules", "--json"])
    assert res.exit_code == 0
    rows = json.loads(res.output)
    assert [r["code"] for r in rows] == [r.code for _, r in all_rules()]
    assert {r["detector"] for r in rows} == {d.name for d in all_detectors()}
    for r in rows:
        assert re.fullmatch(r"[A-Z]\d{3}", r["code"]), r
        assert r["summary"].strip() and "\n" not in r["summary"], r
        if r["code"] not in EXAMPLE_PENDING:
            assert r["example"].strip(), f"rule {r['code']} has no example"
    text = runner.invoke(main, ["rules", "--no-color"]).output
    for r in rows:
        assert r["code"] in text


def test_rules_honours_select_and_ignore(runner):
    rows = json.loads(runner.invoke(main, ["rules", "--json", "--select", "M", "--ignore", "M104"]).output)
    assert rows and all(r["code"].startswith("M") for r in rows)
    assert "M104" not in {r["code"] for r in rows}
    bad = runner.invoke(main, ["rules", "--select", "Q9"])
    assert bad.exit_code == 2 and "unknown rule code" in bad.output


# -- formats ------------------------------------------------------------------

def test_format_github_emits_annotations(runner, tree):
    res = runner.invoke(main, ["check", "--format", "github", "-j", "1", str(tree)])
    assert res.exit_code == 1
    lines = [l for l in res.output.splitlines() if l.startswith("::")]
    assert lines and all(re.match(r"::warning file=a\.txt,line=\d+,title=seedclean [A-Z]\d{3}::\S", l) for l in lines)
    assert any("title=seedclean M101::" in l for l in lines)
    assert "b.txt" not in res.output
    # line numbers point into the original file
    m101 = [l for l in lines if "M101" in l]
    assert all("line=1," in l for l in m101)


def test_format_github_escapes_and_reports_errors(runner, tmp_path):
    src = tmp_path / "s"
    src.mkdir()
    (src / "x,y:z.txt").write_text("<br>正文\n", encoding="utf-8")
    (src / "bin.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    res = runner.invoke(main, ["check", "--format", "github", "-j", "1", str(src)])
    assert res.exit_code == 2
    assert "::warning file=x%2Cy%3Az.txt,line=1," in res.output
    assert re.search(r"^::error file=bin\.png::", res.output, re.M)


def test_format_json_is_one_object_per_file(runner, tree):
    res = runner.invoke(main, ["run", "--dry-run", "--format", "json", "-j", "1", str(tree)])
    assert res.exit_code == 1
    rows = [json.loads(l) for l in res.output.splitlines() if l.startswith("{")]
    assert [r["path"] for r in rows] == ["a.txt", "b.txt"]
    assert rows[0]["status"] == "changed" and rows[0]["findings"]
    assert rows[1]["status"] == "unchanged" and rows[1]["findings"] == []


def test_text_format_quiet_and_verbose(runner, tree):
    normal = runner.invoke(main, ["check", "--no-color", "-j", "1", str(tree)])
    assert normal.exit_code == 1 and "-<p>第一段</p>" in normal.output
    quiet = runner.invoke(main, ["check", "-q", "--no-color", "-j", "1", str(tree)])
    assert quiet.exit_code == 1 and quiet.output.strip() == ""
    verbose = runner.invoke(main, ["check", "-v", "--no-color", "-j", "1", str(tree)])
    assert re.search(r"^a\.txt:1: M101 ", verbose.output, re.M)


def test_no_color_env_and_flag(tree):
    env = {"FORCE_COLOR": "1", "TERM": "xterm-256color"}
    coloured = seedclean("check", "-j", "1", str(tree), env_extra=env)
    assert coloured.returncode == 1 and "\x1b[" in coloured.stdout + coloured.stderr
    for extra, args in (({"NO_COLOR": "1"}, []), ({}, ["--no-color"])):
        plain = seedclean("check", "-j", "1", *args, str(tree), env_extra=dict(env, **extra))
        assert plain.returncode == 1
        assert "\x1b[" not in plain.stdout + plain.stderr
        assert "-<p>第一段</p>" in plain.stdout


# -- exit codes ---------------------------------------------------------------

def test_exit_codes(runner, tree, tmp_path):
    assert runner.invoke(main, ["check", "-q", "-j", "1", str(tree / "b.txt")]).exit_code == 0
    assert runner.invoke(main, ["check", "-q", "-j", "1", str(tree)]).exit_code == 1
    assert runner.invoke(main, ["check", "-q", str(tmp_path / "missing")]).exit_code == 2
    assert runner.invoke(main, ["run", "-q", str(tree)]).exit_code == 2  # no DST
    assert runner.invoke(main, ["check", "--select", "NOPE", str(tree)]).exit_code == 2
    out = tmp_path / "out"
    assert runner.invoke(main, ["run", "-q", "-j", "1", str(tree), str(out)]).exit_code == 0
    assert runner.invoke(main, ["check", "-q", "-j", "1", str(out / "a.txt")]).exit_code == 0
    # the exit codes are documented in the help text
    helptext = runner.invoke(main, ["--help"]).output
    assert "Exit codes" in helptext and "0" in helptext and "1" in helptext and "2" in helptext


def test_run_names_all_reports(runner, tree, tmp_path):
    res = runner.invoke(main, ["run", "--no-color", "-j", "1", str(tree), str(tmp_path / "o")])
    assert res.exit_code == 0
    for name in ("report.json", "report.diff", "report.html"):
        assert (tmp_path / "o" / name).is_file()
        assert name in res.output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_run_into_a_folder_prints_what_it_is_asked_for(runner, tree, tmp_path, jobs):
    """Texts and findings come back from the workers when a diff, JSON or -v needs them."""
    def go(*extra):
        out = tmp_path / f"out{len(extra)}{'-'.join(extra)}"
        res = runner.invoke(main, ["run", "--no-color", "-j", jobs, str(tree), str(out), *extra])
        assert res.exit_code == 0, res.output
        assert (out / "a.txt").read_text(encoding="utf-8") != DIRTY
        return res.output

    rows = [json.loads(l) for l in go("--format", "json").splitlines() if l.startswith("{")]
    assert rows[0]["path"] == "a.txt" and {f["code"] for f in rows[0]["findings"]} >= {"M101"}
    assert "-<p>第一段</p>" in go("--diff")
    assert re.search(r"^a\.txt:1: M101 ", go("-v"), re.M)
    plain = go()
    assert "<p>" not in plain and "M101" not in plain
