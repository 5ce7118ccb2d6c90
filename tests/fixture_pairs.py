"""Fixture documents stored as ``NAME.in.txt`` / ``NAME.expected.txt`` pairs.

A name starting with ``clean_`` is a clean document: it must come out
byte-identical, with no finding at all.
"""
from __future__ import annotations

from pathlib import Path

from cleaner import clean

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def cases(folder: str) -> list[str]:
    """The pair names under ``fixtures/folder``."""
    return sorted(p.name[: -len(".in.txt")] for p in (FIXTURES / folder).glob("*.in.txt"))


def check_case(folder: str, name: str):
    """Clean one pair's input and assert the shared contract; return the result."""
    src = (FIXTURES / folder / f"{name}.in.txt").read_text(encoding="utf-8")
    expected = (FIXTURES / folder / f"{name}.expected.txt").read_text(encoding="utf-8")
    result = clean(src)
    assert result.text == expected, [(f.code, f.reason, f.before) for f in result.findings]
    assert clean(result.text).text == result.text  # idempotent
    if name.startswith("clean_"):
        assert src == expected and not result.findings
    return result
