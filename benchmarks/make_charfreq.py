"""Regenerate cleaner/data/charfreq.txt, the character-frequency table of
:mod:`cleaner.encoding.charfreq`, from jieba's dictionary (and OpenCC, for
folding traditional characters onto simplified ones).

    python benchmarks/make_charfreq.py [--check]

The table is shipped precomputed so that a process does not spend seconds
building it; ``--check`` verifies the shipped file against a fresh build.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cleaner.encoding import charfreq

TARGET = Path(charfreq.__file__).resolve().parent.parent / "data" / charfreq.DATA_FILE


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare the shipped file with a fresh build")
    args = ap.parse_args()
    text = charfreq.dump_table(charfreq.build_table())
    if args.check:
        same = TARGET.exists() and TARGET.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{TARGET} differs from a fresh build", file=sys.stderr)
        raise SystemExit(0 if same else 1)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET} ({len(text.encode('utf-8')) // 1024} KB)", file=sys.stderr)


if __name__ == "__main__":
    main()
