"""UTF-8 read as GBK with one shown character dropped: restore the two lost bytes.

When UTF-8 text is shown as GBK, some byte pairs land in GBK's user-defined
area and become private-use characters, which copying and pasting often
drops.  Two bytes are then missing: the last byte of one character and the
first byte of the next, so a repair of the span stops there and the rest
(``…涓枃``) stays garbled.  The shape is exact: what precedes the gap ends in
a three-byte character missing its last byte, what follows starts with the
two continuation bytes of a character missing its lead.  Every completion of
that shape is decoded and scored with the word-frequency model; the best is
taken only when it is clearly better than the runner-up and every character
it makes is an ideograph.
"""
from __future__ import annotations

from .charfreq import is_han

#: longest run of shown characters examined after a repair
MAX_RUN = 12
#: how much likelier (log) the best completion must be than the next one
MIN_MARGIN = 1.0
_CONT = range(0x80, 0xC0)
#: three-byte UTF-8 leads for which any two continuation bytes are valid
_LEADS = [b for b in range(0xE1, 0xF0) if b != 0xED]


def _gbk_run(line: str, start: int) -> bytes:
    out = bytearray()
    for ch in line[start:start + MAX_RUN]:
        try:
            encoded = ch.encode("gbk")
        except UnicodeEncodeError:
            break
        if len(encoded) != 2:
            break
        out += encoded
    return bytes(out)


def _decode_prefix(data: bytes) -> tuple[str, bytes] | None:
    """Decode whole characters; return them and the incomplete tail (if any)."""
    for cut in range(len(data), max(-1, len(data) - 3), -1):
        try:
            return data[:cut].decode("utf-8"), data[cut:]
        except UnicodeDecodeError:
            continue
    return None


def restore_after(line: str, end: int, repaired: str) -> tuple[int, str] | None:
    """Given a UTF-8-as-GBK repair of ``line[:end]`` to ``repaired``, restore
    what follows a dropped character.  Returns ``(new_end, extra_text)``."""
    data = _gbk_run(line, end)
    if len(data) < 4:
        return None
    from .pinyin_lm import score

    best: list[tuple[float, int, str]] = []
    # the drop sits at a boundary between two shown characters
    for k in range(1, len(data) // 2):
        head, tail = data[:2 * k], data[2 * k:]
        decoded = _decode_prefix(head)
        if decoded is None:
            continue
        text, partial = decoded
        if len(partial) != 2 or not 0xE1 <= partial[0] <= 0xEF or len(tail) < 2:
            continue
        if not all(0x80 <= b < 0xC0 for b in tail[:2]):
            continue
        # what follows the restored pair: the longest stretch of whole shown
        # characters that is also whole UTF-8 characters
        rest_text, used = None, 0
        for r in range(len(tail) - 2, -1, -2):
            try:
                rest_text, used = tail[2:2 + r].decode("utf-8"), r
                break
            except UnicodeDecodeError:
                continue
        if rest_text is None:
            continue
        candidates = []
        for x in _CONT:
            try:
                c1 = (partial + bytes([x])).decode("utf-8")
            except UnicodeDecodeError:
                continue
            if not is_han(c1):
                continue
            for y in _LEADS:
                c2 = bytes([y]) + tail[:2]
                try:
                    c2 = c2.decode("utf-8")
                except UnicodeDecodeError:
                    continue
                if is_han(c2):
                    candidates.append(text + c1 + c2 + rest_text)
        if not all(is_han(ch) for ch in text + rest_text):
            continue
        stop = end + k + 1 + used // 2
        for cand in candidates:
            best.append((score(repaired[-4:] + cand + line[stop:stop + 4]), stop, cand))
    if len(best) < 1:
        return None
    best.sort(reverse=True)
    if len(best) > 1 and best[0][0] - best[1][0] < MIN_MARGIN:
        return None
    _score, new_end, extra = best[0]
    return _through_lost_byte(line, new_end), extra


def _through_lost_byte(line: str, pos: int) -> int:
    """Past a character cut short by a lost byte (a lead and one continuation
    byte shown as one character, then the decoder's ``?`` or U+FFFD)."""
    if pos + 1 < len(line) and line[pos + 1] in "?\ufffd":
        try:
            data = line[pos].encode("gbk")
        except UnicodeEncodeError:
            return pos
        if len(data) == 2 and 0xE1 <= data[0] <= 0xEF and 0x80 <= data[1] < 0xC0:
            return pos + 2
    return pos
