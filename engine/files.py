"""Reading the files a user names, below every stage: regular files only, never more than a cap.

A named pipe, a device or a socket given where a file is expected is refused before it is opened:
opening a pipe waits for a writer, and reading `/dev/zero` never ends. Takes a path and a cap in
bytes; returns the file's bytes or raises `InputError` with a reason a person can act on.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from engine.errors import InputError

# What each kind of file that is not a regular one is, in the words of the error line.
OTHER_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def not_regular_reason(mode: int, noun: str) -> str | None:
    """Why a file of this mode cannot be read as a `noun`, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return f"is a folder, not a {noun}"
    kind = next((name for test, name in OTHER_KINDS if test(mode)), "not a file")
    return f"not a regular file ({kind})"


def read_regular_file(path: str | Path, max_bytes: int, noun: str = "file") -> bytes:
    """The bytes of a regular file of at most `max_bytes`. `noun` names what the file should be
    in the reasons ("is a folder, not a letter file")."""
    try:
        # Looked at before it is opened: opening a named pipe would wait for a writer.
        reason = not_regular_reason(os.stat(path).st_mode, noun)
        if reason:
            raise InputError(path, reason)
        # O_NONBLOCK: should the file be swapped for a pipe between the look and the open, the
        # open returns at once, and the look at what was opened below refuses it.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    with os.fdopen(descriptor, "rb") as opened:
        try:
            status = os.fstat(descriptor)
            reason = not_regular_reason(status.st_mode, noun)
            if reason:
                raise InputError(path, reason)
            if status.st_size > max_bytes:
                raise InputError(path, too_big(status.st_size, max_bytes, noun))
            return read_at_most(opened, path, max_bytes, noun, status.st_size)
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror or exc}") from None


def read_at_most(
    stream: BinaryIO, name: str | Path, max_bytes: int, noun: str, size: int | None = None
) -> bytes:
    """All of a stream, refused once it passes `max_bytes` (a file that grew since its size was
    looked at, or standard input, whose size is known only by reading it). `size`: the size the
    file had when looked at, read first: a read of `max_bytes` sets aside that much memory
    (20 MiB for a letter of a few kilobytes), which cost a letter's audit a hundredth of its
    time."""
    if size is not None and size < max_bytes:
        data = stream.read(size + 1)
        if len(data) > size:  # it grew since it was looked at: the rest, up to the cap
            data += stream.read(max_bytes + 1 - len(data))
    else:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        limit_mib = max_bytes // 2**20
        raise InputError(name, f"more than {limit_mib} MiB; a {noun} is at most {limit_mib} MiB")
    return data


def too_big(size: int, max_bytes: int, noun: str) -> str:
    return f"file is {size / 2**20:.1f} MiB; a {noun} is at most {max_bytes // 2**20} MiB"
