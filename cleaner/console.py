"""Terminal output: coloured diffs, the summary table, CI annotations.

Colour follows the terminal: on when stdout is a TTY, off under ``NO_COLOR``
or ``--no-color``, and never inside the diff text itself when piped.
"""
from __future__ import annotations

import os
import sys

from rich.console import Console
from rich.table import Table
from rich.text import Text


def make_console(*, stderr: bool = False, no_color: bool = False) -> Console:
    color = not no_color and "NO_COLOR" not in os.environ
    return Console(stderr=stderr, no_color=not color, highlight=False, soft_wrap=True,
                   force_terminal=None if color else False)


def print_diff(console: Console, diff: str) -> None:
    """Print a unified diff, coloured when the console has colour."""
    if not diff:
        return
    if console.no_color or not console.is_terminal:
        sys.stdout.write(diff) if not console.stderr else sys.stderr.write(diff)
        return
    for line in diff.splitlines():
        style = None
        if line.startswith(("+++", "---")):
            style = "bold"
        elif line.startswith("@@"):
            style = "cyan"
        elif line.startswith("+"):
            style = "green"
        elif line.startswith("-"):
            style = "red"
        console.print(Text(line, style=style) if style else Text(line))


def github_annotations(result) -> list[str]:
    """``::warning`` lines for one file's findings (GitHub Actions)."""
    lines = []
    if result.status == "error":
        return [f"::error file={_esc_prop(result.rel)}::{_esc_msg(result.error)}"]
    for f in result.findings:
        title = f"seedclean {f.code}"
        lines.append(
            f"::warning file={_esc_prop(result.rel)},line={max(f.line, 1)},title={_esc_prop(title)}::"
            f"{_esc_msg(f.reason)}"
        )
    return lines


def _esc_msg(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _esc_prop(text: str) -> str:
    return _esc_msg(text).replace(":", "%3A").replace(",", "%2C")


def json_line(result) -> str:
    """One JSON object per file for ``--format json``."""
    return result.report_row_json()


def summary_table(results, *, limit: int = 40) -> Table:
    """Per-file rows (the first ``limit`` changed or failed files) and a total."""
    table = Table(title="seedclean", show_lines=False, header_style="bold")
    table.add_column("file", overflow="fold")
    table.add_column("status")
    table.add_column("encoding")
    table.add_column("removed", justify="right")
    table.add_column("repaired", justify="right")
    table.add_column("detectors", overflow="fold")
    shown = 0
    totals = {"removed": 0, "repaired": 0}
    counts = {"changed": 0, "unchanged": 0, "error": 0}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
        chars = r.chars() if r.status != "error" else {"removed": 0, "repaired": 0}
        totals["removed"] += chars["removed"]
        totals["repaired"] += chars["repaired"]
        if shown >= limit or r.status == "unchanged" and len(results) > limit:
            continue
        shown += 1
        status = {"changed": "[yellow]changed[/]", "unchanged": "[green]clean[/]", "error": "[red]error[/]"}[r.status]
        detail = r.error if r.status == "error" else ", ".join(f"{k} {v}" for k, v in sorted(r.detectors().items()))
        table.add_row(r.rel, status, r.encoding, str(chars["removed"]), str(chars["repaired"]), detail)
    hidden = len(results) - shown
    if hidden > 0:
        table.add_row(f"… {hidden} more", "", "", "", "", "")
    table.add_section()
    table.add_row(
        f"{len(results)} files",
        f"{counts['changed']} changed, {counts['unchanged']} clean, {counts['error']} failed",
        "", str(totals["removed"]), str(totals["repaired"]), "",
    )
    return table
