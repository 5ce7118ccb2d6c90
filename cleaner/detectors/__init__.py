"""The registry of detectors, in the order the pipeline runs them.

Adding a detector family is adding one module that defines ``DETECTOR`` and
naming it here.  Order matters: markup comes first so later detectors see
text, control characters go next (a reference may decode to one), encoding repairs come before the line-based noise detectors, and
white-space normalisation comes last.
"""
from __future__ import annotations

import importlib

from .base import Context, Detector, Rule

# module names under cleaner.detectors, in pipeline order
DETECTOR_MODULES: tuple[str, ...] = (
    "markup",       # M: tags, comments, script/style, character references
    "controls",     # W104: C0 control characters, gone before any line is judged
    "pinyin",       # E3: machine pinyin annotations and their corrupted forms
    "mojibake",     # E1/E2: Latin-script and CJK mojibake, lost-byte runs
    "feed",         # F: social-feed chrome and recommendation blocks
    "placenames",   # S: trailing runs of administrative-division names
    "boilerplate",  # B: navigation, share widgets, copyright, editorial chain
    "whitespace",   # W: layout
)

_cache: list[Detector] | None = None


def all_detectors() -> list[Detector]:
    """Every registered detector, in pipeline order (imported once)."""
    global _cache
    if _cache is None:
        found = []
        for name in DETECTOR_MODULES:
            try:
                module = importlib.import_module(f"{__name__}.{name}")
            except ModuleNotFoundError as exc:  # a module not written yet
                if exc.name == f"{__name__}.{name}":
                    continue
                raise
            found.append(module.DETECTOR)
        _cache = found
    return _cache


def all_rules() -> list[tuple[Detector, Rule]]:
    return [(d, r) for d in all_detectors() for r in d.rules]


__all__ = ["Context", "Detector", "Rule", "all_detectors", "all_rules", "DETECTOR_MODULES"]
