"""Interrupted runs and failed writes: no partial file, a rerun completes, the source is never lost."""
from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.runner import run
from cleaner.settings import Settings

ROOT = Path(__file__).resolve().parent.parent

# the run under test, slowed down (each file takes 0.1 s more) so it can be interrupted mid-way
SLOW_RUN = """
import sys, time
import cleaner.batch as batch
real = batch.clean_bytes
def slow(*a, **kw):
    time.sleep(0.1)
    return real(*a, **kw)
batch.clean_bytes = slow
from cleaner.cli import main
sys.argv = ["seedclean"] + sys.argv[1:]
main()
"""


def _tree(src: Path, n: int = 40) -> Path:
    src.mkdir(parents=True)
    for i in range(n):
        (src / f"doc{i:02d}.txt").write_text(
            f"<div class='nav'>首页 | 新闻</div>\n<p>　　第{i}篇，正文内容。&nbsp;</p>\n\n\n\n<p>结尾。</p>\n",
            encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")  # an error file: must be reported the same way after a rerun
    return src


def _outputs(dst: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(dst.iterdir())
            if p.is_file() and not p.name.startswith(".") and not p.name.startswith("report.")}


def _report(dst: Path) -> dict:
    data = json.loads((dst / "report.json").read_text(encoding="utf-8"))
    data.pop("created", None)
    return data


def _start(src: Path, dst: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", SLOW_RUN, "run", "-q", "--jobs", "2", *extra, str(src), str(dst)],
                            cwd=src.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)), start_new_session=True)


