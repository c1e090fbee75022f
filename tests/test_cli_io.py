"""The `circles` command in pipes and scripts: `-`, named pipes, devices, closed pipes,
exit codes, mistyped commands, no terminal, the help, and options on either side."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from circles_tui.core.file_format import parse_workbook, read_workbook
from circles_tui.core.model import CIRCLE_IDS
from circles_tui.core.wording import BUNDLED, bundled, load_wording
from tests.test_cli import COMPLETE, STARTED, circles

COMMAND = [sys.executable, "-m", "circles_tui"]


def circles_with_input(data: bytes, *args: str | Path) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run([*COMMAND, *map(str, args)], input=data, capture_output=True,
                            timeout=60)
    assert b"Traceback" not in result.stdout + result.stderr, result.stderr
    return result


# -- `-` is standard input or output -----------------------------------------------------------


def test_export_reads_standard_input_and_writes_standard_output(tmp_path):
    result = circles_with_input(COMPLETE.read_bytes(), "export", "-", "--format", "text", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("Circles and Tree of Life: Mia")
    assert result.stderr == b""
    assert not (Path.cwd() / "-").exists() and list(tmp_path.iterdir()) == []


def test_validate_and_diff_read_standard_input():
    result = circles_with_input(STARTED.read_bytes(), "validate", COMPLETE, "-")
    assert result.returncode == 0
    assert result.stdout.decode().splitlines() == [f"{COMPLETE}: ok", "standard input: ok"]
    result = circles_with_input(b"[[[[", "validate", "-")
    assert result.returncode == 1
    assert result.stdout.decode().startswith("standard input:1: ")
    result = circles_with_input(COMPLETE.read_bytes(), "diff", COMPLETE, "-")
    assert (result.returncode, result.stdout) == (0, b"No changes.\n")
    result = circles_with_input(b"", "diff", "-", "-")
    assert result.returncode == 2 and b"only once" in result.stderr


def test_new_writes_a_workbook_to_standard_output():
    result = circles_with_input(b"", "new", "-", "--child", "Mia")
    assert result.returncode == 0, result.stderr
    assert parse_workbook(result.stdout).about.child == "Mia"
    assert result.stderr.decode().startswith("Made standard output for Mia.")


def test_wording_dump_round_trips_through_the_loader(tmp_path):
    result = circles("wording", "--dump")
    assert result.returncode == 0, result.stderr
    assert result.stdout == BUNDLED.read_text(encoding="utf-8")
    dumped = tmp_path / "our-wording.toml"
    result = circles("wording", "--dump", "-o", dumped)
    assert result.returncode == 0, result.stderr
    assert load_wording(dumped) == bundled()
    assert stat.S_IMODE(dumped.stat().st_mode) == 0o600
    assert circles("wording", "--check", dumped).stdout == f"{dumped}: ok\n"
    assert circles("--content", dumped, "validate", COMPLETE).returncode == 0
    dumped.write_text(dumped.read_text().replace('id = "who-matters"', 'id = "who-matter"'))
    result = circles("wording", "--check", dumped)
    assert result.returncode == 1 and result.stdout.startswith(f"{dumped}:")


# -- outputs that are not regular files ---------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_written_into_and_stays_a_pipe(tmp_path):
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = circles("export", COMPLETE, "--format", "text", "-o", fifo)
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert received and received[0].decode().startswith("Circles and Tree of Life: Mia")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary file either


def test_dev_null_is_written_into_never_replaced():
    before = os.stat(os.devnull)
    result = circles("export", COMPLETE, "-o", os.devnull)
    assert result.returncode == 0, result.stderr
    after = os.stat(os.devnull)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_a_folder_as_output_is_refused_with_a_sentence(tmp_path):
    result = circles("export", COMPLETE, "-o", tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"circles: {tmp_path} is a folder; give the name of a file to write.\n"


def test_an_output_through_a_link_writes_the_file_and_keeps_the_link(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert circles("export", COMPLETE, "-o", link).returncode == 0
    assert link.is_symlink() and real.read_text().startswith("#")


def test_a_closed_pipe_ends_the_command_quietly():
    """`circles diff A B | head -1`, with the reader gone before anything is written."""
    process = subprocess.Popen([*COMMAND, "diff", STARTED, COMPLETE],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()
    try:
        _, errors = process.communicate(timeout=60)
    finally:
        process.kill()
    assert errors == b""
    assert process.returncode == 141


# -- exit codes, commands, terminal --------------------------------------------------------------


def test_diff_exits_0_when_the_same_1_when_different_2_on_trouble(tmp_path):
    assert circles("diff", COMPLETE, COMPLETE).returncode == 0
    different = circles("diff", STARTED, COMPLETE)
    assert different.returncode == 1 and different.stdout
    trouble = circles("diff", COMPLETE, tmp_path / "missing.toml")
    assert trouble.returncode == 2
    assert "there is no file with this name" in trouble.stderr


def test_a_mistyped_command_is_no_such_command_not_a_new_workbook(tmp_path):
    result = circles("frobnicate", cwd=tmp_path)
    assert result.returncode == 2
    assert "no such command: 'frobnicate'" in result.stderr
    assert "open, new, validate, export, diff, wording" in result.stderr
    assert list(tmp_path.iterdir()) == []
    assert "does not exist" in circles("open", "frobnicate", cwd=tmp_path).stderr


def test_without_a_terminal_the_app_says_it_needs_one(tmp_path):
    for args in ((), (COMPLETE,), ("new-one.toml",), ("--example",)):
        result = circles(*args, cwd=tmp_path)
        assert result.returncode == 2, args
        assert result.stderr.startswith("circles: the app needs a terminal"), args
    assert list(tmp_path.iterdir()) == []


def test_help_shows_every_form_and_the_choices():
    top = circles("--help").stdout
    for form in ("circles [FILE | --example]", "circles new FILE", "circles validate FILE",
                 "circles export FILE", "circles diff OLD NEW", "circles wording"):
        assert form in top
    assert "--theme" in top and "--content" in top
    export = circles("export", "--help").stdout
    assert "markdown, html, svg, text" in export
    assert ", ".join(CIRCLE_IDS) in " ".join(export.split())
    result = circles("export", COMPLETE, "--format", "svg", "--circle", "nobody")
    assert result.returncode == 2 and CIRCLE_IDS[0] in result.stderr


@pytest.mark.parametrize("where", ["before", "after"])
def test_global_options_go_before_or_after_the_command(tmp_path, where):
    wording = tmp_path / "wording.toml"
    wording.write_text(BUNDLED.read_text(encoding="utf-8").replace(
        "People who are important to me", "Our own title for the first circle"))
    command = ["export", COMPLETE, "--format", "text"]
    options = ["--content", str(wording), "--theme", "textual-light"]
    result = circles(*(options + command if where == "before" else command + options))
    assert result.returncode == 0, result.stderr
    assert "Our own title for the first circle" in result.stdout


def test_an_option_after_the_command_does_not_undo_one_before_it(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("[broken\n")
    result = circles("--content", broken, "validate", COMPLETE, "--theme", "textual-light")
    assert result.returncode == 1 and str(broken) in result.stderr


def test_the_bundled_example_is_a_real_file_in_the_package():
    from circles_tui.core.examples import copy_example, example_path

    path = example_path("mia-complete.toml")
    assert path.is_file() and not path.is_symlink() and not path.parent.is_symlink()
    copy = copy_example()
    try:
        assert read_workbook(copy).workbook == read_workbook(path).workbook
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    finally:
        shutil.rmtree(copy.parent)
