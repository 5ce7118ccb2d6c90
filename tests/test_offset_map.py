"""OffsetMap: mapping many ascending positions in one walk agrees with mapping them one by one."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from cleaner.findings import Finding, OffsetMap, resolve_overlaps

EDITS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 6), st.text("xy", max_size=5)), max_size=8)


def _map(edits) -> tuple[OffsetMap, int]:
    found = resolve_overlaps([Finding("W101", s, s + n, r, "edit") for s, n, r in edits])
    new_length = 70 + sum(len(f.replacement) - (f.end - f.start) for f in found)
    return OffsetMap(found), max(new_length, 0)


@settings(max_examples=300, deadline=None)
@given(EDITS, st.lists(st.integers(0, 80), max_size=12))
def test_one_walk_maps_like_one_by_one(edits, positions):
    m, _ = _map(edits)
    positions = sorted(positions)
    assert m.starts_to_old(positions) == [m.to_old(p) for p in positions]
    assert m.ends_to_old(positions) == [m.to_old(p, is_end=True) for p in positions]


def test_a_position_inside_a_replacement_maps_to_the_whole_replaced_span():
    m = OffsetMap([Finding("M101", 2, 9, "\n", "tags")])  # "ab<p></p>cd" -> "ab\ncd"
    assert m.starts_to_old([0, 2, 3, 4]) == [0, 2, 9, 10]
    assert m.ends_to_old([2, 3, 4]) == [2, 9, 10]  # an end before the edit stays before it
