"""Workbook bytes on disk: read without hanging, write atomically, fingerprint.

No Textual or Rich here. Reading opens only regular files (a symlink is followed to its
target), never waits on a pipe or device, and reads at most `MAX_FILE_BYTES`. Writing
goes through a temporary file beside the real file and then replaces it, so a crash
leaves either the old file or the new one; a symlink is kept and its target replaced.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import tempfile
from pathlib import Path

from circles_tui.core import owner_only
from circles_tui.core.file_errors import WorkbookFileError

MAX_FILE_BYTES = 20 * 1024 * 1024  # a real workbook is a few hundred kilobytes at most
FILE_MODE = owner_only.FILE_MODE  # owner-only: workbooks are about children
TOO_LARGE = "the file is too large to be a workbook (over 20 MB)."
NOT_A_FILE = "this is not an ordinary file (it is a device, a pipe or a socket), so it cannot be read."
# Opening a pipe for reading waits for a writer unless told not to; files ignore the flag.
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def current_fingerprint(path: Path) -> str | None:
    """The fingerprint of what is on disk now, or None when there is no file."""
    try:
        return fingerprint(read_regular_file(path, missing_ok=True))
    except _Missing:
        return None


class _Missing(Exception):
    pass


def read_regular_file(path: str | os.PathLike, limit: int = MAX_FILE_BYTES,
                      missing_ok: bool = False) -> bytes:
    """The bytes of the regular file at `path` (following symlinks), at most `limit` of them.

    Anything else (a folder, a pipe, a device, a socket), a bigger file, or a file that
    cannot be read raises WorkbookFileError with one sentence naming `path`.
    """
    name = str(path)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        if missing_ok:
            raise _Missing from None
        raise WorkbookFileError(name, "there is no file with this name.") from None
    except OSError as error:
        raise WorkbookFileError(name, _read_problem(error)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise WorkbookFileError(name, "this is a folder, not a workbook file.")
        if not stat.S_ISREG(info.st_mode):
            raise WorkbookFileError(name, NOT_A_FILE)
        if info.st_size > limit:
            raise WorkbookFileError(name, TOO_LARGE)
        chunks, size = [], 0
        while size <= limit:  # the file may grow while we read it
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise WorkbookFileError(name, TOO_LARGE)
        return b"".join(chunks)
    except OSError as error:
        raise WorkbookFileError(name, _read_problem(error)) from None
    finally:
        os.close(fd)


def _read_problem(error: OSError) -> str:
    if error.errno in (errno.EACCES, errno.EPERM):
        return "you do not have permission to read this file."
    if error.errno == errno.EISDIR:
        return "this is a folder, not a workbook file."
    if error.errno in (errno.ENXIO, errno.ENODEV, errno.EOPNOTSUPP):  # a socket, a device
        return NOT_A_FILE
    return f"the file could not be read ({error.strerror or error})."


def real_file(path: str | os.PathLike) -> Path:
    """Where the bytes of `path` live: the target of a symlink (however many deep), else
    `path` itself. Saves replace this file, and its lock sits beside it."""
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def write_atomically(path: str | os.PathLike, data: bytes) -> None:
    """Replace the file at `path` (a symlink's target) with `data`, so that a crash leaves
    either the old file or the new one. The file is owner-only."""
    shown = str(path)
    target = real_file(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise WorkbookFileError(shown, "the folder for this file no longer exists.") from None
    except PermissionError:
        raise WorkbookFileError(shown, "you do not have permission to save in this folder.") from None
    except OSError as error:
        raise WorkbookFileError(shown, _write_problem(error)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            owner_only.restrict(stream.fileno(), temporary)  # workbooks are about children
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise WorkbookFileError(shown, _write_problem(error)) from None
    _sync_folder(folder)


def _write_problem(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "the disk is full, so nothing was saved; free some space or save elsewhere."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "this folder cannot be written to; save your work somewhere else."
    if error.errno == errno.ENOENT:
        return "the folder for this file no longer exists."
    return f"the file could not be saved ({error.strerror or error})."


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
