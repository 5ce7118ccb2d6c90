"""Clean documents of many shapes must come out byte-identical (no false positives)."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean

CLEAN = Path(__file__).resolve().parent.parent / "fixtures" / "clean"


@pytest.mark.parametrize("path", sorted(CLEAN.glob("*.txt")), ids=lambda p: p.stem)
def test_clean_document_is_unchanged(path):
    text = path.read_text(encoding="utf-8")
    result = clean(text)
    assert result.text == text, [(f.code, f.reason, f.before) for f in result.findings]
    assert result.findings == []
