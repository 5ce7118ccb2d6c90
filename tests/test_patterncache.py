"""The compiled-pattern cache: the same patterns as re.compile, taken from disk by later processes."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from cleaner import patterncache

ROOT = Path(__file__).resolve().parent.parent

_PROBE = r"""
import json, re, sys
from cleaner import patterncache
sources = [("(?i)(?=[ab中])(?:abc|中文|b)", 0), ("[\u4e00-\u9fff]+(?P<tail>[:：])", 0), (b"\\x00+", 0),
           ("^x$", re.M | re.I)]
before = patterncache.stats()
compiled = [patterncache.compile(s, f) for s, f in sources]
after = patterncache.stats()
same = all(c == re.compile(s, f) for c, (s, f) in zip(compiled, sources))
m = compiled[1].search("abc 中文：")
print(json.dumps({"same": same, "group": m.group("tail"), "hits": after["hits"] - before["hits"],
                  "new": after["new"] - before["new"]}))
"""


def _probe(cache: Path, **env) -> dict:
    run_env = {k: v for k, v in os.environ.items() if k != "SEEDCLEAN_NO_CACHE"}
    run_env.update(SEEDCLEAN_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT), **env)
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, env=run_env, check=True)
    return json.loads(out.stdout)


def test_second_process_takes_equal_patterns_from_the_cache(tmp_path):
    first = _probe(tmp_path)
    assert first["same"] and first["group"] == "："
    assert first["hits"] == 0 and first["new"] == 4
    assert len(list(tmp_path.glob("patterns-*"))) == 1
    second = _probe(tmp_path)
    assert second["same"] and second["group"] == "："
    assert second["hits"] == 4 and second["new"] == 0


def test_damaged_cache_file_is_ignored(tmp_path):
    _probe(tmp_path)
    (cache_file,) = tmp_path.glob("patterns-*")
    cache_file.write_bytes(b"\x00not a cache")
    again = _probe(tmp_path)
    assert again["same"] and again["hits"] == 0 and again["new"] == 4


def test_turned_off_writes_nothing(tmp_path):
    off = _probe(tmp_path, SEEDCLEAN_NO_CACHE="1")
    assert off["same"] and off["hits"] == 0 and off["new"] == 0
    assert not list(tmp_path.iterdir())


def test_unwritable_cache_dir_still_compiles(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = _probe(blocker / "sub")  # a directory under a file cannot be made
    assert result["same"] and result["group"] == "："


def test_a_pattern_object_is_returned_as_it_is():
    pattern = re.compile("abc")
    assert patterncache.compile(pattern) is pattern


def test_longest_first_orders_ties_the_same_way_every_time():
    words = {"ab", "abc", "zz", "b", "aa"}
    assert sorted(words, key=patterncache.longest_first) == ["abc", "aa", "ab", "zz", "b"]


@pytest.mark.parametrize("seed", ["1", "2"])
def test_detector_patterns_do_not_depend_on_the_hash_seed(tmp_path, seed):
    """Sources built from sets come out the same in every process: a cached
    program is found again, and no alternation order depends on the seed."""
    code = ("import hashlib; from cleaner import patterncache; from cleaner.supervise import warm_up; warm_up();"
            "print(hashlib.sha256(repr(sorted(patterncache._used)).encode()).hexdigest())")
    digests = set()
    for hash_seed in (seed, "99"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "SEEDCLEAN_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
        env.pop("SEEDCLEAN_NO_CACHE", None)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        digests.add(out.stdout.strip())
    assert len(digests) == 1


_ALPHABET = "ab上下一篇AB版权 ſK0123456789中文。，-]^\\"


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.text(alphabet=_ALPHABET, max_size=4), max_size=30),
       text=st.text(alphabet=_ALPHABET + "\n", max_size=30),
       flags=st.sampled_from([0, re.IGNORECASE]),
       context=st.sampled_from(["", "$", "(?=一)", "\\b", "版"]))
def test_an_alternation_matches_as_the_plain_one_does(words, text, flags, context):
    """Grouping the words by a first character without case changes no match:
    the same span at every position, whatever follows and whatever the flags."""
    plain = "|".join(re.escape(w) for w in sorted(set(words), key=patterncache.longest_first))
    grouped = patterncache.alternation(words)
    a = re.compile(f"(?:{plain}){context}", flags)
    b = re.compile(f"(?:{grouped}){context}", flags)
    for pos in range(len(text) + 1):
        ma, mb = a.match(text, pos), b.match(text, pos)
        assert (ma and ma.span()) == (mb and mb.span())
    assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]


def test_an_alternation_shares_the_branch_of_a_first_character_without_case():
    source = patterncache.alternation(["上一篇", "上一页", "下一篇", "Copyright", "版权"])
    assert source.count("上") == 1 and "Copyright" in source

