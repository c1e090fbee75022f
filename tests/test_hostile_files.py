"""Broken, odd and hostile files: each is refused with one clear sentence, or read safely.

Every case checks the exact line reported (where a line applies), a key phrase of the problem,
that the message names the file, and that reading left the file's bytes and time untouched.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from circles_tui.core import file_access
from circles_tui.core.file_format import WorkbookFileError, read_workbook
from circles_tui.core.model import Workbook

# Lines 1-5; anything appended starts on line 6.
HEAD = 'format = "circles-tui workbook"\nformat_version = 1\n\n[about]\nchild = "Mia"\n'
MUM = '\n[[people]]\nid = "mum"\nname = "Mum"\n'  # lines 6-9 when appended to HEAD


@attrs.frozen
class Fails:
    phrase: str
    line: int | None


@attrs.frozen
class Loads:
    check: Callable[[Workbook], bool] = lambda wb: True


def text(s: str) -> bytes:
    return s.encode("utf-8")


CASES = [
    # -- not valid TOML --
    ("unclosed string", text(HEAD + 'pronouns = "she/her\n'), Fails("not valid TOML", 6)),
    ("missing value", text(HEAD + "age =\n"), Fails("not valid TOML", 6)),
    ("same key twice", text(HEAD + 'child = "Bob"\n'), Fails("not valid TOML", 6)),
    ("broken header", text(HEAD + MUM + "\n[[people]\n"), Fails("not valid TOML", 11)),
    ("plain prose", text("Notes from Tuesday\nMia was happy\n"), Fails("not valid TOML", 1)),
    ("JSON", text('{"format": "circles-tui workbook"}\n'), Fails("not valid TOML", 1)),
    ("table defined twice", text(HEAD + "\n[about]\n"), Fails("not valid TOML", 7)),
    # -- wrong types --
    ("age as words", text(HEAD + 'age = "eight"\n'), Fails("'age' must be a whole number", 6)),
    ("child as a number", text(HEAD.replace('"Mia"', "3")), Fails("must be text in quotes", 5)),
    ("ring as text", text(HEAD + MUM + '\n[[circles.who-matters]]\nperson = "mum"\nring = "1"\n'),
     Fails("'ring' must be a whole number", 13)),
    ("ring as a fraction",
     text(HEAD + MUM + '\n[[circles.who-matters]]\nperson = "mum"\nring = 1.5\n'),
     Fails("'ring' must be a whole number", 13)),
    ("date in quotes", text(HEAD + 'session_dates = ["2026-03-10"]\n'),
     Fails("must be a date like 2026-11-22", 6)),
    ("living as words", text(HEAD + MUM + 'living = "no"\n'), Fails("true or false", 10)),
    ("people as text", text('people = "Mum and Dad"\n' + HEAD), Fails("a list of tables", 1)),
    ("about as text", text('format = "circles-tui workbook"\nformat_version = 1\nabout = "Mia"\n'),
     Fails("'about' must be a table", 3)),
    ("tags as text",
     text(HEAD + MUM + '\n[[circles.who-matters]]\nperson = "mum"\nring = 1\n'
          'contact_modes = "phone"\n'),
     Fails("a list in square brackets", 14)),
    # -- unknown keys --
    ("unknown top-level key", text(HEAD.replace("\n[about]", 'colour = "red"\n[about]')),
     Fails("'colour' is not a key this format knows", 3)),
    ("misspelt key in a person", text(HEAD + MUM + 'nickname = "M"\n'),
     Fails("'nickname' is not a key this format knows", 10)),
    ("misspelt ring", text(HEAD + MUM + '\n[[circles.who-matters]]\nperson = "mum"\nrign = 2\n'),
     Fails("'rign' is not a key", 13)),
    ("unknown circle", text(HEAD + MUM + '\n[[circles.who-cares]]\nperson = "mum"\nring = 1\n'),
     Fails("'who-cares' is not a key", 11)),
    ("field of another circle",
     text(HEAD + MUM + '\n[[circles.who-matters]]\nperson = "mum"\nring = 1\nreason = "x"\n'),
     Fails("'reason' is not a key", 14)),
    ("unknown tree part", text(HEAD + '\n[tree.flowers]\nwords = ["x"]\n'),
     Fails("'flowers' is not a key", 7)),
    # -- missing keys --
    ("no about", text('format = "circles-tui workbook"\nformat_version = 1\n'),
     Fails("'about' is missing", None)),
    ("no child", text(HEAD.replace('child = "Mia"', 'age = 8')), Fails("'child' is missing", 4)),
    ("person without a name", text(HEAD + '\n[[people]]\nid = "mum"\n'),
     Fails("'name' is missing", 7)),
    ("placement without a ring", text(HEAD + MUM + '\n[[circles.who-knows]]\nperson = "mum"\n'),
     Fails("the ring is missing", 11)),
    ("answer without a question",
     text(HEAD + '\n[tree.roots]\nwords = ["x"]\n\n[[tree.roots.answers]]\nanswer = "Nanna"\n'),
     Fails("'question' is missing", 10)),
    # -- broken rules --
    ("duplicate ids", text(HEAD + MUM + MUM.replace('"Mum"', '"Mummy"')),
     Fails("used by two people", 12)),
    ("dangling circle reference",
     text(HEAD + MUM + '\n[[circles.who-matters]]\nperson = "dad"\nring = 1\n'),
     Fails("no one in the people list has the id 'dad'", 12)),
    ("dangling supporter reference", text(HEAD + MUM + '\n[[supporters.false]]\nperson = "kay"\n'),
     Fails("'kay'", 12)),
    ("dangling leaf", text(HEAD + MUM + '\n[tree.leaves]\npeople = [\n    "mum",\n    "ivy",\n]\n'),
     Fails("'ivy'", 12)),
    ("ring out of range",
     text(HEAD + MUM + '\n[[circles.trusted-adults]]\nperson = "mum"\nring = 4\n'),
     Fails("from 1 to 3", 13)),
    ("ring zero", text(HEAD + MUM + '\n[[circles.who-knows]]\nperson = "mum"\nring = 0\n'),
     Fails("from 1 to 3", 13)),
    ("person twice in a circle",
     text(HEAD + MUM + '\n[[circles.who-matters]]\nperson = "mum"\nring = 1\n'
          '\n[[circles.who-matters]]\nperson = "mum"\nring = 2\n'),
     Fails("in this circle twice", 16)),
    ("bad choice",
     text(HEAD + MUM + '\n[[circles.who-knows]]\nperson = "mum"\nring = 1\ntell_more = "maybe"\n'),
     Fails("must be one of yes, no, unsure", 14)),
    ("tag twice",
     text(HEAD + MUM + '\n[[circles.who-could-help]]\nperson = "mum"\nring = 1\n'
          'help_types = ["care", "care"]\n'),
     Fails("each choice once", 14)),
    ("bad id", text(HEAD + '\n[[people]]\nid = "Mum Smith"\nname = "Mum"\n'),
     Fails("lower-case letters", 8)),
    ("blank name", text(HEAD + '\n[[people]]\nid = "mum"\nname = "   "\n'),
     Fails("needs a name", 9)),
    ("age out of range", text(HEAD + "age = 40\n"), Fails("from 0 to 25", 6)),
    ("bad named_by",
     text(HEAD + MUM + '\n[[circles.who-matters]]\nperson = "mum"\nring = 1\nnamed_by = "me"\n'),
     Fails("must be one of child, parent-carer", 14)),
    # -- header and version --
    ("newer version", text(HEAD.replace("format_version = 1", "format_version = 4")),
     Fails("saved by a newer circles-tui (format 4)", 2)),
    ("version as text", text(HEAD.replace("format_version = 1", 'format_version = "1"')),
     Fails("whole number such as 1", 2)),
    ("version zero", text(HEAD.replace("format_version = 1", "format_version = 0")),
     Fails("whole number such as 1", 2)),
    ("not a workbook", text('[tool.poetry]\nname = "something"\n'),
     Fails("not a circles-tui workbook", None)),
    ("another format name", text(HEAD.replace("circles-tui workbook", "genogram")),
     Fails("not a circles-tui workbook", 1)),
    # -- not text at all --
    ("empty", b"", Fails("the file is empty", None)),
    ("whitespace only", b"  \n\t\n\r\n   ", Fails("the file is empty", None)),
    ("binary with NUL bytes", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", Fails("not a text file", None)),
    ("invalid UTF-8", text(HEAD) + b'pronouns = "caf\xe9"\n', Fails("not UTF-8", 6)),
    ("deeply nested arrays", text(HEAD + "x = " + "[" * 20000 + "]" * 20000 + "\n"),
     Fails("nested too deeply", None)),
    # -- text a terminal would take as commands --
    ("terminal escape in a name", text(HEAD + MUM.replace('"Mum"', '"Mum\\u001b]0;owned\\u0007"')),
     Fails("control character (U+001B)", 9)),
    ("C1 control in a list", text(HEAD + 'taking_part = ["Mia", "Mum\\u009b2J"]\n'),
     Fails("control character (U+009B)", 6)),
    # -- odd but fine --
    ("byte-order mark", b"\xef\xbb\xbf" + text(HEAD + MUM), Loads(lambda wb: wb.about.child == "Mia")),
    ("Windows line endings", text((HEAD + MUM + 'note = """\nline one\nline two"""\n')
                                  .replace("\n", "\r\n")),
     Loads(lambda wb: wb.person("mum").note == "line one\nline two")),
    ("very long text", text(HEAD + MUM + 'note = "' + "Nanna Jo is kind. " * 60000 + '"\n'),
     Loads(lambda wb: len(wb.person("mum").note) == 18 * 60000)),
    ("markup-like text",
     text(HEAD + '\n[[people]]\nid = "x"\nname = "[bold red]Mum[/] [@click=app.quit]quit[/]"\n'
          "note = '<script>alert(1)</script> $(rm -rf ~) \\u0000'\n"),
     Loads(lambda wb: wb.person("x").name == "[bold red]Mum[/] [@click=app.quit]quit[/]"
           and wb.person("x").note == "<script>alert(1)</script> $(rm -rf ~) \\u0000")),
    ("comments everywhere", text("# mine\n" + HEAD + "# about Mum\n" + MUM + "# end\n"),
     Loads(lambda wb: wb.person("mum").name == "Mum")),
]


def make(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "workbook.toml"
    path.write_bytes(data)
    return path


def untouched(path: Path) -> Callable[[], None]:
    """Remember a file's bytes and times; the returned function checks nothing changed."""
    before = (path.read_bytes(), path.stat().st_mtime_ns, os.listdir(path.parent))

    def check() -> None:
        assert (path.read_bytes(), path.stat().st_mtime_ns, os.listdir(path.parent)) == before

    return check


