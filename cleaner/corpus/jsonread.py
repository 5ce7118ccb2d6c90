"""Reading one JSONL record: the object ``json.loads`` gives, sooner.

A record's line is parsed by orjson when it is installed (about twice as fast
as the standard library on records that are mostly text).  Where the two
parsers could disagree, the standard library decides, so a record comes out
the same with orjson or without it:

* orjson refuses what ``json.loads`` accepts: ``NaN`` and ``Infinity``,
  numbers too large for a float, lone surrogates (escaped or encoded), a
  byte-order mark, UTF-16 and UTF-32 lines.  Any refusal reads the line
  again with ``json.loads``, which accepts it or gives the error reported
  for a bad record.
* orjson reads an integer beyond 64 bits as a float, where ``json.loads``
  keeps it exact.  A float that large in magnitude (at least 2**63) sends
  the line to ``json.loads``: the only floats orjson can have made that
  way, and any float written that large reads the same with both.
"""
from __future__ import annotations

import json

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is a dependency; without it, json alone
    orjson = None

#: the magnitude from which an integer may not fit orjson's 64 bits
_WIDE = float(2 ** 63)


def _has_wide_float(obj) -> bool:
    """Whether a float of magnitude ``_WIDE`` or more stands anywhere in ``obj``."""
    stack = [obj]
    pop, push = stack.pop, stack.append
    while stack:
        value = pop()
        kind = type(value)
        if kind is float:
            if not -_WIDE < value < _WIDE:
                return True
        elif kind is dict:
            for item in value.values():
                if type(item) is not str:
                    push(item)
        elif kind is list:
            for item in value:
                if type(item) is not str:
                    push(item)
    return False


def loads(line: bytes | str):
    """``json.loads(line)``: the same object, or the same exception."""
    if orjson is not None:
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError:
            pass
        else:
            if not _has_wide_float(obj):
                return obj
    return json.loads(line)
