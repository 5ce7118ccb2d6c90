"""Rule selection by code prefix, as linters do (``--select M,E3 --ignore E301``)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable


class UnknownRuleError(ValueError):
    """A selector names no known rule."""


def _split(values: Iterable[str] | str | None) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    out = []
    for value in values:
        out.extend(part.strip().upper() for part in value.split(",") if part.strip())
    return tuple(out)


@dataclass(frozen=True)
class Selection:
    """Which rule codes are active.  ``ALL`` (the default) selects every rule."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()

    @classmethod
    def from_options(cls, select=None, ignore=None, known_codes: Iterable[str] | None = None) -> "Selection":
        sel = _split(select) or ("ALL",)
        ign = _split(ignore)
        if known_codes is not None:
            known = tuple(known_codes)
            for prefix in sel + ign:
                if prefix != "ALL" and not any(code.startswith(prefix) for code in known):
                    raise UnknownRuleError(f"unknown rule code or prefix: {prefix}")
        return cls(sel, ign)

    def _match(self, code: str, prefixes: tuple[str, ...]) -> int:
        best = -1
        for prefix in prefixes:
            if prefix == "ALL":
                best = max(best, 0)
            elif code.startswith(prefix):
                best = max(best, len(prefix))
        return best

    def enabled(self, code: str) -> bool:
        """True when ``code`` is selected; the more specific selector wins."""
        return _enabled(self, code)

    def _decide(self, code: str) -> bool:
        sel = self._match(code, self.select)
        if sel < 0:
            return False
        ign = self._match(code, self.ignore)
        return ign < 0 or ign < sel

    def any_enabled(self, codes: Iterable[str]) -> bool:
        return any(self.enabled(code) for code in codes)


@lru_cache(maxsize=4096)
def _enabled(selection: Selection, code: str) -> bool:
    return selection._decide(code)


DEFAULT_SELECTION = Selection()
