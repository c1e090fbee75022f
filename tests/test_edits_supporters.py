"""The supporter-circle operations, on plain workbooks (no Textual)."""

from __future__ import annotations

import pytest

from circles_tui.core.edits import EditRefused
from circles_tui.core.edits import supporters
from circles_tui.core.edits.people import remove_person
from circles_tui.core.model import Person, Supporter
from tests.sample_workbooks import small_workbook


def test_add_puts_someone_in_a_supporter_circle_once():
    workbook = small_workbook()
    added = supporters.add("practical", "aunt", workbook)
    assert added.supporters["practical"] == (Supporter("aunt"),)
    assert supporters.add("practical", "aunt", added) is added
    with pytest.raises(EditRefused, match="no longer in the workbook"):
        supporters.add("practical", "aunt", remove_person(workbook, "aunt"))
    with pytest.raises(EditRefused):
        supporters.add("best-friends", "aunt", workbook)


def test_add_new_person_adds_them_to_the_workbook_and_the_circle():
    workbook = small_workbook()
    added = supporters.add_new_person("practical", Person("coach", "Coach Dee"), workbook)
    assert added.person("coach").name == "Coach Dee"
    assert added.supporters["practical"] == (Supporter("coach"),)


def test_edit_replaces_the_entry_and_where_they_live():
    workbook = small_workbook()
    entry = Supporter("nan", what_they_do="Listens", how_to_use="Text her", reach="07700")
    edited = supporters.edit("emotional", entry, "York", workbook)
    assert edited.supporters["emotional"] == (entry,)
    assert edited.person("nan").lives == "York"
    same = workbook.supporters["emotional"][0]
    assert supporters.edit("emotional", same, "Leeds", workbook) is workbook
    with pytest.raises(EditRefused, match="no longer in this supporter circle"):
        supporters.edit("practical", entry, "York", workbook)


def test_remove_takes_someone_out_of_one_supporter_circle_only():
    workbook = small_workbook()
    removed = supporters.remove("emotional", "nan", workbook)
    assert removed.supporters["emotional"] == ()
    assert removed.person("nan") == workbook.person("nan")
    assert supporters.remove("emotional", "nan", removed) is removed
