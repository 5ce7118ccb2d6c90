"""Bad input: every bad file is reported with its reason, the batch goes on, exit code 2."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.batch import clean_file, read_file, InputError
from cleaner.cli import main
from cleaner.paths import display_path
from cleaner.runner import run
from cleaner.settings import Settings

from .faults import build_bad_tree, copy_seeds, SEEDS

SEEDCLEAN = [sys.executable, "-m", "cleaner.cli"]


def _alone(name: str) -> bytes:
    return clean_file(SEEDS / name, name, Settings(time_budget=0)).output_bytes


def test_mixed_tree_reports_every_bad_file_and_cleans_every_good_one(tmp_path):
    src, dst = tmp_path / "src", tmp_path / "out"
    good = copy_seeds(src)
    expected = build_bad_tree(src)
    assert len(set(expected.values())) >= 20 or len(expected) >= 20
    proc = subprocess.run(SEEDCLEAN + ["run", "-q", "--jobs", "2", str(src), str(dst)],
                          capture_output=True, cwd=tmp_path, timeout=600)
    assert proc.returncode == 2, proc.stderr
    err = proc.stderr.decode("utf-8")
    lines = err.splitlines()
    # one line per bad file, naming the (escaped) file and the reason
    for name, word in expected.items():
        shown = display_path(name)
        hits = [ln for ln in lines if ln.startswith(f"seedclean: error: {shown}: ")]
        assert len(hits) == 1, (name, err)
        assert word.lower() in hits[0].lower(), (name, hits[0])
    assert len(lines) == len(expected), err
    # report.json: valid UTF-8 JSON, every file listed, bad ones with their reason
    report = json.loads((dst / "report.json").read_text(encoding="utf-8"))
    rows = {row["path"]: row for row in report["files"]}
    for name, word in expected.items():
        row = rows[display_path(name)]
        assert row["status"] == "error" and word.lower() in row["error"].lower()
        if display_path(name) != name:
            assert bytes.fromhex(row["path_bytes"]) == os.fsencode(name)
    assert report["summary"]["errors"] == len(expected)
    # every good file exactly as it would be cleaned alone
    for name in good:
        assert (dst / name).read_bytes() == _alone(name), name
        assert rows[name]["status"] in ("changed", "unchanged")
    # no output for a bad file, no temporary file anywhere
    for name in expected:
        assert not (dst / name).exists()
    assert not [p for p in dst.rglob("*") if p.name.startswith(".seedclean-tmp-")]


def test_size_limit_is_checked_without_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse
    with pytest.raises(InputError, match="too large"):
        read_file(big)
    small = tmp_path / "small.txt"
    small.write_text("一二三四五六七八九十\n" * 100, encoding="utf-8")
    result = clean_file(small, "small.txt", Settings(time_budget=0, max_file_bytes=1000))
    assert result.status == "error" and "too large" in result.error
    res = CliRunner().invoke(main, ["run", "-q", "--max-file-size", "1K", "--time-budget", "0",
                                    str(small), str(tmp_path / "out")])
    assert res.exit_code == 2
    assert "small.txt: file too large" in res.stderr


def test_permission_denied_as_an_unprivileged_user(tmp_path_factory):
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root and setpriv to drop privileges")
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="seedclean-perm-", dir="/tmp"))
    try:
        base.chmod(0o755)
        src = base / "src"
        src.mkdir()
        (src / "ok.txt").write_text("<p>好</p>\n", encoding="utf-8")
        (src / "secret.txt").write_text("秘密\n", encoding="utf-8")
        (src / "secret.txt").chmod(0o000)
        dst = base / "out"
        dst.mkdir()
        os.chown(dst, 65534, 65534)
        proc = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
                              + SEEDCLEAN + ["run", "-q", "--jobs", "1", str(src), str(dst)],
                              capture_output=True, cwd=base, timeout=300,
                              env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent)))
        if b"No module named" in proc.stderr or b"Permission denied: '/" in proc.stderr:
            pytest.skip("the unprivileged user cannot run the project here")
        assert proc.returncode == 2, proc.stderr
        assert "seedclean: error: secret.txt: permission denied" in proc.stderr.decode()
        assert (dst / "ok.txt").read_text(encoding="utf-8") == "好\n"
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_permission_denied_simulated(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("甲\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("乙\n", encoding="utf-8")
    real_open = os.open

    def deny(path, *args, **kw):
        if str(path).endswith("a.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kw)

    monkeypatch.setattr("cleaner.batch.os.open", deny)
    for budget in (0, 30):  # in this process, and in a supervised (forked) worker
        summary = run(tmp_path, tmp_path.parent / f"out{budget}", Settings(time_budget=budget))
        by = {r.rel: r for r in summary.results}
        assert by["a.txt"].error == "permission denied"
        assert by["b.txt"].status == "unchanged"


def test_file_vanishing_or_changing_during_the_run(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("gone.txt", "grows.txt", "ok.txt"):
        (src / name).write_text(f"{name} 内容\n", encoding="utf-8")
    from cleaner.runner import plan

    files = plan(src, Settings())
    (src / "gone.txt").unlink()  # listed, then deleted before it is read
    import cleaner.batch as batch

    real = batch._read_chunk

    def append_while_reading(fd, size):
        data = real(fd, size)
        if data and b"grows" in data:
            with open(src / "grows.txt", "ab") as handle:
                handle.write("追加\n".encode())
        return data

    monkeypatch.setattr(batch, "_read_chunk", append_while_reading)
    summary = run(src, tmp_path / "out", Settings(time_budget=0), files=files)
    errors = {r.rel: r.error for r in summary.errors}
    assert errors == {"gone.txt": "file vanished before it could be read",
                      "grows.txt": "file changed while being read"}
    assert (tmp_path / "out" / "ok.txt").exists()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_over_the_time_budget_is_reported_and_the_batch_goes_on(tmp_path, monkeypatch, jobs):
    import cleaner.batch as batch

    real = batch.clean

    def stuck(text, **kw):
        if "卡住" in text:
            while True:  # a detector that never returns
                time.sleep(0.05)
        return real(text, **kw)

    monkeypatch.setattr(batch, "clean", stuck)
    src = tmp_path / "src"
    src.mkdir()
    for i in range(5):
        (src / f"d{i}.txt").write_text(("卡住\n" if i == 1 else "") + f"<b>第{i}篇</b>\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["run", "-q", "--jobs", str(jobs), "--time-budget", "1", str(src),
                                    str(tmp_path / "out")])
    assert res.exit_code == 2
    assert res.stderr.strip() == "seedclean: error: d1.txt: timed out after 1 s (not cleaned; see --time-budget)"
    for i in (0, 2, 3, 4):
        assert (tmp_path / "out" / f"d{i}.txt").read_text(encoding="utf-8") == f"第{i}篇\n"
    rows = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["files"]
    assert [r["status"] for r in rows] == ["changed", "error", "changed", "changed", "changed"]


def test_a_worker_that_dies_fails_only_its_file(tmp_path, monkeypatch):
    import signal

    import cleaner.batch as batch

    real = batch.clean

    def crash(text, **kw):
        if "崩溃" in text:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(text, **kw)

    monkeypatch.setattr(batch, "clean", crash)
    for i, text in enumerate(["甲\n", "崩溃\n", "乙\n"]):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    summary = run(tmp_path, tmp_path.parent / "out-crash", Settings(time_budget=30), jobs=2)
    assert [r.status for r in summary.results] == ["unchanged", "error", "unchanged"]
    assert "SIGKILL" in summary.results[1].error


@pytest.mark.parametrize("doc", [
    "(" * 1_000_000, "|" * 1_000_000, "凤山县| 石首市| 疏附县| " * 40_000,
    "<div>" * 100_000, "<div><p><span>" * 30_000 + "正文", "<!--" * 100_000, "<a href='" * 100_000,
])
def test_pathological_documents_are_cleaned_or_reported_as_timed_out(tmp_path, doc):
    (tmp_path / "doc.txt").write_text(doc, encoding="utf-8")
    (tmp_path / "ok.txt").write_text("<p>正常</p>\n", encoding="utf-8")
    # a dry run: this is about cleaning under the budget, not about writing reports
    summary = run(tmp_path, None, Settings(time_budget=15), jobs=2, dry_run=True)
    by = {r.rel: r for r in summary.results}
    assert by["ok.txt"].status == "changed"
    assert by["doc.txt"].status != "error" or by["doc.txt"].error.startswith("timed out after 15 s")


def test_display_path_escapes_and_is_idempotent():
    raw = os.fsdecode(b"a\nb\tc \xff\xfe.txt")
    shown = display_path(raw)
    assert shown == "a\\nb\\tc \\xff\\xfe.txt"
    assert display_path(shown) == shown
    assert display_path("新闻 2024.txt") == "新闻 2024.txt"
    shown.encode("utf-8")  # printable, valid UTF-8


def test_fix_reports_bad_files_and_leaves_them_alone(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "dirty.txt").write_text("<p>脏</p>\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["fix", "-q", str(tmp_path / "bin.txt"), str(tmp_path / "dirty.txt")])
    assert res.exit_code == 2
    assert "bin.txt: binary file" in res.stderr
    assert (tmp_path / "bin.txt").read_bytes() == b"\x00\x01\x02"
    assert (tmp_path / "dirty.txt").read_text(encoding="utf-8") == "脏\n"


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_stuck_or_dying_file_inside_a_batch_fails_alone(tmp_path, monkeypatch, jobs):
    """Files travel to workers in batches; a file that hangs or kills its worker is reported
    by name, and the other files of its batch (before and after it) are cleaned all the same."""
    import cleaner.batch as batch
    import cleaner.supervise as supervise

    from .faults import stalling_or_crashing

    monkeypatch.setattr(batch, "clean", stalling_or_crashing(batch.clean))
    monkeypatch.setattr(supervise, "batch_size", lambda files, jobs: 4)
    src = tmp_path / "src"
    src.mkdir()
    marks = {5: "卡住\n", 10: "崩溃\n"}  # each in the middle of a batch of four
    for i in range(16):
        (src / f"d{i:02}.txt").write_text(marks.get(i, "") + f"<b>第{i}篇</b>\n", encoding="utf-8")
    summary = run(src, tmp_path / "out", Settings(time_budget=1), jobs=jobs)
    by = {r.rel: r for r in summary.results}
    assert [r.rel for r in summary.results] == [f"d{i:02}.txt" for i in range(16)]
    assert by["d05.txt"].error == "timed out after 1 s (not cleaned; see --time-budget)"
    assert "SIGKILL" in by["d10.txt"].error
    for i in set(range(16)) - set(marks):
        assert by[f"d{i:02}.txt"].status == "changed"
        assert (tmp_path / "out" / f"d{i:02}.txt").read_text(encoding="utf-8") == f"第{i}篇\n"
    rows = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["files"]
    assert [r["path"] for r in rows] == [f"d{i:02}.txt" for i in range(16)]
