"""Workbook files: read and check TOML, write it back deterministically and atomically.

No Textual or Rich here. This is the front door; the work is done by
`file_access` (bytes on disk: safe reads, atomic writes, fingerprints),
`workbook_reader` (text to a checked Workbook), `workbook_writer` (a Workbook to
text) and `toml_lines` (which line a problem is on). Every problem with a file
becomes a `WorkbookFileError` carrying the file, the line where known, the key path
and one sentence a practitioner can act on. Reading never writes.
"""

from __future__ import annotations

import os
from pathlib import Path

import attrs

from circles_tui.core.file_access import (
    FILE_MODE,
    MAX_FILE_BYTES,
    current_fingerprint,
    fingerprint,
    read_regular_file,
    real_file,
    write_atomically,
)
from circles_tui.core.file_errors import ConflictError, WorkbookFileError
from circles_tui.core.model import Workbook
from circles_tui.core.workbook_reader import parse_workbook
from circles_tui.core.workbook_writer import dumps, forget_formatted_records

__all__ = [
    "FILE_MODE", "MAX_FILE_BYTES", "ConflictError", "Opened", "WorkbookFileError",
    "current_fingerprint", "dumps", "fingerprint", "forget_formatted_records",
    "parse_workbook", "read_workbook", "real_file", "save_workbook", "write_atomically",
]


@attrs.frozen
class Opened:
    """A workbook and a fingerprint of the bytes it came from, for spotting later changes."""

    workbook: Workbook
    fingerprint: str


def read_workbook(path: str | os.PathLike) -> Opened:
    """Read and check a workbook file. Raises WorkbookFileError; never writes."""
    data = read_regular_file(path)
    return Opened(parse_workbook(data, str(path)), fingerprint(data))


def save_workbook(
    path: str | os.PathLike, workbook: Workbook, expected: str | None = None,
    check: bool = True,
) -> str:
    """Write a workbook atomically and return the new fingerprint.

    With `check`, refuse (ConflictError) when the file on disk is not the one we read,
    i.e. its fingerprint differs from `expected` (None means: there should be no file).
    """
    path = Path(path)
    data = dumps(workbook).encode("utf-8")
    if check:
        on_disk = current_fingerprint(path)
        if on_disk != expected:
            problem = (
                "the file changed on disk since it was opened, perhaps in another copy of "
                "circles-tui; reload it, or save your work as a new file."
                if on_disk is not None
                else "the file was moved or deleted since it was opened; save your work as a "
                "new file."
            ) if expected is not None else "a file with this name already exists."
            raise ConflictError(str(path), problem)
    write_atomically(path, data)
    return fingerprint(data)
