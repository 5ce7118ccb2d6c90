"""Regenerate the rules table of README.md from ``seedclean rules --json``.

    python docs/update_rules_table.py

The table sits between the ``<!-- rules:start -->`` and ``<!-- rules:end -->``
markers of README.md.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- rules:start -->", "<!-- rules:end -->"


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def table() -> str:
    out = subprocess.run([sys.executable, "-m", "cleaner.cli", "rules", "--json"],
                         capture_output=True, text=True, check=True).stdout
    lines = ["| code | detector | what it removes or repairs | example |", "| --- | --- | --- | --- |"]
    for r in json.loads(out):
        example = f"`{cell(r['example'])}`" if r["example"] else ""
        summary = cell(r["summary"]).replace("<", "&lt;").replace(">", "&gt;")
        lines.append(f"| {r['code']} | {r['detector']} | {summary} | {example} |")
    return "\n".join(lines)


def main() -> None:
    text = README.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _old, tail = rest.split(END, 1)
    README.write_text(f"{head}{START}\n{table()}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
