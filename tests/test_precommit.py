"""The pre-commit hooks of .pre-commit-hooks.yaml, run by pre-commit itself on a scratch repository."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DIRTY = "<p>标题</p>\n\n\n\n正文第一段。&nbsp;\n"
CLEAN = "标题\n\n正文第一段。\n"


def test_hook_definitions():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert hooks["seedclean"]["entry"] == "seedclean fix"
    assert hooks["seedclean-check"]["entry"] == "seedclean check"
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["types"] == ["text"] and hook["name"]


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    return tmp_path_factory.mktemp("pre-commit-home")


def _scratch(tmp_path: Path) -> Path:
    repo = tmp_path / "scratch"
    repo.mkdir()
    (repo / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    (repo / "clean.txt").write_text(CLEAN, encoding="utf-8")
    for cmd in (["init", "-q"], ["config", "user.email", "t@example.invalid"], ["config", "user.name", "t"],
                ["add", "dirty.txt", "clean.txt"]):
        subprocess.run(["git", *cmd], cwd=repo, check=True, capture_output=True)
    return repo


def _head() -> str:
    """The committed revision of this checkout: the hooks are installed from it once and cached."""
    proc = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip("the project is not a git checkout")
    return proc.stdout.strip()


def _try_repo(repo: Path, home: Path, hook: str, *files: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", NO_COLOR="1")
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", "--ref", _head(), str(ROOT), hook, "--files", *files],
        cwd=repo, env=env, capture_output=True, text=True, timeout=1500,
    )


def test_fix_hook_fixes_then_passes(tmp_path, pre_commit_home):
    repo = _scratch(tmp_path)
    first = _try_repo(repo, pre_commit_home, "seedclean", "dirty.txt", "clean.txt")
    out = first.stdout + first.stderr
    assert first.returncode != 0, out
    assert "Failed" in out and "fixed dirty.txt" in out, out
    assert (repo / "dirty.txt").read_text(encoding="utf-8") == CLEAN
    assert (repo / "clean.txt").read_text(encoding="utf-8") == CLEAN
    second = _try_repo(repo, pre_commit_home, "seedclean", "dirty.txt", "clean.txt")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout


def test_check_hook_fails_without_touching_the_file(tmp_path, pre_commit_home):
    repo = _scratch(tmp_path)
    res = _try_repo(repo, pre_commit_home, "seedclean-check", "dirty.txt")
    out = res.stdout + res.stderr
    assert res.returncode != 0 and "-<p>标题</p>" in out, out
    assert (repo / "dirty.txt").read_text(encoding="utf-8") == DIRTY
    ok = _try_repo(repo, pre_commit_home, "seedclean-check", "clean.txt")
    assert ok.returncode == 0, ok.stdout + ok.stderr
