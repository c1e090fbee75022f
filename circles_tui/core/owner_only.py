"""Files and folders only their owner can read, on Windows, macOS and Linux.

Workbooks, lock files, the recent list and preferences are about children or
the person using the app, so each is made readable by its owner only where the
system has POSIX modes (mode 0600, folders 0700). Windows has no such modes:
`os.chmod` there only sets the read-only flag, and `os.fchmod` exists only from
Python 3.13. A file there gets its folder's access list, which in the user's
own folders already shuts other users out. So on Windows these functions make
the file or folder and leave its permissions to the system. No Textual here.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
POSIX = os.name == "posix"


def restrict(fd: int, path: str | os.PathLike) -> None:
    """Make the open file `fd` (whose name is `path`) owner-only, where modes exist."""
    if not POSIX:
        return
    fchmod = getattr(os, "fchmod", None)
    if fchmod is not None:
        fchmod(fd, FILE_MODE)
    else:  # a POSIX Python built without fchmod: the name does as well
        os.chmod(path, FILE_MODE)


def restrict_path(path: str | os.PathLike) -> None:
    """Make the file at `path` owner-only, where modes exist."""
    if POSIX:
        os.chmod(path, FILE_MODE)


def make_folder(path: Path) -> None:
    """Make `path` and its parents if missing; a new folder is owner-only where modes exist."""
    path.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
