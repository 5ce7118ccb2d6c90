"""One way to write report text, whether the handle takes text or bytes.

Report pieces are encoded to UTF-8 where a file is cleaned (in a worker), so
the process that writes the reports only copies bytes; the report writers
also serve callers that hand them a text handle.  A :class:`Sink` accepts
``str`` or ``bytes`` and converts only when the handle needs the other kind.
"""
from __future__ import annotations

import io
from typing import IO


class Sink:
    """Writes ``str`` or ``bytes`` to a text or a binary handle."""

    def __init__(self, handle: IO):
        self.handle = handle
        self.binary = not isinstance(handle, io.TextIOBase)

    def write(self, data: str | bytes) -> None:
        if self.binary:
            self.handle.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        else:
            self.handle.write(data if isinstance(data, str) else data.decode("utf-8"))
