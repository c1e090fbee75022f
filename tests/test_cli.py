"""The `circles` command, run as a user would: real processes, real files, no tracebacks."""

from __future__ import annotations

import importlib.util
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from circles_tui import __version__
from circles_tui.core.file_format import read_workbook
from tests.conftest import EXAMPLES

COMPLETE = EXAMPLES / "mia-complete.toml"
STARTED = EXAMPLES / "mia-started.toml"
BROKEN = 'format = "circles-tui workbook"\nformat_version = 1\n\n[about]\nchild = "Mia"\nage = "8"\n'


def circles(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "circles_tui", *map(str, args)],
        capture_output=True, text=True, timeout=60, cwd=cwd, stdin=subprocess.DEVNULL,
        env={**os.environ, "TERM": "dumb", "NO_COLOR": "1"},
    )
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


def test_help_lists_the_commands():
    result = circles("--help")
    assert result.returncode == 0
    for command in ("open", "new", "validate", "export", "diff"):
        assert f"    {command} " in result.stdout
    assert "circles validate examples/*.toml" in result.stdout


def test_version():
    result = circles("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"circles-tui {__version__}"


def test_validate_good_files():
    result = circles("validate", COMPLETE, STARTED)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [f"{COMPLETE}: ok", f"{STARTED}: ok"]
    assert result.stderr == ""


def test_validate_reports_each_broken_file_with_its_line(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text(BROKEN)
    before = broken.read_bytes(), broken.stat().st_mtime_ns
    missing = tmp_path / "missing.toml"
    result = circles("validate", COMPLETE, broken, missing)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{COMPLETE}: ok",
        f"{broken}:6: 'age' must be a whole number.",
        f"{missing}: there is no file with this name.",
    ]
    assert (broken.read_bytes(), broken.stat().st_mtime_ns) == before


@pytest.mark.parametrize(
    ("data", "phrase"),
    [
        (b"\x00\x01binary", "not a text file"),
        (b"", "the file is empty"),
        (b"[[[[", "not valid TOML"),
        (b"x = " + b"[" * 20000 + b"]" * 20000, "nested too deeply"),
        (b'format = "circles-tui workbook"\nformat_version = 9\n', "newer circles-tui"),
    ],
)
def test_validate_never_shows_a_traceback(tmp_path, data, phrase):
    bad = tmp_path / "bad.toml"
    bad.write_bytes(data)
    result = circles("validate", bad)
    assert result.returncode == 1
    assert phrase in result.stdout
    assert result.stdout.startswith(str(bad))


def test_validate_a_folder(tmp_path):
    result = circles("validate", tmp_path)
    assert result.returncode == 1
    assert result.stdout == f"{tmp_path}: this is a folder, not a workbook file.\n"


def test_usage_problems_exit_with_2(tmp_path):
    result = circles("validate")
    assert result.returncode == 2
    assert "usage: circles validate" in result.stderr
    result = circles("export", COMPLETE, "--format", "pdf")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_new_makes_a_private_workbook(tmp_path):
    path = tmp_path / "mia.toml"
    result = circles("new", path, "--child", "Mia", "--practitioner", "Sam Hartley")
    assert result.returncode == 0, result.stderr
    assert "Made" in result.stdout
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    workbook = read_workbook(path).workbook
    assert workbook.about.child == "Mia"
    assert workbook.about.practitioner == "Sam Hartley"
    assert len(workbook.about.session_dates) == 1
    assert circles("validate", path).returncode == 0


def test_new_refuses_to_overwrite(tmp_path):
    path = tmp_path / "mia.toml"
    path.write_text("Kerry's own notes")
    result = circles("new", path, "--child", "Mia")
    assert result.returncode == 2
    assert "already exists" in result.stderr
    assert path.read_text() == "Kerry's own notes"


def test_new_needs_a_childs_name(tmp_path):
    path = tmp_path / "nobody.toml"
    result = circles("new", path, "--child", "   ")
    assert result.returncode == 2
    assert "name or initials" in result.stderr
    assert not path.exists()
    result = circles("new", path)
    assert result.returncode == 2 and "--child" in result.stderr


def test_new_in_a_missing_folder(tmp_path):
    result = circles("new", tmp_path / "no" / "such" / "mia.toml", "--child", "Mia")
    assert result.returncode == 1
    assert result.stderr.startswith("circles: ")
    assert "folder" in result.stderr


def test_opening_a_broken_file_says_why_before_any_screen(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text(BROKEN)
    result = circles(broken)
    assert result.returncode == 1
    assert result.stderr == (
        f"circles: {broken} on line 6 (about.age): 'age' must be a whole number.\n"
    )
    assert result.stdout == ""


def test_a_broken_content_file_is_reported(tmp_path):
    wording = tmp_path / "wording.toml"
    wording.write_text("[broken\n")
    result = circles("--content", wording, "validate", COMPLETE)
    assert result.returncode == 1
    assert result.stderr.startswith(f"circles: {wording} on line 1")


@pytest.mark.skipif(
    importlib.util.find_spec("circles_tui.export") is None, reason="export not built yet"
)
def test_export_markdown():
    result = circles("export", COMPLETE, "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert "Mia" in result.stdout
