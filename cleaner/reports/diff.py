"""Unified diffs between a document as read and as cleaned."""
from __future__ import annotations

import difflib


def unified_diff(original: str, cleaned: str, name: str) -> str:
    """A unified diff of one file; empty when nothing changed."""
    if original == cleaned:
        return ""
    a = original.splitlines(keepends=True)
    b = cleaned.splitlines(keepends=True)
    lines = []
    for line in difflib.unified_diff(a, b, fromfile=f"a/{name}", tofile=f"b/{name}", n=2):
        lines.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(lines)