def assert_refused(path: Path, phrase: str, line: int | None) -> WorkbookFileError:
    with pytest.raises(WorkbookFileError) as caught:
        read_workbook(path)
    error = caught.value
    message = str(error)
    assert phrase in error.problem, message
    assert error.line == line, message
    assert message.startswith(str(path)), message
    assert error.location() == (f"{path}:{line}" if line else str(path))
    assert "\n" not in message and "Traceback" not in message
    return error


@pytest.mark.parametrize(("data", "expected"), [pytest.param(d, e, id=n) for n, d, e in CASES])
def test_hostile_file(tmp_path, data, expected):
    path = make(tmp_path, data)
    check_untouched = untouched(path)
    if isinstance(expected, Fails):
        assert_refused(path, expected.phrase, expected.line)
    else:
        workbook = read_workbook(path).workbook
        assert expected.check(workbook)
    check_untouched()


def test_there_are_enough_cases():
    assert len(CASES) >= 30


def test_a_file_over_20_megabytes(tmp_path):
    path = tmp_path / "huge.toml"
    with path.open("wb") as stream:
        stream.write(text(HEAD + "# padding\n"))
        stream.write(b"#" * (21 * 1024 * 1024))
    check_untouched = untouched(path)
    assert_refused(path, "too large", None)
    check_untouched()


