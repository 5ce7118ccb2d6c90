"""The Ray engine: same records as the local engine, on a local Ray with 2 CPUs."""
from __future__ import annotations

import gzip
import json
import os

import pytest

if os.environ.get("CI", "").lower() != "true":
    pytest.importorskip("ray")
    pytest.importorskip("ray.data")

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
zstandard = pytest.importorskip("zstandard")

from cleaner.corpus.ray_engine import run_ray  # noqa: E402
from cleaner.runner import run  # noqa: E402
from cleaner.settings import Settings  # noqa: E402


def _records(n):
    out = []
    for i in range(n):
        text = f"<p>第{i}段&nbsp;新闻</p>\n\u3000\u3000正文内容。 " if i % 3 else "已经干净的一段。"
        out.append({"id": i, "text": text, "meta": {"k": [i, "v"]}})
    return out


@pytest.fixture(scope="module")
def ray_local():
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield ray
    ray.shutdown()


def _lines(path):
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    elif path.name.endswith(".zst"):
        data = zstandard.ZstdDecompressor().decompress(data, max_output_size=1 << 26)
    return data.decode("utf-8").splitlines()


def test_ray_engine_output_equals_local_engine(tmp_path, ray_local):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    lines = [json.dumps(r, ensure_ascii=False) for r in _records(700)]
    lines[4] = "{broken"
    data = ("\n".join(lines) + "\n").encode()
    (src / "a.jsonl").write_bytes(data)
    (src / "sub" / "b.jsonl.gz").write_bytes(gzip.compress(data))
    (src / "sub" / "c.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(data))
    recs = _records(300)
    pq.write_table(pa.table({"id": [r["id"] for r in recs], "text": [r["text"] for r in recs]}), src / "d.parquet")
    (src / "e.txt").write_text("<b>正文</b>\r\n", encoding="utf-8", newline="")

    local = run(src, tmp_path / "local", Settings(), jobs=1)
    remote = run_ray(src, tmp_path / "ray", Settings())

    for name in ("a.jsonl", "sub/b.jsonl.gz", "sub/c.jsonl.zst"):
        a, b = _lines(tmp_path / "local" / name), _lines(tmp_path / "ray" / name)
        assert len(a) == len(b) == 700
        assert a == b, name
        assert b[4] == "{broken"
        assert json.loads(b[1])["seedclean"]["changed"] is True
    ta = pq.read_table(tmp_path / "local" / "d.parquet").to_pylist()
    tb = pq.read_table(tmp_path / "ray" / "d.parquet").to_pylist()
    assert ta == tb and len(tb) == 300
    assert (tmp_path / "ray" / "e.txt").read_bytes() == "正文\n".encode()

    def rows(summary):
        return [(r.rel, r.status, r.notes, r.chars(), r.detectors()) for r in summary.results]

    assert rows(local) == rows(remote)
    assert any("bad record a.jsonl:5: not JSON" in n for r in remote.results for n in r.notes)
    report = json.loads((tmp_path / "ray" / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["files"] == 5
    assert report["summary"]["detectors"]["markup"]["findings"] == local.report_summary["detectors"]["markup"]["findings"]
