"""Corpus shards: JSONL (plain, gzip, zstd) and Parquet, record by record."""
from __future__ import annotations

import gzip
import json

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.corpus import shard_kind
from cleaner.runner import run
from cleaner.settings import Settings

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
zstandard = pytest.importorskip("zstandard")

DIRTY = "<p>第{i}段&nbsp;新闻</p>\n\u3000\u3000正文内容。 "
CLEAN = "第{i}段 新闻\n\n正文内容。"


def _records(n=600):
    recs = [{"id": i, "text": DIRTY.format(i=i), "meta": {"tags": ["a", i], "score": i / 7}} for i in range(n)]
    recs[1]["text"] = "已经干净的一段。"
    return recs


def _jsonl_bytes(recs, bad=True):
    lines = [json.dumps(r, ensure_ascii=False) for r in recs]
    if bad:
        lines[5] = "{not json"
        lines[9] = json.dumps({"id": 9, "body": "x"})
        lines[11] = json.dumps({"id": 11, "text": 42})
        lines[13] = "[1, 2]"
    return ("\n".join(lines) + "\n").encode("utf-8"), lines


def _read_jsonl(data: bytes):
    return data.decode("utf-8").splitlines()


@pytest.fixture
def tree(tmp_path):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    data, _ = _jsonl_bytes(_records())
    (src / "a.jsonl").write_bytes(data)
    (src / "sub" / "b.jsonl.gz").write_bytes(gzip.compress(data))
    (src / "sub" / "c.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(data))
    recs = _records()
    texts = [r["text"] for r in recs]
    texts[3] = None
    pq.write_table(pa.table({"id": [r["id"] for r in recs], "text": texts}), src / "d.parquet")
    (src / "e.txt").write_text("<b>正文</b>\n", encoding="utf-8")
    return src


def test_shard_kinds():
    assert shard_kind("x.jsonl") == shard_kind("a/b.JSONL.GZ") == shard_kind("c.jsonl.zst") == "jsonl"
    assert shard_kind("d.parquet") == "parquet"
    assert shard_kind("e.txt") is None and shard_kind("f.json") is None


@pytest.mark.parametrize("name,decode", [
    ("a.jsonl", lambda b: b),
    ("sub/b.jsonl.gz", gzip.decompress),
    ("sub/c.jsonl.zst", lambda b: zstandard.ZstdDecompressor().decompress(b, max_output_size=1 << 26)),
])
def test_jsonl_records_cleaned_other_fields_untouched_bad_passed_through(tree, tmp_path, name, decode):
    summary = run(tree, tmp_path / "out", Settings(), jobs=1)
    _, src_lines = _jsonl_bytes(_records())
    out_lines = _read_jsonl(decode((tmp_path / "out" / name).read_bytes()))
    assert len(out_lines) == len(src_lines)
    for i, (before, after) in enumerate(zip(src_lines, out_lines)):
        if i in (5, 9, 11, 13):
            assert after == before  # bad record, byte for byte
            continue
        a, b = json.loads(before), json.loads(after)
        assert b["id"] == a["id"] and b["meta"] == a["meta"]
        assert list(b) == ["id", "text", "meta", "seedclean"]
        if i == 1:
            assert b["text"] == a["text"]
            assert b["seedclean"] == {"changed": False, "findings": {}}
        else:
            assert b["text"] == CLEAN.format(i=i)
            assert b["seedclean"]["changed"] is True
            assert b["seedclean"]["findings"]["markup"] == 3
    result = next(r for r in summary.results if r.rel == name)
    assert result.status == "changed" and result.encoding == "jsonl"
    assert result.notes[0] == "600 records, 595 changed, 4 bad"
    bad = [n for n in result.notes if n.startswith("bad record")]
    assert [n.split(":")[1] for n in bad] == ["6", "10", "12", "14"]
    assert bad[0].startswith(f"bad record {name}:6: not JSON")
    assert "no field 'text'" in bad[1] and "int, not a string" in bad[2]
    assert result.detectors()["markup"] == 595 * 3


def test_parquet_records(tree, tmp_path):
    summary = run(tree, tmp_path / "out", Settings(), jobs=1)
    table = pq.read_table(tmp_path / "out" / "d.parquet")
    assert table.column_names == ["id", "text", "seedclean"]
    rows = table.to_pylist()
    assert len(rows) == 600
    assert rows[0]["text"] == CLEAN.format(i=0)
    assert json.loads(rows[0]["seedclean"])["findings"]["markup"] == 3
    assert rows[1]["text"] == "已经干净的一段。" and json.loads(rows[1]["seedclean"])["changed"] is False
    assert rows[3]["text"] is None and rows[3]["seedclean"] is None
    result = next(r for r in summary.results if r.rel == "d.parquet")
    assert "bad record d.parquet:4: field 'text' is null, not a string (passed through unchanged)" in result.notes


def test_parallel_shards_are_byte_identical(tree, tmp_path):
    run(tree, tmp_path / "one", Settings(), jobs=1)
    run(tree, tmp_path / "two", Settings(), jobs=2)
    for name in ("a.jsonl", "sub/b.jsonl.gz", "sub/c.jsonl.zst", "d.parquet", "e.txt", "report.diff"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


def test_report_lists_shards_and_a_broken_shard_does_not_stop_the_run(tree, tmp_path):
    (tree / "broken.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    (tree / "broken.parquet").write_bytes(b"PAR1 nope")
    summary = run(tree, tmp_path / "out", Settings(), jobs=2)
    errors = {r.rel for r in summary.errors}
    assert errors == {"broken.jsonl.gz", "broken.parquet"}
    assert not (tmp_path / "out" / "broken.jsonl.gz").exists()
    assert (tmp_path / "out" / "a.jsonl").exists() and (tmp_path / "out" / "e.txt").exists()
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    rows = {row["path"]: row for row in report["files"]}
    assert rows["a.jsonl"]["detectors"]["markup"] == 595 * 3
    assert rows["broken.parquet"]["status"] == "error"
    assert not list((tmp_path / "out").rglob(".seedclean-tmp-*"))


def test_cli_text_field_and_warnings(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    lines = [json.dumps({"body": "<i>你好</i>", "text": "<i>不动</i>"}, ensure_ascii=False), "oops"]
    (src / "x.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["run", str(src), str(tmp_path / "out"), "--text-field", "body", "-j", "1", "-q"])
    assert res.exit_code == 0, res.output
    assert "bad record x.jsonl:2: not JSON" in res.output
    out = (tmp_path / "out" / "x.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(out[0])
    assert first["body"] == "你好" and first["text"] == "<i>不动</i>"
    assert out[1] == "oops"


def test_streaming_reads_in_chunks(tmp_path, monkeypatch):
    """A shard is never read whole: chunks are bounded by records and bytes."""
    from cleaner.corpus import jsonl

    monkeypatch.setattr(jsonl, "CHUNK_RECORDS", 10)
    data, _ = _jsonl_bytes(_records(95), bad=False)
    path = tmp_path / "s.jsonl"
    path.write_bytes(data)
    chunks = list(jsonl.iter_chunks(path))
    assert [first for first, _ in chunks] == list(range(1, 96, 10))
    assert max(len(lines) for _, lines in chunks) == 10
    assert b"".join(b"".join(lines) for _, lines in chunks) == data


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_record_that_stalls_or_kills_its_worker_is_set_aside_and_the_shard_goes_on(tmp_path, monkeypatch, jobs):
    """Every record is held to the time budget; a record over it, or one that kills its
    worker, is passed through unchanged and reported as a bad record with the reason."""
    import cleaner.corpus.records as records

    from .faults import stalling_or_crashing

    monkeypatch.setattr(records, "clean", stalling_or_crashing(records.clean))
    recs = _records(40)
    recs[7]["text"] = "<b>卡住</b>"
    recs[23]["text"] = "<b>崩溃</b>"
    src = tmp_path / "src"
    src.mkdir()
    data, lines = _jsonl_bytes(recs, bad=False)
    (src / "a.jsonl").write_bytes(data)
    texts = [r["text"] for r in recs]
    pq.write_table(pa.table({"id": list(range(40)), "text": texts}), src / "b.parquet")
    summary = run(src, tmp_path / "out", Settings(time_budget=1), jobs=jobs)
    assert not summary.errors
    for result in summary.results:
        name = result.rel
        assert any(note == f"bad record {name}:8: timed out after 1 s (not cleaned; see --time-budget) "
                   "(passed through unchanged)" for note in result.notes), result.notes
        assert any(note.startswith(f"bad record {name}:24: worker process died while cleaning this record "
                                   "(killed by SIGKILL)") for note in result.notes), result.notes
    out = (tmp_path / "out" / "a.jsonl").read_text(encoding="utf-8").splitlines()
    assert out[7] == lines[7] and out[23] == lines[23]  # passed through as they were
    assert json.loads(out[8])["text"] == CLEAN.format(i=8).rstrip()
    table = pq.read_table(tmp_path / "out" / "b.parquet").to_pydict()
    assert table["text"][7] == "<b>卡住</b>" and table["text"][23] == "<b>崩溃</b>"
    assert table["text"][30] == CLEAN.format(i=30).rstrip()
