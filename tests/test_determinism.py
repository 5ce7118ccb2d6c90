"""Determinism: the seeds' outputs and reports are identical across runs and across --jobs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.runner import run
from cleaner.settings import Settings

from .faults import SEEDS


def _snapshot(dst: Path) -> dict[str, bytes]:
    out = {}
    for path in sorted(dst.rglob("*")):
        if not path.is_file() or path.name.startswith(".") or path.name == "report.html":
            continue
        data = path.read_bytes()
        if path.name == "report.json":
            report = json.loads(data)
            report.pop("created", None)
            data = json.dumps(report, sort_keys=True).encode()
        out[path.relative_to(dst).as_posix()] = data
    return out


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    dst = tmp_path_factory.mktemp("det") / "one"
    run(SEEDS, dst, Settings(), jobs=1)
    return _snapshot(dst)


@pytest.mark.parametrize("jobs, budget", [(1, 20.0), (2, 20.0), (4, 20.0), (1, 0.0), (2, 0.0)])
def test_same_output_across_runs_and_jobs(tmp_path, first, jobs, budget):
    dst = tmp_path / "out"
    run(SEEDS, dst, Settings(time_budget=budget), jobs=jobs)
    snap = _snapshot(dst)
    assert sorted(snap) == sorted(first)
    for name in first:
        assert snap[name] == first[name], name


def test_outputs_are_clean_and_idempotent(first, tmp_path):
    from cleaner.pipeline import clean

    for name, data in first.items():
        if name.startswith("report."):
            continue
        text = data.decode("utf-8")
        assert clean(text).text == text, name
