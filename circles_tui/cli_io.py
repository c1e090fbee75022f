"""Where the `circles` command reads its files and writes its results.

`-` means standard input (for a workbook to read) or standard output (for what is
written). A regular file is replaced atomically, as the app saves. Anything else
at an output's path is never replaced: a named pipe or a device such as
/dev/null is written into as it is, and a folder or a disk is refused with one
sentence. No Textual here.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

STANDARD = "-"
STANDARD_INPUT = "standard input"  # how `-` is named in messages


class UsageError(Exception):
    """The command was asked for something it cannot do; the message is one sentence."""


def is_standard(path: Path | str | None) -> bool:
    return path is not None and str(path) == STANDARD


def display_name(path: Path | str) -> str:
    return STANDARD_INPUT if is_standard(path) else str(path)


def read_workbook(path: Path):
    """The workbook at `path`, or on standard input for `-`. Raises WorkbookFileError."""
    from circles_tui.core import file_format

    if not is_standard(path):
        return file_format.read_workbook(path).workbook
    data = sys.stdin.buffer.read(file_format.MAX_FILE_BYTES + 1)
    if len(data) > file_format.MAX_FILE_BYTES:
        raise file_format.WorkbookFileError(
            STANDARD_INPUT, "the input is too large to be a workbook (over 20 MB).")
    return file_format.parse_workbook(data, STANDARD_INPUT)


def write(path: Path | None, data: bytes, *, new: bool = False) -> str:
    """Write `data` to `path` (standard output for None or `-`) and say where, for a message.

    With `new`, an existing regular file is refused rather than replaced.
    """
    from circles_tui.core import file_format

    if path is None or is_standard(path):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return "standard output"
    target = Path(os.path.realpath(path))  # a link to a file: write the file, keep the link
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise UsageError(f"{path} cannot be written to ({error.strerror}).") from None
    if mode is None or stat.S_ISREG(mode):
        if new and mode is not None:
            raise UsageError(f"{path} already exists; choose another name.")
        file_format.write_atomically(target, data)
    elif stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        _write_into(path, data)
    elif stat.S_ISDIR(mode):
        raise UsageError(f"{path} is a folder; give the name of a file to write.")
    else:
        raise UsageError(f"{path} is not a file (a disk or a socket), so nothing was written to it.")
    return str(path)


def _write_into(path: Path, data: bytes) -> None:
    """Write into a pipe or device as it is: never replace it, never truncate it."""
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise UsageError(f"{path} cannot be written to ({error.strerror}).") from None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def end_quietly_on_closed_pipe() -> None:
    """After the reader of our output went away (`circles diff A B | head -1`): send
    anything still buffered for standard output nowhere, so Python's own flush at exit
    finds no closed pipe either."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
