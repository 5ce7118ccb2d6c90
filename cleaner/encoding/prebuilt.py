"""Regex sources built from codec tables, shipped ready-made.

The mojibake prechecks are regexes over every character a damaged text can
show: GBK and Big5 readings of UTF-8 bytes, Latin-page readings of GBK
bytes, rare ideographs.  Building their sources decodes thousands of byte
strings and used to be most of a run's start-up, yet the result depends only
on this package and on Python's codecs.  So the sources are stored in
``cleaner/data/prebuilt_patterns.json`` with the Python version that built
them, and taken from there when the running Python is that version; any
other Python (or a missing file) builds them as before.

``python -m cleaner.encoding.prebuilt`` writes the file anew, and a test
checks that every stored source equals what a build gives, so the file
cannot drift from the code.
"""
from __future__ import annotations

import json
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable

FILE_NAME = "prebuilt_patterns.json"


def python_version() -> str:
    return f"{sys.version_info[0]}.{sys.version_info[1]}"


@lru_cache(maxsize=1)
def _stored() -> dict[str, str]:
    try:
        data = json.loads(resources.files("cleaner.data").joinpath(FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("python") != python_version():
        return {}
    patterns = data.get("patterns")
    return patterns if isinstance(patterns, dict) else {}


def source(name: str, build: Callable[[], str]) -> str:
    """The regex source ``name``: the stored one for this Python, else ``build()``."""
    stored = _stored().get(name)
    return stored if isinstance(stored, str) else build()


def builders() -> dict[str, Callable[[], str]]:
    """Every stored source by name, with the function that builds it."""
    from ..detectors import mojibake
    from . import cjk_mojibake, signs

    return {
        "signs.marks": signs.marks_source,
        "signs.latin": signs.latin_source,
        "mojibake.first": mojibake.first_source,
        "mojibake.branches": mojibake.branches_source,
        "cjk.double_byte": cjk_mojibake.double_byte_source,
    }


def build_all() -> dict[str, str]:
    return {name: build() for name, build in builders().items()}


def main() -> None:
    target = Path(__file__).resolve().parent.parent / "data" / FILE_NAME
    data = {"python": python_version(), "patterns": build_all()}
    target.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {target} ({target.stat().st_size} bytes) for Python {data['python']}")


if __name__ == "__main__":
    main()