def test_a_folder_instead_of_a_file(tmp_path):
    folder = tmp_path / "mia.toml"
    folder.mkdir()
    (folder / "inside.txt").write_text("x")
    mtime = folder.stat().st_mtime_ns
    assert_refused(folder, "a folder", None)
    assert folder.stat().st_mtime_ns == mtime
    assert os.listdir(folder) == ["inside.txt"]


def test_a_missing_file(tmp_path):
    path = tmp_path / "nowhere.toml"
    assert_refused(path, "no file with this name", None)
    assert os.listdir(tmp_path) == []


def test_an_unreadable_file(tmp_path):
    path = make(tmp_path, text(HEAD))
    check_untouched = untouched(path)
    path.chmod(0o000)
    try:
        try:
            path.open("rb").close()
        except PermissionError:
            pass
        else:
            pytest.skip("this user can read files without permission (running as root)")
        assert_refused(path, "permission to read", None)
    finally:
        path.chmod(0o600)
    check_untouched()


def test_a_symlink_loop(tmp_path):
    path = tmp_path / "loop.toml"
    path.symlink_to(path)
    assert_refused(path, "could not be read", None)


def test_permission_refused_by_the_system(tmp_path, monkeypatch):
    """The same message when the system refuses, for runs as root where chmod 000 cannot."""
    path = make(tmp_path, text(HEAD))
    check_untouched = untouched(path)

    def refuse(name, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(name))

    monkeypatch.setattr(file_access.os, "open", refuse)
    assert_refused(path, "permission to read", None)
    monkeypatch.undo()
    check_untouched()
