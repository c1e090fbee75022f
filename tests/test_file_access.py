"""No file can hang it and no path can fool it: only regular files are read, with a size
limit and without waiting; a symlinked workbook is saved to its target, link kept, and
locked beside the target so both paths see the same lock."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from circles_tui.core import file_access, file_format, lock
from circles_tui.core.file_format import WorkbookFileError
from circles_tui.core.session import Session
from circles_tui.core.wording import WordingError, load_wording

ROOT = Path(__file__).resolve().parent.parent
HANG = 20  # seconds: far longer than any of these takes, far shorter than a hang


def validate(*paths: Path) -> subprocess.CompletedProcess:
    """`circles validate` as a separate process, so a hang fails the test instead of the run."""
    return subprocess.run([sys.executable, "-m", "circles_tui", "validate", *map(str, paths)],
                          capture_output=True, text=True, timeout=HANG, cwd=ROOT)


@pytest.fixture
def fifo(tmp_path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    return path


def test_a_named_pipe_is_refused_at_once(fifo):
    done = validate(fifo)
    assert done.returncode == 1
    assert done.stdout.strip() == f"{fifo}: {file_access.NOT_A_FILE}"
    assert done.stderr == ""


def test_a_named_pipe_with_a_writer_is_refused_too(fifo):
    writer = subprocess.Popen([sys.executable, "-c", f"open({str(fifo)!r}, 'w').write('x' * 99)"])
    try:
        with pytest.raises(WorkbookFileError) as caught:
            file_format.read_workbook(fifo)
        assert caught.value.problem == file_access.NOT_A_FILE
    finally:
        writer.kill()
        writer.wait()


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_at_once(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    done = validate(Path(device))
    assert done.returncode == 1
    assert done.stdout.strip() == f"{device}: {file_access.NOT_A_FILE}"


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.toml"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(WorkbookFileError) as caught:
            file_format.read_workbook(path)
        assert caught.value.problem == file_access.NOT_A_FILE
    finally:
        server.close()


def test_a_symlink_to_a_device_is_refused_naming_the_link(tmp_path):
    link = tmp_path / "mia.toml"
    link.symlink_to("/dev/zero")
    with pytest.raises(WorkbookFileError) as caught:
        file_format.read_workbook(link)
    assert str(caught.value) == f"{link}: {file_access.NOT_A_FILE}"


def test_the_size_limit_holds_even_when_a_file_grows_while_read(tmp_path, monkeypatch):
    path = tmp_path / "big.toml"
    path.write_bytes(b"# " + b"x" * 100)
    with pytest.raises(WorkbookFileError, match="too large"):
        file_access.read_regular_file(path, limit=50)  # size says too big
    real_fstat = os.fstat
    # A file that says it is small but has grown by the time it is read.
    monkeypatch.setattr(file_access.os, "fstat",
                        lambda fd: os.stat_result((stat.S_IFREG | 0o600,) + tuple(real_fstat(fd))[1:6]
                                                  + (10,) + tuple(real_fstat(fd))[7:]))
    with pytest.raises(WorkbookFileError, match="too large"):
        file_access.read_regular_file(path, limit=50)


def test_the_wording_loader_refuses_a_pipe_too(fifo):
    with pytest.raises(WordingError) as caught:
        load_wording(fifo)
    assert caught.value.problem == file_access.NOT_A_FILE


# -- symlinks --------------------------------------------------------------------------


@pytest.fixture
def linked(tmp_path, complete_example) -> tuple[Path, Path]:
    real = tmp_path / "real" / "wb.toml"
    real.parent.mkdir()
    file_format.save_workbook(real, complete_example)
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    return link, real


def test_saving_through_a_symlink_replaces_the_target_and_keeps_the_link(linked):
    import attrs

    link, real = linked
    session = Session.open(link)
    session.replace(attrs.evolve(session.workbook, about=attrs.evolve(
        session.workbook.about, practitioner_note="through the link")), "Edit")
    session.save()
    assert link.is_symlink() and link.resolve() == real
    assert file_format.read_workbook(real).workbook.about.practitioner_note == "through the link"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert sorted(p.name for p in real.parent.iterdir()) == ["wb.toml"]  # no temporary left
    session.save()  # the fingerprint follows the target: no false conflict


def test_both_paths_see_one_lock(linked):
    link, real = linked
    assert lock.lock_path(link) == lock.lock_path(real) == real.with_name(".wb.toml.lock")
    with lock.acquire(link) as held:
        assert held.held
        with pytest.raises(lock.LockedError):
            lock.acquire(real)
    with lock.acquire(real):
        with pytest.raises(lock.LockedError):
            lock.acquire(link)


def test_a_chain_of_links_is_followed_to_the_file(linked, tmp_path):
    link, real = linked
    second = tmp_path / "second.toml"
    second.symlink_to(link)
    file_format.write_atomically(second, real.read_bytes())
    assert second.is_symlink() and link.is_symlink()
    assert lock.lock_path(second) == lock.lock_path(real)


async def test_a_symlinked_workbook_edited_in_the_app(linked):
    """Open the link, edit, save, quit: the target has the edit, the link is still a link,
    and while it is open a second copy opening the target is stopped by the same lock."""
    import attrs

    from circles_tui.app import CirclesApp

    link, real = linked
    app = CirclesApp(path=link)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.session.path == link
        assert real.with_name(".wb.toml.lock").exists()
        assert not link.with_name(".link.toml.lock").exists()
        second = CirclesApp(path=real)
        async with second.run_test(size=(100, 30)) as other:
            await other.pause()
            assert second.session.read_only  # the lock beside the target stopped it
        app.apply_edit(lambda wb: attrs.evolve(wb, about=attrs.evolve(
            wb.about, practitioner_note="edited through the link")), "Edit note")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.session.unsaved
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert link.is_symlink() and link.resolve() == real
    for path in (link, real):
        note = file_format.read_workbook(path).workbook.about.practitioner_note
        assert note == "edited through the link"
    assert sorted(p.name for p in real.parent.iterdir()) == ["wb.toml"]  # lock gone, no temp
