"""Saves and locks on every system: Windows before Python 3.13 has no `os.fchmod`,
and Windows asks its own kernel whether a lock's process is still running."""

from __future__ import annotations

import ctypes
import json
import os
import socket
import stat
import subprocess
import sys
from datetime import datetime, timezone

import pytest

from circles_tui.core import lock, owner_only, processes, recent_files
from circles_tui.core.file_format import read_workbook, save_workbook


def test_saving_works_without_fchmod_and_is_still_owner_only(tmp_path, monkeypatch, complete_example):
    monkeypatch.delattr(os, "fchmod")
    path = tmp_path / "mia.toml"
    save_workbook(path, complete_example, expected=None)
    assert read_workbook(path).workbook == complete_example
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["mia.toml"]  # no .tmp left behind


def test_saving_where_there_are_no_modes_leaves_permissions_to_the_system(
    tmp_path, monkeypatch, complete_example
):
    """Windows: no chmod at all, and the save still happens."""
    monkeypatch.setattr(owner_only, "POSIX", False)
    monkeypatch.delattr(os, "fchmod")
    chmods = []
    monkeypatch.setattr(os, "chmod", lambda *args, **kwargs: chmods.append(args))
    path = tmp_path / "mia.toml"
    save_workbook(path, complete_example, expected=None)
    assert read_workbook(path).workbook == complete_example
    assert chmods == []


def test_the_recent_list_folder_is_owner_only(tmp_path):
    workbook = tmp_path / "mia.toml"
    workbook.write_text("# a workbook\n")
    recent_files.remember(workbook)
    folder = recent_files.recent_file().parent
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(recent_files.recent_file().stat().st_mode) == 0o600


class FakeKernel32:
    """The three kernel32 calls the lock makes, answering for a given set of running processes."""

    STILL_ACTIVE = 259
    ERROR_INVALID_PARAMETER = 87  # what OpenProcess says for a process that is gone

    def __init__(self, running: set[int]) -> None:
        self.running = running
        self.opened: list[int] = []
        self.closed: list[int] = []

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:  # noqa: N802 - Windows' names
        self.opened.append(pid)
        return pid if pid in self.running else 0

    def GetLastError(self) -> int:  # noqa: N802
        return self.ERROR_INVALID_PARAMETER

    def GetExitCodeProcess(self, handle: int, code) -> int:  # noqa: N802
        code._obj.value = self.STILL_ACTIVE  # `code` is ctypes.byref(c_ulong)
        return 1

    def CloseHandle(self, handle: int) -> int:  # noqa: N802
        self.closed.append(handle)
        return 1


@pytest.fixture
def windows(monkeypatch):
    """Run the lock's Windows branch: sys.platform says win32 and ctypes has a windll."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    kernel32 = FakeKernel32(running={child.pid})
    monkeypatch.setattr(processes.sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", type("WinDLL", (), {"kernel32": kernel32}), raising=False)
    monkeypatch.setattr(processes, "boot_id", lambda: "")  # Windows has no boot id file
    yield kernel32, child.pid
    child.kill()
    child.wait()


def write_lock(workbook, pid: int) -> None:
    record = {"app": "circles-tui", "host": socket.gethostname(), "pid": pid, "user": "sam",
              "since": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    lock.lock_path(workbook).write_text(json.dumps(record))


def test_on_windows_a_lock_whose_process_runs_is_kept(tmp_path, windows):
    kernel32, running = windows
    workbook = tmp_path / "mia.toml"
    write_lock(workbook, running)
    with pytest.raises(lock.LockedError) as refused:
        lock.acquire(workbook)
    assert f"process {running}" in refused.value.message
    assert kernel32.opened == [running] and kernel32.closed == [running]


def test_on_windows_a_lock_whose_process_is_gone_is_taken_over(tmp_path, windows):
    kernel32, running = windows
    workbook = tmp_path / "mia.toml"
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    write_lock(workbook, gone.pid)
    held = lock.acquire(workbook)
    assert held.held and lock.read_owner(workbook)["pid"] == os.getpid()
    assert kernel32.opened == [gone.pid] and kernel32.closed == []
    held.release()
