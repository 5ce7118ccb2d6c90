"""A JSONL record reads as ``json.loads`` reads it, with orjson or without."""
from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings, strategies as st

from cleaner.corpus import jsonread
from cleaner.corpus.records import clean_json_line
from cleaner.settings import Settings


def _exact(value):
    """A form of a parsed value that tells 1 from 1.0 and -0.0 from 0.0 (and NaN from itself)."""
    if isinstance(value, dict):
        return ("dict", [(k, _exact(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_exact(v) for v in value])
    if isinstance(value, float):
        return ("float", "nan" if math.isnan(value) else value.hex())
    return (type(value).__name__, value)


def _outcome(parse, line):
    try:
        return "ok", _exact(parse(line))
    except RecursionError:
        return "error", "RecursionError", ""
    except (ValueError, UnicodeDecodeError) as exc:
        return "error", type(exc).__name__, str(exc).split(":")[0]


EDGE_LINES = [
    b'{"text": "a", "id": 18446744073709551616}',        # beyond 64 bits: exact with json
    b'{"text": "a", "id": -9223372036854775809}',
    b'{"text": "a", "id": 18446744073709551615}',
    b'{"text": "a", "n": 1e19, "m": -1E400}',
    b'{"text": "a", "score": NaN, "inf": Infinity}',
    b'{"text": "\\ud800 lone"}',
    b'{"text": "\xed\xa0\x80"}',
    b'\xef\xbb\xbf{"text": "bom"}',
    '{"text": "utf-16 line"}'.encode("utf-16"),
    '{"text": "utf-32 line"}'.encode("utf-32"),
    b'{"text": "a", "text": "b"}',
    b'{"text": "tab\there"}',
    b'{"text": "\xc0\xaf"}',
    b'{"text": 1.0, "x": -0.0, "y": -0, "z": 5e-324}',
    b'[' * 3000 + b']' * 3000,
    b'{"a": ' * 1500 + b'1' + b'}' * 1500,
    b'{"text": "a",}',
    b'  {"text": "spaced"}\r',
]


@pytest.mark.parametrize("line", EDGE_LINES, ids=range(len(EDGE_LINES)))
def test_edge_lines_read_as_json_reads_them(line):
    assert _outcome(jsonread.loads, line) == _outcome(json.loads, line)


def test_wide_integer_stays_exact():
    obj = jsonread.loads(b'{"id": 123456789012345678901234567890, "meta": [{"n": 18446744073709551616}]}')
    assert obj["id"] == 123456789012345678901234567890 and type(obj["id"]) is int
    assert type(obj["meta"][0]["n"]) is int


def test_without_orjson_the_standard_library_reads(monkeypatch):
    monkeypatch.setattr(jsonread, "orjson", None)
    for line in EDGE_LINES:
        assert _outcome(jsonread.loads, line) == _outcome(json.loads, line)


_scalars = (st.none() | st.booleans() | st.text(max_size=20)
            | st.integers(min_value=-(2 ** 80), max_value=2 ** 80)
            | st.floats(allow_nan=True, allow_infinity=True))
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4)
                       | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=20)


@settings(max_examples=400, deadline=None)
@given(record=st.dictionaries(st.text(max_size=6), _values, max_size=5), ascii_only=st.booleans())
def test_any_record_reads_as_json_reads_it(record, ascii_only):
    line = json.dumps(record, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
    assert _outcome(jsonread.loads, line) == _outcome(json.loads, line)


def test_a_bad_record_gets_the_reason_json_gives():
    settings_ = Settings()
    for line in (b'{"text": "a",}', b'{"text": "\xc0\xaf"}', b'{"text": "a"} tail'):
        with pytest.raises((ValueError, UnicodeDecodeError)) as raised:
            json.loads(line)
        out, bad, summary, chars = clean_json_line(line, "text", settings_)
        assert out is None and bad == f"not JSON ({str(raised.value).split(':')[0]})"


def test_a_record_holding_a_lone_surrogate_is_cleaned_and_written_back_escaped():
    """UTF-8 has no form for a lone surrogate (a record may escape one): the record is
    cleaned, written with the same escape, and its neighbours are cleaned as usual."""
    from cleaner.corpus.jsonl import clean_chunk

    lines = [b'{"text": "a\\ud800b  ", "id": 1}\n', b'{"text": "ok  "}\n']
    out, stats = clean_chunk("x.jsonl", 1, lines, "text", Settings())
    first, second = out.decode("utf-8").splitlines()
    assert "\\ud800" in first and json.loads(first)["text"] == "a\ud800b" and json.loads(first)["id"] == 1
    assert json.loads(second)["text"] == "ok"
    assert (stats.records, stats.bad) == (2, 0)
