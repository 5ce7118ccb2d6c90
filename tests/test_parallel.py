"""Worker processes: output identical to one process, a crash fails only its item."""
from __future__ import annotations

import os

import pytest

from cleaner.supervise import ItemFailed, supervised_map
from cleaner.runner import run
from cleaner.settings import Settings


def _tree(root):
    root.mkdir()
    (root / "sub").mkdir()
    for i in range(24):
        body = f"<div class=x>第{i}条新闻</div>\r\n\r\n\u3000\u3000正文&nbsp;内容{i}。\r\n\r\n\r\n"
        (root / f"doc{i:02}.txt").write_text(body, encoding="utf-8", newline="")
    (root / "sub" / "gbk.txt").write_bytes("中文内容，编码为国标。\n".encode("gbk"))
    (root / "sub" / "big5.txt").write_bytes("繁體中文的新聞內容。\n".encode("big5"))
    (root / "sub" / "clean.txt").write_text("干净的一行。\n", encoding="utf-8")
    (root / "sub" / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return root


def _files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_processes_write_the_same_bytes_as_one(tmp_path):
    src = _tree(tmp_path / "src")
    one = run(src, tmp_path / "one", Settings(), jobs=1)
    two = run(src, tmp_path / "two", Settings(), jobs=2)
    a, b = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert [r.rel for r in one.results] == [r.rel for r in two.results]
    assert [r.status for r in one.results] == [r.status for r in two.results]
    assert "sub/binary.txt" in [r.rel for r in one.errors]
    for name in a:
        if name in ("report.json", "report.html"):
            continue  # carry a creation time
        assert a[name] == b[name], name
    assert set(a) == set(b)
    assert a["doc00.txt"] == "第0条新闻\n\n正文 内容0。\n".encode()


def _square_or_die(n: int, _settings, _note) -> int:
    if n == 7:
        os._exit(3)  # a worker killed in the middle of an item
    if n == 11:
        raise ValueError("bad item")
    return n * n


def _give_up(item, part, reason):
    return "result", ItemFailed(f"{item}: {reason}")


@pytest.mark.parametrize("batch", [1, 4])
def test_a_dead_worker_fails_only_its_item_and_the_run_goes_on(batch):
    out = list(supervised_map(_square_or_die, iter(range(30)), Settings(time_budget=0), 2,
                              on_failure=_give_up, batch=batch, window=6))
    assert [item for item, _ in out] == list(range(30))
    failed = {item: value for item, value in out if isinstance(value, ItemFailed)}
    assert set(failed) == {7, 11}
    assert "7: worker process died" in str(failed[7]) and "exit status 3" in str(failed[7])
    assert "ValueError" in str(failed[11])
    assert all(value == item * item for item, value in out if item not in failed)


def _slow_parts(item, _settings, note):
    """Parts 0..3 of an item; part 2 of item 5 never ends."""
    import time

    for part in range(4):
        note(part)
        if item == 5 and part == 2:
            while True:
                time.sleep(0.05)
    return item


def _set_aside(item, part, reason):
    # run the item again as a tuple that remembers the part that stalled
    return "retry", (item, part, reason)


def _parts_or_skip(item, settings, note):
    if isinstance(item, tuple):
        return f"{item[0]} without part {item[1]}: {item[2]}"
    return _slow_parts(item, settings, note)


def test_a_part_over_the_budget_is_named_and_its_item_run_again():
    out = dict(supervised_map(_parts_or_skip, range(8), Settings(time_budget=1), 2,
                              on_failure=_set_aside, what="record"))
    assert list(out) == list(range(8))
    assert out[5] == "5 without part 2: timed out after 1 s (not cleaned; see --time-budget)"
    assert all(out[i] == i for i in range(8) if i != 5)


def test_crash_in_a_document_is_reported_and_others_are_written(tmp_path, monkeypatch):
    src = _tree(tmp_path / "src")
    import cleaner.pipeline as pipeline

    real = pipeline.clean

    def boom(text, **kw):
        if "第3条" in text:
            raise RuntimeError("detector bug")
        return real(text, **kw)

    # one process: the batch catches the exception per file
    monkeypatch.setattr("cleaner.batch.clean", boom)
    summary = run(src, tmp_path / "out", Settings(), jobs=1)
    errors = {r.rel: r.error for r in summary.errors}
    assert "detector bug" in errors["doc03.txt"]
    assert (tmp_path / "out" / "doc04.txt").exists()
    assert not (tmp_path / "out" / "doc03.txt").exists()
