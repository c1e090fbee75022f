"""Saving as you go: the autosave timer, Save and Save as, a file changed on disk, the
lock that keeps a second copy read-only, and the status line that says where the work is.

`Saving` is a mixin for `CirclesApp`, which holds `session` and the `save_status`
reactive; it keeps the app module to the App's own job.
"""

from __future__ import annotations

import time
from pathlib import Path

from textual.timer import Timer

from circles_tui.core import file_format
from circles_tui.core.session import Session

AUTOSAVE_DELAY = 0.4  # seconds after the last edit; the brief promises a save within a second


class Saving:
    """App mixin: the open workbook's file, kept up to date and locked."""

    session: Session | None
    _lock = None
    _save_timer: Timer | None = None
    _asking_about_conflict = False  # a ConflictDialog is open

    def _take_lock(self, session: Session) -> None:
        """Stop two copies writing one file: a second copy opens read-only."""
        try:
            from circles_tui.core import lock
        except ImportError:  # pragma: no cover - lock support ships with the package
            return
        if session.path is None:
            return
        try:
            self._lock = lock.acquire(session.path)
        except lock.LockedError as error:
            session.read_only = True
            self.notify(str(error) + " It is open read-only: use Save as (F12) to keep changes.",
                        title="Opened read-only", severity="warning", timeout=20, markup=False)
        except OSError:
            self._lock = None  # a folder we cannot write a lock in; saving will say so

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _autosave(self) -> None:
        self._save_timer = None
        if self.session is not None and self.session.unsaved and not self.session.read_only:
            self.save_now(quiet=True)

    def save_now(self, quiet: bool = False) -> bool:
        """Save at once. Problems are told in one sentence; the work stays in memory."""
        session = self.session
        if session is None:
            return True
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        try:
            session.save()
        except file_format.ConflictError as error:
            self._on_conflict(error)
            return False
        except file_format.WorkbookFileError as error:
            self.notify(error.sentence() + " Your work is safe in memory: use Save as (F12).",
                        title="Not saved", severity="error", timeout=20, markup=False)
            self._update_save_status()
            return False
        self._update_save_status()
        if not quiet:
            self.notify("Saved.", timeout=2)
        return True

    def action_save(self) -> None:
        if self.session is not None and self.session.read_only:
            self.action_save_as()
            return
        self.save_now()

    def action_save_as(self) -> None:
        if self.session is None:
            return
        from circles_tui.dialogs.save_as import SaveAsDialog

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.save_as(path)

        self.push_screen(SaveAsDialog(self.session.path), chosen)

    def save_as(self, path: Path) -> bool:
        assert self.session is not None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.session.save_as(path, overwrite=False)
        except file_format.WorkbookFileError as error:
            self.notify(error.sentence(), title="Not saved", severity="error", timeout=15,
                        markup=False)
            return False
        except OSError as error:
            self.notify(f"{path}: {error.strerror}.", title="Not saved", severity="error",
                        timeout=15, markup=False)
            return False
        self._release_lock()
        self._take_lock(self.session)
        from circles_tui.core import recent_files

        recent_files.remember(path)
        self._update_save_status()
        self.notify(f"Saved as {path}.", timeout=4, markup=False)
        return True

    def _on_conflict(self, error: file_format.ConflictError) -> None:
        def decided(choice: str | None) -> None:
            assert self.session is not None
            self._asking_about_conflict = False
            if choice == "reload":
                try:
                    self.session.reload()
                except file_format.WorkbookFileError as problem:
                    self.notify(problem.sentence(), severity="error", timeout=15, markup=False)
                    return
                self._update_save_status()
                self.workbook = self.session.workbook
                self.notify("Reloaded from disk. Ctrl+Z brings back your version.", timeout=6)
            elif choice == "save-as":
                self.action_save_as()

        self._update_save_status()
        if not self._asking_about_conflict:
            self._asking_about_conflict = True
            from circles_tui.dialogs.conflict import ConflictDialog  # rarely needed

            self.push_screen(ConflictDialog(error.sentence()), decided)

    def _update_save_status(self) -> None:
        session = self.session
        if session is None:
            self.save_status = ""
            return
        where = session.path.name if session.path else "not saved yet"
        if session.read_only:
            state = "read-only"
        elif session.unsaved:
            state = "saving…" if self._save_timer is not None else "not saved"
        elif session.saved_at:
            state = "saved " + clock(session.saved_at)
        else:
            state = "opened " + clock(time.time())
        self.save_status = f"{where} · {state}"


def clock(seconds: float) -> str:
    """A time of day for the status bar (tests pin it, so screenshots stay the same)."""
    return time.strftime("%H:%M:%S", time.localtime(seconds))
