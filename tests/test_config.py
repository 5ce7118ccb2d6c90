"""Configuration: [tool.seedclean] found upward from the working directory, --config, rule
selection, per-detector options, include/exclude in run/check/fix, and clear errors."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.config import find_config, load_settings
from cleaner.settings import Settings

PINYIN = "我們要加強(qiáng)管理，推進(jìn)發(fā)展，確保穩(wěn)定和安全。\n"
MARKUP = "<p>第一段</p>\n"


@pytest.fixture
def runner():
    return CliRunner()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def codes_of(runner, *args) -> set[str]:
    res = runner.invoke(main, ["check", "--format", "json", "-j", "1", *args])
    assert res.exit_code in (0, 1), res.output
    return {f["code"] for line in res.output.splitlines() if line.startswith("{")
            for f in json.loads(line)["findings"]}


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "proj"
    write(root / "pyproject.toml", """
        [project]
        name = "x"

        [tool.seedclean]
        select = ["M"]
    """)
    write(root / "docs" / "deep" / "a.txt", MARKUP + PINYIN)
    return root


# -- discovery ----------------------------------------------------------------

def test_config_is_found_from_the_working_directory_upward(runner, project, monkeypatch):
    monkeypatch.chdir(project / "docs" / "deep")
    assert find_config(Path.cwd()) == (project / "pyproject.toml").resolve()
    assert codes_of(runner, "a.txt") == {"M101"}


def test_pyproject_without_a_seedclean_table_is_passed_over(runner, project, monkeypatch):
    write(project / "docs" / "pyproject.toml", "[project]\nname = 'inner'\n")
    monkeypatch.chdir(project / "docs" / "deep")
    assert find_config(Path.cwd()) == (project / "pyproject.toml").resolve()
    assert codes_of(runner, "a.txt") == {"M101"}


def test_no_config_means_every_rule(runner, tmp_path, monkeypatch):
    write(tmp_path / "a.txt", MARKUP + PINYIN)
    monkeypatch.chdir(tmp_path)
    assert find_config(tmp_path) is None or not str(find_config(tmp_path)).startswith(str(tmp_path))
    assert {"M101", "E301"} <= codes_of(runner, "a.txt")


def test_config_option_overrides_discovery(runner, project, monkeypatch):
    other = write(project / "other.toml", '[tool.seedclean]\nselect = ["E3"]\n')
    monkeypatch.chdir(project / "docs" / "deep")
    assert codes_of(runner, "--config", str(other), "a.txt") == {"E301"}
    # a bare seedclean.toml (no [tool.seedclean] header) works too
    bare = write(project / "seedclean.toml", 'ignore = ["E"]\n')
    assert "E301" not in codes_of(runner, "--config", str(bare), "a.txt")


def test_command_line_select_and_ignore_replace_the_configured_ones(runner, project, monkeypatch):
    monkeypatch.chdir(project / "docs" / "deep")
    assert codes_of(runner, "--select", "E3", "a.txt") == {"E301"}
    assert codes_of(runner, "--select", "M,E3", "--ignore", "M101", "a.txt") == {"E301"}
    assert codes_of(runner, "--ignore", "M", "a.txt") == set()  # configured select M, all ignored


# -- errors ---------------------------------------------------------------------

@pytest.mark.parametrize("table, message", [
    ('selekt = ["M"]', "unknown key 'selekt' in [tool.seedclean]"),
    ('select = ["Q1"]', "unknown rule code or prefix: Q1"),
    ('ignore = ["M999"]', "unknown rule code or prefix: M999"),
    ("select = 3", "select must be a string or a list of strings"),
    ('time-budget = "soon"', "time-budget must be a number"),
    ("html-details = -3", "html-details must be a number of files >= 0"),
    ('html-details = "many"', "html-details must be a number of files >= 0"),
    ("[tool.seedclean.nonsense]\nx = 1", "unknown detector table [tool.seedclean.nonsense]"),
    ("[tool.seedclean.placenames]\nmin-rum = 3", "unknown option 'min-rum' for detector placenames"),
    ("[tool.seedclean.placenames]\nmin-run = 'many'", "min-run must be a whole number"),
    ("[tool.seedclean.pinyin]\nmin-coverage = -1", "min-coverage must be a number >= 0"),
    ("[tool.seedclean.markup]\nanything = 1", "unknown option 'anything' for detector markup (options: none)"),
    ('[tool.seedclean.boilerplate]\nextra-lexicons = ["missing.txt"]', "no such file"),
    ("select = [", "invalid TOML"),
])
def test_bad_configuration_is_a_clear_error(runner, tmp_path, monkeypatch, table, message):
    body = table if table.startswith("[tool.seedclean.") else "[tool.seedclean]\n" + table
    write(tmp_path / "pyproject.toml", body + "\n")
    write(tmp_path / "a.txt", MARKUP)
    monkeypatch.chdir(tmp_path)
    for command in (["check", "a.txt"], ["fix", "a.txt"], ["run", ".", str(tmp_path.parent / "o")],
                    ["explain", "a.txt"], ["rules"]):
        res = runner.invoke(main, command)
        assert res.exit_code == 2, (command, res.output)
        assert message in res.output, (command, res.output)
        assert "pyproject.toml" in res.output
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == MARKUP  # fix did nothing


def test_config_path_errors(runner, tmp_path):
    write(tmp_path / "a.txt", MARKUP)
    res = runner.invoke(main, ["check", "--config", str(tmp_path / "nope.toml"), str(tmp_path)])
    assert res.exit_code == 2 and "configuration file not found" in res.output
    plain = write(tmp_path / "p" / "pyproject.toml", "[project]\nname = 'x'\n")
    res = runner.invoke(main, ["check", "--config", str(plain), str(tmp_path / "a.txt")])
    assert res.exit_code == 2 and "no [tool.seedclean] table" in res.output


def test_unknown_code_on_the_command_line(runner, tmp_path):
    write(tmp_path / "a.txt", MARKUP)
    for command in ("check", "fix", "explain"):
        res = runner.invoke(main, [command, "--ignore", "ZZ", str(tmp_path / "a.txt")])
        assert res.exit_code == 2 and "unknown rule code or prefix: ZZ" in res.output


# -- per-detector options -----------------------------------------------------

def test_detector_threshold_is_applied(runner, tmp_path, monkeypatch):
    write(tmp_path / "a.txt", PINYIN)
    monkeypatch.chdir(tmp_path)
    assert "E301" in codes_of(runner, "a.txt")
    write(tmp_path / "pyproject.toml", "[tool.seedclean.pinyin]\nmin-annotations = 10\n")
    assert "E301" not in codes_of(runner, "a.txt")
    settings = load_settings(start=tmp_path)
    assert settings.detector_options == {"pinyin": {"min_annotations": 10}}


def test_extra_lexicon_paths_are_relative_to_the_config_file(tmp_path):
    lex = write(tmp_path / "conf" / "lex" / "site.txt", "[nav]\n本站首頁\n")
    write(tmp_path / "conf" / "pyproject.toml", """
        [tool.seedclean.boilerplate]
        extra-lexicons = ["lex/site.txt"]
        max-head-lines = 12
        [tool.seedclean.feed]
        extra-counters = "lex/site.txt"
    """)
    (tmp_path / "elsewhere").mkdir()
    settings = load_settings(start=tmp_path / "conf")
    assert settings.detector_options["boilerplate"] == {"extra_lexicons": [str(lex)], "max_head_lines": 12}
    assert settings.detector_options["feed"] == {"extra_counters": [str(lex)]}
    assert Path(settings.root) == (tmp_path / "conf").resolve()
    # the same through --config from another folder
    again = load_settings(config_path=tmp_path / "conf" / "pyproject.toml", start=tmp_path / "elsewhere")
    assert again.detector_options == settings.detector_options


# -- include / exclude ----------------------------------------------------------

@pytest.fixture
def filtered(tmp_path, monkeypatch):
    root = tmp_path / "repo"
    write(root / "pyproject.toml", """
        [tool.seedclean]
        include = ["*.txt"]
        exclude = ["drafts", "keep/skip-*.txt"]
    """)
    for rel in ("keep/a.txt", "keep/skip-1.txt", "drafts/b.txt", "notes.md", "keep/deeper/drafts/c.txt"):
        write(root / rel, MARKUP)
    monkeypatch.chdir(root)
    return root


def test_include_exclude_in_run(runner, filtered, tmp_path):
    out = tmp_path / "out"
    res = runner.invoke(main, ["run", "-q", "-j", "1", ".", str(out)])
    assert res.exit_code == 0, res.output
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                     if p.is_file() and not p.name.startswith("."))
    assert written == ["keep/a.txt", "report.diff", "report.html", "report.json"]
    # the same when the source is a sub-folder: globs also match from the config's folder
    out2 = tmp_path / "out2"
    assert runner.invoke(main, ["run", "-q", "-j", "1", "keep", str(out2)]).exit_code == 0
    assert sorted(p.name for p in out2.glob("*.txt")) == ["a.txt"]


def test_include_exclude_in_check(runner, filtered):
    res = runner.invoke(main, ["check", "--format", "json", "-j", "1", "."])
    assert res.exit_code == 1
    paths = [json.loads(l)["path"] for l in res.output.splitlines() if l.startswith("{")]
    assert paths == ["keep/a.txt"]
    # an excluded file named on the command line is left alone
    res = runner.invoke(main, ["check", "-j", "1", "drafts/b.txt", "keep/skip-1.txt", "notes.md"])
    assert res.exit_code == 0, res.output


def test_include_exclude_in_fix(runner, filtered):
    res = runner.invoke(main, ["fix", "keep/a.txt", "keep/skip-1.txt", "drafts/b.txt", "notes.md",
                               "keep/deeper/drafts/c.txt"])
    assert res.exit_code == 1, res.output
    assert (filtered / "keep/a.txt").read_text(encoding="utf-8") == "第一段\n"
    for rel in ("keep/skip-1.txt", "drafts/b.txt", "notes.md", "keep/deeper/drafts/c.txt"):
        assert (filtered / rel).read_text(encoding="utf-8") == MARKUP, rel
    # a folder argument is filtered too
    write(filtered / "keep/z.txt", MARKUP)
    assert runner.invoke(main, ["fix", "."]).exit_code == 1
    assert (filtered / "keep/z.txt").read_text(encoding="utf-8") == "第一段\n"
    assert (filtered / "drafts/b.txt").read_text(encoding="utf-8") == MARKUP


def test_glob_rules():
    s = Settings(include=("*.txt",), exclude=("drafts/", "a/b/*", "./tmp"))
    wants = lambda rel: s.wants(Path(rel))  # noqa: E731
    assert wants("x.txt") and wants("deep/er/x.txt")
    assert not wants("x.md")
    assert not wants("drafts/x.txt") and not wants("z/drafts/x.txt")
    assert not wants("a/b/x.txt") and wants("q/a/b/x.txt")
    assert not wants("tmp/x.txt")


def test_html_details_from_the_configuration_and_the_command_line(runner, tmp_path, monkeypatch):
    src = tmp_path / "src"
    for name in ("a.txt", "b.txt", "c.txt"):
        write(src / name, MARKUP)
    write(tmp_path / "pyproject.toml", "[tool.seedclean]\nhtml-details = 1\n")
    monkeypatch.chdir(tmp_path)

    def details(*extra) -> int:
        out = tmp_path / "out"
        res = runner.invoke(main, ["run", "src", str(out), "-q", *extra])
        assert res.exit_code == 0, res.output
        return (out / "report.html").read_text(encoding="utf-8").count('type="application/json"')

    assert details() == 1
    assert details("--html-details", "2") == 2
    assert details("--html-details", "all") == 3
    assert details("--html-details", "0") == 0
    assert load_settings(start=tmp_path).html_details == 1
    write(tmp_path / "pyproject.toml", '[tool.seedclean]\nhtml-details = "all"\n')
    assert load_settings(start=tmp_path).html_details == -1
