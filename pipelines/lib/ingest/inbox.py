"""Inbox folders: the files under a folder, their names as text, and the bytes of the regular ones.

Only regular files are read. A FIFO, socket, device or directory is refused without being opened
for reading (and a file is opened non-blocking and checked again once open, so one swapped for a
FIFO after the listing never blocks). A symbolic link is followed only to a file inside the inbox.

A name that is not UTF-8 is kept losslessly: each byte that is not UTF-8 is written ``\\xNN`` and a
backslash ``\\\\``, so no two files share a name and ``name_bytes`` gives the original back.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFDIR: "a directory",
}
ESCAPE = re.compile(rb"\\(\\|x[0-9a-f]{2})")


class InboxRefusal(Exception):
    """An inbox file that is not read; ``reason`` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def inbox_files(folder: Path) -> Iterator[tuple[Path, str]]:
    """Every file under ``folder`` with its relative name as text, hidden files and folders left out."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                path = Path(root) / name
                yield path, file_name(path.relative_to(folder).as_posix())


def file_name(relative: str) -> str:
    """A relative path as the operating system gave it (undecodable bytes as surrogates), as plain text."""
    raw = os.fsencode(relative)
    return raw.replace(b"\\", b"\\\\").decode("utf-8", errors="backslashreplace")


def name_bytes(name: str) -> bytes:
    """The file name (as bytes) that a name made by ``file_name`` stands for."""
    return ESCAPE.sub(lambda match: b"\\" if match[1] == b"\\" else bytes([int(match[1][1:], 16)]), name.encode())


def file_status(path: Path) -> os.stat_result:
    """The status of the file (of the link itself when it leads nowhere); never opens it."""
    try:
        return path.stat()
    except OSError:
        return path.lstat()


def read_inbox_file(path: Path, folder: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of the inbox; InboxRefusal for anything else, or one over ``max_bytes``."""
    target = _target(path, folder)
    try:
        _check_regular(os.stat(target, follow_symlinks=False), max_bytes)
        descriptor = os.open(target, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
        with open(descriptor, "rb") as file:
            _check_regular(os.fstat(descriptor), max_bytes)  # the file opened is the file checked
            content = file.read(max_bytes + 1)
    except OSError as error:
        raise InboxRefusal(f"unreadable: {error.strerror or error}") from None
    if len(content) > max_bytes:
        raise InboxRefusal(f"oversized input: more than {max_bytes} bytes (WARTA_MAX_BYTES)")
    return content


def _target(path: Path, folder: Path) -> Path:
    """The file a path stands for: itself, or the file inside the inbox its symbolic link leads to."""
    if not path.is_symlink():
        return path
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise InboxRefusal("refused: a symbolic link that leads to no file") from None
    if not target.is_relative_to(folder.resolve()):
        raise InboxRefusal("refused: a symbolic link to a file outside the inbox")
    return target


def _check_regular(status: os.stat_result, max_bytes: int) -> None:
    if not stat.S_ISREG(status.st_mode):
        kind = KINDS.get(stat.S_IFMT(status.st_mode), "not a file")
        raise InboxRefusal(f"refused: not a regular file ({kind})")
    if status.st_size > max_bytes:
        raise InboxRefusal(f"oversized input: {status.st_size} bytes, the limit is {max_bytes} (WARTA_MAX_BYTES)")
