"""Shared test helpers: paths to the project's seeds and to the shared gold files."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold"
SCORER = SHARED / "eval" / "score.py"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS
