"""The lock file: one copy of circles-tui edits a workbook; crashed copies don't block it."""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from circles_tui.core import lock, processes
from circles_tui.core.lock import LockedError, acquire, lock_path

ROOT = Path(__file__).resolve().parent.parent
HOLDER = """
import sys, time
sys.path.insert(0, {root!r})
from circles_tui.core import lock, processes
held = lock.acquire({path!r})
print("held" if held.held else "not held", flush=True)
time.sleep(60)
"""


@pytest.fixture
def workbook(tmp_path) -> Path:
    path = tmp_path / "mia.toml"
    path.write_text("# a workbook\n")
    return path


def write_lock(path: Path, **fields) -> None:
    record = {"app": "circles-tui", "host": socket.gethostname(), "pid": os.getpid(),
              "user": "sam", "since": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    record.update(fields)
    lock_path(path).write_text(json.dumps(record))


def hold_in_another_process(path: Path) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", HOLDER.format(root=str(ROOT), path=str(path))],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "held"
    return process


def finished_pid() -> int:
    """The number of a process that has been and gone."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


# -- taking and giving back ------------------------------------------------------------------


def test_acquire_writes_who_and_when_owner_only_and_release_removes_it(workbook):
    held = acquire(workbook)
    file = lock_path(workbook)
    assert held.held and file.name == ".mia.toml.lock"
    assert file.stat().st_mode & 0o777 == 0o600
    record = json.loads(file.read_text())
    assert record["host"] == socket.gethostname()
    assert record["pid"] == os.getpid()
    assert isinstance(record["user"], str)
    since = datetime.fromisoformat(record["since"])
    assert abs((datetime.now(timezone.utc) - since).total_seconds()) < 5
    assert lock.read_owner(workbook)["pid"] == os.getpid()
    held.release()
    assert not file.exists()
    held.release()  # a second release is harmless
    assert workbook.read_text() == "# a workbook\n"  # the workbook itself is never touched


def test_context_manager_releases_even_after_an_error(workbook):
    with pytest.raises(RuntimeError):
        with acquire(workbook) as held:
            assert held.held and lock_path(workbook).exists()
            raise RuntimeError("something went wrong while open")
    assert not lock_path(workbook).exists()
    with acquire(workbook):  # and it can be taken again
        pass


def test_a_second_acquire_in_the_same_process_is_refused(workbook):
    with acquire(workbook):
        with pytest.raises(LockedError) as caught:
            acquire(workbook)
    error = caught.value
    assert error.pid == os.getpid() and error.host == socket.gethostname()
    assert not error.other_computer


def test_another_live_copy_holds_it_with_a_plain_sentence(workbook):
    process = hold_in_another_process(workbook)
    try:
        with pytest.raises(LockedError) as caught:
            acquire(workbook)
        error = caught.value
        assert error.pid == process.pid
        since = error.since.astimezone().strftime("%H:%M")
        assert error.message == (
            f"mia.toml is open in another copy of circles-tui (process {process.pid} on "
            f"{socket.gethostname()} since {since}); you can open it read-only.")
        assert str(error) == error.message
        assert len(error.message.splitlines()) == 1
    finally:
        process.kill()
        process.wait()
    # Once it has gone (killed, so it could not tidy up), the lock is taken over.
    assert lock_path(workbook).exists()
    with acquire(workbook) as held:
        assert held.held
        assert lock.read_owner(workbook)["pid"] == os.getpid()


def test_a_lock_from_a_copy_killed_without_warning_is_taken_over(workbook):
    process = hold_in_another_process(workbook)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with acquire(workbook) as held:
        assert held.held


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads process states from /proc")
def test_a_lock_whose_process_has_not_been_collected_yet_is_stale(workbook):
    """A dead process not yet collected by its parent (a zombie) holds nothing."""
    process = hold_in_another_process(workbook)
    os.kill(process.pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:  # wait until it has died, without collecting it
        state = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()[0] \
            if Path(f"/proc/{process.pid}/stat").exists() else "Z"
        if state == "Z":
            break
        time.sleep(0.01)
    try:
        with acquire(workbook) as held:
            assert held.held
    finally:
        process.wait()


# -- stale locks -------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [
    b"",
    b"\x00\xff garbage",
    b"[1, 2, 3]",
    b'{"host": "vm"}',
    b'{"host": 3, "pid": "x", "since": "2026-01-01T00:00:00+00:00"}',
    b'{"host": "vm", "pid": 0, "since": "2026-01-01T00:00:00+00:00"}',
    b'{"host": "vm", "pid": 5, "since": "yesterday"}',
    b'{"host": "vm", "pid": true, "since": "2026-01-01T00:00:00+00:00"}',
])
def test_an_unreadable_lock_is_taken_over(workbook, content):
    file = lock_path(workbook)
    file.write_bytes(content)
    old = time.time() - 60
    os.utime(file, (old, old))  # not one being written this very moment
    with acquire(workbook) as held:
        assert held.held
        assert lock.read_owner(workbook)["pid"] == os.getpid()


def test_a_lock_being_written_this_instant_is_waited_for(workbook):
    """An empty lock file may be another copy's, half made: look again before judging."""
    file = lock_path(workbook)
    file.write_bytes(b"")
    other = {"host": socket.gethostname(), "pid": os.getpid(), "user": "",
             "since": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    timer = threading.Timer(0.2, lambda: file.write_text(json.dumps(other)))
    timer.start()
    try:
        with pytest.raises(LockedError):
            acquire(workbook)
    finally:
        timer.join()


def test_a_dead_process_on_this_computer_is_stale(workbook):
    write_lock(workbook, pid=finished_pid())
    with acquire(workbook) as held:
        assert held.held


def test_a_lock_from_before_a_restart_is_stale(workbook):
    write_lock(workbook, pid=os.getppid(), boot="a-different-boot")
    if not processes.boot_id():
        pytest.skip("this system does not give a boot id")
    with acquire(workbook) as held:
        assert held.held


def test_a_process_number_reused_by_a_younger_process_is_stale(workbook):
    """The lock says 3 hours ago; the process with that number started just now."""
    young = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        since = datetime.now(timezone.utc) - timedelta(hours=3)
        write_lock(workbook, pid=young.pid, since=since.isoformat())
        if processes.linux_start_time(young.pid) is None:
            pytest.skip("process start times are not available here")
        with acquire(workbook) as held:
            assert held.held
    finally:
        young.kill()
        young.wait()


def test_a_live_process_older_than_its_lock_keeps_it(workbook):
    older = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        time.sleep(0.05)
        write_lock(workbook, pid=older.pid)
        with pytest.raises(LockedError):
            acquire(workbook)
    finally:
        older.kill()
        older.wait()


def test_a_lock_older_than_a_week_is_stale_even_from_a_live_process(workbook):
    since = datetime.now(timezone.utc) - lock.STALE_AFTER - timedelta(hours=1)
    write_lock(workbook, pid=os.getppid(), since=since.isoformat(), host="other-laptop")
    with acquire(workbook) as held:
        assert held.held


# -- another computer ----------------------------------------------------------------------------


def test_another_computer_counts_as_live_and_says_so(workbook):
    since = datetime.now(timezone.utc) - timedelta(days=2)
    write_lock(workbook, host="office-pc-7", pid=4242, user="jo", since=since.isoformat())
    with pytest.raises(LockedError) as caught:
        acquire(workbook)
    error = caught.value
    assert error.other_computer and error.host == "office-pc-7" and error.pid == 4242
    local = since.astimezone()
    assert f"since {local.day} {local.strftime('%b %H:%M')}" in error.message
    assert "another computer, office-pc-7 by jo" in error.message
    assert "read-only" in error.message and len(error.message.splitlines()) == 1
    # When the person confirms nobody is using it there, it can be taken over.
    with acquire(workbook, force=True) as held:
        assert held.held
        assert lock.read_owner(workbook)["host"] == socket.gethostname()


def test_release_leaves_a_lock_that_someone_else_took_over(workbook):
    held = acquire(workbook)
    write_lock(workbook, host="office-pc-7", pid=4242)  # taken over by force elsewhere
    held.release()
    assert lock.read_owner(workbook)["host"] == "office-pc-7"


# -- folders that cannot hold a lock --------------------------------------------------------------


def test_a_folder_that_cannot_be_written_gives_an_unheld_lock(workbook, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(lock.os, "open", refuse)
    held = acquire(workbook)
    assert not held.held
    assert held.problem == "mia.toml cannot be locked because its folder cannot be written to."
    held.release()  # harmless


def test_a_missing_folder_gives_an_unheld_lock(tmp_path):
    held = acquire(tmp_path / "gone" / "mia.toml")
    assert not held.held and "no longer exists" in held.problem


# -- leftovers and odd names ---------------------------------------------------------------------


def test_taking_the_lock_clears_temporary_files_from_interrupted_saves(workbook):
    folder = workbook.parent
    for name in (".mia.toml.ab12cd34.tmp", ".mia.toml.zz.tmp"):
        (folder / name).write_text("half a workbook")
    keep = [".other.toml.ab12cd34.tmp", "mia.toml.tmp", ".mia.toml.lock.x"]
    for name in keep:
        (folder / name).write_text("not ours")
    with acquire(workbook):
        names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(["mia.toml", ".mia.toml.lock", *keep])


def test_names_with_glob_characters(tmp_path):
    workbook = tmp_path / "mia [draft]*?.toml"
    workbook.write_text("")
    (tmp_path / ".mia [draft]*?.toml.x1.tmp").write_text("")
    (tmp_path / ".mia d*.toml.x1.tmp").write_text("")  # would match an unescaped pattern
    with acquire(workbook) as held:
        assert held.held
        assert not (tmp_path / ".mia [draft]*?.toml.x1.tmp").exists()
        assert (tmp_path / ".mia d*.toml.x1.tmp").exists()


# -- racing copies ----------------------------------------------------------------------------------

RACER = """
import sys, time
sys.path.insert(0, {root!r})
from circles_tui.core import lock, processes
while time.time() < {start}:
    time.sleep(0.001)
try:
    held = lock.acquire({path!r})
    print("got" if held.held else "unheld", flush=True)
    time.sleep(1.0)
    held.release()
except lock.LockedError:
    print("locked", flush=True)
"""


@pytest.mark.parametrize("stale", [False, True], ids=["no lock", "stale lock"])
def test_of_many_copies_starting_at_once_exactly_one_gets_it(workbook, stale):
    if stale:
        write_lock(workbook, pid=finished_pid())
    start = time.time() + 0.6
    racers = [subprocess.Popen([sys.executable, "-c", RACER.format(
        root=str(ROOT), path=str(workbook), start=start)], stdout=subprocess.PIPE, text=True)
        for _ in range(6)]
    results = sorted(r.communicate(timeout=30)[0].strip() for r in racers)
    assert results == ["got"] + ["locked"] * 5, results
    assert not lock_path(workbook).exists()
    assert [p.name for p in workbook.parent.iterdir()] == ["mia.toml"]


# -- another user's lock, which we may not read ------------------------------------------------


def refuse_to_read_the_lock(monkeypatch, workbook):
    real = lock._read_lock_file

    def read_lock_file(file):
        if file == lock_path(workbook):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(file)

    monkeypatch.setattr(lock, "_read_lock_file", read_lock_file)


def test_another_users_private_lock_counts_as_live(workbook, monkeypatch):
    write_lock(workbook, host="office-pc-7", pid=4242)
    refuse_to_read_the_lock(monkeypatch, workbook)
    with pytest.raises(LockedError) as caught:
        acquire(workbook)
    assert caught.value.other_user
    assert caught.value.message.startswith("mia.toml is open in circles-tui by another user since ")
    assert caught.value.message.endswith("; you can open it read-only.")


def test_another_users_lock_from_weeks_ago_is_taken_over(workbook, monkeypatch):
    write_lock(workbook, host="office-pc-7", pid=4242)
    old = time.time() - 30 * 24 * 3600
    os.utime(lock_path(workbook), (old, old))
    refuse_to_read_the_lock(monkeypatch, workbook)
    held = acquire(workbook)
    assert held.held
    monkeypatch.undo()
    assert lock.read_owner(workbook)["pid"] == os.getpid()
    held.release()


def test_odd_characters_in_a_lock_never_break_the_message(workbook):
    write_lock(workbook, host="pc\nwith [b]markup[/b]\x1b[31m", user="jo\r\nsmith")
    with pytest.raises(LockedError) as caught:
        acquire(workbook)
    message = caught.value.message
    assert len(message.splitlines()) == 1 and "\x1b" not in message
    # Shown literally, breaks and escapes as their escapes; the app shows it as plain text.
    assert "pc\\nwith [b]markup[/b]\\x1b[31m by jo\\r\\nsmith" in message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_a_pipe_named_like_the_lock_file_is_refused_at_once_not_read(workbook):
    """Reading a FIFO waits for a writer for ever: the lock is opened without waiting and
    only a regular file is read (as workbooks are, issue 15)."""
    os.mkfifo(lock_path(workbook))
    outcome: dict[str, object] = {}

    def use_the_lock() -> None:
        taken = acquire(workbook)
        outcome["lock"] = taken
        outcome["owner"] = lock.read_owner(workbook)
        taken.release()

    worker = threading.Thread(target=use_the_lock, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "acquiring the lock hung on a named pipe"
    taken = outcome["lock"]
    assert isinstance(taken, lock.Lock) and not taken.held
    assert "is not an ordinary file" in taken.problem and lock_path(workbook).name in taken.problem
    assert outcome["owner"] is None
    assert lock_path(workbook).exists()  # left alone: it is not ours to remove


def test_release_does_not_hang_when_the_lock_file_became_a_pipe(workbook):
    taken = acquire(workbook)
    lock_path(workbook).unlink()
    os.mkfifo(lock_path(workbook))
    worker = threading.Thread(target=taken.release, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "releasing the lock hung on a named pipe"
    assert not taken.held and lock_path(workbook).exists()
