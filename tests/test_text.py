"""The one text module: each rule for control characters and one-line display."""

from __future__ import annotations

import pytest

from circles_tui.core import text
from circles_tui.core.model import About, ModelError, Person, Workbook
from circles_tui.core.file_format import WorkbookFileError, parse_workbook

HEADER = 'format = "circles-tui workbook"\nformat_version = 1\n[about]\nchild = "Mia"\n'


@pytest.mark.parametrize(("value", "found"), [
    ("plain", None), ("tab\tnew\nline\r", None), ("\x1b[31m", "\x1b"), ("a\x9bb", "\x9b"),
    ("\x7f", "\x7f"), ("\x85", "\x85"), ("\u2028", None), ("\u200b", None),
])
def test_control_character_finds_what_a_terminal_would_obey(value, found):
    assert text.control_character(value) == found


def test_without_controls_keeps_the_text_visibly():
    assert text.without_controls("a\x1b[2Jb\x07") == "a\ufffd[2Jb\ufffd"
    assert text.without_controls("line\nnext\ttab\r") == "line\nnext\ttab\r"
    same = "untouched"
    assert text.without_controls(same) is same


def test_display_line_is_one_line_of_something():
    assert text.display_line("Nanna\nJo\t ") == "Nanna Jo"
    assert text.display_line("a\u2028b\u2029c\u200bd") == "a b c d"
    assert text.display_line("\x00\x07") == "?"
    assert text.display_line("", empty="") == ""


def test_for_export_keeps_lines_and_drops_what_a_document_cannot_hold():
    assert text.for_export("a\r\nb\rc\n\td") == "a\nb\nc\n\td"
    assert text.for_export("x\x1b[31my\ufffe\uffff\u2028z") == "x[31myz"


def test_quoted_line_shows_breaks_and_escapes_as_escapes():
    assert text.quoted_line("two\nlines.toml") == "two\\nlines.toml"
    assert text.quoted_line("a\x1bb\u2028c") == "a\\x1bb\\u2028c"
    assert text.quoted_line("Siân's file.toml") == "Siân's file.toml"


@pytest.mark.parametrize("value", ["", " ", "\u200b", "\ufeff", "\u200b\ufeff\u00a0", "\u2028",
                                   "\u0301", "\u3164", "\u2800", "\t\n"])
def test_nothing_visible(value):
    assert not text.has_visible_character(value)


@pytest.mark.parametrize("value", ["Jo", "\u200bJo", "é", "🌳", "李", "\ufeffA", "·", "ـ"])
def test_something_visible(value):
    assert text.has_visible_character(value)


@pytest.mark.parametrize("name", ["\u200b", "\ufeff", " \u200b\u00a0"])
def test_a_name_of_invisible_characters_only_is_refused(name):
    with pytest.raises(ModelError, match="needs a name"):
        Workbook(About("Mia"), [Person("jo", name)])
    with pytest.raises(ModelError, match="child's name"):
        Workbook(About(name))


def test_a_file_with_an_invisible_name_is_refused_on_its_line():
    file = HEADER + '\n[[people]]\nid = "jo"\nname = "\\u200b\\ufeff"\n'
    with pytest.raises(WorkbookFileError) as caught:
        parse_workbook(file, "mia.toml")
    assert caught.value.line == 8
    assert caught.value.path == "people[0].name"
    assert "needs a name" in caught.value.problem
