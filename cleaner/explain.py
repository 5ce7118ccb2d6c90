"""``seedclean explain``: one file in the terminal with every finding highlighted.

The original text is printed with each removed or repaired span on the
background colour of its detector, struck through when removed, followed by
the repair (``→…``) and a numbered marker.  A table lists every marker with
its line, code, detector and reason, and a last table sums the findings and
characters per detector.  ``explanation_dict`` is the same for machines
(``--json``).
"""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .normalize import normalize_newlines, to_nfc

STYLES = {
    "markup": "on #1e3a8a",
    "pinyin": "on #581c87",
    "mojibake": "on #7f1d1d",
    "feed": "on #78350f",
    "placenames": "on #14532d",
    "boilerplate": "on #7c2d12",
    "whitespace": "on grey30",
}
LABEL_STYLES = {
    "markup": "bold #60a5fa",
    "pinyin": "bold #c084fc",
    "mojibake": "bold #f87171",
    "feed": "bold #fbbf24",
    "placenames": "bold #4ade80",
    "boilerplate": "bold #fb923c",
    "whitespace": "bold grey70",
}
_VISIBLE_WS = str.maketrans({" ": "·", "\u3000": "▯", "\t": "→", "\u00a0": "␣", "\n": "⏎\n"})


def original_text(result) -> str:
    """The text the findings' offsets index: decoded, newline-normalised, NFC."""
    text, _ = normalize_newlines(result.original_text)
    text, _ = to_nfc(text)
    return text


def per_detector(findings) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for f in findings:
        row = out.setdefault(f.detector, {"findings": 0, "removed": 0, "repaired": 0})
        row["findings"] += 1
        row[f.kind] += f.chars
    return dict(sorted(out.items()))


def explanation_dict(result) -> dict:
    """Everything ``explain`` shows, as plain data (``--json``)."""
    row = result.summary()
    row["findings"] = [dict(f.to_dict(), number=n) for n, f in enumerate(result.findings, 1)]
    row["by_detector"] = per_detector(result.findings)
    row["by_code"] = {}
    for f in result.findings:
        row["by_code"][f.code] = row["by_code"].get(f.code, 0) + 1
    row["by_code"] = dict(sorted(row["by_code"].items()))
    return row


def highlighted(result) -> Text:
    """The original text with every finding marked inline."""
    text = original_text(result)
    out = Text()
    pos = 0
    for n, f in enumerate(result.findings, 1):
        style = STYLES.get(f.detector, "reverse")
        label = LABEL_STYLES.get(f.detector, "bold yellow")
        if f.orig_start < pos:
            # overlaps a span already shown: extend it with what is left, or only mark it
            end = max(pos, f.orig_end)
            if end > pos:
                out.append(_shown(text[pos:end]), style=f"{style} strike")
                pos = end
            out.append(f"[{n} {f.code}]", style=label)
            continue
        out.append(text[pos:f.orig_start])
        span = text[f.orig_start:f.orig_end]
        newline = span.endswith("\n")
        if newline:
            span = span[:-1]
        if span:
            out.append(_shown(span), style=style if f.kind == "repaired" else f"{style} strike")
        if newline:
            out.append("⏎", style=f"{style} strike")
        if f.kind == "repaired":
            out.append("→" + f.replacement, style="bold green")
        out.append(f"[{n} {f.code}]", style=label)
        if newline:
            out.append("\n")
        pos = max(pos, f.orig_end)
    out.append(text[pos:])
    return out


def _shown(span: str) -> str:
    """White space inside a marked span made visible."""
    stripped = span.strip()
    if not stripped:
        return span.translate(_VISIBLE_WS)
    head = span[: len(span) - len(span.lstrip())]
    tail = span[len(span.rstrip()):]
    return head.translate(_VISIBLE_WS) + span.strip() + tail.translate(_VISIBLE_WS)


def findings_table(result) -> Table:
    table = Table(title=f"{result.rel}: {len(result.findings)} findings", header_style="bold",
                  title_justify="left")
    for col in ("#", "line", "code", "detector", "reason", "span"):
        table.add_column(col, overflow="fold", justify="right" if col in ("#", "line") else "left")
    for n, f in enumerate(result.findings, 1):
        span = f.before if len(f.before) <= 40 else f.before[:37] + "…"
        span = span.translate(_VISIBLE_WS).replace("\n", "")
        if f.kind == "repaired":
            span += f" → {f.replacement}"
        table.add_row(str(n), str(f.line), f.code,
                      Text(f.detector, style=LABEL_STYLES.get(f.detector, "")), f.reason, span)
    return table


def detector_table(result) -> Table:
    table = Table(title="per detector", header_style="bold", title_justify="left")
    for col in ("detector", "findings", "chars removed", "chars repaired"):
        table.add_column(col, justify="left" if col == "detector" else "right")
    totals = [0, 0, 0]
    for name, row in per_detector(result.findings).items():
        table.add_row(Text(name, style=LABEL_STYLES.get(name, "")), str(row["findings"]),
                      str(row["removed"]), str(row["repaired"]))
        totals = [totals[0] + row["findings"], totals[1] + row["removed"], totals[2] + row["repaired"]]
    table.add_section()
    table.add_row("total", *map(str, totals))
    return table


def render_explanation(console: Console, result, *, quiet: bool = False, verbose: bool = False) -> None:
    """Print the highlighted text, the findings and the per-detector summary.

    ``quiet`` prints the per-detector summary only; ``verbose`` adds the
    cleaned text at the end.
    """
    head = Text()
    head.append(result.rel, style="bold")
    head.append(f"  {result.status} · {result.encoding or '?'}")
    if result.notes:
        head.append(" · " + ", ".join(result.notes))
    console.print(head)
    if not result.findings:
        console.print("no findings: the file is clean." if result.status == "unchanged"
                      else "no findings (only the encoding or line endings change).")
        return
    if not quiet:
        console.rule("original, with findings")
        console.print(highlighted(result))
        console.rule()
        console.print(findings_table(result))
    console.print(detector_table(result))
    if verbose:
        console.rule("cleaned")
        console.print(Text(result.cleaned_text))


__all__ = ["render_explanation", "explanation_dict", "highlighted", "per_detector"]
