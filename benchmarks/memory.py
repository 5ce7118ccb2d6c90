"""Peak memory of a corpus run as the corpus grows: it must stay flat.

    python benchmarks/memory.py [--sizes 60 1000] [--jobs 2] [--work /dev/shm]

For each size (MB) a JSONL corpus is written from make_corpus.py's generator
(60 MB of distinct records, repeated for larger sizes), then ``seedclean run --jobs N`` cleans it in
a fresh process.  The table gives the wall time, the throughput, the peak
RSS of the main process and of the largest worker, and the ratio of each
peak to the smallest corpus's.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def one(src: Path, dst: Path, jobs: int) -> dict:
    """Clean ``src`` into ``dst`` in this process (workers as children); return the figures."""
    from cleaner.runner import run
    from cleaner.settings import Settings

    start = time.perf_counter()
    summary = run(src, dst, Settings(), jobs=jobs)
    seconds = time.perf_counter() - start
    assert not summary.errors, [r.error for r in summary.errors][:3]
    return {
        "seconds": seconds,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


#: MB of distinct records; bigger corpora repeat them (memory does not care, generating does)
DISTINCT_MB = 60


def make(path: Path, mb: float, base: Path) -> int:
    """A JSONL corpus of ``mb`` MB: the generator's first records, repeated as needed."""
    if not base.exists():
        sys.path.insert(0, str(HERE))
        from make_corpus import stream_jsonl

        with open(base, "wb") as handle:
            stream_jsonl(min(mb, DISTINCT_MB), handle)
    target = mb * 1e6
    with open(path, "wb") as out:
        while out.tell() < target:
            with open(base, "rb") as chunk:
                shutil.copyfileobj(chunk, out, 1 << 20)
    return path.stat().st_size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=float, nargs="+", default=[60, 1000])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--work", type=Path, default=Path("/dev/shm") if os.path.isdir("/dev/shm") else None)
    ap.add_argument("--one", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        src, dst, jobs = args.one
        print(json.dumps(one(Path(src), Path(dst), int(jobs))))
        return
    work = Path(tempfile.mkdtemp(prefix="seedclean-mem-", dir=args.work))
    rows = []
    try:
        for mb in sorted(args.sizes):
            src = work / f"src{mb:g}"
            src.mkdir()
            size = make(src / "corpus.jsonl", mb, work / "distinct.jsonl")
            dst = work / f"out{mb:g}"
            res = subprocess.run([sys.executable, __file__, "--one", str(src), str(dst), str(args.jobs)],
                                 check=True, capture_output=True, text=True)
            row = json.loads(res.stdout.strip().splitlines()[-1])
            row["mb"] = size / 1e6
            rows.append(row)
            shutil.rmtree(src)
            shutil.rmtree(dst)
            print(f"{row['mb']:8.0f} MB  {row['seconds']:7.1f} s", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    base = rows[0]
    print(f"JSONL corpus, seedclean run --jobs {args.jobs}")
    print(f"{'MB':>8} {'seconds':>8} {'MB/s':>6} {'main RSS MB':>12} {'worker RSS MB':>14} {'main x':>7} {'worker x':>9}")
    for row in rows:
        print(f"{row['mb']:8.0f} {row['seconds']:8.1f} {row['mb'] / row['seconds']:6.2f} {row['rss_mb']:12.0f} "
              f"{row['worker_rss_mb']:14.0f} {row['rss_mb'] / base['rss_mb']:7.2f} "
              f"{row['worker_rss_mb'] / base['worker_rss_mb']:9.2f}")


if __name__ == "__main__":
    main()
