"""The one TOML line finder: only line feeds end a line, and every refusal has its line."""

from __future__ import annotations

import pytest

from circles_tui.core.file_format import WorkbookFileError, parse_workbook
from circles_tui.core.toml_lines import key_too_deep, line_of, lines_of, syntax_problem

HEADER = 'format = "circles-tui workbook"\nformat_version = 1\n\n[about]\nchild = "Mia"\n'


def refusal(text: str) -> WorkbookFileError:
    with pytest.raises(WorkbookFileError) as caught:
        parse_workbook(text, "mia.toml")
    return caught.value


def test_only_line_feeds_count():
    assert lines_of("a\u2028b\u2029c\x85d\x0ce\r\nf\ng") == ["a\u2028b\u2029c\x85d\x0ce", "f", "g"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_typo_after_unicode_line_separators_is_on_its_own_line(separator):
    text = (HEADER
            + f'practitioner_note = "first{separator}second{separator}third"\n'  # line 6
            + f"# a comment{separator}with a separator{separator}\n"  # line 7
            + '\n[[people]]\nid = "jo"\nname = "Jo"\nrign = 2\n')  # rign on line 12
    if separator == "\x85":  # a control character is refused inside a string, not a comment
        text = text.replace(f"first{separator}second{separator}third", "first second")
    error = refusal(text)
    assert (error.line, error.path) == (12, "people[0].rign")


def test_the_app_writes_u2028_raw_and_reads_its_line_back():
    from circles_tui.core.file_format import dumps
    from circles_tui.core.model import About, Person, Workbook

    workbook = Workbook(About("Mia", practitioner_note="one\u2028two\u2028three"),
                        [Person("jo", "Jo\u2029")])
    text = dumps(workbook)
    assert "\u2028" in text  # written raw, as tomli-w does
    broken = text + '\n[[people]]\nid = "kai"\nname = "Kai"\nnmae = "typo"\n'
    assert refusal(broken).line == broken.count("\n")


@pytest.mark.parametrize(("table", "path"), [
    ("[tre.roots]", "tre"),
    ("[[circle.who-matters]]", "circle"),
    ("[[circles.who-matter]]", "circles.who-matter"),
    ("[tree.root]", "tree.root"),
    ("[supporter.emotional]", "supporter"),
    ("[[supporters.emotionl]]", "supporters.emotionl"),
    ('[ "tre" . roots ]', "tre"),
])
def test_a_mistyped_table_header_is_refused_on_its_line(table, path):
    text = HEADER + '\n[[people]]\nid = "jo"\nname = "Jo"\n\n' + table + '\nperson = "jo"\nring = 1\n'
    error = refusal(text)
    assert error.path == path
    assert error.line == 11, str(error)
    assert "is not a key this format knows" in error.problem
    assert " on line 11 " in str(error)


def test_a_mistyped_dotted_key_is_refused_on_its_line():
    error = refusal(HEADER + "\n\nnote.text = \"x\"\n")
    assert (error.path, error.line) == ("about.note", 8)


def test_a_mistyped_table_inside_an_array_of_tables_is_refused_on_its_line():
    text = (HEADER + '\n[tree.roots]\nwords = ["Nan"]\n\n[[tree.roots.answer]]\n'
            'question = "Who?"\n')
    error = refusal(text)
    assert (error.path, error.line) == ("tree.roots.answer", 10)


def test_keys_inside_multi_line_strings_are_text():
    text = 'a = """\n[tre]\nb = 1\n"""\n[tre]\n'
    assert line_of(text, "tre") == 5


def test_syntax_problem_names_its_line():
    import tomllib

    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads("a = 1 # one\u2028two\nb = = 2\n")
    problem, line = syntax_problem(str(caught.value))
    assert line == 2
    assert problem.startswith("this is not valid TOML (")
    assert syntax_problem("Unclosed array") == ("this is not valid TOML (unclosed array).", None)


def test_quoted_keys_with_dots_and_very_long_dotted_keys():
    assert line_of('x = 1\n[people."a.b".c]\n', 'people.a.b.c') == 2
    text = "a = 1\n" + ".".join(["k"] * 200_000) + " = 1\n"
    assert line_of(text, "k.k") == 2  # at once: one pass over the line, not one per dot


@pytest.mark.parametrize("deep", [
    ".".join(["k"] * 200_000) + " = 1",
    "[" + ".".join(['"k"'] * 200_000) + "]",
    "[[" + " . ".join(["k"] * 200_000) + "]]",
])
def test_a_key_of_thousands_of_parts_is_refused_at_once_on_its_line(deep):
    """tomllib's time grows with the square of a dotted key's parts: such a line is
    refused before it is parsed (a 20 MB one would take hours)."""
    import time

    began = time.perf_counter()
    error = refusal(HEADER + "\n" + deep + "\n")
    assert time.perf_counter() - began < 5
    assert (error.line, error.problem) == (
        7, "this line holds a key of far too many parts to be a workbook.")


def test_many_dotted_words_inside_text_are_text():
    dotted = ".".join(["k"] * 100)
    text = (HEADER + f'practitioner_note = "{dotted}"\n'
            + f"[tree.roots]\nwords = ['{dotted}']\npractitioner_note = '''\n{dotted} = 1\n'''\n")
    workbook = parse_workbook(text, "mia.toml")
    assert workbook.about.practitioner_note == dotted
    assert workbook.tree["roots"].practitioner_note == f"{dotted} = 1\n"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_the_quick_look_for_deep_keys_misses_none(newline):
    """The one-pass look for a line of 64 dots lets the exact search run wherever such a
    key could be: on the first line, on a later one, with either kind of line end."""
    deepest_passing = ".".join(["k"] * 64) + " = 1"  # 63 dots
    too_deep = ".".join(["k"] * 65) + " = 1"  # 64 dots
    assert key_too_deep(newline.join(["a = 1", deepest_passing, ""])) is None
    assert key_too_deep(too_deep + newline) == 1
    assert key_too_deep(newline.join(["a = 1", "b = 2", too_deep, ""])) == 3
    dotted_text = 'a = "' + "." * 200 + '"'
    assert key_too_deep(newline.join([dotted_text, deepest_passing])) is None
