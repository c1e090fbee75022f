"""Killing circles-tui at any moment never loses or mangles a saved workbook.

A helper (tests/crash_writer.py) forks writers that edit and save a workbook the
way the app does, through Session.save; the test kills each one with SIGKILL a
few milliseconds in, over two hundred times, and after every kill checks that
the file loads and holds exactly the last state saved or the one being saved.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from circles_tui.core import lock, file_format
from circles_tui.core.session import Session
from tests.crash_writer import make_workbook

HERE = Path(__file__).resolve().parent
KILLS = 210

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")


def temp_files(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f".{path.name}.*.tmp"))


def acceptable(journal: Path, before: str) -> set[str]:
    """The fingerprints the file may have now, judging by the writer's journal."""
    committed, pending = before, None
    text = journal.read_text() if journal.exists() else ""
    for line in text.splitlines(keepends=True):
        if not line.endswith("\n"):
            break  # cut short by the kill: that save had not begun
        words = line.split()
        if words[0] == "begin":
            pending = words[2]
        elif words[0] == "done":
            committed, pending = pending, None
    return {committed} | ({pending} if pending else set())


class Writers:
    """The helper process that forks writers on request."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "crash_writer.py")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1,
        )

    def ask(self, line: str) -> None:
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def read(self) -> list[str]:
        words = self.process.stdout.readline().split()
        assert words, "the writer helper stopped unexpectedly"
        assert words[0] != "failed", " ".join(words)
        return words

    def close(self) -> None:
        self.ask("quit")
        self.process.wait(timeout=10)


def test_sigkill_during_saves_never_loses_or_mixes_a_workbook(tmp_path):
    path = tmp_path / "mia.toml"
    file_format.save_workbook(path, make_workbook(people=60))
    rng = random.Random(2026)
    writers = Writers()
    killed_mid_save = leftovers_seen = 0
    started = time.monotonic()
    try:
        for round_ in range(KILLS):
            before = file_format.fingerprint(path.read_bytes())
            journal = tmp_path / f"journal-{round_}"
            writers.ask(f"start {path} {journal} {round_}")
            pid = None
            for _ in range(2):  # `pid N` from the helper and `ready N` from the writer
                words = writers.read()
                if words[0] == "pid":
                    pid = int(words[1])
            assert pid is not None
            time.sleep(rng.uniform(0.005, 0.060))
            os.kill(pid, signal.SIGKILL)
            writers.ask(f"reap {pid}")
            assert writers.read()[:2] == ["reaped", str(pid)]

            # The file always loads, and is the last save or the one under way: never a mix.
            data = path.read_bytes()
            file_format.parse_workbook(data, str(path))
            allowed = acceptable(journal, before)
            assert file_format.fingerprint(data) in allowed, f"round {round_}: a mixed or lost save"
            if len(allowed) == 2:
                killed_mid_save += 1
            # A crash leaves at most one temporary file; the next writer clears it.
            leftovers = temp_files(path)
            assert len(leftovers) <= 1, leftovers
            # What a crash leaves holds the child's details, so it is owner-only too.
            assert all(p.stat().st_mode & 0o777 == 0o600 for p in leftovers)
            leftovers_seen += bool(leftovers)
            # The dead writer's lock (owner-only), taken over by the next writer.
            assert lock.lock_path(path).stat().st_mode & 0o777 == 0o600
            assert path.stat().st_mode & 0o777 == 0o600
    finally:
        writers.close()
    elapsed = time.monotonic() - started

    # The kills really did land in the middle of saves, not only between them.
    assert killed_mid_save >= KILLS // 10, killed_mid_save
    assert elapsed < 90, elapsed  # about 15 s on a quiet two-core machine
    # Opening it as the app does takes over the dead writer's lock and clears any leftover.
    with lock.acquire(path) as held:
        assert held.held
        assert temp_files(path) == []
        session = Session.open(path)
        session.replace(make_workbook(people=3), "replace")
        session.save()
    assert file_format.read_workbook(path).workbook == make_workbook(people=3)
    print(f"{KILLS} kills in {elapsed:.1f}s; {killed_mid_save} mid-save; "
          f"{leftovers_seen} left a temporary file")


def test_leftover_temporary_files_never_break_loading_or_saving(tmp_path):
    path = tmp_path / "mia.toml"
    workbook = make_workbook(people=5)
    file_format.save_workbook(path, workbook)
    original = path.read_bytes()
    # What interrupted saves leave: a part-written copy, an empty one and a whole one.
    (tmp_path / ".mia.toml.a1b2c3d4.tmp").write_bytes(original[: len(original) // 2])
    (tmp_path / ".mia.toml.e5f6g7h8.tmp").write_bytes(b"")
    (tmp_path / ".mia.toml.zzzzzzzz.tmp").write_bytes(file_format.dumps(make_workbook(people=9)).encode())
    (tmp_path / ".other.toml.a1b2c3d4.tmp").write_bytes(b"someone else's")

    assert file_format.read_workbook(path).workbook == workbook
    session = Session.open(path)
    session.replace(make_workbook(people=6), "edit")
    session.save()
    assert file_format.read_workbook(path).workbook == make_workbook(people=6)

    held = lock.acquire(path)
    try:
        assert temp_files(path) == []
        assert (tmp_path / ".other.toml.a1b2c3d4.tmp").exists()  # not ours to clear
        assert file_format.read_workbook(path).workbook == make_workbook(people=6)
    finally:
        held.release()


def test_a_save_leaves_no_temporary_file_and_an_owner_only_workbook(tmp_path):
    path = tmp_path / "mia.toml"
    session = Session(make_workbook(people=4), path)
    session.save()
    for n in range(5):
        session.replace(make_workbook(people=5 + n), "edit")
        session.save()
    assert temp_files(path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mia.toml"]
    assert path.stat().st_mode & 0o777 == 0o600
