"""Run settings: rule selection, per-detector options and file filters.

One :class:`Settings` object travels from the configuration (``[tool.seedclean]``
and command-line options) to every worker, so every file is cleaned the same
way and a run can be fingerprinted for ``--resume``.
"""
from __future__ import annotations

import fnmatch
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import PurePath

from .selection import Selection


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    detector_options: dict = field(default_factory=dict, hash=False, compare=False)
    time_budget: float = 0.0  # seconds per document; 0 = no limit

    def selection(self) -> Selection:
        return Selection.from_options(self.select or None, self.ignore or None)

    def wants(self, rel: PurePath) -> bool:
        """Whether a file (relative to the source root) passes include/exclude globs."""
        name = rel.as_posix()
        if self.include and not any(_glob(name, pat) for pat in self.include):
            return False
        return not any(_glob(name, pat) for pat in self.exclude)

    def fingerprint(self) -> str:
        """A short hash of everything that affects the output, for ``--resume``."""
        from . import __version__

        payload = json.dumps(
            [__version__, self.select, self.ignore, self.detector_options],
            sort_keys=True, ensure_ascii=False, default=str,
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


def _glob(name: str, pattern: str) -> bool:
    if fnmatch.fnmatch(name, pattern):
        return True
    # a pattern without a slash also matches the base name, as .gitignore does
    return "/" not in pattern and fnmatch.fnmatch(name.rsplit("/", 1)[-1], pattern)
