"""Pages from sites the seeds never showed: portals, government, Taiwan/Hong Kong,
feeds, forums, blogs, HTML saved as text, and clean pages that must not change."""
from __future__ import annotations

import pytest

from .fixture_pairs import cases, check_case

CASES = cases("unseen")


def test_enough_cases():
    assert len(CASES) >= 30
    assert sum(name.startswith("clean_") for name in CASES) >= 12


@pytest.mark.parametrize("name", CASES)
def test_unseen_pair(name):
    check_case("unseen", name)
