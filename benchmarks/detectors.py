"""Per-detector throughput by document kind, to see which detector a corpus pays for.

    python benchmarks/detectors.py [CORPUS] [--rounds 3]

CORPUS is the output of make_corpus.py; file names carry the document kind
(``000123_page.html``).  Each document is decoded once; every detector then
runs on the text the detectors before it produced, as in the pipeline.  The
table gives MB/s (input bytes over the detector's own time, best of the
rounds, CPU time, so other load on the machine matters little) and, under it, how many documents the detector changed.
"""
from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", type=Path, default=HERE / "corpus")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    from cleaner.batch import discover
    from cleaner.decoding import decode_bytes
    from cleaner.detectors import Context, all_detectors
    from cleaner.findings import apply_findings, resolve_overlaps
    from cleaner.normalize import normalize_newlines, to_nfc
    from cleaner.pipeline import clean
    from cleaner.supervise import warm_up

    warm_up()
    docs = []
    size: dict[str, int] = defaultdict(int)
    for path, rel in discover(args.corpus / "docs"):
        kind = path.stem.split("_", 1)[-1]
        data = path.read_bytes()
        size[kind] += len(data)
        text, _ = normalize_newlines(decode_bytes(data).text)
        docs.append((kind, to_nfc(text)[0]))
    detectors = all_detectors()
    best: dict[tuple[str, str], float] = {}
    hits: dict[tuple[str, str], int] = defaultdict(int)
    whole = float("inf")
    for r in range(args.rounds):
        spent: dict[tuple[str, str], float] = defaultdict(float)
        for kind, text in docs:
            for d in detectors:
                t = time.process_time()
                found = list(d.find(text, Context()))
                spent[kind, d.name] += time.process_time() - t
                if found:
                    if r == 0:
                        hits[kind, d.name] += 1
                    text = apply_findings(text, resolve_overlaps(found))
        for key, value in spent.items():
            best[key] = min(best.get(key, value), value)
        t = time.process_time()
        for _kind, text in docs:
            clean(text)
        whole = min(whole, time.process_time() - t)

    names = [d.name for d in detectors]
    total = sum(size.values()) / 1e6
    print(f"{len(docs)} documents, {total:.1f} MB; MB/s per detector (best of {args.rounds}), documents changed below")
    print(f"{'kind':10} {'MB':>6} " + " ".join(f"{n[:10]:>10}" for n in names))
    for kind in sorted(size):
        mb = size[kind] / 1e6
        print(f"{kind:10} {mb:6.2f} " + " ".join(f"{mb / best[kind, n]:10.1f}" for n in names))
        print(f"{'':10} {'':6} " + " ".join(f"{hits[kind, n]:10}" for n in names))
    print(f"{'all':10} {total:6.2f} " + " ".join(
        f"{total / sum(best[k, n] for k in size):10.1f}" for n in names))
    det_total = sum(best.values())
    print(f"\ndetectors alone {total / det_total:.2f} MB/s; clean() {total / whole:.2f} MB/s "
          f"(pipeline overhead {max(0.0, whole - det_total) / whole:.0%} of clean())")


if __name__ == "__main__":
    main()
