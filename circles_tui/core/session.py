"""An open workbook: its history for undo and redo, and its link to the file on disk.

No Textual here, so the app's behaviour under edits, undo and saving can be
tested and benchmarked without a terminal. Because workbooks are immutable, the
history is simply the list of workbooks that came before, each sharing the parts
that did not change with its neighbours.
"""

from __future__ import annotations

import time
from collections import deque
from pathlib import Path

import attrs

from circles_tui.core import file_format
from circles_tui.core.edits import Operation
from circles_tui.core.model import Workbook

HISTORY_LIMIT = 200  # undo steps kept; a session rarely has more edits than this


@attrs.frozen
class Change:
    """A workbook as it was before or after an edit, with a description of the edit."""

    workbook: Workbook
    label: str


class Session:
    """The workbook being worked on, where it lives, and what can be undone."""

    def __init__(
        self, workbook: Workbook, path: Path | None = None, fingerprint: str | None = None
    ) -> None:
        self.workbook = workbook
        self.path = path
        # What the file held when we last read or wrote it; None for a file not yet made.
        self.fingerprint = fingerprint
        self.read_only = False
        self._undo: deque[Change] = deque(maxlen=HISTORY_LIMIT)
        self._redo: list[Change] = []
        self.unsaved = path is not None and fingerprint is None
        self.saved_at: float | None = None  # time.time() of the last save
        self.version = 0  # counts edits, for telling whether a save is still current

    @classmethod
    def open(cls, path: Path) -> Session:
        opened = file_format.read_workbook(path)
        return cls(opened.workbook, path, opened.fingerprint)

    # -- editing -----------------------------------------------------------------------

    def apply(self, operation: Operation, label: str) -> bool:
        """Apply an edit (see `core.edits`) to the current workbook. Returns False when it
        changed nothing; lets `EditRefused` through for the caller to tell."""
        return self.replace(operation(self.workbook), label)

    def replace(self, workbook: Workbook, label: str) -> bool:
        """Make `workbook` the current one (a reload, a whole new value). False when unchanged."""
        if workbook is self.workbook or workbook == self.workbook:
            return False
        self._undo.append(Change(self.workbook, label))
        self._redo.clear()
        self._set(workbook)
        return True

    def undo(self) -> str | None:
        """Step back one edit; returns what was undone, or None when there is nothing."""
        if not self._undo:
            return None
        change = self._undo.pop()
        self._redo.append(Change(self.workbook, change.label))
        self._set(change.workbook)
        return change.label

    def redo(self) -> str | None:
        if not self._redo:
            return None
        change = self._redo.pop()
        self._undo.append(Change(self.workbook, change.label))
        self._set(change.workbook)
        return change.label

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def _set(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.unsaved = True
        self.version += 1

    # -- the file ------------------------------------------------------------------------

    def save(self) -> None:
        """Write the workbook to its file. Raises storage errors, ConflictError among them."""
        if self.path is None:
            raise file_format.WorkbookFileError("(no file)", "choose where to save this workbook.")
        if self.read_only:
            raise file_format.WorkbookFileError(
                str(self.path), "this workbook is open read-only; save it as a new file."
            )
        self.fingerprint = file_format.save_workbook(self.path, self.workbook, self.fingerprint)
        self.unsaved = False
        self.saved_at = time.time()

    def save_as(self, path: Path, overwrite: bool = False) -> None:
        """Write to a new file and carry on working there."""
        expected = file_format.current_fingerprint(path) if overwrite else None
        self.fingerprint = file_format.save_workbook(path, self.workbook, expected)
        self.path = path
        self.read_only = False
        self.unsaved = False
        self.saved_at = time.time()

    def reload(self) -> None:
        """Replace the workbook with what is on disk now; the edit can be undone."""
        assert self.path is not None
        opened = file_format.read_workbook(self.path)
        self.replace(opened.workbook, "Reload from disk")
        self.fingerprint = opened.fingerprint
        self.unsaved = False
