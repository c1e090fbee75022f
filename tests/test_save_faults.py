"""When saving fails, nothing is lost: a plain sentence, the work stays in memory,
the file on disk is untouched, and "save as" somewhere else still works.

Faults come from the real system where this machine allows it (a folder the user
may not write to, a read-only or full filesystem mounted for the test) and are
otherwise injected at the system call that would fail.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import attrs
import pytest

from circles_tui.core import file_access, file_format
from circles_tui.core.session import Session
from circles_tui.core.file_format import ConflictError, WorkbookFileError
from tests.crash_writer import make_workbook

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


# -- helpers -----------------------------------------------------------------------------


def open_and_edit(folder: Path, people: int = 6) -> tuple[Session, Path, bytes]:
    """A saved workbook, opened, with one unsaved edit."""
    path = folder / "mia.toml"
    file_format.save_workbook(path, make_workbook(people=people))
    on_disk = path.read_bytes()
    session = Session.open(path)
    edited = attrs.evolve(session.workbook, about=attrs.evolve(
        session.workbook.about, practitioner_note="Agreed with Mum: Nanna Jo collects on Fridays."))
    assert session.replace(edited, "Edit note")
    return session, path, on_disk


def assert_failed_safely(session: Session, path: Path, on_disk: bytes | None, phrase: str,
                         error: WorkbookFileError) -> None:
    message = str(error)
    assert phrase in message, message
    assert path.name in message
    assert len(message.splitlines()) == 1 and message.endswith("."), message
    assert "Errno" not in message and "Traceback" not in message
    # The work is still there, still marked unsaved.
    assert session.unsaved
    assert "Nanna Jo collects on Fridays" in session.workbook.about.practitioner_note
    # What was on disk before is exactly what is on disk now, with no temporary file beside it.
    if on_disk is not None:
        assert path.read_bytes() == on_disk
    if path.parent.exists():
        assert list(path.parent.glob(".*.tmp")) == []


def assert_save_as_works(session: Session, tmp_path: Path) -> None:
    good = tmp_path / "somewhere-else"
    good.mkdir(exist_ok=True)
    target = good / "mia-copy.toml"
    session.save_as(target)
    assert not session.unsaved and session.path == target
    assert file_format.read_workbook(target).workbook == session.workbook
    assert target.stat().st_mode & 0o777 == 0o600


@contextmanager
def mounted_tmpfs(where: Path, size: str):
    """A small tmpfs at `where` (needs root and permission to mount), else skip."""
    where.mkdir()
    try:
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs",
                        str(where)], check=True, capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        pytest.skip("cannot mount a tmpfs here (needs root in a machine that allows it)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, timeout=10)


class FailingFile:
    """Wraps a real file: writes part of the data, then fails as a full disk does."""

    def __init__(self, real, error: int) -> None:
        self.real, self.error = real, error

    def write(self, data: bytes) -> int:
        self.real.write(data[: len(data) // 3])
        self.real.flush()
        raise OSError(self.error, os.strerror(self.error))

    def __getattr__(self, name):
        return getattr(self.real, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.real.close()


# -- a folder that cannot be written to ------------------------------------------------


@pytest.mark.skipif(IS_ROOT or not hasattr(os, "geteuid"), reason="root writes through chmod")
def test_read_only_folder_by_permissions(tmp_path):
    session, path, on_disk = open_and_edit(tmp_path)
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(WorkbookFileError) as caught:
            session.save()
    finally:
        tmp_path.chmod(0o700)
    assert_failed_safely(session, path, on_disk, "permission to save in this folder", caught.value)
    assert_save_as_works(session, tmp_path)


def test_read_only_filesystem_for_real(tmp_path):
    """A filesystem remounted read-only refuses even root, with EROFS."""
    with mounted_tmpfs(tmp_path / "stick", "1m") as stick:
        session, path, on_disk = open_and_edit(stick)
        subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True, timeout=10)
        with pytest.raises(WorkbookFileError) as caught:
            session.save()
        assert_failed_safely(session, path, on_disk, "cannot be written to", caught.value)
        assert_save_as_works(session, tmp_path)


@pytest.mark.parametrize("error, phrase", [
    (PermissionError(errno.EACCES, "Permission denied"), "permission to save in this folder"),
    (OSError(errno.EROFS, "Read-only file system"), "cannot be written to"),
])
def test_no_temporary_file_allowed(tmp_path, monkeypatch, error, phrase):
    session, path, on_disk = open_and_edit(tmp_path)

    def refuse(*args, **kwargs):
        raise error

    monkeypatch.setattr(file_access.tempfile, "mkstemp", refuse)
    with pytest.raises(WorkbookFileError) as caught:
        session.save()
    assert_failed_safely(session, path, on_disk, phrase, caught.value)
    monkeypatch.undo()
    assert_save_as_works(session, tmp_path)


@pytest.mark.parametrize("code, phrase", [
    (errno.EACCES, "cannot be written to"),
    (errno.EPERM, "cannot be written to"),
    (errno.EROFS, "cannot be written to"),
])
def test_replacing_the_file_refused(tmp_path, monkeypatch, code, phrase):
    session, path, on_disk = open_and_edit(tmp_path)

    def refuse(source, target):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(file_access.os, "replace", refuse)
    with pytest.raises(WorkbookFileError) as caught:
        session.save()
    assert_failed_safely(session, path, on_disk, phrase, caught.value)
    monkeypatch.undo()
    # Once the folder can be written again, saving in place simply works.
    session.save()
    assert file_format.read_workbook(path).workbook == session.workbook


# -- a full disk -------------------------------------------------------------------------


def test_full_disk_for_real(tmp_path):
    with mounted_tmpfs(tmp_path / "small", "64k") as small:
        session, path, on_disk = open_and_edit(small, people=3)
        # Add far more than the disk has room for.
        big = attrs.evolve(session.workbook, about=attrs.evolve(
            session.workbook.about,
            practitioner_note=session.workbook.about.practitioner_note + " more" * 40_000))
        session.replace(big, "Long note")
        with pytest.raises(WorkbookFileError) as caught:
            session.save()
        assert_failed_safely(session, path, on_disk, "the disk is full", caught.value)
        assert_save_as_works(session, tmp_path)


def test_full_disk_while_writing(tmp_path, monkeypatch):
    session, path, on_disk = open_and_edit(tmp_path)
    real_fdopen = os.fdopen
    monkeypatch.setattr(file_access.os, "fdopen",
                        lambda fd, *a, **k: FailingFile(real_fdopen(fd, *a, **k), errno.ENOSPC))
    with pytest.raises(WorkbookFileError) as caught:
        session.save()
    assert_failed_safely(session, path, on_disk, "the disk is full", caught.value)
    monkeypatch.undo()
    assert_save_as_works(session, tmp_path)


@pytest.mark.parametrize("code, phrase", [
    (errno.ENOSPC, "the disk is full"),
    (errno.EDQUOT, "could not be saved"),
    (errno.EIO, "could not be saved (Input/output error)"),
])
def test_failure_when_flushing_to_disk(tmp_path, monkeypatch, code, phrase):
    session, path, on_disk = open_and_edit(tmp_path)

    def fail(fd):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(file_access.os, "fsync", fail)
    with pytest.raises(WorkbookFileError) as caught:
        session.save()
    assert_failed_safely(session, path, on_disk, phrase, caught.value)
    monkeypatch.undo()
    assert_save_as_works(session, tmp_path)


# -- a folder that vanished -----------------------------------------------------------


def test_folder_deleted_after_opening(tmp_path):
    folder = tmp_path / "memory-stick"
    folder.mkdir()
    session, path, _ = open_and_edit(folder)
    shutil.rmtree(folder)
    with pytest.raises(ConflictError) as caught:
        session.save()
    assert_failed_safely(session, path, None, "moved or deleted", caught.value)
    assert not folder.exists()  # saving did not quietly make the folder again
    assert_save_as_works(session, tmp_path)


def test_folder_renamed_after_opening(tmp_path):
    folder = tmp_path / "cases"
    folder.mkdir()
    session, path, on_disk = open_and_edit(folder)
    folder.rename(tmp_path / "cases-2025")
    with pytest.raises(WorkbookFileError) as caught:
        session.save()
    assert_failed_safely(session, path, None, "moved or deleted", caught.value)
    assert (tmp_path / "cases-2025" / "mia.toml").read_bytes() == on_disk
    assert_save_as_works(session, tmp_path)


def test_writing_into_a_folder_that_is_gone(tmp_path):
    """The storage layer on its own (used by export too) says the folder is gone."""
    path = tmp_path / "gone" / "mia.toml"
    with pytest.raises(WorkbookFileError) as caught:
        file_format.write_atomically(path, b"anything")
    message = str(caught.value)
    assert "the folder for this file no longer exists." in message and "mia.toml" in message
    assert not (tmp_path / "gone").exists()


def test_a_failed_save_then_a_good_one_keeps_undo(tmp_path, monkeypatch):
    """Failing to save changes nothing about the history: undo still steps back."""
    session, path, on_disk = open_and_edit(tmp_path)
    monkeypatch.setattr(file_access.os, "fsync", lambda fd: (_ for _ in ()).throw(
        OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(WorkbookFileError):
        session.save()
    monkeypatch.undo()
    assert session.can_undo
    session.save()
    assert file_format.read_workbook(path).workbook == session.workbook
    assert session.undo() == "Edit note"
    session.save()
    assert path.read_bytes() == on_disk
