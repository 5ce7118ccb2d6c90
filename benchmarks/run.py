"""Throughput and memory of seedclean against a floor and other tools, on one corpus.

    python benchmarks/run.py [CORPUS] [--rounds 5]

CORPUS is the output of make_corpus.py: its docs/ folder, and for the
``jsonl-N`` contenders the same documents as one JSONL shard (jsonl/).  Every
contender runs in a fresh process; rounds are interleaved (every contender
once per round) and the median is reported.  Throughput is input MB per
second of wall time, imports excluded; peak RSS is the contender's own, and
for seedclean -j 2 also the largest worker's.  Beside it, MB per CPU-second:
the CPU time of the contender's process and its workers together (what a
``-j 1`` run's supervisor adds is counted), which a busy neighbour on a
shared machine disturbs less than wall time.

seedclean keeps its compiled patterns on disk (cleaner/patterncache.py); the
cache is filled once before the rounds, so every round sees a run of the
tool that is not its first on this machine.

Ratios are given two ways: of the medians, and paired (the median over rounds
of the ratio within one round).  Both contenders of a pair run back to back in
most rounds, so a slow phase of a shared machine weighs on both alike.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONTENDERS = ("seedclean-1", "seedclean-2", "jsonl-1", "jsonl-2", "floor", "ftfy", "bs4", "trafilatura")


def _files(corpus: Path, html_only: bool = False) -> list[Path]:
    files = sorted(p for p in (corpus / "docs").rglob("*") if p.is_file())
    return [p for p in files if p.suffix == ".html"] if html_only else files


def one(name: str, corpus: Path, out: Path) -> dict:
    """Run one contender in this process; return its figures."""
    from cleaner.decoding import decode_bytes
    from cleaner.detectors import all_detectors

    all_detectors()  # imports excluded, as for the other contenders (tables built on first use still count)

    files = _files(corpus, html_only=(name == "trafilatura"))
    size = sum(p.stat().st_size for p in files)
    if name.startswith("jsonl"):
        # the same documents as one JSONL shard (UTF-8, one record each): the corpus
        # form, with a per-record summary instead of per-file reports
        from cleaner.runner import run
        from cleaner.settings import Settings

        shard = corpus / "jsonl"
        files = sorted(shard.glob("*.jsonl"))
        size = sum(p.stat().st_size for p in files)
        start, cpu_start = time.perf_counter(), _cpu_seconds()
        run(shard, out, Settings(), jobs=int(name[-1]))
    elif name.startswith("seedclean"):
        from cleaner.runner import run
        from cleaner.settings import Settings

        start, cpu_start = time.perf_counter(), _cpu_seconds()
        run(corpus / "docs", out, Settings(), jobs=int(name[-1]))
    elif name == "floor":
        start, cpu_start = time.perf_counter(), _cpu_seconds()
        for p in files:
            target = out / p.relative_to(corpus / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(decode_bytes(p.read_bytes()).text.encode("utf-8"))
    elif name == "ftfy":
        import ftfy

        start, cpu_start = time.perf_counter(), _cpu_seconds()
        for p in files:
            ftfy.fix_text(decode_bytes(p.read_bytes()).text)
    elif name == "bs4":
        from bs4 import BeautifulSoup

        start, cpu_start = time.perf_counter(), _cpu_seconds()
        for p in files:
            BeautifulSoup(decode_bytes(p.read_bytes()).text, "lxml").get_text()
    elif name == "trafilatura":
        import trafilatura

        start, cpu_start = time.perf_counter(), _cpu_seconds()
        for p in files:
            trafilatura.extract(decode_bytes(p.read_bytes()).text)
    else:
        raise SystemExit(f"unknown contender {name}")
    seconds = time.perf_counter() - start
    return {
        "name": name, "seconds": seconds, "bytes": size, "files": len(files),
        "cpu": _cpu_seconds() - cpu_start,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def _cpu_seconds() -> float:
    """User and system CPU time of this process and of its finished children."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def measure(name: str, corpus: Path, work: Path) -> dict:
    out = work / name
    shutil.rmtree(out, ignore_errors=True)
    res = subprocess.run([sys.executable, __file__, "--one", name, str(corpus), str(out)],
                         check=True, capture_output=True, text=True)
    shutil.rmtree(out, ignore_errors=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", type=Path, default=HERE / "corpus")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--only", nargs="*", default=list(CONTENDERS))
    ap.add_argument("--one", nargs=3, metavar=("NAME", "CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        name, corpus, out = args.one
        print(json.dumps(one(name, Path(corpus), Path(out))))
        return
    if not (args.corpus / "docs").is_dir():
        raise SystemExit(f"{args.corpus}/docs not found: run benchmarks/make_corpus.py first")
    work = Path(tempfile.mkdtemp(prefix="seedclean-bench-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
    runs: dict[str, list[dict]] = {n: [] for n in args.only}
    if any(n.startswith(("seedclean", "jsonl")) for n in args.only):
        subprocess.run([sys.executable, "-c", "from cleaner.supervise import warm_up; warm_up()"], check=True)
        print("pattern cache filled before the rounds", file=sys.stderr)
    try:
        for r in range(args.rounds):
            order = args.only[r % len(args.only):] + args.only[:r % len(args.only)]
            for name in order:
                row = measure(name, args.corpus, work)
                runs[name].append(row)
                print(f"round {r + 1}: {name:12} {row['bytes'] / 1e6 / row['seconds']:7.2f} MB/s", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    table = {}
    for name, rows in runs.items():
        mbps = statistics.median(row["bytes"] / 1e6 / row["seconds"] for row in rows)
        cpu_mbps = statistics.median(row["bytes"] / 1e6 / max(row["cpu"], 1e-9) for row in rows)
        table[name] = dict(mbps=mbps, cpu_mbps=cpu_mbps, mb=rows[0]["bytes"] / 1e6, files=rows[0]["files"],
                           rss=max(row["rss_mb"] for row in rows), wrss=max(row["worker_rss_mb"] for row in rows))
    docs_mb = next((row["mb"] for name, row in table.items() if not name.startswith(("jsonl", "trafilatura"))), 0.0)
    print(f"corpus: {args.corpus} ({docs_mb:.1f} MB of documents), median of {args.rounds} interleaved runs")
    print(f"{'contender':14} {'files':>6} {'MB':>6} {'MB/s':>8} {'MB/CPU-s':>9} {'peak RSS MB':>12} {'worker RSS MB':>14}")
    for name, row in table.items():
        seed = name.startswith(("seedclean", "jsonl"))
        wrss = f"{row['wrss']:.0f}" if seed else "-"
        peak = max(row["rss"], row["wrss"]) if seed else row["rss"]
        print(f"{name:14} {row['files']:6} {row['mb']:6.1f} {row['mbps']:8.2f} {row['cpu_mbps']:9.2f} "
              f"{peak:12.0f} {wrss:>14}")

    def ratio(a: str, b: str) -> None:
        """One ratio line: of the medians, paired (the median of per-round
        ratios) and per CPU-second; only when both contenders ran."""
        if a not in table or b not in table:
            return
        pairs = [(ra["bytes"] / ra["seconds"]) / (rb["bytes"] / rb["seconds"]) for ra, rb in zip(runs[a], runs[b])]
        print(f"{a + ' / ' + b:26} {table[a]['mbps'] / table[b]['mbps']:6.2f}x"
              f"   (paired {statistics.median(pairs):.2f}x, rounds {min(pairs):.2f}-{max(pairs):.2f};"
              f" per CPU-s {table[a]['cpu_mbps'] / table[b]['cpu_mbps']:.2f}x)")

    print()
    for one_process in ("seedclean-1", "jsonl-1"):
        for other in ("ftfy", "floor", "bs4", "trafilatura"):
            ratio(one_process, other)
    ratio("seedclean-2", "seedclean-1")
    ratio("jsonl-2", "jsonl-1")

if __name__ == "__main__":
    main()
