"""The people-list operations, on plain workbooks (no Textual)."""

from __future__ import annotations

from functools import partial

import pytest

from circles_tui.core.edits import EditRefused
from circles_tui.core.edits import people
from circles_tui.core.model import Person
from tests.sample_workbooks import small_workbook


def test_add_puts_someone_new_at_the_end_and_keeps_ids_unique():
    workbook = small_workbook()
    added = partial(people.add, Person("nan", "Nan", "great-grandmother"))(workbook)
    # "nan" is taken, so the new person gets an id of their own made from the name.
    assert added.people[-1] == Person("nan-2", "Nan", "great-grandmother")
    assert added.person("nan") == workbook.person("nan")
    with pytest.raises(EditRefused, match="name cannot be empty"):
        people.add(Person("blank", "  "), workbook)


def test_edit_replaces_the_details_of_the_same_person():
    workbook = small_workbook()
    changed = Person("aunt", "Aunty Bea", "aunt", lives="Edinburgh", known=False)
    assert people.edit(changed, workbook).person("aunt") == changed
    assert people.edit(workbook.person("aunt"), workbook) is workbook
    with pytest.raises(EditRefused, match="no longer in the workbook"):
        people.edit(changed, people.remove("aunt", workbook))
    with pytest.raises(EditRefused):
        people.edit(Person("aunt", ""), workbook)


def test_rename_changes_the_name_everywhere_and_refuses_an_empty_one():
    workbook = small_workbook()
    renamed = people.rename("nan", "  Nanna  ", workbook)
    assert renamed.person("nan").name == "Nanna"
    assert renamed.person("nan").note == workbook.person("nan").note
    assert people.rename("nan", "Nanna Jo", workbook) is workbook
    with pytest.raises(EditRefused, match="cannot be empty"):
        people.rename("nan", "   ", workbook)
    with pytest.raises(EditRefused):
        people.rename("gone", "Someone", workbook)


def test_merge_combines_two_people_and_refuses_when_either_is_gone():
    workbook = small_workbook()
    merged = people.merge("nan", "aunt", workbook)
    assert "aunt" not in merged.people_by_id()
    assert merged.person("nan").note == "Nanna Jo makes pancakes; Also called Aunty Bea."
    assert ("circle", "who-could-help") in merged.appearances("nan")
    assert people.merge("nan", "nan", workbook) is workbook
    with pytest.raises(EditRefused):
        people.merge("nan", "aunt", people.remove("aunt", workbook))


def test_remove_takes_someone_out_of_every_place():
    workbook = small_workbook()
    removed = people.remove("nan", workbook)
    assert "nan" not in removed.people_by_id()
    assert removed.appearances("nan") == []
    assert people.remove("nan", removed) is removed  # already gone: nothing to do


def test_hold_contact_sets_and_lifts_a_hold():
    workbook = small_workbook()
    held = people.hold_contact("aunt", " Mum agrees ", "Mum", workbook)
    aunt = held.person("aunt")
    assert (aunt.hold_until, aunt.hold_asked_by, aunt.on_hold) == ("Mum agrees", "Mum", True)
    assert not workbook.person("aunt").on_hold
    assert people.hold_contact("aunt", "Mum agrees", "Mum", held) is held  # nothing changed
    lifted = people.hold_contact("aunt", "  ", "Mum", held).person("aunt")
    assert (lifted.hold_until, lifted.hold_asked_by, lifted.on_hold) == ("", "", False)
    with pytest.raises(EditRefused, match="no longer in the workbook"):
        people.hold_contact("aunt", "Mum agrees", "", people.remove("aunt", workbook))


def test_merging_keeps_a_hold_either_person_had():
    workbook = people.hold_contact("aunt", "Mum agrees", "Mum", small_workbook())
    merged = people.merge("nan", "aunt", workbook).person("nan")
    assert (merged.hold_until, merged.hold_asked_by) == ("Mum agrees", "Mum")
