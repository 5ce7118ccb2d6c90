"""The detector contract: a named family of rules with short codes.

A detector module defines one :class:`Detector`.  Its ``find`` function takes
the current text and a :class:`Context` and returns findings; it never edits
text.  Rules are identified by short codes (``M101``) the way linters name
theirs, so users can ``--select`` and ``--ignore`` them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping

from ..findings import Finding


@dataclass(frozen=True)
class Rule:
    """One selectable rule of a detector."""

    code: str
    name: str
    summary: str
    example: str = ""


@dataclass(slots=True)
class Context:
    """What a detector may know besides the text.

    ``options`` holds this detector's own settings from ``[tool.seedclean]``
    (thresholds, extra lexicon files); ``path`` is the source file, if any.
    ``state`` is shared by the detectors of one document run, for facts one
    detector learns that a later one can use (e.g. the document's script).
    """

    options: Mapping = field(default_factory=dict)
    path: str | None = None
    state: dict = field(default_factory=dict)


FindFunction = Callable[[str, Context], Iterable[Finding]]


@dataclass(frozen=True)
class Detector:
    """A family of rules run as one pipeline stage."""

    name: str
    prefix: str
    summary: str
    rules: tuple[Rule, ...]
    find: FindFunction
    #: run again on its own output until it finds nothing (at most a few
    #: times), for detectors whose repairs can reveal more of their own kind,
    #: e.g. ``&amp;lt;`` → ``&lt;`` → ``<``
    repeat: bool = False
    #: for a repeating detector: ``settled(found, ctx)`` is true when the text
    #: that applying ``found`` (all of a round's findings, none left out)
    #: produces is one the detector finds nothing in, so the round that would
    #: confirm it is skipped.  Each detector that sets it checks it in its tests.
    settled: Callable[[list[Finding], "Context"], bool] | None = None

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(rule.code for rule in self.rules)
