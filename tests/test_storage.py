"""Saving and reading workbook files: atomic, owner-only, deterministic, and careful with conflicts."""

from __future__ import annotations

import difflib
import errno
import os
import stat
from pathlib import Path

import attrs
import pytest

from circles_tui.core import session as session_module
from circles_tui.core import file_format
from circles_tui.core.model import About, Person, Placement, Workbook, new_workbook
from circles_tui.core.edits.circles import set_placements
from circles_tui.core.edits.people import add_person, replace_person
from circles_tui.core.session import Session
from circles_tui.core.file_format import (
    ConflictError,
    WorkbookFileError,
    dumps,
    forget_formatted_records,
    parse_workbook,
    read_workbook,
    save_workbook,
)
from tests.conftest import EXAMPLES


def small() -> Workbook:
    wb = Workbook(About(child="Mia"), (Person("mum", "Mum"), Person("nanna-jo", "Nanna Jo")))
    return set_placements(wb, "who-matters", [Placement("mum", 1), Placement("nanna-jo", 2)])


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- atomic, owner-only saving --------------------------------------------------------------


def test_save_makes_an_owner_only_file_and_leaves_no_temporary_files(tmp_path):
    path = tmp_path / "mia.toml"
    old_umask = os.umask(0o022)
    try:
        fp = save_workbook(path, small())
    finally:
        os.umask(old_umask)
    assert mode(path) == 0o600
    assert os.listdir(tmp_path) == ["mia.toml"]
    assert fp == file_format.fingerprint(path.read_bytes())
    assert read_workbook(path).workbook == small()


def test_saving_over_a_readable_file_makes_it_owner_only(tmp_path):
    path = tmp_path / "mia.toml"
    path.write_text(dumps(small()))
    path.chmod(0o644)
    fp = file_format.current_fingerprint(path)
    save_workbook(path, add_person(small(), Person("dad", "Dad")), fp)
    assert mode(path) == 0o600
    assert "Dad" in path.read_text()


