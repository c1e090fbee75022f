"""An unexpected error keeps the work, says where in one sentence, and shows no child's data.

The app runs for real (`cli.main`, as the `circles` command does) in a pseudo-terminal;
a timer makes an edit and then fails, as a bug would, with workbook text in its message
and its local variables. After the app has stopped, what the person sees must be one
sentence naming an owner-only recovery copy that holds the edit, and nothing from the
workbook, no traceback, no local variables.
"""

from __future__ import annotations

import os
import pty
import select
import shutil
import stat
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import attrs
import pytest

from circles_tui import cli, crash
from circles_tui.core import file_format
from circles_tui.core.session import Session

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "mia-complete.toml"
LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"

FAILING_APP = r"""
import sys
sys.path.insert(0, {root!r})
import attrs
from circles_tui import cli
from circles_tui.app import CirclesApp

started = CirclesApp._start


def start_then_fail(self, session):
    started(self, session)

    def fail():
        child = self.session.workbook.about.child
        self.apply_edit(lambda wb: attrs.evolve(
            wb, about=attrs.evolve(wb.about, practitioner_note="Edited just before the failure")),
            "Edit note")
        raise RuntimeError(f"a failure quoting {{child}}")

    self.set_timer(0.3, fail)


CirclesApp._start = start_then_fail
sys.exit(cli.main(sys.argv[1:]))
"""


def run_in_terminal(tmp_path: Path, *args: str) -> tuple[int, bytes]:
    """Run the failing app in a pseudo-terminal of its own; its exit status and output."""
    script = tmp_path / "failing_app.py"
    script.write_text(FAILING_APP.format(root=str(ROOT)))
    home = tmp_path / "home"
    env = {"PATH": os.environ.get("PATH", os.defpath), "HOME": str(home), "TERM": "xterm-256color",
           "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
           "LANG": "C.UTF-8", "COLUMNS": "100", "LINES": "30"}
    main, child = pty.openpty()
    process = subprocess.Popen([sys.executable, str(script), *args], stdin=child, stdout=child,
                               stderr=child, env=env, cwd=tmp_path, close_fds=True)
    os.close(child)
    output = bytearray()
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([main], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(main, 65536)
                except OSError:  # the terminal closed: the app has gone
                    chunk = b""
                if not chunk and process.poll() is not None:
                    break
                output += chunk
            elif process.poll() is not None:
                break
        else:
            pytest.fail("the app did not stop after its failure")
        return process.wait(timeout=10), bytes(output)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(main)


def test_an_unexpected_error_in_the_app_keeps_the_work_and_shows_no_data(tmp_path):
    workbook = tmp_path / "mia.toml"
    shutil.copyfile(EXAMPLE, workbook)
    workbook.chmod(0o600)
    before = workbook.read_bytes()
    opened = file_format.read_workbook(workbook).workbook

    status, output = run_in_terminal(tmp_path, str(workbook))

    assert status == crash.CRASHED
    copies = sorted(tmp_path.glob("mia.recovered-*.toml"))
    assert len(copies) == 1, output[-2000:]
    copy = copies[0]
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    recovered = file_format.read_workbook(copy).workbook
    assert recovered.about.practitioner_note == "Edited just before the failure"
    assert recovered.people == opened.people
    assert workbook.read_bytes() == before  # the failure came before the autosave

    after_the_app = output.rsplit(LEAVE_ALTERNATE_SCREEN, 1)[-1].decode("utf-8", "replace")
    lines = [line for line in after_the_app.replace("\r", "").split("\n") if line.strip()]
    assert len(lines) == 1, after_the_app
    assert "stopped after an unexpected error" in lines[0]
    assert str(copy) in lines[0]
    assert "--debug" in lines[0]
    shown = output.decode("utf-8", "replace")
    # Nothing of the failure's report anywhere: no traceback, no message, no local variables.
    for leak in ("Traceback", "RuntimeError", "a failure quoting", "locals", "session ="):
        assert leak not in shown
    # And after the app, nothing from the workbook at all.
    for text in [opened.about.child, *(person.name for person in opened.people)]:
        assert text not in after_the_app


def test_with_debug_the_report_is_shown_and_the_work_still_kept(tmp_path):
    workbook = tmp_path / "mia.toml"
    shutil.copyfile(EXAMPLE, workbook)
    status, output = run_in_terminal(tmp_path, "--debug", str(workbook))
    assert status == crash.CRASHED
    assert b"RuntimeError" in output and b"a failure quoting" in output
    assert len(list(tmp_path.glob("mia.recovered-*.toml"))) == 1


def test_nothing_unsaved_means_no_copy_and_says_where_the_work_is(tmp_path, complete_example):
    path = tmp_path / "mia.toml"
    file_format.save_workbook(path, complete_example)
    session = Session.open(path)
    sentence = crash.recovery_sentence(session)
    assert f"all your work is saved in {path}" in sentence
    assert list(tmp_path.iterdir()) == [path]


def test_a_folder_that_cannot_be_written_sends_the_copy_to_the_data_folder(
    tmp_path, complete_example, monkeypatch
):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = tmp_path / "read-only"
    folder.mkdir()
    path = folder / "mia.toml"
    file_format.save_workbook(path, complete_example)
    session = Session.open(path)
    session.replace(attrs.evolve(complete_example, about=attrs.evolve(
        complete_example.about, child="Mia R")), "Rename")
    write = file_format.write_atomically

    def refuse_beside(target, data):  # as a read-only folder does, even for root
        if Path(target).parent == folder:
            raise file_format.WorkbookFileError(target, "this folder cannot be written to.")
        write(target, data)

    monkeypatch.setattr(file_format, "write_atomically", refuse_beside)
    copy = crash.save_recovery_copy(session)
    assert copy.parent == tmp_path / "data" / "circles-tui" / "recovered"
    assert file_format.read_workbook(copy).workbook == session.workbook
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert list(folder.iterdir()) == [path]


def test_a_command_that_fails_unexpectedly_says_one_sentence_without_the_data(
    tmp_path, complete_example, monkeypatch, capsys
):
    path = tmp_path / "mia.toml"
    file_format.save_workbook(path, complete_example)

    def fail(old, new):
        secret = new.people[0].name
        raise ValueError(f"could not describe {secret}")

    monkeypatch.setattr("circles_tui.core.change_report.describe_changes", fail)
    assert cli.main(["diff", str(path), str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "something unexpected went wrong (ValueError)" in captured.err
    assert "--debug" in captured.err
    assert complete_example.people[0].name not in captured.err
    assert "Traceback" not in captured.err
