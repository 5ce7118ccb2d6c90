"""``seedclean explain``: one file in the terminal with every finding highlighted."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

_STYLES = {
    "markup": "on grey23",
    "pinyin": "on dark_magenta",
    "mojibake": "on dark_red",
    "feed": "on dark_blue",
    "placenames": "on dark_green",
    "boilerplate": "on dark_orange3",
    "whitespace": "on grey30",
}


def render_explanation(console: Console, result) -> None:
    """Print the original text with removed spans struck through and repairs shown."""
    text = result.original_text
    out = Text()
    pos = 0
    for f in result.findings:
        if f.orig_start < pos:
            continue
        out.append(text[pos:f.orig_start])
        style = _STYLES.get(f.detector, "reverse")
        span = text[f.orig_start:f.orig_end]
        if f.replacement:
            out.append(span, style=f"{style} strike")
            out.append(f"→{f.replacement}", style="bold green")
        else:
            out.append(span if span.strip() else span.replace("\n", "⏎\n"), style=f"{style} strike")
        out.append(f"[{f.code}]", style="bold yellow")
        pos = f.orig_end
    out.append(text[pos:])
    console.print(out)
    table = Table(title=f"{result.rel}: {len(result.findings)} findings", header_style="bold")
    for col in ("line", "code", "detector", "reason"):
        table.add_column(col, overflow="fold")
    for f in result.findings:
        if f.detector != "whitespace":
            table.add_row(str(f.line), f.code, f.detector, f.reason)
    console.print(table)
    counts: dict[str, int] = {}
    for f in result.findings:
        counts[f.detector] = counts.get(f.detector, 0) + 1
    console.print("per detector: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