@pytest.mark.parametrize("failing", ["replace", "fsync", "write"])
def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch, failing):
    path = tmp_path / "mia.toml"
    fp = save_workbook(path, small())
    before = path.read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        class FullStream:
            def __init__(self, stream):
                self.stream = stream

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.stream.close()

            def fileno(self):
                return self.stream.fileno()

            def write(self, data):
                self.stream.write(data[: len(data) // 2])
                disk_full()

        monkeypatch.setattr(os, "fdopen", lambda *a, **k: FullStream(real_fdopen(*a, **k)))
    else:
        monkeypatch.setattr(os, failing, disk_full)
    changed = add_person(small(), Person("dad", "Dad"))
    with pytest.raises(WorkbookFileError) as caught:
        save_workbook(path, changed, fp)
    assert "disk is full" in caught.value.problem
    assert str(path) in str(caught.value)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["mia.toml"]  # the temporary file was cleaned up


def test_saving_into_a_missing_folder_says_so(tmp_path):
    with pytest.raises(WorkbookFileError) as caught:
        save_workbook(tmp_path / "gone" / "mia.toml", small())
    assert "folder" in caught.value.problem


# -- conflicts ------------------------------------------------------------------------------


def test_conflict_when_the_file_changed_on_disk(tmp_path):
    path = tmp_path / "mia.toml"
    save_workbook(path, small())
    opened = read_workbook(path)
    other = dumps(add_person(small(), Person("dad", "Dad")))
    path.write_text(other)  # another copy of the app saved in the meantime
    with pytest.raises(ConflictError) as caught:
        save_workbook(path, small(), opened.fingerprint)
    assert "changed on disk" in caught.value.problem
    assert path.read_text() == other


def test_conflict_when_the_file_vanished(tmp_path):
    path = tmp_path / "mia.toml"
    save_workbook(path, small())
    opened = read_workbook(path)
    path.unlink()
    with pytest.raises(ConflictError) as caught:
        save_workbook(path, small(), opened.fingerprint)
    assert "moved or deleted" in caught.value.problem
    assert not path.exists()


def test_a_new_file_never_overwrites_an_existing_one(tmp_path):
    path = tmp_path / "mia.toml"
    path.write_text("someone else's notes")
    with pytest.raises(ConflictError) as caught:
        save_workbook(path, small(), expected=None)
    assert "already exists" in caught.value.problem
    assert path.read_text() == "someone else's notes"


def test_session_save_detects_conflicts_and_keeps_working_after_reload(tmp_path):
    path = tmp_path / "mia.toml"
    save_workbook(path, small())
    work = Session.open(path)
    work.replace(add_person(work.workbook, Person("dad", "Dad")), "Add Dad")
    work.save()
    assert not work.unsaved
    work.replace(add_person(work.workbook, Person("lacey", "Lacey")), "Add Lacey")
    work.save()  # the fingerprint moved on with the first save, so this is no conflict
    assert read_workbook(path).workbook == work.workbook

    outside = add_person(work.workbook, Person("pearl", "Auntie Pearl"))
    path.write_text(dumps(outside))
    work.replace(replace_person(work.workbook, Person("dad", "Daddy")), "Rename Dad")
    with pytest.raises(ConflictError):
        work.save()
    assert read_workbook(path).workbook == outside
    work.reload()
    assert work.workbook == outside and not work.unsaved
    assert work.undo() == "Reload from disk"
    assert work.workbook.person("dad").name == "Daddy"


def test_session_save_as(tmp_path):
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    save_workbook(first, small())
    second.write_text("keep me")
    work = Session.open(first)
    with pytest.raises(ConflictError):
        work.save_as(second)
    assert second.read_text() == "keep me"
    work.save_as(second, overwrite=True)
    assert work.path == second and not work.unsaved
    assert read_workbook(second).workbook == small()
    assert mode(second) == 0o600
    work.replace(add_person(work.workbook, Person("dad", "Dad")), "Add Dad")
    work.save()
    assert "Dad" in second.read_text() and "Dad" not in first.read_text()


def test_session_refuses_to_save_read_only_or_without_a_file(tmp_path):
    path = tmp_path / "mia.toml"
    save_workbook(path, small())
    work = Session.open(path)
    work.read_only = True
    work.replace(add_person(work.workbook, Person("dad", "Dad")), "Add Dad")
    with pytest.raises(WorkbookFileError, match="read-only"):
        work.save()
    assert "Dad" not in path.read_text()
    with pytest.raises(WorkbookFileError):
        Session(small()).save()


# -- deterministic output --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["mia-started.toml", "mia-complete.toml"])
def test_examples_are_in_canonical_form(name):
    data = (EXAMPLES / name).read_bytes()
    assert dumps(parse_workbook(data)).encode("utf-8") == data


def test_the_same_workbook_gives_the_same_bytes(complete_example):
    rebuilt = attrs.evolve(complete_example, people=tuple(complete_example.people))
    assert dumps(complete_example) == dumps(complete_example) == dumps(rebuilt)


def test_text_reused_from_the_last_save_matches_a_fresh_one(complete_example):
    """dumps reuses the text of records an edit did not touch; it must be the same text."""
    dumps(complete_example)
    jo = complete_example.person("nanna-jo")
    edited = replace_person(complete_example, attrs.evolve(jo, name="Nana Josephine"))
    placements = list(edited.circles["trusted-adults"])
    placements[-1] = attrs.evolve(placements[-1], ring=2, note="[b]moved[/b]")
    edited = set_placements(edited, "trusted-adults", placements)
    reused = dumps(edited)
    forget_formatted_records()
    assert reused == dumps(edited)
    assert parse_workbook(reused) == edited


def changed_lines(old: str, new: str) -> list[str]:
    return [
        line for line in difflib.unified_diff(old.splitlines(), new.splitlines(), n=0, lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_renaming_one_person_changes_one_line(complete_example):
    before = dumps(complete_example)
    jo = complete_example.person("nanna-jo")
    after = dumps(replace_person(complete_example, attrs.evolve(jo, name="Nana Josephine")))
    assert changed_lines(before, after) == ['-name = "Nanna Jo"', '+name = "Nana Josephine"']


def test_adding_a_person_only_adds_lines(complete_example):
    before = dumps(complete_example)
    after = dumps(add_person(complete_example, Person("uncle-rob", "Uncle Rob", lives="Leeds")))
    diff = changed_lines(before, after)
    assert diff and all(line.startswith("+") for line in diff)
    assert '+name = "Uncle Rob"' in diff


def test_moving_a_ring_changes_one_line(complete_example):
    before = dumps(complete_example)
    placements = list(complete_example.circles["trusted-adults"])
    placements[-1] = attrs.evolve(placements[-1], ring=2)
    after = dumps(set_placements(complete_example, "trusted-adults", placements))
    assert changed_lines(before, after) == ["-ring = 3", "+ring = 2"]


# -- finding the line of a problem -------------------------------------------------------------


HEADER = 'format = "circles-tui workbook"\nformat_version = 1\n\n[about]\nchild = "Mia"\n'


def problem(text: str) -> WorkbookFileError:
    with pytest.raises(WorkbookFileError) as caught:
        parse_workbook(text.encode("utf-8"), "mia.toml")
    return caught.value


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_line_of_a_problem_in_a_nested_answer():
    text = HEADER + (
        '\n[tree.roots]\nwords = ["Jamaica"]\n'
        '\n[[tree.roots.answers]]\nquestion = "Who?"\nanswer = "Nanna"\n'
        '\n[[tree.roots.answers]]\nquestion = "What?"\nanswer = 3\n'
    )
    error = problem(text)
    assert error.path == "tree.roots.answers[1].answer"
    assert error.line == line_of(text, "answer = 3")
    assert error.location() == f"mia.toml:{error.line}"


def test_line_of_a_problem_in_the_second_placement_of_a_circle(complete_example):
    text = dumps(complete_example)
    lines = text.splitlines()
    # the second who-knows placement: break its tell_more
    starts = [n for n, line in enumerate(lines) if line == "[[circles.who-knows]]"]
    target = next(n for n in range(starts[1], starts[2]) if lines[n].startswith("tell_more"))
    lines[target] = 'tell_more = "perhaps"'
    error = problem("\n".join(lines))
    assert error.path == "circles.who-knows[1].tell_more"
    assert error.line == target + 1
    assert "yes, no, unsure" in error.problem


def test_line_of_a_dangling_reference_in_tree_people(complete_example):
    text = dumps(complete_example).replace('    "great-grandma-ivy",\n', '    "great-gran",\n')
    error = problem(text)
    assert error.path == "tree.leaves.people[7]"
    assert error.line == line_of(text, '"great-gran"') - 8  # the `people = [` line
    assert "'great-gran'" in error.problem


def test_line_found_past_multi_line_text_that_looks_like_toml():
    text = HEADER + (
        'practitioner_note = """\n[[people]]\nid = "fake"\n\'\'\' and """\n'
        '\n[[people]]\nid = "mum"\nname = "  "\n'
    )
    error = problem(text)
    assert error.path == "people[0].name"
    assert error.line == line_of(text, 'name = "  "')


def test_line_found_in_hand_written_toml_with_odd_spacing_and_comments():
    text = HEADER + (
        "\n  [[ people ]]   # Mum\n  id = 'mum'\n  name = 'Mum'\n"
        "\n[[ circles.who-matters ]]\n\"person\" = 'mum'\nring = 7\n"
    )
    error = problem(text)
    assert error.path == "circles.who-matters[0].ring"
    assert error.line == line_of(text, "ring = 7")


def test_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "windows.toml"
    path.write_bytes(b"\xef\xbb\xbf" + dumps(small()).encode("utf-8"))
    assert read_workbook(path).workbook == small()


def test_hand_written_inline_tables_are_read():
    text = (
        'format = "circles-tui workbook"\nformat_version = 1\n'
        'people = [ { id = "mum", name = "Mum" } ]\n'
        'about = { child = "Mia" }\n'
        '[circles]\nwho-matters = [ { person = "mum", ring = 1, contact_modes = ["phone"] } ]\n'
    )
    wb = parse_workbook(text)
    assert wb.circles["who-matters"] == (Placement("mum", 1, extras={"contact_modes": ("phone",)}),)


# -- session history ----------------------------------------------------------------------------


def test_undo_and_redo():
    work = Session(small())
    first = work.workbook
    assert not work.can_undo and work.undo() is None and work.redo() is None
    assert work.replace(first, "nothing") is False  # no change, no history
    assert work.replace(attrs.evolve(first), "equal value") is False
    second = add_person(first, Person("dad", "Dad"))
    assert work.replace(second, "Add Dad")
    third = add_person(second, Person("lacey", "Lacey"))
    work.replace(third, "Add Lacey")
    assert work.version == 2 and work.unsaved
    assert work.undo() == "Add Lacey" and work.workbook is second
    assert work.undo() == "Add Dad" and work.workbook is first
    assert not work.can_undo and work.can_redo
    assert work.redo() == "Add Dad" and work.workbook is second
    # a new edit after undo drops the redo history
    other = add_person(second, Person("pearl", "Auntie Pearl"))
    work.replace(other, "Add Pearl")
    assert not work.can_redo and work.redo() is None
    assert work.undo() == "Add Pearl" and work.workbook is second


def test_history_is_limited(monkeypatch):
    work = Session(new_workbook("Mia"))
    limit = session_module.HISTORY_LIMIT
    start = work.workbook
    for n in range(limit + 25):
        work.replace(add_person(work.workbook, Person(f"p{n}", f"Person {n}")), f"Add {n}")
    steps = 0
    while work.undo() is not None:
        steps += 1
    assert steps == limit
    assert len(work.workbook.people) == 25  # the oldest 25 edits can no longer be undone
    assert work.workbook != start
    for _ in range(limit):
        assert work.redo() is not None
    assert len(work.workbook.people) == limit + 25


def test_a_hold_on_contact_is_read_and_written(complete_example):
    sue = complete_example.person("grandma-sue")
    assert (sue.hold_until, sue.hold_asked_by) == ("Kerry agrees", "Mum (Kerry), on 17 March")
    text = dumps(complete_example)
    assert 'hold_until = "Kerry agrees"' in text
    lifted = replace_person(complete_example, attrs.evolve(sue, hold_until="", hold_asked_by=""))
    assert "hold_until" not in dumps(lifted) and "hold_asked_by" not in dumps(lifted)
    assert parse_workbook(text.encode("utf-8")).person("grandma-sue") == sue
