"""The seeds against the hand-cleaned gold, scored with the shared scorer."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cleaner import clean

from .conftest import GOLD, SCORER, SEEDS

pytestmark = pytest.mark.skipif(not SCORER.is_file() or not GOLD.is_dir(), reason="shared gold not available")


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds_out")
    for path in SEEDS.iterdir():
        (out / path.name).write_text(clean(path.read_text(encoding="utf-8")).text, encoding="utf-8")
    res = subprocess.run([sys.executable, str(SCORER), str(out), str(GOLD), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def test_micro_scores_meet_the_bar(scores):
    s = scores["summary"]
    assert s["f1"] >= 0.99, s
    assert s["recall"] >= 0.995, s


def test_every_seed_meets_the_bar(scores):
    for name, row in scores["docs"].items():
        assert row["f1"] >= 0.98, (name, row)


def test_cleaned_seeds_are_fixed_points():
    for path in SEEDS.iterdir():
        once = clean(path.read_text(encoding="utf-8")).text
        assert clean(once).text == once, path.name