def _wait_for_outputs(dst: Path, proc: subprocess.Popen, count: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail("the run finished before it could be interrupted")
        if dst.is_dir() and len([p for p in dst.glob("doc*.txt")]) >= count:
            return
        time.sleep(0.01)
    pytest.fail("the run wrote nothing")


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """An uninterrupted run."""
    base = tmp_path_factory.mktemp("ref")
    src = _tree(base / "src")
    dst = base / "out"
    res = CliRunner().invoke(main, ["run", "-q", "--jobs", "2", str(src), str(dst)])
    assert res.exit_code == 2  # empty.txt
    return src, dst


def _check_complete_outputs(dst: Path, ref_dst: Path) -> None:
    """Every output present is whole: identical to the uninterrupted run's."""
    expected = _outputs(ref_dst)
    for name, data in _outputs(dst).items():
        assert data == expected[name], name


@pytest.mark.parametrize("resume", [True, False])
def test_kill_9_mid_run_then_rerun_gives_the_uninterrupted_output(tmp_path, reference, resume):
    ref_src, ref_dst = reference
    src = _tree(tmp_path / "src")
    for a, b in zip(sorted(ref_src.iterdir()), sorted(src.iterdir())):  # same times: same report
        os.utime(b, ns=(a.stat().st_atime_ns, a.stat().st_mtime_ns))
    dst = tmp_path / "out"
    proc = _start(src, dst)
    _wait_for_outputs(dst, proc, 8)
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers
    proc.wait()
    written = _outputs(dst)
    assert 8 <= len(written) < 40
    _check_complete_outputs(dst, ref_dst)
    # the rerun completes; temporaries of the killed run are gone
    rerun = CliRunner().invoke(main, ["run", "-q", "--jobs", "2", *(["--resume"] if resume else []), str(src), str(dst)])
    assert rerun.exit_code == 2, rerun.output
    assert rerun.stderr.strip().splitlines() == ["seedclean: error: empty.txt: empty file"]
    assert _outputs(dst) == _outputs(ref_dst)
    assert _report(dst)["files"] == _report(ref_dst)["files"]
    assert _report(dst)["summary"] == _report(ref_dst)["summary"]
    assert (dst / "report.diff").read_bytes() == (ref_dst / "report.diff").read_bytes()
    assert not list(dst.rglob(".seedclean-tmp-*"))


def test_resume_skips_valid_outputs_and_redoes_changed_sources(tmp_path, monkeypatch):
    src = _tree(tmp_path / "src", n=6)
    dst = tmp_path / "out"
    run(src, dst, Settings(time_budget=0))
    first = _report(dst)
    (src / "doc03.txt").write_text("<p>改过的第3篇</p>\n", encoding="utf-8")
    cleaned = []
    import cleaner.batch as batch

    real = batch.clean_bytes

    def spy(data, rel, settings):
        cleaned.append(rel)
        return real(data, rel, settings)

    monkeypatch.setattr(batch, "clean_bytes", spy)
    run(src, dst, Settings(time_budget=0), resume=True)
    assert cleaned == ["doc03.txt"]  # empty.txt is an error: read, never cleaned
    assert (dst / "doc03.txt").read_text(encoding="utf-8") == "改过的第3篇\n"
    second = _report(dst)
    assert [r["path"] for r in second["files"]] == [r["path"] for r in first["files"]]
    assert [r for r in second["files"] if r["path"] != "doc03.txt"] == \
        [r for r in first["files"] if r["path"] != "doc03.txt"]
    # other settings: nothing is reused
    cleaned.clear()
    summary = run(src, dst, Settings(time_budget=0, ignore=("W",)), resume=True)
    assert len(cleaned) == 6 and "settings changed" in summary.resume_note


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_sigint_and_sigterm_leave_no_temporary_or_partial_file(tmp_path, reference, signum, code):
    _ref_src, ref_dst = reference
    src = _tree(tmp_path / "src")
    dst = tmp_path / "out"
    proc = _start(src, dst)
    _wait_for_outputs(dst, proc, 5)
    os.kill(proc.pid, signum)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert b"interrupted" in err
    assert not list(dst.rglob(".seedclean-tmp-*"))
    _check_complete_outputs(dst, ref_dst)
    # no worker left behind
    time.sleep(0.2)
    assert subprocess.run(["pgrep", "-s", str(proc.pid)], capture_output=True).stdout == b""


def _dirty(path: Path) -> bytes:
    data = ("<p>　　正文。</p>\n" * 200).encode("utf-8")
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_fix_with_a_failing_write_leaves_the_source_intact(tmp_path, monkeypatch, failing):
    target = tmp_path / "doc.txt"
    original = _dirty(target)
    import cleaner.atomic as atomic

    monkeypatch.setattr(atomic, "_CHUNK", 64)  # several writes per file: fail in the middle
    calls = {"n": 0}
    real = getattr(os, failing)

    def broken(*args, **kw):
        calls["n"] += 1
        if failing != "write" or calls["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kw)

    monkeypatch.setattr(atomic.os, failing, broken)
    res = CliRunner().invoke(main, ["fix", "--time-budget", "0", str(target)])
    monkeypatch.undo()
    assert res.exit_code == 2
    assert "No space left on device" in res.stderr and "left unchanged" in res.stderr
    assert target.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["doc.txt"]


def test_fix_follows_symlinks_and_keeps_the_mode(tmp_path):
    real = tmp_path / "real.txt"
    _dirty(real)
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real.name)
    res = CliRunner().invoke(main, ["fix", "-q", str(link)])
    assert res.exit_code == 1
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("正文。\n")
    assert real.stat().st_mode & 0o777 == 0o640


def test_run_with_a_failing_output_write_reports_it_and_goes_on(tmp_path, monkeypatch):
    _tree(tmp_path / "src", n=3)
    import cleaner.atomic as atomic

    real = os.write
    state = {"n": 0}

    def flaky(fd, data):
        state["n"] += 1
        if state["n"] == 2:  # the second file's data (each output is one write)
            raise OSError(errno.EIO, "Input/output error")
        return real(fd, data)

    monkeypatch.setattr(atomic.os, "write", flaky)
    summary = run(tmp_path / "src", tmp_path / "out", Settings(time_budget=0))
    errors = [r for r in summary.results if r.status == "error" and r.rel != "empty.txt"]
    assert len(errors) == 1 and "Input/output error" in errors[0].error
    assert not (tmp_path / "out" / errors[0].rel).exists()
    assert not list((tmp_path / "out").rglob(".seedclean-tmp-*"))
