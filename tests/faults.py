"""Builders of hostile inputs for the reliability tests (bad files, a mixed tree)."""
from __future__ import annotations

import os
import shutil
import socket
import struct
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

MB = 1024 * 1024


def _png() -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b""))


#: name -> bytes of a file that must be reported as an error, with a word its reason must contain
BINARY_FILES = {
    "nul.txt": (b"\xe6\x96\x87\x00\x00\x00abc\x00" * 50, "binary"),
    "image.png": (_png(), "PNG"),
    "photo.jpg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4, "JPEG"),
    "anim.gif": (b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + bytes(range(256)), "GIF"),
    "archive.zip": (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 2, "ZIP"),
    "text.gz": (b"\x1f\x8b\x08\x00" + zlib.compress("中文".encode() * 100), "gzip"),
    "doc.pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n\x00\x00", "PDF"),
    "prog.bin": (b"\x7fELF\x02\x01\x01\x00" + bytes(64), "ELF"),
    "data.xz": (b"\xfd7zXZ\x00\x00\x04" + bytes(range(256)), "xz"),
    "data.sqlite": (b"SQLite format 3\x00" + bytes(100), "SQLite"),
    "bad-utf16.txt": (b"\xff\xfe" + b"\x00\xd8a\x00", "byte-order mark"),
    "bad-utf32.txt": (b"\xff\xfe\x00\x00" + b"\x00\x00\x11\x00" * 3, "byte-order mark"),
    "empty.txt": (b"", "empty"),
}


def build_bad_tree(root: Path, *, big: bool = True) -> dict[str, str]:
    """Create every kind of bad file under ``root``; return {relative name: expected reason word}.

    The names are file-system names (``os.fsdecode``), as the run reports them
    before escaping.
    """
    root.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str] = {}
    for name, (data, word) in BINARY_FILES.items():
        (root / name).write_bytes(data)
        expected[name] = word
    # bytes that no supported encoding reads: invalid UTF-8, and GB18030/Big5 reject 0x80/0xFF leads
    (root / "undecodable.txt").write_bytes(bytes(range(128, 256)))
    expected["undecodable.txt"] = "not valid in any supported encoding"
    if big:
        # 200 MB, sparse: created instantly, refused from its size alone
        with open(root / "huge.txt", "wb") as handle:
            handle.truncate(200 * MB)
        expected["huge.txt"] = "too large"
        # 50 MB in one line (real bytes: ~0.1 s to write)
        (root / "oneline.txt").write_bytes("中文内容".encode() * (50 * MB // 12))
        expected["oneline.txt"] = "line too long"
    os.symlink("nowhere.txt", root / "broken-link.txt")
    expected["broken-link.txt"] = "broken symbolic link"
    os.symlink("loop-b.txt", root / "loop-a.txt")
    os.symlink("loop-a.txt", root / "loop-b.txt")
    expected["loop-a.txt"] = expected["loop-b.txt"] = "symbolic link loop"
    os.mkfifo(root / "pipe.txt")
    expected["pipe.txt"] = "named pipe"
    os.symlink("/dev/zero", root / "zero.txt")
    expected["zero.txt"] = "character device"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(root / "sock.txt"))
        expected["sock.txt"] = "socket"
    finally:
        sock.close()
    # odd names: a space, a newline, bytes that are not UTF-8 (these hold bad content too)
    (root / "with space.bin").write_bytes(b"\x00\x01\x02binary")
    expected["with space.bin"] = "binary"
    newline_name = "new\nline.txt"
    (root / newline_name).write_bytes(b"")
    expected[newline_name] = "empty"
    raw_name = os.fsdecode(b"gbk-\xd6\xd0\xce\xc4.txt")
    (root / raw_name).write_bytes(b"\x00" * 10)
    expected[raw_name] = "binary"
    # a symlink to a directory that contains itself: not followed, no loop
    (root / "sub").mkdir()
    os.symlink("..", root / "sub" / "up")
    return expected


def copy_seeds(dst: Path) -> list[str]:
    dst.mkdir(parents=True, exist_ok=True)
    names = []
    for seed in sorted(SEEDS.iterdir()):
        if seed.is_file():
            shutil.copy2(seed, dst / seed.name)
            names.append(seed.name)
    return names


def tree_bytes(root: Path, skip_hidden: bool = True) -> dict[str, bytes]:
    """Every regular file under ``root`` (reports included) as {relative path: bytes}."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if skip_hidden and any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        if path.is_file() and not path.is_symlink():
            out[rel] = path.read_bytes()
    return out


#: a document holding this never finishes cleaning
STALL = "卡住"
#: a document holding this kills the process cleaning it
CRASH = "崩溃"


def stalling_or_crashing(real_clean):
    """``real_clean`` wrapped so that a text with :data:`STALL` never returns and one
    with :data:`CRASH` kills its process with SIGKILL (for worker supervision tests)."""
    import signal
    import time

    def faulty(text, **kw):
        if STALL in text:
            while True:
                time.sleep(0.05)
        if CRASH in text:
            os.kill(os.getpid(), signal.SIGKILL)
        return real_clean(text, **kw)

    return faulty

